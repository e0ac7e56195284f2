import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one program to completion with `posix_spawn`, reading its output with `poll`.
///
/// Foundation's `Process` waits for exit through a Dispatch source, and Dispatch on Linux adds
/// worker threads only after a pause when its threads are blocked; a run that waits on several
/// processes then stalls for about a second per process. Spawning and polling on the calling
/// thread has no such pause.
enum ShellCheckProcess {
    /// What a run produced.
    struct Output {
        var stdout: Data
        var stderr: Data
        var status: Int32
    }

    /// Why a program could not be run.
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` with `arguments` and `environment`; sends SIGKILL after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: TimeInterval) throws(LaunchError) -> Output {
        var output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&output) == 0 else { throw LaunchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&errors) == 0 else {
            close(output[0]); close(output[1])
            throw LaunchError(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for descriptor in output + errors { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(output[1]); close(errors[1])
        guard spawned == 0 else {
            close(output[0]); close(errors[0])
            throw LaunchError(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var stdout = Data(), stderr = Data()
        var open = [output[0], errors[0]]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(timeout)
        var killed = false
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0, !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            var descriptors = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), killed ? -1 : Int32(min(remaining * 1000, 60_000)) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for descriptor in descriptors where descriptor.revents != 0 {
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    if descriptor.fd == output[0] { stdout.append(contentsOf: buffer[0..<count]) } else { stderr.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        open.forEach { close($0) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7F == 0
        return Output(stdout: stdout, stderr: stderr, status: killed ? -9 : (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)))
    }
}
