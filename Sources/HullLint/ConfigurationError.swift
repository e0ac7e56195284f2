/// Why a configuration could not be used.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The file is not valid YAML.
    case invalidYAML(file: String, detail: String)
    /// A key that Hull does not know.
    case unknownKey(file: String, key: String, known: [String])
    /// A key whose value has the wrong shape.
    case invalidValue(file: String, key: String, expected: String)
    /// A severity name that does not exist.
    case unknownSeverity(file: String, key: String, value: String)

    public var description: String {
        switch self {
        case .invalidYAML(let file, let detail):
            "\(file): not valid YAML: \(detail)"
        case .unknownKey(let file, let key, let known):
            "\(file): unknown key `\(key)`; known keys: \(known.joined(separator: ", "))"
        case .invalidValue(let file, let key, let expected):
            "\(file): `\(key)` must be \(expected)"
        case .unknownSeverity(let file, let key, let value):
            "\(file): `\(key)`: unknown severity `\(value)`; use error, warning, info or style"
        }
    }
}
