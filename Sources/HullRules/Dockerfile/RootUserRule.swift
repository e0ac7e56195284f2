import HullCore
import HullDockerfile
import HullLint

/// The image that ships runs its process as root.
public struct RootUserRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF005", name: "root-user",
        summary: "The image that ships runs as root.",
        rationale: """
        A process running as root inside a container is root on the host's kernel: one exploitable bug in \
        the application plus one container escape gives an attacker the machine, and even without an escape \
        it can rewrite everything in the image. Kubernetes' restricted Pod Security profile and most \
        platform policies refuse such images. Create an unprivileged user, give it only the files it must \
        write (`COPY --chown`), and switch with `USER` before `CMD`. Only the stage that ships is judged, \
        with the stages it is built on (`FROM <stage>`): a `USER` set in a parent stage carries over, and \
        builder stages may use root freely. Peers split here: hadolint only flags a `USER` that names \
        root, Trivy and Checkov also flag a file with no `USER`; Hull does both, because an image without \
        `USER` runs as root just the same. A `USER` that names root (`root`, `0`, `root:…`, `0:…`, also \
        after argument expansion) is flagged where it is written; no `USER` at all is flagged at the \
        shipping stage's `FROM`. Images built on `scratch` are flagged too: with no `/etc/passwd` the \
        process is UID 0 unless a numeric `USER` (such as `USER 65532:65532`) says otherwise. Bases whose \
        documented default user is unprivileged (distroless `:nonroot` tags, `nginxinc/nginx-unprivileged`) \
        and bases or users named by an argument without a default are given the benefit of the doubt.
        """,
        category: .security, defaultSeverity: .warning,
        aliases: [.hadolint("DL3002"), .trivy("DS-0002"), .checkov("CKV_DOCKER_3"), .checkov("CKV_DOCKER_8"), .dockle("CIS-DI-0001")],
        examples: [
            .passing("FROM node:20-alpine\nRUN addgroup -S app && adduser -S app -G app\nUSER app\nCMD [\"node\", \"index.js\"]\n"),
            .passing("FROM alpine:3.20 AS base\nRUN adduser -D app\nUSER app\nFROM base\nCMD [\"app\"]\n"),
            .passing("FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n"),
            .passing("FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}:0\n"),
            .failing("↓FROM node:20-alpine\nWORKDIR /app\nCMD [\"node\", \"index.js\"]\n"),
            .failing("FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN id\nUSER ⟦root⟧\n"),
            .failing("FROM alpine:3.20 AS base\nUSER ⟦0:0⟧\nFROM base\nCMD [\"sh\"]\n"),
            .failing("FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n↓FROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let target = input.targetStage else { return }
        for stage in input.targetChain {
            let users = input.dockerfile.instructions(in: stage).compactMap { instruction -> (Instruction, Word)? in
                guard case .user(let user) = instruction.payload, let word = user.user else { return nil }
                return (instruction, word)
            }
            guard let (instruction, word) = users.last else { continue }
            let expansion = input.expand(word.text, at: instruction.index)
            guard expansion.isResolved else { return }
            let user = expansion.value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if user == "root" || (!user.isEmpty && user.allSatisfy(\.isNumber) && Int(user) == 0) {
                let shown = expansion.usesVariables ? "`\(word.text)` (`\(expansion.value)`)" : "`\(word.text)`"
                sink.report(word.range, "the last `USER` is \(shown), so the container runs as root; switch to an unprivileged user once the steps that need root are done")
            }
            return
        }

        let keyword = input.instructions[target.fromIndex].syntax.keywordRange
        switch input.semantics.rootBase(of: target.index) {
        case .scratch:
            sink.report(keyword, "no `USER` in the stage that ships, so its process runs as UID 0; add a numeric `USER` such as `USER 65532:65532` (no `/etc/passwd` needed)")
        case .image(_, let reference):
            guard let root = input.targetChain.last, input.semantics.baseExpansions[root.index].isResolved else { return }
            if let reference, NonRootBaseImages.runsAsNonRoot(reference) { return }
            sink.report(keyword, "no `USER` in the stage that ships, so the container runs as root; create an unprivileged user and switch to it with `USER`")
        case .unresolved, .stage:
            return
        }
    }
}
