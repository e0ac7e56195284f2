import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A package-manager step that downloads everything again whenever it re-runs.
public struct PackageInstallWithoutCacheMountRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "LC004", name: "package-install-without-cache-mount",
        summary: "A package-manager step has no `RUN --mount=type=cache`, so every re-run downloads everything again.",
        rationale: """
        When a dependency step misses the layer cache — the lockfile changed, a build arg above it changed, \
        the base image moved — BuildKit runs it from scratch, and the package manager downloads every package \
        again. A cache mount (`RUN --mount=type=cache,target=/root/.npm npm ci`) keeps the package manager's \
        own download cache on the builder between builds, outside the image: a re-run fetches only what is \
        new, and nothing of the cache lands in a layer. The rule knows npm (`~/.npm`), pip \
        (`~/.cache/pip`), apt (`/var/cache/apt` and `/var/lib/apt`, with `sharing=locked`; Debian's images \
        also need `/etc/apt/apt.conf.d/docker-clean` removed), Go (`/go/pkg/mod` and `~/.cache/go-build`), \
        Cargo (`/usr/local/cargo/registry`), Maven (`~/.m2`) and Gradle (`~/.gradle`). A RUN that already has \
        a cache mount for the tool is fine. This is advice for faster rebuilds, not a defect: the finding is \
        information, and the rule is opt-in (`--extend-select LC004`).
        """,
        category: .cache, defaultSeverity: .info, enabledByDefault: false,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n"),
            .passing("FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n"),
            .passing("FROM debian:12\nRUN apt-get update\n"),
            .passing("FROM node:20-alpine\nRUN npm run build\n"),
            .failing("FROM node:20-alpine\nCOPY package*.json ./\nRUN ⟦npm ci⟧\n"),
            .failing("FROM python:3.12-slim\nRUN ⟦pip install⟧ -r requirements.txt\n"),
            .failing("FROM debian:12\nRUN apt-get update && ⟦apt-get install⟧ -y --no-install-recommends curl\n"),
            .failing("FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN ⟦mvn⟧ -B package\n"),
            .failing("FROM rust:1.80\nCOPY . .\nRUN ⟦cargo build⟧ --release\n"),
        ])

    /// One package manager: the commands that download, where its cache lives, and words a
    /// cache-mount target for it contains.
    struct Manager {
        let name: String
        let target: String
        let markers: [String]
    }

    static let npm = Manager(name: "npm", target: "/root/.npm", markers: [".npm", "npm"])
    static let pip = Manager(name: "pip", target: "/root/.cache/pip", markers: ["pip", "/root/.cache", "~/.cache"])
    static let apt = Manager(name: "apt", target: "/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked", markers: ["/var/cache/apt", "/var/lib/apt"])
    static let go = Manager(name: "Go", target: "/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build", markers: ["pkg/mod", "go-build"])
    static let cargo = Manager(name: "Cargo", target: "/usr/local/cargo/registry", markers: ["cargo"])
    static let maven = Manager(name: "Maven", target: "/root/.m2", markers: [".m2"])
    static let gradle = Manager(name: "Gradle", target: "/root/.gradle", markers: ["gradle"])

    /// The manager whose download step `invocation` is, if any.
    static func manager(of invocation: CommandInvocation) -> Manager? {
        let subcommand = invocation.subcommand ?? Self.firstOperand(of: invocation)?.literal ?? ""
        switch invocation.tool ?? invocation.name {
        case "npm": return ["ci", "install", "i", "add"].contains(subcommand) ? npm : nil
        case "pip", "pip3": return subcommand == "install" ? pip : nil
        case "apt-get", "apt": return ["install", "upgrade", "dist-upgrade", "full-upgrade"].contains(subcommand) ? apt : nil
        case "go": return ["build", "install", "test", "mod", "generate", "get"].contains(subcommand) ? go : nil
        case "cargo": return ["build", "fetch", "install", "test", "run"].contains(subcommand) ? cargo : nil
        case "mvn", "mvnw", "./mvnw": return maven
        case "gradle", "gradlew", "./gradlew": return gradle
        default: return nil
        }
    }

    /// The first operand of a command, for tools Hull has no option grammar for.
    static func firstOperand(of invocation: CommandInvocation) -> ShellWord? {
        invocation.operands.first
    }

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input) {
            let targets = run.run.mounts.filter { $0.kind == .cache }.compactMap(\.target)
            var reported: Set<String> = []
            for command in run.commands {
                guard let invocation = command.invocation, let manager = Self.manager(of: invocation) else { continue }
                if invocation.tool == "go", invocation.subcommand == "mod", invocation.subcommandPath.dropFirst().first != "download" { continue }
                guard !targets.contains(where: { target in manager.markers.contains { target.contains($0) } }),
                      reported.insert(manager.name).inserted else { continue }
                // Tools without a grammar (cargo) have no parsed subcommand: show their first operand.
                let operand = invocation.subcommands.isEmpty && manager.name == "Cargo" ? Self.firstOperand(of: invocation) : nil
                let text = operand.map { "\(invocation.name) \($0.literal ?? $0.raw)" } ?? ShellEdits.commandText(invocation)
                let range = operand.map { ShellEdits.range(of: invocation, through: $0) } ?? ShellEdits.commandRange(invocation)
                sink.report(range,
                            "`\(text)` downloads everything again whenever this step re-runs; keep \(manager.name)'s cache between builds with `RUN --mount=type=cache,target=\(manager.target)`")
            }
        }
    }
}
