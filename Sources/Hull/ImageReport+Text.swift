import Foundation
import HullCore
import HullImage

extension ImageReport {
    /// The human-readable report: summary, config, history, layers, waste, findings, CI verdict.
    public func text(colour: Bool) -> String {
        func bold(_ s: String) -> String { colour ? "\u{1b}[1m\(s)\u{1b}[0m" : s }
        func size(_ bytes: Int64) -> String { ByteCount.text(bytes) }
        let image = self.image
        var out = ""
        out += bold("Image \(image.source)") + " (\(image.format)\(image.platform.map { ", \($0)" } ?? ""))\n"
        if !image.tags.isEmpty { out += "  tags:        \(image.tags.joined(separator: ", "))\n" }
        out += "  config:      \(image.configDigest)\n"
        if let os = image.os { out += "  OS:          \(os.prettyName ?? [os.id, os.versionID].compactMap { $0 }.joined(separator: " "))\n" }
        out += "  size:        \(size(image.filesystem.bytes)) in \(image.filesystem.files) files (final filesystem); \(size(image.waste.layerBytes)) in \(image.layers.count) layers\n"
        let config = image.config
        out += "\n" + bold("Config") + "\n"
        out += "  user:        \(config.user.flatMap { $0.isEmpty ? nil : $0 } ?? "(none: root)")\n"
        if let entrypoint = config.entrypoint, !entrypoint.isEmpty { out += "  entrypoint:  \(entrypoint) (\(config.entrypointForm ?? "exec") form)\n" }
        if let cmd = config.cmd, !cmd.isEmpty { out += "  cmd:         \(cmd) (\(config.cmdForm ?? "exec") form)\n" }
        if let dir = config.workingDir, !dir.isEmpty { out += "  workdir:     \(dir)\n" }
        if !config.exposedPorts.isEmpty { out += "  ports:       \(config.exposedPorts.joined(separator: ", "))\n" }
        if !config.volumes.isEmpty { out += "  volumes:     \(config.volumes.joined(separator: ", "))\n" }
        if let signal = config.stopSignal { out += "  stop signal: \(signal)\n" }
        if let check = config.healthcheck {
            out += "  healthcheck: \(check.disabled ? "NONE" : check.test.joined(separator: " "))\(check.interval.map { " every \($0)s" } ?? "")\n"
        } else {
            out += "  healthcheck: (none)\n"
        }
        for variable in config.env { out += "  env:         \(variable)\n" }
        for (key, value) in config.labels.sorted(by: { $0.key < $1.key }) { out += "  label:       \(key)=\(value)\n" }
        if !image.shells.isEmpty { out += "  shells:      \(image.shells.joined(separator: ", "))\n" }
        if !image.packageManagers.isEmpty { out += "  packages:    \(image.packageManagers.joined(separator: ", "))\n" }

        out += "\n" + bold("History") + " (oldest first, as `docker history` lists it newest first)\n"
        for line in image.history {
            let sizeText = line.emptyLayer ? "0B" : size(line.size)
            out += "  \(String(line.index).leftPad(3)) \(sizeText.leftPad(9))  \(line.layer.map { "L\($0)" } ?? "  ") \(line.createdBy.prefix(110))\n"
        }
        out += "\n" + bold("Layers") + "\n"
        for layer in image.layers {
            out += "  L\(layer.index) \(size(layer.size).leftPad(9)) \(String(layer.files).leftPad(6)) files  stored \(size(layer.storedSize)) (\(layer.compression))"
            if layer.hiddenBytes > 0 { out += "  hides \(size(layer.hiddenBytes))" }
            if layer.whiteouts + layer.opaqueDirectories > 0 { out += "  \(layer.whiteouts) whiteouts, \(layer.opaqueDirectories) opaque" }
            out += "\n"
        }
        out += "\n" + bold("Waste") + "\n"
        out += "  deleted or replaced by later layers: \(size(image.waste.hiddenBytes)) in \(image.waste.hiddenFiles) files\n"
        for file in image.waste.largest.prefix(5) { out += "    \(size(file.bytes).leftPad(9))  \(file.path) (L\(file.layer), hidden by L\(file.hiddenBy))\n" }
        out += String(format: "  dive: efficiency %.4f %%, wasted %@ (%lld bytes), user wasted %.4f %%\n",
                      image.dive.efficiency * 100, size(image.dive.wastedBytes), image.dive.wastedBytes, image.dive.userWastedPercent * 100)
        if !image.problems.isEmpty { out += "\n" + bold("Archive problems") + "\n" + image.problems.map { "  L\($0.layer ?? 0): \($0.message)\n" }.joined() }
        for note in image.notes { out += "note: \(note)\n" }

        out += "\n" + bold("Findings") + "\n"
        if diagnostics.isEmpty { out += "  none\n" }
        for diagnostic in diagnostics {
            var place = ""
            if case let .imageLayer(_, layer, path) = diagnostic.location { place = " [L\(layer) \(path)]" }
            out += "  \(diagnostic.severity.rawValue.leftPad(7)) \(diagnostic.code.rawValue) \(diagnostic.name): \(diagnostic.message)\(place)\n"
            for note in diagnostic.notes { out += "          \(note)\n" }
        }
        if let ci {
            out += "\n" + bold("CI") + ": \(ci.passed ? "PASS" : "FAIL")\n"
            for check in ci.checks {
                let value = check.name == "highestWastedBytes" ? String(Int64(check.value)) : String(format: "%.4f", check.value)
                let threshold = check.name == "highestWastedBytes" ? String(Int64(check.threshold)) : String(format: "%.4f", check.threshold)
                out += "  \(check.passed ? "PASS" : "FAIL") \(check.name): \(value) (threshold \(threshold))\n"
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
