import Foundation
import HullDockerfile

extension Expansion {
    /// Whether the expanded value is what the build will use: the word expanded without error,
    /// and every variable that was unset is only used with a default (`${TAG:-20}`), so no
    /// value has to come from outside the file.
    var isResolved: Bool {
        guard error == nil else { return false }
        return unmatched.allSatisfy { name in
            let escaped = NSRegularExpression.escapedPattern(for: name)
            let uses = Self.count(#"\$\{?"# + escaped + #"(?![A-Za-z0-9_])"#, in: raw)
            let defaulted = Self.count(#"\$\{"# + escaped + #":?-"#, in: raw)
            return uses > 0 && uses == defaulted
        }
    }

    private static func count(_ pattern: String, in text: String) -> Int {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return 0 }
        return expression.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
