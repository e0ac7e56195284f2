import Foundation
import HullCore

/// Reads the files a command is given; `-` is standard input.
public enum InputFile {
    /// Reads `path` (or standard input for `-`) as exact bytes.
    public static func read(_ path: String) throws(HullError) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(path: "-", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path)
        }
        if isDirectory.boolValue { throw .isDirectory(path) }
        do {
            return SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
    }
}
