/// A Unicode general category or category group, as named by Go's `\p{...}` (`unicode.Categories`)
/// plus `Any`.
///
/// Only the one-letter groups (`\pL`, `\PN` …) can come from a `.dockerignore` pattern:
/// patternmatcher escapes `{`, so `\p{Greek}` becomes `\p\{Greek\}`, which Go rejects. Script
/// names are therefore never needed.
struct UnicodeCategory: Sendable, Hashable {
    /// The name as written (`L`, `Lu`, `Any`).
    let name: String

    private static let known: Set<String> = [
        "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
        "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
        "Z", "Zl", "Zp", "Zs",
    ]

    /// The category for `name`, or `nil` when it is not a general category.
    init?(name: String) {
        guard UnicodeCategory.known.contains(name) else { return nil }
        self.name = name
    }

    /// Whether `rune` has this category.
    func contains(_ rune: UInt32) -> Bool {
        if name == "Any" { return rune <= 0x10FFFF }
        guard let scalar = Unicode.Scalar(rune) else {
            // Surrogate code points never reach the matcher (invalid bytes decode as U+FFFD).
            return name == "C" || name == "Cs"
        }
        let code = UnicodeCategory.code(scalar.properties.generalCategory)
        if name.count == 1 {
            // Go's group `C` is Cc|Cf|Co|Cs: unassigned code points are not in it.
            return code.hasPrefix(name) && code != "Cn"
        }
        return code == name
    }

    private static func code(_ category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }
}
