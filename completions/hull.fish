function __hull_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hull_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __hull_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __hull_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __hull_parse_tokens -S
    set -l unparsed_tokens (__hull_tokens -pc)
    switch $unparsed_tokens[1]
    case 'hull'
        __hull_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'check'
            __hull_parse_subcommand -r 1 'format=' 'fail-level=' 'config=' 'isolated' 'paths-only' 'image=' 'platform=' 'color=' 'version' 'h/help'
        case 'compare'
            __hull_parse_subcommand 2 'platform=' 'format=' 'config=' 'isolated' 'color=' 'version' 'h/help'
        case 'lint'
            __hull_parse_subcommand -r 1 'select=+' 'extend-select=+' 'ignore=+' 'fail-level=' 'preview' 'trusted-registry=+' 'config=' 'isolated' 'no-shellcheck' 'fix' 'unsafe-fixes' 'f/format=+' 'o/output=+' 'color=' 'version' 'h/help'
        case 'fix'
            __hull_parse_subcommand -r 1 'unsafe-fixes' 'diff' 'check' 'select=+' 'ignore=+' 'config=' 'isolated' 'version' 'h/help'
        case 'context'
            __hull_parse_subcommand 1 'f/file=' 'format=' 'list' 'paths-only' 'skip-excluded' 'color=' 'version' 'h/help'
        case 'ignore'
            __hull_parse_subcommand 1 'f/file=' 'write' 'diff' 'check' 'version' 'h/help'
        case 'cache'
            __hull_parse_subcommand 1 'f/file=' 'changed=+' 'since=' 'build-arg=+' 'target=' 'format=' 'color=' 'version' 'h/help'
        case 'lab'
            __hull_parse_subcommand 1 'f/file=' 'against=' 'fixed' 'engine=' 'touch=' 'runs=' 'network=' 'build-arg=+' 'target=' 'image-prefix=' 'db=' 'format=' 'version' 'h/help'
        case 'image'
            __hull_parse_subcommand 1 'username=' 'password-stdin' 'insecure-registry' 'platform=' 'f/format=' 'o/output=' 'ci' 'lowest-efficiency=' 'highest-wasted-bytes=' 'highest-user-wasted-percent=' 'select=+' 'extend-select=+' 'ignore=+' 'fail-level=' 'config=' 'isolated' 'paths-only' 'color=' 'version' 'h/help'
        case 'scan'
            __hull_parse_subcommand 1 'platform=' 'severity=' 'exit-code=' 'ignore-unfixed' 'format=' 'compare=' 'db=' 'config=' 'version' 'h/help'
        case 'sbom'
            __hull_parse_subcommand 1 'platform=' 'format=' 'version' 'h/help'
        case 'db'
            __hull_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'update'
                __hull_parse_subcommand 0 'db=' 'ecosystem=+' 'base-url=' 'attempts=' 'version' 'h/help'
            case 'import'
                __hull_parse_subcommand -r 1 'db=' 'version' 'h/help'
            case 'status'
                __hull_parse_subcommand 0 'db=' 'format=' 'version' 'h/help'
            end
        case 'rules'
            __hull_parse_subcommand 0 'json' 'version' 'h/help'
        case 'rule'
            __hull_parse_subcommand 1 'version' 'h/help'
        case 'parse'
            __hull_parse_subcommand -r 1 'f/format=' 'version' 'h/help'
        case 'help'
            __hull_parse_subcommand -r 1 'version'
        end
    end
end

function __hull_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __hull_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __hull_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __hull_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__hull_tokens -p)
    if test -z "$(__hull_tokens -t)"
        set -l index (count (__hull_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'hull' -f
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'check' -d 'Check Dockerfiles and their build contexts: the before/after table, the findings by theme, the one command that fixes them.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'compare' -d 'Put two Dockerfiles, or two image archives, side by side in the `hull check` table.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'lint' -d 'Report problems in Dockerfiles, with exact positions and fixes.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'fix' -d 'Rewrite Dockerfiles to fix what Hull finds, keeping every other byte.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'context' -d 'Show what `docker build` sends from a folder, and what the Dockerfile takes from it.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'ignore' -d 'Write or improve a .dockerignore for the ecosystems in a folder.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'cache' -d 'Predict which build steps BuildKit reuses and which it runs again after a change, and why.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'lab' -d 'Build the Dockerfile for real, bad against good: time, cache, size, user.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'image' -d 'Audit a built image: config, history, layers, waste, secrets, root, risk.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'scan' -d 'Find known vulnerabilities in the packages of a folder (a project\'s lockfiles or an unpacked root file system) or an image.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'sbom' -d 'Write a software bill of materials (CycloneDX 1.5 or SPDX 2.3 JSON) of a folder or an image.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'db' -d 'Manage the offline advisory database `hull scan` matches against.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'rules' -d 'List every rule: code, name, severity, category and peer IDs.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'rule' -d 'Explain one rule: why it matters, examples, fix safety and peer IDs.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'parse' -d 'Show how BuildKit reads a Dockerfile.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" fail-level' -l 'fail-level' -d 'Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration\'s).' -rfka 'style info warning error'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" config' -l 'config' -d 'Use this configuration file.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" isolated' -l 'isolated' -d 'Ignore configuration files.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" paths-only' -l 'paths-only' -d 'Check secrets in the context by file name only; read no file contents.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" image' -l 'image' -d 'An image built from the Dockerfile: a docker save tarball, an OCI archive or an OCI layout folder; adds its measured rows to the "now" column.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" platform' -l 'platform' -d 'The platform to read from a multi-platform image (os/arch[/variant]); with --image.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" platform' -l 'platform' -d 'The platform to read from multi-platform images (os/arch[/variant]).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" config' -l 'config' -d 'Use this configuration file.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" isolated' -l 'isolated' -d 'Ignore configuration files.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull compare" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'select' -d 'Only these rules (codes, prefixes, names or peer IDs; comma-separated or repeated).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'extend-select' -d 'Also these rules, on top of the selection (e.g. opt-in rules).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'ignore' -d 'Never these rules.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" fail-level' -l 'fail-level' -d 'Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration\'s).' -rfka 'style info warning error'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" preview' -l 'preview' -d 'Run preview rules too.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'trusted-registry' -d 'A registry base images may come from (repeatable; wildcards like *.example.com).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" config' -l 'config' -d 'Use this configuration file.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" isolated' -l 'isolated' -d 'Ignore configuration files.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" no-shellcheck' -l 'no-shellcheck' -d 'Do not run ShellCheck over RUN scripts (it runs when installed, found through $HULL_SHELLCHECK or PATH).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" fix' -l 'fix' -d 'Apply fixes (as `hull fix`) instead of reporting.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" unsafe-fixes' -l 'unsafe-fixes' -d 'With --fix, apply unsafe fixes too.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'format' -s 'f' -d 'Report format: text, json, sarif, github, gitlab, checkstyle, junit. Repeat to write several (pair each with --output).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint"' -l 'output' -s 'o' -d 'Write the report to this file instead of standard output; pairs with the --format at the same position.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lint" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" unsafe-fixes' -l 'unsafe-fixes' -d 'Also apply unsafe fixes.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" diff' -l 'diff' -d 'Print a unified diff instead of writing.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" check' -l 'check' -d 'Write nothing; exit 1 when a fix would apply.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix"' -l 'select' -d 'Only fix findings of these rules.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix"' -l 'ignore' -d 'Never fix findings of these rules.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" config' -l 'config' -d 'Use this configuration file.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" isolated' -l 'isolated' -d 'Ignore configuration files.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull fix" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" f file' -l 'file' -s 'f' -d 'The Dockerfile, as `docker build -f` takes it (default: DIR/Dockerfile).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" list' -l 'list' -d 'List every sent path (in JSON; text shows the summary only).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" paths-only' -l 'paths-only' -d 'Check secrets by file name only; read no file contents.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" skip-excluded' -l 'skip-excluded' -d 'Do not walk the folders the ignore file excludes (faster; no totals without the ignore file).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull context" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" f file' -l 'file' -s 'f' -d 'The Dockerfile, as `docker build -f` takes it (default: DIR/Dockerfile).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" write' -l 'write' -d 'Write the file (atomically).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" diff' -l 'diff' -d 'Print a unified diff instead of the file.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" check' -l 'check' -d 'Print nothing; exit 1 when lines are missing.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull ignore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" f file' -l 'file' -s 'f' -d 'The Dockerfile (default: DIR/Dockerfile).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache"' -l 'changed' -d 'Paths that changed, relative to DIR; several may follow one --changed, so give DIR first.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" since' -l 'since' -d 'Take the change set from git: what differs from this reference (committed, staged, unstaged, untracked).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache"' -l 'build-arg' -d 'A build arg whose value changes: NAME=VALUE, or NAME when the new value does not matter (repeatable).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" target' -l 'target' -d 'The stage to build (default: the last).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull cache" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" f file' -l 'file' -s 'f' -d 'The Dockerfile (default: DIR/Dockerfile).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" against' -l 'against' -d 'Another Dockerfile to build with the same context and compare.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" fixed' -l 'fixed' -d 'Compare with Hull\'s fixed version of the Dockerfile (hull fix --unsafe-fixes, written to a temporary file).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" engine' -l 'engine' -d 'The engine: docker, podman or buildah (default: the first that answers).' -rfka 'docker podman buildah'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" touch' -l 'touch' -d 'The file to edit for the one-file rebuild, relative to DIR (default: a source file the build copies).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" runs' -l 'runs' -d 'Time each build this many times and report the median.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" network' -l 'network' -d 'The network for RUN steps (for example none); default: the engine\'s.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab"' -l 'build-arg' -d 'A build arg for every build, NAME=VALUE (repeatable).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" target' -l 'target' -d 'The stage to build (default: the last).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" image-prefix' -l 'image-prefix' -d 'The names of the images built start with this (default: hull-lab-<random>).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" db' -l 'db' -d 'The advisory database for vulnerability counts (default: $HULL_DB, else the user\'s cache folder; no counts when there is none).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull lab" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" username' -l 'username' -d 'The registry user name; the password is read from standard input (--password-stdin).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" password-stdin' -l 'password-stdin' -d 'Read the registry password (or token) from standard input.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" insecure-registry' -l 'insecure-registry' -d 'Allow plain HTTP to a registry that is not on loopback.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" platform' -l 'platform' -d 'The platform to read from a multi-platform index (os/arch[/variant]).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" f format' -l 'format' -s 'f' -d 'Output format: text, json (the analysis), sarif, github, gitlab, checkstyle, junit, lint-json.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" o output' -l 'output' -s 'o' -d 'Write the report to this file instead of standard output.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" ci' -l 'ci' -d 'Check dive\'s CI thresholds (defaults as dive: lowest efficiency 0.9, highest user wasted 0.1).'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" lowest-efficiency' -l 'lowest-efficiency' -d 'With --ci: fail below this efficiency (0–1).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" highest-wasted-bytes' -l 'highest-wasted-bytes' -d 'With --ci: fail above this many wasted bytes (dive\'s figure).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" highest-user-wasted-percent' -l 'highest-user-wasted-percent' -d 'With --ci: fail above this share of wasted bytes in the non-base layers (0–1).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image"' -l 'select' -d 'Only these rules (codes, prefixes, names or Dockle IDs; comma-separated or repeated).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image"' -l 'extend-select' -d 'Also these rules, on top of the selection.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image"' -l 'ignore' -d 'Never these rules.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" fail-level' -l 'fail-level' -d 'Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration\'s).' -rfka 'style info warning error'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" config' -l 'config' -d 'Use this configuration file.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" isolated' -l 'isolated' -d 'Ignore configuration files.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" paths-only' -l 'paths-only' -d 'Check secrets by file name only; read no file contents.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" color colour' -l 'color' -l 'colour' -d 'Colour in text output: auto, always or never.' -rfka 'auto always never'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull image" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" platform' -l 'platform' -d 'For a multi-platform image: the platform to scan.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" severity' -l 'severity' -d 'Report only these severities (comma-separated): CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" exit-code' -l 'exit-code' -d 'Exit with this status when vulnerabilities remain after filtering.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" ignore-unfixed' -l 'ignore-unfixed' -d 'Leave out vulnerabilities that have no fixed version yet.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" format' -l 'format' -d 'Output format: table, json, sarif or cyclonedx.' -rfka 'table text json sarif cyclonedx'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" compare' -l 'compare' -d 'Compare with another folder or image: what it adds and removes.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" db' -l 'db' -d 'The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" config' -l 'config' -d 'The configuration with accepted advisories (default: .hull.yaml found from the target).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull sbom" platform' -l 'platform' -d 'For a multi-platform image: the platform to describe.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull sbom" format' -l 'format' -d 'cyclonedx (CycloneDX 1.5 JSON) or spdx (SPDX 2.3 JSON).' -rfka 'cyclonedx spdx'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull sbom" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull sbom" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull db" -eq 1' -fa 'update' -d 'Download the ecosystems\' OSV exports (all.zip) and import those that changed.'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull db" -eq 1' -fa 'import' -d 'Import OSV records: JSON files, folders of them, or an ecosystem\'s all.zip export (for machines without network).'
complete -c 'hull' -n '__hull_should_offer_completions_for_positional "hull db" -eq 1' -fa 'status' -d 'Show where the database is, how old it is and what it holds.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update" db' -l 'db' -d 'The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update"' -l 'ecosystem' -d 'An ecosystem export to fetch (repeatable; default: Alpine, Debian, Ubuntu, AlmaLinux, Rocky Linux, Wolfi, npm, PyPI, Go).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update" base-url' -l 'base-url' -d 'Where the exports live (default: $HULL_DB_URL, else the OSV bucket).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update" attempts' -l 'attempts' -d 'Tries per request.' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db update" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db import" db' -l 'db' -d 'The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db import" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db status" db' -l 'db' -d 'The advisory database (default: $HULL_DB, else $XDG_CACHE_HOME/hull/advisories.db, else ~/.cache/hull/advisories.db).' -rfka ''
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db status" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db status" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull db status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull rules" json' -l 'json' -d 'Print JSON instead of a table.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull rules" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull rules" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull rule" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull rule" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull parse" f format' -l 'format' -s 'f' -d 'Output format: dump, json or source.' -rfka 'dump json source'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull parse" version' -l 'version' -d 'Show the version.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull parse" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'hull' -n '__hull_should_offer_completions_for_flags_or_options "hull help" version' -l 'version' -d 'Show the version.'
