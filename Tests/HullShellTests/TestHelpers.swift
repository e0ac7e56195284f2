import HullCore
@testable import HullShell

/// Parses contiguous text at offset 0.
func parse(_ text: String, options: ShellParseOptions = ShellParseOptions()) -> ShellScript {
    ShellScript(text, options: options)
}

/// The words of the first simple command.
func firstWords(_ text: String) -> [ShellWord] {
    parse(text).commands.first?.words ?? []
}

/// The invocation of the first command whose effective name is `name`, or of the first command.
func parseInvocation(_ text: String, named name: String? = nil) -> CommandInvocation? {
    let script = parse(text)
    if let name { return script.commands.first { $0.effectiveName == name }?.invocation }
    return script.commands.first?.invocation
}

/// Builds the logical line a Dockerfile makes of `physical` by removing every
/// escape-newline pair, with each kept byte's offset in `physical` plus `base`.
func logicalLine(_ physical: String, base: Int = 0) -> (source: ShellSource, physical: [UInt8]) {
    let bytes = Array(physical.utf8)
    var kept: [UInt8] = []
    var offsets: [Int] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            index += 2
            continue
        }
        kept.append(bytes[index])
        offsets.append(base + index)
        index += 1
    }
    return (ShellSource(bytes: kept, fileOffsets: offsets), bytes)
}

extension ShellSource {
    /// The text a file range covers in `file`.
    static func text(of range: TextRange, in file: [UInt8], base: Int = 0) -> String {
        String(decoding: file[(range.start - base)..<(range.end - base)], as: UTF8.self)
    }
}
