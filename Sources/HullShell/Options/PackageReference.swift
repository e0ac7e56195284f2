import HullCore

/// A package named on a package manager's command line, split into name and version where
/// the ecosystem's syntax allows: `curl=7.88.1-10` (apt), `musl>1.2` (apk), `flask==3.0`
/// (pip), `@types/node@20` (npm), `rails:7.1` (gem), `golang.org/x/tools@v0.1` (go).
public struct PackageReference: Sendable {
    /// A package-reference syntax.
    public enum Syntax: String, Sendable, Hashable {
        /// Debian: `name[:arch][=version]` or `name/release`.
        case apt
        /// Alpine: `name[=~<>]version` or `name@repository-tag`.
        case apk
        /// RPM (yum, dnf, microdnf): `name-version[-release]`; the split is heuristic (a
        /// version is one or two `-`-separated fields that start with a digit).
        case rpm
        /// zypper: `name[=<>]version`.
        case zypper
        /// Python (PEP 508): `name[extras](==|>=|~=|…)version`.
        case pip
        /// npm, yarn, pnpm: `[@scope/]name@version-or-tag`.
        case npm
        /// RubyGems: `name:version`.
        case gem
        /// Go modules: `path@version`.
        case go
    }

    /// The word holding the reference.
    public let word: ShellWord
    /// The package name (with an apt architecture qualifier or pip extras removed).
    public let name: String
    /// The version or version constraint, or the apt release after `/`; nil when unpinned.
    public let version: String?
    /// What separates name and version (`=`, `==`, `>=`, `@`, `:`, `/`, `-`), when pinned.
    public let separator: String?
    /// Whether the operand is a file, directory or URL rather than a registry name.
    public let isLocation: Bool
    /// The local range of the name.
    public let nameRange: Range<Int>
    /// The file range of the name.
    public let nameFileRange: TextRange
    /// The local range of the version, when pinned.
    public let versionRange: Range<Int>?
    /// The file range of the version, when pinned.
    public let versionFileRange: TextRange?

    init(word: ShellWord, name: String, nameBytes: Range<Int>, version: String?, separator: String?, versionBytes: Range<Int>?, isLocation: Bool) {
        self.word = word
        self.name = name
        self.version = version
        self.separator = separator
        self.isLocation = isLocation
        self.nameRange = word.localRange(ofValueBytes: nameBytes)
        self.nameFileRange = word.source.fileRange(nameRange)
        self.versionRange = versionBytes.map { word.localRange(ofValueBytes: $0) }
        self.versionFileRange = versionRange.map { word.source.fileRange($0) }
    }

    /// Whether a version (or release) is given.
    public var isPinned: Bool { version != nil }
}

// MARK: - CustomStringConvertible

extension PackageReference: CustomStringConvertible {
    /// The reference as name, separator and version.
    public var description: String {
        guard let version, let separator else { return name }
        return name + separator + version
    }
}
