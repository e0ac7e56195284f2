import Foundation

/// Reads the build output of podman and buildah (`STEP i/n: …` lines, `--> Using cache …` for a
/// reused layer) into the Dockerfile steps it reports.
///
/// Multi-stage builds prefix each line with the stage's position (`[2/3] STEP 1/4: FROM …`).
/// podman and buildah count every instruction as a step (ENV and LABEL included), because each
/// one commits an image.
public enum PodmanProgress {
    /// The IDs of the images the build committed (each step's `--> ID` line that does not
    /// follow `--> Using cache`): the layers it made, which outlive the tagged image.
    public static func committedImages(in output: String) -> [String] {
        var images: [String] = []
        var reused = false
        for rawLine in output.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmingPrefix(while: { $0 == " " })
            if line.hasPrefix("--> Using cache") {
                reused = true
            } else if line.hasPrefix("--> ") {
                let id = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                if !reused, id.count >= 10, id.allSatisfy(\.isHexDigit) { images.append(id) }
                reused = false
            } else if line.contains("STEP ") {
                reused = false
            }
        }
        return images
    }

    /// The steps in output order.
    public static func steps(in output: String) -> [EngineStep] {
        var steps: [EngineStep] = []
        for rawLine in output.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            var stage: String?
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                let inside = line[line.index(after: line.startIndex)..<close]
                if let slash = inside.firstIndex(of: "/"), Int(inside[..<slash]) != nil { stage = String(inside[..<slash]) }
                line = line[line.index(after: close)...].drop { $0 == " " }
            }
            if line.hasPrefix("STEP "), let colon = line.firstIndex(of: ":") {
                let counter = line[line.index(line.startIndex, offsetBy: 5)..<colon].split(separator: "/")
                guard counter.count == 2, let position = Int(counter[0]), let total = Int(counter[1]) else { continue }
                if let last = steps.indices.last, steps[last].status == .unfinished { steps[last].status = .ran }
                let text = line[line.index(after: colon)...].drop { $0 == " " }
                steps.append(EngineStep(stage: stage, position: position, total: total, text: String(text), status: .unfinished))
            } else if line.hasPrefix("--> Using cache"), let last = steps.indices.last {
                steps[last].status = .cached
                let id = line.dropFirst("--> Using cache".count).trimmingCharacters(in: .whitespaces)
                if !id.isEmpty, id.allSatisfy(\.isHexDigit) { steps[last].reusedImage = id }
            } else if line.hasPrefix("-->") || line.hasPrefix("COMMIT") || line.hasPrefix("Successfully tagged"),
                      let last = steps.indices.last, steps[last].status == .unfinished {
                steps[last].status = .ran
            } else if line.hasPrefix("Error:") || line.hasPrefix("error building"), let last = steps.indices.last, steps[last].status == .unfinished {
                steps[last].status = .failed
            }
        }
        return steps
    }
}
