/// Sizes and counts for people: SI units (`5.1 kB`, `212 MB`) and grouped digits (`12,481`).
public enum ByteCount {
    /// `bytes` in SI units: bytes below 1,000, then kB, MB, GB, TB with one decimal below 100.
    public static func text(_ bytes: Int64) -> String {
        if bytes < 1_000 { return "\(bytes) B" }
        let units = ["kB", "MB", "GB", "TB", "PB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        if value >= 99.95 { return "\(Int(value.rounded())) \(units[unit])" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// `count` with thousands separated by commas.
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return count < 0 ? "-" + result : result
    }

    /// `count` followed by `noun`, pluralised with `s` unless it is 1 (`1 file`, `2,014 files`).
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(count)) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
