/// Finds a simple command's effective command by skipping wrapper programs.
enum CommandResolver {
    struct Resolution {
        var wrappers: [CommandWrapper] = []
        var nameIndex: Int?
        var name: String?
    }

    /// How a wrapper's own arguments are laid out.
    struct WrapperSyntax {
        /// Options that take a value in the next word (short `-u`, long `--user`).
        var valueOptions: Set<String> = []
        /// Options after which no command is run (`command -v`, `sudo -l`).
        var nonRunningOptions: Set<String> = []
        /// Operands before the command (`gosu USER`, `timeout DURATION`, `chroot DIR`).
        var leadingOperands = 0
        /// Whether `NAME=value` words before the command are skipped (`env`, `sudo`).
        var skipsAssignments = false
        /// Whether `-N` (a number) is an option (`nice -10`).
        var acceptsNumericOption = false
    }

    static let wrappers: [String: WrapperSyntax] = [
        "sudo": WrapperSyntax(
            valueOptions: ["-C", "-D", "-g", "-h", "-p", "-R", "-r", "-t", "-T", "-U", "-u", "--close-from", "--chdir", "--group",
                           "--host", "--prompt", "--chroot", "--role", "--type", "--command-timeout", "--other-user", "--user"],
            nonRunningOptions: ["-e", "--edit", "-l", "--list", "-v", "--validate", "-k", "--reset-timestamp", "-K", "--remove-timestamp", "-V", "--version", "--help"],
            skipsAssignments: true),
        "doas": WrapperSyntax(valueOptions: ["-u", "-C"], nonRunningOptions: ["-L"]),
        "env": WrapperSyntax(
            valueOptions: ["-u", "--unset", "-C", "--chdir"],
            nonRunningOptions: ["-S", "--split-string", "--help", "--version"],
            skipsAssignments: true),
        "nice": WrapperSyntax(valueOptions: ["-n", "--adjustment"], acceptsNumericOption: true),
        "ionice": WrapperSyntax(valueOptions: ["-c", "--class", "-n", "--classdata"], nonRunningOptions: ["-p", "--pid", "-P", "--pgid", "-u", "--uid"]),
        "nohup": WrapperSyntax(),
        "setsid": WrapperSyntax(),
        "time": WrapperSyntax(valueOptions: ["-f", "--format", "-o", "--output"]),
        "exec": WrapperSyntax(valueOptions: ["-a"]),
        "command": WrapperSyntax(nonRunningOptions: ["-v", "-V"]),
        "builtin": WrapperSyntax(),
        "xargs": WrapperSyntax(
            valueOptions: ["-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs",
                           "-s", "--max-chars", "--process-slot-var"],
            nonRunningOptions: ["--help", "--version", "--show-limits"]),
        "timeout": WrapperSyntax(valueOptions: ["-s", "--signal", "-k", "--kill-after"], leadingOperands: 1),
        "stdbuf": WrapperSyntax(valueOptions: ["-i", "--input", "-o", "--output", "-e", "--error"]),
        "gosu": WrapperSyntax(leadingOperands: 1),
        "su-exec": WrapperSyntax(leadingOperands: 1),
        "chroot": WrapperSyntax(valueOptions: ["--userspec", "--groups"], leadingOperands: 1),
        "eatmydata": WrapperSyntax(),
        "fakeroot": WrapperSyntax(valueOptions: ["-l", "--lib", "--faked", "-s", "-i", "-b"]),
        "tini": WrapperSyntax(valueOptions: ["-p", "-e"]),
        "dumb-init": WrapperSyntax(valueOptions: ["-r", "--rewrite"]),
        "busybox": WrapperSyntax(),
    ]

    static let pythonNames: Set<String> = ["python", "python2", "python3", "pypy", "pypy3"]

    /// Strips a directory from a command name.
    static func baseName(_ name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return name }
        return String(name[name.index(after: slash)...])
    }

    static func isPython(_ name: String) -> Bool {
        if pythonNames.contains(name) { return true }
        // python3.12, python2.7
        guard name.hasPrefix("python") else { return false }
        let version = name.dropFirst("python".count)
        return !version.isEmpty && version.allSatisfy { $0.isNumber || $0 == "." }
    }

    static func resolve(_ words: [ShellWord], source: ShellSource) -> Resolution {
        var resolution = Resolution()
        var index = 0
        var hops = 0
        while index < words.count, hops < 32 {
            hops += 1
            guard let literal = words[index].literal, !literal.isEmpty else { return resolution }
            let name = baseName(literal)
            if let syntax = wrappers[name] {
                guard let next = skip(words, from: index, syntax: syntax, name: name) else {
                    resolution.nameIndex = index
                    resolution.name = name
                    return resolution
                }
                resolution.wrappers.append(CommandWrapper(name: name, words: Array(words[index..<next]), source: source))
                index = next
                continue
            }
            if isPython(name), let pip = pipModuleIndex(words, from: index) {
                resolution.wrappers.append(CommandWrapper(name: name, words: Array(words[index..<pip.wrapperEnd]), source: source))
                resolution.nameIndex = pip.nameIndex
                resolution.name = "pip"
                return resolution
            }
            resolution.nameIndex = index
            resolution.name = name
            return resolution
        }
        return resolution
    }

    /// The index of the wrapped command, or nil when the wrapper runs none.
    static func skip(_ words: [ShellWord], from start: Int, syntax: WrapperSyntax, name: String) -> Int? {
        var index = start + 1
        options: while index < words.count {
            guard let text = words[index].literal else { break }
            if text == "--" {
                index += 1
                break
            }
            if text.hasPrefix("--") {
                let optionName = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
                if syntax.nonRunningOptions.contains(optionName) { return nil }
                index += syntax.valueOptions.contains(optionName) && !text.contains("=") ? 2 : 1
                continue
            }
            if text == "-", name == "env" {
                index += 1
                continue
            }
            guard text.hasPrefix("-"), text.count > 1 else { break }
            let letters = Array(text.dropFirst())
            if syntax.acceptsNumericOption, letters.allSatisfy(\.isNumber) {
                index += 1
                continue
            }
            var step = 1
            for (offset, letter) in letters.enumerated() {
                let option = "-" + String(letter)
                if syntax.nonRunningOptions.contains(option) { return nil }
                if syntax.valueOptions.contains(option) {
                    if offset == letters.count - 1 { step = 2 }
                    break
                }
            }
            index += step
        }
        if syntax.skipsAssignments {
            while index < words.count, let text = words[index].literal, isAssignmentWord(text) { index += 1 }
        }
        for _ in 0..<syntax.leadingOperands {
            guard index < words.count else { return nil }
            index += 1
        }
        return index < words.count ? index : nil
    }

    static func isAssignmentWord(_ text: String) -> Bool {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return false }
        let name = text[..<equals]
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }

    /// For `python [options] -m pip …`: where the `pip` word is and where the wrapper ends.
    static func pipModuleIndex(_ words: [ShellWord], from start: Int) -> (nameIndex: Int, wrapperEnd: Int)? {
        var index = start + 1
        while index < words.count, let text = words[index].literal, text.hasPrefix("-"), text.count > 1 {
            if text == "-m" {
                guard index + 1 < words.count, words[index + 1].literal == "pip" else { return nil }
                return (index + 1, index + 1)
            }
            if text == "-mpip" { return (index, index) }
            if text.hasPrefix("-m") || text == "-c" || text.hasPrefix("-c") { return nil }
            index += (text == "-W" || text == "-X") ? 2 : 1
        }
        return nil
    }
}
