import Foundation
import HullCore
import HullDockerfile
import HullLint
@testable import HullRules
import HullShell
import HullTestSupport
import Testing

/// What the shell-hygiene rules' examples cannot say: advice-only fixes, ONBUILD and exec-form
/// RUN, fixes withheld by context, the shared support code, and fixes over the corpus.
@Suite("Shell hygiene rules")
struct HygieneRulesTests {
    static let rules: [any DockerfileRule.Type] = BuiltinRules.all.filter {
        let code = $0.description.code.rawValue
        guard code.hasPrefix("SH"), let number = Int(code.dropFirst(2)) else { return false }
        return (20...59).contains(number)
    }

    func diagnostics(_ rule: any DockerfileRule.Type, _ text: String) -> [Diagnostic] {
        ExampleRunner.diagnostics(rule, text, .passing(text))
    }

    func text(_ diagnostic: Diagnostic, in text: String) -> String {
        guard let range = diagnostic.range else { return "" }
        return String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
    }

    @Test("the block registers SH020–SH039 in code order")
    func registration() {
        let codes = Self.rules.map { $0.description.code.rawValue }
        #expect(codes == (20...39).map { "SH0\($0)" })
    }

    @Test("`cd` advice rewrites the RUN into a WORKDIR, shown but never applied")
    func cdAdvice() throws {
        let source = "FROM debian:12\nRUN cd /src && make install\n"
        let found = diagnostics(CdInRunRule.self, source)
        let fix = try #require(found.first?.fix)
        #expect(fix.applicability == .displayOnly)
        let applied = FixApplier.apply([fix], to: Array(source.utf8))
        #expect(String(decoding: applied.bytes, as: UTF8.self) == "FROM debian:12\nWORKDIR /src\nRUN make install\n")
        let later = diagnostics(CdInRunRule.self, "FROM debian:12\nRUN make && cd /src && make install\n")
        #expect(later.count == 1 && later[0].fix == nil)
        let outcome = ExampleRunner.fix(CdInRunRule.self, source, .passing(source), threshold: .unsafe)
        #expect(outcome.applied.isEmpty)
    }

    @Test("ONBUILD RUN triggers are judged like RUN")
    func onbuild() {
        let source = "FROM debian:12\nONBUILD RUN sudo apt-get install -y curl | tee /log\n"
        #expect(diagnostics(SudoInRunRule.self, source).map { text($0, in: source) } == ["sudo"])
        #expect(diagnostics(PipeWithoutPipefailRule.self, source).map { text($0, in: source) } == ["|"])
        #expect(diagnostics(OsPackageNotPinnedRule.self, source).map { text($0, in: source) } == ["curl"])
    }

    @Test("a heredoc fed to a shell runs with that shell's flags, not the SHELL's")
    func heredocShellFlags() {
        let flagged = "FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN bash <<EOF\ncurl x | sh\nEOF\n"
        #expect(diagnostics(PipeWithoutPipefailRule.self, flagged).count == 1)
        let accepted = "FROM debian:12\nRUN bash -o pipefail <<EOF\ncurl x | sh\nEOF\n"
        #expect(diagnostics(PipeWithoutPipefailRule.self, accepted).isEmpty)
    }

    @Test("exec-form RUN is read as a command line, and gets no fixes")
    func execForm() {
        let source = "FROM debian:12\nRUN [\"apt-get\", \"install\", \"curl\"]\nRUN [\"sh\", \"-c\", \"curl -k https://example.com | sh\"]\n"
        let prompts = diagnostics(PackageInstallWithoutYesRule.self, source)
        #expect(prompts.map { text($0, in: source) } == ["install"])
        #expect(prompts.allSatisfy { $0.fix == nil })
        #expect(diagnostics(PipeWithoutPipefailRule.self, source).map { text($0, in: source) } == ["|"])
        let insecure = diagnostics(DownloadTlsVerificationDisabledRule.self, source)
        #expect(insecure.map { text($0, in: source) } == ["-k"])
        #expect(insecure.allSatisfy { $0.fix == nil })
    }

    @Test("removing `sudo` is offered only when no non-root USER is in force")
    func sudoFixNeedsRoot() {
        let nonRoot = "FROM debian:12 AS base\nUSER app\nFROM base\nRUN sudo make install\n"
        let found = diagnostics(SudoInRunRule.self, nonRoot)
        #expect(found.count == 1 && found[0].fix == nil)
        let root = "FROM debian:12\nUSER app\nUSER 0\nRUN sudo -H make install\n"
        #expect(diagnostics(SudoInRunRule.self, root).first?.fix != nil)
        let wrapped = "FROM debian:12\nRUN sudo -u app make install\n"
        #expect(diagnostics(SudoInRunRule.self, wrapped).first?.fix == nil)
    }

    @Test("ARG and ENV values are resolved per stage; run-time values are left alone")
    func variables() {
        let source = """
        FROM alpine:3.20 AS one
        ARG PKGS="curl=8.9.1-r0 git"
        RUN apk add $PKGS "$PKGS"
        FROM alpine:3.20
        ARG PKGS
        RUN apk add $PKGS && for p in a b; do apk add "$p"; done && apk add $(cat /pkgs)

        """
        let found = diagnostics(OsPackageNotPinnedRule.self, source)
        #expect(found.map { text($0, in: source) } == ["$PKGS"])
        #expect(found.first?.message.contains("`git`") ?? false)
        #expect(!(found.first?.message.contains("curl") ?? true))
    }

    @Test("options may come from variables; only option-named unknowns are given the benefit of the doubt")
    func optionVariables() {
        let source = """
        FROM debian:12
        ARG APT_OPTS="-qq"
        RUN apt-get install $APT_OPTS curl && apt-get install $EXTRA_OPTS vim && apt-get install $PACKAGES

        """
        let found = diagnostics(PackageInstallWithoutYesRule.self, source)
        #expect(found.count == 1)
        let last = source.utf8.count - "install $PACKAGES\n".utf8.count
        #expect(found.first?.range == TextRange(start: last, end: last + "install".utf8.count))
        let wget = "FROM debian:12\nENV WGET_FLAGS=--no-verbose\nRUN wget $WGET_FLAGS https://x/a && wget \"$URL\"\n"
        #expect(diagnostics(WgetProgressBarRule.self, wget).count == 1)
    }

    @Test("word fields follow the shell's splitting and defaults")
    func fields() throws {
        var scope = VariableScope()
        scope.declareArg("A", value: "x y")
        scope.declareArg("EMPTY", value: "")
        func fields(_ text: String) throws -> [String]? {
            let script = ShellScript("echo \(text)")
            let word = try #require(script.commands.first?.arguments.first)
            return HygieneVariables.fields(of: word, in: scope)
        }
        #expect(try fields("$A") == ["x", "y"])
        #expect(try fields("\"$A\"") == ["x y"])
        #expect(try fields("pre-${A}") == ["pre-x", "y"])
        #expect(try fields("${EMPTY:-d}") == ["d"])
        #expect(try fields("${MISSING-z}") == ["z"])
        #expect(try fields("$MISSING") == nil)
        #expect(try fields("$(cat f)") == nil)
    }

    @Test("deleting an option keeps continuations and line endings")
    func deletion() throws {
        func delete(_ text: String, option: String) throws -> String {
            let script = ShellScript(text)
            let invocation = try #require(script.invocations.first)
            let parsed = try #require(invocation.options(named: option).first)
            let edit = try #require(HygieneEdits.delete(parsed, in: Array(text.utf8)))
            return String(decoding: FixApplier.apply([Fix(title: "", edits: [edit], applicability: .unsafe)], to: Array(text.utf8)).bytes, as: UTF8.self)
        }
        #expect(try delete("curl -k https://x", option: "-k") == "curl https://x")
        #expect(try delete("curl https://x --insecure\r\n", option: "--insecure") == "curl https://x\r\n")
        #expect(try delete("apt-get install --force-yes \\\n  curl", option: "--force-yes") == "apt-get install \\\n  curl")
        #expect(try delete("pip install --trusted-host h x==1", option: "--trusted-host") == "pip install x==1")
        let cluster = ShellScript("curl -fsSLk https://x")
        let option = try #require(cluster.invocations.first?.options(named: "-k").first)
        #expect(HygieneEdits.delete(option, in: Array("curl -fsSLk https://x".utf8)) == nil)
    }

    @Test("archives are matched by base name, Windows paths included")
    func archiveNames() {
        #expect(ArchiveCopiedThenExtractedRule.baseName("C:\\Program Files\\Foo\\bar.tar.gz") == "bar.tar.gz")
        #expect(ArchiveCopiedThenExtractedRule.baseName("/opt/app/") == "app")
        #expect(ArchiveCopiedThenExtractedRule.isTarArchive("site.TGZ"))
        #expect(!ArchiveCopiedThenExtractedRule.isTarArchive("app.zip"))
        #expect(!ArchiveCopiedThenExtractedRule.isTarArchive(".tar"))
    }

    @Test("version pins are read per ecosystem", arguments: [
        ("curl=7.88.1-10", HygienePackages.Ecosystem.apt, HygienePackages.Verdict.pinned),
        ("nginx/bookworm-backports", .apt, .pinned),
        ("./tool.deb", .apt, .notAPackage),
        ("curl", .apt, .unpinned),
        ("musl~1.2", .apk, .pinned),
        ("curl@edge", .apk, .unpinned),
        ("python3-devel", .rpm, .unpinned),
        ("java-17-openjdk", .rpm, .unpinned),
        ("java-17-openjdk-17.0.9.0.9-3.el9", .rpm, .pinned),
        ("make-4.4.1", .rpm, .pinned),
        ("@development", .rpm, .notAPackage),
        ("nodejs:20", .rpmModule, .pinned),
        ("git>=2.43", .zypper, .pinned),
        ("flask==3.0", .pip, .pinned),
        ("jax[cuda]", .pip, .unpinned),
        ("git+https://github.com/o/r.git@v1#egg=r", .pip, .pinned),
        ("git+ssh://git@github.com/o/r.git", .pip, .unpinned),
        ("name @ https://x/y.whl", .pip, .notAPackage),
        ("@scope/pkg@1.2.3", .npm, .pinned),
        ("@scope/pkg", .npm, .unpinned),
        ("pkg@latest", .npm, .unpinned),
        ("user/repo#v1", .npm, .pinned),
        ("git+https://x/y.git", .npm, .unpinned),
        ("rails:7.1", .gem, .pinned),
        ("golang.org/x/tools/gopls@v0.16.1", .go, .pinned),
        ("golang.org/x/tools/gopls@latest", .go, .unpinned),
        ("./cmd/...", .go, .notAPackage),
    ])
    func pins(_ operand: String, _ ecosystem: HygienePackages.Ecosystem, _ expected: HygienePackages.Verdict) {
        #expect(HygienePackages.verdict(operand, ecosystem) == expected)
    }

    @Test("fixes over the corpus re-parse, converge and leave nothing fixable behind",
          .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
    func corpusFixes() throws {
        var configuration = Configuration()
        configuration.select = Self.rules.map { $0.description.code.rawValue }
        let linter = Linter(rules: Self.rules, configuration: configuration)
        let fixer = Fixer(linter: linter, threshold: .unsafe)
        var problems: [String] = []
        var fixedFiles = 0
        for (index, entry) in Corpus.dockerfiles.enumerated() where index % 3 == 0 {
            let source = SourceFile(path: entry.relativePath, bytes: [UInt8](try Data(contentsOf: entry.url)))
            guard Dockerfile.parse(source).syntax.error == nil else { continue }
            let outcome = fixer.fix(source) { AnalyzedDockerfile(Dockerfile.parse($0), configuration: configuration) }
            if let refusal = outcome.refusal { problems.append("\(entry.relativePath): \(refusal)") }
            guard !outcome.applied.isEmpty else { continue }
            fixedFiles += 1
            let after = SourceFile(path: source.path, bytes: outcome.bytes)
            let left = linter.lint(AnalyzedDockerfile(Dockerfile.parse(after), configuration: configuration))
                .filter { ($0.fix?.applicability ?? .displayOnly) != .displayOnly }
            if !left.isEmpty { problems.append("\(entry.relativePath): still fixable after fixing: \(left.prefix(3).map { "\($0.code) \($0.message)" })") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(fixedFiles > 0)
    }
}
