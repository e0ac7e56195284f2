/// Reads BuildKit's plain progress output (`--progress=plain`) into the Dockerfile steps it
/// reports.
///
/// Each vertex prints as lines `#N <text>`: first its name (`[base 2/4] WORKDIR /app`; the
/// bracket holds an optional platform, the stage label and the step's position), then its
/// digest, its log lines (`#N 0.079 …`), and finally `CACHED`, `DONE 0.1s` or `ERROR …`.
/// Internal vertices (`[internal] load build context`, `exporting to image`) are not steps.
public enum BuildKitProgress {
    /// The Dockerfile steps in the order their vertices first appeared.
    public static func steps(in output: String) -> [EngineStep] {
        var order: [Int] = []
        var steps: [Int: EngineStep] = [:]
        var named: Set<Int> = []
        for rawLine in output.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = Substring(rawLine)
            guard line.hasPrefix("#"), let space = line.firstIndex(of: " "),
                  let vertex = Int(line[line.index(after: line.startIndex)..<space]) else { continue }
            let rest = line[line.index(after: space)...]
            guard named.contains(vertex) else {
                named.insert(vertex)
                if let step = label(rest) {
                    order.append(vertex)
                    steps[vertex] = step
                }
                continue
            }
            guard steps[vertex] != nil else { continue }
            if rest == "CACHED" {
                steps[vertex]!.status = .cached
            } else if rest.hasPrefix("DONE") {
                if steps[vertex]!.status != .cached { steps[vertex]!.status = .ran }
                steps[vertex]!.seconds = seconds(rest.dropFirst(4))
            } else if rest.hasPrefix("ERROR") {
                steps[vertex]!.status = .failed
            } else if rest.hasPrefix("CANCELED") {
                steps[vertex]!.status = .unfinished
            }
        }
        return order.compactMap { steps[$0] }
    }

    /// A vertex name `[<platform> <stage> i/n] text` as a step; nil for internal vertices.
    static func label(_ name: Substring) -> EngineStep? {
        guard name.hasPrefix("["), let close = name.firstIndex(of: "]") else { return nil }
        let inside = name[name.index(after: name.startIndex)..<close].split(separator: " ")
        guard let counter = inside.last else { return nil }
        let numbers = counter.split(separator: "/")
        guard numbers.count == 2, let position = Int(numbers[0]), let total = Int(numbers[1]) else { return nil }
        var stage: String?
        if inside.count >= 2, !inside[inside.count - 2].contains("/") { stage = String(inside[inside.count - 2]) }
        let text = name[name.index(after: close)...].drop { $0 == " " }
        return EngineStep(stage: stage, position: position, total: total, text: String(text), status: .unfinished)
    }

    /// `" 0.1s"` as seconds.
    static func seconds(_ text: Substring) -> Double? {
        let trimmed = text.drop { $0 == " " }
        guard trimmed.hasSuffix("s") else { return nil }
        return Double(trimmed.dropLast())
    }
}
