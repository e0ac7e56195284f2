import Foundation

/// Recognises secrets by variable name, by value and by file name, without ever returning the
/// secret itself: results describe what was found, so messages can name it and stay redacted.
enum SecretPatterns {
    // MARK: - Names

    /// Words that make a variable name secret on their own (`DB_PASSWORD`, `GITHUB_TOKEN`).
    static let secretWords: Set<String> = [
        "password", "passwd", "pword", "pwd", "pass", "passphrase",
        "secret", "secrets", "token", "apikey", "apitoken", "authtoken", "accesstoken", "refreshtoken",
        "credential", "credentials", "creds", "auth", "authorization", "pat",
        "privatekey", "secretkey", "accesskey", "signingkey", "clientsecret",
    ]

    /// Endings that make a glued word secret (`PGPASSWORD`, `CLIENTSECRET`, `AUTHTOKEN`).
    static let secretEndings = ["password", "passwd", "secret", "token"]

    /// Words that, before `key`/`keys`, name a secret key (`API_KEY`, `AWS_SECRET_ACCESS_KEY`).
    /// A bare `KEY` is too common (`CACHE_KEY`, `GPG_KEY`, `PRIMARY_KEY`) to count alone.
    static let keyQualifiers: Set<String> = [
        "api", "access", "secret", "private", "client", "signing", "sign", "encryption", "encrypt", "master",
        "license", "licence", "ssh", "app", "auth", "account", "storage", "service", "session", "jwt", "hmac",
        "crypto", "deploy", "shared", "admin", "root",
    ]

    /// Words that make a name describe a secret rather than hold one (`PASSWORD_FILE`,
    /// `TOKEN_URL`, `PASSWORD_MIN_LENGTH`, `NEXT_PUBLIC_API_KEY`, `AWS_ACCESS_KEY_ID`).
    static let describingWords: Set<String> = [
        "public", "pub", "file", "files", "path", "paths", "dir", "directory", "folder", "location",
        "url", "uri", "endpoint", "host", "hostname", "server", "domain", "port", "proxy",
        "version", "length", "len", "min", "max", "size", "count", "limit",
        "id", "ids", "name", "names", "user", "username", "email",
        "type", "kind", "mode", "method", "enabled", "enable", "disabled", "disable", "required", "require",
        "algorithm", "algo", "alg", "header", "expiry", "expires", "expiration", "ttl", "lifetime", "timeout",
        "prefix", "suffix", "format", "policy", "provider", "strategy", "issuer", "audience", "scope", "scopes",
        "realm", "field", "param", "hint", "regex", "pattern", "rounds", "fingerprint", "checksum", "arn",
    ]

    /// Whole names that never hold a secret although their words suggest it.
    static let describingNames: Set<String> = ["PWD", "OLDPWD", "GOOGLE_APPLICATION_CREDENTIALS"]

    /// The words of a variable name: split on `_`, `-`, `.` and lower-to-upper case changes,
    /// lower-cased.
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            if character == "_" || character == "-" || character == "." {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase && previousWasLower, !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// The word (or pair of words, `api_key`) that makes `name` look like it holds a secret, or
    /// nil when it does not.
    static func secretWord(inName name: String) -> String? {
        if describingNames.contains(name.uppercased()) { return nil }
        let words = words(of: name)
        if words.contains(where: describingWords.contains) { return nil }
        for (index, word) in words.enumerated() {
            if secretWords.contains(word) { return word }
            if secretEndings.contains(where: { word.count > $0.count && word.hasSuffix($0) }) { return word }
            if word == "key" || word == "keys", index > 0, keyQualifiers.contains(words[index - 1]) {
                return words[index - 1] + "_" + word
            }
        }
        return nil
    }

    // MARK: - Values

    /// A value pattern: what it finds, and the expression.
    struct ValuePattern: Sendable {
        /// What a match is, as a message fragment (`a GitHub token`).
        var description: String
        /// The expression.
        var expression: NSRegularExpression
        /// Text a match always contains (one of them), so that most values skip the expression.
        var literals: [String]

        /// Whether `value` may match: it contains one of ``literals``.
        func mayMatch(_ value: String) -> Bool {
            literals.contains { literal in SecretPatterns.contains(value, literal) }
        }
    }

    /// Credentials with a recognisable shape.
    static let valuePatterns: [ValuePattern] = [
        ("an AWS access key ID", #"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"#, ["AKIA", "ASIA"]),
        ("a GitHub token", #"\bgh[pousr]_[A-Za-z0-9]{36,}"#, ["gh"]),
        ("a GitHub token", #"\bgithub_pat_[A-Za-z0-9_]{22,}"#, ["github_pat_"]),
        ("a GitLab token", #"\bglpat-[A-Za-z0-9_-]{20,}"#, ["glpat-"]),
        ("a Stripe secret key", #"\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,}"#, ["k_live_", "k_test_"]),
        ("a Slack token", #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#, ["xox"]),
        ("a Google API key", #"\bAIza[0-9A-Za-z_-]{35}"#, ["AIza"]),
        ("an npm token", #"\bnpm_[A-Za-z0-9]{36}\b"#, ["npm_"]),
        ("an Anthropic API key", #"\bsk-ant-[A-Za-z0-9_-]{20,}"#, ["sk-ant-"]),
        ("an OpenAI API key", #"\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}"#, ["sk-"]),
        ("a JSON Web Token", #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#, ["eyJ"]),
        ("a private key", #"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"#, ["-----BEGIN "]),
    ].map { ValuePattern(description: $0.0, expression: try! NSRegularExpression(pattern: $0.1), literals: $0.2) }

    /// Whether `text` contains `literal`, byte for byte (the expressions are case-sensitive).
    static func contains(_ text: String, _ literal: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(literal.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        outer: for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }

    /// Values that stand in for a secret rather than being one.
    static let placeholders: Set<String> = [
        "changeme", "change-me", "change_me", "changeit", "password", "passwd", "secret", "token", "example",
        "dummy", "placeholder", "todo", "tbd", "none", "null", "nil", "undefined", "test", "default", "redacted",
        "xxx", "xxxx", "***", "****", "pass", "admin",
    ]

    /// Whether `value` is empty, a reference to a variable, or an obvious placeholder.
    static func isPlaceholder(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if trimmed.isEmpty || trimmed.contains("$") || placeholders.contains(lowered) { return true }
        if lowered.hasPrefix("<") && lowered.hasSuffix(">") { return true }
        if lowered.hasPrefix("your") || lowered.contains("example") || lowered.contains("dummy") || lowered.contains("fake") { return true }
        // One character repeated, separators aside: `********`, `xxxx-xxxx`, an all-zero UUID.
        return Set(lowered.filter { !"-_.:".contains($0) }).count <= 1
    }

    /// Whether `value` names a file rather than holding a secret (`/run/secrets/db`,
    /// `./reset-password.sh`, `server.pass`).
    static func looksLikePath(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if ["/", "./", "../", "~/"].contains(where: trimmed.hasPrefix) { return !trimmed.contains(" ") }
        guard let dot = trimmed.lastIndex(of: "."), dot != trimmed.startIndex else { return false }
        let stem = trimmed[..<dot], ext = trimmed[trimmed.index(after: dot)...]
        return (1...10).contains(ext.count) && ext.allSatisfy(\.isLetter)
            && stem.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    }

    /// Whether `value` (quotes removed) is written out in the file and could be a secret: not a
    /// placeholder or variable reference, not a file path, and not a setting such as `true` or `8080`.
    static func isLiteralSecret(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if isPlaceholder(trimmed) || looksLikePath(trimmed) { return false }
        if ["true", "false", "yes", "no", "on", "off"].contains(trimmed.lowercased()) { return false }
        return !(trimmed.count <= 5 && trimmed.allSatisfy(\.isNumber))
    }

    /// Whether `value` (quotes removed) is a switch (`true`, `off`, `0`, `1`): a setting that a
    /// secret-like name such as `USE_GKE_GCLOUD_AUTH_PLUGIN` or `ENABLE_TOKEN_AUTH` turns on or off.
    static func isSwitch(_ value: String) -> Bool {
        ["true", "false", "yes", "no", "on", "off", "0", "1", "enabled", "disabled"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// What `value` (quotes removed) holds when it looks like a real credential, or nil.
    /// Variable references and placeholders never match.
    static func secretKind(ofValue value: String) -> String? {
        let range = NSRange(value.startIndex..., in: value)
        for pattern in valuePatterns where pattern.mayMatch(value) {
            for match in pattern.expression.matches(in: value, range: range) {
                guard let found = Range(match.range, in: value) else { continue }
                if !isPlaceholder(String(value[found])) { return pattern.description }
            }
        }
        if let password = urlPassword(in: value), !isPlaceholder(password) { return "a URL with an embedded password" }
        return nil
    }

    /// The password of the first `scheme://user:password@host` URL in `value`, if any.
    static func urlPassword(in value: String) -> String? {
        guard let schemeEnd = value.range(of: "://") else { return nil }
        let scheme = value[..<schemeEnd.lowerBound].reversed().prefix { $0.isLetter || $0.isNumber || "+.-".contains($0) }
        guard !scheme.isEmpty else { return nil }
        let rest = value[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != " " && $0 != "\"" && $0 != "'" }
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(userInfo[userInfo.index(after: colon)...])
    }

    // MARK: - Files

    /// Suffixes of `.env.<suffix>` files that are templates, not secrets.
    static let environmentTemplates: Set<String> = ["example", "sample", "template", "tpl", "dist", "defaults", "default", "schema", "in"]

    /// What the file or folder at `path` (a build-context path) holds when its name says it
    /// holds secrets, or nil. A wildcard pattern is judged by its literal parts: `*.pem` and
    /// `.env.*` count, `*` does not.
    static func secretFileKind(_ path: String) -> String? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let components = trimmed.split(separator: "/").map(String.init)
        guard let name = components.last?.lowercased() else { return nil }
        let parent = components.dropLast().last?.lowercased()

        if name == ".env" || name == ".env*" { return "an environment file" }
        if name.hasPrefix(".env.") {
            let suffix = String(name.dropFirst(5))
            return suffix.split(separator: ".").contains { environmentTemplates.contains(String($0)) } ? nil : "an environment file"
        }
        if ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"].contains(name) { return "an SSH private key" }
        if name == ".ssh" { return "an SSH folder" }
        if name == ".gnupg" { return "a GnuPG keyring" }
        if name.hasSuffix(".key") { return "a private key" }
        if name.hasSuffix(".pem") {
            let stem = name.dropLast(4)
            let certificateWords = ["cert", "crt", "ca", "chain", "bundle", "public", "pub", "root", "fullchain", "trust"]
            let stemWords = stem.split { !$0.isLetter }.map(String.init)
            if stemWords.contains(where: { word in certificateWords.contains(word) || word.hasPrefix("cert") || word.hasSuffix("chain") }) { return nil }
            return "a PEM key file"
        }
        if name.hasSuffix(".p12") || name.hasSuffix(".pfx") { return "a PKCS #12 key store" }
        if name == ".npmrc" { return "an npm configuration (usually with a registry token)" }
        if name == ".pypirc" { return "PyPI upload credentials" }
        if name == ".netrc" || name == "_netrc" { return "netrc login credentials" }
        if name == ".git-credentials" { return "stored git credentials" }
        if name == ".htpasswd" { return "password hashes" }
        if name == ".aws" || (name == "credentials" && parent == ".aws") { return "AWS credentials" }
        if name == "config.json" && parent == ".docker" { return "Docker registry credentials" }
        if name == ".kube" || (name == "config" && parent == ".kube") || name == "kubeconfig" || name.hasPrefix("kubeconfig.") || name.hasSuffix(".kubeconfig") {
            return "a kubeconfig"
        }
        if name.hasSuffix(".tfstate") || name.hasSuffix(".tfstate.backup") { return "Terraform state (it stores secrets in clear text)" }
        if name == "credentials.json" || (name.hasPrefix("client_secret") && name.hasSuffix(".json")) { return "a credentials file" }
        return nil
    }
}
