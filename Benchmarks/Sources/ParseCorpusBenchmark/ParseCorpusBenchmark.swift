#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HullCore
import HullDockerfile

/// Times HullDockerfile over a list of files, in process: every file is read once, then the
/// whole set is parsed, modelled and analysed `--repeat` times. Prints one line of JSON with
/// the median time per phase and the peak resident set size, for `Benchmarks/parse-corpus`.
///
///     ParseCorpusBenchmark [--repeat N] LIST     (LIST: one path a line)
///
/// Foundation is left out on purpose so that the peak memory is the parser's, not the
/// runtime's.
@main
struct ParseCorpusBenchmark {
    static func main() {
        var arguments = CommandLine.arguments.dropFirst()
        var repeats = 5
        if arguments.first == "--repeat", arguments.count >= 2 {
            arguments.removeFirst()
            repeats = max(1, Int(arguments.removeFirst()) ?? 5)
        }
        var listBuffer = [UInt8](repeating: 0, count: 65_536)
        guard let listPath = arguments.first, let list = readFile(listPath, buffer: &listBuffer) else {
            fail("usage: ParseCorpusBenchmark [--repeat N] LIST")
        }
        let paths = list.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        var files: [(path: String, bytes: [UInt8])] = []
        files.reserveCapacity(paths.count)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for path in paths {
            guard let bytes = readFile(path, buffer: &buffer) else { fail("cannot read \(path)") }
            files.append((path, bytes))
        }
        let totalBytes = files.reduce(0) { $0 + $1.bytes.count }

        var runs: [Timing] = []
        var checksum = 0
        for _ in 0..<repeats {
            var timing = Timing()
            let clock = ContinuousClock()
            let cpuStart = processCPUSeconds()
            let start = clock.now
            for file in files {
                let t0 = clock.now
                let syntax = DockerfileParser.parse(SourceFile(path: file.path, bytes: file.bytes))
                let t1 = clock.now
                let dockerfile = Dockerfile(syntax: syntax)
                let t2 = clock.now
                let model = SemanticModel(dockerfile)
                let t3 = clock.now
                timing.parse += t1 - t0
                timing.model += t2 - t1
                timing.semantics += t3 - t2
                checksum &+= syntax.instructions.count &+ dockerfile.stages.count &+ model.scopes.count
                if syntax.error != nil { timing.rejected += 1 }
            }
            timing.total = clock.now - start
            timing.cpu = processCPUSeconds() - cpuStart
            runs.append(timing)
        }
        let median = runs.sorted { $0.total < $1.total }[runs.count / 2]
        let medianCPU = runs.map(\.cpu).sorted()[runs.count / 2]

        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        let maxRSSKiB = Int(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let maxRSSKiB = Int(usage.ru_maxrss)
        #endif

        print("""
        {"files": \(files.count), "bytes": \(totalBytes), "repeats": \(repeats), \
        "rejected": \(median.rejected), \
        "seconds": \(median.total.seconds), "cpu_seconds": \(medianCPU), "parse_seconds": \(median.parse.seconds), \
        "model_seconds": \(median.model.seconds), "semantics_seconds": \(median.semantics.seconds), \
        "all_seconds": [\(runs.map { "\($0.total.seconds)" }.joined(separator: ", "))], \
        "all_cpu_seconds": [\(runs.map { "\($0.cpu)" }.joined(separator: ", "))], \
        "max_rss_kib": \(maxRSSKiB), "checksum": \(checksum)}
        """)
    }

    /// CPU time used by this process so far: less disturbed than wall time on a shared machine.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func readFile(_ path: String, buffer: inout [UInt8]) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count { return ferror(handle) == 0 ? bytes : nil }
        }
    }

    static func fail(_ message: String) -> Never {
        var line = message + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        exit(2)
    }
}

private struct Timing {
    var total: Duration = .zero
    var parse: Duration = .zero
    var model: Duration = .zero
    var semantics: Duration = .zero
    var cpu = 0.0
    var rejected = 0
}

extension Duration {
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
