import HullCore
import HullDockerfile
import HullLint

/// `WORKDIR` with a relative path.
public struct RelativeWorkdirRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF070", name: "relative-workdir",
        summary: "`WORKDIR` is given a relative path.",
        rationale: """
        A relative `WORKDIR` is resolved against the working directory already in force. For the first \
        one in a stage chain that is the base image's, which is `/` for some images and a home or app \
        directory for others, and can change when the base is updated; further down, the reader has to \
        replay every earlier `WORKDIR` to know where files land. An absolute path says it once. The peers \
        disagree: hadolint, Trivy and Checkov flag every relative `WORKDIR`, BuildKit only the first one in \
        a stage (and the stages it is built `FROM`) when nothing absolute was set before. Hull flags every \
        one, so that nothing any peer reports is lost, and says which case it is.

        When the directory it resolves against is known (an earlier absolute `WORKDIR` in the stage \
        chain, or `/` for a stage built `FROM scratch`), the fix writes the absolute path BuildKit \
        computes (`WORKDIR /app` then `WORKDIR src` becomes `WORKDIR /app/src`), which is safe because \
        the working directory is the same. Paths are read after variable expansion, so \
        `WORKDIR $APP_HOME` with `ENV APP_HOME=/app` is absolute and the next relative `WORKDIR` \
        resolves against it. A value is only taken as known when no build argument can change it: an \
        `ARG` default can be overridden with `--build-arg`, and so can an `ENV` built from one. A \
        relative path that uses such a variable keeps it: the fix puts the known directory in front \
        (`WORKDIR $NAME` in `/` becomes `WORKDIR /$NAME`), which is the same directory whatever the \
        variable holds when the directory in front is `/`, and otherwise is only offered when the \
        variable's value is fixed in the file.

        When the directory comes from a base image, Hull cannot know it without the image: many \
        images leave it at `/`, but `golang` works in `/go`, `php` and `wordpress` in `/var/www/html`, \
        `tomcat` in `/usr/local/tomcat`, `httpd` in `/usr/local/apache2`, and any image can set its \
        own. The fix then writes the path the relative one would have with those official images' \
        directories, and `/` for every other image. It is unsafe: if the image works somewhere else, \
        the build would now work in another directory, and the files copied or built there would land \
        elsewhere. Check the image's working directory (`docker image inspect -f \
        '{{.Config.WorkingDir}}' IMAGE`) before applying it. There is no fix when the directory is only \
        known at build time, or for Windows paths.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3000"), .buildkit("WorkdirRelativePath"), .trivy("DS-0009"), .checkov("CKV_DOCKER_10")],
        fixAvailability: .sometimes,
        fixNote: """
        The fix for a `WORKDIR` that resolves against the base image's working directory is unsafe: \
        that directory is only known from the image, so the fix assumes the official image's (`/go` for \
        `golang`, …) or `/`. If the image works somewhere else, the stage would now work in another \
        directory and the files copied or built there would land elsewhere.
        """,
        examples: [
            .passing("FROM node:20\nWORKDIR /app\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n"),
            .passing("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n"),
            .passing("FROM node:20\nARG DIR\nWORKDIR ${DIR}\n"),
            .failing("FROM node:20\nWORKDIR ⟦app⟧\n"),
            .failing("FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR ⟦data⟧\nARG DIR\nWORKDIR $DIR\nWORKDIR ↓logs\n"),
            .failing("FROM node:20\nWORKDIR ⟦src⟧\nWORKDIR ⟦lib⟧\n"),
            .fix("FROM node:20\nWORKDIR /app\nWORKDIR src/../lib/\nRUN npm ci\n", to: "FROM node:20\nWORKDIR /app\nWORKDIR /app/lib\nRUN npm ci\n"),
            .fix("FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\nWORKDIR ./data\n", to: "FROM node:20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/app\nWORKDIR /srv/app/data\n"),
            .fix("FROM alpine:3.20\nWORKDIR /opt/app\nWORKDIR \"../data\"\nWORKDIR logs\n", to: "FROM alpine:3.20\nWORKDIR /opt/app\nWORKDIR /opt/data\nWORKDIR /opt/data/logs\n"),
            .fix("FROM scratch\nCOPY app /app\nWORKDIR app\n", to: "FROM scratch\nCOPY app /app\nWORKDIR /app\n"),
            .fix("FROM alpine:3.20\nWORKDIR /srv\nENV SITE=www\nWORKDIR ${SITE}/html\n", to: "FROM alpine:3.20\nWORKDIR /srv\nENV SITE=www\nWORKDIR /srv/${SITE}/html\n"),
            .fix("FROM alpine:3.20\nWORKDIR /\nARG NAME=zookeeper-3.4.12\nWORKDIR $NAME\n", to: "FROM alpine:3.20\nWORKDIR /\nARG NAME=zookeeper-3.4.12\nWORKDIR /$NAME\n"),
            .fix("FROM ubuntu:24.04\nWORKDIR wireshark\nWORKDIR build\n", to: "FROM ubuntu:24.04\nWORKDIR /wireshark\nWORKDIR /wireshark/build\n", .unsafe),
            .fix("FROM golang:1.22 AS source\nWORKDIR ko\n", to: "FROM golang:1.22 AS source\nWORKDIR /go/ko\n", .unsafe),
        ])

    /// What the working directory is known to be.
    enum Directory {
        /// The base image's, with `path` (when not nil) resolved against it by the stage's relative
        /// `WORKDIR`s; `assumed` is what the unsafe fix takes the image's directory to be (nil when
        /// not even that: a Windows image).
        case baseImage(path: String?, assumed: String?)
        /// Known only at build time.
        case unknown
        /// This absolute path; `fixed` when no build argument can change it.
        case known(String, fixed: Bool)
    }

    /// The working directory official images set (`WORKDIR` in their Dockerfiles), by repository.
    /// Images not listed are taken to work in `/`.
    static let officialImageDirectories: [String: String] = [
        "library/golang": "/go",
        "library/php": "/var/www/html",
        "library/wordpress": "/var/www/html",
        "library/tomcat": "/usr/local/tomcat",
        "library/httpd": "/usr/local/apache2",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var finalDirectory: [Directory] = []
        var finalFixedNames: [Set<String>] = []
        for stage in input.stages {
            var directory: Directory
            var fixedNames: Set<String> = []
            switch input.semantics.bases[stage.index] {
            case .scratch:
                directory = .known("/", fixed: true)
            case .stage(let parent) where parent < finalDirectory.count:
                directory = finalDirectory[parent]
                fixedNames = finalFixedNames[parent]
            case .image(_, let reference?):
                directory = .baseImage(path: nil, assumed: Self.assumedDirectory(of: reference))
            default:
                directory = .baseImage(path: nil, assumed: "/")
            }
            for instruction in input.dockerfile.instructions(in: stage) {
                switch instruction.payload {
                case .arg(let arg):
                    for declaration in arg.declarations where input.semantics.scope(at: instruction.index).env[declaration.name.text] == nil {
                        fixedNames.remove(declaration.name.text)
                    }
                    continue
                case .env(let env):
                    let before = fixedNames
                    for pair in env.pairs {
                        if Self.isFixed(pair.value.text, at: instruction.index, names: before, in: input) {
                            fixedNames.insert(pair.key.text)
                        } else {
                            fixedNames.remove(pair.key.text)
                        }
                    }
                    continue
                case .workdir(let workdir):
                    guard let word = workdir.path else { continue }
                    directory = check(word, at: instruction.index, in: directory, fixedNames: fixedNames, input, &sink)
                default:
                    continue
                }
            }
            finalDirectory.append(directory)
            finalFixedNames.append(fixedNames)
        }
    }

    /// Reports `word` when it is relative, and returns the working directory after it.
    private func check(_ word: Word, at index: Int, in directory: Directory, fixedNames: Set<String>, _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) -> Directory {
        guard let value = MetadataExpansion.value(of: word, at: index, in: input), !value.isEmpty else { return .unknown }
        let fixed = Self.isFixed(word.text, at: index, names: fixedNames, in: input)
        if MetadataPaths.isAbsolute(value) {
            return MetadataPaths.isWindows(value) ? .unknown : .known(MetadataPaths.clean(value), fixed: fixed)
        }
        let notes = ["Write the absolute path the stage should work in."]
        // Windows paths are not resolved: no fix for them.
        let windows = MetadataPaths.isWindows(value)
        switch directory {
        case .baseImage(let path, let assumed):
            let relative = path.map { $0 + "/" + value } ?? value
            let origin = path == nil ? "the base image's working directory" : "a working directory that depends on the base image"
            var fix: Fix?
            var fixNotes = notes
            if let assumed, !windows {
                let base = MetadataPaths.resolve(path ?? ".", against: assumed)
                if let edit = Self.edit(word, value: value, base: base, in: input) {
                    fix = Fix(title: Self.title(edit, word), edits: [edit], applicability: .unsafe)
                    fixNotes.append("The fix assumes the base image works in `\(assumed)`; check it with `docker image inspect -f '{{.Config.WorkingDir}}'`.")
                }
            }
            sink.report(word.range, "`\(value)` is relative to \(origin)", notes: fixNotes, fix: fix)
            return .baseImage(path: MetadataPaths.clean(relative), assumed: assumed)
        case .unknown:
            sink.report(word.range, "`\(value)` is relative to a working directory only known at build time", notes: notes)
            return .unknown
        case .known(let base, let baseIsFixed):
            let resolved = MetadataPaths.resolve(value, against: base)
            // A variable that a build argument can change may hold an absolute path, which the
            // directory put in front would then change; in front of `/` that makes no difference.
            let edit = !windows && baseIsFixed && (fixed || base == "/") ? Self.edit(word, value: value, base: base, in: input) : nil
            let fix = edit.map { Fix(title: Self.title($0, word), edits: [$0], applicability: .safe) }
            sink.report(word.range, "`\(value)` is relative; it resolves to `\(resolved)`", fix: fix)
            return .known(resolved, fixed: baseIsFixed && fixed)
        }
    }

    /// The edit that makes `word` absolute against `base`: the resolved path for a word without
    /// variables, the directory put in front of a word with them; nil when the word's text is not
    /// contiguous in the source or the path would need quoting.
    static func edit(_ word: Word, value: String, base: String, in input: AnalyzedDockerfile) -> Edit? {
        guard !word.range.isEmpty, input.source.text(word.range) == word.text else { return nil }
        if !word.text.contains("$") {
            let resolved = MetadataPaths.resolve(value, against: base)
            return isPlain(resolved, in: input) ? Edit(range: word.range, replacement: resolved) : nil
        }
        let prefix = base == "/" ? "/" : base + "/"
        return isPlain(prefix, in: input) ? .insert(prefix, at: word.range.start) : nil
    }

    /// The fix title: the word as the edit writes it.
    static func title(_ edit: Edit, _ word: Word) -> String {
        edit.range.isEmpty ? "Write `\(edit.replacement)\(word.text)`" : "Write `\(edit.replacement)`"
    }

    /// Whether `text` can be written as a `WORKDIR` word as it is: no white space, quotes,
    /// variables or escape character.
    static func isPlain(_ text: String, in input: AnalyzedDockerfile) -> Bool {
        let escape = input.dockerfile.syntax.escapeToken.rawValue
        return !text.isEmpty && !text.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == escape }
    }

    /// Whether what `text` expands to at instruction `index` is fixed in the file: every variable
    /// it references is one of `names` (ENV values no build argument reaches).
    static func isFixed(_ text: String, at index: Int, names: Set<String>, in input: AnalyzedDockerfile) -> Bool {
        guard text.contains("$") else { return true }
        let expansion = input.expand(text, at: index)
        return expansion.error == nil && expansion.unmatched.isEmpty && expansion.matched.isSubset(of: names)
    }

    /// The directory the unsafe fix assumes `reference`'s image works in; nil for Windows images.
    static func assumedDirectory(of reference: ImageReference) -> String? {
        let repository = reference.repository.lowercased()
        if ["windows", "nanoserver", "servercore"].contains(where: { repository.contains($0) }) { return nil }
        guard reference.registry == ImageReference.defaultRegistry else { return "/" }
        return officialImageDirectories[repository] ?? "/"
    }
}
