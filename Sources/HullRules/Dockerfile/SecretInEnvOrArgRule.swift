import HullCore
import HullDockerfile
import HullLint

/// An `ENV` or `ARG` that carries a secret, by its name or by the shape of its value.
public struct SecretInEnvOrArgRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF007", name: "secret-in-env-or-arg",
        summary: "An `ENV` or `ARG` looks like it carries a secret.",
        rationale: """
        `ENV` values are written into the image configuration, and build arguments used by a `RUN` are \
        recorded in the image history: anyone who can pull the image reads them with `docker inspect` or \
        `docker history`, and they stay in every layer cache and registry mirror. Pass build-time secrets \
        with `RUN --mount=type=secret,id=…` (or `env=` on the mount) and run-time secrets through the \
        orchestrator's secret store, never through `ENV` or `ARG`. Every stage is checked, as hadolint and \
        BuildKit do (Trivy looks at the final stage only): intermediate stages live on in build caches and \
        exported cache images. A name counts as secret when one of its \
        words (split at `_`, `-`, `.` and case changes) is a secret word — `password`, `passwd`, `secret`, \
        `token`, `auth`, `credentials`, `apikey`, a glued `PGPASSWORD` — or `key` qualified by `api`, \
        `access`, `private`, `secret`, `signing` and the like; like BuildKit it is flagged whatever its \
        value, even none (switches aside, below). Unlike BuildKit, a bare `KEY` (`GPG_KEY`, `CACHE_KEY`) is not enough, and names \
        that describe a secret rather than hold one are exempt: a word such as `file`, `path`, `url`, \
        `public`, `version`, `length`, `id` or `name` (`PASSWORD_FILE`, `TOKEN_URL`, \
        `PASSWORD_MIN_LENGTH`, `NEXT_PUBLIC_API_KEY`), and so is a name whose value is a switch \
        (`USE_GKE_GCLOUD_AUTH_PLUGIN=True`, `ENABLE_TOKEN_AUTH=0`): it turns a feature on, it holds \
        nothing. Any variable whose literal value has the shape of a \
        credential — an AWS access key ID, GitHub, GitLab, Slack, Stripe, npm or OpenAI token, a JSON Web \
        Token, a private key block, a URL with a password — is flagged at the value. A secret name with a \
        value written in the file (not a placeholder, a file path or a setting like `true`), or any \
        credential-shaped value, is reported at error severity (unless the rule's severity is \
        configured); a secret name alone is a warning — the peers split between the two levels, and this \
        follows what is actually known. Values that are variable \
        references or placeholders (`changeme`, `<token>`) are not value matches, and messages never \
        repeat a value.
        """,
        category: .security, defaultSeverity: .warning,
        aliases: [.hadolint("DL3064"), .buildkit("SecretsUsedInArgOrEnv"), .trivy("DS-0031"), .dockle("CIS-DI-0010")],
        fixAvailability: .displayOnly,
        examples: [
            .passing("FROM postgres:16-alpine\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\n"),
            .passing("FROM python:3.12-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D TOKEN_URL=https://auth.internal/token\nARG PASSWORD_MIN_LENGTH=12\n"),
            .passing("FROM node:20-alpine\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n"),
            .passing("FROM google/cloud-sdk:slim\nENV USE_GKE_GCLOUD_AUTH_PLUGIN=True ENABLE_TOKEN_AUTH=0\n"),
            .failing("FROM node:20-alpine\nENV ⟦DB_PASSWORD⟧=s3cr3t\n"),
            .failing("ARG ⟦GITHUB_TOKEN⟧\nFROM alpine:3.20\nARG ↓GITHUB_TOKEN\n"),
            .failing("FROM node:20-alpine\nENV ⟦AWS_SECRET_ACCESS_KEY⟧=${AWS_SECRET_ACCESS_KEY} NODE_ENV=production\n"),
            .failing("FROM node:20-alpine\nENV DATABASE_URL=⟦postgres://app:hunter2@db:5432/app⟧\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let valueSeverity: Severity? = input.hasConfiguredSeverity(for: Self.description) ? nil : .error
        for instruction in input.instructions {
            switch instruction.payload {
            case .env(let env):
                for pair in env.pairs {
                    let name = pair.key.text.contains("$") ? input.expand(pair.key.text, at: instruction.index).value : pair.key.text
                    inspect(name: name, nameRange: pair.key.range, value: pair.value, keyword: "ENV", valueSeverity: valueSeverity, &sink)
                }
            case .arg(let arg):
                for declaration in arg.declarations {
                    inspect(name: declaration.name.text, nameRange: declaration.name.range, value: declaration.defaultValue, keyword: "ARG",
                            valueSeverity: valueSeverity, &sink)
                }
            default:
                continue
            }
        }
    }

    /// The alternative shown with the finding: a build secret, or a value given at run time.
    static func secretAdvice(name: String, keyword: String) -> Fix {
        let id = name.lowercased().replacingOccurrences(of: "_", with: "-")
        let title = keyword == "ENV"
            ? "Give `\(name)` at run time instead (`docker run -e \(name)` or a secret store); if a build step needs it, use `RUN --mount=type=secret,id=\(id),env=\(name) …` with `docker build --secret id=\(id),env=\(name)`"
            : "Pass it as a build secret: `RUN --mount=type=secret,id=\(id),env=\(name) …` with `docker build --secret id=\(id),env=\(name)`"
        return Fix(title: title, edits: [], applicability: .displayOnly)
    }

    private func inspect(name: String, nameRange: TextRange, value: Word?, keyword: String, valueSeverity: Severity?, _ sink: inout DiagnosticSink) {
        let exposure = keyword == "ENV"
            ? "`ENV` values are stored in the image for anyone who pulls it"
            : "build arguments are recorded in the image history"
        let remedy = "use `RUN --mount=type=secret` at build time or a secret store at run time"
        let text = value.map { Self.unquoted($0.text) }
        let valueKind = text.flatMap(SecretPatterns.secretKind(ofValue:))
        if let word = SecretPatterns.secretWord(inName: name) {
            if let text, SecretPatterns.isSwitch(text) { return }
            var message = "`\(name)` is named like a secret (`\(word)`)"
            var severity: Severity?
            if let valueKind {
                message += " and its value looks like \(valueKind)"
                severity = valueSeverity
            } else if let text, SecretPatterns.isLiteralSecret(text) {
                message += " and its value is written in the file"
                severity = valueSeverity
            }
            sink.report(nameRange, "\(message); \(exposure), so \(remedy)", fix: Self.secretAdvice(name: name, keyword: keyword), severity: severity)
        } else if let valueKind, let value {
            sink.report(value.range, "the value of `\(name)` looks like \(valueKind); \(exposure), so \(remedy)", fix: Self.secretAdvice(name: name, keyword: keyword), severity: valueSeverity)
        }
    }

    /// The text without one pair of surrounding quotes.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else { return text }
        return String(text.dropFirst().dropLast())
    }
}
