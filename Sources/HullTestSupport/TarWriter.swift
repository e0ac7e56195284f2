import Foundation

/// A small tar writer for tests: builds layers and image archives in memory, including hostile
/// ones (any name, any type flag, a raw size field), so tests need no files on disk but their own.
public struct TarWriter {
    /// One member to write.
    public struct Member {
        public var name: String
        /// `0` regular, `1` hard link, `2` symlink, `5` folder, or any other flag.
        public var type: UInt8
        public var content: [UInt8]
        public var mode: UInt32
        public var linkName: String
        /// Overrides the size field (octal text or raw bytes), for hostile headers.
        public var rawSize: [UInt8]?
        /// Owner and group IDs.
        public var uid: Int
        public var gid: Int

        public init(name: String, type: UInt8 = UInt8(ascii: "0"), content: [UInt8] = [], mode: UInt32 = 0o644, linkName: String = "", rawSize: [UInt8]? = nil,
                    uid: Int = 0, gid: Int = 0) {
            self.name = name
            self.type = type
            self.content = content
            self.mode = mode
            self.linkName = linkName
            self.rawSize = rawSize
            self.uid = uid
            self.gid = gid
        }

        public static func file(_ name: String, _ text: String, mode: UInt32 = 0o644) -> Member { Member(name: name, content: Array(text.utf8), mode: mode) }
        public static func file(_ name: String, bytes: [UInt8], mode: UInt32 = 0o644) -> Member { Member(name: name, content: bytes, mode: mode) }
        public static func directory(_ name: String, mode: UInt32 = 0o755) -> Member { Member(name: name, type: UInt8(ascii: "5"), mode: mode) }
        public static func symlink(_ name: String, to target: String) -> Member { Member(name: name, type: UInt8(ascii: "2"), mode: 0o777, linkName: target) }
        public static func hardLink(_ name: String, to target: String) -> Member { Member(name: name, type: UInt8(ascii: "1"), linkName: target) }
    }

    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Appends a member; names over 100 bytes get a PAX `path` record.
    public mutating func add(_ member: Member) {
        if member.name.utf8.count > 100 || member.linkName.utf8.count > 100 {
            var records = ""
            if member.name.utf8.count > 100 { records += Self.paxRecord("path", member.name) }
            if member.linkName.utf8.count > 100 { records += Self.paxRecord("linkpath", member.linkName) }
            let data = Array(records.utf8)
            appendHeader(name: "PaxHeader", type: UInt8(ascii: "x"), size: data.count, mode: 0o644, linkName: "", rawSize: nil, uid: 0, gid: 0)
            appendData(data)
        }
        appendHeader(name: String(member.name.prefix(100)), type: member.type, size: member.content.count, mode: member.mode,
                     linkName: String(member.linkName.prefix(100)), rawSize: member.rawSize, uid: member.uid, gid: member.gid)
        appendData(member.content)
    }

    /// Appends raw bytes (for truncated or corrupt archives).
    public mutating func appendRaw(_ raw: [UInt8]) { bytes += raw }

    /// The archive with its two zero blocks.
    public func finished() -> [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }

    /// A whole archive from members.
    public static func archive(_ members: [Member]) -> [UInt8] {
        var writer = TarWriter()
        for member in members { writer.add(member) }
        return writer.finished()
    }

    static func paxRecord(_ key: String, _ value: String) -> String {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).count + body.utf8.count != length { length = String(length).count + body.utf8.count }
        return "\(length)\(body)"
    }

    private mutating func appendHeader(name: String, type: UInt8, size: Int, mode: UInt32, linkName: String, rawSize: [UInt8]?, uid: Int, gid: Int) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, length: Int) {
            for (index, byte) in text.utf8.prefix(length).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, length: Int) {
            let text = String(value, radix: 8)
            put(String(repeating: "0", count: max(0, length - 1 - text.count)) + text, at: offset, length: length - 1)
        }
        put(name, at: 0, length: 100)
        octal(Int(mode), at: 100, length: 8)
        octal(uid, at: 108, length: 8)
        octal(gid, at: 116, length: 8)
        if let rawSize {
            for (index, byte) in rawSize.prefix(12).enumerated() { header[124 + index] = byte }
        } else {
            octal(size, at: 124, length: 12)
        }
        octal(1_700_000_000, at: 136, length: 12)
        header[156] = type
        put(linkName, at: 157, length: 100)
        put("ustar", at: 257, length: 6)
        put("00", at: 263, length: 2)
        for index in 148..<156 { header[index] = UInt8(ascii: " ") }
        let sum = header.reduce(0) { $0 + Int($1) }
        let text = String(sum, radix: 8)
        put(String(repeating: "0", count: 6 - text.count) + text, at: 148, length: 6)
        header[154] = 0
        header[155] = UInt8(ascii: " ")
        bytes += header
    }

    private mutating func appendData(_ data: [UInt8]) {
        bytes += data
        let padding = (512 - data.count % 512) % 512
        bytes += [UInt8](repeating: 0, count: padding)
    }
}

/// Builds `docker save` archives and OCI layouts from layers, for tests.
public enum ImageArchiveWriter {
    /// A legacy `docker save` archive: manifest.json, `<hex>.json` config, `<n>/layer.tar` layers.
    public static func dockerArchive(layers: [[UInt8]], config: [String: Any], tag: String = "example/app:v1") throws -> [UInt8] {
        var config = config
        var rootfs = ["type": "layers"] as [String: Any]
        rootfs["diff_ids"] = layers.map { "sha256:" + Self.sha256($0) }
        config["rootfs"] = rootfs
        let configBytes = Array(try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]))
        let configName = Self.sha256(configBytes) + ".json"
        let layerNames = layers.indices.map { "layer\($0)/layer.tar" }
        let manifest = [["Config": configName, "RepoTags": [tag], "Layers": layerNames]]
        var members: [TarWriter.Member] = [.file("manifest.json", bytes: Array(try JSONSerialization.data(withJSONObject: manifest))),
                                           .file(configName, bytes: configBytes)]
        for (index, layer) in layers.enumerated() {
            members.append(.directory("layer\(index)/"))
            members.append(.file("layer\(index)/layer.tar", bytes: layer))
        }
        return TarWriter.archive(members)
    }

    /// The hex SHA-256 of bytes (through `sha256sum`, which every test machine has).
    public static func sha256(_ bytes: [UInt8]) -> String {
        let result = try? Subprocess.run("/usr/bin/env", ["sha256sum"], stdin: bytes)
        return String(String(decoding: result?.stdout ?? [], as: UTF8.self).prefix(64))
    }
}
