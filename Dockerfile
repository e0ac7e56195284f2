# syntax=docker/dockerfile:1
# Hull, built to its own standard: a multi-stage build with the Swift standard library linked
# statically, an unprivileged runtime user and exec-form commands.
#
#   docker build -t hull .
#   docker run --rm -v "$PWD:/work:ro" -w /work hull check
#
# The base images are pinned to exact releases; pin their digests too in a release pipeline
# (`hull lint` prints the command that looks them up).

FROM swift:6.3.1-noble AS build
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
    && apt-get update \
    && apt-get install -y --no-install-recommends zlib1g-dev=1:1.3.dfsg-3.1ubuntu2
WORKDIR /src
COPY Package.swift ./
COPY Sources/ ./Sources/
COPY Tests/ ./Tests/
RUN --mount=type=cache,target=/src/.build \
    swift build -c release --static-swift-stdlib --product hull \
    && install -m 0755 .build/release/hull /usr/local/bin/hull

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="hull" \
      org.opencontainers.image.description="Make Dockerfiles and container images lean, cached and hardened." \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /usr/local/bin/hull /usr/local/bin/hull
USER 65532:65532
WORKDIR /work
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/hull"]
CMD ["check"]
