extension ShellLexer {
    /// The wildcard patterns of `${NAME#…}`, `${NAME%…}` and `${NAME/…/…}`, matched the way
    /// BuildKit matches them: it turns the pattern into a Go regular expression (`*` → `.*` or
    /// `.*?`, `?` → `.`, everything else literal, no bracket expressions) and takes Go's
    /// leftmost-first match. So wildcards never match a line feed, `\*` `\?` `\\` are the only
    /// escapes, and `\}` `\/` stand for `}` `/`.
    ///
    /// Matching is a depth-first search over (pattern element, position) states in Go's
    /// preference order, visiting each state at most once per search, as Go's own
    /// backtracking engine does: linear in the value for a given pattern, and iterative.
    struct ShellPattern {
        enum Element: Equatable {
            case literal(Unicode.Scalar)
            case any
            case anyRun
        }

        private let elements: [Element]
        private let longest: Bool

        /// Compiles `pattern`; `longest` makes `*` greedy. Throws the complaint BuildKit adds
        /// after `invalid pattern (…) in substitution:`.
        init(_ pattern: [Unicode.Scalar], longest: Bool) throws(PatternError) {
            var elements: [Element] = []
            elements.reserveCapacity(pattern.count)
            var index = pattern.first == "\u{FEFF}" ? 1 : 0  // dropped by Go's text/scanner
            while index < pattern.count {
                let scalar = pattern[index]
                index += 1
                switch scalar {
                case "*": elements.append(.anyRun)
                case "?": elements.append(.any)
                case "\\":
                    let following = index < pattern.count ? pattern[index] : nil
                    if following == "}" || following == "/" { continue }
                    index += 1
                    guard let following, following == "*" || following == "?" || following == "\\" else {
                        throw PatternError(detail: "invalid escape '\\\(String(following ?? "\u{FFFD}"))'")
                    }
                    elements.append(.literal(following))
                default: elements.append(.literal(scalar))
                }
            }
            self.elements = elements
            self.longest = longest
        }

        /// A pattern that does not compile.
        struct PatternError: Error {
            /// The compiler's complaint, e.g. `invalid escape '\x'`.
            var detail: String
        }

        // MARK: - Operations of the lexer

        /// `${NAME#pattern}` (`longest`: `##`): the value less its shortest (longest) matching prefix.
        static func removingPrefix(_ pattern: String, from value: String, longest: Bool) throws(Reason) -> String {
            let text = Array(value.unicodeScalars)
            let compiled = try compile(Array(pattern.unicodeScalars), printed: pattern, longest: longest)
            var visited = VisitedStates(stateCount: compiled.stateCount(for: text))
            guard let end = compiled.matchEnd(in: text, from: 0, visited: &visited) else { return value }
            return String(String.UnicodeScalarView(text[end...]))
        }

        /// `${NAME%pattern}` (`longest`: `%%`): the value less its shortest (longest) matching suffix.
        ///
        /// Like BuildKit, this reverses the pattern (keeping each `\x` pair in order) and the
        /// value and removes a prefix.
        static func removingSuffix(_ pattern: String, from value: String, longest: Bool) throws(Reason) -> String {
            let reversedPattern = reversed(pattern: Array(pattern.unicodeScalars))
            let text = Array(value.unicodeScalars.reversed())
            let printed = String(String.UnicodeScalarView(reversedPattern))
            let compiled = try compile(reversedPattern, printed: printed, longest: longest)
            var visited = VisitedStates(stateCount: compiled.stateCount(for: text))
            guard let end = compiled.matchEnd(in: text, from: 0, visited: &visited) else { return value }
            return String(String.UnicodeScalarView(text[end...].reversed()))
        }

        /// `${NAME/pattern/replacement}` and, with `all`, `${NAME//pattern/replacement}`.
        ///
        /// As in BuildKit, `*` is greedy here; the single replacement inserts `replacement`
        /// literally, while replacing all goes through Go's `ReplaceAllString`, which expands
        /// `$$` to `$` and `$0`/`${0}` to the matched text, and drops other `$name` references.
        static func replacing(_ pattern: String, with replacement: String, in value: String, all: Bool) throws(Reason) -> String {
            let text = Array(value.unicodeScalars)
            let compiled = try compile(Array(pattern.unicodeScalars), printed: pattern, longest: true)
            var visited = VisitedStates(stateCount: compiled.stateCount(for: text))
            guard all else {
                guard let match = compiled.firstMatch(in: text, from: 0, visited: &visited) else { return value }
                var out = String.UnicodeScalarView(text[..<match.lowerBound])
                out.append(contentsOf: replacement.unicodeScalars)
                out.append(contentsOf: text[match.upperBound...])
                return String(out)
            }
            let template = Array(replacement.unicodeScalars)
            var out = String.UnicodeScalarView()
            var lastMatchEnd = 0
            var searchStart = 0
            while searchStart <= text.count {
                visited.removeAll()
                guard let match = compiled.firstMatch(in: text, from: searchStart, visited: &visited) else { break }
                out.append(contentsOf: text[lastMatchEnd..<match.lowerBound])
                // An empty match right after the previous match is not replaced again.
                if match.upperBound > lastMatchEnd || match.lowerBound == 0 {
                    expand(template: template, match: text[match], into: &out)
                }
                lastMatchEnd = match.upperBound
                searchStart = match.upperBound > searchStart ? match.upperBound : searchStart + 1
            }
            out.append(contentsOf: text[lastMatchEnd...])
            return String(out)
        }

        private static func compile(_ pattern: [Unicode.Scalar], printed: String, longest: Bool) throws(Reason) -> ShellPattern {
            do throws(PatternError) {
                return try ShellPattern(pattern, longest: longest)
            } catch {
                throw .invalidPattern(pattern: printed, detail: error.detail)
            }
        }

        /// BuildKit's `reversePattern`: scalars reversed, but an escape pair `\x` keeps its order.
        static func reversed(pattern: [Unicode.Scalar]) -> [Unicode.Scalar] {
            var out = pattern
            let last = pattern.count - 1
            var index = 0
            while index <= last {
                let target = last - index
                if pattern[index] == "\\" && index != last {
                    out[target - 1] = "\\"
                    out[target] = pattern[index + 1]
                    index += 2
                } else {
                    out[target] = pattern[index]
                    index += 1
                }
            }
            return out
        }

        /// Go's `Regexp.Expand` for a pattern with no capture groups.
        private static func expand(
            template: [Unicode.Scalar], match: ArraySlice<Unicode.Scalar>, into out: inout String.UnicodeScalarView
        ) {
            var index = 0
            while index < template.count {
                let scalar = template[index]
                index += 1
                guard scalar == "$" else {
                    out.append(scalar)
                    continue
                }
                if index < template.count && template[index] == "$" {
                    out.append("$")
                    index += 1
                    continue
                }
                guard let (name, after) = templateReference(template, at: index) else {
                    out.append("$")
                    continue
                }
                index = after
                if isGroupZero(name) { out.append(contentsOf: match) }
            }
        }

        /// The name of a `name` or `{name}` reference starting at `start`, and where it ends.
        private static func templateReference(_ template: [Unicode.Scalar], at start: Int) -> (ArraySlice<Unicode.Scalar>, Int)? {
            var index = start
            let braced = index < template.count && template[index] == "{"
            if braced { index += 1 }
            let nameStart = index
            while index < template.count,
                  Expander.isLetter(template[index]) || Expander.isDigit(template[index]) || template[index] == "_" {
                index += 1
            }
            guard index > nameStart else { return nil }
            let name = template[nameStart..<index]
            if braced {
                guard index < template.count, template[index] == "}" else { return nil }
                index += 1
            }
            return (name, index)
        }

        /// Whether a template name is the number 0 as Go reads it (no leading zeros).
        private static func isGroupZero(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
            name.count == 1 && name.first == "0"
        }

        // MARK: - Matching

        private func stateCount(for text: [Unicode.Scalar]) -> Int {
            let (product, overflow) = elements.count.multipliedReportingOverflow(by: text.count + 1)
            return overflow ? Int.max : product
        }

        /// Go's leftmost-first search from `start`: the earliest start with a match, and the
        /// preferred end for it.
        private func firstMatch(in text: [Unicode.Scalar], from start: Int, visited: inout VisitedStates) -> Range<Int>? {
            var begin = start
            while begin <= text.count {
                if let end = matchEnd(in: text, from: begin, visited: &visited) { return begin..<end }
                begin += 1
            }
            return nil
        }

        /// The end of the preferred match that starts exactly at `start`.
        ///
        /// States that failed during an earlier start of the same search stay failed, so
        /// `visited` is shared across starts.
        private func matchEnd(in text: [Unicode.Scalar], from start: Int, visited: inout VisitedStates) -> Int? {
            let width = text.count + 1
            var stack: [(element: Int, position: Int)] = [(0, start)]
            while let (element, position) = stack.popLast() {
                if element == elements.count { return position }
                guard visited.insert(element * width + position) else { continue }
                let available = position < text.count
                switch elements[element] {
                case .literal(let scalar):
                    if available && text[position] == scalar { stack.append((element + 1, position + 1)) }
                case .any:
                    if available && text[position] != "\n" { stack.append((element + 1, position + 1)) }
                case .anyRun:
                    let canExtend = available && text[position] != "\n"
                    // The stack pops the preferred alternative first, so push it last.
                    if longest {
                        stack.append((element + 1, position))
                        if canExtend { stack.append((element, position + 1)) }
                    } else {
                        if canExtend { stack.append((element, position + 1)) }
                        stack.append((element + 1, position))
                    }
                }
            }
            return nil
        }
    }

    /// A set of search states: a bit set when it fits comfortably, a hash set otherwise;
    /// clearing touches only what was inserted.
    struct VisitedStates {
        private static let bitSetLimit = 1 << 28
        private var bits: [UInt64]
        private var touchedWords: [Int] = []
        private var sparse: Set<Int> = []
        private let usesBits: Bool

        init(stateCount: Int) {
            usesBits = stateCount <= Self.bitSetLimit
            bits = usesBits ? Array(repeating: 0, count: (stateCount + 63) / 64) : []
        }

        /// Inserts `state`; false when it was already there.
        mutating func insert(_ state: Int) -> Bool {
            guard usesBits else { return sparse.insert(state).inserted }
            let word = state >> 6
            let mask = UInt64(1) << UInt64(state & 63)
            let old = bits[word]
            if old & mask != 0 { return false }
            if old == 0 { touchedWords.append(word) }
            bits[word] = old | mask
            return true
        }

        /// Empties the set.
        mutating func removeAll() {
            guard usesBits else {
                sparse.removeAll(keepingCapacity: true)
                return
            }
            for word in touchedWords { bits[word] = 0 }
            touchedWords.removeAll(keepingCapacity: true)
        }
    }
}
