import Foundation
import HullTestSupport
import Testing

/// The seeds' Dockerfiles, linted through the real command on a real project tree.
@Suite("The seeds' Dockerfiles")
struct SeedAcceptanceTests {
    /// The seeds' annotated bad Dockerfile: the seven problems they number.
    static let bad = """
        FROM node:latest
        WORKDIR /app
        COPY . .
        RUN npm install
        EXPOSE 3000
        CMD node src/index.js

        """

    func project(dockerfile: String, name: String = "Dockerfile", extra: [String: String] = [:]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-seed-\(UUID().uuidString)")
        var files = [
            name: dockerfile,
            "package.json": "{\"name\": \"app\", \"version\": \"1.0.0\"}\n",
            "package-lock.json": "{\"name\": \"app\", \"lockfileVersion\": 3}\n",
            "src/index.js": "console.log('hi')\n",
            ".env": "DATABASE_URL=postgres://admin:not-a-real-password@db.invalid/app\n",
            "node_modules/left-pad/index.js": "module.exports = 1\n",
        ]
        files.merge(extra) { _, new in new }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func findings(_ folder: URL, _ name: String = "Dockerfile") throws -> [(code: String, line: Int, severity: String)] {
        let run = try HullExecutable.run(["lint", "--isolated", "--no-shellcheck", "--format", "json", name], directory: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any], "\(run.stderr)")
        let files = try #require((json["files"] ?? json["artifacts"]) as? [[String: Any]])
        return files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }.map { diagnostic in
            let range = (diagnostic["location"] as? [String: Any])?["range"] as? [String: Any]
            let start = range?["start"] as? [String: Any] ?? [:]
            return (diagnostic["code"] as? String ?? "", start["line"] as? Int ?? 0, diagnostic["severity"] as? String ?? "")
        }
    }

    @Test("each of the seven annotated problems is reported at its line by a distinct rule")
    func sevenProblems() throws {
        let folder = try project(dockerfile: Self.bad)
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try findings(folder)
        let expected: [(problem: String, code: String, line: Int)] = [
            ("1 full image", "DF004", 1),
            ("2 floating tag", "DF003", 1),
            ("3 COPY . . above the install", "LC001", 3),
            ("4 npm install, not npm ci", "SH001", 4),
            ("5 runs as root", "DF005", 1),
            ("6 no .dockerignore", "CX001", 3),
            ("7 shell-form CMD", "DF006", 6),
        ]
        for item in expected {
            #expect(found.contains { $0.code == item.code && $0.line == item.line }, "problem \(item.problem): \(item.code) at line \(item.line) in \(found)")
        }
        #expect(Set(expected.map(\.code)).count == 7)
    }

    @Test("the seeds' final optimised Dockerfile has nothing above info")
    func optimised() throws {
        let good = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("examples/node-app/Dockerfile.good"), encoding: .utf8)
        let folder = try project(dockerfile: good, extra: [".dockerignore": "node_modules\n.git\n.env\n.env.*\ncoverage\n*.md\n*.log\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try findings(folder)
        #expect(found.allSatisfy { $0.severity == "info" || $0.severity == "style" }, "\(found)")
    }
}
