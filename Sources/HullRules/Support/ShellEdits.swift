import HullCore
import HullShell

/// Ranges and edits on shell commands.
enum ShellEdits {
    /// From the effective command's name to the end of `word` (`apt-get update`, `apk add`).
    static func range(of invocation: CommandInvocation, through word: ShellWord?) -> TextRange {
        guard let word else { return invocation.nameWord.fileRange }
        return invocation.nameWord.fileRange.union(word.fileRange)
    }

    /// The command name and its first subcommand (`npm install`), or the name alone.
    static func commandRange(_ invocation: CommandInvocation) -> TextRange {
        range(of: invocation, through: invocation.subcommands.first?.word)
    }

    /// How the command is written, for messages: name and first subcommand.
    static func commandText(_ invocation: CommandInvocation) -> String {
        ([invocation.name] + invocation.subcommands.prefix(1).map { $0.word.literal ?? $0.name }).joined(separator: " ")
    }

    /// Inserts ` text` right after `word`, when the word maps byte for byte into the file.
    static func insert(_ text: String, after word: ShellWord) -> Edit? {
        guard word.source.isExact else { return nil }
        return .insert(" " + text, at: word.fileRange.end)
    }

    /// Appends ` && text` right after `command`, when that only adds a step after it: the
    /// command maps exactly into the file and is not part of a pipeline, a condition, a
    /// substitution, a function, a background job or a nested script.
    static func append(_ text: String, after command: SimpleCommand) -> Edit? {
        guard command.source.isExact, !command.context.isInPipeline, !command.context.isBackground, !command.context.isNegated else { return nil }
        for enclosure in command.context.enclosures {
            switch enclosure {
            case .ifCondition, .loopCondition, .commandSubstitution, .processSubstitution, .functionBody, .nestedScript: return nil
            default: continue
            }
        }
        return .insert(" && " + text, at: command.fileRange.end)
    }

    /// Appends ` && text` after the whole pipeline `command` is an element of (`yum install … |
    /// tee log` becomes `yum install … | tee log && text`), so that what flows through the pipe
    /// is unchanged and the step runs when the pipeline succeeds; `append(_:after:)` when the
    /// command is in no pipeline. Nil unless every later element of the pipeline is a plain
    /// command at the same level (not a group, subshell or loop), listed in `commands`.
    static func append(_ text: String, afterPipelineOf command: SimpleCommand, in commands: [SimpleCommand]) -> Edit? {
        guard let position = command.context.pipeline else { return append(text, after: command) }
        guard let offset = commands.firstIndex(where: { $0.context.index == command.context.index && $0.fileRange == command.fileRange }) else { return nil }
        var last = command
        for step in 1..<(position.count - position.index) {
            let next = offset + step
            guard next < commands.count else { return nil }
            let element = commands[next]
            guard element.context.enclosures == command.context.enclosures,
                  element.context.pipeline == PipelinePosition(index: position.index + step, count: position.count, followingOperator: element.context.pipeline?.followingOperator)
            else { return nil }
            last = element
        }
        guard last.source.isExact, !last.context.isBackground, !last.context.isNegated else { return nil }
        for enclosure in last.context.enclosures {
            switch enclosure {
            case .ifCondition, .loopCondition, .commandSubstitution, .processSubstitution, .functionBody, .nestedScript: return nil
            default: continue
            }
        }
        return .insert(" && " + text, at: last.fileRange.end)
    }
}
