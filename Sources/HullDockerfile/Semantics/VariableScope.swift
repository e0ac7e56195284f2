/// The variables an instruction sees: the ARGs declared in its stage (or the global ARGs for
/// FROM) and the ENV values set before it. ENV wins over an ARG of the same name.
public struct VariableScope: Sendable, Hashable {
    /// Declared ARGs in declaration order; a nil value means declared without a value.
    public private(set) var args: [String: String?] = [:]
    /// ENV values, including those inherited from a parent stage.
    public private(set) var env: [String: String] = [:]
    /// Declaration order of names, for stable output.
    public private(set) var order: [String] = []

    /// An empty scope.
    public init() {}

    /// Declares an ARG.
    public mutating func declareArg(_ name: String, value: String?) {
        if args[name] == nil && env[name] == nil { order.append(name) }
        args[name] = .some(value)
    }

    /// Sets an ENV value.
    public mutating func setEnv(_ name: String, value: String) {
        if args[name] == nil && env[name] == nil { order.append(name) }
        env[name] = value
    }

    /// The value a reference to `name` sees, nil when unset.
    public func value(of name: String) -> String? {
        if let value = env[name] { return value }
        if let declared = args[name] { return declared }
        return nil
    }

    /// Whether `name` is declared (as ARG, even without value, or ENV).
    public func isDeclared(_ name: String) -> Bool { env[name] != nil || args[name] != nil }

    /// The names that have values, for the shell lexer.
    public var environment: ShellEnvironment {
        ShellEnvironment(order.compactMap { name in value(of: name).map { (name, $0) } })
    }

    /// Every declared name.
    public var declaredNames: [String] { order }
}
