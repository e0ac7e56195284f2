/// The pass after parsing: walks the tree in source order, fills in here-document bodies,
/// resolves each simple command's effective command and invocation, records its context and
/// the shell options in effect, parses nested scripts, and collects every simple command.
final class ScriptAnnotator {
    /// What a command inherits from the constructs around it.
    struct Inherited {
        var enclosures: [CommandContext.Enclosure] = []
        var pipeline: PipelinePosition?
        var isNegated = false
        var isInFallback = false
        var isBackground = false
        var isStatusTested = false
        var shell: String?
    }

    let options: ShellParseOptions
    var commands: [SimpleCommand] = []
    var nestedErrors: [ShellParseError] = []
    var hereDocuments: [HereDocument?]
    var state: ShellOptionState
    /// How deep the walk is, counting nested scripts, to keep within the parse depth budget.
    var depth: Int

    init(options: ShellParseOptions, hereDocuments: [HereDocument?], depth: Int) {
        self.options = options
        self.hereDocuments = hereDocuments
        self.state = options.initialShellOptions
        self.depth = depth
    }

    // MARK: - Lists

    func walk(_ list: inout ShellCommandList, _ inherited: Inherited) {
        for index in list.items.indices {
            var context = inherited
            if list.items[index].isBackground { context.isBackground = true }
            walk(&list.items[index].andOr, context)
        }
    }

    func walk(_ andOr: inout ShellAndOrList, _ inherited: Inherited) {
        let count = andOr.elements.count
        for index in andOr.elements.indices {
            let preceding = andOr.elements[index].connector
            let following = index + 1 < count ? andOr.elements[index + 1].connector : nil
            var context = inherited
            if preceding == .or { context.isInFallback = true }
            if following != nil { context.isStatusTested = true }
            walk(&andOr.elements[index].pipeline, context, preceding: preceding, following: following)
        }
    }

    func walk(_ pipeline: inout ShellPipeline, _ inherited: Inherited, preceding: ShellAndOrList.LogicalOperator?, following: ShellAndOrList.LogicalOperator?) {
        let count = pipeline.commands.count
        for index in pipeline.commands.indices {
            var context = inherited
            if pipeline.isNegated {
                context.isNegated = true
                context.isStatusTested = true
            }
            if count > 1 {
                context.pipeline = PipelinePosition(index: index, count: count, followingOperator: index < pipeline.operators.count ? pipeline.operators[index] : nil)
                // Each element of a multi-command pipeline runs in a subshell.
                let saved = state
                walk(&pipeline.commands[index], context, preceding: preceding, following: following)
                state = saved
            } else {
                walk(&pipeline.commands[index], context, preceding: preceding, following: following)
            }
        }
    }

    // MARK: - Commands

    func walk(_ command: inout ShellCommand, _ inherited: Inherited, preceding: ShellAndOrList.LogicalOperator?, following: ShellAndOrList.LogicalOperator?) {
        switch command {
        case .simple(var simple):
            walkSimple(&simple, inherited, preceding: preceding, following: following)
            command = .simple(simple)
        case .compound(var compound):
            walkCompound(&compound, inherited)
            command = .compound(compound)
        case .function(var definition):
            var context = inherited
            context.enclosures.append(.functionBody(definition.name))
            let saved = state
            walkCompound(&definition.body, context)
            state = saved
            command = .function(definition)
        }
    }

    func walkCompound(_ compound: inout CompoundCommand, _ inherited: Inherited) {
        fillHereDocuments(&compound.redirections)
        func nested(_ enclosure: CommandContext.Enclosure, tested: Bool = false) -> Inherited {
            var context = inherited
            context.enclosures.append(enclosure)
            if tested { context.isStatusTested = true }
            return context
        }
        switch compound.kind {
        case .subshell(var body):
            let saved = state
            walk(&body, nested(.subshell))
            state = saved
            compound.kind = .subshell(body)
        case .braceGroup(var body):
            walk(&body, nested(.braceGroup))
            compound.kind = .braceGroup(body)
        case .ifClause(var clause):
            for index in clause.branches.indices {
                walk(&clause.branches[index].condition, nested(.ifCondition, tested: true))
                walk(&clause.branches[index].body, nested(.ifBody))
            }
            if var elseBody = clause.elseBody {
                walk(&elseBody, nested(.ifBody))
                clause.elseBody = elseBody
            }
            compound.kind = .ifClause(clause)
        case .forLoop(var loop):
            if var words = loop.words {
                for index in words.indices { walkSubstitutions(in: &words[index].parts, inherited) }
                loop.words = words
            }
            walk(&loop.body, nested(.loopBody))
            compound.kind = .forLoop(loop)
        case .whileLoop(var loop):
            walk(&loop.condition, nested(.loopCondition, tested: true))
            walk(&loop.body, nested(.loopBody))
            compound.kind = .whileLoop(loop)
        case .caseClause(var clause):
            if var subject = clause.subject {
                walkSubstitutions(in: &subject.parts, inherited)
                clause.subject = subject
            }
            for index in clause.items.indices {
                for pattern in clause.items[index].patterns.indices {
                    walkSubstitutions(in: &clause.items[index].patterns[pattern].parts, inherited)
                }
                walk(&clause.items[index].body, nested(.caseItem))
            }
            compound.kind = .caseClause(clause)
        case .arithmetic, .conditional:
            break
        }
        for index in compound.redirections.indices {
            walkSubstitutions(in: &compound.redirections[index], inherited)
        }
        if case .conditional(var words) = compound.kind {
            for index in words.indices { walkSubstitutions(in: &words[index].parts, inherited) }
            compound.kind = .conditional(words)
        }
    }

    func walkSimple(_ command: inout SimpleCommand, _ inherited: Inherited, preceding: ShellAndOrList.LogicalOperator?, following: ShellAndOrList.LogicalOperator?) {
        fillHereDocuments(&command.redirections)
        var context = CommandContext()
        context.index = commands.count
        context.enclosures = inherited.enclosures
        context.pipeline = inherited.pipeline
        context.isNegated = inherited.isNegated
        context.precedingOperator = preceding
        context.followingOperator = following
        context.isInFallback = inherited.isInFallback
        context.isBackground = inherited.isBackground
        context.isStatusTested = inherited.isStatusTested
        context.shellOptions = state
        context.shell = inherited.shell
        command.context = context

        // The command takes its place before the commands of its substitutions.
        let slot = commands.count
        commands.append(command)

        for index in command.assignments.indices {
            if var value = command.assignments[index].value {
                walkSubstitutions(in: &value.parts, inherited)
                command.assignments[index].value = value
            }
            if var elements = command.assignments[index].arrayElements {
                for element in elements.indices { walkSubstitutions(in: &elements[element].parts, inherited) }
                command.assignments[index].arrayElements = elements
            }
        }
        for index in command.words.indices { walkSubstitutions(in: &command.words[index].parts, inherited) }
        for index in command.redirections.indices { walkSubstitutions(in: &command.redirections[index], inherited) }

        let resolution = CommandResolver.resolve(command.words, source: command.source)
        command.wrappers = resolution.wrappers
        command.effectiveNameIndex = resolution.nameIndex
        command.effectiveName = resolution.name
        if let nameIndex = resolution.nameIndex, let name = resolution.name {
            let grammar = OptionGrammar.named(name) ?? .generic
            command.invocation = OptionParser.parse(name: name, nameWord: command.words[nameIndex],
                                                    arguments: Array(command.words[(nameIndex + 1)...]), grammar: grammar)
        }
        if command.effectiveName == "set", command.wrappers.isEmpty {
            state.apply(setArguments: command.arguments.map { $0.literal ?? "" })
        }
        if options.parsesNestedScripts, let found = NestedScriptLocator.locate(in: command) {
            command.nestedScript = parseNested(found, inherited)
        }
        commands[slot] = command
    }

    // MARK: - Substitutions and nested scripts

    func walkSubstitutions(in redirection: inout ShellRedirection, _ inherited: Inherited) {
        if var target = redirection.target, !redirection.operator.isHereDocument {
            walkSubstitutions(in: &target.parts, inherited)
            redirection.target = target
        }
        if var document = redirection.hereDocument {
            walkSubstitutions(in: &document.parts, inherited)
            redirection.hereDocument = document
        }
    }

    func walkSubstitutions(in parts: inout [WordPart], _ inherited: Inherited) {
        for index in parts.indices {
            switch parts[index].kind {
            case .commandSubstitution(var body, let backquoted):
                walkSubstitutionBody(&body, inherited, enclosure: .commandSubstitution)
                parts[index].kind = .commandSubstitution(body, backquoted: backquoted)
            case .processSubstitution(var body, let isInput):
                walkSubstitutionBody(&body, inherited, enclosure: .processSubstitution)
                parts[index].kind = .processSubstitution(body, isInput: isInput)
            case .doubleQuoted(var inner):
                walkSubstitutions(in: &inner, inherited)
                parts[index].kind = .doubleQuoted(inner)
            case .parameter(var expansion):
                walkSubstitutions(in: &expansion.argument, inherited)
                parts[index].kind = .parameter(expansion)
            default:
                break
            }
        }
    }

    private func walkSubstitutionBody(_ body: inout ShellCommandList, _ inherited: Inherited, enclosure: CommandContext.Enclosure) {
        var context = Inherited()
        context.enclosures = inherited.enclosures + [enclosure]
        context.shell = inherited.shell
        context.isBackground = inherited.isBackground
        context.isInFallback = inherited.isInFallback
        let saved = state
        walk(&body, context)
        state = saved
    }

    /// Parses and walks a nested script with a fresh option state taken from the shell's flags.
    func parseNested(_ found: NestedScriptLocator.Found, _ inherited: Inherited) -> ShellScript? {
        let nestingDepth = depth + inherited.enclosures.count + 1
        let budget = options.maximumDepth - nestingDepth
        guard budget > 0 else {
            let range = 0..<found.source.count
            nestedErrors.append(ShellParseError(kind: .nestingTooDeep, message: "nested scripts deeper than \(options.maximumDepth) levels were not parsed",
                                                range: range, fileRange: found.source.fileRange(range), isInNestedScript: true))
            return nil
        }
        let parser = ShellParser(source: found.source, maximumDepth: budget, isNested: true)
        var body = parser.parseProgram()

        var context = inherited
        context.enclosures.append(.nestedScript(shell: found.shell))
        context.shell = found.shell
        context.pipeline = inherited.pipeline
        let savedState = state
        let savedDocuments = hereDocuments
        state = ShellOptionState(shellArguments: found.shellArguments)
        hereDocuments = parser.hereDocuments
        let first = commands.count
        walk(&body, context)
        let finalState = state
        state = savedState
        hereDocuments = savedDocuments

        let errors = parser.errors
        nestedErrors.append(contentsOf: errors.map { $0.nested() })
        return ShellScript(source: found.source, body: body, errors: errors, commands: Array(commands[first...]),
                           comments: parser.comments, finalShellOptions: finalState)
    }

    func fillHereDocuments(_ redirections: inout [ShellRedirection]) {
        for index in redirections.indices {
            if let documentIndex = redirections[index].hereDocumentIndex, documentIndex < hereDocuments.count {
                redirections[index].hereDocument = hereDocuments[documentIndex]
            }
        }
    }
}
