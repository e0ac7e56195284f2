/// The version of the Hull tools.
public enum HullVersion {
    /// The semantic version string.
    public static let current = "0.1.0"
}
