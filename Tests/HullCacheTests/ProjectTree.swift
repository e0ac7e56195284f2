import Foundation

/// A project folder on disk for one test, removed when the value is released.
final class ProjectTree {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        let base = (NSTemporaryDirectory() as NSString).standardizingPath
        var template = Array("\(base)/hull-cache-XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: pointer)
        for (path, contents) in files { try file(path, contents) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// Creates a file (and its parents).
    func file(_ relative: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
}

/// The seeds' Node.js project: the bad Dockerfile, the optimised one and a multi-stage build.
enum Seeds {
    static let bad = """
    FROM node:20
    WORKDIR /app
    COPY . .
    RUN npm install
    EXPOSE 3000
    CMD node src/index.js

    """

    static let optimised = """
    FROM node:20-alpine
    WORKDIR /app
    COPY package*.json ./
    RUN npm ci
    COPY src/ ./src/
    CMD ["node", "src/index.js"]

    """

    static let multiStage = """
    FROM node:20-alpine AS deps
    WORKDIR /app
    COPY package*.json ./
    RUN npm ci --omit=dev

    FROM node:20-alpine AS build
    WORKDIR /app
    COPY package*.json ./
    RUN npm ci
    COPY tsconfig.json ./
    COPY src/ ./src/
    RUN npm run build

    FROM node:20-alpine AS runtime
    WORKDIR /app
    RUN addgroup -S app && adduser -S app -G app
    COPY --from=deps --chown=app:app /app/node_modules ./node_modules
    COPY --from=build --chown=app:app /app/dist ./dist
    USER app
    EXPOSE 3000
    CMD ["node", "dist/index.js"]

    """

    static let ignore = "node_modules\n.git\n.env\n.env.*\ncoverage\n*.test.js\n*.md\n*.log\n"

    /// A project with `dockerfile` and the usual files.
    static func project(_ dockerfile: String, ignore: String? = Seeds.ignore) throws -> ProjectTree {
        var files = [
            "Dockerfile": dockerfile,
            "package.json": "{\"name\":\"app\"}\n",
            "package-lock.json": "{}\n",
            "tsconfig.json": "{}\n",
            "src/index.js": "console.log('hi')\n",
            "src/lib/util.js": "module.exports = 1\n",
            "src/index.test.js": "test()\n",
            "README.md": "# app\n",
            "node_modules/left-pad/index.js": "module.exports = 0\n",
            ".env": "SECRET=1\n",
        ]
        if let ignore { files[".dockerignore"] = ignore }
        return try ProjectTree(files)
    }
}
