/// Secrets recognised by a file's path alone.
enum SecretPathRules {
    private static let dotenvExamples: Set<String> = [".env.example", ".env.sample", ".env.template"]

    /// The finding for `path`, if its name marks a secret. Directories only match `secrets/`.
    static func finding(for path: ContextPath, kind: ContextEntry.Kind) -> SecretFinding? {
        guard !path.bytes.isEmpty else { return nil }
        let name = String(decoding: path.name, as: UTF8.self)
        var parent: String? {
            let bytes = path.bytes
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
            let start = bytes[..<slash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            return String(decoding: bytes[start..<slash], as: UTF8.self)
        }
        func make(_ kind: SecretKind, _ confidence: SecretFinding.Confidence) -> SecretFinding {
            SecretFinding(path: path, kind: kind, excerpt: path.description, confidence: confidence)
        }
        if kind == .directory {
            return name == "secrets" || name == ".secrets" ? make(.secretsFolder, .low) : nil
        }
        guard kind == .file || kind == .symlink else { return nil }
        let lower = name.lowercased()
        if name == ".env" || (name.hasPrefix(".env.") && !dotenvExamples.contains(name)) {
            return make(.dotenvFile, .medium)
        }
        for prefix in ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"] where name.hasPrefix(prefix) && !name.hasSuffix(".pub") {
            return make(.sshPrivateKeyFile, .high)
        }
        if lower.hasSuffix(".key") { return make(.keyFile, .medium) }
        if lower.hasSuffix(".pem") { return make(.keyFile, .low) }
        if lower.hasSuffix(".p12") || lower.hasSuffix(".pfx") { return make(.pkcs12File, .medium) }
        switch name {
        case ".npmrc", ".pypirc", ".netrc", ".git-credentials": return make(.credentialsFile, .medium)
        case ".htpasswd": return make(.htpasswdFile, .medium)
        case "credentials.json": return make(.cloudCredentialsFile, .medium)
        case "kubeconfig": return make(.kubeconfigFile, .medium)
        default: break
        }
        if name == "credentials" && parent == ".aws" { return make(.awsCredentialsFile, .high) }
        if name == "config.json" && parent == ".docker" { return make(.dockerConfigFile, .medium) }
        if name == "config" && parent == ".kube" { return make(.kubeconfigFile, .medium) }
        if lower.hasSuffix(".tfstate") || lower.hasSuffix(".tfstate.backup") { return make(.terraformStateFile, .medium) }
        if name.hasPrefix("service-account") && lower.hasSuffix(".json") { return make(.cloudCredentialsFile, .medium) }
        return nil
    }

    /// Whether the file is an example, sample or template, whose values are placeholders.
    static func isExampleFile(_ path: ContextPath) -> Bool {
        let name = String(decoding: path.name, as: UTF8.self).lowercased()
        return ["example", "sample", "template"].contains { name.contains($0) } || name.hasSuffix(".dist")
    }

    /// Whether generic `KEY=value` assignments in the file are worth reading as secrets.
    static func isDotenvLike(_ path: ContextPath) -> Bool {
        let name = String(decoding: path.name, as: UTF8.self).lowercased()
        if name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env") { return true }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return ["env", "ini", "cfg", "conf", "properties"].contains(String(name[name.index(after: dot)...]))
    }
}
