import Foundation
import HullContext
import HullCore

/// One updating line on standard error for long walks: shown only when standard error is a
/// terminal, only after the work has run for a moment, redrawn at most ten times a second, and
/// erased when done.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Creates a progress line; it stays silent unless standard error is a terminal.
    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Reports progress (callable from any task).
    public func update(_ progress: ContextProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 0.4, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let text: String
        switch progress.phase {
        case .walking:
            text = "walking the context: \(ByteCount.grouped(progress.entries)) entries, \(ByteCount.text(progress.bytes))"
        case .scanningSecrets:
            text = "looking for secrets in \(ByteCount.grouped(progress.entries)) sent entries"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        drawn = true
    }

    /// Erases the line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
