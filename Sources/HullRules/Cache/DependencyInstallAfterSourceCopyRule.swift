import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A broad COPY of the source before a dependency install that needs only the manifests.
public struct DependencyInstallAfterSourceCopyRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "LC001", name: "dependency-install-after-source-copy",
        summary: "The source is copied before a dependency install that only needs the manifests, so every code change re-runs the install.",
        rationale: """
        BuildKit reuses a layer only while every instruction before it is unchanged, and a COPY changes \
        whenever any file it copies does. With `COPY . .` above `RUN npm ci`, editing one line of source \
        invalidates the install, and every build downloads and builds all dependencies again. Copy the \
        manifests first (`COPY package*.json ./`), install, then copy the rest: the install stays cached until \
        the dependencies themselves change. The rule knows npm, Yarn and pnpm, `pip install -r`, Poetry, uv, \
        Pipenv, Bundler, `go mod download`, `cargo fetch`, Composer, `mvn dependency:go-offline` and \
        `gradle dependencies`; `pip install .`, `go build` or `cargo build` need the source and are not \
        dependency-only installs. A COPY of manifests only, a COPY after the install, and installs that read \
        their manifests through `RUN --mount=type=bind` before any broad COPY are fine, and so is a second \
        install of an ecosystem whose dependencies were installed before the broad COPY (uv's and Poetry's \
        two-step pattern, where the second step only installs the project). No peer checks this.
        """,
        category: .cache, defaultSeverity: .warning,
        fixAvailability: .unsafe,
        fixNote: """
        The fix changes the build order: it replaces the broad COPY with a COPY of the manifests the build \
        context holds (the ecosystem's usual names when the context is unknown) and moves the broad COPY \
        after the install. A build whose install also reads other files (a workspace's nested \
        `package.json` files, a `postinstall` script, a `Gemfile` that says `gemspec`, `poetry install` \
        without `--no-root`, `uv sync` without `--no-install-project`) fails until those are copied too. The fix is only offered when the broad COPY \
        copies the whole context, nothing but ENV, ARG, LABEL, EXPOSE, USER (or WORKDIR, when the COPY's \
        destination is absolute) stands between it and the install, and the install's RUN needs no source.
        """,
        examples: [
            .passing("FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD [\"node\", \"src/index.js\"]\n"),
            .passing("FROM node:20-alpine\nWORKDIR /app\nRUN --mount=type=bind,source=package.json,target=package.json \\\n    --mount=type=bind,source=package-lock.json,target=package-lock.json \\\n    npm ci\nCOPY . .\nRUN npm run build\n"),
            .passing("FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN pip install --no-cache-dir . && go build ./...\n"),
            .passing("FROM python:3.12-slim\nRUN --mount=type=bind,source=uv.lock,target=uv.lock \\\n    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n    uv sync --frozen --no-install-project\nCOPY . /app\nRUN uv sync --frozen\n"),
            .failing("FROM node:20\nWORKDIR /app\nCOPY ⟦.⟧ .\nRUN npm install\nEXPOSE 3000\nCMD node src/index.js\n"),
            .failing("FROM python:3.12-slim\nWORKDIR /app\nCOPY ⟦src/⟧ ./src/\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"),
            .failing("FROM golang:1.22 AS build\nWORKDIR /src\nADD ⟦.⟧ /src\nRUN go mod download && go build -o /out/app .\n"),
            .failing("FROM ruby:3.3\nCOPY ⟦app⟧ /app/app\nCOPY Gemfile Gemfile.lock /app/\nWORKDIR /app\nRUN bundle install\n", files: ["app/models/user.rb", "Gemfile", "Gemfile.lock"]),
            .fix("FROM node:20-alpine\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN npm ci --omit=dev\nCMD [\"node\", \"src/index.js\"]\n",
                 to: "FROM node:20-alpine\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\nCMD [\"node\", \"src/index.js\"]\n",
                 .unsafe, files: ["package.json", "package-lock.json", "src/index.js"]),
            .fix("FROM node:18 AS build\nCOPY . /app\nWORKDIR /app\nRUN npm ci --omit=dev\nRUN npm run build\n",
                 to: "FROM node:18 AS build\nCOPY package*.json /app/\nWORKDIR /app\nRUN npm ci --omit=dev\nCOPY . /app\nRUN npm run build\n",
                 .unsafe),
            .fix("FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\nENV PATH=/app/bin:$PATH\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main\n",
                 to: "FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml poetry.lock /app/\nENV PATH=/app/bin:$PATH\nRUN pip install --no-cache-dir poetry==1.8.3 && poetry install --no-root --only main\nCOPY . /app\n",
                 .unsafe),
            .fix("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nCOPY . .\nRUN yarn install --frozen-lockfile",
                 to: "FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .",
                 .unsafe, files: ["package.json", "yarn.lock"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            var broad: [(instruction: Instruction, word: Word)] = []
            var installed: Set<DependencyEcosystem> = []
            for instruction in input.dockerfile.instructions(in: stage).dropFirst() {
                let sources = DependencySource.contextSources(of: instruction)
                if let word = sources.first(where: { DependencySource($0.text, context: input.context).isBroad }) {
                    broad.append((instruction, word))
                    continue
                }
                guard case .run(let payload) = instruction.payload, let scripts = input.scripts(at: instruction.index) else { continue }
                let installs = scripts.commands.compactMap(DependencyInstall.init)
                // A second install of an ecosystem already installed above is the cheap project step of the
                // recommended two-step pattern (`uv sync --no-install-project`, then `uv sync` after the COPY).
                let first = installs.first { !installed.contains($0.ecosystem) }
                installed.formUnion(installs.map(\.ecosystem))
                guard !broad.isEmpty, let install = first else { continue }
                let run = ShellRun(instruction: instruction, run: payload, scripts: scripts)
                for (copy, word) in broad {
                    let fix = Self.fix(moving: copy, after: run, install: install, in: input)
                    sink.report(word.range, "`\(word.text)` is copied before the dependency install: every source change re-runs `\(install.text)` (line \(instruction.line))", fix: fix)
                }
                broad = []
            }
        }
    }

    /// Replaces the broad COPY with a COPY of the manifests and moves it after the install's RUN.
    static func fix(moving copy: Instruction, after run: ShellRun, install: DependencyInstall, in input: AnalyzedDockerfile) -> Fix? {
        let source = input.source
        guard case .copy(let payload) = copy.payload, payload.sources.count == 1, payload.heredocs.isEmpty,
              copy.syntax.innerComments.isEmpty, let destination = payload.destination?.text,
              DependencySource(payload.sources[0].text, context: input.context) == .wholeContext,
              payload.sources[0].text != "*",
              input.instructions[(copy.index + 1)..<run.instruction.index].allSatisfy({ between in
                  [.env, .arg, .label, .expose, .user].contains(between.kind) || (between.kind == .workdir && destination.hasPrefix("/"))
              }),
              run.commands.allSatisfy(DependencyInstall.needsNoSource)
        else { return nil }
        let copied = source.text(copy.syntax.linesRange)
        let copiedBytes = Array(copied.utf8)
        guard copiedBytes.last == UInt8(ascii: "\n") else { return nil }
        let lineEnding = copiedBytes.dropLast().last == UInt8(ascii: "\r") ? "\r\n" : "\n"

        var replacement = ""
        var manifests: [String] = []
        if !Self.manifestsAlreadyThere(for: install, before: copy, run: run, in: input) {
            guard let (files, folders) = Self.manifests(for: install, context: input.context) else { return nil }
            manifests = files + folders
            let indent = source.text(TextRange(start: copy.syntax.linesRange.start, end: copy.syntax.keywordRange.start))
            let flags = copy.syntax.flags.filter { ["chown", "chmod", "link"].contains($0.name) }.map { source.text($0.range) + " " }.joined()
            let folderDestination = destination.hasSuffix("/") ? destination : destination == "." ? "./" : destination + "/"
            let prefix = indent + copy.syntax.keyword + " " + flags
            if !files.isEmpty { replacement += prefix + files.joined(separator: " ") + " " + folderDestination + lineEnding }
            for folder in folders { replacement += prefix + folder + "/ " + folderDestination + folder + "/" + lineEnding }
        }
        let end = run.instruction.syntax.linesRange.end
        let moved = end > 0 && source.bytes[end - 1] == UInt8(ascii: "\n")
            ? copied
            : lineEnding + String(decoding: copiedBytes.dropLast(lineEnding.utf8.count), as: UTF8.self)
        let title = manifests.isEmpty
            ? "Move this COPY after `\(install.text)`"
            : "Copy \(manifests.map { "`\($0)`" }.joined(separator: ", ")) before `\(install.text)` and the rest after it"
        return Fix(title: title, edits: [Edit(range: copy.syntax.linesRange, replacement: replacement), .insert(moved, at: end)], applicability: .unsafe)
    }

    /// Whether the install already gets its manifests: through a bind mount, or a COPY earlier in
    /// the stage that copies its main manifest.
    static func manifestsAlreadyThere(for install: DependencyInstall, before copy: Instruction, run: ShellRun, in input: AnalyzedDockerfile) -> Bool {
        if run.run.mounts.contains(where: { $0.kind == .bind && $0.from == nil }) { return true }
        let main = install.ecosystem == .pip ? (install.requirementFiles ?? []) : Array(install.ecosystem.manifestFiles.prefix(1))
        guard let stage = copy.stageIndex else { return false }
        return input.dockerfile.instructions(in: input.stages[stage]).contains { instruction in
            instruction.index < copy.index && DependencySource.contextSources(of: instruction).contains { word in
                main.contains { DependencySource.mayInclude(word.text, name: $0, context: input.context) }
            }
        }
    }

    /// The manifest files and folders to copy: those of the ecosystem the context holds (with
    /// pip, the requirement files the command names), else the ecosystem's usual names. Nil when
    /// they cannot be copied to the same place with one COPY (a requirement file in a folder).
    static func manifests(for install: DependencyInstall, context: BuildContextView?) -> (files: [String], folders: [String])? {
        let ecosystem = install.ecosystem
        if ecosystem == .pip {
            guard let files = install.requirementFiles, !files.isEmpty else { return nil }
            let normalized = files.map(BuildContextView.normalize)
            guard normalized.allSatisfy({ !$0.isEmpty && !$0.contains("/") && !$0.contains("$") }), !files.contains(where: { $0.hasPrefix("/") }) else { return nil }
            return (normalized.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, [])
        }
        if let context {
            var files = ecosystem.manifestFiles.filter { context.sentFiles.contains($0) }
            if ecosystem == .bundler { files += context.sentFiles.filter { !$0.contains("/") && $0.hasSuffix(".gemspec") }.sorted() }
            let folders = ecosystem.manifestFolders.filter { context.sends($0) }
            if !files.isEmpty { return (files, folders) }
        }
        return (ecosystem.usualManifests, [])
    }
}
