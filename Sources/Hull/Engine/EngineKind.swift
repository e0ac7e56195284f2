/// A container engine Hull can drive through its command-line tool.
public enum EngineKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Docker with BuildKit (`docker buildx build`, or `DOCKER_BUILDKIT=1 docker build` with a CLI before 23).
    case docker
    /// `podman build`.
    case podman
    /// `buildah bud`.
    case buildah

    /// The program's name.
    public var program: String { rawValue }
}
