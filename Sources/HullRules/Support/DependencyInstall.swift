import HullShell

/// A dependency install that needs only its ecosystem's manifests, not the project's source:
/// `npm ci`, `pip install -r requirements.txt`, `bundle install`, `go mod download` …
struct DependencyInstall {
    /// The ecosystem.
    let ecosystem: DependencyEcosystem
    /// The command.
    let command: SimpleCommand
    /// The command as written for messages (`npm ci`, `mvn dependency:go-offline`).
    let text: String
    /// For pip: the requirement and constraint files named with `-r`/`-c`; nil when one of them
    /// is only known at run time.
    let requirementFiles: [String]?

    /// The install `command` runs, if it is one.
    init?(_ command: SimpleCommand) {
        guard let invocation = command.invocation else { return nil }
        let operands = invocation.operands.map { $0.literal ?? "" }
        let name = invocation.tool ?? invocation.name
        func named(_ ecosystem: DependencyEcosystem, _ words: String..., files: [String]? = []) -> Self {
            Self(ecosystem: ecosystem, command: command, text: ([invocation.name] + words).joined(separator: " "), requirementFiles: files)
        }
        let global = invocation.has(option: "-g", "--global")
        switch name {
        case "npm":
            if invocation.subcommand == "ci" { self = named(.npm, "ci"); return }
            guard invocation.subcommand == "install", operands.isEmpty, !global, !invocation.hasDynamicArguments else { return nil }
            self = named(.npm, invocation.subcommands.first?.word.literal ?? "install")
        case "yarn":
            guard PackageManagerInvocation.isYarnInstall(invocation), operands.isEmpty, !invocation.hasDynamicArguments else { return nil }
            self = invocation.subcommands.isEmpty ? named(.yarn) : named(.yarn, "install")
        case "pnpm":
            guard ["install", "fetch"].contains(invocation.subcommand ?? ""), operands.isEmpty, !global else { return nil }
            self = named(.pnpm, invocation.subcommand!)
        case "pip":
            guard invocation.subcommand == "install", invocation.has(option: "-r") else { return nil }
            let options = invocation.options(named: "-r", "-c")
            let files = options.contains(where: \.isValueDynamic) ? nil : options.compactMap(\.value)
            guard invocation.operands.allSatisfy({ word in
                guard let text = word.literal else { return false }
                return !(text.hasPrefix(".") || text.hasPrefix("/") || text.contains("://") || text.hasPrefix("git+"))
            }) else { return nil }
            self = named(.pip, "install", files: files)
        case "uv":
            if operands.first == "sync" { self = named(.uv, "sync"); return }
            guard operands.starts(with: ["pip", "install"]) else { return nil }
            var files: [String]? = []
            let words = invocation.arguments
            for (index, word) in words.enumerated() {
                guard let text = word.literal else { continue }
                if ["-r", "--requirement", "-c", "--constraint"].contains(text) {
                    if index + 1 < words.count, let value = words[index + 1].literal { files?.append(value) } else { files = nil }
                } else if let equals = text.firstIndex(of: "="), ["--requirement", "--constraint"].contains(String(text[..<equals])) {
                    files?.append(String(text[text.index(after: equals)...]))
                }
            }
            guard files.map({ !$0.isEmpty }) ?? true else { return nil }
            self = named(.pip, "pip", "install", files: files)
        case "poetry":
            guard ["install", "sync"].contains(operands.first ?? "") else { return nil }
            self = named(.poetry, operands[0])
        case "pipenv":
            guard ["install", "sync"].contains(operands.first ?? ""), operands.count == 1 else { return nil }
            self = named(.pipenv, operands[0])
        case "bundle", "bundler":
            guard operands.isEmpty || operands.first == "install" else { return nil }
            self = named(.bundler, "install")
        case "go":
            guard invocation.subcommandPath == ["mod", "download"] else { return nil }
            self = named(.go, "mod", "download")
        case "cargo":
            guard operands.first == "fetch" else { return nil }
            self = named(.cargo, "fetch")
        case "composer":
            guard operands.first == "install" else { return nil }
            self = named(.composer, "install")
        case "mvn", "mvnw":
            guard let goal = operands.first(where: { $0.hasPrefix("dependency:go-offline") || $0.hasPrefix("dependency:resolve") || $0.hasSuffix(":go-offline") }) else { return nil }
            self = named(.maven, goal)
        case "gradle", "gradlew":
            guard operands.contains("dependencies") else { return nil }
            self = named(.gradle, "dependencies")
        default:
            return nil
        }
    }

    private init(ecosystem: DependencyEcosystem, command: SimpleCommand, text: String, requirementFiles: [String]?) {
        self.ecosystem = ecosystem
        self.command = command
        self.text = text
        self.requirementFiles = requirementFiles
    }

    /// Whether `command` can run before the project's source is copied: a dependency install,
    /// a cache clean-up, an install of named registry packages or tools, package-manager
    /// configuration, or a shell builtin that touches no project file.
    static func needsNoSource(_ command: SimpleCommand) -> Bool {
        if command.isAssignmentOnly { return true }
        guard let invocation = command.invocation else { return false }
        if Self(command) != nil || !PackageManagerCache.cleaned(by: command).isEmpty { return true }
        let name = invocation.tool ?? invocation.name
        if ["cd", "mkdir", "echo", "true", ":", "set", "export", "printf", "corepack"].contains(name) { return true }
        if invocation.hasDynamicArguments { return false }
        if let family = PackageManagerFamily(invocation) {
            return family.isIndexUpdate(invocation) || (family.isInstall(invocation) && invocation.packages.allSatisfy { !$0.isLocation })
        }
        if ["npm", "yarn", "pnpm", "bundle", "pip", "poetry", "composer"].contains(name), ["config", "set"].contains(invocation.subcommand ?? invocation.operandValues.first ?? "") {
            return true
        }
        if ["npm", "yarn", "pnpm", "pip", "gem"].contains(name) {
            let packages = invocation.packages
            return !packages.isEmpty && packages.count == invocation.operands.count && packages.allSatisfy { !$0.isLocation }
        }
        return false
    }
}
