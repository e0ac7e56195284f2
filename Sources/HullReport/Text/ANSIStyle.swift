import HullCore

/// The few ANSI SGR styles the text reporter uses; all empty when colour is off.
struct ANSIStyle {
    let enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func gutter(_ text: String) -> String { wrap(text, "1;34") }
    func help(_ text: String) -> String { wrap(text, "1;36") }

    /// The colour of a severity's label and carets.
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;34")
        case .style: wrap(text, "1;35")
        }
    }

    /// A message with its `code spans` in bold.
    func message(_ text: String) -> String {
        guard enabled, text.contains("`") else { return text }
        var result = ""
        var inCode = false
        var span = ""
        for character in text {
            if character == "`" {
                if inCode {
                    result += bold("`" + span + "`")
                    span = ""
                }
                inCode.toggle()
            } else if inCode {
                span.append(character)
            } else {
                result.append(character)
            }
        }
        if inCode { result += "`" + span }
        return result
    }
}
