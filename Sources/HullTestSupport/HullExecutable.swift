import Foundation

/// Runs the built `hull` executable in tests.
public enum HullExecutable {
    /// The result of one run.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        public var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The executable next to the test bundle in the build products folder.
    public static var url: URL? {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("hull")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = SharedData.packageRoot.appendingPathComponent(".build/debug/hull")
        return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
    }

    /// Runs `hull` with `arguments`, feeding `stdin`, in `directory`.
    public static func run(_ arguments: [String], stdin: [UInt8] = [], directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        guard let url else { throw SharedDataError.missing("the hull executable is not built; run `swift build` first") }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let result = try Subprocess.run(url.path, arguments, stdin: stdin, directory: directory?.path, environment: env)
        return Run(status: result.status, stdout: result.stdout, stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
