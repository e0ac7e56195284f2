import ArgumentParser
import Foundation
import Hull
import HullVulnerability

/// `--db PATH`, shared by the database commands.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).", valueName: "path"))
    var db: String?
}

struct DBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the offline advisory database `hull scan` matches against.",
        discussion: """
        The database is one SQLite file of OSV records. Every change builds a new file beside \
        the old one and renames it into place, so an interrupted or failed import or update \
        leaves the previous database as it was.
        """,
        subcommands: [DBUpdateCommand.self, DBImportCommand.self, DBStatusCommand.self]
    )
}

struct DBImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import OSV records: JSON files, folders of them, or an ecosystem's all.zip export (for machines without network).",
        discussion: """
        Records replace earlier ones with the same ID. A file that is not an OSV record is \
        skipped and listed; a truncated or corrupt zip fails the import and changes nothing.

        Example:
          hull db import ~/Downloads/PyPI/all.zip ~/Downloads/npm/all.zip
        """
    )

    @Argument(help: "OSV JSON files, folders, or all.zip exports.")
    var paths: [String]

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        guard !paths.isEmpty else { throw fail("name at least one file or folder to import") }
        let summary: AdvisoryImporter.Summary
        do {
            summary = try Workspace.importAdvisories(paths, databasePath: database.db)
        } catch {
            throw fail(error.description)
        }
        let sources = summary.sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("imported \(summary.imported) record\(summary.imported == 1 ? "" : "s")\(sources.isEmpty ? "" : " (\(sources))") into \(Workspace.advisoryDatabasePath(database.db))")
        for skipped in summary.skipped.prefix(20) { print("skipped \(skipped.path): \(skipped.reason)") }
        if summary.skipped.count > 20 { print("… and \(summary.skipped.count - 20) more skipped") }
    }
}

struct DBStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show where the database is, how old it is and what it holds.")

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() async throws {
        let status: DatabaseStatus
        do {
            status = try Workspace.advisoryStatus(databasePath: database.db)
        } catch {
            throw fail(error.description)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write((try? encoder.encode(status)) ?? Data())
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            print("database: \(status.path) (\(status.fileSize) bytes, schema \(status.schemaVersion))")
            print("built:    \(status.builtAt ?? "unknown")\(status.hullVersion.map { " by hull \($0)" } ?? "")")
            print("records:  \(status.recordCount) (\(status.withdrawnCount) withdrawn), \(status.packageCount) packages")
            for source in status.sources {
                print("  \(source.name): \(source.recordCount) records, newest modified \(source.newestModified ?? "-"), fetched \(source.fetchedAt ?? "-")")
            }
        }
    }
}

struct DBUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Download the ecosystems' OSV exports (all.zip) and import those that changed.",
        discussion: """
        Each export is checked first with a HEAD request: when its published CRC-32C equals the \
        one imported last time nothing is downloaded. Downloads are verified (length and \
        CRC-32C) and every zip entry is checked before the ecosystem's records are replaced. \
        Failed requests are retried; proxies come from http_proxy/https_proxy/no_proxy.

        Exit status: 0 when every ecosystem is up to date, 1 when some failed (their previous \
        records are kept), 2 when nothing could be done.

        Examples:
          hull db update
          hull db update --ecosystem PyPI --ecosystem npm
          hull db update --base-url https://mirror.example.com/osv
        """
    )

    @OptionGroup var database: DatabaseOption

    @Option(name: .long, help: ArgumentHelp("An ecosystem export to fetch (repeatable; default: \(AdvisoryUpdater.defaultEcosystems.joined(separator: ", "))).", valueName: "name"))
    var ecosystem: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where the exports live (default: $HULL_DB_URL, else the OSV bucket).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: "Tries per request.")
    var attempts: Int = 3

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var options = AdvisoryUpdater.Options()
        options.baseURL = baseURL ?? environment["HULL_DB_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? AdvisoryUpdater.defaultBaseURL
        if !ecosystem.isEmpty { options.ecosystems = ecosystem }
        options.attempts = max(1, attempts)
        let outcomes: [AdvisoryUpdater.Outcome]
        do {
            outcomes = try await Workspace.updateAdvisories(databasePath: database.db, options: options)
        } catch {
            throw fail(error.description)
        }
        for outcome in outcomes {
            var line = "\(outcome.ecosystem): \(outcome.status.rawValue)"
            if let records = outcome.records { line += ", \(records) records" }
            if let message = outcome.message { line += " — \(message)" }
            print(line)
        }
        if outcomes.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}
