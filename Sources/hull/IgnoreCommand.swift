import ArgumentParser
import Foundation
import Hull
import HullCore

struct IgnoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ignore",
        abstract: "Write or improve a .dockerignore for the ecosystems in a folder.",
        discussion: """
        Detects node, python, go, java, ruby, rust, php and dotnet by their manifests and proposes
        the lines the ignore file in force is missing: secrets (.env and .env.* but not
        .env.example, keys, certificates, SSH and cloud credentials, Terraform state), version
        control, dependency folders, build output, caches, editor and OS files, logs and coverage.

        It never excludes what the build needs: every COPY, ADD and RUN --mount source of every
        stage (of the Dockerfile, and of the other Dockerfiles at the context root that share the
        file) is checked with BuildKit's own matching, and a line that would exclude one is left
        out, with a comment in the file and an explanation here. A folder a broad `COPY . .`
        takes in stays too when nothing in the image recreates it (no `RUN npm ci` for
        node_modules, no build step for dist). `.npmrc` stays when a COPY names it (npm may need
        it for a private registry; a secret mount is the better fix).

        Your own lines and comments stay as they are; missing lines are appended in a section
        that starts with `# Added by hull ignore`. Running it again changes nothing. The ignore
        file improved is <Dockerfile>.dockerignore when it exists, else DIR/.dockerignore
        (created when absent). Writes are atomic.

        Exit status: 0 when done (with --check: nothing to add), 1 with --check when lines are
        missing, 2 when Hull could not do its job.

        Examples:
          hull ignore                      print the proposed .dockerignore for this folder
          hull ignore --diff app           show what would change
          hull ignore --write app          write it
          hull ignore -f docker/api.Dockerfile --write .
        """
    )

    @Argument(help: "The build context folder (default: the current folder).")
    var directory: String = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("The Dockerfile, as `docker build -f` takes it (default: DIR/Dockerfile).", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Write the file (atomically).")
    var write = false

    @Flag(name: .long, help: "Print a unified diff instead of the file.")
    var diff = false

    @Flag(name: .long, help: "Print nothing; exit 1 when lines are missing.")
    var check = false

    func validate() throws {
        if [write, diff, check].filter({ $0 }).count > 1 { throw ValidationError("Use one of --write, --diff and --check.") }
    }

    func run() throws {
        let proposal: IgnoreProposal
        do {
            proposal = try Workspace.proposeIgnoreFile(root: directory, dockerfile: file)
        } catch {
            throw fail(error.description)
        }
        let name = displayPath(proposal.path)
        if write {
            do {
                try Workspace.write(proposal)
            } catch {
                throw fail(error.description)
            }
        } else if diff {
            print(UnifiedDiff.make(old: proposal.original, new: proposal.proposed, path: name), terminator: "")
        } else if !check {
            print(proposal.proposed, terminator: "")
        }
        report(proposal, name: name)
        if check && proposal.changes { throw ExitCode(1) }
    }

    /// What was detected, added and left out, on standard error.
    private func report(_ proposal: IgnoreProposal, name: String) {
        var lines: [String] = []
        let detected = proposal.ecosystems.map { "\($0.0.rawValue) (\($0.1))" }.joined(separator: ", ")
        lines.append("\(name): " + (detected.isEmpty ? "no ecosystem detected" : "detected " + detected)
                     + (proposal.dockerfiles.isEmpty ? "; no Dockerfile found, so no COPY was checked" : "; checked " + proposal.dockerfiles.joined(separator: ", ")))
        if proposal.added.isEmpty {
            lines.append("\(name): nothing to add")
        } else {
            let verb = write ? (proposal.exists ? "added" : "created with") : "would add"
            var groups: [(String, Int)] = []
            for line in proposal.added {
                let title = String(line.group.prefix { $0 != ":" }).lowercased()
                if let last = groups.last, last.0 == title { groups[groups.count - 1].1 += 1 } else { groups.append((title, 1)) }
            }
            lines.append("\(name): \(verb) \(ByteCount.counted(proposal.added.count, "line")) ("
                         + groups.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")")
        }
        for kept in proposal.kept { lines.append("  " + kept.explanation) }
        for note in proposal.notes { lines.append("  note: " + note) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        let standardized = (path as NSString).standardizingPath
        return standardized.hasPrefix(current) ? String(standardized.dropFirst(current.count)) : path
    }
}
