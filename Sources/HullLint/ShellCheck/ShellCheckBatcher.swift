import Foundation

/// Runs ShellCheck over many scripts with few processes.
///
/// Each distinct script becomes a file in a private temporary folder (scripts with the same
/// bytes are checked once and share the findings); the files are split into chunks
/// of at most ``maximumFilesPerProcess`` names and ``maximumArgumentBytes`` bytes of arguments,
/// sized so that every one of ``parallelism`` processes gets work, and the chunks run at most
/// ``parallelism`` at a time. One process failing loses only its own chunk's findings.
public struct ShellCheckBatcher: Sendable {
    /// The executable.
    public var runner: ShellCheckRunner
    /// The most files one process is given.
    public var maximumFilesPerProcess: Int
    /// The most bytes of file paths one process is given.
    public var maximumArgumentBytes: Int
    /// The most processes at once.
    public var parallelism: Int
    /// How long one process may take before it is stopped.
    public var timeout: TimeInterval

    /// What one batch produced.
    public struct Result: Sendable {
        /// The findings for each input, in input order.
        public var comments: [[ShellCheckComment]]
        /// How many processes ran.
        public var processes: Int
        /// Why some processes gave nothing.
        public var failures: [ShellCheckFailure]
    }

    /// Creates a batcher; `parallelism` defaults to the number of active cores.
    public init(runner: ShellCheckRunner, maximumFilesPerProcess: Int = 400, maximumArgumentBytes: Int = 64 * 1024,
                parallelism: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: TimeInterval = 600) {
        self.runner = runner
        self.maximumFilesPerProcess = max(1, maximumFilesPerProcess)
        self.maximumArgumentBytes = max(1, maximumArgumentBytes)
        self.parallelism = max(1, parallelism)
        self.timeout = timeout
    }

    /// The chunks the files named by `names` are split into, as index ranges: as even as
    /// ``parallelism`` allows, within both limits.
    public func chunks(_ names: [String]) -> [Range<Int>] {
        let even = (names.count + parallelism - 1) / parallelism
        let size = max(1, min(maximumFilesPerProcess, even))
        var result: [Range<Int>] = []
        var start = 0
        while start < names.count {
            var end = start
            var bytes = 0
            while end < names.count, end - start < size, end == start || bytes + names[end].utf8.count + 1 <= maximumArgumentBytes {
                bytes += names[end].utf8.count + 1
                end += 1
            }
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// Checks every input and returns the findings of each.
    public func check(_ inputs: [ShellCheckInput]) async -> Result {
        guard !inputs.isEmpty else { return Result(comments: [], processes: 0, failures: []) }
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("hull-shellcheck-\(UUID().uuidString)", isDirectory: true)
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return Result(comments: inputs.map { _ in [] }, processes: 0, failures: [ShellCheckFailure(message: "could not create \(folder.path): \(error)")])
        }
        defer { try? manager.removeItem(at: folder) }
        // Identical scripts (the same RUN in many Dockerfiles, with the same dialect and the same
        // variables declared) get identical findings, so each distinct text is checked once.
        var names: [String] = []
        var failures: [ShellCheckFailure] = []
        var distinct: [[UInt8]: Int] = [:]
        var owners: [[Int]] = []
        for (index, input) in inputs.enumerated() {
            if let known = distinct[input.contents] {
                owners[known].append(index)
                continue
            }
            let file = names.count
            distinct[input.contents] = file
            owners.append([index])
            let name = folder.appendingPathComponent("\(file).sh").path
            names.append(name)
            if !manager.createFile(atPath: name, contents: Data(input.contents)) {
                failures.append(ShellCheckFailure(message: "could not write \(name) in \(folder.path)"))
            }
        }
        let chunks = chunks(names)
        let runner = runner, timeout = timeout, width = parallelism
        let outcomes = await withTaskGroup(of: Swift.Result<[ShellCheckComment], ShellCheckFailure>.self) { group in
            var collected: [Swift.Result<[ShellCheckComment], ShellCheckFailure>] = []
            var next = 0
            func add(_ chunk: Range<Int>) {
                let files = Array(names[chunk])
                group.addTask {
                    await withCheckedContinuation { continuation in
                        // A blocking wait on a process belongs on a thread of its own, not the cooperative pool.
                        Thread { continuation.resume(returning: runner.check(files, timeout: timeout)) }.start()
                    }
                }
            }
            while next < min(width, chunks.count) { add(chunks[next]); next += 1 }
            while let outcome = await group.next() {
                collected.append(outcome)
                if next < chunks.count { add(chunks[next]); next += 1 }
            }
            return collected
        }
        var comments = inputs.map { _ in [ShellCheckComment]() }
        for outcome in outcomes {
            switch outcome {
            case .success(let found):
                for comment in found {
                    let base = (comment.file as NSString).lastPathComponent
                    guard base.hasSuffix(".sh"), let file = Int(base.dropLast(3)), owners.indices.contains(file) else { continue }
                    for index in owners[file] { comments[index].append(comment) }
                }
            case .failure(let failure):
                failures.append(failure)
            }
        }
        return Result(comments: comments, processes: chunks.count, failures: failures)
    }
}
