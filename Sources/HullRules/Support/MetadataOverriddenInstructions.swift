import HullCore
import HullDockerfile
import HullLint

/// `CMD`, `ENTRYPOINT` and `HEALTHCHECK` set one field of the image configuration, so within a
/// stage only the last of each takes effect. Shared by the three rules that report the others.
enum MetadataOverriddenInstructions {
    /// Reports each instruction of `kind` that a later one of the same kind in the same stage
    /// overrides, at its keyword, with a fix that removes it.
    static func check(_ kind: InstructionKind, _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            let found = input.dockerfile.instructions(in: stage).filter { $0.kind == kind }
            guard found.count > 1 else { continue }
            for (overridden, later) in zip(found.dropLast(), found.dropFirst()) {
                // hadolint reports the later instruction, so its pragma sits above that one.
                if MetadataPragmas.instruction(later.syntax, ignores: sink.rule) { continue }
                let keyword = overridden.syntax.keyword
                let fix = Fix(title: "Remove the overridden `\(keyword)`", edits: [.delete(overridden.syntax.linesRange)], applicability: .safe)
                sink.report(overridden.syntax.keywordRange,
                            "`\(keyword)` has no effect: the `\(later.syntax.keyword)` on line \(later.line) replaces it",
                            notes: ["Only the last `\(kind.keyword)` of a stage ends up in the image."], fix: fix)
            }
        }
    }
}
