/// A compiled regular expression: a Thompson NFA simulated bit-parallel over Go-decoded runes.
///
/// Epsilon closures are precomputed per context (start of text, end of text, and whether the
/// runes on either side are ASCII word characters), so matching is a handful of word operations
/// per rune, allocation-free, and the value is immutable and `Sendable`. The semantics are Go's
/// `regexp.MatchString`: true when the expression matches anywhere in the text.
struct RegexProgram: Sendable {
    private enum Predicate: Sendable {
        case rune(UInt32)
        case set(CharacterClass)
        case anyExceptNewline

        @inline(__always)
        func accepts(_ rune: UInt32) -> Bool {
            switch self {
            case .rune(let expected): return rune == expected
            case .set(let set): return set.contains(rune)
            case .anyExceptNewline: return rune != 0x0A
            }
        }
    }

    private enum Instruction {
        case consume(Predicate, next: Int)
        case split(Int, Int)
        case jump(Int)
        case assert(RegexAssertion, next: Int)
        case match
    }

    /// Number of 64-bit words per state set.
    private let words: Int
    private let startPC: Int
    private let matchPC: Int
    private let predicates: [Predicate?]
    private let nextPC: [Int]
    /// Bits of the instructions that consume a rune.
    private let consumerMask: [UInt64]
    /// `closures[(context * count + pc) * words + w]`.
    private let closures: [UInt64]
    private let instructionCount: Int
    private let usesWordBoundary: Bool
    /// Whether a match can only start at offset 0 (the expression begins with `^`).
    private let anchoredAtStart: Bool

    /// Compiles a syntax tree.
    init(_ node: RegexNode) {
        var builder = Builder()
        let matchPC = builder.emit(.match)
        let start = builder.compile(node, next: matchPC)
        let instructions = builder.instructions
        let count = instructions.count
        let words = (count + 63) / 64
        var predicates = [Predicate?](repeating: nil, count: count)
        var nextPC = [Int](repeating: 0, count: count)
        var consumerMask = [UInt64](repeating: 0, count: words)
        var usesWordBoundary = false
        for (pc, instruction) in instructions.enumerated() {
            switch instruction {
            case let .consume(predicate, next):
                predicates[pc] = predicate
                nextPC[pc] = next
                consumerMask[pc / 64] |= 1 << UInt64(pc % 64)
            case .assert(.wordBoundary, _), .assert(.notWordBoundary, _):
                usesWordBoundary = true
            default:
                break
            }
        }
        let contexts = usesWordBoundary ? 16 : 4
        var closures = [UInt64](repeating: 0, count: contexts * count * words)
        var stack: [Int] = []
        var visited = [Bool](repeating: false, count: count)
        for context in 0..<contexts {
            for pc in 0..<count {
                for index in visited.indices { visited[index] = false }
                stack.append(pc)
                let base = (context * count + pc) * words
                while let current = stack.popLast() {
                    if visited[current] { continue }
                    visited[current] = true
                    switch instructions[current] {
                    case .consume, .match:
                        closures[base + current / 64] |= 1 << UInt64(current % 64)
                    case let .split(a, b):
                        stack.append(b)
                        stack.append(a)
                    case let .jump(target):
                        stack.append(target)
                    case let .assert(assertion, next):
                        if RegexProgram.holds(assertion, context: context) { stack.append(next) }
                    }
                }
            }
        }
        self.words = words
        self.startPC = start
        self.matchPC = matchPC
        self.predicates = predicates
        self.nextPC = nextPC
        self.consumerMask = consumerMask
        self.closures = closures
        self.instructionCount = count
        self.usesWordBoundary = usesWordBoundary
        self.anchoredAtStart = RegexProgram.beginsWithBeginText(node)
    }

    // Context bits: 1 = at start, 2 = at end, 4 = previous rune is a word rune, 8 = next is.
    private static func holds(_ assertion: RegexAssertion, context: Int) -> Bool {
        switch assertion {
        case .beginText: return context & 1 != 0
        case .endText: return context & 2 != 0
        case .wordBoundary: return (context & 4 != 0) != (context & 8 != 0)
        case .notWordBoundary: return (context & 4 != 0) == (context & 8 != 0)
        }
    }

    private static func beginsWithBeginText(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.beginText): return true
        case .concatenation(let items): return items.first.map(beginsWithBeginText) ?? false
        default: return false
        }
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// Whether the expression matches anywhere in `text` (Go's `MatchString`).
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = self.words
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * words) { buffer -> Bool in
            var current = buffer.baseAddress!
            var next = current + words
            let count = instructionCount
            return closures.withUnsafeBufferPointer { closures -> Bool in
                @inline(__always) func orClosure(_ target: UnsafeMutablePointer<UInt64>, context: Int, pc: Int) {
                    let base = (context * count + pc) * words
                    for w in 0..<words { target[w] |= closures[base + w] }
                }
                @inline(__always) func containsMatch(_ set: UnsafeMutablePointer<UInt64>) -> Bool {
                    set[matchPC / 64] & (1 << UInt64(matchPC % 64)) != 0
                }
                var context = 1
                if text.isEmpty { context |= 2 }
                if usesWordBoundary, let first = text.first, RegexProgram.isWordByte(first) { context |= 8 }
                for w in 0..<words { current[w] = 0 }
                orClosure(current, context: context, pc: startPC)
                if containsMatch(current) { return true }
                var position = 0
                while position < text.count {
                    let (rune, length) = GoUTF8.decode(text, at: position)
                    let nextPosition = position + length
                    var nextContext = 0
                    if nextPosition == text.count { nextContext |= 2 }
                    if usesWordBoundary {
                        if rune < 0x80 && RegexProgram.isWordByte(UInt8(rune)) { nextContext |= 4 }
                        if nextPosition < text.count && RegexProgram.isWordByte(text[nextPosition]) { nextContext |= 8 }
                    }
                    var any: UInt64 = 0
                    for w in 0..<words { next[w] = 0 }
                    for w in 0..<words {
                        var bits = current[w] & consumerMask[w]
                        while bits != 0 {
                            let bit = bits.trailingZeroBitCount
                            bits &= bits &- 1
                            let pc = w * 64 + bit
                            if predicates[pc].unsafelyUnwrapped.accepts(rune) {
                                orClosure(next, context: nextContext, pc: nextPC[pc])
                            }
                        }
                    }
                    if !anchoredAtStart { orClosure(next, context: nextContext, pc: startPC) }
                    if containsMatch(next) { return true }
                    for w in 0..<words { any |= next[w] }
                    if any == 0 && anchoredAtStart { return false }
                    swap(&current, &next)
                    position = nextPosition
                }
                return false
            }
        }
    }

    // MARK: - Thompson construction

    private struct Builder {
        var instructions: [Instruction] = []

        mutating func emit(_ instruction: Instruction) -> Int {
            instructions.append(instruction)
            return instructions.count - 1
        }

        /// Compiles `node` so that it continues at `next`; returns its entry.
        mutating func compile(_ node: RegexNode, next: Int) -> Int {
            switch node {
            case .empty:
                return next
            case .literal(let rune):
                return emit(.consume(.rune(rune), next: next))
            case .characterClass(let set):
                return emit(.consume(.set(set), next: next))
            case .anyExceptNewline:
                return emit(.consume(.anyExceptNewline, next: next))
            case .assertion(let assertion):
                return emit(.assert(assertion, next: next))
            case .concatenation(let items):
                var entry = next
                for item in items.reversed() { entry = compile(item, next: entry) }
                return entry
            case .alternation(let branches):
                var entry = compile(branches[branches.count - 1], next: next)
                for branch in branches.dropLast().reversed() {
                    let first = compile(branch, next: next)
                    entry = emit(.split(first, entry))
                }
                return entry
            case let .repetition(body, minimum, maximum):
                var entry = next
                if let maximum {
                    // Optional copies, innermost first: (body (body ...)?)?
                    for _ in 0..<(maximum - minimum) {
                        let bodyEntry = compile(body, next: entry)
                        entry = emit(.split(bodyEntry, entry))
                    }
                } else {
                    // A loop: L: split(body → L, next).
                    let loop = emit(.split(0, next))
                    let bodyEntry = compile(body, next: loop)
                    instructions[loop] = .split(bodyEntry, next)
                    entry = loop
                }
                for _ in 0..<minimum { entry = compile(body, next: entry) }
                return entry
            }
        }
    }
}
