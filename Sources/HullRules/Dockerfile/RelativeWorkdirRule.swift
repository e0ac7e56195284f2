import HullCore
import HullDockerfile
import HullLint

/// `WORKDIR` with a relative path.
public struct RelativeWorkdirRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF070", name: "relative-workdir",
        summary: "`WORKDIR` is given a relative path.",
        rationale: """
        A relative `WORKDIR` is resolved against the working directory already in force. For the first \
        one in a stage chain that is the base image's, which is `/` for some images and a home or app \
        directory for others, and can change when the base is updated; further down, the reader has to \
        replay every earlier `WORKDIR` to know where files land. An absolute path says it once. The peers \
        disagree: hadolint, Trivy and Checkov flag every relative `WORKDIR`, BuildKit only the first one in \
        a stage (and the stages it is built `FROM`) when nothing absolute was set before. Hull flags every \
        one, so that nothing any peer reports is lost, and says which case it is: when the directory it \
        resolves against was written literally earlier in the stage chain, the fix writes the absolute \
        path BuildKit computes (`WORKDIR /app` then `WORKDIR src` becomes `WORKDIR /app/src`), which is \
        safe because the working directory is the same; when it depends on the base image or on a value \
        only known at build time, there is no fix. Paths are read after variable expansion, so \
        `WORKDIR $APP_HOME` with `ENV APP_HOME=/app` is absolute; a path that is only known at build time \
        is not judged.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3000"), .buildkit("WorkdirRelativePath"), .trivy("DS-0009"), .checkov("CKV_DOCKER_10")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM node:20\nWORKDIR /app\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n"),
            .passing("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n"),
            .passing("FROM node:20\nARG DIR\nWORKDIR ${DIR}\n"),
            .failing("FROM node:20\nWORKDIR ⟦app⟧\n"),
            .failing("FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR ⟦data⟧\nARG DIR\nWORKDIR $DIR\nWORKDIR ↓logs\n"),
            .failing("FROM node:20\nWORKDIR ⟦src⟧\nWORKDIR ⟦lib⟧\n"),
            .fix("FROM node:20\nWORKDIR /app\nWORKDIR src/../lib/\nRUN npm ci\n", to: "FROM node:20\nWORKDIR /app\nWORKDIR /app/lib\nRUN npm ci\n"),
            .fix("FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\nWORKDIR ./data\n", to: "FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/app\nWORKDIR /srv/app/data\n"),
        ])

    /// What the working directory is known to be.
    enum Directory {
        /// The base image's.
        case baseImage
        /// Relative to the base image's.
        case relativeToBase
        /// Known only at build time.
        case unknown
        /// This absolute path; `literal` when every `WORKDIR` that made it was written literally.
        case known(String, literal: Bool)
    }

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var finalDirectory: [Directory] = []
        for stage in input.stages {
            var directory = Directory.baseImage
            if case .stage(let parent) = input.semantics.bases[stage.index], parent < finalDirectory.count { directory = finalDirectory[parent] }
            for instruction in input.dockerfile.instructions(in: stage) {
                guard case .workdir(let workdir) = instruction.payload, let word = workdir.path else { continue }
                guard let value = MetadataExpansion.value(of: word, at: instruction.index, in: input), !value.isEmpty else {
                    directory = .unknown
                    continue
                }
                let literal = MetadataExpansion.isLiteral(word, in: input)
                if MetadataPaths.isAbsolute(value) {
                    directory = MetadataPaths.isWindows(value) ? .unknown : .known(MetadataPaths.clean(value), literal: literal)
                    continue
                }
                let notes = ["Write the absolute path the stage should work in."]
                switch directory {
                case .baseImage, .relativeToBase:
                    let origin = if case .baseImage = directory { "the base image's working directory" } else { "a working directory that depends on the base image" }
                    sink.report(word.range, "`\(value)` is relative to \(origin)", notes: notes)
                    directory = .relativeToBase
                case .unknown:
                    sink.report(word.range, "`\(value)` is relative to a working directory only known at build time", notes: notes)
                case .known(let base, let baseIsLiteral):
                    let resolved = MetadataPaths.resolve(value, against: base)
                    let fix = baseIsLiteral && literal
                        ? Fix(title: "Write `\(resolved)`", edits: [Edit(range: word.range, replacement: resolved)], applicability: .safe) : nil
                    sink.report(word.range, "`\(value)` is relative; it resolves to `\(resolved)`", fix: fix)
                    directory = .known(resolved, literal: baseIsLiteral && literal)
                }
            }
            finalDirectory.append(directory)
        }
    }
}
