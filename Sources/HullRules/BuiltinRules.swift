import HullLint

/// Every rule Hull ships, in code order. The catalogue test checks that every rule type in
/// the sources is listed here.
public enum BuiltinRules {
    /// The Dockerfile rules.
    public static let all: [any DockerfileRule.Type] = [
        MaintainerInstructionRule.self,
        ArchiveCopiedThenExtractedRule.self,
        SudoInRunRule.self,
        UseraddWithoutNoLogInitRule.self,
        PasswordSetInRunRule.self,
        CdInRunRule.self,
        PointlessCommandInContainerRule.self,
        PipeWithoutPipefailRule.self,
        BinShRelinkedRule.self,
        WgetAndCurlRule.self,
        WgetProgressBarRule.self,
        AptInsteadOfAptGetRule.self,
        PackageInstallWithoutYesRule.self,
        AptInstallRecommendsRule.self,
        OsPackageNotPinnedRule.self,
        LanguagePackageNotPinnedRule.self,
        YarnCacheNotCleanedRule.self,
        DistributionUpgradeRule.self,
        PackageSignatureCheckDisabledRule.self,
        DownloadTlsVerificationDisabledRule.self,
        ToolTlsVerificationDisabledRule.self,
    ]

    /// The descriptions of every rule.
    public static var descriptions: [RuleDescription] { all.map { $0.description } }
}
