import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything an engine run creates — running engine processes, images, build containers a
/// stopped build left, temporary folders —
/// so that it can all be removed at the end, and also when the run is interrupted.
///
/// Pass one session to every ``ContainerEngine`` call of a run; call ``cleanUp(using:)`` at
/// the end, or ``interrupt()`` from a signal handler (it stops the running processes; the
/// cleanup then removes what they left).
public final class EngineSession: Sendable {
    private struct State {
        var processes: Set<pid_t> = []
        var images: [String] = []
        var containers: [String] = []
        var folders: [String] = []
        var interrupted = false
    }

    private let state = Mutex(State())

    /// Creates an empty session.
    public init() {}

    /// Whether ``interrupt()`` was called.
    public var isInterrupted: Bool { state.withLock { $0.interrupted } }

    /// The images created so far, oldest first.
    public var images: [String] { state.withLock { $0.images } }

    /// The build containers recorded so far (left by a failed or interrupted podman or buildah build).
    public var containers: [String] { state.withLock { $0.containers } }

    /// The temporary folders created so far.
    public var folders: [String] { state.withLock { $0.folders } }

    func started(_ pid: pid_t) {
        let stopNow = state.withLock { state -> Bool in
            state.processes.insert(pid)
            return state.interrupted
        }
        if stopNow { kill(-pid, SIGTERM) }
    }

    func finished(_ pid: pid_t) { _ = state.withLock { $0.processes.remove(pid) } }

    /// Records an image (a tag or ID) to remove at the end.
    public func created(image: String) { state.withLock { if !$0.images.contains(image) { $0.images.append(image) } } }

    /// Records a container (an ID) to remove at the end, before the images.
    public func created(container: String) { state.withLock { if !$0.containers.contains(container) { $0.containers.append(container) } } }

    /// Records a temporary folder to delete at the end.
    public func created(folder: String) { state.withLock { $0.folders.append(folder) } }

    /// Creates a temporary folder (`prefix-XXXXXX` in the temporary directory) owned by the session.
    public func makeTemporaryFolder(prefix: String) throws(HullError) -> String {
        let base = (NSTemporaryDirectory() as NSString).standardizingPath
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else {
            throw .unwritable(base, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        let path = String(cString: pointer)
        created(folder: path)
        return path
    }

    /// Marks the session interrupted and stops every running engine process (its whole
    /// process group). Safe to call from any thread.
    public func interrupt() {
        let running = state.withLock { state -> Set<pid_t> in
            state.interrupted = true
            return state.processes
        }
        for pid in running { kill(-pid, SIGTERM) }
    }

    /// Removes every recorded container and image through `engine` and deletes every recorded
    /// folder.
    /// - Returns: what could not be removed, as messages (empty when everything went).
    @discardableResult
    public func cleanUp(using engine: ContainerEngine?) -> [String] {
        var problems = removeContainersAndImages(using: engine)
        let folders = state.withLock { state -> [String] in
            defer { state.folders = [] }
            return state.folders
        }
        for folder in folders {
            do { try FileManager.default.removeItem(atPath: folder) } catch {
                if FileManager.default.fileExists(atPath: folder) { problems.append("\(folder): not deleted: \(error.localizedDescription)") }
            }
        }
        return problems
    }

    /// Removes the recorded containers, then the recorded images (newest first), and forgets
    /// them; the folders stay.
    /// - Returns: what could not be removed, as messages.
    @discardableResult
    public func removeContainersAndImages(using engine: ContainerEngine?) -> [String] {
        let (containers, images) = state.withLock { state -> ([String], [String]) in
            defer { state.containers = []; state.images = [] }
            return (state.containers, state.images)
        }
        guard let engine else {
            let left = containers + images
            return left.isEmpty ? [] : ["images and containers left behind (no engine to remove them): \(left.joined(separator: ", "))"]
        }
        return containers.compactMap { engine.removeContainer($0) } + engine.removeImages(images.reversed())
    }
}
