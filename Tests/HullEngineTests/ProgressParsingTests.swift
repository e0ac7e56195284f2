import Hull
import Testing

/// The progress parsers on output the engines printed (BuildKit in Docker 20.10.24, podman 4.3.1).
@Suite("Engine progress output")
struct ProgressParsingTests {
    static let buildKit = """
    #1 [internal] load build definition from Dockerfile
    #1 sha256:26f6380d9d8b692012a10b358a522a562e39c19b294cb9cb6f7f565f34a5fbca
    #1 transferring dockerfile: 32B done
    #1 DONE 0.0s

    #4 [base 1/4] FROM localhost/busybox:base
    #4 sha256:b08f6440f91b4d300f9e46c1e2ebb9584b92985b1424d570ce27c8708a8f9d88
    #4 DONE 0.0s

    #6 [internal] load build context
    #6 transferring context: 64B done
    #6 DONE 0.0s

    #5 [base 2/4] WORKDIR /app
    #5 sha256:9f5f48335268e3fd4f74045d69ab68e9aa3296683d5151426efb5016a9d81dc4
    #5 CACHED

    #9 [final 1/2] COPY --chmod=755 b.txt ./
    #9 sha256:04d077501e168143fef33a369a3dccee267ad5f2dba4bc5a397793b8dce331a7
    #9 DONE 0.0s

    #10 [final 2/2] RUN echo done
    #10 sha256:0981d58391bb5eefb485c1446109477eccc592a97ca21be91afaf9f574c94b5c
    #10 0.079 done
    #10 DONE 0.1s

    #12 [linux/amd64 stage-1 3/3] RUN false
    #12 0.101 ERROR: process "/bin/sh -c false" did not complete successfully
    #12 ERROR: executor failed running [/bin/sh -c false]: exit code: 1

    #13 [2/3] COPY a.txt /
    #11 exporting to image
    #11 writing image sha256:b81a557a586d847d08c6080a21ab1c13e1e052d1689b6cd763156d53cde3fb00 done
    #11 DONE 0.1s
    """

    @Test("BuildKit's plain progress gives each step's stage, position, status and time")
    func buildKit() {
        let steps = BuildKitProgress.steps(in: Self.buildKit)
        #expect(steps.map(\.stage) == ["base", "base", "final", "final", "stage-1", nil])
        #expect(steps.map(\.position) == [1, 2, 1, 2, 3, 2])
        #expect(steps.map(\.keyword) == ["FROM", "WORKDIR", "COPY", "RUN", "RUN", "COPY"])
        #expect(steps.map(\.status) == [.ran, .cached, .ran, .ran, .failed, .unfinished])
        #expect(steps[3].seconds == 0.1)
        #expect(steps[2].text == "COPY --chmod=755 b.txt ./")
    }

    static let podman = """
    [1/2] STEP 1/3: FROM localhost/busybox:base AS build
    [1/2] STEP 2/3: COPY lib.txt /src/
    --> Using cache 3c1f6b8e0b7d7c2f9d5bb2d1a0c57a8d6d6e7b3e0a11e2b6e2f3f7f0d9b1c2a3
    --> 3c1f6b8e0b7
    [1/2] STEP 3/3: RUN cp /src/lib.txt /out.txt
    --> 9a8b7c6d5e4
    [2/2] STEP 1/2: FROM localhost/busybox:base
    [2/2] STEP 2/2: COPY --from=build /out.txt /app/
    [2/2] COMMIT engine-x/app:1
    --> 1f2e3d4c5b6
    Successfully tagged localhost/engine-x/app:1
    """

    @Test("podman's output gives each step, with `Using cache` for reused layers")
    func podman() {
        let steps = PodmanProgress.steps(in: Self.podman)
        #expect(steps.map(\.stage) == ["1", "1", "1", "2", "2"])
        #expect(steps.map(\.keyword) == ["FROM", "COPY", "RUN", "FROM", "COPY"])
        #expect(steps.map(\.status) == [.ran, .cached, .ran, .ran, .ran])
    }
}
