import Foundation
import Testing
@testable import HullCore
@testable import HullDockerfile

/// `FROM` image references, parsed as Docker's `ParseNormalizedNamed` parses them.
@Suite("Image references")
struct ImageReferenceTests {
    static let sha256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let sha512 = "sha512:" + String(repeating: "0123456789abcdef", count: 8)

    struct Valid: Sendable, CustomTestStringConvertible {
        var text: String
        var registry: String
        var repository: String
        var tag: String?
        var digest: String?
        var familiarName: String
        var official = false
        var scratch = false
        var testDescription: String { text }
    }

    static let valid: [Valid] = [
        .init(text: "node", registry: "docker.io", repository: "library/node", familiarName: "node", official: true),
        .init(text: "node:20-alpine", registry: "docker.io", repository: "library/node", tag: "20-alpine", familiarName: "node", official: true),
        .init(text: "node@\(sha256)", registry: "docker.io", repository: "library/node", digest: sha256, familiarName: "node", official: true),
        .init(text: "node:20@\(sha256)", registry: "docker.io", repository: "library/node", tag: "20", digest: sha256, familiarName: "node", official: true),
        .init(text: "library/node", registry: "docker.io", repository: "library/node", familiarName: "node", official: true),
        .init(text: "docker.io/library/node:lts", registry: "docker.io", repository: "library/node", tag: "lts", familiarName: "node", official: true),
        .init(text: "docker.io/node", registry: "docker.io", repository: "library/node", familiarName: "node", official: true),
        .init(text: "index.docker.io/node", registry: "docker.io", repository: "library/node", familiarName: "node", official: true),
        .init(text: "docker.io/library/a/b", registry: "docker.io", repository: "library/a/b", familiarName: "library/a/b"),
        .init(text: "myorg/app", registry: "docker.io", repository: "myorg/app", familiarName: "myorg/app"),
        .init(text: "myorg/app:1.0", registry: "docker.io", repository: "myorg/app", tag: "1.0", familiarName: "myorg/app"),
        .init(text: "ghcr.io/x/y", registry: "ghcr.io", repository: "x/y", familiarName: "ghcr.io/x/y"),
        .init(text: "localhost:5000/a/b:t", registry: "localhost:5000", repository: "a/b", tag: "t", familiarName: "localhost:5000/a/b"),
        .init(text: "localhost/app", registry: "localhost", repository: "app", familiarName: "localhost/app"),
        .init(text: "localhost:5000", registry: "docker.io", repository: "library/localhost", tag: "5000", familiarName: "localhost", official: true),
        .init(text: "registry.example.com:443/x", registry: "registry.example.com:443", repository: "x", familiarName: "registry.example.com:443/x"),
        .init(text: "127.0.0.1:5000/team/app@\(sha256)", registry: "127.0.0.1:5000", repository: "team/app", digest: sha256, familiarName: "127.0.0.1:5000/team/app"),
        .init(text: "[::1]:5000/img:tag", registry: "[::1]:5000", repository: "img", tag: "tag", familiarName: "[::1]:5000/img"),
        .init(text: "Registry/app", registry: "Registry", repository: "app", familiarName: "Registry/app"),
        .init(text: "my_host.com/app", registry: "", repository: "my_host.com/app", familiarName: "my_host.com/app"),
        .init(text: "a__b/c-d--e/f.g", registry: "docker.io", repository: "a__b/c-d--e/f.g", familiarName: "a__b/c-d--e/f.g"),
        .init(text: "alpine:LATEST_1.x", registry: "docker.io", repository: "library/alpine", tag: "LATEST_1.x", familiarName: "alpine", official: true),
        .init(text: "x@\(sha512)", registry: "docker.io", repository: "library/x", digest: sha512, familiarName: "x", official: true),
        .init(text: "scratch", registry: "docker.io", repository: "library/scratch", familiarName: "scratch", official: true, scratch: true),
        .init(text: "scratch:latest", registry: "docker.io", repository: "library/scratch", tag: "latest", familiarName: "scratch", official: true),
    ]

    @Test("valid references are split and normalised", arguments: valid)
    func parsesValid(_ testCase: Valid) throws {
        let reference = try ImageReference.parse(testCase.text)
        #expect(reference.original == testCase.text)
        #expect(reference.registry == testCase.registry)
        #expect(reference.repository == testCase.repository)
        #expect(reference.tag == testCase.tag)
        #expect(reference.digest == testCase.digest)
        #expect(reference.familiarName == testCase.familiarName)
        #expect(reference.isOfficialImage == testCase.official)
        #expect(reference.isScratch == testCase.scratch)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var text: String
        var error: ImageReferenceError
        var message: String
        var testDescription: String { text.isEmpty ? "(empty)" : String(text.prefix(60)) }
    }

    static let invalid: [Invalid] = [
        .init(text: "Node", error: .uppercaseRepository("Node", repository: "library/Node"),
              message: "invalid reference format: repository name (library/Node) must be lowercase"),
        .init(text: "ghcr.io/Org/app", error: .uppercaseRepository("ghcr.io/Org/app", repository: "Org/app"),
              message: "invalid reference format: repository name (Org/app) must be lowercase"),
        .init(text: "Foo_Bar/baz", error: .uppercaseName("Foo_Bar/baz"), message: "repository name must be lowercase"),
        .init(text: "a:b:c", error: .invalidFormat("a:b:c"), message: "invalid reference format"),
        .init(text: "${BASE}", error: .unexpandedVariable("${BASE}"), message: "invalid reference format: ${BASE} contains an unexpanded variable"),
        .init(text: "node:$TAG", error: .unexpandedVariable("node:$TAG"), message: "invalid reference format: node:$TAG contains an unexpanded variable"),
        .init(text: "", error: .invalidFormat(""), message: "invalid reference format"),
        .init(text: "node:", error: .invalidFormat("node:"), message: "invalid reference format"),
        .init(text: "node:-x", error: .invalidFormat("node:-x"), message: "invalid reference format"),
        .init(text: "node:" + String(repeating: "t", count: 129), error: .invalidFormat("node:" + String(repeating: "t", count: 129)), message: "invalid reference format"),
        .init(text: "a//b", error: .invalidFormat("a//b"), message: "invalid reference format"),
        .init(text: "a/b/", error: .invalidFormat("a/b/"), message: "invalid reference format"),
        .init(text: "-a", error: .invalidFormat("-a"), message: "invalid reference format"),
        .init(text: "a..b", error: .invalidFormat("a..b"), message: "invalid reference format"),
        .init(text: "a___b", error: .invalidFormat("a___b"), message: "invalid reference format"),
        .init(text: "localhost:abc/x", error: .invalidFormat("localhost:abc/x"), message: "invalid reference format"),
        .init(text: "node @\(sha256)", error: .invalidFormat("node @\(sha256)"), message: "invalid reference format"),
        .init(text: "a@b@\(sha256)", error: .invalidFormat("a@b@\(sha256)"), message: "invalid reference format"),
        .init(text: "node@sha256:abc", error: .invalidFormat("node@sha256:abc"), message: "invalid reference format"),
        .init(text: "node@sha256:" + String(repeating: "a", count: 40), error: .invalidDigestLength("node@sha256:" + String(repeating: "a", count: 40)),
              message: "invalid checksum digest length"),
        .init(text: "node@sha256:" + String(repeating: "A", count: 64), error: .invalidDigestFormat("node@sha256:" + String(repeating: "A", count: 64)),
              message: "invalid checksum digest format"),
        .init(text: "node@md5:" + String(repeating: "0", count: 32), error: .unsupportedDigestAlgorithm("node@md5:" + String(repeating: "0", count: 32)),
              message: "unsupported digest algorithm"),
        .init(text: String(repeating: "ab", count: 32), error: .identifierOnly(String(repeating: "ab", count: 32)),
              message: "invalid repository name (\(String(repeating: "ab", count: 32))), cannot specify 64-byte hexadecimal strings"),
        .init(text: "a/" + String(repeating: "b", count: 255), error: .nameTooLong("a/" + String(repeating: "b", count: 255)),
              message: "repository name must not be more than 255 characters"),
        .init(text: "né", error: .invalidFormat("né"), message: "invalid reference format"),
    ]

    @Test("invalid references are rejected with the reference library's message", arguments: invalid)
    func rejectsInvalid(_ testCase: Invalid) {
        let error = #expect(throws: ImageReferenceError.self) { try ImageReference.parse(testCase.text) }
        #expect(error == testCase.error)
        #expect(error?.description == testCase.message)
        #expect(error?.reference == testCase.text)
    }

    @Test("canonical and familiar strings round-trip through parse")
    func strings() throws {
        let reference = try ImageReference.parse("node:20@\(Self.sha256)")
        #expect(reference.canonicalString == "docker.io/library/node:20@\(Self.sha256)")
        #expect(reference.familiarString == "node:20@\(Self.sha256)")
        #expect(try ImageReference.parse(reference.canonicalString).canonicalString == reference.canonicalString)
        #expect(try ImageReference.parse("ghcr.io/x/y:1").familiarString == "ghcr.io/x/y:1")
    }

    @Test("a reference encodes and decodes unchanged")
    func codable() throws {
        let reference = try ImageReference.parse("localhost:5000/a/b:t")
        let decoded = try JSONDecoder().decode(ImageReference.self, from: JSONEncoder().encode(reference))
        #expect(decoded == reference)
    }
}
