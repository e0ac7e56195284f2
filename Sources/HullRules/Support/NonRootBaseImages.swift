import HullCore
import HullDockerfile

/// Base images known to set an unprivileged default user, so a Dockerfile built on them runs
/// as that user without a `USER` instruction of its own.
///
/// Kept deliberately short: only images whose default user is part of their documented
/// contract. Last reviewed on 2026-11-25.
enum NonRootBaseImages {
    /// Whether `reference` names an image whose default user is not root.
    static func runsAsNonRoot(_ reference: ImageReference) -> Bool {
        let tag = reference.tag?.lowercased() ?? ""
        // Distroless publishes `nonroot` flavours of every image (`static:nonroot`, `base:debug-nonroot`).
        if reference.registry == "gcr.io", reference.repository.hasPrefix("distroless/"), tag.split(separator: "-").contains("nonroot") {
            return true
        }
        // NGINX's unprivileged image runs as `nginx` (UID 101) by design.
        if reference.familiarName == "nginxinc/nginx-unprivileged" { return true }
        return false
    }
}
