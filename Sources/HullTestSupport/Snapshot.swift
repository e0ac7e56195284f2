import Foundation

/// Compares text output with a snapshot file kept next to the tests.
///
/// Set `HULL_RECORD_SNAPSHOTS=1` to write the current output as the new snapshot. A missing
/// snapshot is recorded too, but reported as a failure so that it is reviewed and committed.
/// The helper does not depend on a test framework; tests check ``Outcome/isMatch`` and show
/// ``Outcome/description`` when it fails.
public enum Snapshot {
    /// The result of one comparison.
    public enum Outcome: Equatable, CustomStringConvertible {
        /// The output equals the snapshot.
        case matched
        /// Recording was asked for, and the snapshot was written.
        case recorded(String)
        /// There was no snapshot; one was written and needs reviewing.
        case recordedMissing(String)
        /// The output differs; the payload describes the first difference.
        case mismatch(String)
        /// The snapshot could not be read or written.
        case failed(String)

        /// Whether the test should pass.
        public var isMatch: Bool {
            switch self {
            case .matched, .recorded: true
            case .recordedMissing, .mismatch, .failed: false
            }
        }

        public var description: String {
            switch self {
            case .matched: "snapshot matched"
            case .recorded(let path): "snapshot recorded at \(path)"
            case .recordedMissing(let path): "snapshot was missing and has been recorded at \(path); review it and run again"
            case .mismatch(let detail): detail
            case .failed(let detail): detail
            }
        }
    }

    /// Whether `HULL_RECORD_SNAPSHOTS` asks for snapshots to be rewritten.
    public static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment["HULL_RECORD_SNAPSHOTS"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The folder `name` beside the test file `filePath` (pass `#filePath`).
    public static func directory(besideTestFile filePath: String, named name: String = "Snapshots") -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Compares `actual` with the file at `url`, recording it when asked to or when missing.
    public static func verify(_ actual: String, against url: URL) -> Outcome {
        let manager = FileManager.default
        let exists = manager.fileExists(atPath: url.path)
        if isRecording || !exists {
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                return .failed("could not write snapshot \(url.path): \(error)")
            }
            return exists || isRecording ? .recorded(url.path) : .recordedMissing(url.path)
        }
        guard let data = manager.contents(atPath: url.path) else { return .failed("could not read snapshot \(url.path)") }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return .matched }
        return .mismatch(difference(expected: expected, actual: actual, path: url.path))
    }

    /// Describes where two texts first differ, with a few lines of context.
    public static func difference(expected: String, actual: String, path: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        while index < old.count, index < new.count, old[index] == new[index] { index += 1 }
        var lines = ["output differs from snapshot \(path) at line \(index + 1) (set HULL_RECORD_SNAPSHOTS=1 to re-record):"]
        for context in Swift.max(0, index - 2)..<index { lines.append("  \(old[context])") }
        for line in old[index..<Swift.min(old.count, index + 3)] { lines.append("- \(line)") }
        for line in new[index..<Swift.min(new.count, index + 3)] { lines.append("+ \(line)") }
        return lines.joined(separator: "\n")
    }
}
