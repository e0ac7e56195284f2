import Testing
@testable import HullShell

@Suite("Option grammars")
struct OptionGrammarTests {
    struct GrammarCase: Sendable, CustomTestStringConvertible {
        let script: String
        var tool: String?
        var subcommands: [String] = []
        var has: [String] = []
        var lacks: [String] = []
        var values: [String: String] = [:]
        var operands: [String]? = nil
        var counts: [String: Int] = [:]
        var testDescription: String { script }
    }

    static let cases: [GrammarCase] = [
        // apt-get
        GrammarCase(script: "apt-get install -y --no-install-recommends curl", tool: "apt-get", subcommands: ["install"], has: ["-y", "--yes", "--assume-yes", "--no-install-recommends"], operands: ["curl"]),
        GrammarCase(script: "apt-get -qq update", tool: "apt-get", subcommands: ["update"], has: ["-q", "-qq"], lacks: ["-y"], operands: [], counts: ["-q": 2, "--quiet": 2]),
        GrammarCase(script: "apt-get -o Dpkg::Options::=--force-confold install -qy x=1.2", tool: "apt-get", subcommands: ["install"], has: ["-y", "-q"], lacks: ["-qq"], values: ["-o": "Dpkg::Options::=--force-confold", "--option": "Dpkg::Options::=--force-confold"], operands: ["x=1.2"]),
        GrammarCase(script: "apt-get --assume-yes -t bookworm-backports install x", tool: "apt-get", subcommands: ["install"], has: ["-y"], values: ["-t": "bookworm-backports"], operands: ["x"]),
        GrammarCase(script: "apt-get -q=2 dist-upgrade", tool: "apt-get", subcommands: ["dist-upgrade"], has: ["--quiet"], counts: ["-q": 2]),
        // apt
        GrammarCase(script: "apt install -y x", tool: "apt", subcommands: ["install"], has: ["--yes"], operands: ["x"]),
        GrammarCase(script: "apt update", tool: "apt", subcommands: ["update"], lacks: ["-y"]),
        GrammarCase(script: "apt full-upgrade --yes --no-install-recommends", tool: "apt", subcommands: ["full-upgrade"], has: ["-y", "--no-install-recommends"]),
        // apk
        GrammarCase(script: "apk add --no-cache curl", tool: "apk", subcommands: ["add"], has: ["--no-cache"], operands: ["curl"]),
        GrammarCase(script: "apk --update add --virtual .deps gcc musl-dev", tool: "apk", subcommands: ["add"], has: ["-U"], lacks: ["--no-cache"], values: ["-t": ".deps"], operands: ["gcc", "musl-dev"]),
        GrammarCase(script: "apk -U upgrade", tool: "apk", subcommands: ["upgrade"], has: ["--update-cache"]),
        GrammarCase(script: "apk del .deps", tool: "apk", subcommands: ["del"], operands: [".deps"]),
        // yum, dnf, microdnf
        GrammarCase(script: "yum install -y httpd", tool: "yum", subcommands: ["install"], has: ["--assumeyes"], operands: ["httpd"]),
        GrammarCase(script: "yum -y --setopt=tsflags=nodocs install x", tool: "yum", subcommands: ["install"], has: ["-y"], values: ["--setopt": "tsflags=nodocs"], operands: ["x"]),
        GrammarCase(script: "yum clean all", tool: "yum", subcommands: ["clean"], operands: ["all"]),
        GrammarCase(script: "dnf install -y --nodocs python3", tool: "dnf", subcommands: ["install"], has: ["-y", "--nodocs"], operands: ["python3"]),
        GrammarCase(script: "dnf -y module enable nodejs:18", tool: "dnf", subcommands: ["module", "enable"], has: ["-y"], operands: ["nodejs:18"]),
        GrammarCase(script: "dnf in -x kernel* x", tool: "dnf", subcommands: ["install"], values: ["--exclude": "kernel*"], operands: ["x"]),
        GrammarCase(script: "microdnf install -y --nodocs shadow-utils", tool: "microdnf", subcommands: ["install"], has: ["-y", "--nodocs"], operands: ["shadow-utils"]),
        GrammarCase(script: "microdnf --setopt=install_weak_deps=0 install x", tool: "microdnf", subcommands: ["install"], lacks: ["-y"], values: ["--setopt": "install_weak_deps=0"]),
        GrammarCase(script: "microdnf clean all", tool: "microdnf", subcommands: ["clean"], operands: ["all"]),
        // zypper
        GrammarCase(script: "zypper --non-interactive install --no-recommends curl", tool: "zypper", subcommands: ["install"], has: ["-n", "--no-recommends"], operands: ["curl"]),
        GrammarCase(script: "zypper -n in -y x", tool: "zypper", subcommands: ["install"], has: ["--non-interactive", "--no-confirm"], operands: ["x"]),
        GrammarCase(script: "zypper ar -f https://repo name", tool: "zypper", subcommands: ["addrepo"], has: ["--refresh"], lacks: ["--force"], operands: ["https://repo", "name"]),
        GrammarCase(script: "zypper --gpg-auto-import-keys refresh", tool: "zypper", subcommands: ["refresh"], has: ["--gpg-auto-import-keys"]),
        // pip
        GrammarCase(script: "pip install --no-cache-dir -r requirements.txt", tool: "pip", subcommands: ["install"], has: ["--no-cache-dir"], values: ["-r": "requirements.txt"], operands: []),
        GrammarCase(script: "pip3 install -U pip setuptools", tool: "pip", subcommands: ["install"], has: ["--upgrade"], lacks: ["--no-cache-dir"], operands: ["pip", "setuptools"]),
        GrammarCase(script: "pip3.11 install --user 'x==1.0'", tool: "pip", subcommands: ["install"], has: ["--user"], operands: ["x==1.0"]),
        GrammarCase(script: "pip install -e . --index-url https://i", tool: "pip", subcommands: ["install"], values: ["-e": ".", "-i": "https://i"], operands: []),
        GrammarCase(script: "pip uninstall -y x", tool: "pip", subcommands: ["uninstall"], has: ["--yes"], operands: ["x"]),
        GrammarCase(script: "pip -q -q install x", tool: "pip", subcommands: ["install"], counts: ["--quiet": 2]),
        // npm
        GrammarCase(script: "npm install -g yarn", tool: "npm", subcommands: ["install"], has: ["--global"], operands: ["yarn"]),
        GrammarCase(script: "npm i --production", tool: "npm", subcommands: ["install"], has: ["--production"], operands: []),
        GrammarCase(script: "npm ci --omit=dev", tool: "npm", subcommands: ["ci"], values: ["--omit": "dev"]),
        GrammarCase(script: "npm run build -- --prod", tool: "npm", subcommands: ["run"], operands: ["build", "--prod"]),
        GrammarCase(script: "npm cache clean --force", tool: "npm", subcommands: ["cache", "clean"], has: ["-f"]),
        // yarn
        GrammarCase(script: "yarn install --frozen-lockfile", tool: "yarn", subcommands: ["install"], has: ["--frozen-lockfile"]),
        GrammarCase(script: "yarn", tool: "yarn", subcommands: [], lacks: ["--frozen-lockfile"]),
        GrammarCase(script: "yarn global add typescript@5", tool: "yarn", subcommands: ["global", "add"], operands: ["typescript@5"]),
        GrammarCase(script: "yarn add -D jest --network-timeout 100000", tool: "yarn", subcommands: ["add"], has: ["--dev"], values: ["--network-timeout": "100000"], operands: ["jest"]),
        // pnpm
        GrammarCase(script: "pnpm install --frozen-lockfile", tool: "pnpm", subcommands: ["install"], has: ["--frozen-lockfile"]),
        GrammarCase(script: "pnpm i --prod", tool: "pnpm", subcommands: ["install"], has: ["-P"]),
        GrammarCase(script: "pnpm add -g pnpm@8", tool: "pnpm", subcommands: ["add"], has: ["--global"], operands: ["pnpm@8"]),
        GrammarCase(script: "pnpm --filter web build", tool: "pnpm", subcommands: ["build"], values: ["-F": "web"]),
        // gem
        GrammarCase(script: "gem install bundler -v 2.4.0 --no-document", tool: "gem", subcommands: ["install"], has: ["--no-document"], values: ["--version": "2.4.0"], operands: ["bundler"]),
        GrammarCase(script: "gem install rails:7.0 -N", tool: "gem", subcommands: ["install"], has: ["--no-document"], operands: ["rails:7.0"]),
        GrammarCase(script: "gem update --system", tool: "gem", subcommands: ["update"], has: ["--system"]),
        // go
        GrammarCase(script: "go build -o /bin/app -ldflags \"-s -w\" -trimpath ./cmd/app", tool: "go", subcommands: ["build"], has: ["-trimpath"], values: ["-o": "/bin/app", "-ldflags": "-s -w"], operands: ["./cmd/app"]),
        GrammarCase(script: "go install golang.org/x/tools/gopls@latest", tool: "go", subcommands: ["install"], operands: ["golang.org/x/tools/gopls@latest"]),
        GrammarCase(script: "go mod download -x", tool: "go", subcommands: ["mod", "download"], has: ["-x"]),
        GrammarCase(script: "go env -w GOPROXY=direct", tool: "go", subcommands: ["env"], has: ["-w"], operands: ["GOPROXY=direct"]),
        GrammarCase(script: "go build -mod=vendor .", tool: "go", subcommands: ["build"], values: ["-mod": "vendor"], operands: ["."]),
        // curl
        GrammarCase(script: "curl -fsSL https://x", tool: "curl", has: ["-f", "-s", "-S", "-L", "--location"], lacks: ["-k"], operands: ["https://x"]),
        GrammarCase(script: "curl -k -o out https://x", tool: "curl", has: ["--insecure"], values: ["--output": "out"], operands: ["https://x"]),
        GrammarCase(script: "curl --insecure -O https://x", tool: "curl", has: ["-k", "-O"]),
        GrammarCase(script: "curl -fsSLo /tmp/x https://x", tool: "curl", has: ["-L"], values: ["-o": "/tmp/x"], operands: ["https://x"]),
        GrammarCase(script: "curl -H 'X-k: y' -o -k https://x", tool: "curl", lacks: ["-k"], values: ["-o": "-k", "-H": "X-k: y"], operands: ["https://x"]),
        // wget
        GrammarCase(script: "wget -q -O - https://x", tool: "wget", has: ["--quiet"], values: ["-O": "-"], operands: ["https://x"]),
        GrammarCase(script: "wget --no-check-certificate https://x", tool: "wget", has: ["--no-check-certificate"], operands: ["https://x"]),
        GrammarCase(script: "wget -nv -O /tmp/x https://x", tool: "wget", has: ["--no-verbose", "-nv"], lacks: ["-n"], values: ["--output-document": "/tmp/x"]),
        GrammarCase(script: "wget -qO- https://x", tool: "wget", has: ["-q"], values: ["-O": "-"], operands: ["https://x"]),
        // useradd
        GrammarCase(script: "useradd -r -u 1000 -g app app", tool: "useradd", has: ["--system"], lacks: ["-l"], values: ["--uid": "1000", "-g": "app"], operands: ["app"]),
        GrammarCase(script: "useradd -l -m -s /bin/bash user", tool: "useradd", has: ["--no-log-init", "--create-home"], values: ["-s": "/bin/bash"], operands: ["user"]),
        GrammarCase(script: "useradd --no-log-init --uid=100001 user", tool: "useradd", has: ["-l"], values: ["-u": "100001"], operands: ["user"]),
        // adduser
        GrammarCase(script: "adduser --disabled-password --gecos '' --uid 1001 app", tool: "adduser", has: ["--disabled-password"], values: ["--uid": "1001", "--gecos": ""], operands: ["app"]),
        GrammarCase(script: "adduser -D -u 1000 -G app app", tool: "adduser", has: ["--disabled-password"], values: ["--uid": "1000", "--ingroup": "app"], operands: ["app"]),
        GrammarCase(script: "adduser -S -h /home/app -s /sbin/nologin app", tool: "adduser", has: ["--system"], values: ["--home": "/home/app", "--shell": "/sbin/nologin"], operands: ["app"]),
        // chown
        GrammarCase(script: "chown -R app:app /app", tool: "chown", has: ["--recursive"], operands: ["app:app", "/app"]),
        GrammarCase(script: "chown --from=root app /x", tool: "chown", values: ["--from": "root"], operands: ["app", "/x"]),
        GrammarCase(script: "chown -h user f", tool: "chown", has: ["--no-dereference"], operands: ["user", "f"]),
        // chmod
        GrammarCase(script: "chmod +x /entrypoint.sh", tool: "chmod", operands: ["+x", "/entrypoint.sh"]),
        GrammarCase(script: "chmod -R 755 /x", tool: "chmod", has: ["--recursive"], operands: ["755", "/x"]),
        GrammarCase(script: "chmod -x file", tool: "chmod", lacks: ["-x"], operands: ["-x", "file"]),
        // rm
        GrammarCase(script: "rm -rf /var/lib/apt/lists/*", tool: "rm", has: ["-r", "-f", "--recursive", "-R", "--force"], operands: ["/var/lib/apt/lists/*"]),
        GrammarCase(script: "rm -f -- -weird", tool: "rm", has: ["-f"], operands: ["-weird"]),
        GrammarCase(script: "rm --recursive --force /tmp/x", tool: "rm", has: ["-r", "-f"], operands: ["/tmp/x"]),
        // cd
        GrammarCase(script: "cd /app", tool: "cd", operands: ["/app"]),
        GrammarCase(script: "cd -P ..", tool: "cd", has: ["-P"], operands: [".."]),
        GrammarCase(script: "cd -", tool: "cd", operands: ["-"]),
        // tar
        GrammarCase(script: "tar xzf /tmp/x.tgz -C /opt", tool: "tar", has: ["-x", "-z", "--gzip"], values: ["-f": "/tmp/x.tgz", "--directory": "/opt"], operands: []),
        GrammarCase(script: "tar -xJf x.tar.xz --strip-components=1 -C /usr/local", tool: "tar", has: ["--xz", "--extract"], values: ["--strip-components": "1", "-C": "/usr/local", "--file": "x.tar.xz"]),
        GrammarCase(script: "tar -czvf out.tgz dir", tool: "tar", has: ["--create", "-v"], values: ["-f": "out.tgz"], operands: ["dir"]),
        GrammarCase(script: "tar --extract --file=a.tar", tool: "tar", has: ["-x"], values: ["-f": "a.tar"], operands: []),
        // unzip
        GrammarCase(script: "unzip -q x.zip -d /opt", tool: "unzip", has: ["-q"], values: ["-d": "/opt"], operands: ["x.zip"]),
        GrammarCase(script: "unzip -o x.zip", tool: "unzip", has: ["-o"], operands: ["x.zip"]),
        GrammarCase(script: "unzip -qq x.zip", tool: "unzip", operands: ["x.zip"], counts: ["-q": 2]),
        // generic fallback
        GrammarCase(script: "foo -abc --long=x --flag file", tool: nil, has: ["-a", "-b", "-c", "--long", "--flag"], values: ["--long": "x"], operands: ["file"]),
        GrammarCase(script: "make -j4 install", tool: nil, has: ["-j", "-4"], operands: ["install"]),
    ]

    @Test("each tool's grammar reads its command lines", arguments: cases)
    func grammar(_ example: GrammarCase) throws {
        let command = try #require(parse(example.script).commands.first)
        let invocation = try #require(command.invocation)
        #expect(invocation.tool == example.tool)
        #expect(invocation.subcommandPath == example.subcommands)
        for option in example.has { #expect(invocation.has(option: option), "missing \(option)") }
        for option in example.lacks { #expect(!invocation.has(option: option), "unexpected \(option)") }
        for (option, value) in example.values { #expect(invocation.value(of: option) == value, "value of \(option)") }
        if let operands = example.operands { #expect(invocation.operandValues == operands) }
        for (option, count) in example.counts { #expect(invocation.count(of: option) == count, "count of \(option)") }
    }

    @Test("each option keeps its spelling and exact range, also inside a cluster")
    func optionRanges() throws {
        let text = "apt-get -qy install --target-release=sid -o Acquire::Retries=3 x"
        let invocation = try #require(parseInvocation(text))
        let spellings = invocation.options.map(\.spelling)
        #expect(spellings == ["-q", "-y", "--target-release", "-o"])
        let source = parse(text).source
        #expect(invocation.options.map { source.text($0.nameRange) } == ["-q", "y", "--target-release", "-o"])
        #expect(invocation.options[1].isInCluster)
        #expect(invocation.options[2].value == "sid")
        #expect(source.text(invocation.options[2].valueRange ?? 0..<0) == "sid")
        #expect(source.text(invocation.options[3].range) == "-o Acquire::Retries=3")
        #expect(invocation.options[3].valueWord?.raw == "Acquire::Retries=3")
        #expect(invocation.options.map(\.name) == ["-q", "-y", "-t", "-o"])
        #expect(invocation.options.allSatisfy { $0.isKnown })
        #expect(invocation.subcommands.first?.word.raw == "install")
    }

    @Test("quoted options and subcommands are read by their value")
    func quoted() throws {
        let invocation = try #require(parseInvocation("\"apt-get\" 'install' \"-y\" x"))
        #expect(invocation.name == "apt-get")
        #expect(invocation.subcommand == "install")
        #expect(invocation.has(option: "--yes"))
        let yes = try #require(invocation.options.first)
        #expect(yes.nameRange == 21..<23)
    }

    @Test("dynamic words stay operands or dynamic values, and are reported")
    func dynamic() throws {
        let invocation = try #require(parseInvocation("apt-get install $OPTS --target-release=$REL -o$X \"${PKGS[@]}\""))
        #expect(invocation.operands.map(\.raw) == ["$OPTS", "\"${PKGS[@]}\""])
        let release = try #require(invocation.options(named: "-t").first)
        #expect(release.hasValue && release.value == nil && release.isValueDynamic)
        let option = try #require(invocation.options(named: "-o").first)
        #expect(option.isValueDynamic)
        #expect(invocation.hasDynamicArguments)
        #expect(invocation.dynamicArguments.count == 4)
        #expect(invocation.packages.isEmpty)
    }

    @Test("npm subcommand aliases map to the canonical name", arguments: [
        ("npm i x", "install"), ("npm add x", "install"), ("npm isntall x", "install"), ("npm ci", "ci"),
        ("npm clean-install", "ci"), ("npm rm x", "uninstall"), ("npm run-script build", "run"), ("npm t", "test"),
    ])
    func npmAliases(text: String, canonical: String) throws {
        #expect(try #require(parseInvocation(text)).subcommand == canonical)
    }

    @Test("an unknown subcommand is reported as spelled and marked unknown")
    func unknownSubcommand() throws {
        let invocation = try #require(parseInvocation("apt-get frobnicate x"))
        #expect(invocation.subcommand == "frobnicate")
        #expect(invocation.subcommands.first?.isKnown == false)
        #expect(invocation.operandValues == ["x"])
    }

    @Test("the grammar catalogue finds tools by executable name")
    func catalogue() {
        #expect(OptionGrammar.named("pip3.12")?.name == "pip")
        #expect(OptionGrammar.named("pip3")?.name == "pip")
        #expect(OptionGrammar.named("dnf5")?.name == "dnf")
        #expect(OptionGrammar.named("unknown-tool") == nil)
        #expect(Set(OptionGrammar.builtin.map(\.name)).count == OptionGrammar.builtin.count)
        #expect(OptionGrammar.builtin.count == 23)
    }
}

@Suite("apt semantics")
struct AptSemanticsTests {
    @Test("apt assumes yes for -y and its spellings, quiet level 2, and the configuration item", arguments: [
        ("apt-get install -y x", true, 0),
        ("apt-get install --yes x", true, 0),
        ("apt-get --assume-yes install x", true, 0),
        ("apt-get -qq install x", true, 2),
        ("apt-get -q -q install x", true, 2),
        ("apt-get -q=2 install x", true, 2),
        ("apt-get --quiet=2 install x", true, 2),
        ("apt-get -o APT::Get::Assume-Yes=true install x", true, 0),
        ("apt-get -o quiet=2 install x", true, 2),
        ("apt-get -q install x", false, 1),
        ("apt-get --force-yes install x", false, 0),
        ("apt-get install x", false, 0),
    ])
    func assumesYes(text: String, yes: Bool, quiet: Int) throws {
        let invocation = try #require(parseInvocation(text))
        #expect(invocation.aptAssumesYes == yes)
        #expect(invocation.aptQuietLevel == quiet)
    }

    @Test("-o settings are collected by lower-cased name")
    func configuration() throws {
        let invocation = try #require(parseInvocation("apt-get -o APT::Install-Recommends=false --option Dpkg::Use-Pty=0 install x"))
        #expect(invocation.aptConfiguration == ["apt::install-recommends": "false", "dpkg::use-pty": "0"])
    }
}
