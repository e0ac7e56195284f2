import HullCore
import HullDockerfile

extension Word {
    /// Whether the word is written literally: no variable reference, and its bytes in the file
    /// are exactly its text (no quotes, escapes or line continuations inside), so offsets in
    /// the text are offsets in the file.
    var isVerbatim: Bool {
        !text.contains("$") && range.length == text.utf8.count
    }

    /// The file range of the last `suffix.utf8.count` bytes when the word is verbatim and ends
    /// with `suffix`.
    func verbatimRange(ofSuffix suffix: String) -> TextRange? {
        guard isVerbatim, text.hasSuffix(suffix) else { return nil }
        return TextRange(start: range.end - suffix.utf8.count, end: range.end)
    }
}
