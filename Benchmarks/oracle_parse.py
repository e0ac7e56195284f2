#!/usr/bin/env python3
"""Times BuildKit's parser (PyPI ``dockerfile``, BuildKit v0.12.5 in Go) in process.

    oracle_parse.py [--repeat N] LIST      (LIST: one path a line)

Every file is read once; then ``dockerfile.parse_string`` runs over the whole set N times
(the parse alone, no JSON), and ``dockerfile.parse_file`` once more per repetition (the parse
plus the Go side's file read). Prints one line of JSON with the medians (wall and process CPU time) and the peak RSS.
"""
import json
import resource
import statistics
import sys
import time

import dockerfile  # type: ignore


def main() -> int:
    args = sys.argv[1:]
    repeats = 5
    if args[:1] == ["--repeat"]:
        repeats = max(1, int(args[1]))
        args = args[2:]
    with open(args[0], encoding="utf-8") as f:
        paths = [line for line in f.read().split("\n") if line]
    texts = []
    total = 0
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        total += len(data)
        # parse_string takes str; the corpus is UTF-8 (invalid bytes kept as surrogates).
        texts.append(data.decode("utf-8", "surrogateescape"))

    def run_strings():
        rejected = 0
        for text in texts:
            try:
                dockerfile.parse_string(text)
            except dockerfile.GoParseError:
                rejected += 1
            except UnicodeEncodeError:
                rejected += 1
        return rejected

    def run_files():
        rejected = 0
        for path in paths:
            try:
                dockerfile.parse_file(path)
            except dockerfile.GoParseError:
                rejected += 1
        return rejected

    string_times, file_times, string_cpu, file_cpu = [], [], [], []
    rejected = 0
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        rejected = run_strings()
        string_times.append(time.perf_counter() - start)
        string_cpu.append(time.process_time() - cpu)
        start, cpu = time.perf_counter(), time.process_time()
        run_files()
        file_times.append(time.perf_counter() - start)
        file_cpu.append(time.process_time() - cpu)

    print(json.dumps({
        "files": len(paths), "bytes": total, "repeats": repeats, "rejected": rejected,
        "string_seconds": statistics.median(string_times),
        "file_seconds": statistics.median(file_times),
        "string_cpu_seconds": statistics.median(string_cpu),
        "file_cpu_seconds": statistics.median(file_cpu),
        "all_string_seconds": string_times, "all_file_seconds": file_times,
        "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
