import HullCore
import HullDockerfile
import HullLint

/// `LABEL` pairs as BuildKit records them, and the label schema the label rules check them
/// against (hadolint's `label-schema` and `strict-labels`).
enum MetadataLabels {
    /// One `key=value` pair of a `LABEL`.
    struct Label {
        /// The key after variable expansion.
        var key: String
        /// The value after variable expansion; nil when it is only known at build time.
        var value: String?
        /// The pair as written.
        var pair: KeyValueInstruction.Pair
        /// The instruction.
        var instruction: Instruction

        /// From the key to the end of the value.
        var range: TextRange { TextRange(start: pair.key.range.start, end: max(pair.key.range.end, pair.value.range.end)) }
    }

    /// The kinds of value a schema can ask for.
    enum ValueType: String {
        case text, url, semver, hash, rfc3339, spdx, email
    }

    /// Every `LABEL` pair whose key is known, in file order (labels inside `ONBUILD` are left out).
    static func labels(in input: AnalyzedDockerfile) -> [Label] {
        var result: [Label] = []
        for instruction in input.instructions {
            guard case .label(let payload) = instruction.payload else { continue }
            for pair in payload.pairs {
                guard let key = MetadataExpansion.value(of: pair.key, at: instruction.index, in: input) else { continue }
                result.append(Label(key: key, value: MetadataExpansion.value(of: pair.value, at: instruction.index, in: input), pair: pair, instruction: instruction))
            }
        }
        return result
    }

    /// The label schema: `labelSchema` from the configuration, with the rule's `schema` option
    /// (a map of label to type) on top. Type names are lower-cased.
    static func schema(_ input: AnalyzedDockerfile, _ sink: DiagnosticSink) -> [String: String] {
        var schema = input.configuration.labelSchema.mapValues { $0.lowercased() }
        if case .map(let entries)? = sink.options["schema"] {
            for (key, value) in entries { schema[key] = value.stringValue?.lowercased() ?? "text" }
        }
        return schema
    }

    /// Whether labels outside the schema are reported: `strictLabels`, or the rule's `strict` option.
    static func isStrict(_ input: AnalyzedDockerfile, _ sink: DiagnosticSink) -> Bool {
        sink.flag("strict", default: input.configuration.strictLabels)
    }

    /// Reports schema labels of `type` whose value is known, not empty and rejected by `isValid`.
    static func checkFormat(_ type: ValueType, _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink,
                            expected: String, isValid: (String) -> Bool) {
        let schema = schema(input, sink)
        let keys = Set(schema.filter { $0.value == type.rawValue }.keys)
        guard !keys.isEmpty else { return }
        for label in labels(in: input) where keys.contains(label.key) {
            guard let value = label.value, !value.isEmpty, !isValid(value) else { continue }
            let range = label.pair.value.range.isEmpty ? label.range : label.pair.value.range
            sink.report(range, "`\(value)` is not \(expected), as the schema requires for `\(label.key)`")
        }
    }
}
