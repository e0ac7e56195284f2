import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an engine's command-line tool to completion with `posix_spawn`, in its own process
/// group so that an interruption can stop it and everything it started.
///
/// Foundation's `Process` is not safe to start from several threads at once on Linux, and an
/// engine build must be stoppable from a signal handler; both are why this exists.
enum EngineProcess {
    /// What a run produced.
    struct Result: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// Seconds from start to exit.
        var seconds: Double

        var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
        var standardError: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `arguments[0]` (a path, or a name looked up in `PATH`) with `environment`.
    /// - Parameter session: records the process while it runs, so ``EngineSession/interrupt()`` can stop it.
    static func run(_ arguments: [String], environment: [String: String], directory: String? = nil,
                    session: EngineSession? = nil) throws(HullError) -> Result {
        guard let program = arguments.first else { throw .usage("no program to run") }
        guard let executable = resolve(program, path: environment["PATH"]) else {
            throw .engineUnavailable("`\(program)` is not installed (not found in PATH)")
        }
        var output: [Int32] = [0, 0], error: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&error) == 0 else {
            throw .engineFailed("cannot create pipes: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)
        for fd in output + error { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable] + arguments.dropFirst() } ?? [executable] + arguments.dropFirst()
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        let start = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, env)
        close(output[1]); close(error[1])
        guard spawned == 0 else {
            close(output[0]); close(error[0])
            throw .engineUnavailable("cannot run `\(program)`: \(String(cString: strerror(spawned)))")
        }
        session?.started(pid)
        defer { session?.finished(pid) }
        var stdoutBytes: [UInt8] = [], stderrBytes: [UInt8] = []
        var open = [output[0], error[0]]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else { if errno == EINTR { continue }; break }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == output[0] { stdoutBytes += buffer[0..<count] } else { stderrBytes += buffer[0..<count] }
                } else if count == 0 || errno != EINTR {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, stdout: stdoutBytes, stderr: stderrBytes, seconds: Date().timeIntervalSince(start))
    }

    /// ``run(_:environment:directory:session:)`` on a thread of its own, so that a long engine
    /// build does not hold one of the few threads Swift's concurrency runs tasks on.
    static func runDetached(_ arguments: [String], environment: [String: String], directory: String? = nil,
                            session: EngineSession? = nil) async throws(HullError) -> Result {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Swift.Result<Result, HullError>, Never>) in
            let thread = Thread {
                continuation.resume(returning: Swift.Result { () throws(HullError) -> Result in
                    try run(arguments, environment: environment, directory: directory, session: session)
                })
            }
            thread.start()
        }
        return try outcome.get()
    }

    /// The executable for `program`: itself when it holds a `/`, else the first match in `path`.
    static func resolve(_ program: String, path: String?) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (path ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
