import HullCore
import HullDockerfile
import HullLint

/// `EXPOSE` port specifications read as BuildKit reads them: `[[ip:]host:]port[-end][/proto]`.
enum MetadataPorts {
    /// One port specification split into its parts.
    struct Spec {
        /// The text after variable expansion.
        var text: String
        /// The host IP, empty when absent.
        var ip: String
        /// The host port (or range), empty when absent.
        var hostPort: String
        /// The container port or range, before `/`.
        var port: String
        /// The protocol as written, empty when absent.
        var proto: String

        /// Whether a host IP or host port is given.
        var hasHostPart: Bool { !ip.isEmpty || !hostPort.isEmpty }
        /// The length in bytes of `ip:host:` at the start of the text (0 when there is none).
        var hostPrefixLength: Int {
            guard let colon = text.utf8.lastIndex(of: UInt8(ascii: ":")) else { return 0 }
            return text.utf8.distance(from: text.utf8.startIndex, to: colon) + 1
        }
        /// The byte offset of the protocol in the text.
        var protocolOffset: Int { text.utf8.count - proto.utf8.count }
    }

    /// Why a container port is not one BuildKit accepts.
    enum Problem: Error, Equatable {
        case noPort
        case notANumber(String)
        case outOfRange(String)
        case reversed
        case protocolUnknown(String)
    }

    /// An `EXPOSE` word of an instruction, with what BuildKit makes of it.
    struct Word {
        /// The word as written.
        var word: HullDockerfile.Word
        /// The specifications it expands to (several when a variable holds several ports).
        var specs: [Spec]
    }

    /// The words of an `EXPOSE` whose values are known, with their specifications.
    static func words(of instruction: Instruction, in input: AnalyzedDockerfile) -> [Word] {
        guard case .expose(let expose) = instruction.payload else { return [] }
        return expose.ports.compactMap { word in
            let texts: [String]?
            if MetadataExpansion.isLiteral(word, in: input) { texts = [word.text] } else { texts = MetadataExpansion.words(of: word.text, at: instruction.index, in: input) }
            guard let texts else { return nil }
            return Word(word: word, specs: texts.map(split))
        }
    }

    /// Splits `text` as BuildKit's `splitParts` and `splitProtoPort` do.
    static func split(_ text: String) -> Spec {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var ip = "", host = "", container = ""
        switch parts.count {
        case 1: container = parts[0]
        case 2: host = parts[0]; container = parts[1]
        default:
            ip = parts.dropLast(2).joined(separator: ":")
            host = parts[parts.count - 2]
            container = parts[parts.count - 1]
        }
        let pieces = container.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return Spec(text: text, ip: ip, hostPort: host, port: pieces[0], proto: pieces.count > 1 ? pieces[1] : "")
    }

    /// The container ports of `spec`, or why BuildKit rejects them.
    static func ports(_ spec: Spec) -> Result<ClosedRange<Int>, Problem> {
        if spec.port.isEmpty { return .failure(.noPort) }
        if !["", "tcp", "udp", "sctp"].contains(spec.proto.lowercased()) { return .failure(.protocolUnknown(spec.proto)) }
        return range(spec.port)
    }

    /// A port or `start-end` range, as BuildKit's `parsePortRange`.
    static func range(_ text: String) -> Result<ClosedRange<Int>, Problem> {
        let pieces = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let start: Int
        switch number(pieces[0]) {
        case .success(let value): start = value
        case .failure(let problem): return .failure(problem)
        }
        if pieces.count == 1 || pieces[0] == pieces[1] { return .success(start...start) }
        switch number(pieces[1]) {
        case .success(let end): return end < start ? .failure(.reversed) : .success(start...end)
        case .failure(let problem): return .failure(problem)
        }
    }

    /// A port number as Go's `strconv.ParseInt(s, 10, 0)` reads it, limited to 0–65535.
    static func number(_ text: String) -> Result<Int, Problem> {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .failure(.notANumber(text)) }
        guard let magnitude = Int(digits) else { return .failure(.outOfRange(text)) }
        let value = negative ? -magnitude : magnitude
        return (0...65535).contains(value) ? .success(value) : .failure(.outOfRange(text))
    }
}
