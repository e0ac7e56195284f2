import Foundation
import HullCore
import HullDockerfile
import HullLint
import HullRules
import HullTestSupport
import Testing

/// What the shell (SH) and layer-cache (LC) rules do beyond their catalogue examples: whole
/// Dockerfiles from the seeds, fixes without a build context, stage targeting.
@Suite("Shell and layer-cache rules")
struct ShellRulesTests {
    /// The rules this suite covers (opt-in advice, such as cache mounts, is left to its examples).
    static let rules = BuiltinRules.all.filter { rule in
        let code = rule.description.code.rawValue
        return (code.hasPrefix("LC") && rule.description.enabledByDefault) || (code.hasPrefix("SH0") && Int(code.dropFirst(2)).map { $0 < 20 } == true)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.select = rules.map { $0.description.code.rawValue }
        return configuration
    }

    static func lint(_ text: String, context: BuildContextView? = nil, options: BuildOptions = BuildOptions()) -> [Diagnostic] {
        let configuration = configuration()
        let input = AnalyzedDockerfile(Dockerfile.parse(text), context: context, configuration: configuration, options: options)
        return Linter(rules: rules, configuration: configuration).lint(input)
    }

    static func fix(_ text: String, context: BuildContextView?, threshold: Applicability) -> String {
        let configuration = configuration()
        let fixer = Fixer(linter: Linter(rules: rules, configuration: configuration), threshold: threshold)
        let outcome = fixer.fix(SourceFile(path: "Dockerfile", text: text)) { source in
            AnalyzedDockerfile(Dockerfile.parse(source), context: context, configuration: configuration)
        }
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    /// The files of a folder as a build context without an ignore file.
    static func context(of folder: URL) -> BuildContextView {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return BuildContextView(files: files.sorted(), ignoreFile: nil) { _ in false }
    }

    static func context(_ files: [String]) -> BuildContextView {
        BuildContextView(files: files + ["Dockerfile"], ignoreFile: nil) { _ in false }
    }

    static func lines(_ diagnostics: [Diagnostic], in text: String) -> [String] {
        let source = SourceFile(path: "Dockerfile", text: text)
        return diagnostics.map { "\($0.code.rawValue)@\(source.location(of: $0.range!.start).line)" }
    }

    // MARK: - The seeds

    static let nodeApp = SharedData.packageRoot.appendingPathComponent("examples/node-app")

    /// The optimised multi-stage Dockerfile of the seed on Dockerfile optimisation.
    static let seedGood = """
    # Stage 1: Install production dependencies
    FROM node:20-alpine AS deps
    WORKDIR /app
    # Copy ONLY package files (cache this layer)
    COPY package*.json ./
    # Install prod deps only — no jest, eslint, etc.
    RUN npm ci --only=production && \\
        npm cache clean --force
    # Stage 2: Lean, secure runtime image
    FROM node:20-alpine AS runtime
    # Metadata
    LABEL org.opencontainers.image.source="https://github.com/user/repo"
    LABEL org.opencontainers.image.version="1.0.0"
    WORKDIR /app
    # Security: create non-root user
    RUN addgroup -S appgroup && \\
        adduser -S appuser -G appgroup
    # Copy deps from stage 1 with correct ownership
    COPY --from=deps \\
        --chown=appuser:appgroup \\
        /app/node_modules ./node_modules
    # Copy source code with correct ownership
    COPY --chown=appuser:appgroup src/ ./src/
    # Switch to non-root BEFORE everything runtime
    USER appuser
    EXPOSE 3000
    # Health check — Kubernetes uses this
    HEALTHCHECK --interval=30s \\
        --timeout=5s \\
        --start-period=10s \\
        --retries=3 \\
        CMD wget -qO- http://localhost:3000/health || exit 1
    # Exec form — proper signal handling
    CMD ["node", "src/index.js"]

    """

    @Test("the seed's bad Dockerfile: the source COPY invalidates `npm install`, which should be `npm ci`")
    func seedBad() throws {
        let text = try String(contentsOf: Self.nodeApp.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let context = Self.context(of: Self.nodeApp)
        let diagnostics = Self.lint(text, context: context)
        #expect(Self.lines(diagnostics, in: text) == ["LC001@3", "SH001@4"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.first?.message == "`.` is copied before the dependency install: every source change re-runs `npm install` (line 4)")
        #expect(Self.lint(text).map(\.code.rawValue) == ["LC001", "SH001"], "the same findings without a build context")

        let fixed = Self.fix(text, context: context, threshold: .unsafe)
        #expect(fixed == "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nCMD node src/index.js\n")
        #expect(Self.lint(fixed, context: context).isEmpty)
        #expect(Self.fix(text, context: context, threshold: .safe) == text, "both fixes are unsafe")
    }

    @Test("the seed's good multi-stage Dockerfile: nothing above info; the deprecated `--only=production` is info with a safe fix")
    func seedGood() {
        let diagnostics = Self.lint(Self.seedGood, context: Self.context(["package.json", "package-lock.json", "src/index.js"]))
        #expect(diagnostics.filter { $0.severity > .info }.isEmpty)
        let deprecated = diagnostics.filter { $0.code == "SH003" }
        #expect(Self.lines(deprecated, in: Self.seedGood) == ["SH003@7"])
        #expect(deprecated.first?.fix?.applicability == .safe)
    }

    // MARK: - Fixes that depend on the build context

    @Test("`npm ci` is only offered as an applicable fix when a lockfile is in the context and copied in", arguments: [
        (["package.json", "package-lock.json"] as [String]?, "COPY . .", Applicability.unsafe),
        (["package.json", "npm-shrinkwrap.json"], "COPY package.json npm-shrinkwrap.json ./", .unsafe),
        (["package.json", "package-lock.json"], "COPY package.json ./", .displayOnly),
        (["package.json"], "COPY . .", .displayOnly),
        (nil, "COPY . .", .displayOnly),
    ])
    func npmCiFix(files: [String]?, copy: String, expected: Applicability) throws {
        let text = "FROM node:20-alpine\n\(copy)\nRUN npm install\n"
        let diagnostics = Self.lint(text, context: files.map(Self.context)).filter { $0.code == "SH001" }
        let fix = try #require(diagnostics.first?.fix)
        #expect(fix.applicability == expected)
        #expect(fix.edits.count == 1 && fix.edits[0].replacement == "ci")
    }

    @Test("a bind-mounted lockfile makes `npm ci` applicable")
    func npmCiBindMount() throws {
        let text = "FROM node:20-alpine\nRUN --mount=type=bind,source=package.json,target=package.json \\\n    --mount=type=bind,source=package-lock.json,target=package-lock.json \\\n    npm install\n"
        let fix = try #require(Self.lint(text, context: Self.context(["package.json", "package-lock.json"])).first { $0.code == "SH001" }?.fix)
        #expect(fix.applicability == .unsafe)
    }

    @Test("without a context the manifest COPY uses the ecosystem's usual names")
    func manifestCopyWithoutContext() {
        let text = "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n"
        #expect(Self.fix(text, context: nil, threshold: .unsafe) == "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"index.js\"]\n")
        let pip = "FROM python:3.12-slim\nCOPY . /srv\nRUN pip install --no-cache-dir -r requirements.txt -c constraints.txt\n"
        #expect(Self.fix(pip, context: nil, threshold: .unsafe) == "FROM python:3.12-slim\nCOPY requirements.txt constraints.txt /srv/\nRUN pip install --no-cache-dir -r requirements.txt -c constraints.txt\nCOPY . /srv\n")
        let gradle = "FROM gradle:8-jdk21\nCOPY . .\nRUN ./gradlew dependencies --no-daemon\n"
        #expect(Self.fix(gradle, context: Self.context(["build.gradle.kts", "settings.gradle.kts", "gradlew", "gradle/wrapper/gradle-wrapper.properties", "src/Main.kt"]), threshold: .unsafe)
                == "FROM gradle:8-jdk21\nCOPY build.gradle.kts settings.gradle.kts gradlew ./\nCOPY gradle/ ./gradle/\nRUN ./gradlew dependencies --no-daemon\nCOPY . .\n")
    }

    @Test("no move is offered when the install's RUN also builds, or something between needs the source")
    func manifestCopyNotOffered() {
        for text in [
            "FROM node:20-alpine\nCOPY . .\nRUN npm ci && npm run build\n",
            "FROM node:20-alpine\nCOPY . .\nRUN chmod +x scripts/*.sh\nRUN npm ci\n",
            "FROM node:20-alpine\nCOPY . .\nWORKDIR /app\nRUN npm ci\n",
            "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements/base.txt\n",
        ] {
            let diagnostics = Self.lint(text).filter { $0.code == "LC001" }
            #expect(diagnostics.count == 1, "\(text)")
            #expect(diagnostics.first?.fix == nil, "\(text)")
        }
    }

    // MARK: - Stages

    @Test("cache rules judge the stages that reach the image, following `--target` and FROM")
    func stages() {
        let text = "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS test\nRUN pip install pytest\nFROM debian:12\nCOPY --from=test /etc/hostname /tmp/\n"
        #expect(Self.lint(text).isEmpty, "builder stages copied from are not judged")
        let test = Self.lint(text, options: BuildOptions(target: "test"))
        #expect(Self.lines(test, in: text) == ["SH005@2", "SH007@4"])
    }

    @Test("a clean-up in a child stage is a later layer than the install in its base stage")
    func cleanupAcrossStages() throws {
        let text = "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n"
        let diagnostics = Self.lint(text).filter { $0.code == "SH010" }
        #expect(Self.lines(diagnostics, in: text) == ["SH010@4"])
        let fix = try #require(diagnostics.first?.fix)
        #expect(fix.applicability == .displayOnly)
        #expect(fix.title == "Clean up in the RUN at line 2, right after `apt-get update`")
    }

    @Test("a package-index update names the later install it leaves stale, across FROM")
    func updateAloneMessage() {
        let text = "FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl\n"
        let diagnostics = Self.lint(text).filter { $0.code == "SH004" }
        #expect(diagnostics.map(\.message) == ["`apt-get update` without an install in the same RUN: the install at line 4 reuses its cached, ageing index"])
    }

    // MARK: - Scripts

    @Test("findings inside heredoc scripts point at the bytes in the heredoc")
    func heredoc() throws {
        let text = "FROM alpine:3.20\nRUN <<EOF\nset -eu\napk add curl\npip install flask\nEOF\n"
        let diagnostics = Self.lint(text)
        let source = SourceFile(path: "Dockerfile", text: text)
        #expect(diagnostics.map { "\($0.code.rawValue) \(source.text($0.range!))" } == ["SH006 apk add", "SH007 pip install"])
        #expect(Self.fix(text, context: nil, threshold: .safe) == "FROM alpine:3.20\nRUN <<EOF\nset -eu\napk add --no-cache curl\npip install --no-cache-dir flask\nEOF\n")
    }

    @Test("commands in `sh -c` strings are judged; their fixes are not offered when the string was unescaped")
    func nestedScripts() throws {
        let plain = "FROM alpine:3.20\nRUN sh -c 'apk add curl'\n"
        #expect(Self.fix(plain, context: nil, threshold: .safe) == "FROM alpine:3.20\nRUN sh -c 'apk add --no-cache curl'\n")
        let escaped = "FROM alpine:3.20\nRUN sh -c \"apk add \\\"curl\\\"\"\n"
        let diagnostic = try #require(Self.lint(escaped).first { $0.code == "SH006" })
        #expect(diagnostic.fix == nil)
    }

    @Test("pip's cache is accepted when PIP_NO_CACHE_DIR is set on the command, exported, or its folder is mounted")
    func pipCacheSettings() {
        for text in [
            "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n",
            "FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=off pip install flask\n",
            "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n",
            "FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n",
            "FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache pip install flask\n",
            "FROM python:3.12\nRUN pip install flask && rm -rf \"$HOME/.cache/pip\"\n",
        ] {
            #expect(Self.lint(text).filter { $0.code == "SH007" }.isEmpty, "\(text)")
        }
    }

    @Test("build toolchains: versioned compilers and headers count, runtime libraries do not")
    func toolchainNames() {
        let text = "FROM debian:12\nRUN apt-get update && apt-get install -y gcc-12-base libssl3 gcc-12 libssl-dev:amd64 && rm -rf /var/lib/apt/lists/*\n"
        let diagnostics = Self.lint(text).filter { $0.code == "SH011" }
        #expect(diagnostics.map(\.message) == ["`gcc-12`, `libssl-dev` stay in the final image; build in a separate stage and copy only the result"])
        #expect(diagnostics.first?.severity == .info)
    }
}
