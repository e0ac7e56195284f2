#!/bin/bash

__hull_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__hull_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__hull_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__hull_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_hull() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __hull_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check|compare|lint|fix|context|ignore|cache|lab|image|scan|sbom|db|rules|rule|parse|help)
        # Offer subcommand argument completions
        "_hull_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check compare lint fix context ignore cache lab image scan sbom db rules rule parse help' -- "${cur}"))
        ;;
    esac
}

_hull_check() {
    repeating_flags=()
    non_repeating_flags=(--isolated --paths-only --version -h --help)
    repeating_options=()
    non_repeating_options=(--format --fail-level --config --image --platform --color --colour)
    __hull_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--fail-level')
        __hull_add_completions -W 'style'$'\n''info'$'\n''warning'$'\n''error'
        return
        ;;
    '--config')
        return
        ;;
    '--image')
        return
        ;;
    '--platform')
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_compare() {
    repeating_flags=()
    non_repeating_flags=(--isolated --version -h --help)
    repeating_options=()
    non_repeating_options=(--platform --format --config --color --colour)
    __hull_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--platform')
        return
        ;;
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--config')
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_lint() {
    repeating_flags=()
    non_repeating_flags=(--preview --isolated --no-shellcheck --fix --unsafe-fixes --version -h --help)
    repeating_options=(--select --extend-select --ignore --trusted-registry --format -f --output -o)
    non_repeating_options=(--fail-level --config --color --colour)
    __hull_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--select')
        return
        ;;
    '--extend-select')
        return
        ;;
    '--ignore')
        return
        ;;
    '--fail-level')
        __hull_add_completions -W 'style'$'\n''info'$'\n''warning'$'\n''error'
        return
        ;;
    '--trusted-registry')
        return
        ;;
    '--config')
        return
        ;;
    '--format'|'-f')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_fix() {
    repeating_flags=()
    non_repeating_flags=(--unsafe-fixes --diff --check --isolated --version -h --help)
    repeating_options=(--select --ignore)
    non_repeating_options=(--config)
    __hull_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--select')
        return
        ;;
    '--ignore')
        return
        ;;
    '--config')
        return
        ;;
    esac
}

_hull_context() {
    repeating_flags=()
    non_repeating_flags=(--list --paths-only --skip-excluded --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --format --color --colour)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        return
        ;;
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_ignore() {
    repeating_flags=()
    non_repeating_flags=(--write --diff --check --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        return
        ;;
    esac
}

_hull_cache() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--changed --build-arg)
    non_repeating_options=(--file -f --since --target --format --color --colour)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        return
        ;;
    '--changed')
        return
        ;;
    '--since')
        return
        ;;
    '--build-arg')
        return
        ;;
    '--target')
        return
        ;;
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_lab() {
    repeating_flags=()
    non_repeating_flags=(--fixed --version -h --help)
    repeating_options=(--build-arg)
    non_repeating_options=(--file -f --against --engine --touch --runs --network --target --image-prefix --db --format)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        return
        ;;
    '--against')
        return
        ;;
    '--engine')
        __hull_add_completions -W 'docker'$'\n''podman'$'\n''buildah'
        return
        ;;
    '--touch')
        return
        ;;
    '--runs')
        return
        ;;
    '--network')
        return
        ;;
    '--build-arg')
        return
        ;;
    '--target')
        return
        ;;
    '--image-prefix')
        return
        ;;
    '--db')
        return
        ;;
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_hull_image() {
    repeating_flags=()
    non_repeating_flags=(--password-stdin --insecure-registry --ci --isolated --paths-only --version -h --help)
    repeating_options=(--select --extend-select --ignore)
    non_repeating_options=(--username --platform --format -f --output -o --lowest-efficiency --highest-wasted-bytes --highest-user-wasted-percent --fail-level --config --color --colour)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--username')
        return
        ;;
    '--platform')
        return
        ;;
    '--format'|'-f')
        return
        ;;
    '--output'|'-o')
        return
        ;;
    '--lowest-efficiency')
        return
        ;;
    '--highest-wasted-bytes')
        return
        ;;
    '--highest-user-wasted-percent')
        return
        ;;
    '--select')
        return
        ;;
    '--extend-select')
        return
        ;;
    '--ignore')
        return
        ;;
    '--fail-level')
        __hull_add_completions -W 'style'$'\n''info'$'\n''warning'$'\n''error'
        return
        ;;
    '--config')
        return
        ;;
    '--color'|'--colour')
        __hull_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_hull_scan() {
    repeating_flags=()
    non_repeating_flags=(--ignore-unfixed --version -h --help)
    repeating_options=()
    non_repeating_options=(--platform --severity --exit-code --format --compare --db --config)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--platform')
        return
        ;;
    '--severity')
        return
        ;;
    '--exit-code')
        return
        ;;
    '--format')
        __hull_add_completions -W 'table'$'\n''text'$'\n''json'$'\n''sarif'$'\n''cyclonedx'
        return
        ;;
    '--compare')
        return
        ;;
    '--db')
        return
        ;;
    '--config')
        return
        ;;
    esac
}

_hull_sbom() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--platform --format)
    __hull_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--platform')
        return
        ;;
    '--format')
        __hull_add_completions -W 'cyclonedx'$'\n''spdx'
        return
        ;;
    esac
}

_hull_db() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hull_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    update|import|status)
        # Offer subcommand argument completions
        "_hull_db_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'update import status' -- "${cur}"))
        ;;
    esac
}

_hull_db_update() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=(--ecosystem)
    non_repeating_options=(--db --base-url --attempts)
    __hull_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--ecosystem')
        return
        ;;
    '--base-url')
        return
        ;;
    '--attempts')
        return
        ;;
    esac
}

_hull_db_import() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db)
    __hull_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    esac
}

_hull_db_status() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--db --format)
    __hull_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--db')
        return
        ;;
    '--format')
        __hull_add_completions -W 'text'$'\n''json'
        return
        ;;
    esac
}

_hull_rules() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hull_offer_flags_options 0
}

_hull_rule() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __hull_offer_flags_options 1
}

_hull_parse() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--format -f)
    __hull_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--format'|'-f')
        __hull_add_completions -W 'dump'$'\n''json'$'\n''source'
        return
        ;;
    esac
}

_hull_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __hull_offer_flags_options -1
}

complete -o filenames -F _hull hull
