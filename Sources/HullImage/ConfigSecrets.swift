import HullContext
import HullOCI

/// Secrets in the configuration: ENV values, labels, and `NAME=value` build arguments that
/// history lines record (BuildKit writes `RUN |2 A=1 B=2 /bin/sh -c …`).
enum ConfigSecrets {
    /// Name words that mark a value as a credential (Dockle's list, whole words of the name).
    static let words: Set<String> = ["PASS", "PASSWD", "PASSWORD", "SECRET", "KEY", "ACCESS", "TOKEN", "APIKEY", "CREDENTIALS", "PRIVATE"]
    /// Names that contain those words but hold public data.
    static let accepted: Set<String> = ["GPG_KEY", "GPG_KEYS", "PUBLIC_KEY", "KEY_ID", "GPG_KEY_ID", "KEYRING", "SSH_AUTH_SOCK"]

    /// Whether a variable name looks like it holds a credential.
    static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        if accepted.contains(upper) || upper.hasSuffix("_FILE") || upper.hasSuffix("_PATH") || upper.hasSuffix("_DIR") { return false }
        let parts = upper.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return parts.contains(where: words.contains)
    }

    /// A value cut short so that no secret is printed whole.
    static func excerpt(_ value: String) -> String {
        value.count <= 4 ? String(repeating: "*", count: value.count) : String(value.prefix(3)) + "…"
    }

    /// `NAME=value` with the value cut short when it looks secret.
    static func masked(_ assignment: String) -> String {
        guard let equals = assignment.firstIndex(of: "=") else { return assignment }
        let name = String(assignment[..<equals])
        let value = String(assignment[assignment.index(after: equals)...])
        if isSecretName(name) && !value.isEmpty { return name + "=" + excerpt(value) }
        if !contentFindings(name: name, value: value).isEmpty { return name + "=" + excerpt(value) }
        return assignment
    }

    static func contentFindings(name: String, value: String) -> [SecretFinding] {
        SecretScanner().findings(inContents: Array("\(name)=\(value)\n".utf8), path: ContextPath(".env"))
    }

    static func scan(config: ImageConfig.Container, history: [ImageConfig.History], into secrets: inout [ImageAnalysis.Secret]) {
        func check(place: String, name: String, value: String, history index: Int?) {
            guard !value.isEmpty else { return }
            if let finding = contentFindings(name: name, value: value).first {
                secrets.append(.init(place: place, name: name, kind: finding.kind.rawValue, excerpt: name + "=" + excerpt(value), layer: nil,
                                     history: index, line: nil, deletedLater: false, confidence: finding.confidence.description))
            } else if isSecretName(name) {
                secrets.append(.init(place: place, name: name, kind: "secretName", excerpt: name + "=" + excerpt(value), layer: nil,
                                     history: index, line: nil, deletedLater: false, confidence: "medium"))
            }
        }
        for assignment in config.env ?? [] {
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            check(place: "env", name: String(assignment[..<equals]), value: String(assignment[assignment.index(after: equals)...]), history: nil)
        }
        for (name, value) in (config.labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            check(place: "label", name: name, value: value, history: nil)
        }
        for (index, line) in history.enumerated() {
            guard let createdBy = line.createdBy else { continue }
            for (name, value) in buildArguments(createdBy) {
                check(place: "history", name: name, value: value, history: index)
            }
        }
    }

    /// `NAME=value` words of a history line: the build arguments BuildKit and the classic builder record
    /// (`|N A=1 B=2 /bin/sh -c …`), and ENV/ARG/LABEL steps.
    static func buildArguments(_ createdBy: String) -> [(String, String)] {
        var text = Substring(createdBy)
        if text.hasPrefix("RUN ") { text = text.dropFirst(4) }
        var result: [(String, String)] = []
        if text.hasPrefix("|") {
            let words = text.split(separator: " ", omittingEmptySubsequences: true)
            guard let count = Int(words.first?.dropFirst() ?? "") else { return [] }
            for word in words.dropFirst().prefix(count) {
                guard let equals = word.firstIndex(of: "=") else { continue }
                result.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
            }
            return result
        }
        for prefix in ["ENV ", "ARG ", "/bin/sh -c #(nop)  ENV ", "/bin/sh -c #(nop)  ARG "] where createdBy.hasPrefix(prefix) {
            for word in createdBy.dropFirst(prefix.count).split(separator: " ") {
                guard let equals = word.firstIndex(of: "=") else { continue }
                result.append((String(word[..<equals]), String(word[word.index(after: equals)...]).trimmingQuotes))
            }
        }
        return result
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        if count >= 2, let first, first == last, first == "\"" || first == "'" { return String(dropFirst().dropLast()) }
        return self
    }
}
