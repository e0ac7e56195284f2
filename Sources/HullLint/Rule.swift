/// A rule: a description and a pure check. One rule is one file.
public protocol Rule: Sendable {
    /// The rule's identity, explanation and examples.
    static var description: RuleDescription { get }
    /// Creates the rule; options arrive through the sink.
    init()
}

/// A rule that judges one Dockerfile (with its build context when known).
public protocol DockerfileRule: Rule {
    /// Reports problems in `input` into `sink`.
    func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink)
}
