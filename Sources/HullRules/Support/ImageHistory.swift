import Foundation
import HullImage
import HullLint

/// Reading an image's history lines: the commands a step ran, and the Dockerfile rule that
/// would have flagged the step in source.
enum ImageHistory {
    /// Whether `text` matches the regular expression `pattern`.
    static func runs(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The note that quotes a history line.
    static func note(_ line: ImageAnalysis.HistoryLine) -> String {
        "history line \(line.index): \(String(line.createdBy.prefix(160)))"
    }

    /// The step as a RUN command, without BuildKit's `|N A=1 …` build arguments and the
    /// classic builder's `/bin/sh -c` prefix; nil when the step is not a RUN.
    static func runCommand(_ createdBy: String) -> String? {
        var text = Substring(createdBy)
        if text.hasPrefix("/bin/sh -c #(nop) ") { return nil }
        if text.hasPrefix("RUN ") { text = text.dropFirst(4) } else if !text.hasPrefix("/bin/sh -c ") && !text.hasPrefix("|") { return nil }
        if text.hasPrefix("|"), let count = Int(text.dropFirst().prefix { $0.isNumber }) {
            let words = text.split(separator: " ", maxSplits: count + 1, omittingEmptySubsequences: true)
            text = words.count > count + 1 ? words[count + 1] : ""
        }
        return String(text)
    }

    /// Whether the step is a COPY or an ADD (BuildKit's spelling or the classic builder's).
    static func copy(_ createdBy: String) -> (instruction: String, arguments: String)? {
        for instruction in ["COPY", "ADD"] {
            for prefix in ["\(instruction) ", "/bin/sh -c #(nop) \(instruction) "] where createdBy.hasPrefix(prefix) {
                return (instruction, String(createdBy.dropFirst(prefix.count)))
            }
        }
        return nil
    }

    /// The package manager whose cache a step leaves, when the step runs it.
    static func cacheRule(forRun command: String, cacheKind: String) -> RuleDescription? {
        switch cacheKind {
        case "apt-lists", "apt-archives", "apt-cache":
            runs(command, #"\bapt(-get)?\s"#) ? AptListsNotRemovedRule.description : nil
        case "apk-cache": runs(command, #"\bapk\s"#) ? ApkAddWithoutNoCacheRule.description : nil
        case "pip-cache": runs(command, #"\bpip[0-9.]*\s"#) ? PipInstallWithCacheRule.description : nil
        case "yum-cache", "dnf-cache": runs(command, #"\b(yum|dnf|microdnf)\s"#) ? YumCacheNotCleanedRule.description : nil
        case "yarn-cache": runs(command, #"\byarn\s"#) ? YarnCacheNotCleanedRule.description : nil
        default: nil
        }
    }

    /// The Dockerfile rule that flags a file a COPY or ADD put in the image: when the step copies
    /// a folder of the context, the rule about a broad copy taking a secret (or, for other
    /// files, about a `.dockerignore` that still sends them); when it names a secret file, the
    /// rule about naming one.
    static func copiedFileCounterpart(path: String, layer: Int, in image: AnalyzedImage, secret: Bool) -> DockerfileCounterpart? {
        guard let line = image.historyLine(making: layer), let (instruction, arguments) = copy(line.createdBy) else { return nil }
        let base = (path as NSString).lastPathComponent
        let words = arguments.split(separator: " ").filter { !$0.hasPrefix("--") }.map(String.init)
        let sources = words.dropLast()
        let evidence = "history line \(line.index) (`\(instruction) \(String(arguments.prefix(120)))`) put `\(path)` in layer \(layer)"
        if sources.contains(where: { ($0 as NSString).lastPathComponent == base }) {
            return secret ? DockerfileCounterpart(SecretFileCopiedRule.description, evidence: evidence) : nil
        }
        // BuildKit records a folder copy by its sources (`COPY . /app # buildkit`); the classic
        // builder by a content hash (`COPY dir:3f… in /app`).
        if sources.contains(where: { $0 == "." || $0 == "./" || $0.hasPrefix("dir:") }) || sources.isEmpty {
            return DockerfileCounterpart(secret ? BroadCopyIncludesSecretRule.description : IncompleteDockerignoreRule.description, evidence: evidence)
        }
        return nil
    }
}
