import HullCore
import HullDockerfile
import HullLint

/// A `HEALTHCHECK` option BuildKit rejects: a duration it cannot read or below 1ms, or a
/// negative or non-integer `--retries`.
public struct InvalidHealthcheckOptionRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF084", name: "invalid-healthcheck-option",
        summary: "A `HEALTHCHECK` option has a value BuildKit rejects.",
        rationale: """
        BuildKit reads `--interval`, `--timeout`, `--start-period` and `--start-interval` as Go durations: \
        a number followed by a unit (`ns`, `us`, `ms`, `s`, `m`, `h`), possibly chained (`1m30s`), with `0` \
        the only bare number. `--interval=30` has no unit and fails the build, as does any non-zero \
        duration below 1ms, negative ones included. `--retries` must be a whole number that is not \
        negative. An empty value keeps the default and is accepted. These options are not expanded, so a \
        `$VARIABLE` fails as well. Options of `HEALTHCHECK NONE` are not read by BuildKit and are not \
        judged; flags that are unknown or lack a value are `invalid-instruction-flag`'s concern.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=1m30s --start-period=0 --start-interval=500ms --retries=3 CMD curl -f http://localhost/\n"),
            .passing("FROM nginx:1.27\nHEALTHCHECK --interval=1.5h --timeout= --retries=0 CMD true\nHEALTHCHECK NONE\n"),
            .failing("FROM nginx:1.27\nHEALTHCHECK --interval=⟦30⟧ CMD true\n"),
            .failing("FROM nginx:1.27\nHEALTHCHECK --timeout=⟦500us⟧ --start-period=⟦-5s⟧ --retries=⟦-1⟧ CMD true\n"),
            .failing("FROM nginx:1.27\nHEALTHCHECK --interval=⟦$INTERVAL⟧ --retries=⟦three⟧ CMD true\n"),
        ])

    /// The options that take durations.
    static let durationOptions: Set<String> = ["interval", "timeout", "start-period", "start-interval"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .healthcheck(let healthcheck) = instruction.payload, !healthcheck.isNone else { continue }
            for flag in instruction.syntax.flags {
                guard let value = flag.value, !value.isEmpty else { continue }
                let range = Self.valueRange(flag, in: input.source)
                if Self.durationOptions.contains(flag.name) {
                    guard let nanoseconds = Self.duration(value) else {
                        let hint = value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? "; add a unit, e.g. `\(value)s`" : ""
                        sink.report(range, "`\(value)` is not a duration for `--\(flag.name)`\(hint)", notes: ["BuildKit fails the build on it."])
                        continue
                    }
                    if nanoseconds != 0 && nanoseconds < 1_000_000 {
                        sink.report(range, "`\(value)` for `--\(flag.name)` is below BuildKit's minimum of 1ms", notes: ["BuildKit fails the build on it; `0` keeps the default."])
                    }
                } else if flag.name == "retries" {
                    guard let retries = Self.integer(value), (Int(Int32.min)...Int(Int32.max)).contains(retries) else {
                        sink.report(range, "`\(value)` is not a whole number for `--retries`", notes: ["BuildKit fails the build on it."])
                        continue
                    }
                    if retries < 0 { sink.report(range, "`--retries` cannot be negative", notes: ["BuildKit fails the build on it."]) }
                }
            }
        }
    }

    /// The range of the flag's value when it is written literally after `=`, else the flag's.
    static func valueRange(_ flag: FlagSyntax, in source: SourceFile) -> TextRange {
        guard let value = flag.value, source.text(flag.range) == "--\(flag.name)=\(value)" else { return flag.range }
        return TextRange(start: flag.range.end - value.utf8.count, end: flag.range.end)
    }

    /// A whole number as Go's `strconv.ParseInt(s, 10, …)` reads it.
    static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(digits) else { return nil }
        return negative ? -value : value
    }

    /// A duration in nanoseconds as Go's `time.ParseDuration` reads it, or nil when it cannot.
    static func duration(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        if String(scalars) == "0" { return 0 }
        guard !scalars.isEmpty else { return nil }
        let units: [String: Double] = ["ns": 1, "us": 1e3, "\u{00B5}s": 1e3, "\u{03BC}s": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9]
        var total = 0.0
        while let first = scalars.first {
            guard first == "." || ("0"..."9").contains(first) else { return nil }
            let integer = scalars.prefix { ("0"..."9").contains($0) }
            scalars = scalars.dropFirst(integer.count)
            var fraction = Substring.UnicodeScalarView()
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                fraction = Substring.UnicodeScalarView(scalars.prefix { ("0"..."9").contains($0) })
                scalars = scalars.dropFirst(fraction.count)
            }
            guard !integer.isEmpty || !fraction.isEmpty else { return nil }
            let unit = String(String.UnicodeScalarView(scalars.prefix { $0 != "." && !("0"..."9").contains($0) }))
            scalars = scalars.dropFirst(unit.unicodeScalars.count)
            guard let scale = units[unit] else { return nil }
            let number = Double("0" + String(String.UnicodeScalarView(integer)) + "." + String(String.UnicodeScalarView(fraction)) + "0") ?? 0
            total += number * scale
            guard total <= Double(Int64.max) else { return nil }
        }
        return negative ? -total : total
    }
}
