import HullDockerfile
import HullShell

/// Whether package operands name a version, per ecosystem, judged on the text the package
/// manager receives (after ARG and ENV values are put in).
enum HygienePackages {
    /// How one operand reads.
    enum Verdict: Equatable {
        /// A version (or release, or constraint) is given.
        case pinned
        /// A registry name without a version.
        case unpinned
        /// A file, folder, URL or group rather than a registry name: nothing to pin.
        case notAPackage
    }

    /// A package manager family whose operands can carry versions.
    enum Ecosystem: String {
        case apt, apk, rpm, rpmModule, zypper, pip, npm, gem, go
    }

    static func looksLikePath(_ text: String) -> Bool {
        text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~") || text.contains("://") || text.hasPrefix("file:")
    }

    /// Judges one operand.
    static func verdict(_ text: String, _ ecosystem: Ecosystem) -> Verdict {
        guard !text.isEmpty else { return .notAPackage }
        let lowered = text.lowercased()
        switch ecosystem {
        case .apt:
            if looksLikePath(text) || lowered.hasSuffix(".deb") { return .notAPackage }
            return text.contains("=") || text.contains("/") ? .pinned : .unpinned
        case .apk:
            if looksLikePath(text) || lowered.hasSuffix(".apk") { return .notAPackage }
            return text.contains("=") || text.contains("~") ? .pinned : .unpinned
        case .zypper:
            if looksLikePath(text) || lowered.hasSuffix(".rpm") { return .notAPackage }
            return text.contains(where: { "=<>".contains($0) }) ? .pinned : .unpinned
        case .rpmModule:
            return text.contains(":") ? .pinned : .unpinned
        case .rpm:
            if looksLikePath(text) || lowered.hasSuffix(".rpm") || text.hasPrefix("@") { return .notAPackage }
            return hasRPMVersion(text) ? .pinned : .unpinned
        case .pip:
            return pipVerdict(text)
        case .npm:
            return npmVerdict(text)
        case .gem:
            if looksLikePath(text) || lowered.hasSuffix(".gem") { return .notAPackage }
            return text.contains(":") ? .pinned : .unpinned
        case .go:
            if text.hasPrefix(".") || text.hasPrefix("/") { return .notAPackage }
            // `tool`, `all`, `std`, `cmd/…`: meta-patterns and packages of the standard library or
            // of the main module, whose versions come from the toolchain or go.mod.
            if !text.contains("@"), !(text.split(separator: "/").first?.contains(".") ?? false) { return .notAPackage }
            guard let at = text.lastIndex(of: "@") else { return .unpinned }
            let version = text[text.index(after: at)...]
            return version.isEmpty || ["latest", "upgrade", "patch"].contains(version) ? .unpinned : .pinned
        }
    }

    /// `name-version` or `name-version-release`, where the version starts with a digit (an
    /// epoch such as `1:2.3` included).
    static func hasRPMVersion(_ text: String) -> Bool {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { return false }
        func isVersion(_ field: Substring) -> Bool { field.first?.isNumber ?? false }
        if fields.count >= 3, isVersion(fields[fields.count - 2]), isVersion(fields[fields.count - 1]) { return true }
        return isVersion(fields[fields.count - 1])
    }

    static let vcsPrefixes = ["git+", "hg+", "svn+", "bzr+", "git://"]

    static func pipVerdict(_ text: String) -> Verdict {
        let lowered = text.lowercased()
        if vcsPrefixes.contains(where: lowered.hasPrefix) {
            let path = lowered.split(separator: "#").first.map(String.init) ?? lowered
            let last = path.split(separator: "/").last.map(String.init) ?? path
            return last.contains("@") ? .pinned : .unpinned
        }
        if looksLikePath(text) || [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2"].contains(where: lowered.hasSuffix) { return .notAPackage }
        if text.contains("@") { return .notAPackage }
        if text.contains("/") { return .notAPackage }
        return ["==", ">=", "<=", "~=", "!=", ">", "<"].contains(where: text.contains) ? .pinned : .unpinned
    }

    static func npmVerdict(_ text: String) -> Verdict {
        let lowered = text.lowercased()
        let gitLike = lowered.hasPrefix("git") || lowered.hasPrefix("github:") || lowered.hasPrefix("gitlab:") || lowered.hasPrefix("bitbucket:")
        if gitLike { return text.contains("#") ? .pinned : .unpinned }
        if looksLikePath(text) || lowered.hasPrefix("http") || [".tgz", ".tar.gz", ".tar"].contains(where: lowered.hasSuffix) { return .notAPackage }
        let unscoped = text.hasPrefix("@") ? String(text.drop { $0 != "/" }) : text
        if !text.hasPrefix("@"), text.contains("/") { return text.contains("#") ? .pinned : .unpinned }
        guard let at = unscoped.firstIndex(of: "@") else { return .unpinned }
        let version = unscoped[unscoped.index(after: at)...]
        return version.isEmpty || version == "latest" ? .unpinned : .pinned
    }

    /// The operands that name packages without a version, each with the unpinned names it
    /// gives (a `$PACKAGES` word may give several). Operands only known at run time are skipped,
    /// and so are options a variable passes (`$APT_FLAGS` giving `-qy`).
    static func unpinned(_ operands: [ShellWord], _ ecosystem: Ecosystem, scope: VariableScope) -> [(word: ShellWord, names: [String])] {
        var result: [(word: ShellWord, names: [String])] = []
        for word in operands {
            guard let fields = HygieneVariables.fields(of: word, in: scope) else { continue }
            let names = fields.filter { !$0.hasPrefix("-") && verdict($0, ecosystem) == .unpinned }
            if !names.isEmpty { result.append((word, names)) }
        }
        return result
    }
}
