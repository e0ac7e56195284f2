import Foundation

/// A user name and password for a registry, and where they came from.
public struct RegistryCredentials: Hashable, Sendable {
    public var username: String
    public var password: String
    /// `--username`, `$HULL_REGISTRY_USER`, or the docker config file's path.
    public var origin: String

    public init(username: String, password: String, origin: String) {
        self.username = username
        self.password = password
        self.origin = origin
    }

    /// The credentials for `registry` (a host, `docker.io` for Docker Hub): `explicit` first,
    /// then `$HULL_REGISTRY_USER`/`$HULL_REGISTRY_PASSWORD`, then the `auths` entries of
    /// `$DOCKER_CONFIG/config.json` or `~/.docker/config.json` (`auth` is base64 `user:password`).
    public static func resolve(registry: String, explicit: RegistryCredentials?, environment: [String: String]) -> RegistryCredentials? {
        if let explicit { return explicit }
        if let user = environment["HULL_REGISTRY_USER"], !user.isEmpty {
            return RegistryCredentials(username: user, password: environment["HULL_REGISTRY_PASSWORD"] ?? "", origin: "$HULL_REGISTRY_USER")
        }
        return fromDockerConfig(registry: registry, environment: environment)
    }

    /// The docker config file consulted for `environment`.
    public static func dockerConfigPath(environment: [String: String]) -> String? {
        if let folder = environment["DOCKER_CONFIG"], !folder.isEmpty { return folder + "/config.json" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.docker/config.json"
    }

    private struct DockerConfig: Decodable {
        struct Entry: Decodable {
            var auth: String?
            var username: String?
            var password: String?
        }
        var auths: [String: Entry]?
    }

    static func fromDockerConfig(registry: String, environment: [String: String]) -> RegistryCredentials? {
        guard let path = dockerConfigPath(environment: environment),
              let data = FileManager.default.contents(atPath: path), data.count < 4 << 20,
              let config = try? JSONDecoder().decode(DockerConfig.self, from: data), let auths = config.auths else { return nil }
        let wanted = Set(hostAliases(registry))
        for (key, entry) in auths.sorted(by: { $0.key < $1.key }) where wanted.contains(host(ofConfigKey: key)) {
            if let auth = entry.auth, let decoded = Data(base64Encoded: auth.trimmingCharacters(in: .whitespacesAndNewlines)),
               let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") {
                return RegistryCredentials(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]), origin: path)
            }
            if let username = entry.username, let password = entry.password {
                return RegistryCredentials(username: username, password: password, origin: path)
            }
        }
        return nil
    }

    /// The names a registry goes by in config files: Docker Hub has several.
    static func hostAliases(_ registry: String) -> [String] {
        if registry == "docker.io" || registry == "index.docker.io" || registry == "registry-1.docker.io" {
            return ["docker.io", "index.docker.io", "registry-1.docker.io"]
        }
        return [registry]
    }

    /// `https://index.docker.io/v1/` → `index.docker.io`.
    static func host(ofConfigKey key: String) -> String {
        var text = Substring(key)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        return String(text)
    }
}
