import HullCore
import HullDockerfile
import HullLint

/// The image that ships runs its process as root.
public struct RootUserRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF005", name: "root-user",
        summary: "The image that ships runs as root.",
        rationale: """
        A process running as root inside a container is root on the host's kernel: one exploitable bug in \
        the application plus one container escape gives an attacker the machine, and even without an escape \
        it can rewrite everything in the image. Kubernetes' restricted Pod Security profile and most \
        platform policies refuse such images. Create an unprivileged user, give it only the files it must \
        write (`COPY --chown`), and switch with `USER` before `CMD`. Only the stage that ships is judged, \
        with the stages it is built on (`FROM <stage>`): a `USER` set in a parent stage carries over, and \
        builder stages may use root freely. Peers split here: hadolint only flags a `USER` that names \
        root, Trivy and Checkov also flag a file with no `USER`; Hull does both, because an image without \
        `USER` runs as root just the same. A `USER` that names root (`root`, `0`, `root:…`, `0:…`, also \
        after argument expansion) is flagged where it is written; no `USER` at all is flagged at the \
        shipping stage's `FROM`. Images built on `scratch` are flagged too: with no `/etc/passwd` the \
        process is UID 0 unless a numeric `USER` (such as `USER 65532:65532`) says otherwise. Bases whose \
        documented default user is unprivileged (distroless `:nonroot` tags, `nginxinc/nginx-unprivileged`) \
        and bases or users named by an argument without a default are given the benefit of the doubt.
        """,
        category: .security, defaultSeverity: .warning,
        aliases: [.hadolint("DL3002"), .trivy("DS-0002"), .checkov("CKV_DOCKER_3"), .checkov("CKV_DOCKER_8"), .dockle("CIS-DI-0001")],
        fixAvailability: .unsafe,
        fixNote: """
        When the stage that ships has no `USER` and its base image is known, the fix adds one that fits the \
        image: `USER node` on `node` images (the user exists), `addgroup -S app && adduser -S app -G app` on \
        Alpine-based images, `groupadd --system app && useradd --system --gid app --no-log-init app` on \
        Debian, Ubuntu and Red Hat-like images, `USER nonroot` on distroless, `USER ContainerUser` on Windows \
        (without `--chown`, which Windows builds lack) and `USER 65532:65532` on `scratch`. `USER` goes before the CMD, ENTRYPOINT, EXPOSE or HEALTHCHECK that end the stage; a user \
        the build creates is created before the first COPY that is given to it. COPYs of the stage into its \
        working directory (set by a `WORKDIR` of the stage) get `--chown=<user>:<group>`; COPYs elsewhere \
        (binaries, entrypoint scripts, `/etc`) stay owned by root, so the process cannot rewrite them. It is \
        unsafe because the process loses root: it can no longer write where the build left root-owned files \
        (the `WORKDIR` itself, caches, files a RUN created), bind ports below 1024 on engines that do not \
        lower `ip_unprivileged_port_start`, or run an entrypoint that needs root (to fix permissions, or to \
        drop privileges itself, as the database images do; those images and `nginx`/`httpd` get no fix). \
        A `USER root` that is written, and a stage that already creates a user, are left to a person.
        """,
        examples: [
            .passing("FROM node:20-alpine\nRUN addgroup -S app && adduser -S app -G app\nUSER app\nCMD [\"node\", \"index.js\"]\n"),
            .passing("FROM alpine:3.20 AS base\nRUN adduser -D app\nUSER app\nFROM base\nCMD [\"app\"]\n"),
            .passing("FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\n"),
            .passing("FROM alpine:3.20\nARG APP_UID=10001\nUSER ${APP_UID}:0\n"),
            .failing("↓FROM node:20-alpine\nWORKDIR /app\nCMD [\"node\", \"index.js\"]\n"),
            .failing("FROM alpine:3.20\nRUN adduser -D app\nUSER app\nRUN id\nUSER ⟦root⟧\n"),
            .failing("FROM alpine:3.20 AS base\nUSER ⟦0:0⟧\nFROM base\nCMD [\"sh\"]\n"),
            .failing("FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\n↓FROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n"),
            .fix("FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"src/index.js\"]\n",
                 to: "FROM node:20\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci\nCOPY --chown=node:node . .\nUSER node\nEXPOSE 3000\nCMD [\"node\", \"src/index.js\"]\n",
                 .unsafe),
            .fix("FROM python:3.12-alpine\nWORKDIR /app\n# the application\nCOPY . .\nCOPY --from=build /out/tool /usr/local/bin/tool\nCMD [\"python\", \"main.py\"]\n",
                 to: "FROM python:3.12-alpine\nWORKDIR /app\nRUN addgroup -S app && adduser -S app -G app\n# the application\nCOPY --chown=app:app . .\nCOPY --from=build /out/tool /usr/local/bin/tool\nUSER app\nCMD [\"python\", \"main.py\"]\n",
                 .unsafe),
            .fix("FROM debian:12-slim\nRUN apt-get update\n\tENTRYPOINT [\"/usr/bin/app\"]\n",
                 to: "FROM debian:12-slim\nRUN apt-get update\n\tRUN groupadd --system app && useradd --system --gid app --no-log-init app\n\tUSER app\n\tENTRYPOINT [\"/usr/bin/app\"]\n",
                 .unsafe),
            .fix("FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nWORKDIR /srv\nCOPY --from=build /out/app /usr/local/bin/app\nCOPY config.yaml ./\nENTRYPOINT [\"app\"]\n",
                 to: "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nWORKDIR /srv\nCOPY --from=build /out/app /usr/local/bin/app\nCOPY --chown=nonroot:nonroot config.yaml ./\nUSER nonroot\nENTRYPOINT [\"app\"]\n",
                 .unsafe),
            .fix("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:/app/\nENTRYPOINT [\"C:/app/app.exe\"]\n",
                 to: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:/app/\nUSER ContainerUser\nENTRYPOINT [\"C:/app/app.exe\"]\n",
                 .unsafe),
            .fix("FROM scratch\nCOPY app /usr/local/bin/app",
                 to: "FROM scratch\nCOPY app /usr/local/bin/app\nUSER 65532:65532\n",
                 .unsafe),
        ])

    /// The peer IDs of a `USER` that names root: hadolint, Trivy and Checkov's "last USER is root".
    static let rootUserPeers = ["DL3002", "DS-0002", "CKV_DOCKER_8", "CIS-DI-0001"]
    /// The peer IDs of a shipping stage without `USER` (hadolint does not flag it).
    static let missingUserPeers = ["DS-0002", "CIS-DI-0001"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let target = input.targetStage else { return }
        for stage in input.targetChain {
            let users = input.dockerfile.instructions(in: stage).compactMap { instruction -> (Instruction, Word)? in
                guard case .user(let user) = instruction.payload, let word = user.user else { return nil }
                return (instruction, word)
            }
            guard let (instruction, word) = users.last else { continue }
            let expansion = input.expand(word.text, at: instruction.index)
            guard expansion.isResolved else { return }
            let user = expansion.value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if user == "root" || (!user.isEmpty && user.allSatisfy(\.isNumber) && Int(user) == 0) {
                let shown = expansion.usesVariables ? "`\(word.text)` (`\(expansion.value)`)" : "`\(word.text)`"
                sink.report(word.range, "the last `USER` is \(shown), so the container runs as root; switch to an unprivileged user once the steps that need root are done",
                            peerIDs: Self.rootUserPeers)
            }
            return
        }

        let keyword = input.instructions[target.fromIndex].syntax.keywordRange
        // Checkov's CKV_DOCKER_3 asks for a USER anywhere in the file; the others judge the image.
        let hasAnyUser = input.instructions.contains { if case .user = $0.payload { true } else { false } }
        let missingPeers = hasAnyUser ? Self.missingUserPeers : Self.missingUserPeers + ["CKV_DOCKER_3"]
        switch input.semantics.rootBase(of: target.index) {
        case .scratch:
            sink.report(keyword, "no `USER` in the stage that ships, so its process runs as UID 0; add a numeric `USER` such as `USER 65532:65532` (no `/etc/passwd` needed)",
                        fix: Self.fix(adding: .numeric, to: target, in: input), peerIDs: missingPeers)
        case .image(_, let reference):
            guard let root = input.targetChain.last, input.semantics.baseExpansions[root.index].isResolved else { return }
            if let reference, NonRootBaseImages.runsAsNonRoot(reference) { return }
            let plan = reference.flatMap(NonRootUser.init)
            sink.report(keyword, "no `USER` in the stage that ships, so the container runs as root; create an unprivileged user and switch to it with `USER`",
                        fix: plan.flatMap { Self.fix(adding: $0, to: target, in: input) }, peerIDs: missingPeers)
        case .unresolved, .stage:
            return
        }
    }
}

// MARK: - Fix

extension RootUserRule {
    /// The unprivileged user a base image offers or lets the build create.
    enum NonRootUser: Equatable {
        /// A user the image already has (`node`, distroless `nonroot`).
        case existing(String)
        /// `addgroup -S` / `adduser -S` (BusyBox).
        case alpine
        /// `groupadd --system` / `useradd --system` (shadow-utils).
        case shadow
        /// A numeric UID and GID (no `/etc/passwd` needed).
        case numeric
        /// Windows' `ContainerUser`.
        case windows

        /// Images whose entrypoint needs root (to bind low ports or to drop privileges itself).
        static let needRoot: Set<String> = [
            "nginx", "httpd", "postgres", "mysql", "mariadb", "mongo", "redis", "rabbitmq", "cassandra", "couchdb",
            "elasticsearch", "memcached", "haproxy", "traefik", "docker", "jenkins/jenkins", "wordpress", "drupal", "joomla",
        ]
        /// Official images built on Debian or Ubuntu unless the tag says otherwise.
        static let debianLike: Set<String> = [
            "debian", "ubuntu", "python", "ruby", "golang", "rust", "perl", "php", "openjdk", "eclipse-temurin",
            "buildpack-deps", "gcc", "julia", "erlang", "elixir", "haskell", "swift", "clojure", "r-base",
            "sapmachine", "ibm-semeru-runtimes",
        ]
        /// Red Hat-like images that ship shadow-utils.
        static let redHatLike: Set<String> = ["fedora", "centos", "rockylinux", "almalinux", "oraclelinux"]

        /// Docker Hub namespaces that publish the official images for one architecture.
        static let architectureNamespaces: Set<String> = ["amd64", "arm32v5", "arm32v6", "arm32v7", "arm64v8", "i386", "ppc64le", "s390x", "riscv64", "mips64le", "windows-amd64"]

        /// The user for `reference`, or nil when the image is unknown or needs root.
        init?(_ reference: ImageReference) {
            var name = reference.familiarName
            if let slash = name.firstIndex(of: "/"), Self.architectureNamespaces.contains(String(name[..<slash])) {
                name = String(name[name.index(after: slash)...])
            }
            let official = reference.isOfficialImage || name != reference.familiarName
            let last = String(reference.repository.split(separator: "/").last ?? "")
            let nameWords = Set(last.lowercased().split(separator: "-").map(String.init))
            let words = (reference.tag ?? "").lowercased().split(separator: "-").map(String.init)
            if Self.needRoot.contains(name) || !nameWords.isDisjoint(with: Self.needRoot) || words.contains("apache") { return nil }
            // Windows images have an unprivileged `ContainerUser` account; BuildKit has no `--chown` there.
            if words.contains(where: { $0.hasPrefix("windowsservercore") || $0.hasPrefix("nanoserver") })
                || ["windows/servercore", "windows/nanoserver", "windows/server", "windows", "microsoft/windowsservercore", "microsoft/nanoserver"].contains(reference.repository.lowercased())
                || ["mcr.microsoft.com/windows/servercore", "mcr.microsoft.com/windows/nanoserver", "mcr.microsoft.com/windows/server", "mcr.microsoft.com/windows"].contains(reference.name.lowercased()) {
                self = .windows
                return
            }
            if reference.registry == "gcr.io", reference.repository.hasPrefix("distroless/") { self = .existing("nonroot"); return }
            if name == "node" { self = .existing("node"); return }
            if ["alpine", "busybox"].contains(name) || (official && words.contains(where: { $0.hasPrefix("alpine") })) || nameWords.contains("alpine") {
                self = .alpine
                return
            }
            let minimal = words.contains { $0 == "minimal" || $0 == "slim" && Self.redHatLike.contains(last) }
            if Self.debianLike.contains(name) || (Self.redHatLike.contains(last) && !minimal) || !nameWords.isDisjoint(with: ["debian", "ubuntu"]) {
                self = .shadow
                return
            }
            return nil
        }

        /// The name given to USER.
        var user: String {
            switch self {
            case .existing(let name): name
            case .alpine, .shadow: "app"
            case .numeric: "65532:65532"
            case .windows: "ContainerUser"
            }
        }

        /// The value given to `--chown`; nil where COPY cannot change owners.
        var owner: String? {
            switch self {
            case .existing(let name): "\(name):\(name)"
            case .alpine, .shadow: "app:app"
            case .numeric: "65532:65532"
            case .windows: nil
            }
        }

        /// The shell command that creates the user, when the image lacks it.
        var creation: String? {
            switch self {
            case .alpine: "addgroup -S app && adduser -S app -G app"
            case .shadow: "groupadd --system app && useradd --system --gid app --no-log-init app"
            case .existing, .numeric, .windows: nil
            }
        }
    }

    /// Whether a COPY to `destination` copies into the application's folder: the stage's working
    /// directory (set by a WORKDIR of the stage, absolute and not `/`) or below it. Files copied
    /// elsewhere (binaries, entrypoint scripts, system configuration) stay owned by root, so the
    /// process cannot rewrite them.
    static func isApplicationDestination(_ destination: String, workdir: String?) -> Bool {
        guard let workdir, workdir != "/", !destination.contains("$") else { return false }
        guard destination.hasPrefix("/") else { return true }
        let trimmed = destination.count > 1 && destination.hasSuffix("/") ? String(destination.dropLast()) : destination
        return trimmed == workdir || trimmed.hasPrefix(workdir + "/")
    }

    /// `path` made absolute against `workdir` and without a trailing slash; nil when unknown.
    static func resolve(_ path: String, against workdir: String?) -> String? {
        guard !path.contains("$") else { return nil }
        let absolute: String
        if path.hasPrefix("/") { absolute = path } else if let workdir { absolute = workdir == "/" ? "/" + path : workdir + "/" + path } else { return nil }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Adds `user` to the end of the target stage, creates it first when the image lacks it, and
    /// gives it the application files the stage copies.
    static func fix(adding user: NonRootUser, to target: Stage, in input: AnalyzedDockerfile) -> Fix? {
        let source = input.source
        let instructions = Array(input.dockerfile.instructions(in: target))
        guard let last = instructions.last else { return nil }
        // A stage that already creates a user knows its name better than this fix does.
        if user.creation != nil {
            for stage in input.targetChain {
                for instruction in input.dockerfile.instructions(in: stage) where instruction.kind == .run {
                    let text = instruction.syntax.rest
                    if ["useradd", "adduser"].contains(where: text.contains) { return nil }
                }
            }
        }
        var trailing = instructions.count
        while trailing > 1, [.cmd, .entrypoint, .expose, .healthcheck, .stopsignal, .label].contains(instructions[trailing - 1].kind) { trailing -= 1 }
        let anchor = instructions[trailing..<instructions.count].first { [.cmd, .entrypoint, .expose, .healthcheck].contains($0.kind) }

        var edits: [Edit] = []
        var created = user.creation == nil
        var workdir: String?
        for instruction in instructions.dropFirst() {
            if case .workdir(let set) = instruction.payload {
                workdir = set.path.flatMap { resolve($0.text, against: workdir ?? "/") }
                continue
            }
            guard instruction.kind == .copy, let owner = user.owner, case .copy(let copy) = instruction.payload, copy.chown == nil,
                  let destination = copy.destination, isApplicationDestination(destination.text, workdir: workdir) else { continue }
            if !created, let creation = user.creation {
                edits.append(.insert(line("RUN", creation, before: instruction, in: source), at: commentBlockStart(of: instruction, in: source)))
                created = true
            }
            edits.append(.insert(" --chown=\(owner)", at: instruction.syntax.keywordRange.end))
        }
        var added: [String] = []
        if !created, let creation = user.creation { added.append("RUN " + creation) }
        added.append("USER " + user.user)
        if let anchor {
            let text = added.map { line($0, before: anchor, in: source) }.joined()
            edits.append(.insert(text, at: commentBlockStart(of: anchor, in: source)))
        } else {
            let end = last.syntax.linesRange.end
            // A continuation left open at the end of the file would swallow the new lines.
            let escape = input.dockerfile.syntax.escapeToken.rawValue
            let trimmed = source.bytes[last.syntax.linesRange.start..<end].reversed().drop { [0x20, 0x09, 0x0D, 0x0A].contains($0) }
            if trimmed.first == escape { return nil }
            let indent = indentation(of: last, in: source)
            let newline = end > 0 && source.bytes[end - 1] == UInt8(ascii: "\n")
            let keyword = last.syntax.keyword
            var text = added.map { indent + spelled($0, like: keyword) + "\n" }.joined()
            if !newline { text = "\n" + text }
            edits.append(.insert(text, at: end))
        }
        let title = user.creation == nil ? "Switch to `USER \(user.user)`" : "Create the user `\(user.user)` and switch to it"
        return Fix(title: title, edits: edits, applicability: .unsafe)
    }

    /// `text` (keyword first) as a line in the style of `instruction`: its indentation and keyword case.
    private static func line(_ keyword: String, _ arguments: String, before instruction: Instruction, in source: SourceFile) -> String {
        line(keyword + " " + arguments, before: instruction, in: source)
    }

    private static func line(_ text: String, before instruction: Instruction, in source: SourceFile) -> String {
        indentation(of: instruction, in: source) + spelled(text, like: instruction.syntax.keyword) + "\n"
    }

    private static func spelled(_ text: String, like keyword: String) -> String {
        guard let space = text.firstIndex(of: " ") else { return text }
        return String(text[..<space]).matchingCase(of: keyword) + text[space...]
    }

    private static func indentation(of instruction: Instruction, in source: SourceFile) -> String {
        source.text(TextRange(start: instruction.syntax.linesRange.start, end: instruction.syntax.keywordRange.start))
    }

    /// The start of the comment lines directly above `instruction` (its own start when there are none),
    /// so that an inserted line does not separate a comment from what it describes.
    private static func commentBlockStart(of instruction: Instruction, in source: SourceFile) -> Int {
        var start = instruction.syntax.linesRange.start
        var remaining = instruction.syntax.previousComments.count
        let bytes = source.bytes
        while remaining > 0, start > 0 {
            var lineStart = start - 1
            while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
            guard bytes[lineStart..<start].first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: "#") else { break }
            start = lineStart
            remaining -= 1
        }
        return start
    }
}
