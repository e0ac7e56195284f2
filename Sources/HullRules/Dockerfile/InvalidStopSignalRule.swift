import HullCore
import HullDockerfile
import HullLint

/// `STOPSIGNAL` names no signal the runtime can send.
public struct InvalidStopSignalRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF083", name: "invalid-stop-signal",
        summary: "`STOPSIGNAL` is not a signal name or number the container runtime accepts.",
        rationale: """
        `STOPSIGNAL` is the signal `docker stop` and Kubernetes send to ask the container to shut down. \
        BuildKit fails the build on a name it does not know and on `0`; a number above 64 (Linux's \
        `SIGRTMAX`) or below 1 passes the build but makes every stop fail, so the container is killed \
        after the grace period instead of shutting down cleanly. Write a Linux signal name, with or without \
        `SIG` and in any case (`SIGTERM`, `SIGQUIT`, `SIGRTMIN+3`), or its number. Values are read after \
        variable expansion; a value only known at build time is not judged. Misspelt names get the closest \
        real one.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n"),
            .passing("FROM postgres:16\nSTOPSIGNAL sigint\nSTOPSIGNAL 15\nSTOPSIGNAL RTMIN+3\nARG SIGNAL\nSTOPSIGNAL $SIGNAL\n"),
            .failing("FROM nginx:1.27\nSTOPSIGNAL ⟦SIGTREM⟧\n"),
            .failing("FROM nginx:1.27\nSTOPSIGNAL ⟦0⟧\nSTOPSIGNAL ⟦99⟧\nARG SIGNAL=SIGHALT\nSTOPSIGNAL ⟦${SIGNAL}⟧\n"),
        ])

    /// The signal names BuildKit and the Docker daemon accept on Linux (`moby/sys/signal`), without `SIG`.
    static let names: Set<String> = {
        var names: Set<String> = ["ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
                                  "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN",
                                  "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX"]
        for offset in 1...15 { names.insert("RTMIN+\(offset)") }
        for offset in 1...14 { names.insert("RTMAX-\(offset)") }
        return names
    }()

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .stopSignal(let stop) = instruction.payload, let word = stop.signal,
                  let value = MetadataExpansion.value(of: word, at: instruction.index, in: input), !value.isEmpty else { continue }
            if let number = Int(value) {
                if number == 0 {
                    sink.report(word.range, "`\(value)` is not a signal", notes: ["BuildKit fails the build on it."])
                } else if !(1...64).contains(number) {
                    sink.report(word.range, "`\(value)` is outside the Linux signal numbers 1–64",
                                notes: ["The build succeeds, but stopping the container fails and it is killed after the grace period."])
                }
                continue
            }
            let upper = value.uppercased()
            let name = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
            guard !Self.names.contains(name) else { continue }
            let suggestion = StructureSuggestion.closest(to: "SIG" + name, among: Self.names.map { "SIG" + $0 }.sorted())
            sink.report(word.range, "`\(value)` is not a signal name\(StructureSuggestion.clause(suggestion))", notes: ["BuildKit fails the build on it."])
        }
    }
}
