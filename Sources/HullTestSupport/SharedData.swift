import Foundation

/// Locates the project's shared test data (`../shared` beside the repository) at run time.
///
/// Tests never vendor this data. When it is absent they skip with a clear message, except in
/// CI (the `CI` environment variable is set), where its absence is a failure.
public enum SharedData {
    /// The package root, derived from this file's compile-time path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HullTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// The `shared` folder: `$HULL_SHARED_DIR`, else `<root>/shared`, else `<root>/../shared`.
    public static let root: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let explicit = environment["HULL_SHARED_DIR"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        candidates.append(packageRoot.appendingPathComponent("shared"))
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("conformance").path) }
    }()

    /// The conformance folder: `$DOCKERFILE_CONFORMANCE_DIR`, else `shared/conformance`.
    public static let conformance: URL? = {
        if let explicit = ProcessInfo.processInfo.environment["DOCKERFILE_CONFORMANCE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return root?.appendingPathComponent("conformance")
    }()

    /// Whether tests run in CI, where missing shared data is an error rather than a skip.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// Whether the shared data is present; use in `.enabled(if:)` traits.
    public static var isAvailable: Bool { conformance != nil || isCI }

    /// The message tests show when they skip.
    public static let missingMessage = "../shared (conformance data) not found beside the repository; set HULL_SHARED_DIR to run these tests"

    /// A file under `shared/`, or a thrown error naming it when absent.
    public static func url(_ relativePath: String) throws -> URL {
        guard let root else { throw SharedDataError.missing(missingMessage) }
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SharedDataError.missing("shared data file missing: \(url.path)")
        }
        return url
    }

    /// The bytes of a file under `shared/`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }
}

/// Raised when shared test data cannot be found.
public enum SharedDataError: Error, CustomStringConvertible {
    /// The data, or one file of it, is missing.
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let message): message
        }
    }
}
