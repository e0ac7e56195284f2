import Foundation
import HullCore
import HullDockerfile
import HullLint

/// `ENV` or `ARG` sets a variable that makes a tool skip TLS certificate verification.
public struct TlsVerificationDisabledInEnvRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF062", name: "tls-verification-disabled-in-env",
        summary: "`ENV` or `ARG` sets a variable that turns off TLS certificate verification.",
        rationale: """
        Several tools read an environment variable that makes them accept any certificate. Set with `ENV`, \
        the variable stays in the image and applies to every download the build makes afterwards and to \
        every connection the container makes at run time; set with `ARG`, it reaches every later `RUN` of \
        the stage. Anyone on the network path can then serve packages or answer API calls in the server's \
        name. Install the private CA instead (`update-ca-certificates`, `NODE_EXTRA_CA_CERTS`, \
        `PIP_CERT`, `REQUESTS_CA_BUNDLE=/path/to/ca.pem`). Hull looks at the value BuildKit sets, with \
        variables expanded, and follows each tool's own reading of it: `PYTHONHTTPSVERIFY=0`; \
        `NODE_TLS_REJECT_UNAUTHORIZED=0`; npm's `strict-ssl` set to `false` or `0` through \
        `NPM_CONFIG_STRICT_SSL` (npm reads the name in any case); Yarn's `YARN_ENABLE_STRICT_SSL` set to \
        `false` or `0`; `PIP_TRUSTED_HOST` and `GOINSECURE` set to anything; `GIT_SSL_NO_VERIFY` set at \
        all, because git only checks that it exists, so even `false` or `0` turns verification off; and \
        `CURL_CA_BUNDLE` or `REQUESTS_CA_BUNDLE` set to the empty string, which older releases of Python's \
        Requests read as "do not verify". An `ARG` without a default is not judged. The same variables set \
        inside a `RUN` command are the shell rules' concern.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.checkov("CKV2_DOCKER_5"), .checkov("CKV2_DOCKER_6"), .checkov("CKV2_DOCKER_12"), .checkov("CKV2_DOCKER_14"),
                  .checkov("CKV2_DOCKER_16")],
        examples: [
            .passing("FROM python:3.12\nENV PYTHONHTTPSVERIFY=1 REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt\nARG GIT_SSL_NO_VERIFY\n"),
            .passing("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true NODE_EXTRA_CA_CERTS=/etc/ssl/private-ca.pem\n"),
            .passing("FROM python:3.12\nARG VERIFY=1\nENV PYTHONHTTPSVERIFY=$VERIFY PIP_TRUSTED_HOST=\n"),
            .failing("FROM node:20\nENV ⟦NODE_TLS_REJECT_UNAUTHORIZED=0⟧\n"),
            .failing("FROM python:3.12\nARG ⟦PIP_TRUSTED_HOST=pypi.internal⟧\nENV ⟦GIT_SSL_NO_VERIFY=false⟧ ⟦npm_config_strict_ssl=FALSE⟧\n"),
            .failing("FROM python:3.12\nARG INSECURE=0\nENV ⟦PYTHONHTTPSVERIFY=${INSECURE}⟧ LANG=C.UTF-8 ⟦REQUESTS_CA_BUNDLE=\"\"⟧\n"),
            .failing("FROM golang:1.23\nENV ⟦GOINSECURE example.com/*⟧\n"),
        ])

    /// What a value of each variable must be to turn verification off.
    enum Trigger {
        /// Exactly this text.
        case equals(Set<String>)
        /// One of these, ignoring case.
        case equalsIgnoringCase(Set<String>)
        /// Any value, even empty.
        case anything
        /// Any value but the empty string.
        case nonEmpty
        /// The empty string.
        case empty
    }

    /// The variables and what disables verification, with the tool named in the message.
    static let variables: [String: (tool: String, trigger: Trigger)] = [
        "PYTHONHTTPSVERIFY": ("Python's `ssl` module", .equals(["0"])),
        "NODE_TLS_REJECT_UNAUTHORIZED": ("Node.js", .equals(["0"])),
        "YARN_ENABLE_STRICT_SSL": ("Yarn", .equalsIgnoringCase(["false", "0"])),
        "PIP_TRUSTED_HOST": ("pip", .nonEmpty),
        "GOINSECURE": ("the Go toolchain", .nonEmpty),
        "GIT_SSL_NO_VERIFY": ("git", .anything),
        "CURL_CA_BUNDLE": ("Python's Requests", .empty),
        "REQUESTS_CA_BUNDLE": ("Python's Requests", .empty),
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            switch instruction.payload {
            case .env(let env):
                for pair in env.pairs {
                    guard let name = MetadataExpansion.value(of: pair.key, at: instruction.index, in: input),
                          let value = MetadataExpansion.value(of: pair.value, at: instruction.index, in: input) else { continue }
                    report(name, value, TextRange(start: pair.key.range.start, end: max(pair.key.range.end, pair.value.range.end)), &sink)
                }
            case .arg(let arg):
                for declaration in arg.declarations {
                    guard let defaultValue = declaration.defaultValue,
                          let value = MetadataExpansion.value(of: defaultValue, at: instruction.index, in: input) else { continue }
                    report(declaration.name.text, value, declaration.word.range, &sink)
                }
            default:
                continue
            }
        }
    }

    private func report(_ name: String, _ value: String, _ range: TextRange, _ sink: inout DiagnosticSink) {
        guard let (tool, disables) = Self.disables(name, value), disables else { return }
        let note: String
        switch name {
        case "GIT_SSL_NO_VERIFY": note = "git skips verification whenever the variable exists, whatever its value."
        case "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE": note = "Point it at a CA bundle instead of leaving it empty."
        default: note = "Install the CA that signs the server's certificate instead."
        }
        sink.report(range, "`\(name)=\(value.isEmpty ? "\"\"" : value)` turns off TLS certificate verification in \(tool)", notes: [note],
                    peerIDs: Self.checkovID(name).map { [$0] } ?? [])
    }

    /// The Checkov check that looks for `name` (one check per variable), if any.
    static func checkovID(_ name: String) -> String? {
        switch name.uppercased() {
        case "PYTHONHTTPSVERIFY": "CKV2_DOCKER_5"
        case "NODE_TLS_REJECT_UNAUTHORIZED": "CKV2_DOCKER_6"
        case "NPM_CONFIG_STRICT_SSL": "CKV2_DOCKER_12"
        case "GIT_SSL_NO_VERIFY": "CKV2_DOCKER_14"
        case "PIP_TRUSTED_HOST": "CKV2_DOCKER_16"
        default: nil
        }
    }

    /// The tool a variable configures and whether `value` turns its verification off; nil for
    /// variables no tool reads this way.
    static func disables(_ name: String, _ value: String) -> (String, Bool)? {
        let lowered = name.lowercased()
        if lowered.hasPrefix("npm_config_") {
            // npm reads `npm_config_*` in any case and treats `_` and `-` alike.
            guard lowered.dropFirst("npm_config_".count).replacingOccurrences(of: "_", with: "-") == "strict-ssl" else { return nil }
            return ("npm", ["false", "0"].contains(value.lowercased()))
        }
        guard let (tool, trigger) = variables[name] else { return nil }
        switch trigger {
        case .equals(let values): return (tool, values.contains(value))
        case .equalsIgnoringCase(let values): return (tool, values.contains(value.lowercased()))
        case .anything: return (tool, true)
        case .nonEmpty: return (tool, !value.isEmpty)
        case .empty: return (tool, value.isEmpty)
        }
    }
}
