import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A clean-up in a later layer than the files it deletes, which cannot make the image smaller.
public struct CleanupInSeparateRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH010", name: "cleanup-in-separate-run",
        summary: "A RUN deletes caches or files that an earlier instruction wrote, which does not shrink the image.",
        rationale: """
        Every instruction adds a layer, and a layer can only add: deleting a file in a later RUN writes a \
        whiteout that hides it, while its bytes stay in the earlier layer and are pulled with the image. \
        `RUN rm -rf /var/lib/apt/lists/*` after a separate `RUN apt-get update`, an `apt-get clean`, \
        `yum clean all`, `pip cache purge` or `rm -rf ~/.cache` after the install's own RUN, or removing an \
        archive or package that a COPY, an ADD or a `curl -o`/`wget -O` in an earlier RUN put there, all \
        cost a layer and save nothing. (Files are tracked when their names say archive, package or \
        installer, such as `.tar.gz`, `.zip`, `.deb` or `.jar`; an install script removed later costs little.) \
        Clean up in the RUN that creates the files, keep them out of the layer with \
        `RUN --mount=type=cache` or `type=bind`, or build in a stage the image only copies from. Only stages \
        whose files reach the image are judged. No peer checks this; it is what dive shows as wasted space \
        after the build.
        """,
        category: .size, defaultSeverity: .warning, fixAvailability: .unsafe,
        fixNote: """
        When a RUN does nothing but clean up after one earlier RUN of the same stage, and only \
        instructions other than RUN stand between them, the fix moves the clean-up to the end of that \
        RUN (joined with `&&`) and deletes the later one. It is unsafe because the clean-up now runs \
        before the instructions in between: a COPY or WORKDIR there cannot need the deleted files, but \
        the two steps now share one cache entry, and a failing clean-up fails the install's step. Other \
        findings get advice only: files a COPY or ADD brought in are better kept out of the context.
        """,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nRUN rm -rf /root/.cache\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n"),
            .passing("FROM debian:12\nCOPY install.sh /tmp/\nRUN sh /tmp/install.sh\nRUN rm /tmp/install.sh\n"),
            .failing("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y build-essential\nRUN ⟦rm -rf /var/lib/apt/lists/*⟧\n"),
            .failing("FROM python:3.12-slim\nRUN pip install flask==3.0.3\nRUN echo done && ⟦pip cache purge⟧\n"),
            .failing("FROM rockylinux:9\nRUN yum install -y git\nRUN ⟦yum clean all⟧ \\\n && ⟦rm -rf /var/cache/yum⟧\n"),
            .failing("FROM debian:12\nCOPY dist/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\nRUN ⟦rm /tmp/app.tar.gz⟧\n"),
            .failing("FROM debian:12\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt\nRUN ⟦rm -rf /tmp⟧\n"),
            .fix("FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\nENV PATH=/opt/bin:$PATH\nRUN apt-get clean && rm -rf /var/lib/apt/lists/*\n",
                 to: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl && \\\n    apt-get clean && rm -rf /var/lib/apt/lists/*\nENV PATH=/opt/bin:$PATH\n",
                 .unsafe),
        ])

    public init() {}

    /// Something an earlier instruction left behind.
    private struct Origin {
        var line: Int
        var text: String
        /// The RUN that made the files, when a RUN did.
        var run: Instruction? = nil
    }

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let stages = ShellImageStages.indices(in: input)
        var caches: [PackageManagerCache: Origin] = [:]
        var files: [String: Origin] = [:]
        for instruction in input.instructions {
            guard let stage = instruction.stageIndex, stages.contains(stage) else { continue }
            switch instruction.payload {
            case .copy(let copy), .add(let copy):
                for path in Self.destinations(of: copy, instruction: instruction, input: input) {
                    files[path] = Origin(line: instruction.line, text: "the \(instruction.syntax.keyword.uppercased()) at line \(instruction.line)")
                }
            case .run:
                guard let scripts = input.scripts(at: instruction.index), case .run(let payload) = instruction.payload else { continue }
                let run = ShellRun(instruction: instruction, run: payload, scripts: scripts)
                let mounted = PackageManagerCache.mounted(run)
                var producedHere: [PackageManagerCache: Origin] = [:]
                var writtenHere: [String: Origin] = [:]
                var cleanedHere: Set<PackageManagerCache> = []
                var removedHere: Set<String> = []
                let move = Self.movableCleanup(run, in: input)
                var movedReported = false
                for command in run.commands {
                    guard let invocation = command.invocation else { continue }
                    var reasons: [Origin] = []
                    for cache in PackageManagerCache.cleaned(by: command).sorted(by: { $0.rawValue < $1.rawValue }) {
                        if producedHere[cache] != nil {
                            producedHere[cache] = nil
                        } else if let origin = caches[cache] {
                            cleanedHere.insert(cache)
                            reasons.append(origin)
                        }
                    }
                    if invocation.tool == "rm" {
                        for operand in invocation.operands {
                            guard let removed = PackageManagerCache.normalize(operand.literal ?? operand.raw), !removed.hasPrefix("~") else { continue }
                            for path in writtenHere.keys where path == removed || path.hasPrefix(removed + "/") { writtenHere[path] = nil }
                            for (path, origin) in files where path == removed || path.hasPrefix(removed + "/") {
                                removedHere.insert(path)
                                reasons.append(origin)
                            }
                        }
                    }
                    for cache in PackageManagerCache.produced(by: command).subtracting(mounted) {
                        producedHere[cache] = Origin(line: instruction.line, text: "`\(ShellEdits.commandText(invocation))`", run: instruction)
                    }
                    for path in Self.downloads(of: invocation) {
                        writtenHere[path] = Origin(line: instruction.line, text: "`\(invocation.name)`", run: instruction)
                    }
                    if let first = reasons.min(by: { $0.line < $1.line }) {
                        let range = Self.range(of: invocation)
                        let written = Self.shortText(of: invocation)
                        var fix = Fix(title: first.text.hasPrefix("the ")
                                          ? "Keep the files out of \(first.text) (`.dockerignore`, a narrower source, or a builder stage)"
                                          : "Clean up in the RUN at line \(first.line), right after \(first.text)",
                                      edits: [], applicability: .displayOnly)
                        if let move, !movedReported, reasons.allSatisfy({ $0.run?.index == move.origin }) {
                            fix = Fix(title: "Clean up at the end of the RUN at line \(first.line)", edits: move.edits(input), applicability: .unsafe)
                            movedReported = true
                        }
                        let origin = first.text.hasPrefix("the ") ? first.text : "\(first.text) (line \(first.line))"
                        sink.report(range, "`\(written)` runs in a later layer than \(origin): the files stay in that layer", fix: fix)
                    }
                }
                for cache in cleanedHere { caches[cache] = nil }
                for path in removedHere { files[path] = nil }
                caches.merge(producedHere) { _, new in new }
                files.merge(writtenHere) { _, new in new }
            default:
                continue
            }
        }
    }

    /// A clean-up RUN that can move into an earlier RUN: every command cleans up, the script is a
    /// plain `&&` chain, and the RUN it moves into is the last RUN before it in the stage.
    private struct Move {
        var origin: Int
        var cleanup: Instruction
        var originRange: TextRange
        var script: String

        func edits(_ input: AnalyzedDockerfile) -> [Edit] {
            let escape = input.dockerfile.syntax.escapeToken.character
            return [.insert(" && \(escape)\n    " + script, at: originRange.end), .delete(cleanup.syntax.linesRange)]
        }
    }

    private static func movableCleanup(_ run: ShellRun, in input: AnalyzedDockerfile) -> Move? {
        let cleanup = run.instruction
        guard cleanup.kind == .run, case .run(let payload) = cleanup.payload, case .shell(let text) = payload.command,
              payload.heredocs.isEmpty, cleanup.syntax.flags.isEmpty, cleanup.syntax.innerComments.isEmpty,
              cleanup.syntax.previousComments.isEmpty,
              let script = run.scripts.scripts.first?.script, run.scripts.scripts.count == 1, script.errors.isEmpty, script.comments.isEmpty,
              script.body.items.count == 1, script.body.items[0].andOr.elements.allSatisfy({ $0.connector != .or && $0.pipeline.commands.count == 1 }),
              !run.commands.isEmpty,
              run.commands.allSatisfy({ command in
                  !PackageManagerCache.cleaned(by: command).isEmpty || command.invocation?.tool == "rm"
              }),
              let stage = cleanup.stageIndex else { return nil }
        // The RUN to move into: the last RUN before this one in the stage, with only other instructions between.
        guard let origin = input.instructions[..<cleanup.index].last(where: { $0.kind == .run || $0.kind == .from || $0.kind == .onbuild }),
              origin.kind == .run, origin.stageIndex == stage,
              case .run(let originPayload) = origin.payload, case .shell(let originText) = originPayload.command,
              originPayload.heredocs.isEmpty, origin.syntax.innerComments.isEmpty,
              let originScript = input.scripts(at: origin.index)?.scripts.first?.script, originScript.errors.isEmpty,
              originScript.body.items.last?.isBackground == false,
              let last = originText.text.trimmingCharacters(in: .whitespaces).last, !";&|".contains(last)
        else { return nil }
        return Move(origin: origin.index, cleanup: cleanup, originRange: origin.syntax.range, script: text.text.trimmingCharacters(in: .whitespaces))
    }

    /// The absolute file paths a COPY or ADD writes, for sources that name one file (or a
    /// folder's destination), when the destination is absolute. ADD's local archives are left
    /// out: ADD unpacks them.
    static func destinations(of copy: CopyInstruction, instruction: Instruction, input: AnalyzedDockerfile) -> [String] {
        guard let written = copy.destination?.text else { return [] }
        let destination = written.contains("$") ? input.expand(written, at: instruction.index).value : written
        guard destination.hasPrefix("/"), let base = PackageManagerCache.normalize(destination) else { return [] }
        let sources = copy.sources.filter { word in !copy.heredocs.contains { $0.markerRange == word.range } }
        let intoFolder = destination.hasSuffix("/") || sources.count > 1
        let isAdd = instruction.kind == .add
        var paths: [String] = []
        for source in sources {
            var text = source.text
            if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }), text.contains("://") { text = String(text[..<query]) }
            let name = text.split(separator: "/").last.map(String.init) ?? text
            let lower = name.lowercased()
            if isAdd, !text.contains("://"), [".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"].contains(where: lower.hasSuffix) { continue }
            if ContextPathPattern.hasWildcards(name) || !isBulky(name) { continue }
            paths.append(intoFolder ? base + "/" + name : base)
        }
        return paths
    }

    /// The absolute paths `curl -o` and `wget -O` write.
    static func downloads(of invocation: CommandInvocation) -> [String] {
        let values: [String]
        switch invocation.tool {
        case "curl": values = invocation.values(of: "-o", "--output")
        case "wget": values = invocation.values(of: "-O", "--output-document")
        default: return []
        }
        return values.compactMap { PackageManagerCache.normalize($0) }.filter { $0.hasPrefix("/") && isBulky($0) }
    }

    /// Whether a file name says archive, package or installer: the files worth tracking, since
    /// an install script removed in a later layer costs next to nothing.
    static func isBulky(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".tar", ".tgz", ".gz", ".tbz2", ".bz2", ".txz", ".xz", ".zst", ".zip", ".7z", ".rar", ".deb", ".rpm", ".apk",
                ".whl", ".jar", ".war", ".ear", ".iso", ".img", ".bin", ".run", ".msi", ".exe", ".dmg", ".pkg", ".gem", ".nupkg"]
            .contains(where: lower.hasSuffix)
    }

    /// From the command name to its last argument.
    static func range(of invocation: CommandInvocation) -> TextRange {
        guard let last = invocation.arguments.last else { return invocation.nameWord.fileRange }
        return invocation.nameWord.fileRange.union(last.fileRange)
    }

    /// The command for a message, shortened when long.
    static func shortText(of invocation: CommandInvocation) -> String {
        let text = ([invocation.nameWord.raw] + invocation.arguments.map(\.raw)).joined(separator: " ")
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
