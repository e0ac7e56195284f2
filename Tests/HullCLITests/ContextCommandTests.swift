import Foundation
import Hull
import HullTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("hull context")
struct ContextCommandTests {
    static let dockerfile = """
    FROM node:20-alpine AS deps
    WORKDIR /app
    COPY package*.json ./
    RUN npm ci
    FROM node:20-alpine
    ARG SOURCES=src
    WORKDIR /app
    COPY --from=deps /app/node_modules ./node_modules
    COPY ${SOURCES}/ ./src/
    COPY config/app.yaml ./config/
    COPY <<EOF /app/version.txt
    1.0
    EOF
    RUN --mount=type=bind,source=docs,target=/docs cat /docs/guide.md
    CMD ["node", "src/index.js"]

    """

    /// The seeds' project: a Dockerfile, sources, 300 files of node_modules, .git, .env, symlinks
    /// (one a loop), a FIFO, an unreadable folder and a deep folder.
    func seedTree() throws -> ContextTree {
        let tree = try ContextTree()
        try tree.file("Dockerfile", Self.dockerfile)
        try tree.file("package.json", #"{ "name": "app", "version": "1.0.0" }"# + "\n")
        try tree.file("package-lock.json", #"{ "lockfileVersion": 3 }"# + "\n")
        try tree.file("src/index.js", "require('./lib/util');\n")
        try tree.file("src/lib/util.js", "module.exports = 1;\n")
        try tree.many("node_modules", count: 300, size: 200)
        try tree.file(".git/HEAD", "ref: refs/heads/main\n")
        try tree.file(".git/config", "[core]\n\tbare = false\n")
        try tree.file(".env", "DATABASE_URL=postgres://admin:S3cr3tP4ss@db.internal.invalid/app\n")
        try tree.file("docs/guide.md", "# Guide\n")
        try tree.file("deep/a/b/c/d/e.txt", "deep\n")
        try tree.file("locked/inside.txt", "hidden\n")
        try tree.symlink("link-to-src", to: "src")
        try tree.symlink("loop", to: ".")
        tree.fifo("pipe")
        tree.lock("locked")
        return tree
    }

    @Test("exact counts and bytes, with and without the ignore file, on a real tree")
    func totals() throws {
        let tree = try seedTree()
        let isRoot = geteuid() == 0
        let readable: (String) -> Bool = { isRoot || !$0.hasPrefix("locked/") }
        let (plain, _) = try tree.context()
        #expect(plain.ignoreFile.source == "none")
        #expect(plain.sent.files == tree.count(where: readable))
        #expect(plain.sent.bytes == tree.bytes(where: readable))
        #expect(plain.sent.symlinks == 2)
        #expect(plain.sent.special == 1)
        #expect(plain.warnings.contains { $0.kind == "specialFileSkipped" && $0.path == "pipe" })
        #expect(plain.categories.first?.category == "dependencies")
        #expect(plain.categories.first?.files == 300 && plain.categories.first?.bytes == 60_000)
        #expect(plain.largestFolders.first?.path == "node_modules")

        try tree.file(".dockerignore", "node_modules\n.git\n.env\n")
        let (ignored, _) = try tree.context()
        let kept: (String) -> Bool = { path in
            readable(path) && !path.hasPrefix("node_modules/") && !path.hasPrefix(".git/") && path != ".env"
        }
        #expect(ignored.ignoreFile.source == "contextRoot")
        #expect(ignored.sent.files == tree.count(where: kept))
        #expect(ignored.sent.bytes == tree.bytes(where: kept))
        #expect(ignored.withoutIgnoreFile?.files == tree.count(where: readable))
        #expect(ignored.withoutIgnoreFile?.bytes == tree.bytes(where: readable))
        #expect(ignored.categories.allSatisfy { $0.category != "dependencies" && $0.category != "versionControl" })
        #expect(ignored.categoriesWithoutIgnoreFile?.first?.category == "dependencies")
        #expect(ignored.ignoreFile.ineffective.isEmpty)
    }

    @Test("sources: variables expanded, heredocs and --from ignored, a bind mount counts, a missing source fails the build")
    func sources() throws {
        let tree = try seedTree()
        let (report, run) = try tree.context()
        #expect(run.status == 1)
        let sources = report.references.map { "\($0.line) \($0.kind) \($0.path) \($0.status)" }
        #expect(sources == ["3 copy package*.json found", "9 copy src found", "10 copy config/app.yaml missing", "14 bindMount docs found"])
        #expect(report.references.first { $0.line == 3 }?.files == 2)
        #expect(report.references.first { $0.line == 9 }?.files == 2)
        let problem = try #require(report.problems.first { $0.kind == "missingSource" })
        #expect(problem.location == "Dockerfile:10" && problem.failsBuild)
        #expect(report.buildFails)
        #expect(report.transferred?.wholeContext == false)
        #expect(report.transferred?.files == 5)
    }

    @Test("files no COPY uses are grouped into the largest unused folders")
    func unused() throws {
        let tree = try seedTree()
        let (report, _) = try tree.context()
        let unused = try #require(report.unused)
        let byPath = Dictionary(uniqueKeysWithValues: unused.paths.map { ($0.path, $0) })
        #expect(byPath["node_modules"]?.directory == true)
        #expect(byPath["node_modules"]?.files == 300 && byPath["node_modules"]?.bytes == 60_000)
        #expect(byPath[".git"]?.files == 2)
        #expect(byPath[".env"] != nil && byPath["deep"]?.files == 1)
        #expect(byPath["loop"] != nil && byPath["link-to-src"] != nil)
        #expect(byPath["docs"] == nil, "the bind mount uses docs")
        #expect(byPath["src"] == nil && byPath["package.json"] == nil && byPath["Dockerfile"] == nil)
        #expect(unused.paths.first?.path == "node_modules", "largest first")
    }

    @Test("--exclude and --parents narrow what a source uses; a wildcard that matches nothing is allowed")
    func excludeAndParents() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", """
        FROM alpine:3.20
        COPY --exclude=*.md docs/ /docs/
        COPY --parents packages/**/package.json /app/
        COPY nothing-*.txt /tmp/

        """)
        try tree.file("docs/guide.md", "# Guide\n")
        try tree.file("docs/api.txt", "api\n")
        try tree.file("packages/a/package.json", "{}\n")
        try tree.file("packages/a/lib/b/package.json", "{}\n")
        try tree.file("packages/a/index.js", "1\n")
        let (report, run) = try tree.context()
        #expect(run.status == 0, "an empty wildcard does not fail the build")
        #expect(report.references.map(\.status) == ["found", "found", "empty"])
        #expect(report.references.first?.files == 1)
        #expect(report.references[1].files == 2)
        let unused = Set(report.unused?.paths.map(\.path) ?? [])
        #expect(unused == ["docs/guide.md", "packages/a/index.js"])
    }

    @Test("a source excluded by the ignore file is named with the excluding line; an invalid pattern fails the build")
    func excludedAndInvalid() throws {
        let tree = try seedTree()
        try tree.file("config/app.yaml", "port: 80\n")
        try tree.file(".dockerignore", "# keep it small\nnode_modules\nconfig/*.yaml\n")
        let (report, run) = try tree.context()
        #expect(run.status == 1)
        let reference = try #require(report.references.first { $0.path == "config/app.yaml" })
        #expect(reference.status == "excluded")
        #expect(reference.excludedBy?.line == 3 && reference.excludedBy?.pattern == "config/*.yaml")
        #expect(report.problems.contains { $0.kind == "excludedSource" && $0.location == "Dockerfile:10" })

        try tree.file(".dockerignore", "node_modules\n[oops\n")
        let (invalid, again) = try tree.context()
        #expect(again.status == 1)
        #expect(invalid.ignoreFile.invalid.first?.line == 2)
        #expect(invalid.problems.contains { $0.kind == "invalidIgnorePattern" && $0.failsBuild })
    }

    @Test("secrets are reported by path and content, redacted, with the COPY that takes them into a layer")
    func secrets() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", "FROM node:20-alpine\nCOPY . .\n")
        try tree.file("index.js", "1\n")
        try tree.file(".env", "# config\nDATABASE_URL=postgres://admin:S3cr3tP4ss@db.internal.invalid/app\n")
        let (report, run) = try tree.context()
        #expect(run.status == 1, "a secret copied into a layer fails the check")
        let content = try #require(report.secrets.findings.first { $0.basis == "content" })
        #expect(content.path == ".env" && content.line == 2 && content.column != nil)
        #expect(!content.excerpt.contains("S3cr3tP4ss"))
        #expect(report.secrets.findings.contains { $0.basis == "path" && $0.kind == "dotenvFile" && $0.copiedBy == [2] })
        #expect(report.unused?.files == 0)
        #expect(report.transferred?.wholeContext == true)

        try tree.file(".dockerignore", ".env\n")
        let (clean, quiet) = try tree.context()
        #expect(quiet.status == 0)
        #expect(clean.secrets.findings.isEmpty)
    }

    @Test("--list adds every sent path; text output is plain when piped; a missing folder is exit status 2")
    func listAndText() throws {
        let tree = try ContextTree()
        try tree.file("Dockerfile", "FROM alpine:3.20\nCOPY app.sh /\n")
        try tree.file("app.sh", "echo hi\n")
        let (report, _) = try tree.context(["--list"])
        #expect(report.paths?.map(\.path) == ["Dockerfile", "app.sh"])
        #expect(report.paths?.first { $0.path == "app.sh" }?.bytes == 8)
        let text = try HullExecutable.run(["context", tree.root.path])
        #expect(text.status == 0)
        #expect(text.output.contains("Sends 39 B in 2 files"))
        #expect(!text.output.contains("\u{1B}["))
        #expect(!text.stderr.contains("\r"), "no progress line when standard error is not a terminal")
        let missing = try HullExecutable.run(["context", "/nonexistent/context"])
        #expect(missing.status == 2 && missing.stderr.contains("no such file"))
        let noDockerfile = try HullExecutable.run(["context", "-f", tree.path("nope.Dockerfile"), tree.root.path])
        #expect(noDockerfile.status == 2)
    }

    @Test("examples/node-app tells the seeds' story: megabytes without a .dockerignore, kilobytes with the proposed one")
    func nodeApp() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hull-node-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let example = SharedData.packageRoot.appendingPathComponent("examples/node-app")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        // The README is left out: it shows Hull's output, so its size follows the output.
        for name in ["Dockerfile", "package.json", "package-lock.json", ".env", "src", "make-node-modules.sh"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let script = try Subprocess.run("/bin/sh", [copy.appendingPathComponent("make-node-modules.sh").path], stdin: [], directory: nil, environment: ProcessInfo.processInfo.environment)
        #expect(script.status == 0)
        let before = try JSONDecoder().decode(ContextReport.self, from: Data(try HullExecutable.run(["context", "--format", "json", copy.path]).stdout))
        #expect(before.sent.files > 2_000 && before.sent.bytes > 2_000_000)
        #expect(before.problems.contains { $0.kind == "secretCopied" })
        let proposedSends = try #require(before.proposal?.sends)
        #expect(proposedSends.bytes < 10_000)
        #expect(try HullExecutable.run(["ignore", "--write", copy.path]).status == 0)
        let after = try JSONDecoder().decode(ContextReport.self, from: Data(try HullExecutable.run(["context", "--format", "json", copy.path]).stdout))
        let ignoreSize = Int64(try Data(contentsOf: copy.appendingPathComponent(".dockerignore")).count)
        #expect(after.sent.bytes == proposedSends.bytes && after.sent.bytes < 10_000)
        #expect(after.withoutIgnoreFile?.bytes == before.sent.bytes + ignoreSize)
        #expect(after.secrets.findings.isEmpty)
        #expect(after.proposal == nil)
    }
}
