import Foundation

extension Workspace {
    /// Proposes the lines the context's ignore file is missing (see ``IgnoreProposal``). `root`
    /// is the build context; `dockerfile` the `-f` path (nil for `<root>/Dockerfile`). The
    /// ignore file in force is improved: `<Dockerfile>.dockerignore` when it exists, else
    /// `<root>/.dockerignore` (created when absent).
    public static func proposeIgnoreFile(root: String, dockerfile: String? = nil) throws(HullError) -> IgnoreProposal {
        try IgnoreAdvisor.propose(root: root, dockerfile: dockerfile)
    }

    /// Writes the proposal atomically; does nothing when it changes nothing.
    public static func write(_ proposal: IgnoreProposal) throws(HullError) {
        guard proposal.changes else { return }
        try AtomicFile.write(proposal.path, with: Array(proposal.proposed.utf8))
    }
}
