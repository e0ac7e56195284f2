import ArgumentParser
import Hull

@main
struct HullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hull",
        abstract: "Make Dockerfiles and container images lean, cached and hardened.",
        discussion: """
        Hull reads Dockerfiles exactly as BuildKit does and reports what makes builds slow,
        images large and containers unsafe — with exact positions and fixes.

        With no command in a folder that holds a Dockerfile, `hull` runs `hull check`.

        Examples:
          hull check                            the before/after table for the Dockerfiles here
          hull compare Dockerfile.bad Dockerfile.good
          hull lint                             lint the Dockerfiles under this folder
          hull context                          what `docker build .` sends, and what it should not
          hull ignore --write                   write or improve the .dockerignore
          hull rules                            list every rule
          hull cache --changed src/index.js     what one edited file rebuilds, step by step
          hull parse Dockerfile                 show how BuildKit reads a Dockerfile
          hull parse --format json Dockerfile   the same, as JSON with exact ranges
          hull db update && hull scan rootfs/   known vulnerabilities of the packages in a folder
          hull sbom . --format spdx             a software bill of materials
        """,
        version: HullVersion.current,
        subcommands: [CheckCommand.self, CompareCommand.self, LintCommand.self, FixCommand.self, ContextCommand.self, IgnoreCommand.self, CacheCommand.self, LabCommand.self, ImageCommand.self, ScanCommand.self, SBOMCommand.self, DBCommand.self, RulesCommand.self, RuleCommand.self, ParseCommand.self]
    )

    func run() async throws {
        // Bare `hull` in a project folder is `hull check`; elsewhere it explains itself.
        if !DockerfileDiscovery.dockerfiles(in: ".", depthLimit: 0).isEmpty {
            let check = try CheckCommand.parse([])
            try await check.run()
        } else {
            print(HullCommand.helpMessage())
        }
    }
}
