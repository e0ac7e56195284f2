/// What kind of secret a finding is.
public enum SecretKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    // MARK: By path
    /// A `.env` or `.env.*` file (not `.env.example`, `.env.sample`, `.env.template`).
    case dotenvFile
    /// A `*.pem` or `*.key` file.
    case keyFile
    /// A PKCS #12 bundle (`*.p12`, `*.pfx`).
    case pkcs12File
    /// An SSH private key file (`id_rsa`, `id_ed25519`, … but not `.pub`).
    case sshPrivateKeyFile
    /// A package-registry or host credentials file (`.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`).
    case credentialsFile
    /// `.aws/credentials`.
    case awsCredentialsFile
    /// `.docker/config.json`.
    case dockerConfigFile
    /// `.kube/config` or `kubeconfig`.
    case kubeconfigFile
    /// Terraform state (`*.tfstate`), which stores secrets in clear text.
    case terraformStateFile
    /// `credentials.json` or `service-account*.json`.
    case cloudCredentialsFile
    /// `.htpasswd`.
    case htpasswdFile
    /// A `secrets/` folder.
    case secretsFolder

    // MARK: By content
    /// A PEM private-key block.
    case privateKey
    /// A private key inside JSON (`"private_key": "-----BEGIN …"`), as in service-account files.
    case privateKeyInJSON
    /// An AWS access key id (`AKIA…`, `ASIA…`).
    case awsAccessKeyID
    /// An AWS secret access key assigned to `aws_secret_access_key`.
    case awsSecretAccessKey
    /// A GitHub token (`ghp_`, `gho_`, `ghs_`, `ghu_`, `ghr_`, `github_pat_`).
    case githubToken
    /// A GitLab personal access token (`glpat-`).
    case gitlabToken
    /// A Slack token (`xoxa-`, `xoxb-`, `xoxp-`, `xoxr-`).
    case slackToken
    /// A Stripe live key (`sk_live_`, `rk_live_`).
    case stripeKey
    /// A Google API key (`AIza…`).
    case googleAPIKey
    /// An npm access token (`npm_…`).
    case npmToken
    /// A password inside a URL (`scheme://user:password@host`).
    case passwordInURL
    /// A `PASSWORD=`, `SECRET=`, `TOKEN=`, `API_KEY=` … assignment in a dotenv-like file.
    case secretAssignment

    /// Whether the finding comes from the file's path rather than its content.
    public var isPathBased: Bool {
        switch self {
        case .dotenvFile, .keyFile, .pkcs12File, .sshPrivateKeyFile, .credentialsFile, .awsCredentialsFile,
             .dockerConfigFile, .kubeconfigFile, .terraformStateFile, .cloudCredentialsFile, .htpasswdFile, .secretsFolder:
            return true
        default:
            return false
        }
    }

    public var description: String {
        switch self {
        case .dotenvFile: "environment file"
        case .keyFile: "key or certificate file"
        case .pkcs12File: "PKCS #12 bundle"
        case .sshPrivateKeyFile: "SSH private key file"
        case .credentialsFile: "credentials file"
        case .awsCredentialsFile: "AWS credentials file"
        case .dockerConfigFile: "Docker client configuration"
        case .kubeconfigFile: "kubeconfig"
        case .terraformStateFile: "Terraform state"
        case .cloudCredentialsFile: "cloud credentials file"
        case .htpasswdFile: "htpasswd file"
        case .secretsFolder: "secrets folder"
        case .privateKey: "private key"
        case .privateKeyInJSON: "private key in JSON"
        case .awsAccessKeyID: "AWS access key id"
        case .awsSecretAccessKey: "AWS secret access key"
        case .githubToken: "GitHub token"
        case .gitlabToken: "GitLab token"
        case .slackToken: "Slack token"
        case .stripeKey: "Stripe live key"
        case .googleAPIKey: "Google API key"
        case .npmToken: "npm token"
        case .passwordInURL: "password in URL"
        case .secretAssignment: "secret assignment"
        }
    }
}
