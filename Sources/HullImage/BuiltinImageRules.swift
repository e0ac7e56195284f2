import HullCore

/// The image rules, in code order.
public enum BuiltinImageRules {
    private static func rule(_ code: String, _ name: String, _ severity: Severity, _ category: String, dockle: String?, dockerfile: String? = nil,
                             summary: String, rationale: String,
                             _ check: @escaping @Sendable (ImageAnalysis, ImageRuleContext) -> [ImageFinding]) -> ImageRule {
        ImageRule(metadata: RuleMetadata(code: RuleCode(code), name: name, summary: summary, rationale: rationale, category: category,
                                         defaultSeverity: severity, aliases: dockle.map { [RuleAlias(tool: "dockle", id: $0)] } ?? [],
                                         helpURI: "https://hull.dev/rules/\(code)"),
                  dockerfileRule: dockerfile, check: check)
    }

    /// History lines as steps with the commands they ran.
    private static func steps(_ image: ImageAnalysis) -> [(index: Int, layer: Int?, text: String)] {
        image.history.map { ($0.index, $0.layer, $0.createdBy) }
    }

    private static func finding(_ message: String, history line: (index: Int, layer: Int?, text: String)) -> ImageFinding {
        ImageFinding(message: message, layer: nil, path: nil, notes: ["history line \(line.index): \(String(line.text.prefix(160)))"])
    }

    private static func runs(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// Every image rule.
    public static let all: [ImageRule] = [
        rule("IM001", "image-root-user", .warning, "security", dockle: "CIS-DI-0001", dockerfile: "DF005 (root-user)",
             summary: "The image runs as root: its config has no `User`, or `root`/`0`.",
             rationale: "A process that runs as root in a container is root on the host's kernel if it escapes; add a user and `USER` it.") { image, _ in
            let user = image.config.user?.split(separator: ":").first.map(String.init) ?? ""
            guard user.isEmpty || user == "root" || user == "0" else { return [] }
            return [ImageFinding(message: user.isEmpty ? "the config sets no `User`: the container runs as root" : "the config's `User` is `\(image.config.user!)`: the container runs as root")]
        },
        rule("IM002", "image-missing-healthcheck", .info, "correctness", dockle: "CIS-DI-0006", dockerfile: "DF011 (missing-healthcheck)",
             summary: "The image config has no health check.",
             rationale: "Without a HEALTHCHECK an orchestrator only knows the process is alive, not that it serves. OCI exports drop HEALTHCHECK: check a docker-format image.") { image, _ in
            guard image.config.healthcheck == nil else { return [] }
            let inHistory = image.history.contains { $0.createdBy.contains("HEALTHCHECK") }
            return [ImageFinding(message: "the config has no `Healthcheck`", notes: inHistory ? ["the history shows a HEALTHCHECK step: this OCI-format image lost it (OCI has no health check field)"] : [])]
        },
        rule("IM003", "image-package-update-alone", .error, "correctness", dockle: "CIS-DI-0007", dockerfile: "SH004 (package-index-update-alone)",
             summary: "A history step updates the package index without installing in the same step.",
             rationale: "An index updated in one layer and used in a later one is cached stale; update and install in one RUN.") { image, _ in
            steps(image).filter { runs($0.text, #"\bapt(-get)?\s+update\b"#) && !runs($0.text, #"\bapt(-get)?\s+(-\S+\s+)*(install|upgrade|dist-upgrade|full-upgrade)\b"#) }
                .map { finding("`apt-get update` without an install in the same step", history: $0) }
        },
        rule("IM004", "image-setuid-file", .info, "security", dockle: "CIS-DI-0008",
             summary: "A setuid or setgid file is in the image.",
             rationale: "setuid and setgid binaries are the usual way up to root after a compromise; remove the bits (`chmod a-s`) on what the image does not need.") { image, _ in
            image.setIDFiles.map { ImageFinding(message: "`\($0.path)` is setuid/setgid (mode \($0.mode))", layer: $0.layer, path: $0.path) }
        },
        rule("IM005", "image-add-instruction", .error, "security", dockle: "CIS-DI-0009", dockerfile: "DF009 (add-instead-of-copy)",
             summary: "A history step uses ADD (the first one, the base root filesystem, is skipped).",
             rationale: "ADD fetches URLs and unpacks archives implicitly; COPY does only what it says.") { image, _ in
            let adds = steps(image).filter { $0.text.hasPrefix("ADD ") || $0.text.contains("#(nop) ADD ") }
            return adds.dropFirst().map { finding("`ADD` in the image's history", history: $0) }
        },
        rule("IM006", "image-secret", .error, "security", dockle: "CIS-DI-0010", dockerfile: "DF007 (secret-in-env-or-arg)",
             summary: "A likely secret is in the image: in ENV, a label, a build argument recorded in history, or a file of any layer.",
             rationale: "Everything in any layer ships with the image, even files a later step deleted; use build secrets (`RUN --mount=type=secret`) instead.") { image, _ in
            image.secrets.map { secret in
                let deleted = secret.deletedLater ? " (deleted by a later layer, still in the image)" : ""
                switch secret.place {
                case "file": return ImageFinding(message: "`\(secret.name)` looks like a secret (\(secret.kind))\(deleted)", layer: secret.layer, path: secret.name,
                                                 notes: secret.line.map { ["line \($0): \(secret.excerpt)"] } ?? [])
                case "history": return ImageFinding(message: "build argument `\(secret.excerpt)` recorded in history line \(secret.history ?? 0)")
                default: return ImageFinding(message: "\(secret.place == "env" ? "ENV" : "label") `\(secret.excerpt)` looks like a secret (\(secret.kind))")
                }
            }
        },
        rule("IM007", "image-sudo", .error, "security", dockle: "DKL-DI-0001", dockerfile: "SH021 (sudo-in-run)",
             summary: "A history step runs `sudo`.",
             rationale: "sudo in a build means the image carries sudo and its rules; build steps already run as the USER given.") { image, _ in
            steps(image).filter { runs($0.text, #"(^|[\s;&|(])sudo\s"#) }.map { finding("`sudo` in a build step", history: $0) }
        },
        rule("IM008", "image-sensitive-volume", .error, "security", dockle: "DKL-DI-0002", dockerfile: "DF071 (system-directory-workdir-or-volume)",
             summary: "A VOLUME is a kernel filesystem (/sys, /dev, /proc).",
             rationale: "Mounting over /sys, /dev or /proc hides or exposes kernel interfaces.") { image, _ in
            image.config.volumes.filter { ["/sys", "/dev", "/proc"].contains(where: $0.hasPrefix) }.map { ImageFinding(message: "VOLUME `\($0)` is a kernel filesystem") }
        },
        rule("IM009", "image-dist-upgrade", .warning, "maintainability", dockle: "DKL-DI-0003",
             summary: "A history step runs `dist-upgrade`.",
             rationale: "dist-upgrade can move the base to another release; rebuild on a newer base instead.") { image, _ in
            steps(image).filter { runs($0.text, #"\b(apt(-get)?|zypper)\s+(-\S+\s+)*dist-upgrade\b"#) }.map { finding("`dist-upgrade` in a build step", history: $0) }
        },
        rule("IM010", "image-apk-add-without-no-cache", .error, "size", dockle: "DKL-DI-0004", dockerfile: "SH006 (apk-add-without-no-cache)",
             summary: "A history step runs `apk add` without `--no-cache`.",
             rationale: "The apk index stays in the layer; `apk add --no-cache` fetches it to memory only.") { image, _ in
            steps(image).filter { runs($0.text, #"\bapk\s+(-\S+\s+)*add\b"#) && !$0.text.contains("--no-cache") }.map { finding("`apk add` without `--no-cache`", history: $0) }
        },
        rule("IM011", "image-apt-lists-not-removed", .error, "size", dockle: "DKL-DI-0005", dockerfile: "SH005 (apt-lists-not-removed)",
             summary: "A history step runs apt-get update/install without removing /var/lib/apt/lists in the same step.",
             rationale: "The package lists (tens of MB) stay in the layer even if a later step deletes them.") { image, _ in
            steps(image).filter { runs($0.text, #"\bapt(-get)?\s+(-\S+\s+)*(update|install)\b"#) && !$0.text.contains("/var/lib/apt/lists") && !$0.text.contains("distclean") }
                .map { finding("apt-get without `rm -rf /var/lib/apt/lists/*` in the same step", history: $0) }
        },
        rule("IM012", "image-latest-tag", .warning, "maintainability", dockle: "DKL-DI-0006", dockerfile: "DF003 (base-image-latest-tag)",
             summary: "The image is named with the `latest` tag.",
             rationale: "`latest` moves; name images with a version or a digest.") { image, context in
            let tags = image.tags.isEmpty ? [] : image.tags
            return tags.filter { $0.hasSuffix(":latest") || $0 == "latest" }.prefix(1).map { ImageFinding(message: "the image is tagged `\($0)`") }
        },
        rule("IM013", "image-empty-password", .error, "security", dockle: "DKL-LI-0001",
             summary: "An account in /etc/shadow has an empty password.",
             rationale: "An empty password field lets anyone log in as that account.") { image, _ in
            image.accounts.emptyPasswords.map { ImageFinding(message: "account `\($0)` has an empty password", layer: nil, path: nil) }
        },
        rule("IM014", "image-duplicate-ids", .error, "security", dockle: "DKL-LI-0002",
             summary: "Two accounts share a UID in /etc/passwd, or two groups a GID in /etc/group.",
             rationale: "Shared IDs make two names one identity to the kernel.") { image, _ in
            image.accounts.duplicateUIDs.map { ImageFinding(message: "UID \($0) is used by several accounts") }
                + image.accounts.duplicateGIDs.map { ImageFinding(message: "GID \($0) is used by several groups") }
        },
        rule("IM015", "image-unneeded-files", .info, "security", dockle: "DKL-LI-0003",
             summary: "Files the image should not ship: .git, cloud credential folders, editor settings and swap files, .env, Dockerfiles.",
             rationale: "They leak history, credentials and build details and add size; exclude them in .dockerignore.") { image, _ in
            image.unneededFiles.map { ImageFinding(message: "`\($0.path)` (\($0.reason)) is in the image", layer: $0.layer, path: $0.path) }
        },
        rule("IM016", "image-package-cache", .warning, "size", dockle: nil, dockerfile: "SH005 (apt-lists-not-removed)",
             summary: "Package-manager caches are left in the image (apt lists and archives, apk cache, pip and npm caches).",
             rationale: "Caches are only needed while installing; clean them in the same step or use cache mounts.") { image, _ in
            image.packageCaches.map { ImageFinding(message: "\($0.kind) left at `\($0.path)`: \($0.files) files, \(ByteCount.grouped(Int($0.bytes))) bytes", layer: $0.layer, path: $0.path) }
        },
        rule("IM017", "image-shell-in-distroless", .warning, "security", dockle: nil,
             summary: "An image that calls itself distroless holds a shell or a package manager.",
             rationale: "A distroless image is trusted to have no shell to exploit; this one has.") { image, _ in
            let claims = image.tags.contains { $0.contains("distroless") } || image.config.labels.contains { $0.value.lowercased().contains("distroless") }
                || (image.os?.prettyName?.lowercased().contains("distroless") ?? false)
            guard claims, !(image.shells + image.packageManagers).isEmpty else { return [] }
            return [ImageFinding(message: "the image claims to be distroless but has \((image.shells + image.packageManagers).map { "`\($0)`" }.joined(separator: ", "))")]
        },
        rule("IM018", "image-large-waste", .warning, "size", dockle: nil,
             summary: "Later layers delete or replace more than 10 MB (and 10 %) of what earlier layers added.",
             rationale: "Deleted files still ship in the layer that added them; delete in the same step, or use a multi-stage build.") { image, _ in
            let waste = image.waste
            guard waste.hiddenBytes > 10_000_000, waste.layerBytes > 0, Double(waste.hiddenBytes) / Double(waste.layerBytes) > 0.1 else { return [] }
            return [ImageFinding(message: "\(ByteCount.grouped(Int(waste.hiddenBytes))) bytes in \(waste.hiddenFiles) files are deleted or replaced by later layers",
                                 notes: waste.largest.prefix(5).map { "\($0.path) (\($0.bytes) bytes, layer \($0.layer), hidden by layer \($0.hiddenBy))" })]
        },
        rule("IM019", "image-world-writable", .warning, "security", dockle: nil,
             summary: "A file, or a folder without the sticky bit, is writable by every user.",
             rationale: "Any process in the container can change it.") { image, _ in
            image.worldWritable.map { ImageFinding(message: "`\($0.path)` is world-writable (mode \($0.mode))", layer: $0.layer, path: $0.path) }
        },
        rule("IM020", "image-unsafe-archive-entry", .error, "security", dockle: nil,
             summary: "A layer has entries that escape or confuse extraction: absolute or `..` names, links out of the root, duplicates.",
             rationale: "Such entries are how hostile images write outside their root on careless extractors.") { image, _ in
            image.problems.filter { $0.kind != "sparseFile" }.map { ImageFinding(message: $0.message, layer: $0.layer, path: $0.path) }
        },
        rule("IM021", "content-trust-disabled", .info, "security", dockle: "CIS-DI-0005",
             summary: "Docker Content Trust is not enabled on the scanning host (`DOCKER_CONTENT_TRUST` is not 1).",
             rationale: "Without content trust, pulls do not check image signatures.") { _, context in
            context.environment["DOCKER_CONTENT_TRUST"] == "1" ? [] : [ImageFinding(message: "`DOCKER_CONTENT_TRUST` is not `1` on this host")]
        },
    ]
}
