extension ImageReference {
    /// The reference grammar of `distribution/reference` (`ReferenceRegexp`), matched by
    /// hand over ASCII bytes:
    ///
    ///     reference  := name [ ":" tag ] [ "@" digest ]
    ///     name       := [ domain [ ":" port ] "/" ] path-component { "/" path-component }
    ///     domain     := domain-component { "." domain-component } | "[" ipv6 "]"
    ///     path-component := [a-z0-9]+ { ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ }
    ///     tag        := [\w][\w.-]{0,127}
    ///     digest     := [A-Za-z][A-Za-z0-9]* { [-_+.][A-Za-z][A-Za-z0-9]* } ":" xdigit{32,}
    ///
    /// As with the regular expression, a first component that is not a valid domain may still
    /// be read as a path component (`my_host.com/app` is a path on no registry).
    enum Grammar {
        static let maximumPathLength = 255

        struct Parts {
            var domain: String?
            var path: String
            var tag: String?
            var digest: String?
        }

        static func reference(_ text: String) -> Parts? {
            let bytes = Array(text.utf8)
            var end = bytes.count
            var digest: String?
            if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
                guard isDigest(bytes[(at + 1)...]) else { return nil }
                digest = string(bytes[(at + 1)...])
                end = at
            }
            // A tag cannot hold `/` and a path cannot hold `:`, so the tag starts at the first
            // `:` after the last `/`; a `:` before a `/` belongs to a port.
            let lastSlash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) ?? -1
            var nameEnd = end
            var tag: String?
            if let colon = bytes[(lastSlash + 1)..<end].firstIndex(of: UInt8(ascii: ":")) {
                guard isTag(bytes[(colon + 1)..<end]) else { return nil }
                tag = string(bytes[(colon + 1)..<end])
                nameEnd = colon
            }
            let name = bytes[..<nameEnd]
            if let slash = name.firstIndex(of: UInt8(ascii: "/")),
               isDomainAndPort(name[..<slash]), isRemoteName(name[(slash + 1)...]) {
                return Parts(domain: string(name[..<slash]), path: string(name[(slash + 1)...]), tag: tag, digest: digest)
            }
            guard isRemoteName(name) else { return nil }
            return Parts(domain: nil, path: string(name), tag: tag, digest: digest)
        }

        /// go-digest's validation of a digest that matched the grammar.
        static func validate(digest: String, in text: String) throws(ImageReferenceError) {
            let bytes = Array(digest.utf8)
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { throw .invalidDigestFormat(text) }
            let algorithm = string(bytes[..<colon])
            let encoded = bytes[(colon + 1)...]
            let length: Int
            switch algorithm {
            case "sha256": length = 64
            case "sha384": length = 96
            case "sha512": length = 128
            default:
                throw isLowercaseAlgorithm(bytes[..<colon]) ? .unsupportedDigestAlgorithm(text) : .invalidDigestFormat(text)
            }
            guard encoded.count == length else { throw .invalidDigestLength(text) }
            guard encoded.allSatisfy(isLowerHex) else { throw .invalidDigestFormat(text) }
        }

        // MARK: - Productions

        private static func isDomainAndPort(_ bytes: ArraySlice<UInt8>) -> Bool {
            var rest: ArraySlice<UInt8>
            if bytes.first == UInt8(ascii: "[") {
                guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return false }
                let inner = bytes[(bytes.startIndex + 1)..<close]
                guard !inner.isEmpty, inner.allSatisfy({ isHex($0) || $0 == UInt8(ascii: ":") }) else { return false }
                rest = bytes[(close + 1)...]
            } else {
                let hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.endIndex
                let components = bytes[..<hostEnd].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                guard components.allSatisfy(isDomainComponent) else { return false }
                rest = bytes[hostEnd...]
            }
            guard let colon = rest.first else { return true }
            let port = rest.dropFirst()
            return colon == UInt8(ascii: ":") && !port.isEmpty && port.allSatisfy(isDigit)
        }

        private static func isDomainComponent(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
            return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }

        private static func isRemoteName(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy(isPathComponent)
        }

        private static func isPathComponent(_ bytes: ArraySlice<UInt8>) -> Bool {
            var index = bytes.startIndex
            while true {
                let runStart = index
                while index < bytes.endIndex, isLowerAlphanumeric(bytes[index]) { index += 1 }
                guard index > runStart else { return false }
                guard index < bytes.endIndex else { return true }
                switch bytes[index] {
                case UInt8(ascii: "."):
                    index += 1
                case UInt8(ascii: "_"):
                    index += 1
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "_") { index += 1 }
                case UInt8(ascii: "-"):
                    while index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") { index += 1 }
                default:
                    return false
                }
            }
        }

        private static func isTag(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard let first = bytes.first, isWord(first), bytes.count <= 128 else { return false }
            return bytes.allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        }

        private static func isDigest(_ bytes: ArraySlice<UInt8>) -> Bool {
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
            let hex = bytes[(colon + 1)...]
            guard hex.count >= 32, hex.allSatisfy(isHex) else { return false }
            // Components start with a letter and are joined by one of `-_+.`.
            var expectsLetter = true
            for byte in bytes[..<colon] {
                if expectsLetter {
                    guard isLetter(byte) else { return false }
                    expectsLetter = false
                } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") {
                    expectsLetter = true
                } else if !isAlphanumeric(byte) {
                    return false
                }
            }
            return !expectsLetter
        }

        /// go-digest's algorithm grammar: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*`.
        private static func isLowercaseAlgorithm(_ bytes: ArraySlice<UInt8>) -> Bool {
            var expectsAlphanumeric = true
            for byte in bytes {
                if isLowerAlphanumeric(byte) {
                    expectsAlphanumeric = false
                } else if !expectsAlphanumeric,
                          byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") {
                    expectsAlphanumeric = true
                } else {
                    return false
                }
            }
            return !expectsAlphanumeric
        }

        // MARK: - Character classes

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        private static func isLetter(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
        private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || isDigit(byte)
        }
        private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
        private static func isHex(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        }
        static func isLowerHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) }

        private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    }
}
