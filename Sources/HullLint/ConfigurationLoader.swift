import Foundation
import HullCore
import Yams

/// Reads `.hull.yaml` and hadolint's `.hadolint.yaml` into a `Configuration`.
public enum ConfigurationLoader {
    /// The keys `.hull.yaml` accepts.
    public static let hullKeys = ["select", "extend-select", "ignore", "severity", "rules", "trusted-registries", "fail-level", "preview", "label-schema", "strict-labels", "inline-pragmas", "shellcheck", "accepted-advisories"]
    /// The keys `.hadolint.yaml` accepts (hadolint 2.x).
    public static let hadolintKeys = ["ignored", "override", "trustedRegistries", "failure-threshold", "label-schema", "strict-labels", "no-fail", "no-color", "format", "disable-ignore-pragma", "verbose"]

    /// Finds the configuration for `directory`: `.hull.yaml` (or `.hull.yml`) in it or the
    /// nearest parent, else `.hadolint.yaml` there; nil when there is none.
    public static func discover(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL
        while true {
            for name in [".hull.yaml", ".hull.yml", ".hadolint.yaml", ".hadolint.yml"] {
                let candidate = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Loads a configuration file; hadolint's format is recognised by its name.
    public static func load(_ url: URL) throws(ConfigurationError) -> Configuration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .invalidYAML(file: url.path, detail: error.localizedDescription)
        }
        if url.lastPathComponent.hasPrefix(".hadolint") { return try hadolint(text, file: url.path) }
        return try hull(text, file: url.path)
    }

    /// Parses `.hull.yaml` text.
    public static func hull(_ text: String, file: String = ".hull.yaml") throws(ConfigurationError) -> Configuration {
        let root = try map(text, file: file)
        var configuration = Configuration()
        for (key, value) in root {
            switch key {
            case "select": configuration.select = try list(value, key, file)
            case "extend-select": configuration.extendSelect = try list(value, key, file)
            case "ignore": configuration.ignore = try list(value, key, file)
            case "severity":
                guard case .map(let levels) = value else { throw .invalidValue(file: file, key: key, expected: "a map from rule to severity") }
                for (rule, level) in levels { configuration.severity[rule] = try severity(level, "severity.\(rule)", file) }
            case "rules":
                guard case .map(let rules) = value else { throw .invalidValue(file: file, key: key, expected: "a map from rule to its options") }
                for (rule, options) in rules {
                    guard case .map(let values) = options else { throw .invalidValue(file: file, key: "rules.\(rule)", expected: "a map of options") }
                    configuration.rules[rule] = values
                }
            case "trusted-registries": configuration.trustedRegistries = try list(value, key, file)
            case "fail-level": configuration.failLevel = try severity(value, key, file)
            case "preview":
                guard let flag = value.boolValue else { throw .invalidValue(file: file, key: key, expected: "true or false") }
                configuration.preview = flag
            case "label-schema": configuration.labelSchema = try stringMap(value, key, file)
            case "strict-labels":
                guard let flag = value.boolValue else { throw .invalidValue(file: file, key: key, expected: "true or false") }
                configuration.strictLabels = flag
            case "inline-pragmas":
                guard let flag = value.boolValue else { throw .invalidValue(file: file, key: key, expected: "true or false") }
                configuration.allowsInlinePragmas = flag
            case "shellcheck":
                guard let flag = value.boolValue else { throw .invalidValue(file: file, key: key, expected: "true or false") }
                configuration.shellcheck = flag
            case "accepted-advisories":
                configuration.acceptedAdvisories = try acceptedAdvisories(value, key, file)
            default:
                throw .unknownKey(file: file, key: key, known: hullKeys)
            }
        }
        return configuration
    }

    /// Parses `.hadolint.yaml` text into the same configuration, through rule aliases.
    public static func hadolint(_ text: String, file: String = ".hadolint.yaml") throws(ConfigurationError) -> Configuration {
        let root = try map(text, file: file)
        var configuration = Configuration()
        for (key, value) in root {
            switch key {
            case "ignored": configuration.ignore = try list(value, key, file)
            case "override":
                guard case .map(let levels) = value else { throw .invalidValue(file: file, key: key, expected: "a map from severity to rule lists") }
                for (level, rules) in levels {
                    let severity = try hadolintSeverity(level, "override.\(level)", file)
                    for rule in try list(rules, "override.\(level)", file) { configuration.severity[rule] = severity }
                }
            case "trustedRegistries": configuration.trustedRegistries = try list(value, key, file)
            case "failure-threshold":
                guard let level = value.stringValue else { throw .invalidValue(file: file, key: key, expected: "a severity") }
                if level != "none" { configuration.failLevel = try hadolintSeverity(level, key, file) } else { configuration.failLevel = .error }
            case "label-schema": configuration.labelSchema = try stringMap(value, key, file)
            case "strict-labels": configuration.strictLabels = value.boolValue ?? false
            case "disable-ignore-pragma": configuration.allowsInlinePragmas = !(value.boolValue ?? false)
            case "no-fail", "no-color", "format", "verbose": continue
            default: throw .unknownKey(file: file, key: key, known: hadolintKeys)
            }
        }
        return configuration
    }

    private static func map(_ text: String, file: String) throws(ConfigurationError) -> [String: ConfigValue] {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw .invalidYAML(file: file, detail: "\(error)")
        }
        guard let loaded else { return [:] }
        guard case .map(let root) = convert(loaded) else { throw .invalidValue(file: file, key: "(top level)", expected: "a map of settings") }
        return root
    }

    static func convert(_ value: Any) -> ConfigValue {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as Int: return .int(value)
        case let value as String: return .string(value)
        case let value as Double: return .string(String(value))
        case let value as Date:
            // YAML reads `2025-06-30` as a timestamp; keep it as the date that was written.
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.formatOptions = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: value).hour == 0
                && Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: value).minute == 0 ? [.withFullDate] : [.withInternetDateTime]
            return .string(formatter.string(from: value))
        case let values as [Any]: return .list(values.map(convert))
        case let values as [String: Any]: return .map(values.mapValues(convert))
        case let values as [AnyHashable: Any]:
            var map: [String: ConfigValue] = [:]
            for (key, item) in values { map["\(key.base)"] = convert(item) }
            return .map(map)
        default: return .string("\(value)")
        }
    }

    /// `accepted-advisories`: a list of maps with `id` and `reason` (required), `expires`
    /// (`YYYY-MM-DD`) and `package`.
    private static func acceptedAdvisories(_ value: ConfigValue, _ key: String, _ file: String) throws(ConfigurationError) -> [AcceptedAdvisory] {
        guard case .list(let items) = value else { throw .invalidValue(file: file, key: key, expected: "a list of {id, reason, expires, package} entries") }
        var result: [AcceptedAdvisory] = []
        for (index, item) in items.enumerated() {
            let place = "\(key)[\(index)]"
            guard case .map(let fields) = item else { throw .invalidValue(file: file, key: place, expected: "a map with `id` and `reason`") }
            for name in fields.keys where !["id", "reason", "expires", "package"].contains(name) {
                throw .unknownKey(file: file, key: "\(place).\(name)", known: ["id", "reason", "expires", "package"])
            }
            guard let id = fields["id"]?.stringValue, !id.isEmpty else { throw .invalidValue(file: file, key: "\(place).id", expected: "an advisory ID such as CVE-2024-1234") }
            guard let reason = fields["reason"]?.stringValue, !reason.isEmpty else { throw .invalidValue(file: file, key: "\(place).reason", expected: "the reason the advisory is accepted") }
            let expires = fields["expires"]?.stringValue
            if let expires, !AcceptedAdvisory.isDate(expires) { throw .invalidValue(file: file, key: "\(place).expires", expected: "a date as YYYY-MM-DD") }
            result.append(AcceptedAdvisory(id: id, reason: reason, expires: expires, package: fields["package"]?.stringValue))
        }
        return result
    }

    private static func list(_ value: ConfigValue, _ key: String, _ file: String) throws(ConfigurationError) -> [String] {
        switch value {
        case .list(let items):
            return try items.map { item throws(ConfigurationError) in
                guard let text = item.stringValue else { throw .invalidValue(file: file, key: key, expected: "a list of strings") }
                return text
            }
        case .string(let text): return [text]
        default: throw .invalidValue(file: file, key: key, expected: "a list of strings")
        }
    }

    private static func stringMap(_ value: ConfigValue, _ key: String, _ file: String) throws(ConfigurationError) -> [String: String] {
        guard case .map(let items) = value else { throw .invalidValue(file: file, key: key, expected: "a map of strings") }
        var result: [String: String] = [:]
        for (name, item) in items {
            guard let text = item.stringValue else { throw .invalidValue(file: file, key: "\(key).\(name)", expected: "a string") }
            result[name] = text
        }
        return result
    }

    private static func severity(_ value: ConfigValue, _ key: String, _ file: String) throws(ConfigurationError) -> Severity {
        guard let text = value.stringValue else { throw .invalidValue(file: file, key: key, expected: "a severity") }
        guard let level = Severity(rawValue: text.lowercased()) else { throw .unknownSeverity(file: file, key: key, value: text) }
        return level
    }

    private static func hadolintSeverity(_ text: String, _ key: String, _ file: String) throws(ConfigurationError) -> Severity {
        switch text.lowercased() {
        case "error": return .error
        case "warning": return .warning
        case "info": return .info
        case "style", "ignore": return .style
        default: throw .unknownSeverity(file: file, key: key, value: text)
        }
    }
}
