import ArgumentParser
import Hull

@main
struct HullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hull",
        abstract: "Make Dockerfiles and container images lean, cached and hardened.",
        discussion: """
        Hull reads Dockerfiles exactly as BuildKit does and reports what makes builds slow,
        images large and containers unsafe — with exact positions and fixes.

        Examples:
          hull parse Dockerfile                 show how BuildKit reads a Dockerfile
          hull parse --format json Dockerfile   the same, as JSON with exact ranges
        """,
        version: HullVersion.current,
        subcommands: [ParseCommand.self]
    )
}
