import HullCore
import HullDockerfile
import HullLint

/// The image that ships is built on the full variant of an image that publishes smaller ones.
public struct FullSizeBaseImageRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF004", name: "full-size-base-image",
        summary: "The image that ships is built on a full-size variant where a smaller one exists.",
        rationale: """
        The default tags of language images (`node:20`, `python:3.12`, `golang:1.22`, `ruby`, `php`, \
        `perl`, `rust`, the JDK images) carry a whole Debian system with compilers, headers and hundreds of \
        packages: around a gigabyte, and most of the CVEs a scanner will report. Their `-slim` and \
        `-alpine` variants run the same runtime at a fraction of the size. Only the stage that ships \
        matters: build in a full image if you need its tools, then copy the result into a stage on the \
        small variant — builder stages that are not the target are never flagged. The message names the \
        smaller tag of the same image (a `-slim` one when the tag names a Debian release or the stages \
        use `apt-get`); for toolchains (`golang`, `rust`) and build tools (`maven`, `gradle`) the real \
        cure is a multi-stage build onto a runtime or distroless image. `ubuntu` publishes no smaller \
        variant and is not flagged. The table of images and their tag schemes lives in \
        `Support/SlimBaseImages.swift`.
        """,
        category: .size, defaultSeverity: .warning,
        fixAvailability: .unsafe,
        fixNote: """
        Moving to a smaller variant removes packages the build or the application may rely on (compilers, \
        `git`, `curl`, locales), and Alpine swaps glibc for musl and `apt-get` for `apk`, which breaks native \
        modules built elsewhere. The fix only rewrites a literally written tag, prefers a Debian-based slim \
        variant when the stages run `apt-get`, and needs `--unsafe-fixes`.
        """,
        examples: [
            .passing("FROM node:20-alpine\nCMD [\"node\", \"index.js\"]\n"),
            .passing("FROM python:3.12-slim-bookworm\n"),
            .passing("FROM gcr.io/distroless/nodejs20-debian12\n"),
            .passing("FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n"),
            .passing("FROM node:20-alpine3.20\n"),
            .failing("FROM ↓node:20\nCMD [\"node\", \"index.js\"]\n"),
            .failing("FROM ⟦python:3.12⟧ AS base\nFROM base\nCOPY . /app\n"),
            .failing("FROM node:20-alpine AS build\nFROM ↓node:20-bookworm\n"),
            .failing("ARG GO_VERSION=1.22\nFROM ⟦golang:${GO_VERSION}⟧\n"),
            .fix("FROM node:20\nCMD [\"node\", \"index.js\"]\n", to: "FROM node:20-alpine\nCMD [\"node\", \"index.js\"]\n", .unsafe),
            .fix("FROM node:20\nRUN apt-get update && apt-get install -y --no-install-recommends tini\n",
                 to: "FROM node:20-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini\n", .unsafe),
            .fix("FROM python:3.12-bookworm\n", to: "FROM python:3.12-slim-bookworm\n", .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let base = input.targetRootImage, let finding = SlimBaseImages.finding(for: base.reference) else { return }
        let name = base.reference.familiarName
        let written = base.usesVariables ? "`\(base.word.text)` resolves to `\(base.resolved)`, which" : "`\(base.resolved)`"

        if finding.entry.isBuildTool {
            let release = base.reference.tag.flatMap(SlimBaseImages.javaRelease(inTag:))
            let runtime = release.map { "`eclipse-temurin:\($0)-jre`" } ?? "a JRE image such as `eclipse-temurin:<version>-jre`"
            sink.report(base.word.range, "\(written) ships \(name == "gradle" ? "Gradle" : "Maven") and a full JDK; build in an earlier stage and run the artifact on \(runtime)")
            return
        }
        // Stages that run `apt-get` need a variant that keeps Debian: list it first.
        let usesDebianTools = input.targetChain.contains { stage in
            input.dockerfile.instructions(in: stage).contains { input.scripts(at: $0.index)?.contains(command: "apt-get", "apt", "dpkg", "aptitude") == true }
        }
        let suggestions = usesDebianTools
            ? finding.suggestions.filter { $0.variant.keepsDistribution } + finding.suggestions.filter { !$0.variant.keepsDistribution }
            : finding.suggestions
        guard let first = suggestions.first else { return }
        let alternatives = suggestions.map { "`\(name):\($0.tag)`" }
        var message = "\(written) is the full-size image; \(alternatives[0]) is much smaller"
        if alternatives.count > 1 { message += " (or \(alternatives.dropFirst().joined(separator: ", ")))" }
        if finding.entry.isToolchain { message += ", and a multi-stage build onto a distroless or `scratch` image is smaller still" }

        // Only a tag written literally is rewritten, keeping whatever registry spelling was used.
        var fix: Fix?
        let chosen = !usesDebianTools || first.variant.keepsDistribution ? first : nil
        let word = base.word
        if let chosen, !base.usesVariables, base.reference.digest == nil, word.range.length == word.text.utf8.count {
            var edit: Edit?
            if let tag = base.reference.tag {
                if word.text.hasSuffix(":" + tag) { edit = Edit(range: TextRange(start: word.range.end - tag.utf8.count, end: word.range.end), replacement: chosen.tag) }
            } else {
                edit = .insert(":" + chosen.tag, at: word.range.end)
            }
            if let edit { fix = Fix(title: "Use `\(name):\(chosen.tag)`", edits: [edit], applicability: .unsafe) }
        }
        sink.report(word.range, message, fix: fix)
    }
}
