import Foundation
import HullCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A client of the OCI distribution API (distribution-spec, spec.md: "Pull") for one repository.
///
/// It checks `/v2/`, answers `WWW-Authenticate` challenges (anonymous, `Basic` with
/// credentials, `Bearer` tokens fetched from the challenge's realm), fetches manifests by tag
/// or digest with every manifest media type accepted, and fetches blobs in ranges so a layer
/// is never held whole. Redirects are followed by hand: `Authorization` goes only to the
/// registry's own host. Plain HTTP is used only for loopback registries or with
/// ``Options/insecure``; 429 and 5xx answers are retried with backoff.
public final class RegistryClient: @unchecked Sendable {
    /// How to reach the registry.
    public struct Options: Sendable {
        /// Credentials given on the command line; the environment and docker config come next.
        public var credentials: RegistryCredentials?
        /// Allow plain HTTP for a registry that is not on loopback.
        public var insecure: Bool
        /// The environment (`HULL_REGISTRY_USER`, `DOCKER_CONFIG`, `HOME`).
        public var environment: [String: String]
        /// Seconds without progress before a request fails, and for a whole transfer.
        public var requestTimeout: TimeInterval
        public var resourceTimeout: TimeInterval
        /// Retries of a request answered 429 or 5xx, or cut by a timeout.
        public var retries: Int
        /// Bytes fetched per blob range request (the memory a layer stream holds).
        public var chunkSize: Int

        public init(credentials: RegistryCredentials? = nil, insecure: Bool = false, environment: [String: String] = [:],
                    requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 600, retries: Int = 4, chunkSize: Int = 4 << 20) {
            self.credentials = credentials
            self.insecure = insecure
            self.environment = environment
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
            self.retries = retries
            self.chunkSize = chunkSize
        }
    }

    /// A manifest or index as fetched.
    public struct FetchedManifest: Sendable {
        public var bytes: [UInt8]
        public var mediaType: String?
        /// `sha256:…` of `bytes`.
        public var digest: String
    }

    /// The media types asked for when fetching a manifest.
    public static let manifestAccept = [MediaType.ociIndex, MediaType.ociManifest, MediaType.dockerManifestList, MediaType.dockerManifest]

    public let reference: ImageReference
    public let options: Options
    /// The host (and port) requests go to: `registry-1.docker.io` for `docker.io`.
    public let host: String
    private let credentials: RegistryCredentials?
    private let transport: RegistryTransport
    private var base: String?
    private var authorization: String?
    /// How many requests were retried after a backoff.
    public private(set) var retriedRequests = 0

    private static let manifestLimit = 4 << 20
    private static let documentLimit = 1 << 20

    /// A client for `reference`'s repository; nothing is sent until the first fetch.
    public init(reference: ImageReference, options: Options = Options()) {
        self.reference = reference
        self.options = options
        host = reference.registry == ImageReference.defaultRegistry ? "registry-1.docker.io" : reference.registry
        credentials = RegistryCredentials.resolve(registry: reference.registry, explicit: options.credentials, environment: options.environment)
        transport = RegistryTransport(requestTimeout: options.requestTimeout, resourceTimeout: options.resourceTimeout)
    }

    deinit { transport.invalidate() }

    /// Whether `host` (with or without port) is a loopback address, where plain HTTP is allowed.
    public static func isLoopback(_ host: String) -> Bool {
        var name = Substring(host)
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = name[name.index(after: name.startIndex)..<close]
        } else if name.filter({ $0 == ":" }).count == 1, let colon = name.firstIndex(of: ":") {
            name = name[..<colon]
        }
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
    }

    // MARK: - Manifests

    /// Fetches the manifest or index named by `tagOrDigest`, checked against its digest: the
    /// one in `tagOrDigest` when it is a digest, and the registry's `Docker-Content-Digest`.
    /// A tag is first resolved to a digest with HEAD, so a tag moved meanwhile cannot mix images.
    public func manifest(_ tagOrDigest: String) throws(HullOCIError) -> FetchedManifest {
        var target = tagOrDigest
        if !tagOrDigest.contains(":") {
            let head = try request("manifests/\(tagOrDigest)", method: "HEAD", accept: Self.manifestAccept, limit: 0)
            try expectSuccess(head, what: "tag `\(tagOrDigest)`")
            if let digest = head.header("Docker-Content-Digest"), digest.hasPrefix("sha256:") { target = digest }
        }
        let response = try request("manifests/\(target)", method: "GET", accept: Self.manifestAccept, limit: Self.manifestLimit)
        try expectSuccess(response, what: target.contains(":") ? "manifest `\(target)`" : "tag `\(target)`")
        let hex = SHA256.hex(response.body)
        for expected in [target.contains(":") ? target : nil, response.header("Docker-Content-Digest")].compactMap({ $0 }) where expected.hasPrefix("sha256:") {
            guard expected == "sha256:" + hex else {
                throw .digestMismatch(what: "the manifest `\(target)` from \(host)", expected: expected, actual: hex)
            }
        }
        var mediaType = response.header("Content-Type").map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) }
        if mediaType == "application/json" || mediaType == "application/octet-stream" { mediaType = nil }
        return FetchedManifest(bytes: response.body, mediaType: mediaType, digest: "sha256:" + hex)
    }

    // MARK: - Blobs

    /// Bytes `start..<end` of blob `digest`; a registry that ignores `Range` may answer with the
    /// whole blob when it fits in one chunk.
    func blobRange(_ digest: String, start: Int64, end: Int64, total: Int64) throws(HullOCIError) -> [UInt8] {
        let response = try request("blobs/\(digest)", method: "GET", accept: nil, range: "bytes=\(start)-\(end - 1)", limit: options.chunkSize + 1)
        try expectSuccess(response, what: "blob `\(digest)`")
        if response.status == 206 {
            guard response.body.count == Int(end - start) else {
                throw fail("blob `\(digest)`: asked for bytes \(start)–\(end - 1), got \(response.body.count) bytes")
            }
            return response.body
        }
        guard start == 0, !response.truncated, Int64(response.body.count) == total else {
            throw fail("blob `\(digest)`: the server ignored the Range header and the blob (\(total) bytes) is larger than one chunk (\(options.chunkSize) bytes)")
        }
        return response.body
    }

    // MARK: - Requests

    private func fail(_ message: String) -> HullOCIError { .registry(reference: reference.familiarString, message: message) }

    private func expectSuccess(_ response: RegistryTransport.Response, what: String) throws(HullOCIError) {
        switch response.status {
        case 200..<300: return
        case 401:
            if let credentials {
                throw fail("unauthorized: \(host) refused the credentials of user `\(credentials.username)` (from \(credentials.origin)); check them, or run `docker login \(reference.registry)` again")
            }
            throw fail("unauthorized: \(host) wants credentials for `\(reference.repository)` (or the repository does not exist); set $HULL_REGISTRY_USER and $HULL_REGISTRY_PASSWORD, pass --username with --password-stdin, or run `docker login \(reference.registry)`")
        case 403:
            throw fail("denied: \(host) does not let \(credentials.map { "user `\($0.username)`" } ?? "anonymous users") read `\(reference.repository)`")
        case 404:
            let codes = Self.errorCodes(response.body)
            if codes.contains("NAME_UNKNOWN") { throw fail("unknown repository `\(reference.repository)` on \(host)") }
            if what.hasPrefix("tag"), codes.contains("MANIFEST_UNKNOWN") || codes.isEmpty {
                throw fail("unknown \(what) in `\(reference.repository)` on \(host)")
            }
            if codes.contains("BLOB_UNKNOWN") { throw fail("\(what) is not in `\(reference.repository)` on \(host)") }
            throw fail("\(what) not found in `\(reference.repository)` on \(host)\(codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))")")
        default:
            let codes = Self.errorCodes(response.body)
            throw fail("\(host) answered HTTP \(response.status) for \(what)\(codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))")")
        }
    }

    /// The `errors[].code` values of a distribution error body.
    static func errorCodes(_ body: [UInt8]) -> [String] {
        struct Body: Decodable {
            struct Item: Decodable { var code: String? }
            var errors: [Item]?
        }
        return (try? JSONDecoder().decode(Body.self, from: Data(body)))?.errors?.compactMap(\.code) ?? []
    }

    /// Sends a request to `/v2/<repository>/<path>`, authenticating on demand.
    private func request(_ path: String, method: String, accept: [String]?, range: String? = nil, limit: Int) throws(HullOCIError) -> RegistryTransport.Response {
        let base = try connect()
        guard let url = URL(string: "\(base)/v2/\(reference.repository)/\(path)") else { throw fail("cannot form a URL for `\(path)`") }
        var response = try send(url, method: method, accept: accept, range: range, limit: limit)
        if response.status == 401, let challenge = response.header("WWW-Authenticate") {
            try authenticate(challenge)
            response = try send(url, method: method, accept: accept, range: range, limit: limit)
        }
        return response
    }

    /// Chooses the scheme with `GET /v2/` and answers the registry's first challenge.
    private func connect() throws(HullOCIError) -> String {
        if let base { return base }
        let plainAllowed = Self.isLoopback(host) || options.insecure
        var lastError: String?
        for scheme in plainAllowed ? ["https", "http"] : ["https"] {
            let candidate = "\(scheme)://\(host)"
            guard let url = URL(string: candidate + "/v2/") else { throw fail("`\(host)` is not a valid registry host") }
            let response: RegistryTransport.Response
            do { response = try send(url, method: "GET", accept: nil, range: nil, limit: Self.documentLimit) } catch {
                if case let .registry(_, message) = error { lastError = message } else { lastError = error.description }
                continue
            }
            base = candidate
            if response.status == 401, let challenge = response.header("WWW-Authenticate") {
                try authenticate(challenge)
            } else if !(200..<300).contains(response.status) && response.status != 401 {
                throw fail("\(candidate)/v2/ answered HTTP \(response.status); is \(host) a registry?")
            }
            return candidate
        }
        let hint = plainAllowed ? "" : "; if the registry serves plain HTTP on a trusted network, pass --insecure-registry"
        throw fail("cannot reach \(host): \(lastError ?? "no answer")\(hint)")
    }

    /// Sends one request, following redirects (dropping `Authorization` on another host) and
    /// retrying 429, 5xx and timeouts with exponential backoff.
    private func send(_ start: URL, method: String, accept: [String]?, range: String?, limit: Int) throws(HullOCIError) -> RegistryTransport.Response {
        var url = start
        var redirects = 0
        var attempt = 0
        while true {
            var request = URLRequest(url: url)
            request.httpMethod = method
            request.setValue("hull", forHTTPHeaderField: "User-Agent")
            if let accept { request.setValue(accept.joined(separator: ", "), forHTTPHeaderField: "Accept") }
            if let range { request.setValue(range, forHTTPHeaderField: "Range") }
            if let authorization, Self.authority(url) == Self.authority(start) { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
            let response: RegistryTransport.Response
            do {
                response = try transport.send(request, limit: limit)
            } catch let error as URLError {
                if [.timedOut, .networkConnectionLost].contains(error.code), attempt < options.retries {
                    attempt += 1
                    retriedRequests += 1
                    Thread.sleep(forTimeInterval: Self.backoff(attempt))
                    continue
                }
                throw fail(Self.describe(error, url: url))
            } catch {
                throw fail("\(method) \(url.absoluteString): \(error)")
            }
            switch response.status {
            case 301, 302, 303, 307, 308:
                guard let location = response.header("Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw fail("\(method) \(url.absoluteString) answered HTTP \(response.status) without a Location")
                }
                redirects += 1
                guard redirects <= 8 else { throw fail("\(method) \(start.absoluteString): more than 8 redirects") }
                guard next.scheme == "https" || (next.scheme == "http" && (Self.isLoopback(next.host ?? "") || options.insecure)) else {
                    throw fail("\(start.absoluteString) redirects to \(next.absoluteString); plain HTTP is refused outside loopback without --insecure-registry")
                }
                url = next
            case 429 where attempt < options.retries, 500..<600 where attempt < options.retries:
                attempt += 1
                retriedRequests += 1
                var delay = Self.backoff(attempt)
                if let after = response.header("Retry-After"), let seconds = Double(after) { delay = min(max(seconds, 0), 30) }
                Thread.sleep(forTimeInterval: delay)
            default:
                if response.truncated, limit > 0, !(range != nil && response.status == 200) {
                    throw fail("\(method) \(url.absoluteString): the answer is larger than \(limit) bytes")
                }
                return response
            }
        }
    }

    private static func backoff(_ attempt: Int) -> TimeInterval { min(0.25 * pow(2, Double(attempt - 1)), 8) }

    private static func authority(_ url: URL) -> String { "\(url.scheme ?? "")://\(url.host ?? ""):\(url.port ?? -1)" }

    private static func describe(_ error: URLError, url: URL) -> String {
        let host = url.host ?? url.absoluteString
        switch error.code {
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return "TLS with \(host) failed (\(error.localizedDescription)); if it uses a private certificate authority add it to the system's trust store, and if it serves plain HTTP on a trusted network pass --insecure-registry"
        case .timedOut: return "\(host) did not answer in time (\(url.absoluteString))"
        case .cannotFindHost, .dnsLookupFailed: return "cannot resolve \(host)"
        case .cannotConnectToHost: return "cannot connect to \(host) (\(url.absoluteString))"
        default: return "\(url.absoluteString): \(error.localizedDescription)"
        }
    }

    // MARK: - Authentication

    /// Answers a `WWW-Authenticate` challenge: `Basic` with the credentials, `Bearer` with a
    /// token from the realm (RFC 6750; the distribution token protocol).
    private func authenticate(_ header: String) throws(HullOCIError) {
        let challenge = Self.parseChallenge(header)
        switch challenge.scheme.lowercased() {
        case "basic":
            guard let credentials else {
                throw fail("unauthorized: \(host) asks for a user name and password; set $HULL_REGISTRY_USER and $HULL_REGISTRY_PASSWORD, pass --username with --password-stdin, or run `docker login \(reference.registry)`")
            }
            authorization = "Basic " + Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString()
        case "bearer":
            guard let realm = challenge.parameters["realm"], var components = URLComponents(string: realm), let scheme = components.scheme else {
                throw fail("\(host) sent a Bearer challenge without a usable realm: \(header)")
            }
            guard scheme == "https" || (scheme == "http" && (Self.isLoopback(components.host ?? "") || options.insecure)) else {
                throw fail("the token service \(realm) uses plain HTTP; it is refused outside loopback without --insecure-registry")
            }
            var query = components.queryItems ?? []
            if let service = challenge.parameters["service"] { query.append(URLQueryItem(name: "service", value: service)) }
            query.append(URLQueryItem(name: "scope", value: challenge.parameters["scope"] ?? "repository:\(reference.repository):pull"))
            components.queryItems = query
            guard let url = components.url else { throw fail("cannot form the token URL from realm \(realm)") }
            var request = URLRequest(url: url)
            request.setValue("hull", forHTTPHeaderField: "User-Agent")
            if let credentials {
                request.setValue("Basic " + Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
            }
            let response: RegistryTransport.Response
            do { response = try transport.send(request, limit: Self.documentLimit) } catch let error as URLError {
                throw fail("the token service: \(Self.describe(error, url: url))")
            } catch { throw fail("the token service \(realm): \(error)") }
            guard response.status == 200 else {
                if response.status == 401 || response.status == 403 {
                    throw fail("unauthorized: the token service \(realm) refused \(credentials.map { "user `\($0.username)` (from \($0.origin))" } ?? "an anonymous request"); check the credentials, or set $HULL_REGISTRY_USER and $HULL_REGISTRY_PASSWORD, pass --username with --password-stdin, or run `docker login \(reference.registry)`")
                }
                throw fail("the token service \(realm) answered HTTP \(response.status)")
            }
            struct Token: Decodable {
                var token: String?
                var access_token: String?
            }
            guard let decoded = try? JSONDecoder().decode(Token.self, from: Data(response.body)), let token = decoded.token ?? decoded.access_token, !token.isEmpty else {
                throw fail("the token service \(realm) answered without a token")
            }
            authorization = "Bearer " + token
        default:
            throw fail("\(host) asks for `\(challenge.scheme)` authentication, which Hull does not speak (Basic and Bearer are supported)")
        }
    }

    /// The scheme and parameters of a `WWW-Authenticate` header (RFC 7235 section 4.1), such as
    /// `Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull"`.
    public static func parseChallenge(_ header: String) -> (scheme: String, parameters: [String: String]) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return (trimmed, [:]) }
        let scheme = String(trimmed[..<space])
        var parameters: [String: String] = [:]
        var rest = trimmed[trimmed.index(after: space)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break } else { value.append(character) }
                }
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            parameters[key] = value
        }
        return (scheme, parameters)
    }
}
