extension String {
    /// This replacement text spelled in the case style of `keyword`: lower case when the
    /// keyword is written in lower case, upper case otherwise.
    func matchingCase(of keyword: String) -> String {
        keyword == keyword.lowercased() ? lowercased() : uppercased()
    }
}
