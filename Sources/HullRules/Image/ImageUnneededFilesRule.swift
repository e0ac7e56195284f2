import HullLint

/// Files the image should not ship.
public struct ImageUnneededFilesRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM015", name: "image-unneeded-files",
        summary: "Files the image should not ship: .git, cloud credential folders, editor settings and swap files, .env, Dockerfiles.",
        rationale: """
        Version-control folders leak the project's history (and often credentials in remotes), cloud \
        credential folders and `.env` files leak secrets, and editor and build files add size and tell an \
        attacker how the image was made. They usually arrive through a `COPY` of the whole build context: \
        exclude them in `.dockerignore`. When the history shows the `COPY` that brought a file, the finding \
        names the Dockerfile rule for it.
        """,
        category: .security, defaultSeverity: .info, aliases: [.dockle("DKL-LI-0003")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY . /app # buildkit", [.directory("app"), .file("app/main.py", "print('hi')\n")])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("COPY . /app # buildkit", [.directory("app"), .file("app/main.py", "print('hi')\n"),
                                                                                                 .directory("app/.git"), .file("app/.git/config", "[core]\n")])],
                                  config: .init(user: "app")), [.path("/app/.git")], note: "CX002 (incomplete-dockerignore)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.directory("srv"), .file("srv/notes.txt.swp", "x")])], config: .init(user: "app")), [.path("/srv/notes.txt.swp")]),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for file in input.analysis.unneededFiles {
            let secret = file.reason == "environment file" || file.reason == "cloud credentials folder"
            let counterpart = input.historyLine(making: file.layer) == nil
                ? DockerfileCounterpart(IncompleteDockerignoreRule.description)
                : ImageHistory.copiedFileCounterpart(path: file.path, layer: file.layer, in: input, secret: secret)
            sink.report("`\(file.path)` (\(file.reason)) is in the image", layer: file.layer, path: file.path, counterpart: counterpart)
        }
    }
}
