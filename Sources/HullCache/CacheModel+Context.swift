import Foundation
import HullContext
import HullDockerfile

extension CacheModel {
    /// A model for the Dockerfile at `dockerfilePath` built with the context at
    /// `contextDirectory`, using the ignore file BuildKit applies to that pair
    /// (`<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` at the root).
    /// - Throws: ``HullCacheError`` when the Dockerfile or the ignore file cannot be read.
    public init(contextDirectory: String, dockerfilePath: String, options: BuildOptions = BuildOptions()) throws(HullCacheError) {
        guard let data = FileManager.default.contents(atPath: dockerfilePath) else {
            throw .unreadableDockerfile(path: dockerfilePath, reason: "no such file, or not readable")
        }
        let dockerfile = Dockerfile.parse(String(decoding: data, as: UTF8.self), path: dockerfilePath)
        let choice = IgnoreFile.applicable(contextDirectory: contextDirectory, dockerfile: dockerfilePath)
        var matcher: IgnoreMatcher?
        var name = ".dockerignore"
        if let path = choice.path {
            name = (path as NSString).lastPathComponent
            do {
                let file = try IgnoreFile.read(at: path)
                if !file.patterns.isEmpty {
                    // BuildKit fails the build on a pattern it rejects; model what the valid ones do.
                    matcher = try IgnoreMatcher(patterns: file.patterns, policy: .dropInvalid)
                }
            } catch {
                throw .badIgnoreFile(path: path, reason: error.description)
            }
        }
        self.init(dockerfile: dockerfile, options: options, ignoreMatcher: matcher, ignoreFileName: name)
    }
}
