import HullCore

/// A redirection: `> file`, `2>&1`, `&>/dev/null`, `<<EOF`, `<<< "text"`.
public struct ShellRedirection: Sendable {
    /// A redirection operator.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// `<`: read a file.
        case input = "<"
        /// `>`: write a file.
        case output = ">"
        /// `>>`: append to a file.
        case append = ">>"
        /// `>|`: write a file even under `noclobber`.
        case clobber = ">|"
        /// `<>`: open a file for reading and writing.
        case readWrite = "<>"
        /// `<&`: duplicate an input descriptor.
        case duplicateInput = "<&"
        /// `>&`: duplicate an output descriptor (or, with a file name, bash's `>& file`).
        case duplicateOutput = ">&"
        /// `&>`: bash's redirect of both standard output and standard error.
        case outputAndError = "&>"
        /// `&>>`: bash's append of both standard output and standard error.
        case appendOutputAndError = "&>>"
        /// `<<`: a here-document.
        case hereDocument = "<<"
        /// `<<-`: a here-document with leading tabs stripped.
        case hereDocumentStrippingTabs = "<<-"
        /// `<<<`: bash's here-string.
        case hereString = "<<<"

        /// Whether the operator introduces a here-document.
        public var isHereDocument: Bool { self == .hereDocument || self == .hereDocumentStrippingTabs }
    }

    /// The explicit file descriptor number before the operator (`2` in `2>&1`), if any.
    public let fileDescriptor: Int?
    /// The operator.
    public let `operator`: Operator
    /// The target word: a file, a descriptor (`1`, `-`), a here-string, or a here-document's
    /// delimiter word. Nil only when it was missing (a parse error).
    public internal(set) var target: ShellWord?
    /// The here-document, for `<<` and `<<-`.
    public internal(set) var hereDocument: HereDocument?
    /// The local range of the redirection, without a here-document's body.
    public let range: Range<Int>
    /// The file range of the redirection.
    public let fileRange: TextRange
    /// Index of the pending here-document this redirection waits for, while parsing.
    let hereDocumentIndex: Int?

    init(fileDescriptor: Int?, operator: Operator, target: ShellWord?, range: Range<Int>, source: ShellSource, hereDocumentIndex: Int?) {
        self.fileDescriptor = fileDescriptor
        self.operator = `operator`
        self.target = target
        self.range = range
        self.fileRange = source.fileRange(range)
        self.hereDocumentIndex = hereDocumentIndex
        self.hereDocument = nil
    }

    /// The descriptor the redirection applies to: the explicit one, or the operator's default
    /// (0 for input operators, 1 for output operators).
    public var effectiveFileDescriptor: Int {
        if let fileDescriptor { return fileDescriptor }
        switch `operator` {
        case .input, .readWrite, .duplicateInput, .hereDocument, .hereDocumentStrippingTabs, .hereString: return 0
        default: return 1
        }
    }
}
