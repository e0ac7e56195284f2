import Foundation

/// os-release (os-release(5)): KEY=value lines, values possibly quoted.
enum OSRelease {
    static func parse(_ bytes: [UInt8]) -> ImageAnalysis.OperatingSystem {
        var values: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" { value = String(value.dropFirst().dropLast()) }
            values[String(line[..<equals])] = value
        }
        return .init(id: values["ID"], versionID: values["VERSION_ID"], prettyName: values["PRETTY_NAME"])
    }
}

/// Shells and package managers looked for in the final filesystem.
enum Tools {
    static let shells = ["bin/sh", "bin/bash", "bin/ash", "bin/dash", "bin/zsh", "bin/ksh", "bin/busybox",
                         "usr/bin/sh", "usr/bin/bash", "usr/bin/dash", "usr/bin/zsh"]
    static let packageManagers = ["usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg", "sbin/apk", "usr/bin/apk", "usr/bin/yum", "usr/bin/dnf",
                                  "usr/bin/microdnf", "usr/bin/rpm", "bin/rpm", "usr/bin/zypper", "usr/bin/pip", "usr/bin/pip3",
                                  "usr/local/bin/pip", "usr/local/bin/pip3", "usr/bin/npm", "usr/local/bin/npm", "usr/bin/gem"]
}

/// Leaky or unneeded files (Dockle's DKL-LI-0003 list, plus environment and editor files).
enum UnneededFiles {
    static let names: [String: String] = [
        ".git": "version-control history", ".svn": "version-control history", ".hg": "version-control history",
        ".aws": "cloud credentials folder", ".azure": "cloud credentials folder", ".gcp": "cloud credentials folder",
        ".vscode": "editor settings", ".idea": "editor settings", ".npm": "npm cache", ".cache": "cache folder",
        "Dockerfile": "build file", "docker-compose.yml": "build file", "docker-compose.yaml": "build file", "compose.yaml": "build file",
        ".vimrc": "editor settings", ".DS_Store": "OS metadata", ".env": "environment file",
    ]

    static func exempt(_ path: String) -> Bool {
        let base = TarPathName.base(path)
        return base == "node_modules" || base == "vendor" || path == "proc" || path == "sys" || path.hasPrefix("usr/share") || path.hasPrefix("usr/lib")
    }

    static func reason(path: String, isDirectory: Bool) -> String? {
        let base = String(TarPathName.base(path))
        if path.hasPrefix("usr/") || path.hasPrefix("lib/") || path.hasPrefix("etc/") { return nil }
        if let reason = names[base] { return reason }
        if !isDirectory, base.hasSuffix(".swp") || base.hasSuffix(".swo") || (base.hasSuffix("~") && base.count > 1) { return "editor swap or backup file" }
        return nil
    }
}

/// Package-manager caches that images should not ship.
enum PackageCaches {
    static let places: [(kind: String, path: String)] = [
        ("apt-lists", "var/lib/apt/lists"), ("apt-archives", "var/cache/apt/archives"), ("apt-cache", "var/cache/apt"),
        ("apk-cache", "var/cache/apk"), ("pip-cache", "root/.cache/pip"), ("npm-cache", "root/.npm"),
        ("yarn-cache", "usr/local/share/.cache/yarn"), ("dnf-cache", "var/cache/dnf"), ("yum-cache", "var/cache/yum"),
    ]

    static func find(in root: PathNode) -> [ImageAnalysis.PackageCache] {
        var result: [ImageAnalysis.PackageCache] = []
        var counted = Set<String>()
        for place in places {
            guard let node = root.lookup(place.path), node.kind == .directory else { continue }
            if counted.contains(where: { place.path.hasPrefix($0 + "/") }) { continue }
            var files = 0
            var bytes: Int64 = 0
            var layer = node.layer
            var stack: [(String, PathNode)] = node.children.map { ($0.key, $0.value) }
            while let (name, item) = stack.popLast() {
                // Lock files and empty `partial` folders are what apt leaves after a clean.
                if name == "lock" || name.hasSuffix("/lock") { continue }
                if item.kind == .regular && item.explicit {
                    files += 1
                    bytes += item.size
                    layer = max(layer, item.layer)
                }
                stack.append(contentsOf: item.children.map { (name + "/" + $0.key, $0.value) })
            }
            guard files > 0 else { continue }
            counted.insert(place.path)
            if place.kind == "apt-cache" { counted.insert("var/cache/apt/archives") }
            result.append(.init(kind: place.kind, path: "/" + place.path, files: files, bytes: bytes, layer: layer))
        }
        return result.filter { cache in !(cache.kind == "apt-cache" && result.contains { $0.kind == "apt-archives" }) }
    }
}

/// /etc/passwd, /etc/group, /etc/shadow checks (Dockle's DKL-LI-0001 and DKL-LI-0002).
enum Accounts {
    static func read(passwd: [UInt8]?, group: [UInt8]?, shadow: [UInt8]?) -> ImageAnalysis.Accounts {
        func lines(_ bytes: [UInt8]?) -> [[Substring]] {
            guard let bytes else { return [] }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n")
                .filter { !$0.hasPrefix("#") && !$0.isEmpty }
                .map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        }
        func duplicates(_ rows: [[Substring]]) -> [String] {
            var byID: [String: [String]] = [:]
            for row in rows where row.count > 2 { byID[String(row[2]), default: []].append(String(row[0])) }
            return byID.filter { $0.value.count > 1 }.map { "\($0.key) (\($0.value.joined(separator: ", ")))" }.sorted()
        }
        let users = lines(passwd)
        let empty = lines(shadow).filter { $0.count > 1 && $0[1].isEmpty }.map { String($0[0]) }
        return .init(users: users.count, duplicateUIDs: duplicates(users), duplicateGIDs: duplicates(lines(group)), emptyPasswords: empty)
    }
}
