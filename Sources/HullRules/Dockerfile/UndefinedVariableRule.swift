import HullCore
import HullDockerfile
import HullLint

/// A `$VAR` in an instruction BuildKit expands refers to a variable that is not defined there.
public struct UndefinedVariableRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF038", name: "undefined-variable",
        summary: "An instruction uses a variable that is not defined where it is used.",
        rationale: """
        BuildKit expands `$VAR` in `ENV`, `LABEL`, `ARG` defaults, `WORKDIR`, `USER`, `EXPOSE`, `VOLUME`, \
        `STOPSIGNAL`, `COPY` and `ADD` (arguments and `--from`, `--chown`, `--chmod`), and an undefined \
        variable becomes the empty string without any error: `WORKDIR /srv/$APP_NAME` quietly becomes \
        `/srv/`. The usual causes are a typo, a variable used before the `ENV` or `ARG` that sets it, and a \
        global ARG used in a stage without being declared again there with `ARG NAME`. BuildKit knows the \
        environment of the base image; Hull lints without pulling it, so it reports only what it can tell \
        for sure: in stages that start from `scratch` (directly or through other stages) every undefined \
        variable; elsewhere, a name the stage sets only later, a global ARG the stage does not declare again, and \
        a name one edit away from a visible variable (a likely typo), except common variables base \
        images define (`HOME`, `JAVA_HOME`, …). References that bring their own fallback \
        (`${NAME:-default}`, `${NAME:+alternative}`) and an `ENV` that extends its own old value \
        (`ENV LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH`) are never reported. BuildKit's predefined ARGs and \
        `PATH`, which BuildKit always sets, count as defined. Shell-form `RUN`, `CMD` and `ENTRYPOINT` are \
        not checked, as in BuildKit: the shell resolves those at run time. A variable set by the same `ENV` \
        instruction is left to `env-same-instruction-reference`.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("UndefinedVar")],
        examples: [
            .passing("FROM alpine:3.20\nARG APP=web\nENV HOME_DIR=/srv/$APP\nWORKDIR $HOME_DIR\nCOPY --chown=$APP . .\n"),
            .passing("FROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH\nWORKDIR $CATALINA_HOME\n"),
            .passing("ARG VERSION=1\nFROM scratch\nARG VERSION\nARG A=1 B=$A\nLABEL version=$VERSION b=$B\nCOPY --chown=0 a /a\n"),
            .failing("FROM scratch\nWORKDIR /srv/⟦$APP_NAME⟧\n"),
            .failing("FROM alpine:3.20\nARG NODE_VERSION=20\nLABEL node=↓${NODE_VERSON}\nWORKDIR /srv/↓$APP\nENV APP=web\n"),
            .failing("ARG VERSION=1\nFROM alpine:3.20\nLABEL version=↓$VERSION\n"),
            .failing("FROM alpine:3.20 AS base\nENV APP=/srv/app\nFROM scratch AS out\nCOPY --from=base ↓$APP ↓${DEST}\n"),
        ])

    /// Variables base images commonly define, never reported in stages built on an image.
    static let commonImageVariables: Set<String> = [
        "HOME", "HOSTNAME", "USER", "SHELL", "PWD", "TERM", "LANG", "LANGUAGE", "LC_ALL", "TZ", "JAVA_HOME", "JAVA_VERSION",
        "GOPATH", "GOROOT", "GOLANG_VERSION", "CARGO_HOME", "RUSTUP_HOME", "RUST_VERSION", "PYTHON_VERSION", "NODE_VERSION",
        "YARN_VERSION", "RUBY_VERSION", "GEM_HOME", "BUNDLE_PATH", "PHP_VERSION", "PHP_INI_DIR", "CATALINA_HOME", "MAVEN_HOME",
        "GRADLE_HOME", "DOTNET_VERSION", "ASPNETCORE_URLS", "APP_UID", "NGINX_VERSION", "VIRTUAL_ENV", "CONDA_DIR",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let escape = input.dockerfile.syntax.escapeToken
        var declaredAt: [String: Int] = [:]
        for instruction in input.instructions {
            switch instruction.payload {
            case .arg(let arg):
                for declaration in arg.declarations where declaredAt[declaration.name.text] == nil { declaredAt[declaration.name.text] = instruction.index }
            case .env(let env):
                for pair in env.pairs where declaredAt[pair.key.text] == nil { declaredAt[pair.key.text] = instruction.index }
            default:
                break
            }
        }
        let predefined = BuildOptions.predefinedArgNames.union(["PATH"])
        for stage in input.stages {
            let knownEnvironment = input.semantics.rootBase(of: stage.index) == .scratch
            for instruction in input.dockerfile.instructions(in: stage) where instruction.kind != .from {
                let scope = input.semantics.scope(at: instruction.index)
                var spans: [(range: TextRange, allowed: Set<String>)] = []
                var allowed: Set<String> = []
                switch instruction.payload {
                case .env(let env), .label(let env):
                    for pair in env.pairs {
                        spans.append((pair.key.range, allowed))
                        // A variable that refers to its own old value expects it from the base image.
                        spans.append((pair.value.range, instruction.kind == .env ? allowed.union([pair.key.text]) : allowed))
                        if instruction.kind == .env { allowed.insert(pair.key.text) }
                    }
                case .arg(let arg):
                    for declaration in arg.declarations {
                        if let value = declaration.defaultValue { spans.append((value.range, allowed)) }
                        allowed.insert(declaration.name.text)
                    }
                case .workdir(let payload):
                    if let word = payload.path { spans.append((word.range, [])) }
                case .user(let payload):
                    if let word = payload.user { spans.append((word.range, [])) }
                case .stopSignal(let payload):
                    if let word = payload.signal { spans.append((word.range, [])) }
                case .expose(let payload):
                    spans += payload.ports.map { ($0.range, []) }
                case .volume(let payload):
                    spans += payload.paths.map { ($0.range, []) }
                case .copy(let copy), .add(let copy):
                    spans += copy.contextSources.map { ($0.range, []) }
                    if let destination = copy.destination { spans.append((destination.range, [])) }
                    for flag in instruction.syntax.flags where ["from", "chown", "chmod"].contains(flag.name) { spans.append((flag.range, [])) }
                default:
                    continue
                }
                var reported: Set<String> = []
                for span in spans {
                    for reference in StructureVariables.references(in: span.range, of: input.source, escape: escape) {
                        let name = reference.name
                        if reference.isGuarded || scope.isDeclared(name) || predefined.contains(name) || span.allowed.contains(name) { continue }
                        if !reported.insert(name).inserted { continue }
                        let visible = scope.declaredNames + span.allowed.sorted()
                        let elsewhere = declaredAt[name].map { input.instructions[$0] }
                        if !knownEnvironment {
                            // The base image may define the name; report only a likely typo, a
                            // use before the stage sets it, and a global ARG not declared again.
                            if Self.commonImageVariables.contains(name) { continue }
                            let setLater = elsewhere.map { $0.stageIndex == stage.index && $0.index > instruction.index } ?? false
                            let globalArg = elsewhere.map { $0.stageIndex == nil } ?? false
                            if !setLater && !globalArg && StructureSuggestion.closest(to: name, among: visible, maximumDistance: 1) == nil { continue }
                        }
                        let suggestion = StructureSuggestion.closest(to: name, among: visible)
                        var notes: [String] = []
                        if let other = elsewhere {
                            if other.stageIndex == nil {
                                notes.append("`\(name)` is a global ARG; declare `ARG \(name)` in this stage to use it here.")
                            } else if other.stageIndex == stage.index && other.index > instruction.index {
                                notes.append("`\(name)` is set later, on line \(other.line).")
                            } else {
                                notes.append("`\(name)` is set in another stage, on line \(other.line); stages only share variables through `FROM <stage>`.")
                            }
                        }
                        sink.report(reference.range, "`\(name)` is not defined here\(StructureSuggestion.clause(suggestion))", notes: notes)
                    }
                }
            }
        }
    }
}
