import Foundation

/// Reads a change set from git: what changed in the working tree since a reference.
enum GitChanges {
    /// The paths, relative to `context`, that differ from `reference`: committed and uncommitted
    /// changes to tracked files (`git diff --name-only REF`) and what `git status` lists
    /// (untracked files, renames on both sides). Paths outside the context are left out.
    static func paths(since reference: String, context: String) throws(HullError) -> [String] {
        let top = try git(["rev-parse", "--show-toplevel"], in: context).trimmingCharacters(in: .newlines)
        var changed: Set<String> = []
        let diff = try git(["diff", "--name-only", "-z", "--no-renames", reference, "--"], in: context)
        changed.formUnion(diff.split(separator: "\0").map(String.init))
        let status = try git(["status", "--porcelain=v1", "-z", "--untracked-files=all"], in: context)
        var fields = status.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)[...]
        while let field = fields.popFirst() {
            guard field.count > 3 else { continue }
            let code = field.prefix(2)
            changed.insert(String(field.dropFirst(3)))
            // A rename or copy is followed by the original path.
            if code.contains("R") || code.contains("C"), let original = fields.popFirst() { changed.insert(original) }
        }
        let contextPath = URL(fileURLWithPath: context).standardizedFileURL.resolvingSymlinksInPath().path
        let topPath = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
        var result: [String] = []
        for path in changed {
            let absolute = topPath + "/" + path
            if contextPath == topPath {
                result.append(path)
            } else if absolute.hasPrefix(contextPath + "/") {
                result.append(String(absolute.dropFirst(contextPath.count + 1)))
            }
        }
        return result.sorted()
    }

    /// The text of the file at `path` as of `reference`: empty when the file did not exist
    /// then (everything in it is new), nil when it is not in a git work tree.
    static func previousText(of path: String, at reference: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        let name = (path as NSString).lastPathComponent
        if let text = try? git(["show", "\(reference):./\(name)"], in: directory) { return text }
        guard (try? git(["rev-parse", "--is-inside-work-tree"], in: directory)) != nil else { return nil }
        return ""
    }

    /// Runs git (from `PATH`) in `directory` and returns its standard output.
    static func git(_ arguments: [String], in directory: String) throws(HullError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .usage("--since needs git: \(error.localizedDescription)")
        }
        // Read both pipes before waiting so a large diff cannot fill a pipe and block git.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 127 { throw .usage("--since needs git, which is not on PATH") }
            throw .usage("git \(arguments.joined(separator: " ")) failed in \(directory): \(detail.isEmpty ? "exit status \(process.terminationStatus)" : detail)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
