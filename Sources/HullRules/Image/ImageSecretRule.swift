import HullLint

/// A likely secret ships with the image.
public struct ImageSecretRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM006", name: "image-secret",
        summary: "A likely secret is in the image: in ENV, a label, a build argument recorded in history, or a file of any layer.",
        rationale: """
        Everything in any layer ships with the image and can be read by whoever can pull it, including \
        files a later step deleted (the layer that added them is still there) and the build arguments the \
        history records. Pass credentials with build secrets (`RUN --mount=type=secret`) and at run time, \
        never through `ENV`, `ARG`, labels or copied files. Values are never printed whole.
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("CIS-DI-0010")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY . /app # buildkit", [.file("app/main.py", "print('hi')\n")]), .config("ENV PATH=/app/bin:/usr/bin")],
                                  config: .init(user: "app", env: ["PATH=/app/bin:/usr/bin", "GPG_KEY=A4A9406876FCBD3C456770C88C718D3B5072E1F5"]))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY . /app # buildkit", [.file("app/.env", "DB_PASSWORD=correct-horse-battery\n")])], config: .init(user: "app")),
                     [.path("/app/.env")], note: "CX003 (broad-copy-includes-secret)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY id_rsa /root/.ssh/id_rsa # buildkit", [.file("root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n", mode: 0o600)]),
                                   .layer("RUN /bin/sh -c rm /root/.ssh/id_rsa", [.whiteout("root/.ssh/id_rsa")])], config: .init(user: "app")),
                     [.path("/root/.ssh/id_rsa")], note: "DF008 (secret-file-copied)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY . /srv # buildkit", [.file("srv/.env", "DB_PASSWORD=correct-horse-battery\n")])],
                                  config: .init(user: "app"), recordsHistory: false), [.path("/srv/.env")], note: "DF008 (secret-file-copied) flags this"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .config("ENV API_TOKEN=abcdef123456")], config: .init(user: "app", env: ["API_TOKEN=abcdef123456"])),
                     note: "DF007 (secret-in-env-or-arg)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .config("ARG NPM_TOKEN"), .layer("RUN |1 NPM_TOKEN=npm_abcdefghijklmnop /bin/sh -c npm ci", [.file("app/package.json", "{}")])],
                                  config: .init(user: "app")), note: "DF007 (secret-in-env-or-arg)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        let secrets = input.analysis.secrets
        // The ENV step's history line records the value the config's `Env` holds: one finding.
        let environmentNames = Set(secrets.filter { $0.place == "env" }.map(\.name))
        // A file that looks secret by its name and by its contents is one finding, naming both kinds.
        var reportedFiles: Set<String> = []
        for secret in secrets {
            let deleted = secret.deletedLater ? " (deleted by a later layer, still in the image)" : ""
            switch secret.place {
            case "file":
                let key = "\(secret.layer ?? -1) \(secret.name)"
                guard reportedFiles.insert(key).inserted else { continue }
                let same = secrets.filter { $0.place == "file" && $0.name == secret.name && $0.layer == secret.layer }
                var kinds: [String] = []
                for kind in same.map(\.kind) where !kinds.contains(kind) { kinds.append(kind) }
                let counterpart = secret.layer.flatMap { layer in
                    input.historyLine(making: layer) == nil
                        ? DockerfileCounterpart(SecretFileCopiedRule.description)
                        : ImageHistory.copiedFileCounterpart(path: secret.name, layer: layer, in: input, secret: true)
                }
                sink.report("`\(secret.name)` looks like a secret (\(kinds.joined(separator: ", ")))\(deleted)", layer: secret.layer, path: secret.name,
                            notes: same.compactMap { item in item.line.map { "line \($0): \(item.excerpt)" } },
                            counterpart: counterpart)
            case "history":
                if environmentNames.contains(secret.name) { continue }
                sink.report("build argument `\(secret.excerpt)` recorded in history line \(secret.history ?? 0)",
                            counterpart: DockerfileCounterpart(SecretInEnvOrArgRule.description))
            default:
                sink.report("\(secret.place == "env" ? "ENV" : "label") `\(secret.excerpt)` looks like a secret (\(secret.kind))",
                            counterpart: DockerfileCounterpart(SecretInEnvOrArgRule.description))
            }
        }
    }
}
