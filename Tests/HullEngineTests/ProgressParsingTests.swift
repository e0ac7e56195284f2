import Hull
import Testing

/// The progress parsers on output the engines printed (BuildKit in Docker 20.10.24, podman 4.3.1).
@Suite("Engine progress output")
struct ProgressParsingTests {
    static let buildKit = """
    #2 [internal] load .dockerignore
    #2 sha256:7d1c543ebadddf157415b47c1b5a152951796edb8730a280271cd780b83e1338
    #2 transferring context: 2B 0.0s done
    #2 DONE 0.1s
    #1 [internal] load build definition from Dockerfile
    #1 sha256:e2970f0dc9c11d5da2aebf7987e47daf9808821add798bc1de190ae88e27e31f
    #1 transferring dockerfile: 150B 0.1s done
    #1 DONE 0.1s
    #3 [internal] load metadata for localhost/busybox:base
    #3 sha256:7eaeb2c9e244780cb11f1fee8a307c041afa3bd893b78f73d0cd82ebdf2eaf97
    #3 DONE 0.0s
    #3 [internal] load metadata for localhost/busybox:base
    #3 sha256:7eaeb2c9e244780cb11f1fee8a307c041afa3bd893b78f73d0cd82ebdf2eaf97
    #3 DONE 0.0s
    #4 [one 1/2] FROM localhost/busybox:base
    #4 sha256:b08f6440f91b4d300f9e46c1e2ebb9584b92985b1424d570ce27c8708a8f9d88
    #4 CACHED
    #5 [one 2/2] RUN echo one
    #5 sha256:9e6fa5d3b79c9e1846108a9833b87859a12326dc7a23dd33cbb52132897547e5
    #5 0.091 one
    #5 DONE 0.4s
    #6 [stage-1 2/3] COPY --from=one /bin/sh /x
    #6 sha256:7776b14fc35dc7ca403e1260944556b61975c160c63f2cb3fa4bcdb76c214205
    #6 DONE 0.5s
    #7 [stage-1 3/3] RUN false
    #7 sha256:877ead7cc58a8b0595beeee91fd2fdd9925ad6989b0743742cfa29a500c57808
    #7 ERROR: executor failed running [/bin/sh -c false]: exit code: 1
    """

    /// A single unnamed stage: no stage label; the output stopped before the steps finished.
    static let singleStage = """
    #4 [1/3] FROM localhost/busybox:base
    #5 [2/3] WORKDIR /x
    #6 [3/3] RUN true
    """

    @Test("BuildKit's plain progress gives each step's stage, position, status and time")
    func buildKit() {
        let steps = BuildKitProgress.steps(in: Self.buildKit)
        #expect(steps.map(\.stage) == ["one", "one", "stage-1", "stage-1"])
        #expect(steps.map(\.position) == [1, 2, 2, 3])
        #expect(steps.map(\.total) == [2, 2, 3, 3])
        #expect(steps.map(\.keyword) == ["FROM", "RUN", "COPY", "RUN"])
        #expect(steps.map(\.status) == [.cached, .ran, .ran, .failed])
        #expect(steps.map(\.seconds) == [nil, 0.4, 0.5, nil])
        #expect(steps[2].text == "COPY --from=one /bin/sh /x")

        let single = BuildKitProgress.steps(in: Self.singleStage)
        #expect(single.map(\.stage) == [nil, nil, nil])
        #expect(single.map(\.keyword) == ["FROM", "WORKDIR", "RUN"])
        #expect(single.allSatisfy { $0.status == .unfinished })
    }

    static let podman = """
    [1/2] STEP 1/4: FROM localhost/busybox:base AS build
    [1/2] STEP 2/4: ENV A=1
    --> Using cache 677b70392b362e8b7afe15973d9d4f43ad7670402b34153f1a75d4ba060bd2e6
    --> 677b70392b3
    [1/2] STEP 3/4: COPY lib.txt /src/
    --> 4865c5c66e8
    [1/2] STEP 4/4: RUN cp /src/lib.txt /out.txt
    --> 01a162ef706
    [2/2] STEP 1/2: FROM localhost/busybox:base
    [2/2] STEP 2/2: COPY --from=build /out.txt /app/
    [2/2] COMMIT engine-probe/p:2
    --> e7b7f6109b9
    Successfully tagged localhost/engine-probe/p:2
    e7b7f6109b908b7a646607f73fe2c0b1c50655ef19e8c1a81aed0d7af6a0bf2b
    """

    @Test("podman's output gives each step, with `Using cache` for reused layers")
    func podman() {
        let steps = PodmanProgress.steps(in: Self.podman)
        #expect(steps.map(\.stage) == ["1", "1", "1", "1", "2", "2"])
        #expect(steps.map(\.position) == [1, 2, 3, 4, 1, 2])
        #expect(steps.map(\.keyword) == ["FROM", "ENV", "COPY", "RUN", "FROM", "COPY"])
        #expect(steps.map(\.status) == [.ran, .cached, .ran, .ran, .ran, .ran])
        #expect(PodmanProgress.committedImages(in: Self.podman) == ["4865c5c66e8", "01a162ef706", "e7b7f6109b9"])
        #expect(steps.map(\.reusedImage) == [nil, "677b70392b362e8b7afe15973d9d4f43ad7670402b34153f1a75d4ba060bd2e6", nil, nil, nil, nil])
    }
}
