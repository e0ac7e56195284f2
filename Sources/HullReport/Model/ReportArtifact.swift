import Foundation
import HullCore

/// One thing that was analysed, with the diagnostics found in it.
///
/// Text artifacts (Dockerfiles, ignore files) carry their ``SourceFile`` so that reporters can
/// turn byte ranges into lines and columns and draw code frames.
public struct ReportArtifact: Sendable, Equatable {
    /// What kind of thing an artifact is.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        /// A Dockerfile (or Containerfile).
        case dockerfile
        /// A `.dockerignore` file.
        case ignoreFile
        /// The root of a build context.
        case context
        /// A container image.
        case image

        /// Whether artifacts of this kind are text files with a source.
        public var isFile: Bool { self == .dockerfile || self == .ignoreFile }

        private var rank: Int {
            switch self {
            case .dockerfile: 0
            case .ignoreFile: 1
            case .context: 2
            case .image: 3
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    /// What was analysed.
    public var kind: Kind
    /// The name shown to users: a file path, a context root, an image reference.
    public var path: String
    /// The file's text, for text artifacts.
    public var source: SourceFile?
    /// The findings, sorted by position, then code.
    public private(set) var diagnostics: [Diagnostic]

    /// Creates an artifact; `diagnostics` are sorted by position, then code.
    public init(kind: Kind, path: String, source: SourceFile? = nil, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.path = path
        self.source = source
        self.diagnostics = diagnostics.sorted(by: DiagnosticOrder.precedes)
    }

    /// A Dockerfile artifact named after its source file.
    public static func dockerfile(_ source: SourceFile, diagnostics: [Diagnostic]) -> ReportArtifact {
        ReportArtifact(kind: .dockerfile, path: source.path, source: source, diagnostics: diagnostics)
    }

    public static func == (lhs: ReportArtifact, rhs: ReportArtifact) -> Bool {
        lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.diagnostics == rhs.diagnostics
            && lhs.source?.path == rhs.source?.path && lhs.source?.bytes == rhs.source?.bytes
    }
}

// MARK: - Codable

extension ReportArtifact: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, path, sourcePath, sourceBase64, diagnostics
    }

    /// Decodes an artifact; the source's bytes travel as Base64 so that nothing is normalised.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        path = try container.decode(String.self, forKey: .path)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        if let encoded = try container.decodeIfPresent(String.self, forKey: .sourceBase64) {
            guard let data = Data(base64Encoded: encoded) else {
                throw DecodingError.dataCorruptedError(forKey: .sourceBase64, in: container, debugDescription: "source of \(path) is not valid Base64")
            }
            let sourcePath = try container.decodeIfPresent(String.self, forKey: .sourcePath) ?? path
            source = SourceFile(path: sourcePath, bytes: [UInt8](data))
        } else {
            source = nil
        }
    }

    /// Encodes the artifact, with the source's exact bytes in Base64.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(path, forKey: .path)
        if let source {
            try container.encode(source.path, forKey: .sourcePath)
            try container.encode(Data(source.bytes).base64EncodedString(), forKey: .sourceBase64)
        }
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
