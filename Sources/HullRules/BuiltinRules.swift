import HullLint

/// Every rule Hull ships, in code order. The catalogue test checks that every rule type in
/// the sources is listed here.
public enum BuiltinRules {
    /// The Dockerfile rules.
    public static let all: [any DockerfileRule.Type] = [
        MaintainerInstructionRule.self,
        UntrustedBaseRegistryRule.self,
        ConstantPlatformFlagRule.self,
        RedundantTargetPlatformRule.self,
        UndefinedArgInFromRule.self,
        InvalidDefaultArgInFromRule.self,
        InstructionBeforeFromRule.self,
        DuplicateStageNameRule.self,
        ReservedStageNameRule.self,
        StageNameCasingRule.self,
        KeywordCasingRule.self,
        CopyFromUndefinedStageRule.self,
        CopyFromOwnStageRule.self,
        CopyRootFilesystemRule.self,
        CopySourcesWithoutTrailingSlashRule.self,
        RelativeCopyDestinationWithoutWorkdirRule.self,
        CopyIgnoredFileRule.self,
        LegacyKeyValueFormatRule.self,
        EnvSameInstructionReferenceRule.self,
        UndefinedVariableRule.self,
        InvalidOnbuildTriggerRule.self,
        UnknownInstructionRule.self,
        InvalidInstructionFlagRule.self,
        NonNumericUserRule.self,
        EmptyContinuationLineRule.self,
        TlsVerificationDisabledInEnvRule.self,
        MultipleCmdInstructionsRule.self,
        MultipleEntrypointInstructionsRule.self,
        MultipleHealthcheckInstructionsRule.self,
        InvalidExposePortRule.self,
        SshPortExposedRule.self,
        ExposeHostMappingRule.self,
        ExposeProtocolCasingRule.self,
        RelativeWorkdirRule.self,
        SystemDirectoryWorkdirOrVolumeRule.self,
        InvalidLabelKeyRule.self,
        MissingRequiredLabelRule.self,
        LabelNotInSchemaRule.self,
        EmptyLabelValueRule.self,
        LabelValueNotUrlRule.self,
        LabelValueNotRfc3339Rule.self,
        LabelValueNotSpdxRule.self,
        LabelValueNotGitHashRule.self,
        LabelValueNotSemverRule.self,
        LabelValueNotEmailRule.self,
        InlineIgnorePragmaRule.self,
        InvalidStopSignalRule.self,
        InvalidHealthcheckOptionRule.self,
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
