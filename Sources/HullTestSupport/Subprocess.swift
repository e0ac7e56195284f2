import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with `posix_spawn`, feeding standard input and collecting
/// standard output and error. Used instead of Foundation's `Process`, which is not safe to
/// start from many test threads at once on Linux.
public enum Subprocess {
    /// What a run produced.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
    }

    /// Runs `executable` with `arguments`.
    public static func run(_ executable: String, _ arguments: [String], stdin: [UInt8] = [], directory: String? = nil, environment: [String: String]? = nil) throws -> Result {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], error: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&error) == 0 else { throw SharedDataError.missing("cannot create pipes: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)
        for fd in input + output + error { posix_spawn_file_actions_addclose(&actions, fd) }
        // `env -C` changes directory in the child: the file action for it is not visible from Swift here.
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable] + arguments } ?? [executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, env)
        close(input[0]); close(output[1]); close(error[1])
        guard spawned == 0 else {
            close(input[1]); close(output[0]); close(error[0])
            throw SharedDataError.missing("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var stdoutBytes: [UInt8] = [], stderrBytes: [UInt8] = []
        var written = 0
        var inputOpen = true
        if stdin.isEmpty { close(input[1]); inputOpen = false }
        signal(SIGPIPE, SIG_IGN)
        var open = [output[0], error[0]]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty || inputOpen {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if inputOpen { fds.append(pollfd(fd: input[1], events: Int16(POLLOUT), revents: 0)) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else { if errno == EINTR { continue }; break }
            for entry in fds where entry.revents != 0 {
                if inputOpen && entry.fd == input[1] {
                    let count = stdin[written...].withUnsafeBytes { write(input[1], $0.baseAddress, min($0.count, 65_536)) }
                    if count > 0 { written += count }
                    if count < 0 || written == stdin.count { close(input[1]); inputOpen = false }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == output[0] { stdoutBytes += buffer[0..<count] } else { stderrBytes += buffer[0..<count] }
                } else {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, stdout: stdoutBytes, stderr: stderrBytes)
    }
}
