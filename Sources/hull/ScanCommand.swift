import ArgumentParser
import Foundation
import Hull
import HullVulnerability

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find known vulnerabilities in the packages of a folder (a project's lockfiles or an unpacked root file system) or an image.",
        discussion: """
        Hull takes an inventory (Alpine apk, Debian/Ubuntu dpkg and distroless status.d, RPM \
        SQLite databases, npm node_modules and lockfiles, Python dist-info/egg-info and \
        lockfiles, Go modules and binaries, Cargo and Bundler lockfiles) and matches it offline \
        against the advisory database that `hull db update` or `hull db import` fills with OSV \
        records. OS packages are matched by their source package (apk origin, dpkg Source) in \
        their release's ecosystem (Alpine:v3.19, Debian:12).

        Advisories the project accepts go in .hull.yaml:
          accepted-advisories:
            - id: CVE-2023-1234
              reason: not reachable, we never parse untrusted archives
              expires: 2025-06-30

        Exit status: the --exit-code value when a reported vulnerability remains (default 0), \
        2 when Hull could not scan (no database, unreadable folder, bad options).

        An image is a `docker save` archive, an OCI archive or an OCI layout folder (as for \
        `hull image`): its layers are read once, whiteouts applied, and only the package \
        metadata files are kept in memory; nothing is extracted. SARIF locates each finding at \
        the layer that last wrote the package's metadata file.

        Examples:
          hull scan rootfs/ --severity HIGH,CRITICAL --exit-code 1
          hull scan app.tar --compare app-next.tar
          hull scan . --ignore-unfixed --format sarif > hull.sarif
          hull scan old-rootfs/ --compare new-rootfs/
        """
    )

    @Argument(help: "A project folder, an unpacked root file system, or an image (docker save or OCI archive, OCI layout folder).")
    var target: String

    @Option(name: .long, help: ArgumentHelp("For a multi-platform image: the platform to scan.", valueName: "os/arch[/variant]"))
    var platform: String?

    @Option(name: .long, help: ArgumentHelp("Report only these severities (comma-separated): CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN.", valueName: "list"))
    var severity: String?

    @Option(name: .long, help: ArgumentHelp("Exit with this status when vulnerabilities remain after filtering.", valueName: "N"))
    var exitCode: Int32 = 0

    @Flag(name: .long, help: "Leave out vulnerabilities that have no fixed version yet.")
    var ignoreUnfixed = false

    @Option(name: .long, help: "Output format: table, json, sarif or cyclonedx.")
    var format: ScanFormat = .table

    @Option(name: .long, help: ArgumentHelp("Compare with another folder or image: what it adds and removes.", valueName: "other"))
    var compare: String?

    @Option(name: .long, help: ArgumentHelp("The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The configuration with accepted advisories (default: .hull.yaml found from the target).", valueName: "file"))
    var config: String?

    enum ScanFormat: String, ExpressibleByArgument, CaseIterable {
        case table, text, json, sarif, cyclonedx
    }

    func run() async throws {
        var severities: Set<VulnerabilitySeverity> = []
        for word in (severity ?? "").split(separator: ",") {
            guard let level = VulnerabilitySeverity(rawValue: word.trimmingCharacters(in: .whitespaces).uppercased()) else {
                throw fail("--severity \(word): use CRITICAL, HIGH, MEDIUM, LOW, NONE or UNKNOWN")
            }
            severities.insert(level)
        }
        let request = ScanRequest(target: target, databasePath: db, severities: severities, ignoreUnfixed: ignoreUnfixed, configurationPath: config, platform: platform)
        let report: ScanReport
        do {
            report = try Workspace.scan(request)
        } catch {
            throw fail(error.description)
        }
        if let compare {
            var otherRequest = request
            otherRequest.target = compare
            let other: ScanReport
            do {
                other = try Workspace.scan(otherRequest)
            } catch {
                throw fail(error.description)
            }
            let comparison = Workspace.compare(report, other)
            switch format {
            case .json: FileHandle.standardOutput.write(comparison.json())
            case .table, .text: FileHandle.standardOutput.write(Data(comparison.text().utf8))
            case .sarif, .cyclonedx: throw fail("--compare writes table or json")
            }
            if !comparison.added.isEmpty, exitCode != 0 { throw ExitCode(exitCode) }
            return
        }
        switch format {
        case .table, .text: FileHandle.standardOutput.write(Data(report.text().utf8))
        case .json: FileHandle.standardOutput.write(report.json())
        case .sarif: FileHandle.standardOutput.write(report.sarif())
        case .cyclonedx: FileHandle.standardOutput.write(report.cyclonedx())
        }
        if format != .table, format != .text {
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if !report.findings.isEmpty, exitCode != 0 { throw ExitCode(exitCode) }
    }
}

struct SBOMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbom",
        abstract: "Write a software bill of materials (CycloneDX 1.5 or SPDX 2.3 JSON) of a folder or an image.",
        discussion: """
        The inventory is the one `hull scan` matches: OS packages, language packages and \
        lockfiles, Go binaries. Each package carries its purl and where it was found.

        Examples:
          hull sbom rootfs/ > bom.cdx.json
          hull sbom . --format spdx > bom.spdx.json
          hull sbom app.tar > app.cdx.json
        """
    )

    @Argument(help: "A project folder, an unpacked root file system, or an image (docker save or OCI archive, OCI layout folder).")
    var target: String

    @Option(name: .long, help: ArgumentHelp("For a multi-platform image: the platform to describe.", valueName: "os/arch[/variant]"))
    var platform: String?

    @Option(name: .long, help: "cyclonedx (CycloneDX 1.5 JSON) or spdx (SPDX 2.3 JSON).")
    var format: SBOMFormat = .cyclonedx

    enum SBOMFormat: String, ExpressibleByArgument, CaseIterable {
        case cyclonedx, spdx
    }

    func run() async throws {
        let inventory: Inventory
        do {
            inventory = try Workspace.inventory(target, platform: platform)
        } catch {
            throw fail(error.description)
        }
        let document: [String: Any]
        switch format {
        case .cyclonedx: document = CycloneDX.document(inventory, toolName: Workspace.tool.name, toolVersion: Workspace.tool.version)
        case .spdx: document = SPDX.document(inventory, toolName: Workspace.tool.name, toolVersion: Workspace.tool.version)
        }
        FileHandle.standardOutput.write(CycloneDX.encoded(document))
        FileHandle.standardOutput.write(Data("\n".utf8))
        for note in inventory.notes { FileHandle.standardError.write(Data("hull: note: \(note)\n".utf8)) }
    }
}
