import HullCore
@testable import HullReport

/// One fixed, rich report that every reporter's snapshot renders.
///
/// Two Dockerfiles with multi-byte characters and tabs; a safe fix, an unsafe insertion and a
/// display-only suggestion; a range over two lines; a context-path finding; an image and an
/// image-layer finding; all four severities; a rule that ran without findings.
enum ReportFixture {
    static let tool = ToolInfo(name: "hull", version: "0.1.0", informationURI: "https://example.com/hull")
    static let sourceRoot = "/work/project"
    static let image = "registry.example.com/team/api:1.4"

    static let dockerfile = SourceFile(path: "Dockerfile", text: """
        # syntax=docker/dockerfile:1
        FROM debian:12
        MAINTAINER José Müller <jose@example.com>
        RUN apt-get update && \\
        \tapt-get install -y curl   # 取得 curl
        COPY --chown=app\t. /app

        """)

    static let devfile = SourceFile(path: "services/api/Dockerfile.dev", text: """
        FROM node:20 AS Build
        WORKDIR /srv/应用
        ENV GREETING="héllo 👋"\tPORT=8080
        RUN echo "$GREETING" > /dev/null

        """)

    /// The byte range of the `occurrence`-th (from 0) appearance of `needle` in `source`.
    static func range(of needle: String, in source: SourceFile, occurrence: Int = 0) -> TextRange {
        let pattern = Array(needle.utf8)
        var seen = 0
        var index = 0
        while index + pattern.count <= source.bytes.count {
            if Array(source.bytes[index..<index + pattern.count]) == pattern {
                if seen == occurrence { return TextRange(start: index, end: index + pattern.count) }
                seen += 1
            }
            index += 1
        }
        fatalError("fixture text \(needle) not found in \(source.path)")
    }

    static func rule(_ code: RuleCode, _ name: String, _ summary: String, category: String, severity: Severity,
                     aliases: [RuleAlias] = [], fix: FixAvailability = .none) -> RuleMetadata {
        RuleMetadata(code: code, name: name, summary: summary,
                     rationale: "Why \(name) matters, and what to write instead.",
                     category: category, defaultSeverity: severity, aliases: aliases, fixAvailability: fix,
                     helpURI: "https://example.com/hull/rules/\(code.rawValue)")
    }

    static let rules: [RuleMetadata] = [
        rule("SH015", "apt-get-install-recommends", "`apt-get install` without `--no-install-recommends`.", category: "size", severity: .info,
             aliases: [RuleAlias(tool: "hadolint", id: "DL3015"), RuleAlias(tool: "trivy", id: "DS-0029")], fix: .unsafe),
        rule("DF001", "maintainer-instruction", "`MAINTAINER` is deprecated.", category: "maintainability", severity: .warning,
             aliases: [RuleAlias(tool: "hadolint", id: "DL4000"), RuleAlias(tool: "buildkit", id: "MaintainerDeprecated"),
                       RuleAlias(tool: "checkov", id: "CKV_DOCKER_6")], fix: .safe),
        rule("DF003", "from-latest", "An image is pulled by its `latest` tag.", category: "correctness", severity: .warning,
             aliases: [RuleAlias(tool: "hadolint", id: "DL3007")]),
        rule("DF010", "stage-name-casing", "A stage name is not lower case.", category: "style", severity: .warning,
             aliases: [RuleAlias(tool: "buildkit", id: "StageNameCasing")]),
        rule("DF045", "env-pair-after-tab", "`ENV` pairs are separated by a tab.", category: "correctness", severity: .error),
        rule("DF052", "tab-separated-arguments", "Instruction arguments are separated by a tab.", category: "style", severity: .style,
             fix: .displayOnly),
        rule("CX003", "private-key-in-context", "A private key is part of the build context.", category: "security", severity: .error),
        rule("IM001", "image-runs-as-root", "The image runs as root.", category: "security", severity: .warning,
             aliases: [RuleAlias(tool: "dockle", id: "CIS-DI-0001"), RuleAlias(tool: "trivy", id: "DS-0002")]),
        rule("IM004", "secret-file-in-layer", "A layer contains a credentials file.", category: "security", severity: .error),
    ]

    static var report: Report {
        let maintainer = range(of: "MAINTAINER José Müller <jose@example.com>", in: dockerfile)
        let aptStart = range(of: "apt-get update", in: dockerfile).start
        let aptEnd = range(of: "curl", in: dockerfile).end
        let insertion = range(of: "-y curl", in: dockerfile).start
        let tab = range(of: "\t", in: dockerfile, occurrence: 1)
        let dockerfileDiagnostics = [
            Diagnostic(code: "DF052", name: "tab-separated-arguments", severity: .style,
                       message: "`COPY` arguments are separated by a tab",
                       location: .file(path: dockerfile.path, range: tab),
                       fix: Fix(title: "Separate arguments with a space", edits: [Edit(range: tab, replacement: " ")], applicability: .displayOnly)),
            Diagnostic(code: "SH015", name: "apt-get-install-recommends", severity: .info,
                       message: "`apt-get install` without `--no-install-recommends`",
                       location: .file(path: dockerfile.path, range: TextRange(start: aptStart, end: aptEnd)),
                       fix: Fix(title: "Add `--no-install-recommends`", edits: [.insert("--no-install-recommends ", at: insertion)], applicability: .unsafe)),
            Diagnostic(code: "DF001", name: "maintainer-instruction", severity: .warning,
                       message: "`MAINTAINER` is deprecated",
                       location: .file(path: dockerfile.path, range: maintainer),
                       fix: Fix(title: "Replace with a label",
                                edits: [Edit(range: maintainer, replacement: "LABEL org.opencontainers.image.authors=\"José Müller <jose@example.com>\"")],
                                applicability: .safe)),
        ]
        let devDiagnostics = [
            Diagnostic(code: "DF045", name: "env-pair-after-tab", severity: .error,
                       message: "`PORT=8080` follows a tab; older builders read it as part of `GREETING`",
                       location: .file(path: devfile.path, range: range(of: "PORT=8080", in: devfile)),
                       notes: ["Separate `ENV` pairs with a space, or use one `ENV` per line"]),
            Diagnostic(code: "DF010", name: "stage-name-casing", severity: .warning,
                       message: "Stage name `Build` should be lower case",
                       location: .file(path: devfile.path, range: range(of: "Build", in: devfile))),
        ]
        return Report(
            tool: tool,
            rules: rules,
            artifacts: [
                ReportArtifact(kind: .image, path: image, diagnostics: [
                    Diagnostic(code: "IM004", name: "secret-file-in-layer", severity: .error,
                               message: "Layer holds `/root/.aws/credentials`, readable by anyone who pulls the image",
                               location: .imageLayer(image: image, layer: 3, path: "/root/.aws/credentials")),
                    Diagnostic(code: "IM001", name: "image-runs-as-root", severity: .warning,
                               message: "The image's configuration sets no `USER`, so it runs as root",
                               location: .image(image)),
                ]),
                ReportArtifact(kind: .context, path: ".", diagnostics: [
                    Diagnostic(code: "CX003", name: "private-key-in-context", severity: .error,
                               message: "Private key `secrets/id_ed25519` is sent to the builder with every build",
                               location: .contextPath(root: ".", path: "secrets/id_ed25519"),
                               notes: ["Add `secrets/` to `.dockerignore`"]),
                ]),
                .dockerfile(devfile, diagnostics: devDiagnostics),
                .dockerfile(dockerfile, diagnostics: dockerfileDiagnostics),
            ])
    }
}
