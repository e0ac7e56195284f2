import HullCore
import HullDockerfile
import HullLint

/// `ENV key value` / `LABEL key value` in the legacy whitespace form, or an `ARG key value`
/// that declares a value as a second argument.
public struct LegacyKeyValueFormatRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF036", name: "legacy-key-value-format",
        summary: "`ENV` or `LABEL` uses the legacy `key value` form instead of `key=value`.",
        rationale: """
        The whitespace form takes everything after the key, spaces included, as one value, so \
        `ENV FLAGS -O2 -g` works but `ENV A 1 B 2` sets `A` to `1 B 2`. Docker documents it as deprecated \
        in favour of `key=value`, which can set several variables at once and reads the same as shell \
        assignments. The fix writes `key=value` and keeps the value BuildKit sets: a value without spaces \
        is kept as it is, a value with spaces but no quotes or escapes is wrapped in double quotes, and \
        otherwise each unquoted space is escaped. It is not offered when the value spans continuation \
        lines. Hull also flags `ARG NAME value`, which BuildKit reads as two ARGs, `NAME` and `value`, \
        when the second word cannot be an ARG name (as in `ARG VERSION 1.2`); its fix is unsafe because \
        writing `NAME=value` gives the ARG a default it did not have before.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.buildkit("LegacyKeyValueFormat")],
        fixAvailability: .sometimes,
        fixNote: "The `ARG NAME value` fix gives `NAME` a default value, which changes what the build sees when no build argument is passed.",
        examples: [
            .passing("FROM alpine:3.20\nENV A=1 B=\"two words\"\nLABEL org.opencontainers.image.title=app\nARG A B\n"),
            .passing("FROM alpine:3.20\nARG VERSION=1.2\n"),
            .failing("FROM alpine:3.20\nENV ⟦PATH⟧ /opt/bin:$PATH\n"),
            .failing("FROM alpine:3.20\nLABEL ↓maintainer Jane Doe\nARG ↓VERSION 1.2\n"),
            .fix("FROM php:8.3\nENV PHPIZE_DEPS \\\n\t\tautoconf \\\n\t\tmake\n",
                 to: "FROM php:8.3\nENV PHPIZE_DEPS=\"autoconf \\\n\t\tmake\"\n"),
            .fix("FROM alpine:3.20\nENV PATH /opt/bin:$PATH\nENV FLAGS -O2  -g\nLABEL title \"My app\"\n",
                 to: "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\nENV FLAGS=\"-O2  -g\"\nLABEL title=\"My app\"\n"),
            .fix("FROM alpine:3.20\nENV MSG \"hello\" world\nENV B a\\ b c\n",
                 to: "FROM alpine:3.20\nENV MSG=\"hello\"\\ world\nENV B=a\\ b\\ c\n"),
            .fix("FROM alpine:3.20\nARG VERSION 1.2\n", to: "FROM alpine:3.20\nARG VERSION=1.2\n", .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let escape = input.dockerfile.syntax.escapeToken
        for instruction in input.instructions {
            let keyword = instruction.syntax.keyword
            switch instruction.payload {
            case .env(let payload), .label(let payload):
                for pair in payload.pairs where pair.isLegacyForm {
                    var fix: Fix?
                    let written = input.source.text(pair.value.range)
                    if written == pair.value.text, let value = Self.rewrite(pair.value.text, escape: escape) {
                        fix = Fix(title: "Write `\(pair.key.text)=…`",
                                  edits: [Edit(range: TextRange(start: pair.key.range.end, end: pair.value.range.end), replacement: "=" + value)],
                                  applicability: .safe)
                    } else if instruction.syntax.innerComments.isEmpty, Self.rewrite(pair.value.text, escape: escape) == "\"" + pair.value.text + "\"",
                              Self.joined(written, escape: escape) == pair.value.text {
                        // A value continued over several lines: quoted whole, the continuations stay where they are.
                        fix = Fix(title: "Write `\(pair.key.text)=…`",
                                  edits: [Edit(range: TextRange(start: pair.key.range.end, end: pair.value.range.end), replacement: "=\"" + written + "\"")],
                                  applicability: .safe)
                    }
                    sink.report(pair.key.range, "`\(keyword) \(pair.key.text) …` uses the legacy whitespace form; write `\(pair.key.text)=value`", fix: fix)
                }
            case .arg(let arg):
                guard arg.declarations.count == 2, let first = arg.declarations.first, let second = arg.declarations.last,
                      first.defaultValue == nil, second.defaultValue == nil,
                      StructureVariables.isValidName(first.name.text), !StructureVariables.isValidName(second.name.text) else { continue }
                let fix = Fix(title: "Write `\(first.name.text)=\(second.name.text)`",
                              edits: [Edit(range: TextRange(start: first.name.range.end, end: second.name.range.start), replacement: "=")],
                              applicability: .unsafe)
                sink.report(first.name.range, "`\(keyword) \(first.name.text) \(second.name.text)` declares two ARGs; write `\(first.name.text)=\(second.name.text)` for a default value",
                            fix: fix)
            default:
                continue
            }
        }
    }

    /// `text` with its line continuations (the escape character, optional blanks, a line break)
    /// removed, as BuildKit joins the lines before it reads the words.
    static func joined(_ text: String, escape: EscapeToken) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == escape.rawValue {
                var end = index + 1
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                if end < bytes.count, bytes[end] == 0x0D { end += 1 }
                if end < bytes.count, bytes[end] == 0x0A {
                    index = end + 1
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The value written for `key=value` so that BuildKit reads the same value, or nil when
    /// that cannot be done simply.
    static func rewrite(_ value: String, escape: EscapeToken) -> String? {
        let escapeByte = escape.rawValue
        let bytes = Array(value.utf8)
        if value.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.properties.isWhitespace }) { return nil }
        var unquotedSpaces: [Int] = []
        var inSingle = false, inDouble = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inSingle {
                if byte == UInt8(ascii: "'") { inSingle = false }
            } else if byte == escapeByte {
                index += 1
            } else if byte == UInt8(ascii: "'") && !inDouble {
                inSingle = true
            } else if byte == UInt8(ascii: "\"") {
                inDouble.toggle()
            } else if !inDouble && (byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D) {
                unquotedSpaces.append(index)
            }
            index += 1
        }
        if inSingle || inDouble { return nil }
        if unquotedSpaces.isEmpty { return value }
        let hasQuotesOrEscapes = bytes.contains { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == escapeByte }
        if !hasQuotesOrEscapes { return "\"" + value + "\"" }
        var result: [UInt8] = []
        var spaces = Set(unquotedSpaces)
        for (offset, byte) in bytes.enumerated() {
            if spaces.remove(offset) != nil { result.append(escapeByte) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
