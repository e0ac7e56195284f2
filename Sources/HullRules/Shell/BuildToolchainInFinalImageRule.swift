import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Compilers, build systems and headers installed into the image that ships.
public struct BuildToolchainInFinalImageRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH011", name: "build-toolchain-in-final-image",
        summary: "Compilers, build systems or development headers are installed in a stage that reaches the final image.",
        rationale: """
        `build-essential`, `gcc`, `make`, `*-dev` headers, `golang`, `maven` or `cargo` are needed to build \
        software, not to run it. Left in the image they add hundreds of megabytes and hand anyone who gets a \
        shell in the container a compiler. Build in a separate stage and `COPY --from` only the result, or, \
        when a native extension must be compiled in place, remove the toolchain in the same RUN: \
        `apk add --virtual .build-deps … && … && apk del .build-deps`, `apt-get purge --auto-remove` of the \
        packages, or the official images' `apt-mark auto '.*'` followed by `apt-get purge --auto-remove`. \
        Removing it in a later RUN does not shrink the image. Only the target stage and the stages it is \
        built `FROM` are judged. The rule is info, not warning: CI runners, development containers and base \
        images legitimately ship toolchains, so this is advice rather than a defect.
        """,
        category: .size, defaultSeverity: .info,
        examples: [
            .passing("FROM golang:1.22 AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n"),
            .passing("FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir psycopg2==2.9.9 \\\n && apk del .build-deps\n"),
            .passing("FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev libpq5 \\\n && pip install psycopg2 \\\n && apt-get purge -y --auto-remove gcc libpq-dev \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM debian:12\nRUN set -eux; savedAptMark=\"$(apt-mark showmanual)\"; \\\n    apt-get update; apt-get install -y --no-install-recommends gcc make; \\\n    make -C /usr/src/app install; \\\n    apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\\n    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\\n    rm -rf /var/lib/apt/lists/*\n"),
            .failing("FROM python:3.12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends ⟦build-essential⟧ python3-dev libpq5 \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .failing("FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps ⟦gcc⟧ musl-dev && pip install psycopg2\nRUN apk del .build-deps\n"),
            .failing("FROM alpine:3.20\nRUN apk add --no-cache ⟦--virtual .build-deps⟧ curl tar\n"),
            .failing("FROM rockylinux:9 AS base\nRUN dnf install -y ⟦gcc-c++⟧ && dnf clean all\nFROM base\nCMD [\"/bin/app\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            let commands = run.commands
            for (position, command) in commands.enumerated() {
                guard let invocation = command.invocation, let family = PackageManagerFamily(invocation), family.isInstall(invocation) else { continue }
                let removals = commands[(position + 1)...].compactMap(\.invocation).filter { PackageManagerFamily($0) == family && family.isRemoval($0) }
                if removals.contains(where: \.hasDynamicArguments) { continue }
                if family == .apt, Self.autoRemovesInstalls(commands[(position + 1)...]) { continue }
                let removed = Set(removals.flatMap { $0.operandValues })
                let virtual = family == .apk ? invocation.options(named: "--virtual").last : nil
                let virtualName = virtual?.value
                let virtualKept = virtualName.map { !removed.contains($0) } ?? false
                if virtualName != nil && !virtualKept { continue }
                let toolchain = invocation.packages.filter { !$0.isLocation && PackageManagerToolchain.isToolchain($0.name) && !removed.contains($0.name) }
                if let first = toolchain.first {
                    let names = toolchain.prefix(3).map { "`\($0.name)`" }.joined(separator: ", ") + (toolchain.count > 3 ? " and \(toolchain.count - 3) more" : "")
                    let group = virtualKept ? " (the virtual package `\(virtualName!)` is never deleted in this RUN)" : ""
                    sink.report(first.nameFileRange, "\(names) stay\(toolchain.count == 1 ? "s" : "") in the final image\(group); build in a separate stage and copy only the result")
                } else if let virtual, let name = virtualName, virtualKept, name.lowercased().contains("build") {
                    sink.report(virtual.fileRange, "`\(name)` is never deleted in this RUN, so its build packages stay in the final image")
                }
            }
        }
    }

    /// Whether the commands mark packages as automatically installed (`apt-mark auto '.*'`)
    /// and then remove what nothing depends on (`apt-get purge --auto-remove`, `autoremove`):
    /// the official images' way to drop everything a RUN installed for a build.
    static func autoRemovesInstalls(_ commands: ArraySlice<SimpleCommand>) -> Bool {
        guard let mark = commands.firstIndex(where: { $0.isCommand("apt-mark") && $0.invocation?.operandValues.first == "auto" }) else { return false }
        return commands[mark...].contains { command in
            guard let invocation = command.invocation, PackageManagerFamily(invocation) == .apt else { return false }
            return ["autoremove", "autopurge"].contains(invocation.subcommand ?? "")
                || (PackageManagerFamily.apt.isRemoval(invocation) && invocation.has(option: "--auto-remove"))
        }
    }
}
