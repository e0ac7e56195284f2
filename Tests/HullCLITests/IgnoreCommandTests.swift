import Foundation
import Hull
import HullTestSupport
import Testing

@Suite("hull ignore")
struct IgnoreCommandTests {
    @Test("writes a .dockerignore for the detected ecosystems; a second run changes nothing")
    func idempotent() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n")
        try tree.file("requirements.txt", "flask\n")
        try tree.file("web/package.json", "{}\n")
        try tree.file("app.py", "print(1)\n")
        let first = try HullExecutable.run(["ignore", "--write", tree.root.path])
        #expect(first.status == 0)
        #expect(first.stderr.contains("detected node (web/package.json), python (requirements.txt)"))
        let written = try tree.read(".dockerignore")
        #expect(written.hasPrefix("# Added by hull ignore (node, python)\n"))
        for line in [".git", "**/.env", "**/.env.*", "!.env.example", "**/node_modules", ".venv", "**/__pycache__", "**/*.pem"] {
            #expect(written.split(separator: "\n").contains(Substring(line)), "\(line)")
        }
        let second = try HullExecutable.run(["ignore", "--write", tree.root.path])
        #expect(second.status == 0 && second.stderr.contains("nothing to add"))
        #expect(try tree.read(".dockerignore") == written)
        #expect(try HullExecutable.run(["ignore", "--check", tree.root.path]).status == 0)
        #expect(try HullExecutable.run(["ignore", "--diff", tree.root.path]).output.isEmpty)
    }

    @Test("never excludes what a COPY, ADD or bind mount needs, checked with BuildKit's matching, and says why")
    func keepsNeeds() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", """
        FROM node:20-alpine AS build
        COPY .npmrc package.json ./
        RUN npm ci
        FROM nginx:1.27-alpine
        COPY dist/ /usr/share/nginx/html/
        COPY certs/*.pem /etc/nginx/certs/
        COPY build/info.txt /info.txt
        RUN --mount=type=bind,source=.cache/seed.json,target=/seed.json cat /seed.json

        """)
        try tree.file("package.json", "{}\n")
        try tree.file(".npmrc", "registry=https://registry.example.invalid/\n")
        try tree.file("dist/index.html", "<html></html>\n")
        try tree.file("certs/server.pem", "-----BEGIN CERTIFICATE-----\n")
        try tree.file("build/info.txt", "v1\n")
        try tree.file(".cache/seed.json", "{}\n")
        try tree.file(".env", "A=b\n")
        let run = try HullExecutable.run(["ignore", tree.root.path])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        for kept in ["**/.npmrc", "dist", "**/*.pem", "build", ".cache"] {
            #expect(!lines.contains(kept), "\(kept) must stay out of the proposal")
        }
        #expect(lines.contains("**/.env"))
        #expect(run.output.contains("# Not excluded: **/.npmrc (Dockerfile line 2 copies .npmrc; npm may need it for a private registry)"))
        #expect(run.stderr.contains("RUN --mount=type=secret,id=npmrc"))
        #expect(run.stderr.contains("`dist` left out"))
        // Every source is still sent once the proposal is written.
        #expect(try HullExecutable.run(["ignore", "--write", tree.root.path]).status == 0)
        let (report, _) = try tree.context()
        #expect(report.references.allSatisfy { $0.status == "found" }, "\(report.references.map { "\($0.path): \($0.status)" })")
        #expect(!report.secrets.findings.contains { $0.path == ".env" })
    }

    @Test("keeps the user's lines and comments in place, respects their exceptions, and uses CRLF when they do")
    func keepsUserLines() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", "FROM alpine:3.20\nCOPY . /srv/\n")
        let original = "# mine\r\n*.tmp\r\n!keep.log\r\n"
        try tree.file(".dockerignore", original)
        try tree.file("keep.log", "important\n")
        let run = try HullExecutable.run(["ignore", "--write", tree.root.path])
        #expect(run.status == 0)
        let written = try tree.read(".dockerignore")
        #expect(written.hasPrefix(original + "\r\n# Added by hull ignore\r\n"))
        #expect(!written.contains("\r\n**/*.log\r\n"), "a later **/*.log would undo !keep.log")
        #expect(run.stderr.contains("would exclude it again"))
        let (report, _) = try tree.context()
        #expect(report.ignoreFile.invalid.isEmpty)
        #expect(report.unused?.files == 0)
        let listed = try tree.context(["--list"]).report.paths?.map(\.path) ?? []
        #expect(listed.contains("keep.log"))
    }

    @Test("a broad COPY of node_modules with no install step keeps node_modules, and says why")
    func broadCopyWithoutInstall() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", "FROM node:20-alpine\nCOPY . .\nCMD [\"node\", \"index.js\"]\n")
        try tree.file("package.json", "{}\n")
        try tree.file("node_modules/left-pad/index.js", "module.exports = 1;\n")
        let run = try HullExecutable.run(["ignore", tree.root.path])
        #expect(!run.output.split(separator: "\n").contains("**/node_modules"))
        #expect(run.stderr.contains("no RUN installs node dependencies"))
        try tree.file("Dockerfile", "FROM node:20-alpine\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n")
        let again = try HullExecutable.run(["ignore", tree.root.path])
        #expect(again.output.split(separator: "\n").contains("**/node_modules"))
    }

    @Test("a per-Dockerfile ignore file is the one improved; the root one is left alone")
    func perDockerfile() throws {
        let tree = try ContextTree()
        try tree.file("docker/api.Dockerfile", "FROM golang:1.23\nCOPY go.mod main.go ./\n")
        try tree.file("docker/api.Dockerfile.dockerignore", "*.md\n")
        try tree.file(".dockerignore", "secret.txt\n")
        try tree.file("go.mod", "module x\n")
        try tree.file("main.go", "package main\n")
        let run = try HullExecutable.run(["ignore", "--write", "-f", tree.path("docker/api.Dockerfile"), tree.root.path])
        #expect(run.status == 0)
        #expect(try tree.read(".dockerignore") == "secret.txt\n")
        let specific = try tree.read("docker/api.Dockerfile.dockerignore")
        #expect(specific.hasPrefix("*.md\n\n# Added by hull ignore (go)\n"))
        let diff = try HullExecutable.run(["ignore", "--diff", tree.root.path])
        #expect(diff.output.hasPrefix("--- a/"))
        #expect(try HullExecutable.run(["ignore", "--check", tree.root.path]).status == 1)
        #expect(try HullExecutable.run(["ignore", "--write", "--diff", tree.root.path]).status != 0)
    }
}
