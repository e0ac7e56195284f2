import Foundation
import HullCore

/// A `.dockerignore` file read exactly as BuildKit's `ignorefile.ReadAll` (moby/patternmatcher
/// v0.6.1) reads it.
///
/// 1. Lines end at `\n`; one trailing `\r` is dropped. A UTF-8 BOM is removed from line 1 only.
/// 2. A line whose first byte is `#` is a comment (` #x` is the pattern `#x`).
/// 3. Lines are trimmed (Go's Unicode white space); empty lines are skipped.
/// 4. A leading `!` marks an exception; space after it is trimmed too.
/// 5. The rest is `filepath.Clean`ed and one leading `/` is removed unless the pattern is `/`.
/// 6. `!` alone yields the pattern `!`, which the matcher rejects.
public struct IgnoreFile: Hashable, Sendable {
    /// Where the file was read from, when it came from disk.
    public var path: String?
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The patterns, in file order.
    public var patterns: [IgnorePattern]

    /// Go's `bufio.MaxScanTokenSize`: a line must fit, with its `\n`, in this many bytes.
    public static let maximumLineLength = 64 * 1024

    /// Parses the bytes of an ignore file.
    /// - Throws: ``HullContextError/ignoreFileLineTooLong(path:line:length:)`` for a line BuildKit
    ///   cannot read (the build fails with `token too long`).
    public init(bytes: [UInt8], path: String? = nil) throws(HullContextError) {
        self.path = path
        self.bytes = bytes
        self.patterns = try IgnoreFile.parse(bytes, path: path)
    }

    /// Reads and parses the file at `path`.
    public static func read(at path: String) throws(HullContextError) -> IgnoreFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableIgnoreFile(path: path, reason: (error as NSError).localizedDescription)
        }
        return try IgnoreFile(bytes: [UInt8](data), path: path)
    }

    /// The patterns of an ignore file's bytes (`ignorefile.ReadAll`).
    public static func parse(_ bytes: [UInt8], path: String? = nil) throws(HullContextError) -> [IgnorePattern] {
        var patterns: [IgnorePattern] = []
        var lineNumber = 0
        var lineStart = 0
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != newline { lineEnd += 1 }
            let nextStart = lineEnd + 1
            guard lineEnd - lineStart < maximumLineLength else {
                throw .ignoreFileLineTooLong(path: path, line: lineNumber + 1, length: lineEnd - lineStart)
            }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == carriageReturn { contentEnd -= 1 }
            var contentStart = lineStart
            if lineNumber == 0 && contentEnd - contentStart >= 3
                && bytes[contentStart] == 0xEF && bytes[contentStart + 1] == 0xBB && bytes[contentStart + 2] == 0xBF {
                contentStart += 3
            }
            lineNumber += 1
            defer { lineStart = nextStart }
            if contentStart < contentEnd && bytes[contentStart] == UInt8(ascii: "#") { continue }
            let trimmed = GoText.trimSpaceRange(bytes, in: contentStart..<contentEnd)
            if trimmed.isEmpty { continue }
            var body = trimmed
            let isException = bytes[body.lowerBound] == UInt8(ascii: "!")
            if isException {
                body = GoText.trimSpaceRange(bytes, in: (body.lowerBound + 1)..<body.upperBound)
            }
            var pattern = Array(bytes[body])
            if !pattern.isEmpty {
                pattern = GoPath.clean(pattern)
                if pattern.count > 1 && pattern[0] == UInt8(ascii: "/") { pattern.removeFirst() }
            }
            patterns.append(IgnorePattern(
                line: lineNumber,
                rawBytes: Array(bytes[contentStart..<contentEnd]),
                isException: isException,
                patternBytes: pattern,
                range: TextRange(trimmed)
            ))
        }
        return patterns
    }
}
