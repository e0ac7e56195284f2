import Foundation

/// A fact derived from an ``AnalyzedDockerfile`` that several rules need, such as every RUN
/// with its parsed scripts. ``AnalysisMemo`` computes it once per analysed file.
public protocol AnalysisFact {
    /// What the fact holds.
    associatedtype Value: Sendable
}

/// Derived facts of one analysed Dockerfile, each computed on first use and then shared by
/// every rule that asks for it (about a hundred rules run over the same file).
///
/// A value is computed outside the lock, so computing one fact may ask for another; when two
/// threads ask at once both compute it and the first stored value wins (facts are pure
/// functions of the analysis, so the two are equal).
public final class AnalysisMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ObjectIdentifier: any Sendable] = [:]

    /// An empty memo.
    public init() {}

    /// The value of `fact`, computed by `compute` the first time it is asked for.
    public func value<Fact: AnalysisFact>(of fact: Fact.Type, _ compute: () -> Fact.Value) -> Fact.Value {
        let key = ObjectIdentifier(fact)
        lock.lock()
        if let stored = values[key] as? Fact.Value {
            lock.unlock()
            return stored
        }
        lock.unlock()
        let computed = compute()
        lock.lock()
        defer { lock.unlock() }
        if let stored = values[key] as? Fact.Value { return stored }
        values[key] = computed
        return computed
    }
}
