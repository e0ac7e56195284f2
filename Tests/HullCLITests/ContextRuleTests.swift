import Foundation
import HullTestSupport
import Testing

/// The CX rules through `hull lint`, on contexts built on disk.
@Suite("Context rules in hull lint")
struct ContextRuleTests {
    func lint(_ tree: ContextTree, _ extra: [String] = []) throws -> [String] {
        let run = try HullExecutable.run(["lint", "--isolated", "--select", "CX,DF035", "--format", "json"] + extra + [tree.path("Dockerfile")])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let artifacts = json["artifacts"] as? [[String: Any]] ?? []
        return artifacts.flatMap { ($0["diagnostics"] as? [[String: Any]] ?? []).compactMap { diagnostic -> String? in
            guard let code = diagnostic["code"] as? String else { return nil }
            let range = (diagnostic["location"] as? [String: Any])?["range"] as? [String: Any]
            let line = (range?["start"] as? [String: Any])?["line"] as? Int ?? 0
            return "\(code)@\(line)"
        } }.sorted()
    }

    func nodeProject(_ dockerfile: String) throws -> ContextTree {
        let tree = try ContextTree()
        try tree.file("Dockerfile", dockerfile)
        try tree.file("package.json", "{}\n")
        try tree.file("index.js", "1\n")
        try tree.many("node_modules", count: 30, size: 100)
        try tree.file(".git/HEAD", "ref: refs/heads/main\n")
        try tree.file(".env", "TOKEN=x\n")
        return tree
    }

    @Test("no .dockerignore: CX001 at the COPY that takes node_modules, .git and .env in; CX003 for the secret it copies")
    func missingIgnoreFile() throws {
        let tree = try nodeProject("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n")
        #expect(try lint(tree) == ["CX001@3", "CX003@3"])
    }

    @Test("an ignore file that still sends .git and .env: CX002; a complete one: silence")
    func incompleteIgnoreFile() throws {
        let tree = try nodeProject("FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\n")
        try tree.file(".dockerignore", "node_modules\n")
        #expect(try lint(tree) == ["CX002@3", "CX003@3"])
        try tree.file(".dockerignore", "**/node_modules\n.git\n**/.env\n")
        #expect(try lint(tree) == [])
    }

    @Test("a missing COPY source (CX006), an excluded one (DF035) and an invalid pattern (CX005)")
    func buildFailures() throws {
        let tree = try nodeProject("FROM node:20-alpine\nCOPY package.json index.js ./\nCOPY config.yaml ./\nCOPY .env.local ./\n")
        try tree.file(".env.local", "A=1\n")
        try tree.file(".dockerignore", "node_modules\n.git\n.env*\n[broken\n")
        #expect(try lint(tree) == ["CX005@1", "CX006@3", "DF035@4"])
    }

    @Test("a context above max-files: CX004 with the option from .hull.yaml")
    func largeContext() throws {
        let tree = try nodeProject("FROM node:20-alpine\nCOPY . .\n")
        try tree.file(".dockerignore", "**/node_modules\n.git\n**/.env\n")
        try tree.many("assets", count: 25, size: 50)
        try tree.file(".hull.yaml", "select: [CX004]\nrules:\n  CX004:\n    max-files: 20\n")
        let run = try HullExecutable.run(["lint", "--format", "json", tree.path("Dockerfile")])
        #expect(String(decoding: run.stdout, as: UTF8.self).contains("above `max-files` (20)"))
    }
}
