import Foundation
import HullTestSupport
import Testing

@Suite("hull fix: acceptance and preservation")
struct FixAcceptanceTests {
    /// A copy of `folder` in a fresh temporary folder.
    static func copy(_ folder: URL) throws -> URL {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("hull-accept-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder, to: destination)
        return destination
    }

    /// A fresh temporary folder holding `bytes` as `Dockerfile`.
    static func dockerfile(_ bytes: [UInt8]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-keep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("Dockerfile")
        try Data(bytes).write(to: url)
        return url
    }

    /// The findings of `url` that carry a fix Hull could apply (safe or unsafe).
    static func fixableFindings(_ url: URL) throws -> [String] {
        let run = try HullExecutable.run(["lint", "--isolated", "--select", "ALL", "--format", "json", url.path])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        let artifacts = report?["artifacts"] as? [[String: Any]] ?? []
        return artifacts.flatMap { artifact in
            (artifact["diagnostics"] as? [[String: Any]] ?? []).compactMap { diagnostic in
                guard let fix = diagnostic["fix"] as? [String: Any], fix["applicability"] as? String != "displayOnly" else { return nil }
                return "\(diagnostic["code"] ?? "?"): \(diagnostic["message"] ?? "")"
            }
        }
    }

    @Test("the seeds' node app, fixed with --unsafe-fixes, gets the optimised structure and nothing fixable is left")
    func seedsNodeApp() throws {
        let folder = try Self.copy(SharedData.packageRoot.appendingPathComponent("examples/node-app"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("Dockerfile")
        #expect(try String(contentsOf: url, encoding: .utf8) == "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 3000\nCMD node src/index.js\n")
        let run = try HullExecutable.run(["fix", "--isolated", "--unsafe-fixes", url.path])
        #expect(run.status == 0, "\(run.stderr)")
        let fixed = try String(contentsOf: url, encoding: .utf8)
        #expect(fixed == """
            FROM node:20-alpine
            WORKDIR /app
            COPY --chown=node:node package.json package-lock.json ./
            RUN npm ci
            COPY --chown=node:node . .
            USER node
            EXPOSE 3000
            CMD ["node", "src/index.js"]

            """)
        let lines = fixed.split(separator: "\n").map(String.init)
        let manifests = try #require(lines.firstIndex { $0.hasPrefix("COPY") && $0.contains("package.json") })
        let install = try #require(lines.firstIndex { $0.hasPrefix("RUN npm ci") })
        let sources = try #require(lines.firstIndex { $0.hasPrefix("COPY") && $0.hasSuffix(" . .") })
        #expect(manifests < install && install < sources, "manifests, then the install, then the source")
        #expect(lines.contains("USER node"))
        #expect(lines.last == "CMD [\"node\", \"src/index.js\"]")
        #expect(try Self.fixableFindings(url).isEmpty)
        let again = try HullExecutable.run(["fix", "--isolated", "--unsafe-fixes", "--check", url.path])
        #expect(again.status == 0, "a second run changes nothing")
    }

    @Test("CRLF, the BOM, tabs and comments inside continuations survive several fixes at once")
    func crlfBomTabsComments() throws {
        let before = "\u{FEFF}from debian:12\r\n\tMAINTAINER me\r\nRUN apt update && \\\r\n# the packages\r\n\tapt install -y curl \\\r\n\t&& rm -rf /var/lib/apt/lists/*\r\nENV MODE prod\r\ncmd /usr/bin/app --serve\r\n"
        let url = try Self.dockerfile(Array(before.utf8))
        let run = try HullExecutable.run(["fix", "--isolated", "--select", "ALL", url.path])
        #expect(run.status == 0, "\(run.stderr)")
        let after = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(after == "\u{FEFF}FROM debian:12\r\n\tLABEL org.opencontainers.image.authors=\"me\"\r\nRUN apt-get update && \\\r\n# the packages\r\n\tapt-get install -y curl \\\r\n\t&& rm -rf /var/lib/apt/lists/*\r\nENV MODE=prod\r\nCMD [\"/usr/bin/app\", \"--serve\"]\r\n")
        #expect(!after.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line break stays CRLF")
        #expect(try HullExecutable.run(["fix", "--isolated", "--select", "ALL", "--check", url.path]).status == 0)
        let unsafe = try HullExecutable.run(["fix", "--isolated", "--select", "ALL", "--unsafe-fixes", url.path])
        #expect(unsafe.status == 0, "\(unsafe.stderr)")
        let all = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(all == "\u{FEFF}FROM debian:12-slim\r\n\tLABEL org.opencontainers.image.authors=\"me\"\r\nRUN apt-get update && \\\r\n# the packages\r\n\tapt-get install --no-install-recommends -y curl \\\r\n\t&& rm -rf /var/lib/apt/lists/*\r\nENV MODE=prod\r\nRUN groupadd --system app && useradd --system --gid app --no-log-init app\r\nUSER app\r\nCMD [\"/usr/bin/app\", \"--serve\"]\r\n")
    }

    @Test("the backtick escape character survives several fixes at once")
    func backtickEscape() throws {
        let before = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER me\nRUN powershell -Command `\n    # a comment inside`\n    Write-Host hi\nENV PATH C:\\tools;C:\\Windows\nadd app.txt C:/app/\n"
        let url = try Self.dockerfile(Array(before.utf8))
        let run = try HullExecutable.run(["fix", "--isolated", "--select", "ALL", url.path])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOf: url, encoding: .utf8)
        #expect(after == "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors=\"me\"\nRUN powershell -Command `\n    # a comment inside`\n    Write-Host hi\nENV PATH=C:\\tools;C:\\Windows\nCOPY app.txt C:/app/\n")
    }

    @Test("heredocs survive several fixes at once: RUN bodies are fixed as shell, COPY bodies untouched")
    func heredocs() throws {
        let before = "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nMAINTAINER me\nRUN <<EOF\napk add curl\napt install x\nEOF\nCOPY <<-EOT /etc/motd\n\thello\n\tEOT\nrun apk add git\nENV A b\n"
        let url = try Self.dockerfile(Array(before.utf8))
        let run = try HullExecutable.run(["fix", "--isolated", "--select", "ALL", url.path])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOf: url, encoding: .utf8)
        #expect(after == "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"me\"\nRUN <<EOF\napk add --no-cache curl\napt-get install -y x\nEOF\nCOPY <<-EOT /etc/motd\n\thello\n\tEOT\nRUN apk add --no-cache git\nENV A=b\n")
        #expect(try HullExecutable.run(["fix", "--isolated", "--select", "ALL", "--check", url.path]).status == 0)
    }
}
