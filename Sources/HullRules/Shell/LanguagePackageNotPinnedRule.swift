import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Language packages (pip, npm, gem, `go install` and `go get`) installed without a version.
public struct LanguagePackageNotPinnedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH034", name: "language-package-not-pinned",
        summary: "A pip, npm, gem or Go package is installed without a version.",
        rationale: """
        Package registries publish new releases all the time, so `pip install flask` or `npm install \
        -g typescript` installs something different from one build to the next, and a breaking \
        release (or a compromised one) lands in the image without any change to the Dockerfile. Pin \
        each package (`flask==3.0.3`, `typescript@5.5.4`, `rails:7.1.3` or `gem install rails -v \
        7.1.3`, `golang.org/x/tools/gopls@v0.16.1`), or install from a file that pins them: `pip \
        install -r requirements.txt` or a constraints file (`-c`, or `PIP_CONSTRAINT` set with ARG \
        or ENV), `npm ci` with a lockfile. Hull follows hadolint's syntax rules: pip version \
        operators, local folders, wheels and archives, and VCS URLs with an `@ref`; npm tarballs, \
        folders, and git URLs with a `#ref`. It is stricter in one place: `@latest` is a moving tag, \
        not a version, for npm and `go install` alike. `go get` is judged as `go install` is: both \
        fetch the newest release of a package named without `@version`. Operands built from ARG or \
        ENV values are resolved; operands only known at run time are left alone.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3013"), .hadolint("DL3016"), .hadolint("DL3028"), .hadolint("DL3062")],
        examples: [
            .passing("FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3 'requests>=2.32' . ./libs/core git+https://example.com/org/tool.git@v1.2\n"),
            .passing("FROM python:3.12\nRUN pip install -r requirements.txt uvicorn && python -m pip install -c constraints.txt gunicorn\n"),
            .passing("FROM node:20\nRUN npm install && npm install -g typescript@5.5.4 @angular/cli@18.1.0 ./vendor/lib.tgz && npm ci\n"),
            .passing("FROM ruby:3.3\nRUN gem install rails -v 7.1.3 && gem install bundler:2.5.16\n"),
            .passing("FROM golang:1.22\nARG GOPLS_VERSION=v0.16.1\nRUN go install golang.org/x/tools/gopls@${GOPLS_VERSION} && go install ./cmd/...\n"),
            .failing("FROM python:3.12\nRUN pip install --no-cache-dir ⟦flask⟧ gunicorn==22.0.0\n"),
            .failing("FROM python:3.12\nRUN python3 -m pip install --upgrade ⟦pip⟧ && \\\n    sudo pip3 install ⟦git+https://example.com/org/tool.git⟧\n"),
            .failing("FROM node:20\nRUN npm i -g ⟦typescript⟧ ⟦@angular/cli@latest⟧\n"),
            .failing("FROM ruby:3.3\nRUN <<EOF\nset -e\ngem install ↓rails\nEOF\n"),
            .passing("FROM golang:1.24\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go install tool && go install ./cmd/server && go install cmd/vet\n"),
            .failing("FROM golang:1.22\nRUN go install ⟦golang.org/x/tools/gopls@latest⟧ && go install ↓honnef.co/go/tools/cmd/staticcheck\n"),
            .failing("FROM golang:1.16\nRUN go get -d -v ⟦github.com/optiopay/klar⟧ && go get golang.org/x/tools/gopls@v0.6.3 ./...\n"),
        ])

    /// hadolint has one ID per package manager.
    static let peerIDs = ["pip": "DL3013", "npm": "DL3016", "gem": "DL3028", "go": "DL3062"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            let scope = input.hygieneScope(at: run.instruction.index)
            for command in run.commands {
                guard let invocation = command.invocation, let tool = invocation.tool,
                      let (ecosystem, example) = Self.packageOperands(invocation, tool: tool, scope: scope) else { continue }
                for (word, names) in HygienePackages.unpinned(invocation.operands, ecosystem, scope: scope) {
                    let list = names.map { "`\($0)`" }.joined(separator: ", ")
                    let what = word.literal == nil ? "`\(word.raw)` gives \(list), not pinned" : "\(list) is not pinned"
                    sink.report(word.fileRange, "\(what); use `\(example)`", peerIDs: Self.peerIDs[tool].map { [$0] } ?? [])
                }
            }
        }
    }

    /// The ecosystem and an example of a pin, when the invocation installs registry packages
    /// that it does not take from a pinning file.
    static func packageOperands(_ invocation: CommandInvocation, tool: String, scope: VariableScope) -> (HygienePackages.Ecosystem, String)? {
        let path = invocation.subcommandPath
        switch tool {
        case "pip":
            guard path.first == "install", !invocation.has(option: "-r", "-c"),
                  (scope.value(of: "PIP_CONSTRAINT") ?? "").isEmpty else { return nil }
            return (.pip, "pip install <package>==<version>")
        case "npm":
            guard path.first == "install" else { return nil }
            return (.npm, "npm install <package>@<version>")
        case "gem":
            guard path.first == "install", !invocation.has(option: "-v") else { return nil }
            return (.gem, "gem install <gem>:<version>")
        case "go":
            // `go get` fetches the newest version as `go install` does (and records it in go.mod).
            guard path.first == "install" || path.first == "get" else { return nil }
            return (.go, "go \(path.first ?? "install") <package>@<version>")
        default:
            return nil
        }
    }
}
