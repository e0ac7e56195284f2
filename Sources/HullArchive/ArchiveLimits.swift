/// Bounds that keep reading hostile archives cheap: nothing is ever unbounded.
public struct ArchiveLimits: Hashable, Sendable {
    /// Largest PAX extended header, in bytes.
    public var maximumPAXHeader: Int
    /// Longest GNU long name or long link, in bytes.
    public var maximumLongName: Int
    /// Largest size an entry may declare.
    public var maximumEntrySize: Int64
    /// Most bytes one compressed stream may expand to.
    public var maximumExpandedBytes: Int64
    /// Largest ratio of expanded to compressed bytes, checked once `ratioGrace` bytes came out.
    public var maximumRatio: Int64
    /// Expanded bytes allowed before the ratio is checked (small streams compress very well).
    public var ratioGrace: Int64
    /// Most entries in one tar stream.
    public var maximumEntries: Int

    /// Creates limits; the defaults suit real images (layers of tens of GB, a million files).
    public init(maximumPAXHeader: Int = 1 << 20, maximumLongName: Int = 64 << 10, maximumEntrySize: Int64 = 1 << 40,
                maximumExpandedBytes: Int64 = 1 << 40, maximumRatio: Int64 = 250, ratioGrace: Int64 = 64 << 20,
                maximumEntries: Int = 4_000_000) {
        self.maximumPAXHeader = maximumPAXHeader
        self.maximumLongName = maximumLongName
        self.maximumEntrySize = maximumEntrySize
        self.maximumExpandedBytes = maximumExpandedBytes
        self.maximumRatio = maximumRatio
        self.ratioGrace = ratioGrace
        self.maximumEntries = maximumEntries
    }
}
