import Testing
@testable import HullContext

/// Synthetic secrets, assembled at run time so no secret-shaped literal sits in the sources.
enum FakeSecret {
    static let body36 = "0123456789abcdefghijABCDEFGHIJklmnop"
    static let github = "gh" + "p_" + body36
    static let gitlab = "gl" + "pat-" + "abcdefghij0123456789"
    static let slack = "xo" + "xb-" + "1234567890-abcdefghij"
    static let stripe = "sk" + "_live_" + "0123456789abcdefABCDEF"
    static let google = "AI" + "za" + "SyA0123456789abcdefghijABCDEFGHIJ_-"
    static let npm = "np" + "m_" + body36
    static let awsID = "AK" + "IA" + "Q2ZFAKEKEYID7Z3X"
    static let awsSecret = "wJalr" + "FAKEsecretKEY0123456789abcdefGHI/+M"
    static let pemBody = "MIIEowIBAAKCAQEA7f4k3b0dy" + "FAKEFAKEFAKE0123456789"
    static let pem = "-----BEGIN RSA " + "PRIVATE KEY-----\n" + pemBody + "\n-----END RSA PRIVATE KEY-----\n"
}

@Suite("Secret scanner")
struct SecretScannerTests {
    let scanner = SecretScanner()

    @Test("paths that mark secrets", arguments: [
        (".env", SecretKind.dotenvFile), ("app/.env.production", .dotenvFile), ("certs/server.key", .keyFile),
        ("certs/ca.pem", .keyFile), ("store.p12", .pkcs12File), ("cert.pfx", .pkcs12File),
        ("home/.ssh/id_rsa", .sshPrivateKeyFile), ("id_ed25519_deploy", .sshPrivateKeyFile),
        (".npmrc", .credentialsFile), (".pypirc", .credentialsFile), (".netrc", .credentialsFile),
        (".git-credentials", .credentialsFile), (".aws/credentials", .awsCredentialsFile),
        (".docker/config.json", .dockerConfigFile), (".kube/config", .kubeconfigFile), ("deploy/kubeconfig", .kubeconfigFile),
        ("infra/terraform.tfstate", .terraformStateFile), ("credentials.json", .cloudCredentialsFile),
        ("gcp/service-account-prod.json", .cloudCredentialsFile), ("web/.htpasswd", .htpasswdFile),
    ])
    func pathRules(_ path: String, _ kind: SecretKind) {
        #expect(scanner.finding(forPath: ContextPath(path), kind: .file)?.kind == kind)
    }

    @Test("paths that do not mark secrets", arguments: [
        ".env.example", ".env.sample", ".env.template", "id_rsa.pub", "config.json", "kube/config", "src/env.ts",
        "credentials.md", "aws/credentials",
    ])
    func pathNonSecrets(_ path: String) {
        #expect(scanner.finding(forPath: ContextPath(path), kind: .file) == nil)
    }

    @Test("a secrets/ folder is reported for the folder, not its files")
    func secretsFolder() {
        #expect(scanner.finding(forPath: ContextPath("deploy/secrets"), kind: .directory)?.kind == .secretsFolder)
        #expect(scanner.finding(forPath: ContextPath("deploy/secrets/readme.txt"), kind: .file) == nil)
    }

    @Test("content detectors find each fake secret", arguments: [
        ("config.yml", "token: \(FakeSecret.github)\n", SecretKind.githubToken, SecretFinding.Confidence.high),
        ("ci.sh", "export T=\(FakeSecret.gitlab)\n", .gitlabToken, .high),
        ("hook.js", "const url = '\(FakeSecret.slack)';\n", .slackToken, .high),
        ("pay.py", "stripe.api_key = \"\(FakeSecret.stripe)\"\n", .stripeKey, .high),
        ("maps.html", "<script src=\"https://maps.example.com/js?key=\(FakeSecret.google)\"></script>\n", .googleAPIKey, .high),
        ("npmrc.txt", "//registry.npmjs.org/:_authToken=\(FakeSecret.npm)\n", .npmToken, .high),
        ("key.txt", FakeSecret.pem, .privateKey, .high),
        ("sa.json", "{\n  \"type\": \"service_account\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEv\\n\"\n}\n", .privateKeyInJSON, .high),
        ("settings.py", "DATABASE_URL = 'postgres://app:s3cr3tPassw0rd@db.internal:5432/app'\n", .passwordInURL, .medium),
        (".env", "DB_PASSWORD=Tr0ub4dor&3horse-battery\n", .secretAssignment, .medium),
        ("app.properties", "api_key = q8Zr2LmXw91Vb7Tt\n", .secretAssignment, .medium),
    ])
    func contentRules(_ name: String, _ content: String, _ kind: SecretKind, _ confidence: SecretFinding.Confidence) {
        let findings = scanner.findings(inContents: Array(content.utf8), path: ContextPath(name))
        let match = findings.first { $0.kind == kind }
        #expect(match != nil, "found \(findings.map(\.kind))")
        #expect(match?.confidence == confidence)
    }

    @Test("an AWS key id is high confidence with a secret key nearby, medium alone")
    func awsConfidence() {
        let both = "[default]\naws_access_key_id = \(FakeSecret.awsID)\naws_secret_access_key = \(FakeSecret.awsSecret)\n"
        let findings = scanner.findings(inContents: Array(both.utf8), path: ContextPath("creds.ini"))
        #expect(findings.first { $0.kind == .awsAccessKeyID }?.confidence == .high)
        #expect(findings.contains { $0.kind == .awsSecretAccessKey })
        let alone = scanner.findings(inContents: Array("id: \(FakeSecret.awsID)\n".utf8), path: ContextPath("x.yml"))
        #expect(alone.map(\.confidence) == [.medium])
    }

    @Test("placeholders and references are not secrets", arguments: [
        "PASSWORD=changeme", "API_KEY=${API_KEY}", "TOKEN=<your-key>", "SECRET=xxx", "SECRET=xxxxxxxxxxxx",
        "DB_PASSWORD=$DB_PASSWORD", "AUTH_TOKEN={{ vault_token }}", "PASSWORD=", "PASSWORD=\"\"", "CLIENT_SECRET=your_client_secret",
        "SECRET_KEY=replace-me-in-production", "PASSWORD=********", "PWD=/home/app",
    ])
    func placeholders(_ line: String) {
        #expect(scanner.findings(inContents: Array("\(line)\n".utf8), path: ContextPath(".env")).isEmpty)
    }

    @Test("URLs with placeholder or missing passwords are not secrets", arguments: [
        "postgres://user:${DB_PASS}@db/app", "https://user@example.com/", "redis://:changeme@cache:6379",
        "https://example.com:8443/path", "mysql://root:<password>@localhost/db", "ftp://anonymous:@host/",
    ])
    func urlGuards(_ url: String) {
        #expect(scanner.findings(inContents: Array("url = \(url)\n".utf8), path: ContextPath("app.conf")).isEmpty)
    }

    @Test("example files: no generic or URL findings, tokens downgraded to low")
    func exampleFiles() {
        let content = "DB_PASSWORD=Tr0ub4dor&3horse-battery\nURL=postgres://a:Sup3rS3cretPw@db/x\nGH=\(FakeSecret.github)\n"
        let findings = scanner.findings(inContents: Array(content.utf8), path: ContextPath("config/.env.example"))
        #expect(findings.map(\.kind) == [.githubToken])
        #expect(findings.first?.confidence == .low)
    }

    @Test("documented example keys and repeated characters are ignored")
    func fakeShapes() {
        let content = "AKIAIOSFODNN7EXAMPLE\n" + "gh" + "p_" + String(repeating: "x", count: 36) + "\n" + "np" + "m_" + String(repeating: "a", count: 36) + "\n"
        #expect(scanner.findings(inContents: Array(content.utf8), path: ContextPath("README.md")).isEmpty)
    }

    @Test("a token embedded in a longer word is not a token")
    func boundaries() {
        let content = "xgh" + "p_" + FakeSecret.body36 + "\n"
        #expect(scanner.findings(inContents: Array(content.utf8), path: ContextPath("a.txt")).isEmpty)
    }

    @Test("findings carry line, columns and a redacted excerpt, never the secret")
    func redaction() throws {
        let content = "# settings\nGITHUB_TOKEN=\(FakeSecret.github) # ci\n"
        let findings = scanner.findings(inContents: Array(content.utf8), path: ContextPath(".env"))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.kind == .githubToken)
        #expect(finding.line == 2)
        #expect(finding.columns == 14..<(14 + FakeSecret.github.utf8.count))
        #expect(finding.excerpt == "GITHUB_TOKEN=ghp_… # ci")
        #expect(!finding.excerpt.contains(FakeSecret.body36))
        let range = try #require(finding.range)
        #expect(String(decoding: Array(content.utf8)[range.range], as: UTF8.self) == FakeSecret.github)
    }

    @Test("short secrets show fewer leading characters")
    func shortRedaction() throws {
        let findings = scanner.findings(inContents: Array("u = https://me:hunter22@host/\n".utf8), path: ContextPath("a.cfg"))
        #expect(try #require(findings.first).excerpt == "u = https://me:hu…@host/")
    }

    @Test("PEM excerpts keep the header and four characters of the body")
    func pemExcerpt() throws {
        let findings = scanner.findings(inContents: Array(FakeSecret.pem.utf8), path: ContextPath("k.txt"))
        #expect(try #require(findings.first).excerpt == "-----BEGIN RSA PRIVATE KEY----- MIIE…")
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"
        #expect(scanner.findings(inContents: Array(certificate.utf8), path: ContextPath("c.pem")).isEmpty)
    }

    @Test("binary files are skipped")
    func binary() {
        let bytes: [UInt8] = [0x00, 0x01] + Array(FakeSecret.github.utf8)
        #expect(scanner.findings(inContents: bytes, path: ContextPath("blob")).isEmpty)
    }

    @Test("scanning a context reads text files within the budget and skips the rest")
    func scanTree() async throws {
        let tree = try TemporaryTree()
        try tree.file(".env", "API_TOKEN=\(FakeSecret.github)\n")
        try tree.file("src/app.js", "const k = '\(FakeSecret.stripe)';\n")
        try tree.file("image.png", "\(FakeSecret.github)")
        try tree.file("blob.bin2", bytes: [0, 1, 2] + Array(FakeSecret.github.utf8))
        try tree.file("big.txt", String(repeating: "a", count: 2_000) + FakeSecret.github)
        let walk = try await ContextWalker().walk(root: tree.root)
        let options = SecretScanner.Options(maximumFileSize: 1_000)
        let scan = await SecretScanner(options: options).scan(root: tree.root, entries: walk.entries)
        #expect(scan.findings.map(\.path.description) == [".env", ".env", "src/app.js"])
        #expect(scan.findings.map(\.kind) == [.dotenvFile, .githubToken, .stripeKey])
        #expect(scan.skippedBinary == 2)
        #expect(scan.skippedTooLarge == 1)
        #expect(scan.filesRead == 3)
        let limited = await SecretScanner(options: .init(maximumFiles: 1)).scan(root: tree.root, entries: walk.entries)
        #expect(limited.filesRead == 1)
        #expect(limited.isTruncated)
        #expect(limited.findings.contains { $0.kind == .githubToken })
    }

    @Test("only the first bytes of a file are read")
    func prefixOnly() async throws {
        let tree = try TemporaryTree()
        try tree.file("late.txt", String(repeating: "a\n", count: 40_000) + FakeSecret.github)
        let walk = try await ContextWalker().walk(root: tree.root)
        let scan = await SecretScanner().scan(root: tree.root, entries: walk.entries)
        #expect(scan.findings.isEmpty)
        #expect(scan.bytesRead == 64 * 1024)
    }
}
