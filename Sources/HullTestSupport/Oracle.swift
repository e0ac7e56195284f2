import Foundation

/// BuildKit's own parser, through `shared/oracle/dockerfile_oracle.py` and the PyPI package
/// `dockerfile` (BuildKit v0.12.5), for differential tests.
public enum Oracle {
    /// A Python interpreter that can `import dockerfile`: `$HULL_PYTHON`, else the
    /// repository's `.venv-test`. Nil when neither works.
    public static let python: String? = {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["HULL_PYTHON"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(SharedData.packageRoot.appendingPathComponent(".venv-test/bin/python").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if (try? Subprocess.run(candidate, ["-c", "import dockerfile"]))?.status == 0 { return candidate }
        }
        return nil
    }()

    /// Whether the oracle can run here.
    public static var isAvailable: Bool { python != nil && SharedData.root != nil }

    /// The message shown when it cannot.
    public static let missingMessage = "BuildKit oracle not available: run scripts/test (it installs PyPI `dockerfile` into .venv-test) or set HULL_PYTHON"

    /// One instruction as the oracle reports it.
    public struct Instruction: Decodable, Sendable {
        public var cmd: String
        public var sub_cmd: String?
        public var json: Bool
        public var original: String
        public var start_line: Int
        public var end_line: Int
        public var flags: [String]
        public var value: [String]
        public var heredocs: [Heredoc]
    }

    /// One heredoc as the oracle reports it.
    public struct Heredoc: Decodable, Sendable {
        public var name: String
        public var content: String
    }

    /// One file's result.
    public struct Result: Decodable, Sendable {
        public var file: String
        public var ok: Bool
        public var instructions: [Instruction]?
        public var error: String?
    }

    /// Runs the oracle over `paths` in one process.
    public static func parse(_ paths: [String]) throws -> [Result] {
        guard let python, let script = try? SharedData.url("oracle/dockerfile_oracle.py") else { throw SharedDataError.missing(missingMessage) }
        let data = Data(try Subprocess.run(python, [script.path, "--format", "jsonl"] + paths).stdout)
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Result.self, from: Data($0)) }
    }
}
