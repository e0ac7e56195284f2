extension ShellLexer {
    /// Collects the words of ``ShellLexer/processWords(_:environment:)``.
    ///
    /// Unquoted white space ends a word, except right after `<<` (optionally followed by white
    /// space already kept), where it stays in the word so `<< EOF` reads as one heredoc
    /// marker. Quoted and escaped text never splits. Empty words, such as a lone `""`, are
    /// dropped.
    ///
    /// Only the outermost level collects words. The Go lexer (since its allocation rework)
    /// resets one shared word buffer whenever it enters a nested `${NAME:-…}` or
    /// `${NAME/…/…}`, which drops the text before it in the same word (`80${P:-/tcp}` splits
    /// to `/tcp`); Hull keeps that text.
    struct WordSplitter {
        private var words: [String] = []
        private var current = String.UnicodeScalarView()
        private var inWord = false
        /// Whether `current`, less trailing white space, ends with `<<`.
        private var followsHeredocOperator = false

        /// An unquoted, unescaped scalar: white space separates words.
        mutating func addUnquoted(_ scalar: Unicode.Scalar) {
            guard Expander.isSpace(scalar) else {
                addLiteral(scalar)
                return
            }
            guard inWord, !current.isEmpty else { return }
            if followsHeredocOperator {
                current.append(scalar)
                return
            }
            words.append(String(current))
            current = String.UnicodeScalarView()
            inWord = false
        }

        /// A scalar that is part of the word whatever it is (escaped).
        mutating func addLiteral(_ scalar: Unicode.Scalar) {
            current.append(scalar)
            inWord = true
            if !Expander.isSpace(scalar) { updateHeredocState() }
        }

        /// The value of an unquoted expansion: split like unquoted text.
        mutating func addExpansion(_ text: String) {
            for scalar in text.unicodeScalars { addUnquoted(scalar) }
        }

        /// The content of a quoted string: never split, and it starts a word even when empty.
        mutating func addQuoted(_ text: String) {
            current.append(contentsOf: text.unicodeScalars)
            inWord = true
            if text.unicodeScalars.contains(where: { !Expander.isSpace($0) }) { updateHeredocState() }
        }

        /// The words, including the one in progress.
        mutating func finish() -> [String] {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
                inWord = false
            }
            return words
        }

        private mutating func updateHeredocState() {
            var index = current.endIndex
            while index > current.startIndex {
                let before = current.index(before: index)
                guard Expander.isSpace(current[before]) else { break }
                index = before
            }
            var angles = 0
            while angles < 2, index > current.startIndex {
                index = current.index(before: index)
                guard current[index] == "<" else { break }
                angles += 1
            }
            followsHeredocOperator = angles == 2
        }
    }
}
