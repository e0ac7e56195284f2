import HullShell

/// Files a package manager leaves on disk that a running container does not need: indexes and
/// downloaded packages.
enum PackageManagerCache: String, CaseIterable, Sendable, Hashable {
    /// apt's package lists, written by `apt-get update`.
    case aptLists
    /// apt's downloaded `.deb` files.
    case aptArchives
    /// apk's index and package cache.
    case apk
    /// pip's HTTP and wheel cache.
    case pip
    /// The yum, dnf and microdnf metadata and package cache.
    case yum
    /// zypper's metadata and package cache.
    case zypper
    /// yarn's package cache.
    case yarn
    /// npm's package cache.
    case npm

    /// The directories holding the cache; `~` stands for any home directory.
    var directories: [String] {
        switch self {
        case .aptLists: ["/var/lib/apt/lists"]
        case .aptArchives: ["/var/cache/apt"]
        case .apk: ["/var/cache/apk", "/etc/apk/cache"]
        case .pip: ["~/.cache/pip"]
        case .yum: ["/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"]
        case .zypper: ["/var/cache/zypp"]
        case .yarn: ["/usr/local/share/.cache/yarn", "~/.cache/yarn", "~/.yarn/berry/cache"]
        case .npm: ["~/.npm"]
        }
    }

    /// What to call it in messages.
    var noun: String {
        switch self {
        case .aptLists: "apt package lists"
        case .aptArchives: "apt package cache"
        case .apk: "apk cache"
        case .pip: "pip cache"
        case .yum: "yum/dnf cache"
        case .zypper: "zypper cache"
        case .yarn: "yarn cache"
        case .npm: "npm cache"
        }
    }

    /// The caches a path (as written in `rm` or a mount target) holds entirely: those whose
    /// directory is the path or lies below it. `/var/lib/apt/lists/*`, `/var/lib/apt` and
    /// `"$HOME"/.cache` all count.
    static func covered(by path: String) -> Set<PackageManagerCache> {
        guard let normalized = normalize(path) else { return [] }
        return Set(allCases.filter { cache in
            cache.directories.contains { $0 == normalized || $0.hasPrefix(normalized + "/") }
        })
    }

    /// A path with quotes removed, home spelled `~`, and a trailing `/`, `/*` or `/.*` dropped;
    /// nil for paths that are not absolute or home-relative.
    static func normalize(_ written: String) -> String? {
        var path = written.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "'", with: "")
        for home in ["${HOME}", "$HOME", "/root"] where path == home || path.hasPrefix(home + "/") {
            path = "~" + path.dropFirst(home.count)
        }
        if path.hasPrefix("/home/") {
            let rest = path.dropFirst("/home/".count)
            path = "~" + (rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "")
        }
        while path.count > 1 {
            if path.hasSuffix("/*") || path.hasSuffix("/.*") {
                path = String(path[..<path.lastIndex(of: "/")!])
            } else if path.hasSuffix("/") {
                path.removeLast()
            } else {
                break
            }
        }
        guard path.hasPrefix("/") || path == "~" || path.hasPrefix("~/"), path != "/" else { return nil }
        return path
    }

    /// The caches `command` removes: `rm` of a cache directory or a parent of it, or the
    /// package manager's own clean command (`apt-get clean`, `apk cache clean`,
    /// `pip cache purge`, `yum clean all`, `zypper clean`, `yarn cache clean`, `npm cache clean`).
    static func cleaned(by command: SimpleCommand) -> Set<PackageManagerCache> {
        guard let invocation = command.invocation else { return [] }
        let path = invocation.subcommandPath
        switch invocation.tool ?? invocation.name {
        case "rm":
            return invocation.operands.reduce(into: []) { result, operand in result.formUnion(covered(by: operand.literal ?? operand.raw)) }
        case "apt-get", "apt":
            switch invocation.subcommand {
            case "clean", "autoclean": return [.aptArchives]
            case "distclean", "dist-clean": return [.aptArchives, .aptLists]
            default: return []
            }
        case "apk":
            return path.first == "cache" && ["clean", "purge"].contains(path.dropFirst().first ?? "") ? [.apk] : []
        case "pip":
            return path.first == "cache" && ["purge", "remove"].contains(path.dropFirst().first ?? "") ? [.pip] : []
        case "yum", "dnf", "microdnf":
            return invocation.subcommand == "clean" && invocation.operandValues.contains("all") ? [.yum] : []
        case "zypper":
            return invocation.subcommand == "clean" ? [.zypper] : []
        case "yarn":
            return path.first == "cache" && path.dropFirst().first == "clean" ? [.yarn] : []
        case "npm":
            return path.first == "cache" && path.dropFirst().first == "clean" ? [.npm] : []
        default:
            return []
        }
    }

    /// The caches `command` fills: apt's lists (`update`) and archives (installs), apk's cache
    /// (without `--no-cache`), pip's (without `--no-cache-dir`), the yum and zypper caches,
    /// yarn's and npm's.
    static func produced(by command: SimpleCommand) -> Set<PackageManagerCache> {
        guard let invocation = command.invocation else { return [] }
        if let family = PackageManagerFamily(invocation) {
            switch family {
            case .apt:
                if family.isIndexUpdate(invocation) { return [.aptLists] }
                return family.isInstall(invocation) ? [.aptArchives] : []
            case .apk:
                guard !invocation.has(option: "--no-cache", "--no-network") else { return [] }
                return family.isIndexUpdate(invocation) || family.isInstall(invocation) ? [.apk] : []
            case .yum, .zypper:
                return family.isIndexUpdate(invocation) || family.isInstall(invocation) ? [family.cache] : []
            }
        }
        switch invocation.tool {
        case "pip":
            return invocation.subcommand == "install" && !invocation.has(option: "--no-cache-dir") ? [.pip] : []
        case "yarn":
            return PackageManagerInvocation.isYarnInstall(invocation) || invocation.subcommand == "add" ? [.yarn] : []
        case "npm":
            return ["install", "ci"].contains(invocation.subcommand ?? "") ? [.npm] : []
        default:
            return []
        }
    }

    /// The caches that the cache and tmpfs mounts of a RUN keep out of its layer.
    static func mounted(_ run: ShellRun) -> Set<PackageManagerCache> {
        run.volatileMountTargets.reduce(into: []) { result, target in result.formUnion(covered(by: target)) }
    }

    /// Where in `commands` the last command cleaning this cache is, if any.
    func lastCleanup(in commands: [SimpleCommand]) -> Int? {
        commands.lastIndex { Self.cleaned(by: $0).contains(self) }
    }
}
