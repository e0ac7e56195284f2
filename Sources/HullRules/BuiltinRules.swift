import HullLint

/// Every rule Hull ships, in code order. The catalogue test checks that every rule type in
/// the sources is listed here.
public enum BuiltinRules {
    /// The Dockerfile rules.
    public static let all: [any DockerfileRule.Type] = [
        MaintainerInstructionRule.self,
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
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
