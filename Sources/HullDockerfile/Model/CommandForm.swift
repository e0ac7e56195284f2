import HullCore

/// How RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD give their command.
public enum CommandForm: Sendable, Hashable {
    /// A JSON array, run without a shell (exec form).
    case exec([Word])
    /// A string run by the instruction's shell (`/bin/sh -c` unless SHELL says otherwise).
    case shell(ShellText)

    /// Whether this is the exec form.
    public var isExec: Bool {
        if case .exec = self { return true }
        return false
    }
}

/// Shell-form text: the joined line from the Dockerfile, with the file offset of each byte,
/// so a shell parser can point into the Dockerfile through continuations.
public struct ShellText: Sendable, Hashable {
    /// The joined line the text is part of.
    public var line: LogicalLine
    /// The part of `line.bytes` that is the script.
    public var lineRange: Range<Int>

    /// The script as a string.
    public var text: String { line.text(lineRange) }
    /// The script's bytes.
    public var bytes: [UInt8] { Array(line.bytes[lineRange]) }
    /// The file offset of each byte of `bytes`.
    public var fileOffsets: [Int] { line.fileOffsets(in: lineRange) }
    /// The file range from the script's first to last byte.
    public var range: TextRange { line.fileRange(lineRange) }
}
