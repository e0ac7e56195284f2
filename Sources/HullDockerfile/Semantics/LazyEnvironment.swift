/// A scope's environment for the shell lexer, built on first use: only `$` reads it, and most
/// words reference no variable, while building it costs a dictionary per word.
struct LazyEnvironment {
    let scope: VariableScope
    private var built: ShellEnvironment?

    init(_ scope: VariableScope) { self.scope = scope }

    /// The environment `text` needs: the scope's when it contains `$`, else an empty one.
    mutating func environment(for text: String) -> ShellEnvironment {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return .empty }
        if let built { return built }
        let environment = scope.environment
        built = environment
        return environment
    }
}
