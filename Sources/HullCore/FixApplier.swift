/// Applies fixes to a file's bytes: each fix whole or not at all, never two that overlap.
public enum FixApplier {
    /// The outcome of applying a set of fixes.
    public struct Result: Sendable {
        /// The new bytes.
        public var bytes: [UInt8]
        /// The fixes that were applied, in file order.
        public var applied: [Fix]
        /// The fixes skipped because they overlapped an applied one.
        public var skipped: [Fix]
    }

    /// Applies `fixes` to `bytes`. In a file with CRLF line endings, line breaks in
    /// replacements become CRLF too. Fixes are taken in order of their first edit; a fix whose
    /// edits overlap an already accepted edit (or each other) is skipped so that a later
    /// pass can retry it on the new text.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Result {
        let ordered = fixes.enumerated().sorted { lhs, rhs in
            let l = lhs.element.edits.map(\.range.start).min() ?? 0
            let r = rhs.element.edits.map(\.range.start).min() ?? 0
            return (l, lhs.offset) < (r, rhs.offset)
        }.map(\.element)
        var accepted: [Edit] = []
        var applied: [Fix] = []
        var skipped: [Fix] = []
        for fix in ordered {
            let edits = fix.edits.sorted { $0.range < $1.range }
            if conflicts(edits, with: accepted) || !inBounds(edits, count: bytes.count) {
                skipped.append(fix)
                continue
            }
            accepted.append(contentsOf: edits)
            applied.append(fix)
        }
        accepted.sort { $0.range < $1.range }
        let crlf = usesCRLF(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var cursor = 0
        for edit in accepted {
            output.append(contentsOf: bytes[cursor..<edit.range.start])
            output.append(contentsOf: crlf ? toCRLF(Array(edit.replacement.utf8)) : Array(edit.replacement.utf8))
            cursor = edit.range.end
        }
        output.append(contentsOf: bytes[cursor...])
        return Result(bytes: output, applied: applied, skipped: skipped)
    }

    /// Whether the file's first line ends with CRLF: new lines in replacements then follow suit.
    static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return false }
        return newline > 0 && bytes[newline - 1] == 0x0D
    }

    /// Turns every lone `\n` into `\r\n`.
    static func toCRLF(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    private static func inBounds(_ edits: [Edit], count: Int) -> Bool {
        edits.allSatisfy { $0.range.start >= 0 && $0.range.end <= count }
    }

    private static func conflicts(_ edits: [Edit], with accepted: [Edit]) -> Bool {
        for (index, edit) in edits.enumerated() {
            if index > 0, touches(edits[index - 1], edit) { return true }
            if accepted.contains(where: { touches($0, edit) }) { return true }
        }
        return false
    }

    /// Two edits conflict when their ranges overlap, or when both insert at the same offset
    /// (their order would be ambiguous).
    private static func touches(_ a: Edit, _ b: Edit) -> Bool {
        if a.range.overlaps(b.range) { return true }
        if a.range.isEmpty && b.range.isEmpty { return a.range.start == b.range.start }
        if a.range.isEmpty { return a.range.start > b.range.start && a.range.start < b.range.end }
        if b.range.isEmpty { return b.range.start > a.range.start && b.range.start < a.range.end }
        return false
    }
}
