import HullCore
import HullDockerfile
import HullShell

/// The engine pass that runs ShellCheck over the shell scripts of RUN instructions.
///
/// ShellCheck is a separate program, so this is not a rule: the pass runs after the rules,
/// over all Dockerfiles of a run at once (see ``ShellCheckBatcher``), and reports what
/// ShellCheck found at exact Dockerfile ranges.
///
/// **What is checked.** Every shell-form RUN and every heredoc a RUN runs as a script, in the
/// dialect of the SHELL in force (`sh`, `bash`, `dash`, `ksh`; `ash` and BusyBox are checked as
/// `sh`), or of a heredoc's own `#!` line. RUNs under other shells (PowerShell, `cmd`, `zsh`)
/// and heredocs whose shebang names another program are skipped, and so are RUNs that use the
/// default shell in a Windows stage (a Windows base image, or the backtick escape character):
/// Windows runs them with `cmd /S /C`, not `/bin/sh`. A `# hull shell=bash` or
/// `# hadolint shell=bash` comment above a RUN sets the dialect for that RUN. The ARG and ENV
/// names in scope, and BuildKit's predefined proxy ARGs, are declared first so that SC2154 does
/// not fire for them.
///
/// **How findings are represented.** Each finding keeps ShellCheck's own code as its code
/// (`SC2086`), because that is the name users know from ShellCheck and hadolint; `SC` marks
/// these as ShellCheck's, as `PS` marks parse errors, and the four digits are ShellCheck's.
/// Every finding belongs to a rule description made for its code (``description(code:severity:)``):
/// named `shellcheck`, with the aliases `hadolint:SC2086` and `shellcheck:SC2086`, and with
/// ShellCheck's wiki page as its help. So `--ignore SC2086`, `--select SC`, `ignore: [SC2086]`,
/// `severity: {SC2086: error}`, `# hull ignore=SC2086`, `# hadolint ignore=SC2086` and the
/// global forms work exactly as in hadolint, and `--ignore shellcheck` silences them all.
/// Severities are ShellCheck's levels (error, warning, info, style) unless configured.
///
/// When a rule that runs names an SC code among its aliases, that rule speaks for the code
/// and ShellCheck's findings with it are dropped, so no problem is reported twice.
public struct ShellCheckPass: Sendable {
    /// The configuration in force.
    public let configuration: Configuration
    /// SC codes (such as `SC2086`) that a running rule already reports.
    public let coveredCodes: Set<String>

    /// BuildKit's predefined ARGs that a RUN sees without declaring them.
    public static let predefinedVariables = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
                                             "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"]

    /// Creates the pass for a configuration and the descriptions of the rules that run.
    public init(configuration: Configuration, rules: [RuleDescription]) {
        self.configuration = configuration
        var covered: Set<String> = []
        for rule in rules {
            for alias in rule.aliases where alias.id.count > 2 && alias.id.uppercased().hasPrefix("SC") && alias.id.dropFirst(2).allSatisfy(\.isNumber) {
                covered.insert(alias.id.uppercased())
            }
        }
        self.coveredCodes = covered
    }

    /// Whether `configuration` wants ShellCheck to run at all: not switched off, and some SC
    /// code can be selected (`--select DF` alone selects none).
    public static func isRequested(by configuration: Configuration) -> Bool {
        if configuration.shellcheck == false { return false }
        func namesShellCheck(_ identifier: String) -> Bool {
            let upper = identifier.trimmingCharacters(in: .whitespaces).uppercased()
            return upper == "ALL" || upper == "SHELLCHECK" || (!upper.isEmpty && "SC".hasPrefix(upper)) || upper.hasPrefix("SC")
        }
        if configuration.ignore.contains(where: { ["SC", "SHELLCHECK", "ALL"].contains($0.trimmingCharacters(in: .whitespaces).uppercased()) }) { return false }
        if configuration.extendSelect.contains(where: namesShellCheck) { return true }
        guard let select = configuration.select else { return true }
        return select.contains(where: namesShellCheck)
    }

    /// The description ShellCheck's findings with `code` belong to.
    public static func description(code: String, severity: Severity) -> RuleDescription {
        RuleDescription(
            code: RuleCode(code), name: "shellcheck",
            summary: "ShellCheck reports \(code) in a RUN script.",
            rationale: "ShellCheck found a likely bug or pitfall in the shell script a RUN instruction runs. Its wiki page for \(code) explains the problem and the fix.",
            category: .correctness, defaultSeverity: severity,
            aliases: [.hadolint(code), RuleAlias(tool: "shellcheck", id: code)],
            examples: [])
    }

    /// The metadata reports carry for `code`, with ShellCheck's wiki page as help.
    public static func metadata(code: String, severity: Severity) -> RuleMetadata {
        var metadata = description(code: code, severity: severity).metadata
        metadata.helpURI = "https://www.shellcheck.net/wiki/\(code)"
        return metadata
    }

    /// The scripts of one Dockerfile, prepared for ShellCheck.
    public func prepare(_ input: AnalyzedDockerfile) -> ShellCheckUnit {
        var scripts: [ShellCheckUnit.Script] = []
        for instruction in input.instructions {
            let shell: [String]
            let sources: [ShellSource]
            switch instruction.payload {
            case .run:
                guard let parsed = input.scripts(at: instruction.index) else { continue }
                shell = parsed.shell
                sources = parsed.scripts.map(\.script.source)
            case .onbuild(let onbuild):
                // An ONBUILD RUN runs in each child build, under the SHELL the image ends with.
                guard let trigger = onbuild.trigger, trigger.kind == .run, !trigger.isJSON, !trigger.restRange.isEmpty else { continue }
                shell = instruction.stageIndex.flatMap(input.finalShell(ofStage:)) ?? ["/bin/sh", "-c"]
                sources = [ShellSource(bytes: Array(trigger.line.bytes[trigger.restRange]), fileOffsets: Array(trigger.line.fileOffsets[trigger.restRange]))]
            default:
                continue
            }
            let pragma = instruction.syntax.previousComments.lazy.compactMap(Self.shellPragma).last
            if pragma == nil, shell == ["/bin/sh", "-c"], Self.isWindows(instruction.stageIndex, in: input) { continue }
            guard let dialect = pragma.map({ ShellCheckDialect(program: $0) }) ?? ShellCheckDialect(shell: shell) else { continue }
            var names = input.semantics.scope(at: instruction.index).declaredNames + Self.predefinedVariables
            if case .onbuild = instruction.payload { names += Self.onbuildDeclarations(before: instruction, in: input) }
            for source in sources where source.isExact {
                let bytes = source.bytes
                if bytes.starts(with: [0x23, 0x21]) {
                    let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
                    if ShellCheckDialect(shebang: firstLine) == nil { continue }
                }
                guard let prepared = ShellCheckInput(script: bytes, dialect: dialect, predefined: names) else { continue }
                scripts.append(.init(input: prepared, source: source, instruction: instruction.index))
            }
        }
        return ShellCheckUnit(path: input.source.path, suppressions: configuration.allowsInlinePragmas ? Suppressions(input.dockerfile.syntax) : .none, scripts: scripts)
    }

    /// The names earlier `ONBUILD ARG` and `ONBUILD ENV` triggers of the stage declare: in a child
    /// build they run before a later ONBUILD RUN.
    static func onbuildDeclarations(before instruction: Instruction, in input: AnalyzedDockerfile) -> [String] {
        input.instructions.prefix(instruction.index).flatMap { earlier -> [String] in
            guard earlier.stageIndex == instruction.stageIndex, case .onbuild(let onbuild) = earlier.payload, let trigger = onbuild.trigger,
                  trigger.kind == .arg || trigger.kind == .env else { return [] }
            return trigger.arguments.compactMap { argument in
                let name = String(argument.value.prefix { $0 != "=" })
                let isName = name.first.map { $0 == "_" || $0.isLetter } ?? false && name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
                return isName ? name : nil
            }
        }
    }

    /// The diagnostics for one unit, given ShellCheck's findings for each of its scripts.
    public func diagnostics(for unit: ShellCheckUnit, comments: [[ShellCheckComment]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (script, found) in zip(unit.scripts, comments) {
            for comment in found {
                let code = comment.identifier
                if coveredCodes.contains(code) { continue }
                let description = Self.description(code: code, severity: comment.severity)
                guard configuration.isEnabled(description),
                      let local = script.input.localRange(line: comment.line, column: comment.column, endLine: comment.endLine, endColumn: comment.endColumn)
                else { continue }
                let diagnostic = Diagnostic(code: description.code, name: description.name, severity: configuration.severity(for: description),
                                            message: comment.message, location: .file(path: unit.path, range: script.source.fileRange(local)))
                if unit.suppressions.suppresses(diagnostic, of: description, instruction: script.instruction) { continue }
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics
    }

    /// Checks every unit in one batch and returns each unit's diagnostics, in unit order.
    public func run(_ units: [ShellCheckUnit], batcher: ShellCheckBatcher) async -> (diagnostics: [[Diagnostic]], failures: [ShellCheckFailure]) {
        let inputs = units.flatMap { $0.scripts.map(\.input) }
        let result = await batcher.check(inputs)
        var offset = 0
        var diagnostics: [[Diagnostic]] = []
        for unit in units {
            let slice = Array(result.comments[offset..<(offset + unit.scripts.count)])
            offset += unit.scripts.count
            diagnostics.append(self.diagnostics(for: unit, comments: slice))
        }
        return (diagnostics, result.failures)
    }

    /// Whether a stage builds a Windows image: its root base names a Windows image, or the
    /// file uses the backtick escape character that Windows Dockerfiles use for paths. A RUN
    /// with the default shell there runs under `cmd /S /C`, not `/bin/sh`.
    public static func isWindows(_ stageIndex: Int?, in input: AnalyzedDockerfile) -> Bool {
        if input.dockerfile.syntax.escapeToken == .backtick { return true }
        guard let stageIndex else { return false }
        let text: String
        switch input.semantics.rootBase(of: stageIndex) {
        case .image(let image, _): text = image.lowercased()
        case .unresolved(let image): text = input.semantics.baseExpansions[stageIndex].value.isEmpty ? image.lowercased() : input.semantics.baseExpansions[stageIndex].value.lowercased()
        default: return false
        }
        return ["windows/servercore", "windows/nanoserver", "/windows:", "windowsservercore", "nanoserver", "microsoft/windows"].contains { text.contains($0) }
            || text.hasSuffix("/windows")
    }

    /// The shell a `hull shell=NAME` or `hadolint shell=NAME` comment names (text without `#`).
    static func shellPragma(_ comment: String) -> String? {
        let words = comment.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, ["hull", "hadolint"].contains(words[0].lowercased()), words[1].lowercased().hasPrefix("shell=") else { return nil }
        let name = words[1].dropFirst("shell=".count)
        return name.isEmpty ? nil : String(name)
    }
}
