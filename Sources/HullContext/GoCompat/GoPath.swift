/// Go's `path/filepath.Clean` on Unix, over bytes.
enum GoPath {
    /// Lexically cleans `path`: collapses `//`, drops `.` elements, resolves `a/..`, drops a
    /// trailing `/`, keeps leading `..` of a relative path and drops them after a root.
    static func clean(_ path: [UInt8]) -> [UInt8] {
        if path.isEmpty { return [UInt8(ascii: ".")] }
        let slash = UInt8(ascii: "/")
        let rooted = path[0] == slash
        var elements: [ArraySlice<UInt8>] = []
        var dotDotPrefix = 0
        for element in path.split(separator: slash, omittingEmptySubsequences: true) {
            if element.count == 1 && element.first == UInt8(ascii: ".") { continue }
            if element.count == 2 && element.allSatisfy({ $0 == UInt8(ascii: ".") }) {
                if elements.count > dotDotPrefix {
                    elements.removeLast()
                } else if !rooted {
                    elements.append(element)
                    dotDotPrefix += 1
                }
                continue
            }
            elements.append(element)
        }
        var result: [UInt8] = rooted ? [slash] : []
        for (index, element) in elements.enumerated() {
            if index > 0 { result.append(slash) }
            result.append(contentsOf: element)
        }
        if result.isEmpty { return [UInt8(ascii: ".")] }
        return result
    }
}
