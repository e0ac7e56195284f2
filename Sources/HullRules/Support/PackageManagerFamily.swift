import HullShell

/// The operating-system package managers, grouped by the tools that share an index.
enum PackageManagerFamily: String, Sendable, Hashable, CaseIterable {
    /// `apt-get` and `apt`.
    case apt
    /// `apk`.
    case apk
    /// `yum`, `dnf`, `microdnf` and `tdnf`.
    case yum
    /// `zypper`.
    case zypper

    /// The family of an invocation's tool, if it is an OS package manager.
    init?(_ invocation: CommandInvocation) {
        switch invocation.tool {
        case "apt-get", "apt": self = .apt
        case "apk": self = .apk
        case "yum", "dnf", "microdnf": self = .yum
        case "zypper": self = .zypper
        default: return nil
        }
    }

    /// Whether the invocation only refreshes the package index (`apt-get update`,
    /// `apk update`, `yum makecache`, `zypper refresh`).
    func isIndexUpdate(_ invocation: CommandInvocation) -> Bool {
        guard let subcommand = invocation.subcommand else { return false }
        switch self {
        case .apt, .apk: return subcommand == "update"
        case .yum: return subcommand == "makecache" || subcommand == "check-update"
        case .zypper: return subcommand == "refresh"
        }
    }

    /// Whether the invocation installs or upgrades packages, reading the index.
    func isInstall(_ invocation: CommandInvocation) -> Bool {
        guard let subcommand = invocation.subcommand else { return false }
        switch self {
        case .apt:
            return ["install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall", "build-dep", "source", "download", "satisfy"].contains(subcommand)
        case .apk:
            return ["add", "upgrade", "fix", "fetch"].contains(subcommand)
        case .yum:
            if ["group", "module"].contains(subcommand) { return invocation.subcommandPath.dropFirst().first == "install" }
            return ["install", "reinstall", "update", "upgrade", "update-minimal", "downgrade", "distro-sync", "groupinstall", "builddep", "swap"].contains(subcommand)
        case .zypper:
            return ["install", "update", "dist-upgrade", "patch", "source-install", "install-new-recommends"].contains(subcommand)
        }
    }

    /// Whether the invocation removes packages.
    func isRemoval(_ invocation: CommandInvocation) -> Bool {
        guard let subcommand = invocation.subcommand else { return false }
        switch self {
        case .apt: return ["remove", "purge", "autoremove", "autopurge"].contains(subcommand)
        case .apk: return subcommand == "del"
        case .yum:
            if subcommand == "group" { return invocation.subcommandPath.dropFirst().first == "remove" }
            return ["remove", "autoremove", "groupremove"].contains(subcommand)
        case .zypper: return subcommand == "remove"
        }
    }

    /// The cache the family's installs and updates fill.
    var cache: PackageManagerCache {
        switch self {
        case .apt: .aptLists
        case .apk: .apk
        case .yum: .yum
        case .zypper: .zypper
        }
    }

    /// Whether an `apk` invocation refreshes the index as part of an install (`apk add -U`).
    static func apkUpdatesIndex(_ invocation: CommandInvocation) -> Bool {
        invocation.tool == "apk" && invocation.has(option: "-U")
    }
}

extension PackageManagerFamily {
    /// Whether hadolint's package-manager rules look at a command: they know `apt-get` (not
    /// `apt`), `apk`, `yum`, `dnf` and `microdnf` (as dnf) and `zypper`, by the command's name,
    /// so `tdnf`, `dnf5` and `dnf-3`, which Hull reads with dnf's grammar, are Hull's alone.
    static func hadolintChecks(tool: String, name: String) -> Bool {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        return tool == "dnf" ? base == "dnf" : tool != "apt"
    }
}
