/// Escaping for XML 1.0 attribute values and character data.
enum XMLText {
    /// Escapes `text` for a double-quoted attribute value.
    ///
    /// Markup characters become entities; tab, line feed and carriage return become character
    /// references so that attribute-value normalisation keeps them.
    static func attribute(_ text: String) -> String { escaped(text, inAttribute: true) }

    /// Escapes `text` as element content, keeping tabs and line breaks as they are.
    static func content(_ text: String) -> String { escaped(text, inAttribute: false) }

    /// Characters XML 1.0 forbids even as references (C0 controls other than tab, line feed and
    /// carriage return; U+FFFE; U+FFFF) become U+FFFD in both contexts.
    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
