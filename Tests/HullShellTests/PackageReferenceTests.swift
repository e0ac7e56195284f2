import HullCore
import Testing
@testable import HullShell

@Suite("Package references")
struct PackageReferenceTests {
    struct PackageCase: Sendable, CustomTestStringConvertible {
        let script: String
        let name: String
        let version: String?
        var separator: String? = nil
        var isLocation = false
        var testDescription: String { script }
    }

    @Test("operands split into name and version per ecosystem", arguments: [
        PackageCase(script: "apt-get install -y curl=7.88.*", name: "curl", version: "7.88.*", separator: "="),
        PackageCase(script: "apt-get install libc6:amd64=2.36-9", name: "libc6", version: "2.36-9", separator: "="),
        PackageCase(script: "apt-get install -t x git/bookworm-backports", name: "git", version: "bookworm-backports", separator: "/"),
        PackageCase(script: "apt-get install ./local.deb", name: "./local.deb", version: nil, isLocation: true),
        PackageCase(script: "apt install nginx", name: "nginx", version: nil),
        PackageCase(script: "apk add musl=1.2.4-r0", name: "musl", version: "1.2.4-r0", separator: "="),
        PackageCase(script: "apk add 'python3~3.11'", name: "python3", version: "3.11", separator: "~"),
        PackageCase(script: "apk add 'openssl>=3'", name: "openssl", version: "3", separator: ">="),
        PackageCase(script: "apk add curl@edge", name: "curl", version: nil),
        PackageCase(script: "yum install -y httpd-2.4.6", name: "httpd", version: "2.4.6", separator: "-"),
        PackageCase(script: "dnf install java-1.8.0-openjdk", name: "java-1.8.0-openjdk", version: nil),
        PackageCase(script: "dnf install java-1.8.0-openjdk-1.8.0.312", name: "java-1.8.0-openjdk", version: "1.8.0.312", separator: "-"),
        PackageCase(script: "microdnf install bash-5.1.8-6.el9", name: "bash", version: "5.1.8-6.el9", separator: "-"),
        PackageCase(script: "yum install -y https://x/epel.rpm", name: "https://x/epel.rpm", version: nil, isLocation: true),
        PackageCase(script: "zypper in 'curl>=7.0'", name: "curl", version: "7.0", separator: ">="),
        PackageCase(script: "pip install flask==3.0.0", name: "flask", version: "3.0.0", separator: "=="),
        PackageCase(script: "pip install 'requests[security]>=2.0,<3'", name: "requests", version: "2.0,<3", separator: ">="),
        PackageCase(script: "pip install 'uvicorn ~= 0.30 ; python_version > \"3.8\"'", name: "uvicorn", version: "0.30", separator: "~="),
        PackageCase(script: "pip install git+https://github.com/a/b", name: "git+https://github.com/a/b", version: nil, isLocation: true),
        PackageCase(script: "pip install numpy", name: "numpy", version: nil),
        PackageCase(script: "npm install -g @types/node@20", name: "@types/node", version: "20", separator: "@"),
        PackageCase(script: "npm i lodash@^4.17.0", name: "lodash", version: "^4.17.0", separator: "@"),
        PackageCase(script: "npm install user/repo", name: "user/repo", version: nil, isLocation: true),
        PackageCase(script: "yarn add react", name: "react", version: nil),
        PackageCase(script: "pnpm add -D typescript@5.4", name: "typescript", version: "5.4", separator: "@"),
        PackageCase(script: "gem install rails:7.1.0", name: "rails", version: "7.1.0", separator: ":"),
        PackageCase(script: "gem install bundler", name: "bundler", version: nil),
        PackageCase(script: "go install github.com/a/b/cmd/c@v1.2.3", name: "github.com/a/b/cmd/c", version: "v1.2.3", separator: "@"),
        PackageCase(script: "go install ./cmd/...", name: "./cmd/...", version: nil, isLocation: true),
    ])
    func split(_ example: PackageCase) throws {
        let invocation = try #require(parse(example.script).commands.first?.invocation)
        let package = try #require(invocation.packages.first)
        #expect(package.name == example.name)
        #expect(package.version == example.version)
        #expect(package.separator == example.separator)
        #expect(package.isLocation == example.isLocation)
        #expect(package.isPinned == (example.version != nil))
    }

    @Test("a rule can point at the name inside a pinned or quoted operand")
    func nameRanges() throws {
        let text = "apt-get install -y curl=7.* 'wget=1.21'"
        let script = parse(text, options: ShellParseOptions())
        let packages = try #require(script.commands.first?.invocation?.packages)
        #expect(packages.map(\.name) == ["curl", "wget"])
        #expect(script.source.text(packages[0].nameRange) == "curl")
        #expect(script.source.text(packages[0].versionRange ?? 0..<0) == "7.*")
        #expect(script.source.text(packages[1].nameRange) == "wget")
        #expect(packages[1].nameFileRange == TextRange(start: 29, end: 33))
        #expect(packages[1].description == "wget=1.21")
    }

    @Test("only subcommands that take packages report them", arguments: [
        "apt-get update", "apt-get clean", "npm run build", "pip freeze", "go mod tidy", "apk update",
    ])
    func noPackages(_ text: String) throws {
        #expect(try #require(parseInvocation(text)).packages.isEmpty)
    }
}
