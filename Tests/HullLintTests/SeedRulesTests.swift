import HullCore
import HullDockerfile
import HullLint
@testable import HullRules
import Testing

/// Behaviour of the base-image, user, command, secret and layer rules that examples cannot
/// show on their own: build options, stage inheritance, tables of names, advice edits.
@Suite("Seed rules")
struct SeedRulesTests {
    /// Lints `text` with one rule.
    static func lint(_ rule: any DockerfileRule.Type, _ text: String, options: BuildOptions = BuildOptions(), context: BuildContextView? = nil,
                     configure: (inout Configuration) -> Void = { _ in }) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.select = [rule.description.code.rawValue]
        configure(&configuration)
        let input = AnalyzedDockerfile(Dockerfile.parse(text), context: context, configuration: configuration, options: options)
        return Linter(rules: [rule], configuration: configuration).lint(input).filter { $0.code == rule.description.code }
    }

    /// The text a diagnostic points at.
    static func flagged(_ diagnostic: Diagnostic, in text: String) -> String {
        guard let range = diagnostic.range else { return "" }
        return String(decoding: Array(text.utf8)[range.range], as: UTF8.self)
    }

    // MARK: - Base image tags

    @Test("a tag from a global ARG is judged after expansion and reported at the image word")
    func globalArgTag() throws {
        let text = "ARG NODE_TAG=latest\nFROM node:${NODE_TAG} AS build\nFROM build\n"
        let found = Self.lint(BaseImageLatestTagRule.self, text)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(Self.flagged(diagnostic, in: text) == "node:${NODE_TAG}")
        #expect(diagnostic.message.contains("resolves to `node:latest`"))
    }

    @Test("an ARG declared inside a stage does not reach a later FROM, so the tag is unresolved and not judged")
    func stageArgDoesNotReachFrom() {
        let text = "FROM alpine:3.20\nARG NODE_TAG=latest\nFROM node:${NODE_TAG}\n"
        #expect(Self.lint(BaseImageLatestTagRule.self, text).isEmpty)
        #expect(Self.lint(BaseImageWithoutTagRule.self, text).isEmpty)
    }

    @Test("a --build-arg value replaces the default the tag rules judge")
    func buildArgOverride() {
        let text = "ARG NODE_TAG=latest\nFROM node:${NODE_TAG}\n"
        #expect(Self.lint(BaseImageLatestTagRule.self, text, options: BuildOptions(buildArgs: ["NODE_TAG": "20.11-alpine"])).isEmpty)
        #expect(Self.lint(BaseImageLatestTagRule.self, "ARG NODE_TAG=20\nFROM node:${NODE_TAG}\n", options: BuildOptions(buildArgs: ["NODE_TAG": "latest"])).count == 1)
    }

    @Test("a whole image name from an ARG is judged: untagged is flagged, a digest pin is not")
    func imageFromArg() {
        #expect(Self.lint(BaseImageWithoutTagRule.self, "ARG BASE=python\nFROM $BASE\n").first?.message.contains("resolves to `python`") == true)
        let pinned = "ARG BASE=python@sha256:" + String(repeating: "a", count: 64) + "\nFROM $BASE\n"
        #expect(Self.lint(BaseImageWithoutTagRule.self, pinned).isEmpty)
        #expect(Self.lint(BaseImageLatestTagRule.self, "ARG BASE=python:latest@sha256:" + String(repeating: "b", count: 64) + "\nFROM $BASE\n").isEmpty)
    }

    @Test("a variable used with a default resolves to the default; one without a value leaves the image unjudged")
    func defaultsInFrom() {
        #expect(Self.lint(BaseImageWithoutTagRule.self, "ARG BASE\nFROM ${BASE:-node}\n").count == 1)
        #expect(Self.lint(BaseImageLatestTagRule.self, "FROM node:${NODE_TAG:-latest}\n").count == 1)
        #expect(Self.lint(BaseImageWithoutTagRule.self, "ARG SUFFIX\nFROM node${SUFFIX}\n").isEmpty)
        #expect(Self.lint(BaseImageWithoutTagRule.self, "ARG SUFFIX\nFROM node${SUFFIX}${SUFFIX:-}\n").isEmpty)
    }

    @Test("a literal latest tag is reported at the tag; a registry with a port is not mistaken for a tag")
    func latestTagRange() throws {
        let text = "FROM localhost:5000/app:latest\nFROM localhost:5000/tools\n"
        let latest = try #require(Self.lint(BaseImageLatestTagRule.self, text).first)
        #expect(Self.flagged(latest, in: text) == "latest")
        let untagged = try #require(Self.lint(BaseImageWithoutTagRule.self, text).first)
        #expect(Self.flagged(untagged, in: text) == "localhost:5000/tools")
    }

    // MARK: - Full-size base images

    @Test("the variant table suggests smaller tags of the same image", arguments: [
        ("node:20", "20-alpine"), ("node:20-bookworm", "20-bookworm-slim"), ("node", "alpine"), ("node:lts", "lts-alpine"),
        ("python:3.12", "3.12-slim"), ("python:3.12-bookworm", "3.12-slim-bookworm"), ("python:3.16-rc", "3.16-rc-slim"),
        ("golang:1.22", "1.22-alpine"), ("golang:1.22-bookworm", "1.22-alpine"), ("ruby:3.3", "3.3-slim"), ("rust:1.80", "1.80-slim"),
        ("perl:5.40-threaded-bookworm", "5.40-slim-threaded-bookworm"), ("php:8.3-fpm-bookworm", "8.3-fpm-alpine"), ("php:8.3", "8.3-alpine"),
        ("openjdk:17-jdk-bullseye", "17-jdk-slim-bullseye"), ("eclipse-temurin:21", "21-jre"), ("eclipse-temurin:21-jdk-noble", "21-jre-noble"),
        ("amazoncorretto:21-al2023-jdk", "21-alpine"), ("debian:bookworm", "bookworm-slim"), ("debian:12", "12-slim"), ("debian", "stable-slim"),
        ("debian:bookworm-20240612", "bookworm-20240612-slim"), ("docker.io/library/node:20", "20-alpine"),
    ])
    func slimSuggestions(_ image: String, _ expected: String) throws {
        let finding = try #require(SlimBaseImages.finding(for: try ImageReference.parse(image)))
        #expect(finding.suggestions.first?.tag == expected)
    }

    @Test("small variants, images without one and images outside the table are not findings", arguments: [
        "node:20-alpine", "node:20-alpine3.20", "node:20-bookworm-slim", "python:3.12-slim", "python:3.12-windowsservercore-ltsc2022",
        "php:8.3-apache", "eclipse-temurin:21-jre", "eclipse-temurin:21-jdk-ubi9-minimal", "amazoncorretto:21-headless", "ubuntu:24.04",
        "gcr.io/distroless/nodejs20-debian12", "cgr.dev/chainguard/node", "acme/node:20", "node:20-something-new", "openjdk",
    ])
    func notFullSize(_ image: String) throws {
        #expect(SlimBaseImages.finding(for: try ImageReference.parse(image)) == nil)
    }

    @Test("build-tool images point at a JRE runtime for the Java release in their tag")
    func buildTools() throws {
        let text = "FROM maven:3.9-eclipse-temurin-21\nCOPY . /src\n"
        let diagnostic = try #require(Self.lint(FullSizeBaseImageRule.self, text).first)
        #expect(diagnostic.message.contains("`eclipse-temurin:21-jre`"))
        #expect(diagnostic.fix == nil)
        #expect(SlimBaseImages.javaRelease(inTag: "8.10-jdk17-jammy") == "17")
    }

    @Test("only the target stage is judged: a --target naming a full-size builder is flagged")
    func fullSizeTarget() {
        let text = "FROM node:20 AS build\nRUN npm ci\nFROM node:20-alpine\nCOPY --from=build /app /app\n"
        #expect(Self.lint(FullSizeBaseImageRule.self, text).isEmpty)
        #expect(Self.lint(FullSizeBaseImageRule.self, text, options: BuildOptions(target: "build")).count == 1)
    }

    @Test("a golang stage that runs apt-get gets no rewrite to Alpine, only the message")
    func noAlpineRewriteForAptStages() throws {
        let diagnostic = try #require(Self.lint(FullSizeBaseImageRule.self, "FROM golang:1.22\nRUN apt-get update && apt-get install -y git\n").first)
        #expect(diagnostic.fix == nil)
        #expect(diagnostic.message.contains("`golang:1.22-alpine`"))
    }

    // MARK: - Root user

    @Test("a USER set two stages up is inherited by the target")
    func userInheritedTwoLevels() {
        let text = "FROM alpine:3.20 AS base\nRUN adduser -D app\nUSER app\nFROM base AS middle\nRUN true\nFROM middle\nCMD [\"app\"]\n"
        #expect(Self.lint(RootUserRule.self, text).isEmpty)
    }

    @Test("a root USER in a parent stage is reported where it is written")
    func rootInParent() throws {
        let text = "FROM alpine:3.20 AS base\nUSER app\nUSER root\nFROM base\nCMD [\"sh\"]\n"
        let diagnostic = try #require(Self.lint(RootUserRule.self, text).first)
        #expect(Self.flagged(diagnostic, in: text) == "root")
        #expect(diagnostic.range?.start == text.utf8.count - "root\nFROM base\nCMD [\"sh\"]\n".utf8.count)
    }

    @Test("the target chosen with --target is the one judged")
    func rootUserTarget() throws {
        let text = "FROM alpine:3.20 AS debug\nRUN apk add strace\nFROM alpine:3.20\nUSER 10001\n"
        #expect(Self.lint(RootUserRule.self, text).isEmpty)
        let diagnostic = try #require(Self.lint(RootUserRule.self, text, options: BuildOptions(target: "debug")).first)
        #expect(diagnostic.range?.start == 0)
    }

    @Test("USER values are expanded: an ARG that names root is flagged, an unset one is not")
    func userFromArg() throws {
        let root = try #require(Self.lint(RootUserRule.self, "FROM alpine:3.20\nARG RUN_AS=0\nUSER ${RUN_AS}\n").first)
        #expect(root.message.contains("(`0`)"))
        #expect(Self.lint(RootUserRule.self, "FROM alpine:3.20\nARG RUN_AS\nUSER ${RUN_AS}\n").isEmpty)
        #expect(Self.lint(RootUserRule.self, "FROM alpine:3.20\nUSER 1000:0\n").isEmpty)
        #expect(Self.lint(RootUserRule.self, "FROM alpine:3.20\nUSER root:app\n").count == 1)
    }

    @Test("scratch images are root unless a numeric USER is set; nonroot distroless images are not")
    func scratchAndDistroless() throws {
        let scratch = try #require(Self.lint(RootUserRule.self, "FROM scratch\nCOPY app /app\n").first)
        #expect(scratch.message.contains("USER 65532:65532"))
        #expect(Self.lint(RootUserRule.self, "FROM scratch\nCOPY app /app\nUSER 65532:65532\n").isEmpty)
        #expect(Self.lint(RootUserRule.self, "FROM gcr.io/distroless/base-debian12:debug-nonroot\n").isEmpty)
        #expect(Self.lint(RootUserRule.self, "ARG BASE\nFROM ${BASE}\n").isEmpty)
    }

    // MARK: - Shell-form commands

    @Test("plain commands convert to exec form; anything the shell interprets does not", arguments: [
        ("node src/index.js", ["node", "src/index.js"] as [String]?), ("exec gunicorn app:app", ["gunicorn", "app:app"]),
        ("java -jar /app.jar --server.port=8080", ["java", "-jar", "/app.jar", "--server.port=8080"]),
        ("NODE_ENV=production node index.js", nil), ("node $ENTRY", nil), ("cd /app && make run", nil), ("nginx -g 'daemon off;'", nil),
        ("echo ~", nil), ("exec -a name node", nil), ("cd /app", nil), ("ls *.txt", nil), ("source env.sh", nil),
    ])
    func plainWords(_ script: String, _ expected: [String]?) {
        #expect(ShellFormCommandRule.plainWords(script) == expected)
    }

    @Test("a SHELL in a parent stage silences the check; a SHELL after the command does not")
    func shellInForce() {
        #expect(Self.lint(ShellFormCommandRule.self, "FROM alpine:3.20 AS base\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM base\nCMD run-server\n").isEmpty)
        #expect(Self.lint(ShellFormCommandRule.self, "FROM alpine:3.20\nCMD run-server\nSHELL [\"/bin/ash\", \"-c\"]\n").count == 1)
    }

    @Test("a single command that needs the shell gets `exec` advice that is never applied")
    func execAdvice() throws {
        let text = "FROM node:20-alpine\nCMD node server.js --port $PORT\n"
        let diagnostic = try #require(Self.lint(ShellFormCommandRule.self, text).first)
        let fix = try #require(diagnostic.fix)
        #expect(fix.applicability == .displayOnly)
        let advised = FixApplier.apply([fix], to: Array(text.utf8)).bytes
        #expect(String(decoding: advised, as: UTF8.self) == "FROM node:20-alpine\nCMD exec node server.js --port $PORT\n")
        #expect(Self.lint(ShellFormCommandRule.self, String(decoding: advised, as: UTF8.self)).isEmpty)
    }

    @Test("a shell-form ENTRYPOINT mentions that it ignores the CMD of a stage built on it, and its fix becomes unsafe")
    func entrypointWithChildCommand() throws {
        let diagnostic = try #require(Self.lint(ShellFormCommandRule.self, "FROM alpine:3.20 AS base\nENTRYPOINT run-server\nFROM base\nCMD [\"--verbose\"]\n").first)
        #expect(diagnostic.message.contains("ignores the `CMD`"))
        #expect(diagnostic.fix?.applicability == .unsafe)
        #expect(Self.lint(ShellFormCommandRule.self, "FROM alpine:3.20\nENTRYPOINT run-server\n").first?.fix?.applicability == .safe)
    }

    // MARK: - Secrets in ENV and ARG

    @Test("names are judged by their words", arguments: [
        ("DB_PASSWORD", true), ("PGPASSWORD", true), ("GITHUB_TOKEN", true), ("apiKey", true), ("AWS_SECRET_ACCESS_KEY", true),
        ("OPENAI_API_KEY", true), ("MYSQL_PWD", true), ("NPM_AUTH", true), ("clientSecret", true), ("SECRET_KEY_BASE", true),
        ("PASSWORD_FILE", false), ("TOKEN_URL", false), ("PASSWORD_MIN_LENGTH", false), ("PUBLIC_KEY", false), ("GPG_KEY", false),
        ("CACHE_KEY", false), ("AWS_ACCESS_KEY_ID", false), ("PWD", false), ("NEXT_PUBLIC_API_KEY", false), ("AUTH_ENABLED", false),
        ("GOOGLE_APPLICATION_CREDENTIALS", false), ("TOKENIZERS_PARALLELISM", false), ("BYPASS_CACHE", false), ("NODE_VERSION", false),
    ])
    func secretNames(_ name: String, _ secret: Bool) {
        #expect((SecretPatterns.secretWord(inName: name) != nil) == secret)
    }

    @Test("values are matched by shape; variables and placeholders never match")
    func secretValues() {
        let github = "gh" + "p_" + "Zq3Lw8Rt2Yx6Vb1Nm4Kc7Hd9Fs5Ja0Pe2Ug8Ti"
        let aws = "AK" + "IA" + "Q7ZL3M9XW2RT6YKP"
        #expect(SecretPatterns.secretKind(ofValue: github) == "a GitHub token")
        #expect(SecretPatterns.secretKind(ofValue: aws) == "an AWS access key ID")
        #expect(SecretPatterns.secretKind(ofValue: "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn...") == "a private key")
        #expect(SecretPatterns.secretKind(ofValue: "postgres://admin:S3cr3tP@ss@prod-db/app") == "a URL with an embedded password")
        #expect(SecretPatterns.secretKind(ofValue: "postgres://admin:${DB_PASSWORD}@db/app") == nil)
        #expect(SecretPatterns.secretKind(ofValue: "postgres://admin:changeme@db/app") == nil)
        #expect(SecretPatterns.secretKind(ofValue: "https://registry.npmjs.org/") == nil)
        #expect(SecretPatterns.secretKind(ofValue: "AKIAIOSFODNN7EXAMPLE") == nil)
    }

    @Test("written-out values count as secrets unless they are placeholders, paths or settings", arguments: [
        ("D0cker!a8s", true), ("application", true), ("changeme", false), ("${DB_PASSWORD}", false), ("", false), ("true", false),
        ("8080", false), ("00000000-0000-0000-0000-000000000000", false), ("/run/secrets/db_password", false), ("resetPassword.sh", false),
        ("<your-token>", false), ("********", false),
    ])
    func literalSecrets(_ value: String, _ secret: Bool) {
        #expect(SecretPatterns.isLiteralSecret(value) == secret)
    }

    @Test("findings never repeat the value, and written-out or credential-shaped values are errors")
    func redactionAndSeverity() throws {
        let token = "gh" + "p_" + "Zq3Lw8Rt2Yx6Vb1Nm4Kc7Hd9Fs5Ja0Pe2Ug8Ti"
        let text = "FROM alpine:3.20\nENV DEPLOY_NOTE=\(token) DB_PASSWORD=hunter2 API_TOKEN=${API_TOKEN}\n"
        let found = Self.lint(SecretInEnvOrArgRule.self, text)
        #expect(found.count == 3)
        #expect(!found.contains { $0.message.contains(token) || $0.message.contains("hunter2") })
        #expect(found.map(\.severity) == [.error, .error, .warning])
        #expect(Self.flagged(found[0], in: text) == token)
        let configured = Self.lint(SecretInEnvOrArgRule.self, text) { $0.severity = ["DF007": .info] }
        #expect(configured.allSatisfy { $0.severity == .info })
    }

    // MARK: - Secret files

    @Test("file names are judged by what they usually hold", arguments: [
        (".env", true), ("config/.env.production", true), (".env.example", false), (".env.sample", false), ("id_ed25519", true),
        ("id_ed25519.pub", false), ("certs/server.key", true), ("tls/privkey.pem", true), ("tls/fullchain.pem", false), ("ca.pem", false),
        (".npmrc", true), ("home/.aws/credentials", true), (".docker/config.json", true), ("config.json", false), ("infra/terraform.tfstate", true),
        ("kubeconfig", true), (".kube/config", true), ("meta.env", false), ("*.pem", true), (".env.*", true), ("*", false),
    ])
    func secretFiles(_ path: String, _ secret: Bool) {
        #expect((SecretPatterns.secretFileKind(path) != nil) == secret)
    }

    @Test("with a known context, wildcards are matched against the files that are sent")
    func wildcardAgainstContext() throws {
        let files = ["Dockerfile", "deploy/app.yaml", "deploy/.env.production", "deploy/nested/.env"]
        let view = BuildContextView(files: files, ignoreFile: nil) { _ in false }
        let diagnostic = try #require(Self.lint(SecretFileCopiedRule.self, "FROM alpine:3.20\nCOPY deploy/* /etc/app/\n", context: view).first)
        #expect(diagnostic.message.contains("`deploy/.env.production`"))
        #expect(Self.lint(SecretFileCopiedRule.self, "FROM alpine:3.20\nCOPY jenkins.io.key /war/jenkins-key.pub\n").isEmpty)
        let ignoring = BuildContextView(files: files, ignoreFile: ".dockerignore") { $0.hasSuffix(".env.production") }
        #expect(Self.lint(SecretFileCopiedRule.self, "FROM alpine:3.20\nCOPY deploy/* /etc/app/\n", context: ignoring).isEmpty)
    }

    @Test("context path patterns follow BuildKit's per-segment wildcards", arguments: [
        ("config/*", "config/app.yaml", true), ("config/*", "config/sub/app.yaml", false), ("*.pem", "key.pem", true),
        ("./certs/?.pem", "certs/a.pem", true), ("[a-c]*.txt", "b1.txt", true), ("[!a-c]*.txt", "b1.txt", false), ("/.env*", ".env.local", true),
    ])
    func pathPatterns(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(ContextPathPattern(pattern).matches(path) == matches)
    }

    // MARK: - Whole-context copies

    @Test("a known context with a .dockerignore silences the rule; one without says so; no context keeps it plain")
    func wholeContextAndIgnoreFile() throws {
        let text = "FROM node:20-alpine\nCOPY . .\n"
        let curated = BuildContextView(files: ["Dockerfile", ".dockerignore", "index.js"], ignoreFile: ".dockerignore") { _ in false }
        #expect(Self.lint(CopyWholeContextRule.self, text, context: curated).isEmpty)
        let bare = BuildContextView(files: ["Dockerfile", "index.js"], ignoreFile: nil) { _ in false }
        #expect(Self.lint(CopyWholeContextRule.self, text, context: bare).first?.message.contains("no `.dockerignore`") == true)
        #expect(Self.lint(CopyWholeContextRule.self, text).first?.message.contains("no `.dockerignore`") == false)
    }

    // MARK: - Labels

    @Test("required labels accept full keys and short names, and keys written with quotes or variables")
    func ociLabelOptions() {
        let text = "FROM alpine:3.20\nARG NS=org.opencontainers.image\nLABEL \"org.opencontainers.image.source\"=x ${NS}.revision=y\n"
        #expect(Self.lint(MissingOciLabelsRule.self, text) { $0.rules = ["DF012": ["required": .list([.string("source"), .string("org.opencontainers.image.revision")])]] }.isEmpty)
        let missing = Self.lint(MissingOciLabelsRule.self, text) { $0.rules = ["DF012": ["required": .list([.string("licenses")])]] }
        #expect(missing.first?.message.contains("`org.opencontainers.image.licenses`") == true)
    }

    // MARK: - Consecutive RUN instructions

    @Test("the merge fix folds the second RUN into the first and keeps CRLF line endings")
    func mergeAdvice() throws {
        for newline in ["\n", "\r\n"] {
            let text = ["FROM debian:12-slim", "RUN apt-get update", "RUN apt-get install -y curl", ""].joined(separator: newline)
            let diagnostic = try #require(Self.lint(ConsecutiveRunInstructionsRule.self, text).first)
            let fix = try #require(diagnostic.fix)
            #expect(fix.applicability == .unsafe)
            let merged = String(decoding: FixApplier.apply([fix], to: Array(text.utf8)).bytes, as: UTF8.self)
            #expect(merged == ["FROM debian:12-slim", "RUN apt-get update && \\", "    apt-get install -y curl", ""].joined(separator: newline))
            #expect(Self.lint(ConsecutiveRunInstructionsRule.self, merged).isEmpty)
        }
    }

    @Test("no merge when the second RUN is not a plain && chain, so a failing first step would pass")
    func noMergeOfLists() throws {
        for second in ["make || true", "make; make install", "make & wait"] {
            let diagnostic = try #require(Self.lint(ConsecutiveRunInstructionsRule.self, "FROM debian:12\nRUN cd /src\nRUN \(second)\n").first)
            #expect(diagnostic.fix == nil, "\(second)")
        }
    }

    @Test("no merge advice when a comment sits between the two RUNs or the first ends with a separator")
    func noMergeAdvice() throws {
        let commented = try #require(Self.lint(ConsecutiveRunInstructionsRule.self, "FROM alpine:3.20\nRUN apk add curl\n# then\nRUN curl --version\n").first)
        #expect(commented.fix == nil)
        let separated = try #require(Self.lint(ConsecutiveRunInstructionsRule.self, "FROM alpine:3.20\nRUN apk add curl;\nRUN curl --version\n").first)
        #expect(separated.fix == nil)
    }
}
