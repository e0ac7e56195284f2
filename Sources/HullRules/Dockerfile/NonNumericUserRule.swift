import HullCore
import HullDockerfile
import HullLint

/// The image runs as a user given by name, which the platform cannot check is not root.
public struct NonNumericUserRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF060", name: "non-numeric-user",
        summary: "The image's `USER` is a name rather than a numeric UID.",
        rationale: """
        A user name only means something through the image's `/etc/passwd`. Orchestrators that enforce \
        non-root containers cannot look inside the image: Kubernetes with `runAsNonRoot: true` refuses to \
        start a container whose image user is `app` because it cannot prove that `app` is not UID 0, and \
        tools that map host and container users (rootless runtimes, volume permissions) need the number \
        too. Write the UID (and GID), e.g. `USER 10001:10001`, after creating the account with that ID. \
        Only the `USER` in force at the end of the built stage matters, following the stages it is built \
        `FROM`, so earlier switches (to root for an install, back again) are not reported; hadolint's \
        released DL3066 flags every `USER`, and its newer versions narrow it the same way. The group part \
        is not judged, as platforms only check the user. Values are read after variable expansion, so \
        `USER ${UID}` with `ARG UID=10001` is numeric, and a value that is only known at build time is \
        not judged.
        """,
        category: .security, defaultSeverity: .info,
        aliases: [.hadolint("DL3066")],
        examples: [
            .passing("FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001:10001\n"),
            .passing("FROM alpine:3.20 AS build\nUSER builder\nRUN make\nFROM alpine:3.20\nARG UID=10001\nUSER ${UID}:app\n"),
            .passing("FROM alpine:3.20\nARG APP_USER\nUSER $APP_USER\n"),
            .passing("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n"),
            .failing("FROM alpine:3.20\nRUN adduser -D app\nUSER ⟦app⟧\n"),
            .failing("FROM node:20 AS base\nUSER root\nRUN npm ci\nUSER ⟦node⟧:node\nFROM base\nRUN true\n"),
            .failing("FROM alpine:3.20\nARG NAME=svc\nUSER ⟦${NAME}⟧\n"),
        ])

    /// The built-in accounts of Windows container images, which have no numeric form.
    static let windowsAccounts: Set<String> = ["containeruser", "containeradministrator"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let target = input.targetStage, !Self.isWindows(input.semantics.rootBase(of: target.index)) else { return }
        var current: Int? = target.index
        var seen: Set<Int> = []
        while let index = current, seen.insert(index).inserted {
            let stage = input.stages[index]
            if let user = input.dockerfile.instructions(in: stage).last(where: { $0.kind == .user }) {
                judge(user, input, &sink)
                return
            }
            if case .stage(let parent) = input.semantics.bases[index] { current = parent } else { current = nil }
        }
    }

    /// Whether the image is a Windows one (Windows users have no UID).
    static func isWindows(_ base: StageBase) -> Bool {
        guard case .image(let text, _) = base else { return false }
        let lowered = text.lowercased()
        return ["windows", "nanoserver", "servercore"].contains { lowered.contains($0) }
    }

    private func judge(_ instruction: Instruction, _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard case .user(let payload) = instruction.payload, let word = payload.user,
              let value = MetadataExpansion.value(of: word, at: instruction.index, in: input) else { return }
        let name = String(value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
        guard !name.isEmpty, !name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              !Self.windowsAccounts.contains(name.lowercased()) else { return }
        var range = word.range
        if MetadataExpansion.isLiteral(word, in: input) {
            range = TextRange(start: word.range.start, end: word.range.start + name.utf8.count)
        }
        sink.report(range, "`\(name)` is a user name; platforms that enforce non-root users need a numeric UID",
                    notes: ["Create the account with a fixed UID and write it here, e.g. `USER 10001:10001`."])
    }
}
