import HullCore

/// One option found on a command line, with its spelling, value and ranges.
///
/// In a cluster of short options (`-qy`) each letter is its own ``ParsedOption``; the first
/// one's name range includes the dash, the others cover just their letter.
public struct ParsedOption: Sendable {
    /// The option as spelled, without a value: `-y`, `--yes`, `-q`.
    public let spelling: String
    /// The grammar's description of the option; nil for an option the grammar does not know.
    public let spec: OptionSpec?
    /// The value: attached (`--chown=1000`, `-ofile`, `-q=2`) or from the next word
    /// (`-o file`); nil when there is none or it is only known at run time.
    public let value: String?
    /// Whether a value was given, static or not.
    public let hasValue: Bool
    /// The word holding the option.
    public let word: ShellWord
    /// The index of ``word`` in ``CommandInvocation/arguments``.
    public let wordIndex: Int
    /// The separate word holding the value (`file` in `-o file`), if any.
    public let valueWord: ShellWord?
    /// Whether the option shares its word with other short options (`-qy`).
    public let isInCluster: Bool
    /// The local range of the option's name.
    public let nameRange: Range<Int>
    /// The local range of the value, when there is one.
    public let valueRange: Range<Int>?
    /// The local range of the option and its value.
    public let range: Range<Int>
    /// The file range of the option's name.
    public let nameFileRange: TextRange
    /// The file range of the option and its value.
    public let fileRange: TextRange
    /// The file range of the value, when there is one.
    public let valueFileRange: TextRange?

    init(spelling: String, spec: OptionSpec?, value: String?, hasValue: Bool, word: ShellWord, wordIndex: Int, valueWord: ShellWord?,
         isInCluster: Bool, nameRange: Range<Int>, valueRange: Range<Int>?) {
        self.spelling = spelling
        self.spec = spec
        self.value = value
        self.hasValue = hasValue
        self.word = word
        self.wordIndex = wordIndex
        self.valueWord = valueWord
        self.isInCluster = isInCluster
        self.nameRange = nameRange
        self.valueRange = valueRange
        let range = nameRange.lowerBound..<Swift.max(nameRange.upperBound, valueRange?.upperBound ?? 0)
        self.range = range
        let source = word.source
        self.nameFileRange = source.fileRange(nameRange)
        self.fileRange = source.fileRange(range)
        self.valueFileRange = valueRange.map { (valueWord?.source ?? source).fileRange($0) }
    }

    /// The canonical name: the grammar's first spelling, or the spelling for an unknown option.
    public var name: String { spec?.canonicalName ?? spelling }
    /// Whether the grammar knows the option.
    public var isKnown: Bool { spec != nil }
    /// Whether a value was given but is only known at run time.
    public var isValueDynamic: Bool { hasValue && value == nil }

    /// Whether the option is spelled as, or is the same option as, any of `names`.
    public func matches(_ names: [String]) -> Bool {
        if names.contains(spelling) { return true }
        guard let spec else { return false }
        return spec.names.contains { names.contains($0) }
    }
}

// MARK: - CustomStringConvertible

extension ParsedOption: CustomStringConvertible {
    /// The option as `spelling=value`, or its spelling alone.
    public var description: String {
        if let value { return "\(spelling)=\(value)" }
        return spelling
    }
}
