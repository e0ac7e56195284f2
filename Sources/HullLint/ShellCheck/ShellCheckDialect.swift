/// The shell dialects ShellCheck understands, as named by its `shell=` directive.
public enum ShellCheckDialect: String, Sendable, Hashable, CaseIterable {
    /// POSIX `sh` (also used for BusyBox `ash`, which ShellCheck checks as `sh`).
    case sh
    /// GNU Bash.
    case bash
    /// The Debian Almquist shell.
    case dash
    /// The Korn shell (`ksh`, `mksh`, `pdksh`).
    case ksh

    /// The dialect of a shell program named by its path or name (`/bin/bash`, `ash`), nil for
    /// shells ShellCheck cannot check (`zsh`, `fish`, `pwsh`, `powershell`, `cmd`, unknown ones).
    public init?(program: String) {
        var name = Substring(program)
        if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = name[name.index(after: slash)...] }
        switch name.lowercased() {
        case "sh", "ash", "busybox", "posix": self = .sh
        case "bash": self = .bash
        case "dash": self = .dash
        case "ksh", "mksh", "pdksh", "ksh88", "ksh93": self = .ksh
        default: return nil
        }
    }

    /// The dialect of a SHELL instruction's argument list (`["/bin/bash", "-o", "pipefail", "-c"]`),
    /// looking through `env` and BusyBox's applet name; nil when ShellCheck cannot check it.
    public init?(shell arguments: [String]) {
        guard var program = arguments.first else { return nil }
        var rest = arguments.dropFirst()
        let base = program.split(separator: "/").last.map(String.init) ?? program
        if base == "env" {
            rest = rest.drop { $0.hasPrefix("-") || $0.contains("=") }
            guard let next = rest.first else { return nil }
            program = next
            rest = rest.dropFirst()
        } else if base == "busybox", let applet = rest.first, !applet.hasPrefix("-") {
            program = applet
        }
        self.init(program: program)
    }

    /// The dialect a script's `#!` line names, nil when the line is not a shebang or names a
    /// program ShellCheck cannot check (`#!/usr/bin/env python3`).
    public init?(shebang line: String) {
        guard line.hasPrefix("#!") else { return nil }
        let words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).map(String.init)
        self.init(shell: words)
    }
}
