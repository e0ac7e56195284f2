/// A kind of content that often ends up in a build context by accident.
public enum ContextCategory: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Version-control data: `.git/`, `.hg/`, `.svn/`, `.bzr/`.
    case versionControl
    /// Installed dependencies: `node_modules/`, `vendor/`, `.venv/`, `venv/`, `__pycache__/`, `target/` …
    case dependencies
    /// Build output: `dist/`, `build/`, `out/`, `.next/` …
    case buildOutput
    /// Tool caches: `.cache/`, `.pytest_cache/`, `.mypy_cache/`, `.gradle/` …
    case caches
    /// Editor and operating-system files: `.idea/`, `.vscode/`, `.DS_Store`, `Thumbs.db`, `*.swp` …
    case editorAndOS
    /// Tests and coverage: `test/`, `tests/`, `__tests__/`, `coverage/`, `*.test.js` …
    case testsAndCoverage
    /// Documentation: `docs/`, `*.md` …
    case documentation
    /// Logs: `*.log`.
    case logs

    public var description: String {
        switch self {
        case .versionControl: "version control"
        case .dependencies: "dependencies"
        case .buildOutput: "build output"
        case .caches: "caches"
        case .editorAndOS: "editor and OS files"
        case .testsAndCoverage: "tests and coverage"
        case .documentation: "documentation"
        case .logs: "logs"
        }
    }
}
