import HullShell

/// Questions about package-manager command lines that several rules ask.
enum PackageManagerInvocation {
    /// Whether `yarn` installs the project: `yarn install`, or a bare `yarn`, but not
    /// `yarn --version` or `yarn --help`, which run no subcommand at all.
    static func isYarnInstall(_ invocation: CommandInvocation) -> Bool {
        guard invocation.tool == "yarn", invocation.subcommand == "install" else { return false }
        return !(invocation.subcommands.isEmpty && invocation.has(option: "--version", "--help"))
    }
}
