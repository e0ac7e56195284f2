/// A unified diff of two texts, line by line (Myers' algorithm), as `diff -u` prints it.
public enum UnifiedDiff {
    /// The diff of `old` and `new`, labelled `a/path` and `b/path`; empty when equal.
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        if a == b { return "" }
        let script = edits(a, b)
        let changes = script.indices.filter { script[$0].kind != .keep }
        var groups: [(Int, Int)] = []
        for change in changes {
            if let last = groups.last, change - last.1 <= 2 * context { groups[groups.count - 1].1 = change } else { groups.append((change, change)) }
        }
        let label = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var out = "--- a/\(label)\n+++ b/\(label)\n"
        for (first, last) in groups {
            let slice = script[max(0, first - context)..<min(script.count, last + context + 1)]
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            let oldStart = slice.first!.oldLine + (oldCount == 0 ? 0 : 1)
            let newStart = slice.first!.newLine + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for step in slice {
                switch step.kind {
                case .keep: out += " " + step.text
                case .delete: out += "-" + step.text
                case .insert: out += "+" + step.text
                }
                if step.text.utf8.last != 0x0A { out += "\n\\ No newline at end of file\n" }
            }
        }
        return out
    }

    struct Step {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The shortest edit script from `a` to `b`.
    static func edits(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count, maxD = n + m
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        outer: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + maxD] < v[k + 1 + maxD]) { x = v[k + 1 + maxD] } else { x = v[k - 1 + maxD] + 1 }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[k + maxD] = x
                if x >= n && y >= m { trace.append(v); break outer }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + maxD] < v[k + 1 + maxD])) ? k + 1 : k - 1
            let previousX = v[previousK + maxD], previousY = previousX - previousK
            while x > previousX && y > previousY { x -= 1; y -= 1; steps.append(Step(kind: .keep, text: a[x], oldLine: x, newLine: y)) }
            if d > 0 {
                if x == previousX { y -= 1; steps.append(Step(kind: .insert, text: b[y], oldLine: x, newLine: y)) } else { x -= 1; steps.append(Step(kind: .delete, text: a[x], oldLine: x, newLine: y)) }
            }
        }
        return steps.reversed()
    }
}
