import Testing
@testable import HullContext

@Suite("Which ignore file applies")
struct IgnoreFileLocationTests {
    @Test("the context root's .dockerignore applies by default")
    func rootFile() throws {
        let tree = try TemporaryTree()
        try tree.file("Dockerfile", "FROM scratch\n")
        try tree.file(".dockerignore", "x\n")
        let choice = IgnoreFile.applicable(contextDirectory: tree.root)
        #expect(choice.source == .contextRoot)
        #expect(choice.path == tree.path(".dockerignore"))
        #expect(choice.dockerfile == tree.path("Dockerfile"))
    }

    @Test("<Dockerfile-name>.dockerignore beside the Dockerfile replaces the root file")
    func specificReplacesRoot() throws {
        let tree = try TemporaryTree()
        try tree.file("build/app.Dockerfile", "FROM scratch\n")
        try tree.file("build/app.Dockerfile.dockerignore", "y\n")
        try tree.file(".dockerignore", "x\n")
        let choice = IgnoreFile.applicable(contextDirectory: tree.root, dockerfile: tree.path("build/app.Dockerfile"))
        #expect(choice.source == .dockerfileSpecific)
        #expect(choice.path == tree.path("build/app.Dockerfile.dockerignore"))
        #expect(choice.replacedRootIgnoreFile == tree.path(".dockerignore"))
    }

    @Test("a per-Dockerfile file for another Dockerfile does not apply")
    func otherDockerfile() throws {
        let tree = try TemporaryTree()
        try tree.file("Dockerfile", "FROM scratch\n")
        try tree.file("app.Dockerfile.dockerignore", "y\n")
        #expect(IgnoreFile.applicable(contextDirectory: tree.root).source == .none)
    }

    @Test("a lowercase dockerfile is found for the default name; the ignore file keeps the requested name")
    func lowercaseDockerfile() throws {
        let tree = try TemporaryTree()
        try tree.file("dockerfile", "FROM scratch\n")
        try tree.file("Dockerfile.dockerignore", "y\n")
        let choice = IgnoreFile.applicable(contextDirectory: tree.root)
        #expect(choice.dockerfile == tree.path("dockerfile"))
        #expect(choice.source == .dockerfileSpecific)
        #expect(choice.path == tree.path("Dockerfile.dockerignore"))
        // Only the requested name counts: `dockerfile.dockerignore` is not consulted.
        let other = try TemporaryTree()
        try other.file("dockerfile", "FROM scratch\n")
        try other.file("dockerfile.dockerignore", "y\n")
        #expect(IgnoreFile.applicable(contextDirectory: other.root).source == .none)
    }

    @Test("with no ignore file nothing applies")
    func none() throws {
        let tree = try TemporaryTree()
        try tree.file("Dockerfile", "FROM scratch\n")
        let choice = IgnoreFile.applicable(contextDirectory: tree.root)
        #expect(choice.source == .none && choice.path == nil)
    }
}
