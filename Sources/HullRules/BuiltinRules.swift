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
        // Shell (SH) and layer-cache (LC) rules.
        NpmInstallInsteadOfCiRule.self,
        InstallWithoutFrozenLockfileRule.self,
        NpmOnlyProductionRule.self,
        PackageIndexUpdateAloneRule.self,
        AptListsNotRemovedRule.self,
        ApkAddWithoutNoCacheRule.self,
        PipInstallWithCacheRule.self,
        YumCacheNotCleanedRule.self,
        ZypperCacheNotCleanedRule.self,
        CleanupInSeparateRunRule.self,
        BuildToolchainInFinalImageRule.self,
        YarnCacheNotCleanedRule.self,
        DependencyInstallAfterSourceCopyRule.self,
        // Build-context (CX) rules.
        MissingDockerignoreRule.self,
        IncompleteDockerignoreRule.self,
        BroadCopyIncludesSecretRule.self,
        LargeBuildContextRule.self,
        InvalidDockerignorePatternRule.self,
        MissingCopySourceRule.self,
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
