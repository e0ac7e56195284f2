import HullCore
import HullShell

/// The pipelines of a script, found by walking its syntax tree: those in groups, subshells,
/// control structures, functions, command substitutions and nested `sh -c` scripts included.
enum HygienePipelines {
    /// A pipeline of more than one command.
    struct Found {
        /// The pipeline.
        let pipeline: ShellPipeline
        /// The source its ranges refer to.
        let source: ShellSource
        /// The first simple command inside it, whose context tells the shell options in force.
        let firstCommand: SimpleCommand?
        /// The local range of the first pipe operator.
        let firstOperator: Range<Int>
    }

    /// Every pipeline of more than one command in `script`, in source order.
    static func pipelines(in script: ShellScript) -> [Found] {
        var found: [Found] = []
        walk(script.body, source: script.source, into: &found)
        return found
    }

    private static func walk(_ list: ShellCommandList, source: ShellSource, into found: inout [Found]) {
        for item in list.items {
            for element in item.andOr.elements {
                let pipeline = element.pipeline
                if pipeline.commands.count > 1 {
                    found.append(Found(pipeline: pipeline, source: source, firstCommand: firstSimple(in: pipeline.commands[0]),
                                       firstOperator: operatorRange(after: pipeline.commands[0], before: pipeline.commands[1], source: source)))
                }
                for command in pipeline.commands { walk(command, source: source, into: &found) }
            }
        }
    }

    private static func walk(_ command: ShellCommand, source: ShellSource, into found: inout [Found]) {
        switch command {
        case .simple(let simple):
            for word in simple.words { walk(word.parts, source: source, into: &found) }
            for assignment in simple.assignments { if let value = assignment.value { walk(value.parts, source: source, into: &found) } }
            if let nested = simple.nestedScript { walk(nested.body, source: nested.source, into: &found) }
        case .compound(let compound):
            walk(compound, source: source, into: &found)
        case .function(let definition):
            walk(definition.body, source: source, into: &found)
        }
    }

    private static func walk(_ compound: CompoundCommand, source: ShellSource, into found: inout [Found]) {
        switch compound.kind {
        case .subshell(let body), .braceGroup(let body):
            walk(body, source: source, into: &found)
        case .ifClause(let clause):
            for branch in clause.branches {
                walk(branch.condition, source: source, into: &found)
                walk(branch.body, source: source, into: &found)
            }
            if let body = clause.elseBody { walk(body, source: source, into: &found) }
        case .forLoop(let loop):
            walk(loop.body, source: source, into: &found)
        case .whileLoop(let loop):
            walk(loop.condition, source: source, into: &found)
            walk(loop.body, source: source, into: &found)
        case .caseClause(let clause):
            for item in clause.items { walk(item.body, source: source, into: &found) }
        case .arithmetic, .conditional:
            break
        }
    }

    private static func walk(_ parts: [WordPart], source: ShellSource, into found: inout [Found]) {
        for part in parts {
            switch part.kind {
            case .commandSubstitution(let body, _), .processSubstitution(let body, _):
                walk(body, source: source, into: &found)
            case .doubleQuoted(let inner):
                walk(inner, source: source, into: &found)
            default:
                break
            }
        }
    }

    /// The first simple command of a pipeline element, depth first.
    static func firstSimple(in command: ShellCommand) -> SimpleCommand? {
        switch command {
        case .simple(let simple):
            return simple
        case .function:
            return nil
        case .compound(let compound):
            switch compound.kind {
            case .subshell(let body), .braceGroup(let body):
                return firstSimple(in: body)
            case .ifClause(let clause):
                return clause.branches.first.flatMap { firstSimple(in: $0.condition) }
            case .forLoop(let loop):
                return firstSimple(in: loop.body)
            case .whileLoop(let loop):
                return firstSimple(in: loop.condition)
            case .caseClause(let clause):
                return clause.items.first.flatMap { firstSimple(in: $0.body) }
            case .arithmetic, .conditional:
                return nil
            }
        }
    }

    private static func firstSimple(in list: ShellCommandList) -> SimpleCommand? {
        for item in list.items {
            for element in item.andOr.elements {
                for command in element.pipeline.commands {
                    if let simple = firstSimple(in: command) { return simple }
                }
            }
        }
        return nil
    }

    /// The `|` or `|&` between two pipeline elements.
    private static func operatorRange(after left: ShellCommand, before right: ShellCommand, source: ShellSource) -> Range<Int> {
        let bytes = source.bytes
        var index = left.range.upperBound
        while index < right.range.lowerBound, index < bytes.count {
            if bytes[index] == UInt8(ascii: "|") {
                let end = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "&") ? index + 2 : index + 1
                return index..<end
            }
            index += 1
        }
        return left.range.upperBound..<right.range.lowerBound
    }
}
