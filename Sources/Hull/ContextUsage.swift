import Foundation
import HullContext

/// Which sent files the Dockerfile's COPY/ADD sources and mounts take in, which it never uses,
/// and what BuildKit would transfer for it.
struct ContextUsage: Sendable {
    /// Files and bytes.
    struct Tally: Hashable, Sendable {
        var files = 0
        var bytes: Int64 = 0

        mutating func add(_ entry: ContextEntry) {
            files += 1
            bytes += entry.kind == .file ? entry.size : 0
        }
    }

    /// A sent file or folder none of whose files any reference uses.
    struct UnusedGroup: Hashable, Sendable {
        var path: ContextPath
        var isDirectory: Bool
        var tally: Tally
    }

    /// Per reference (indexed like the input): the sent files it takes in.
    var perReference: [Tally]
    /// Sent files some reference uses.
    var used = Tally()
    /// Sent files no reference uses, grouped into the largest folders that are unused as a whole.
    var unused: [UnusedGroup] = []
    /// Totals of the unused files.
    var unusedTally = Tally()
    /// What BuildKit transfers for the stages it builds: the files under the paths those stages name.
    var transferred = Tally()
    /// Whether a built stage names the whole context.
    var transfersEverything = false

    /// Computes usage over `entries` (sent entries in walker order). `alwaysUsed` paths (the
    /// Dockerfile, the ignore file) never count as unused.
    init(entries: [ContextEntry], references: [ContextReference], alwaysUsed: [[UInt8]]) {
        let patterns = references.map(SourcePattern.init)
        perReference = Array(repeating: Tally(), count: references.count)
        transfersEverything = references.contains { $0.isBuilt && $0.isWholeContext }
        let everythingUsed = references.contains { $0.isWholeContext && $0.kind != .tmpfsMount && $0.excludes.isEmpty }

        var stack: [Frame] = []
        func close(down to: Int) {
            while stack.count > to {
                let frame = stack.removeLast()
                let whole = frame.total.files > 0 && frame.unused.files == frame.total.files
                let groups = whole ? [UnusedGroup(path: ContextPath(bytes: frame.path), isDirectory: true, tally: frame.unused)] : frame.groups
                if stack.isEmpty {
                    unused.append(contentsOf: groups)
                } else {
                    stack[stack.count - 1].groups.append(contentsOf: groups)
                    stack[stack.count - 1].total.files += frame.total.files
                    stack[stack.count - 1].total.bytes += frame.total.bytes
                    stack[stack.count - 1].unused.files += frame.unused.files
                    stack[stack.count - 1].unused.bytes += frame.unused.bytes
                }
            }
        }

        for entry in entries {
            switch entry.kind {
            case .directory, .fifo, .socket, .characterDevice, .blockDevice, .unknown: continue
            case .file, .symlink: break
            }
            let bytes = entry.path.bytes
            var isUsed = everythingUsed || alwaysUsed.contains { $0.count == bytes.count && $0 == bytes }
            var isTransferred = transfersEverything
            for (index, pattern) in patterns.enumerated() where pattern.covers(bytes) {
                perReference[index].add(entry)
                isUsed = isUsed || pattern.reference.kind != .tmpfsMount
                isTransferred = isTransferred || pattern.reference.isBuilt
            }
            if isTransferred { transferred.add(entry) }
            if isUsed {
                used.add(entry)
            } else {
                unusedTally.add(entry)
            }
            guard !everythingUsed else { continue }
            // Keep a stack of the folders above this entry (entries come in walker order).
            var depth = 0
            var slashes = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                slashes += 1
                if depth == slashes - 1 && depth < stack.count && stack[depth].path.count == index
                    && stack[depth].path.withUnsafeBufferPointer({ left in
                        bytes.withUnsafeBufferPointer { right in memcmp(left.baseAddress!, right.baseAddress!, index) == 0 }
                    }) {
                    depth += 1
                }
            }
            close(down: depth)
            if stack.count < slashes {
                var seen = 0
                for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                    seen += 1
                    if seen > stack.count { stack.append(Frame(path: Array(bytes[..<index]))) }
                }
            }
            var tally = Tally()
            tally.add(entry)
            if stack.isEmpty {
                if !isUsed { unused.append(UnusedGroup(path: entry.path, isDirectory: false, tally: tally)) }
            } else {
                stack[stack.count - 1].total.files += 1
                stack[stack.count - 1].total.bytes += tally.bytes
                if !isUsed {
                    stack[stack.count - 1].unused.files += 1
                    stack[stack.count - 1].unused.bytes += tally.bytes
                    stack[stack.count - 1].groups.append(UnusedGroup(path: entry.path, isDirectory: false, tally: tally))
                }
            }
        }
        close(down: 0)
        unused.sort { ($0.tally.bytes, $1.path) > ($1.tally.bytes, $0.path) }
    }

    private struct Frame {
        var path: [UInt8]
        var total = Tally()
        var unused = Tally()
        var groups: [UnusedGroup] = []
    }
}
