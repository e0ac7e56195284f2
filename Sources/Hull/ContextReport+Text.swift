import Foundation
import HullCore

extension ContextReport {
    /// The report for people: what is sent and why it matters, problems last. `colour` adds
    /// ANSI styles (only for a terminal); `limit` caps each list.
    public func text(colour: Bool = false, limit: Int = 8) -> String {
        let style = TextStyle(enabled: colour)
        var out: [String] = []
        let ignoreName = ignoreFile.path.map { ($0 as NSString).lastPathComponent } ?? ".dockerignore"
        let dockerfileName = (dockerfile.path as NSString).lastPathComponent

        out.append(style.bold("Build context") + "  " + context)
        out.append("  Dockerfile    " + dockerfile.path + (dockerfile.found ? "" : style.dim(" (\(dockerfile.error ?? "not found"))")))
        if let path = ignoreFile.path {
            var line = "  Ignore file   \(path) (\(ByteCount.counted(ignoreFile.patterns, "pattern")))"
            if let replaced = ignoreFile.replaces { line += style.dim("; it replaces \(replaced), which does not apply") }
            out.append(line)
        } else {
            out.append("  Ignore file   " + style.warning("none") + ": everything in the folder is sent")
        }
        out.append("")

        var headline = "Sends " + style.bold(ByteCount.text(sent.bytes)) + " in " + ByteCount.counted(sent.files, "file")
        if sent.symlinks > 0 { headline += " and " + ByteCount.counted(sent.symlinks, "symlink") }
        if let without = withoutIgnoreFile, ignoreFile.path != nil {
            if without.files != sent.files || without.bytes != sent.bytes {
                headline += "; without \(ignoreName) it would send " + ByteCount.text(without.bytes) + " in " + ByteCount.counted(without.files, "file")
            } else {
                headline += "; \(ignoreName) keeps nothing out"
            }
        }
        out.append(headline)
        if let transferred {
            if transferred.wholeContext {
                let lines = references.filter { $0.built && $0.path.isEmpty && $0.kind != "tmpfsMount" }.map(\.line)
                let why = lines.isEmpty ? "a RUN --mount=type=tmpfs asks for the whole context" : "line \(lines[0]) takes in the whole context"
                out.append(style.dim("  BuildKit transfers all of it for this Dockerfile: \(why)"))
            } else if transferred.files != sent.files + sent.symlinks {
                out.append(style.dim("  BuildKit transfers \(ByteCount.text(transferred.bytes)) in \(ByteCount.counted(transferred.files, "file")) for this Dockerfile: only what its COPY, ADD and RUN --mount name"))
            }
        }

        if !largestFolders.isEmpty {
            out.append("")
            out.append(style.bold("Largest folders"))
            let rows = largestFolders.prefix(limit).map { [$0.path + "/", ByteCount.text($0.bytes), ByteCount.counted($0.files, "file")] }
            out += table(rows, rightAligned: [1, 2]).map { "  " + $0 }
        }

        out.append("")
        if categories.isEmpty {
            out.append(style.bold("Categories") + "  none of version control, dependencies, build output, caches, editor files, tests, docs or logs")
        } else {
            out.append(style.bold("Categories"))
            let rows = categories.map { category -> [String] in
                let roots = category.roots.prefix(3).map { $0.path + ($0.directory ? "/" : "") }.joined(separator: ", ")
                return [category.description, ByteCount.text(category.bytes), ByteCount.counted(category.files, "file"), roots]
            }
            out += table(rows, rightAligned: [1, 2]).map { "  " + $0 }
        }

        out.append("")
        let found = secrets.findings
        if found.isEmpty {
            out.append(style.bold("Secrets") + "  none found" + (secrets.contentsScanned ? "" : " (paths only)"))
        } else {
            out.append(style.bold("Secrets sent (\(found.count))") + (secrets.truncated ? style.dim("  (read budget exhausted; more may exist)") : ""))
            let rows = found.prefix(limit * 2).map { secret -> [String] in
                let place = secret.line.map { "\(secret.path):\($0):\(secret.column ?? 1)" } ?? secret.path
                let excerpt = secret.basis == "content" ? secret.excerpt : ""
                let copied = secret.copiedBy.isEmpty ? "" : "copied by line " + secret.copiedBy.map(String.init).joined(separator: ", ")
                return [place, secret.description, excerpt, copied]
            }
            out += table(rows, rightAligned: []).map { "  " + style.error($0) }
            if found.count > limit * 2 { out.append(style.dim("  … \(found.count - limit * 2) more")) }
        }

        if dockerfile.found {
            out.append("")
            if references.isEmpty {
                out.append(style.bold("COPY/ADD sources") + "  none: \(dockerfileName) takes nothing from the context")
            } else {
                out.append(style.bold("COPY/ADD sources") + style.dim("  (\(dockerfileName))"))
                let rows = references.map { reference -> [String] in
                    let keyword = reference.kind == "copy" ? "COPY" : reference.kind == "add" ? "ADD" : "RUN --mount"
                    var status: String
                    switch reference.status {
                    case "wholeContext": status = reference.kind == "tmpfsMount" ? "asks for the whole context" : "the whole context"
                    case "missing": status = style.error("missing: not in the context")
                    case "excluded": status = style.error("excluded by " + (reference.excludedBy.map { "`\($0.pattern)` (line \($0.line ?? 0))" } ?? ignoreName))
                    case "empty": status = style.warning("matches nothing (BuildKit copies nothing)")
                    case "unresolved": status = style.dim("not checked: " + (reference.unsetVariables.map { "$" + $0.joined(separator: ", $") + " unset" } ?? "cannot be expanded"))
                    case "viaSymlink": status = style.dim("through a symlink, not checked")
                    default: status = ByteCount.counted(reference.files, "file") + ", " + ByteCount.text(reference.bytes)
                    }
                    if !reference.built { status += style.dim("  (stage \(reference.stage) is not built by default)") }
                    let source = reference.kind.hasSuffix("Mount") ? reference.source : reference.source
                    return ["line \(reference.line)", keyword, source, status]
                }
                out += table(rows, rightAligned: []).map { "  " + $0 }
            }
            if let unused {
                out.append("")
                if unused.files == 0 {
                    let whole = references.first { $0.path.isEmpty && $0.kind != "tmpfsMount" && ($0.excludes ?? []).isEmpty }
                    out.append(style.bold("Unused") + "  none" + (whole.map { ": line \($0.line) copies the whole context" } ?? ""))
                } else {
                    out.append(style.bold("Sent but never used") + "  \(ByteCount.text(unused.bytes)) in \(ByteCount.counted(unused.files, "file")): no COPY, ADD or RUN --mount takes them")
                    let rows = unused.paths.prefix(limit).map { [$0.path + ($0.directory ? "/" : ""), ByteCount.text($0.bytes), ByteCount.counted($0.files, "file")] }
                    out += table(rows, rightAligned: [1, 2]).map { "  " + $0 }
                    if unused.paths.count > limit { out.append(style.dim("  … \(unused.paths.count - limit) more (--format json lists them all)")) }
                    out.append(style.dim("  BuildKit skips them for this Dockerfile, but the classic builder sends them all; leave them out in \(ignoreName)"))
                }
            }
        }

        if !ignoreFile.invalid.isEmpty || !ignoreFile.ineffective.isEmpty || ignoreFile.error != nil {
            out.append("")
            out.append(style.bold("Ignore file"))
            if let error = ignoreFile.error { out.append("  " + style.warning("\(ignoreName): \(error); BuildKit sends everything")) }
            for line in ignoreFile.invalid {
                out.append("  " + style.error("\(ignoreName):\(line.line ?? 0)  invalid pattern `\(line.pattern)`: \(line.problem ?? "rejected"); BuildKit fails the build"))
            }
            let ineffective = ignoreFile.ineffective
            if !ineffective.isEmpty {
                let names = ineffective.prefix(3).map { "`\($0.pattern)`" }.joined(separator: ", ") + (ineffective.count > 3 ? " …" : "")
                out.append("  " + style.dim("\(ByteCount.counted(ineffective.count, "pattern")) \(ineffective.count == 1 ? "matches" : "match") nothing in this context (guards, or leftovers): \(names)"))
            }
        }

        let notable = warnings.filter { $0.kind != "specialFileSkipped" || $0.failsBuild }
        let skipped = warnings.count - notable.count
        if !notable.isEmpty || skipped > 0 {
            out.append("")
            out.append(style.bold("Warnings"))
            for warning in notable.prefix(limit) {
                let text = "\(warning.path): \(warning.reason)" + (warning.failsBuild ? "; BuildKit fails the build" : "")
                out.append("  " + (warning.failsBuild ? style.error(text) : style.warning(text)))
            }
            if skipped > 0 { out.append(style.dim("  \(ByteCount.counted(skipped, "FIFO, socket or device", plural: "FIFOs, sockets or devices")) sent as metadata, never opened")) }
        }

        if !problems.isEmpty {
            out.append("")
            out.append(style.bold("Problems"))
            for problem in problems {
                let label = problem.failsBuild ? style.error("error") : style.warning("warning")
                out.append("  \(label)  \(problem.location): \(problem.message)")
            }
        }

        if let proposal {
            out.append("")
            let verb = ignoreFile.path == nil ? "creates \((proposal.path as NSString).lastPathComponent)" : "adds \(ByteCount.counted(proposal.addedLines, "line")) to \(ignoreName)"
            let defaultDockerfile = (context as NSString).appendingPathComponent("Dockerfile")
            let file = (dockerfile.path as NSString).standardizingPath == (defaultDockerfile as NSString).standardizingPath ? "" : "-f \(dockerfile.path) "
            out.append("Next: `hull ignore --write \(file)\(context)` \(verb); the build would then send "
                       + style.bold(ByteCount.text(proposal.sends.bytes)) + " in " + ByteCount.counted(proposal.sends.files, "file"))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell (display width), separated by two spaces.
    private func table(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], TextStyle.visibleWidth(cell)) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - TextStyle.visibleWidth(cell))
                if index == row.count - 1 && !rightAligned.contains(index) { return cell }
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }
    }
}

/// The few ANSI styles the context report uses; plain text when colour is off.
struct TextStyle {
    let enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func error(_ text: String) -> String { wrap(text, "1;31") }
    func warning(_ text: String) -> String { wrap(text, "1;33") }

    /// The width of `text` without ANSI sequences, in characters.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var escape = false
        for character in text {
            if escape {
                if character.isLetter { escape = false }
                continue
            }
            if character == "\u{1B}" { escape = true; continue }
            width += 1
        }
        return width
    }
}
