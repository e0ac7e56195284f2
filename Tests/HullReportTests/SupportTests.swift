import HullCore
import Testing
@testable import HullReport

@Suite("Report support")
struct SupportTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("SHA-256 handles a million bytes")
    func sha256Long() {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("colour follows the flag, then NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, TERM and the terminal", arguments: [
        (ColourPolicy.always, false, [String: String](), true),
        (.never, true, ["FORCE_COLOR": "1"], false),
        (.auto, true, [:], true),
        (.auto, false, [:], false),
        (.auto, true, ["NO_COLOR": "1"], false),
        (.auto, true, ["NO_COLOR": ""], true),
        (.auto, false, ["FORCE_COLOR": "1"], true),
        (.auto, false, ["FORCE_COLOR": "0"], false),
        (.auto, false, ["CLICOLOR_FORCE": "1"], true),
        (.auto, true, ["NO_COLOR": "1", "FORCE_COLOR": "1"], false),
        (.auto, true, ["TERM": "dumb"], false),
    ])
    func colour(_ policy: ColourPolicy, _ isTerminal: Bool, _ environment: [String: String], _ expected: Bool) {
        #expect(policy.resolve(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test("formats parse by name, ignoring case, and reject unknown names")
    func formats() throws {
        #expect(try ReportFormat.parse("SARIF") == .sarif)
        #expect(throws: HullReportError.unknownFormat("xml")) { try ReportFormat.parse("xml") }
        for format in ReportFormat.allCases {
            let reporter = format.reporter()
            #expect(reporter.identifier == format.rawValue)
            #expect(!reporter.summary.isEmpty)
        }
    }

    @Test("paths become repository-relative and URI-safe")
    func paths() {
        let paths = RepositoryPath(root: "/work/project/")
        #expect(paths.relative("/work/project/a/Dockerfile") == "a/Dockerfile")
        #expect(paths.relative("./Dockerfile") == "Dockerfile")
        #expect(paths.relative("/elsewhere/Dockerfile") == nil)
        #expect(paths.rootURI == "file:///work/project/")
        #expect(RepositoryPath.percentEncoded("dir with space/应用:1") == "dir%20with%20space/%E5%BA%94%E7%94%A8%3A1")
        #expect(RepositoryPath.uriReference("/abs/x y") == "file:///abs/x%20y")
    }

    @Test("display widths: wide characters two cells, combining marks none")
    func widths() {
        #expect(DisplayWidth.width(of: "a") == 1)
        #expect(DisplayWidth.width(of: "应") == 2)
        #expect(DisplayWidth.width(of: "👋") == 2)
        #expect(DisplayWidth.width(of: "\u{301}") == 0)
    }

    @Test("GUIDs derived from names are stable and well-formed")
    func guids() {
        let guid = NameBasedGUID.taxonomy("hadolint")
        #expect(guid == NameBasedGUID.taxonomy("hadolint"))
        #expect(guid != NameBasedGUID.taxonomy("trivy"))
        let pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(guid.wholeMatch(of: pattern) != nil)
    }
}
