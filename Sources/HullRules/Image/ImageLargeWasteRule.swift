import HullCore
import HullLint

/// Later layers delete or replace much of what earlier layers added.
public struct ImageLargeWasteRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM018", name: "image-large-waste",
        summary: "Later layers delete or replace more than 10 MB (and 10 %) of what earlier layers added.",
        rationale: """
        A file deleted or replaced by a later layer still ships in the layer that added it: every pull \
        downloads it and the final filesystem never shows it. Delete temporary files in the step that \
        creates them, or build in one stage and copy the result into a clean one. When the largest hidden \
        file was deleted by a `RUN`, the finding links the Dockerfile rule about cleaning up in a separate \
        step.
        """,
        category: .size, defaultSeverity: .warning,
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c curl -o /tmp/sdk.tgz https://example.com/sdk.tgz && tar -xzf /tmp/sdk.tgz && rm /tmp/sdk.tgz",
                                                                      [.directory("opt/sdk"), .file("opt/sdk/bin", size: 1000)])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c curl -o /tmp/sdk.tgz https://example.com/sdk.tgz", [.directory("tmp"), .file("tmp/sdk.tgz", size: 12_000_000)]),
                                   .layer("RUN /bin/sh -c tar -xzf /tmp/sdk.tgz -C /opt && rm /tmp/sdk.tgz", [.directory("opt"), .file("opt/sdk", size: 1000), .whiteout("tmp/sdk.tgz")])],
                                  config: .init(user: "app")), note: "SH010 (cleanup-in-separate-run) flags this: history line 2"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        let waste = input.analysis.waste
        guard waste.hiddenBytes > 10_000_000, waste.layerBytes > 0, Double(waste.hiddenBytes) / Double(waste.layerBytes) > 0.1 else { return }
        var counterpart: DockerfileCounterpart?
        if let largest = waste.largest.first, let line = input.historyLine(making: largest.hiddenBy), let command = ImageHistory.runCommand(line.createdBy) {
            counterpart = DockerfileCounterpart(CleanupInSeparateRunRule.description,
                                                evidence: "history line \(line.index) (`RUN \(String(command.prefix(120)))`) removed `\(largest.path)` that layer \(largest.layer) added")
        }
        sink.report("\(ByteCount.grouped(Int(waste.hiddenBytes))) bytes in \(waste.hiddenFiles) files are deleted or replaced by later layers",
                    notes: waste.largest.prefix(5).map { "\($0.path) (\($0.bytes) bytes, layer \($0.layer), hidden by layer \($0.hiddenBy))" },
                    counterpart: counterpart)
    }
}
