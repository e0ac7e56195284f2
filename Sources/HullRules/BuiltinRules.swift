import HullLint

/// Every rule Hull ships, in code order. The catalogue test checks that every rule type in
/// the sources is listed here.
public enum BuiltinRules {
    /// The Dockerfile rules.
    public static let all: [any DockerfileRule.Type] = [
        MaintainerInstructionRule.self,
        BaseImageWithoutTagRule.self,
        BaseImageLatestTagRule.self,
        FullSizeBaseImageRule.self,
        RootUserRule.self,
        ShellFormCommandRule.self,
        SecretInEnvOrArgRule.self,
        SecretFileCopiedRule.self,
        AddInsteadOfCopyRule.self,
        CopyWholeContextRule.self,
        MissingHealthcheckRule.self,
        MissingOciLabelsRule.self,
        ConsecutiveRunInstructionsRule.self,
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
