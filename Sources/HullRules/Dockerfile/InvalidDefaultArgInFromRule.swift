import HullCore
import HullDockerfile
import HullLint

/// With only the defaults of the global ARGs, a `FROM` names no valid image.
public struct InvalidDefaultArgInFromRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF024", name: "invalid-default-arg-in-from",
        summary: "With the global ARG defaults, the base image name is empty or invalid.",
        rationale: """
        A `FROM` built from ARGs should still name a valid image when nobody passes `--build-arg`: \
        otherwise a plain `docker build` fails with an obscure reference error, and tools that resolve \
        base images without building (scanners, dependency bots, `docker build --check`) cannot follow it. \
        Give the ARG a working default (`ARG TAG=3.20`), or use `${TAG:-3.20}` in the `FROM`. Like BuildKit, \
        Hull expands the `FROM` with the defaults only, ignoring build arguments, and checks the result \
        with Docker's reference grammar.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("InvalidDefaultArgInFrom")],
        examples: [
            .passing("ARG TAG=3.20\nFROM alpine:${TAG}\n"),
            .passing("ARG IMAGE\nFROM ${IMAGE:-alpine:3.20}\n"),
            .passing("ARG VARIANT=-slim\nFROM python:3.12${VARIANT}\n"),
            .failing("ARG IMAGE\nFROM ⟦${IMAGE}⟧\n"),
            .failing("ARG TAG\nFROM ↓alpine:${TAG}\n"),
            .failing("ARG REPO=Acme/App\nFROM ↓${REPO}:1.0\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let lexer = ShellLexer(escapeToken: input.dockerfile.syntax.escapeToken)
        var environment = ShellEnvironment(input.semantics.options.platformArgs)
        for instruction in input.dockerfile.globalArgInstructions {
            guard case .arg(let arg) = instruction.payload else { continue }
            for declaration in arg.declarations {
                guard let value = declaration.defaultValue else { continue }
                guard let expanded = try? lexer.processWord(value.text, environment: environment) else { continue }
                environment.set(declaration.name.text, to: expanded)
            }
        }
        for stage in input.stages {
            let image = stage.from.image
            guard let expansion = try? lexer.processWordWithMatches(image.text, environment: environment),
                  !expansion.matched.isEmpty || !expansion.unmatched.isEmpty else { continue }
            let value = expansion.result
            if value.isEmpty {
                sink.report(image.range, "the ARG defaults make the base image name `\(image.text)` empty",
                            notes: ["Give the ARG a default, or use a `${NAME:-default}` expansion."])
                continue
            }
            do {
                _ = try ImageReference.parse(value)
            } catch {
                sink.report(image.range, "the ARG defaults make the base image name `\(value)` invalid", notes: ["\(error)"])
            }
        }
    }
}
