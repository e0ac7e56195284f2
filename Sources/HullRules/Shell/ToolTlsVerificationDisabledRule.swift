import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Package managers and tools configured from RUN to skip TLS certificate verification.
public struct ToolTlsVerificationDisabledRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH039", name: "tool-tls-verification-disabled",
        summary: "A RUN instruction configures a package manager or tool to skip TLS certificate verification.",
        rationale: """
        Package managers fetch code that runs during the build and in the container. Telling them to \
        trust any certificate lets whoever sits on the network path (a proxy, a hijacked mirror, a \
        poisoned DNS answer) serve packages of their choosing, and settings written with `config \
        set` stay in the image for every later install, long after the build that needed them. Trust \
        the private CA instead (`pip --cert`, `npm config set cafile`, `update-ca-certificates`). \
        Hull flags pip `--trusted-host` and `pip config set …trusted-host`; `npm`, `yarn` and `pnpm` \
        `config set strict-ssl false` (also `npm set`, `strict-ssl=false`, Yarn Berry's \
        `enableStrictSsl false` and a `--strict-ssl=false` option); `git config http.sslVerify \
        false`; yum, dnf, microdnf and tdnf `--setopt=sslverify=0` (on any command, `config-manager` \
        and `yum-config-manager` included); apk `--no-check-certificate`; `conda config --set \
        ssl_verify false`; and variables that turn verification off when set in the script \
        (`GIT_SSL_NO_VERIFY`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, \
        `NPM_CONFIG_STRICT_SSL=false` (in any case, as npm reads it), `PIP_TRUSTED_HOST`), whether \
        before a command, through `env` or with `export`. The same variables set by an ENV \
        instruction are another rule's concern.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.checkov("CKV2_DOCKER_4"), .checkov("CKV2_DOCKER_13"), .checkov("CKV2_DOCKER_15"),
                  .checkov("CKV2_DOCKER_5"), .checkov("CKV2_DOCKER_6"), .checkov("CKV2_DOCKER_12"), .checkov("CKV2_DOCKER_14"),
                  .checkov("CKV2_DOCKER_16")],
        fixAvailability: .unsafe,
        fixNote: """
        Options (`--trusted-host host`, `--setopt=sslverify=0`, `--no-check-certificate`, \
        `--strict-ssl=false`) are removed; configuration commands and variables are left for a \
        person to replace with the right CA settings. The fix is unsafe because downloads then fail \
        if the server's certificate is not trusted by the image.
        """,
        examples: [
            .passing("FROM python:3.12\nRUN pip install --cert /etc/ssl/private-ca.pem --index-url https://pypi.example.com/simple app==1.0\n"),
            .passing("FROM node:20\nRUN npm config set cafile /etc/ssl/private-ca.pem && npm config set strict-ssl true && git config --global http.sslVerify true\n"),
            .failing("FROM python:3.12\nRUN pip install ⟦--trusted-host pypi.example.com⟧ app==1.0\n"),
            .failing("FROM node:20\nRUN npm config set ⟦strict-ssl⟧ false && \\\n    yarn config set ↓strict-ssl false\n"),
            .failing("FROM fedora:40\nRUN <<EOF\nset -e\ndnf config-manager --save ⟦--setopt=*.sslverify=0⟧\ngit config --global ↓http.sslVerify false\nEOF\n"),
            .failing("FROM node:20\nRUN ⟦NODE_TLS_REJECT_UNAUTHORIZED=0⟧ npm install && export ⟦GIT_SSL_NO_VERIFY=1⟧ && apk ⟦--no-check-certificate⟧ add curl=8.9.1-r0\n"),
            .fix("FROM python:3.12\nRUN pip install --trusted-host pypi.example.com app==1.0\n", to: "FROM python:3.12\nRUN pip install app==1.0\n", .unsafe),
        ])

    /// Variables that turn verification off, with the values that do it (nil: any value).
    static let variables: [String: Set<String>?] = [
        "GIT_SSL_NO_VERIFY": nil,
        "NODE_TLS_REJECT_UNAUTHORIZED": ["0"],
        "PYTHONHTTPSVERIFY": ["0"],
        "NPM_CONFIG_STRICT_SSL": ["false", "0", "no"],
        "YARN_ENABLE_STRICT_SSL": ["false", "0"],
        "PIP_TRUSTED_HOST": nil,
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let bytes = input.source.bytes
        for run in input.hygieneRuns {
            for command in run.commands {
                for (range, text) in variableAssignments(command) {
                    let name = String(text.prefix { $0 != "=" })
                    sink.report(range, "`\(text)` turns off TLS certificate verification",
                                peerIDs: TlsVerificationDisabledInEnvRule.checkovID(name).map { [$0] } ?? [])
                }
                guard let name = command.effectiveName, let invocation = command.invocation else { continue }
                for option in disablingOptions(invocation) {
                    let fix = run.allowsFixes ? HygieneEdits.delete(option, in: bytes).map {
                        Fix(title: "Remove `\(option.spelling)`", edits: [$0], applicability: .unsafe)
                    } : nil
                    sink.report(option.fileRange, "`\(name)` with `\(option.spelling)` skips TLS certificate verification", fix: fix,
                                peerIDs: name.hasPrefix("pip") ? ["CKV2_DOCKER_4"] : ["npm", "yarn"].contains(name) ? ["CKV2_DOCKER_13"] : [])
                }
                for (first, last, text) in HygieneSettings.setoptWords(invocation) where HygieneSettings.setsFalse(text, keys: ["sslverify"]) {
                    let fix = run.allowsFixes ? HygieneEdits.delete(from: first, through: last, in: bytes).map {
                        Fix(title: "Remove `--setopt=\(text)`", edits: [$0], applicability: .unsafe)
                    } : nil
                    let configManager = ["yum-config-manager", "dnf-config-manager"].contains(name) || invocation.subcommands.first?.name == "config-manager"
                    sink.report(first.fileRange.union(last.fileRange), "`\(name)` with `--setopt=\(text)` skips TLS certificate verification", fix: fix,
                                peerIDs: configManager ? ["CKV2_DOCKER_15"] : [])
                }
                if let word = configurationWord(name: name, invocation: invocation) {
                    sink.report(word.fileRange, "`\(name)` is configured to skip TLS certificate verification",
                                peerIDs: name.hasPrefix("pip") ? ["CKV2_DOCKER_4"] : ["npm", "yarn"].contains(name) ? ["CKV2_DOCKER_13"] : [])
                }
            }
        }
    }

    /// Options of one invocation that turn verification off.
    private func disablingOptions(_ invocation: CommandInvocation) -> [ParsedOption] {
        switch invocation.tool ?? invocation.name {
        case "pip":
            return invocation.options(named: "--trusted-host")
        case "apk":
            return invocation.options(named: "--no-check-certificate")
        case "npm", "yarn", "pnpm":
            return invocation.options.filter { $0.spelling == "--strict-ssl" && HygieneSettings.isFalse($0.value ?? "") }
        default:
            return []
        }
    }

    /// The key word of a configuration command that turns verification off
    /// (`npm config set strict-ssl false`, `git config http.sslVerify false`).
    private func configurationWord(name: String, invocation: CommandInvocation) -> ShellWord? {
        let operands = invocation.arguments.filter { !($0.literal ?? "").hasPrefix("-") }
        func pair(after index: Int) -> (ShellWord, String?)? {
            guard index < operands.count, let key = operands[index].literal else { return nil }
            if let equals = key.firstIndex(of: "=") { return (operands[index], String(key[key.index(after: equals)...])) }
            return (operands[index], index + 1 < operands.count ? operands[index + 1].literal : nil)
        }
        func keyName(_ word: ShellWord) -> String {
            let text = (word.literal ?? "").lowercased()
            let key = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
            return key.split(separator: ".").last.map(String.init) ?? key
        }
        let literals = operands.map { $0.literal ?? "" }
        switch name {
        case "npm", "yarn", "pnpm":
            guard let set = literals.firstIndex(of: "set"), set <= 1, let (key, value) = pair(after: set + 1),
                  ["strict-ssl", "enablestrictssl"].contains(keyName(key)), HygieneSettings.isFalse(value ?? "") else { return nil }
            return key
        case "pip", "pip3":
            guard literals.first == "config", literals.dropFirst().first == "set", let (key, _) = pair(after: 2),
                  keyName(key) == "trusted-host" else { return nil }
            return key
        case "git":
            guard let config = literals.firstIndex(of: "config"), let (key, value) = pair(after: config + 1),
                  keyName(key) == "sslverify", HygieneSettings.isFalse(value ?? "") else { return nil }
            return key
        case "conda", "mamba", "micromamba":
            let words = invocation.arguments
            guard let set = words.firstIndex(where: { $0.literal == "--set" }), set + 2 < words.count,
                  words[set + 1].literal == "ssl_verify", HygieneSettings.isFalse(words[set + 2].literal ?? "") else { return nil }
            return words[set + 1]
        default:
            return nil
        }
    }

    /// Assignments that turn verification off: before the command, given to `env`, or exported.
    private func variableAssignments(_ command: SimpleCommand) -> [(TextRange, String)] {
        var found: [(TextRange, String)] = []
        func check(_ name: String, _ value: String?) -> Bool {
            let upper = name.uppercased()
            guard upper == name || upper.hasPrefix("NPM_CONFIG_"), let accepted = Self.variables[upper] else { return false }
            guard let accepted else { return !(value ?? "x").isEmpty }
            return value.map { accepted.contains($0.lowercased()) } ?? false
        }
        for assignment in command.assignments {
            guard let value = assignment.value, check(assignment.name, value.literal) else { continue }
            found.append((assignment.fileRange, "\(assignment.name)=\(value.literal ?? "")"))
        }
        let candidates = command.wrappers.filter { $0.name == "env" }.flatMap { $0.words.dropFirst() }
            + (command.isCommand("export") || command.isCommand("declare") ? Array(command.arguments) : [])
        for word in candidates {
            guard let text = word.literal, let equals = text.firstIndex(of: "=") else { continue }
            if check(String(text[..<equals]), String(text[text.index(after: equals)...])) { found.append((word.fileRange, text)) }
        }
        return found
    }
}
