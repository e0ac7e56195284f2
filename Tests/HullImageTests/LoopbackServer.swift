import Foundation
import HullTestSupport

/// A server process started by a test on a free loopback port, stopped by its process ID.
final class LoopbackServer {
    let port: Int
    let folder: String
    private let pid: String

    private init(port: Int, folder: String, pid: String) {
        self.port = port
        self.folder = folder
        self.pid = pid
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// A port nothing listens on right now.
    static func freePort() throws -> Int {
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
        guard result.status == 0, let port = Int(String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "cannot find a free port: \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return port
    }

    /// Runs `command` in the background in `folder` and waits until `http://127.0.0.1:PORT/v2/` answers.
    private static func start(_ command: String, port: Int, folder: String) throws -> LoopbackServer {
        let script = """
        cd "$1" || exit 1
        setsid sh -c 'echo $$ > server.pid; exec "$@"' server \(command) </dev/null >server.log 2>&1 &
        for i in $(seq 50); do [ -s server.pid ] && break; sleep 0.1; done
        cat server.pid
        for i in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:$2/v2/ && exit 0; sleep 0.1; done
        echo "the server did not answer:" >&2; cat server.log >&2; exit 1
        """
        let result = try Subprocess.run("/bin/bash", ["-c", script, "start", folder, String(port)])
        let pid = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let server = LoopbackServer(port: port, folder: folder, pid: pid)
        guard result.status == 0 else {
            server.stop()
            throw Failure(description: "cannot start `\(command)`: \(String(decoding: result.stderr, as: UTF8.self))")
        }
        return server
    }

    /// Stops the process group this test started (the server leads it; a launcher such as a
    /// pyenv shim may have forked) and removes its folder.
    func stop() {
        if Int(pid) != nil { _ = try? Subprocess.run("/bin/kill", ["-KILL", "--", "-" + pid]) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// docker-registry with `auth: htpasswd` (a bcrypt hash from `htpasswd -B`, or from the C
    /// library's crypt through perl).
    static func htpasswdRegistry(user: String, password: String, folder parent: String) throws -> LoopbackServer {
        let folder = parent + "/htpasswd-registry-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let salt = String((0..<21).map { _ in alphabet.randomElement()! }) + "e"
        let hash = try Subprocess.run("/bin/bash", ["-c", """
        if command -v htpasswd >/dev/null; then htpasswd -Bbn "$1" "$2" | cut -d: -f2-; else perl -e 'print crypt($ARGV[0], $ARGV[1])' "$2" "\\$2y\\$05\\$$3"; fi
        """, "hash", user, password, salt])
        let hashed = String(decoding: hash.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard hash.status == 0, hashed.hasPrefix("$2") else { throw Failure(description: "cannot make a bcrypt hash (no htpasswd, and perl's crypt gave `\(hashed)`)") }
        try "\(user):\(hashed)\n".write(toFile: folder + "/htpasswd", atomically: true, encoding: .utf8)
        let port = try freePort()
        try """
        version: 0.1
        log: {level: error}
        storage: {filesystem: {rootdirectory: \(folder)/data}}
        http: {addr: 127.0.0.1:\(port)}
        auth: {htpasswd: {realm: hull-test, path: \(folder)/htpasswd}}
        """.write(toFile: folder + "/config.yml", atomically: true, encoding: .utf8)
        let binary = ["/usr/bin/docker-registry", "/usr/local/bin/docker-registry"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "docker-registry"
        return try start("\(binary) serve config.yml", port: port, folder: folder)
    }

    /// A token service and proxy in front of `upstream` (a real registry): `/v2/` requests
    /// without `Bearer <token>` get a challenge whose realm is `/token` here, which hands out
    /// the token for Basic credentials; the first manifest GET is answered 503; blob GETs are
    /// redirected to the same port under the other loopback name (`localhost` ↔ `127.0.0.1`),
    /// where a request carrying `Authorization` is logged as `leaked` and refused.
    /// With `corrupt`, the last byte of every blob is flipped on its way through the redirect
    /// (with `onlyLarge`, of blobs over 1 MiB only).
    static func tokenProxy(upstream: String, user: String, password: String, folder parent: String, corrupt: Bool = false, onlyLarge: Bool = false) throws -> LoopbackServer {
        let folder = parent + "/token-proxy-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let port = try freePort()
        try tokenProxyScript.write(toFile: folder + "/proxy.py", atomically: true, encoding: .utf8)
        return try start("python3 proxy.py \(upstream) \(port) \(user) \(password)\(corrupt ? (onlyLarge ? " corrupt-large" : " corrupt") : "")", port: port, folder: folder)
    }

    static let tokenProxyScript = #"""
    import base64, http.server, json, secrets, sys, threading, urllib.error, urllib.parse, urllib.request

    upstream, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    corrupt = len(sys.argv) > 5 and sys.argv[5] in ("corrupt", "corrupt-large")
    # With "corrupt-large", only blobs over 1 MiB are altered.
    smallest = (1 << 20) if len(sys.argv) > 5 and sys.argv[5] == "corrupt-large" else 0
    token = secrets.token_hex(16)
    state = {"failed": False}
    lock = threading.Lock()

    def log(line):
        with lock, open("requests.log", "a") as f:
            f.write(line + "\n")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(NoRedirect)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def reply(self, code, body=b"", headers=None, length=None):
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def forward(self, path, kind):
            request = urllib.request.Request(upstream + path, method=self.command)
            for key in ("Accept", "Range"):
                if self.headers.get(key):
                    request.add_header(key, self.headers[key])
            try:
                response = opener.open(request)
            except urllib.error.HTTPError as error:
                response = error
            body = response.read()
            if corrupt and kind == "direct" and body:
                whole = response.headers.get("Content-Range", "")
                last = whole.split(" ")[-1].split("/")
                total = len(body) if response.status == 200 else (int(last[1]) if len(last) == 2 else 0)
                if total > smallest and (response.status == 200 or (len(last) == 2 and last[0].split("-")[-1] == str(total - 1))):
                    body = body[:-1] + bytes([body[-1] ^ 0xFF])
                    log(f"corrupted {path}")
            keep = {k: v for k, v in response.headers.items() if k.lower() in ("content-type", "docker-content-digest", "content-range", "location")}
            log(f"{kind} {response.status} {self.command} {path}")
            self.reply(response.status, body, keep, int(response.headers.get("Content-Length", len(body))) if self.command == "HEAD" else None)

        def handle_any(self):
            url = urllib.parse.urlsplit(self.path)
            host = self.headers.get("Host", f"127.0.0.1:{port}")
            if url.path == "/token":
                query = urllib.parse.parse_qs(url.query)
                expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    log("token 401")
                    return self.reply(401, b'{"details":"bad credentials"}', {"Content-Type": "application/json"})
                if query.get("service") != ["hull-test"] or not query.get("scope", [""])[0].startswith("repository:"):
                    log(f"token 400 {url.query}")
                    return self.reply(400, b'{"details":"service and scope are required"}')
                log("token 200")
                return self.reply(200, json.dumps({"token": token, "expires_in": 300}).encode(), {"Content-Type": "application/json"})
            if url.path.startswith("/direct/"):
                if "Authorization" in self.headers:
                    log("leaked " + url.path)
                    return self.reply(400, b"Authorization was sent to another host")
                return self.forward("/v2/" + url.path[len("/direct/"):], "direct")
            if self.headers.get("Authorization") != "Bearer " + token:
                parts = url.path.split("/")
                challenge = f'Bearer realm="http://{host}/token",service="hull-test"'
                if len(parts) > 4:
                    challenge += ',scope="repository:' + "/".join(parts[2:-2]) + ':pull"'
                log(f"challenge 401 {url.path}")
                return self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}',
                                  {"WWW-Authenticate": challenge, "Content-Type": "application/json"})
            if "/manifests/" in url.path and self.command == "GET":
                with lock:
                    first = not state["failed"]
                    state["failed"] = True
                if first:
                    log(f"503 {url.path}")
                    return self.reply(503, b"try again", {"Retry-After": "0"})
            if "/blobs/" in url.path and self.command == "GET":
                name, _, hostport = host.rpartition(":")
                other = "localhost" if name.startswith("127.") else "127.0.0.1"
                return self.reply(307, b"", {"Location": f"http://{other}:{hostport}/direct/{url.path[len('/v2/'):]}"})
            return self.forward(url.path, "proxy")

        do_GET = handle_any
        do_HEAD = handle_any

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
    """#
}
