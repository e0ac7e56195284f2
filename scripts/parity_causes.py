"""The causes of known disagreements between Hull and a peer, rule by rule.

`scripts/parity` groups every disagreement into a class. A class found here names the cause of
the difference, decided from the instruction's text and the Dockerfile around it, so that every
member of the class shares one cause and the class's `reason:` line in docs/parity.md is true
for all of them. Differences no cause here claims fall back to the script's mechanical classes.
The facts about the peers that the causes rely on were checked on one-line Dockerfiles with the
peer itself and are quoted in the reasons in docs/parity.md. `python3 scripts/parity_causes.py`
runs a self-test of the shell helpers.
"""
import functools
import json
import os
import re

CAUSES = {}
CORPUS = "."  # set by scripts/parity


# Hull rules that judge only the stages whose layers reach the image: the target stage and the
# stages it is built FROM (ShellImageStages in HullRules, and the user rules' target lineage).
SHIPPED_STAGES_ONLY = {("hadolint", rule) for rule in ("DL3002", "DL3009", "DL3019", "DL3032", "DL3036", "DL3040", "DL3042", "DL3060", "DL3066")}


def cause(tool, side, c):
    """The class of one disagreement (`side` is 'peer-only' or 'hull-only'), or None."""
    for rule_side, function in CAUSES.get((tool, c["rule"]), []):
        if rule_side == side:
            name = function(c)
            if name:
                return name
    instruction = c["instruction"]
    if side == "peer-only" and tool == "hadolint" and instruction and instruction["stage"] is None and instruction["keyword"] not in ("ARG", "FROM"):
        return "the instruction comes before any FROM: BuildKit rejects the file, Hull reports DF025 (DL3061) instead"
    if side == "hull-only" and tool == "hadolint":
        name = wrapper_cause(c)
        if name:
            return name
    if side == "peer-only" and (tool, c["rule"]) in SHIPPED_STAGES_ONLY and instruction and not instruction.get("ships", instruction["final"]):
        return "in a builder stage whose layers do not reach the image (Hull judges the shipped stages)"
    if tool == "hadolint" and c["rule"].startswith("SC"):
        return shellcheck_cause(side, c)
    return None


def rule(tool, rule_id, side):
    def register(function):
        CAUSES.setdefault((tool, rule_id), []).append((side, function))
        return function
    return register


def text(c):
    instruction = c["instruction"]
    return instruction["text"] if instruction else ""


# ShellCheck 0.11 changed these defaults (its changelog: SC2002 is optional now; SC2015 no
# longer fires when the middle command of `A && B || C` is a test); Hull ran ShellCheck 0.9.
SHELLCHECK_011_DROPPED = {"SC2002", "SC2015"}


def shellcheck_cause(side, c):
    """hadolint reports one ShellCheck finding per RUN: `RUN echo $A; find -type f; x=`ls``
    gives only SC2006 in hadolint 2.15.1, where ShellCheck reports SC2086, SC2185 and SC2006."""
    if side != "hull-only":
        return None
    others = sorted(code for code in c["peer_codes_here"] if code.startswith("SC"))
    if others:
        return "hadolint reports one ShellCheck finding per RUN, and reported another SC code for this RUN"
    if c["rule"] in SHELLCHECK_011_DROPPED:
        return "ShellCheck 0.11, which hadolint 2.15 bundles, no longer reports this by default"
    return None


# --- shell text helpers ---------------------------------------------------------------------

@functools.lru_cache(maxsize=64)
def source_lines(path):
    with open(os.path.join(CORPUS, path), encoding="utf-8", errors="replace") as source:
        return source.read().split("\n")


def script_of(c):
    """The instruction's text with line continuations joined, Dockerfile comment lines dropped and
    heredoc bodies appended."""
    lines = [line for line in text(c).split("\n") if not line.lstrip().startswith("#")]
    for start, end in (c["instruction"] or {}).get("heredocs", []):
        lines += source_lines(c["path"])[start - 1:end - 1]
    joined = re.sub(r"\\\s*\n", " ", "\n".join(lines))
    return re.sub(r"^\s*(?:ONBUILD\s+)?RUN\s+(?:--\S+\s+)*", "", joined, flags=re.IGNORECASE)


SEPARATORS = ("&&", "||", ";", "(", "{", "`", "\n", "then", "do", "else", "!")


def pipe_sources(script):
    """For each single `|` of a script outside single quotes: the first word of the command on its
    left and whether the pipe is inside a command substitution `$( … )`."""
    sources, quote, dquote, start, index, stack = [], None, False, 0, 0, []
    while index < len(script):
        char = script[index]
        if quote:
            if char == quote:
                quote = None
        elif char == "\\":
            index += 2
            continue
        elif char == "'" and not dquote:
            quote = char
        elif char == '"':
            dquote = not dquote
        elif char == "(":
            stack.append((start, dquote, index > 0 and script[index - 1] == "$"))
            start, dquote = index + 1, False
        elif char == ")" and stack:
            start, dquote, _ = stack.pop()  # back to the command the substitution or subshell is part of
        elif dquote:
            pass
        elif script.startswith("&&", index) or script.startswith("||", index):
            start = index + 2
            index += 2
            continue
        elif char in ";`\n&" or char == "{" and (index == 0 or script[index - 1] in " \t;"):
            start = index + 1
        elif char == "|":
            words = script[start:index].split()
            if words and words[0] == "case" or re.match(r"[^\s|();&]+\)", script[index + 1:]):
                start = index + 1  # a `case` pattern's alternatives, not a pipeline
                index += 1
                continue
            while words and (words[0] in ("then", "do", "else", "!", "time", "if", "elif", "while", "until", "exec", "command")
                             or "=" in words[0] and not words[0].startswith("-")):
                words = words[1:]
            sources.append((words[0] if words else "", any(substitution for _, _, substitution in stack)))
            start = index + 1
        index += 1
    return sources


def stage_instructions(c):
    instruction = c["instruction"]
    return [i for i in c["instructions"] if instruction and i["stage"] == instruction["stage"]]


# --- hadolint -------------------------------------------------------------------------------

HARMLESS_FEEDS = ("echo", "printf", "yes", "true")


SETS_PIPEFAIL = re.compile(r"\bset\s+(-[a-zA-Z]*o\s+pipefail|-o\s+pipefail|-[a-zA-Z]+\s+-o\s+pipefail)")


@rule("hadolint", "DL4006", "peer-only")
def dl4006_peer(c):
    script = script_of(c)
    sources = pipe_sources(script)
    if SETS_PIPEFAIL.search(script):
        return "the script turns pipefail on itself (set -o pipefail)"
    if sources and all(source in HARMLESS_FEEDS for source, _ in sources):
        return "every pipe is fed by echo, printf, yes or true"
    if sources and all(source in HARMLESS_FEEDS or nested for source, nested in sources):
        return "the other pipes are inside a command substitution, whose status the shell ignores"
    return None


def commands(script):
    """The simple commands of a script, roughly: (words, where) with `where` a set of
    'subshell', 'substitution', 'control' (inside if/for/while/until/case, a brace group or a
    function body), 'background' and 'piped' (right of a `|`); quotes are kept in the words."""
    found, quote, dquote, index, stack, control = [], None, False, 0, [], 0
    current, word = [], ""

    def where():
        places = {entry[0] for entry in stack}
        if control > 0:
            places.add("control")
        return places

    def end_word():
        nonlocal word, current, control
        if word:
            current.append(word)
        word = ""
        if current and current[-1] == "{" and (len(current) == 1 or current[0].endswith("()")):
            control += 1
            current = []
        elif current in (["then"], ["do"], ["else"], ["elif"], ["!"]):
            current = []

    def end_command(background=False):
        nonlocal current, control, piped
        end_word()
        if current:
            head = current[0]
            if head in ("if", "for", "while", "until", "case"):
                control += 1
            places = where()
            if background:
                places.add("background")
            if piped:
                places.add("piped")
            found.append((current, places))
            if head in ("fi", "done", "esac", "}"):
                control = max(0, control - 1)
        current = []
        piped = False

    piped = False
    while index < len(script):
        char = script[index]
        if quote:
            word += char
            if char == quote:
                quote = None
        elif char == "\\" and index + 1 < len(script):
            word += script[index:index + 2]
            index += 2
            continue
        elif char == "'" and not dquote:
            quote = char
            word += char
        elif char == '"':
            dquote = not dquote
            word += char
        elif char == "(" and index > 0 and script[index - 1] == "$":
            stack.append(("substitution", dquote, current, word))
            current, word, dquote = [], "", False
        elif char == "(" and not dquote and not word and not current:
            stack.append(("subshell", False, [], ""))
        elif char == ")" and not dquote and stack:
            end_command()
            kind, dquote, current, word = stack.pop()
            if kind == "substitution":
                word += "$(…)"
        elif dquote:
            word += char
        elif script.startswith("&&", index) or script.startswith("||", index) or script.startswith(";;", index):
            end_command()
            index += 2
            continue
        elif char == "|":
            end_command()
            piped = True
            index += 1
            continue
        elif char in ";\n":
            end_command()
        elif char == "&":
            end_command(background=True)
        elif char in " \t":
            end_word()
        else:
            word += char
        index += 1
    end_command()
    return found


@rule("hadolint", "DL3003", "peer-only")
def dl3003_peer(c):
    everything = commands(script_of(c))
    found = [(words, places, position) for position, (words, places) in enumerate(everything) if words and words[0] == "cd"]
    if not found:
        return None
    top = [(words, position) for words, places, position in found if not places]
    if not top:
        return "every cd is inside a subshell, substitution, loop, conditional or function"
    if all(len(words) < 2 or "$" in words[1] or words[1] == "-" for words, _ in top):
        return "the directory is a variable Hull cannot resolve before the RUN (set by the script, or without a value)"
    if all(position == len(everything) - 1 for _, position in top):
        return "the cd is the script's last command"
    return None




def removes_recursively(words):
    return words and words[0] == "rm" and any(re.fullmatch(r"-[a-zA-Z]*[rR][a-zA-Z]*|--recursive", w) for w in words[1:])


@rule("hadolint", "DL3009", "peer-only")
def dl3009_peer(c):
    script, flags = script_of(c), text(c).split("\n")[0]
    if re.search(r"\bapt(-get)?\s+(-\S+\s+)*dist-?clean\b", script):
        return "the RUN ends with `apt-get dist-clean`, which removes the lists"
    if re.search(r"--mount=\S*type=(cache|tmpfs)\S*target=/var/lib/apt|--mount=\S*target=/var/lib/apt\S*type=(cache|tmpfs)", flags):
        return "a cache or tmpfs mount on /var/lib/apt keeps the lists out of the layer"
    return None


@rule("hadolint", "DL3009", "hull-only")
def dl3009_hull(c):
    found = commands(script_of(c))
    if any(words and words[0] == "sudo" for words, _ in found):
        return "`sudo apt-get`: hadolint does not read through sudo"
    if any(removes_recursively(words) for words, _ in found):
        return "hadolint takes any `rm -r` as the cleanup; the lists are not removed after the last update"
    return None


@rule("hadolint", "DL3019", "peer-only")
def dl3019_peer(c):
    script, flags = script_of(c), text(c).split("\n")[0]
    found = commands(script)
    adds = [words for words, _ in found if len(words) > 1 and words[0] == "apk" and "add" in words[1:]]
    if any(removes_recursively(words) or words and words[0] == "rm" for words, _ in found
           if any(w.startswith("/var/cache/apk") for w in words)):
        return "the RUN removes /var/cache/apk itself"
    if re.search(r"--mount=\S*target=/(var/cache/apk|etc/apk/cache)", flags):
        return "a cache mount on the apk cache keeps it out of the layer"
    if adds and all("--no-cache" in words or "--no-network" in words for words in adds):
        return "the apk add without --no-cache has --no-network: it reads no index and leaves no cache"
    return None


def command_count(c, instruction):
    """How many simple commands a RUN has, counting those in pipelines and command substitutions
    (as hadolint counts them)."""
    return sum(1 for words, _ in commands(script_of(dict(c, instruction=instruction))) if words)


def previous_instruction(c):
    instruction = c["instruction"]
    earlier = [i for i in c["instructions"] if i["index"] < instruction["index"] and i["stage"] == instruction["stage"]]
    return earlier[-1] if earlier else None


@rule("hadolint", "DL3059", "hull-only")
def dl3059_hull(c):
    instruction = c["instruction"]
    previous = previous_instruction(c) if instruction else None
    if not previous or previous["keyword"] != "RUN" or instruction["keyword"] != "RUN":
        return None
    if max(command_count(c, previous), command_count(c, instruction)) > 1:
        return ("one of the two RUNs has several commands (a chain, a pipeline or a command substitution): hadolint then "
                "skips the pair, Hull only when both RUNs chain several commands")
    return None


@rule("hadolint", "DL3059", "peer-only")
def dl3059_peer(c):
    instruction = c["instruction"]
    previous = previous_instruction(c) if instruction else None
    if not previous or previous["keyword"] != "RUN":
        return None
    if any(re.match(r"RUN\s+(--\S+\s+)*\[", i["text"]) for i in (previous, instruction)):
        return "one of the two RUNs is in exec form, which Hull does not merge"
    if min(command_count(c, previous), command_count(c, instruction)) > 1:
        return "both RUNs have several commands: Hull leaves such pairs as deliberate layers"
    return None


def definitions(c):
    """Variables ARG and ENV define before the instruction: {name: (kind, value or None)}, the
    latest definition winning (stages are not told apart; enough to explain a difference)."""
    found = {}
    for instruction in c["instructions"]:
        if instruction["index"] >= c["instruction"]["index"]:
            break
        keyword, body = instruction["keyword"], re.sub(r"\\\s*\n", " ", instruction["text"]).split(None, 1)[1:] or [""]
        body = body[0]
        if keyword == "ARG":
            for name, _, value in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)(=(\S*))?", body):
                found[name] = ("ARG", value.strip("\"'") if _ else None)
        elif keyword == "ENV":
            pairs = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\S*)", body)
            if pairs:
                for name, value in pairs:
                    found[name] = ("ENV", value.strip("\"'"))
            elif body.split():
                name, _, value = body.partition(" ")
                found[name] = ("ENV", value.strip().strip("\"'"))
    return found


def variables_in(value):
    return re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", value)


def later_in_stage(c, keyword):
    instruction = c["instruction"]
    return [i for i in c["instructions"] if i["index"] > instruction["index"] and i["stage"] == instruction["stage"] and i["keyword"] == keyword]


def shipped_user_after(c):
    """Whether a later stage that reaches the image sets a USER."""
    instruction = c["instruction"]
    return any(i["keyword"] == "USER" and i["index"] > instruction["index"] and i["stage"] != instruction["stage"]
               and i.get("ships", i["final"]) for i in c["instructions"])


@rule("hadolint", "DL3002", "peer-only")
def dl3002_peer(c):
    instruction = c["instruction"]
    if not instruction or instruction["keyword"] != "USER":
        return None
    if later_in_stage(c, "USER"):
        return "a later USER in the same stage replaces this one (Hull judges the USER in force at the end)"
    if instruction.get("ships") and not instruction["final"] and shipped_user_after(c):
        return "the target stage, built on this one, sets its own USER"
    return None


@rule("hadolint", "DL3066", "peer-only")
def dl3066_peer(c):
    instruction = c["instruction"]
    if not instruction or instruction["keyword"] != "USER":
        return None
    if later_in_stage(c, "USER"):
        return "a later USER in the same stage replaces this one (Hull judges the USER in force at the end)"
    if instruction["windows"]:
        return "Windows image: its users (ContainerUser, ContainerAdministrator) have no UID"
    if not instruction.get("ships", instruction["final"]):
        return "in a builder stage whose USER does not reach the image"
    if not instruction["final"] and shipped_user_after(c):
        return "the target stage, built on this one, sets its own USER"
    names = variables_in(instruction["text"].split(None, 1)[1].split(":")[0] if " " in instruction["text"] else "")
    if names:
        known = definitions(c)
        if all(name in known and known[name][0] == "ENV" and known[name][1] and known[name][1].isdigit() for name in names):
            return "the user is an ENV variable holding a number; hadolint does not expand ENV"
        if any(name not in known or known[name][1] in (None, "") or "$" in (known[name][1] or "") for name in names):
            return "the user is a variable that is not a build argument: hadolint flags it unexpanded, Hull expands it"
    return None


@rule("hadolint", "DL3066", "hull-only")
def dl3066_hull(c):
    instruction = c["instruction"]
    if not instruction or instruction["keyword"] != "USER":
        return None
    names = variables_in(instruction["text"])
    arguments = {name for i in c["instructions"] if i["index"] < instruction["index"] and i["keyword"] == "ARG"
                 for name in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)(?:=\S*)?", i["text"].split(None, 1)[-1])}
    if names and any(name in arguments for name in names):
        return "the user is a build argument with a non-numeric default: hadolint skips any USER naming an ARG, Hull expands it"
    return None


def shell_set_before(c):
    instruction = c["instruction"]
    return any(i["keyword"] == "SHELL" and i["stage"] == instruction["stage"] and i["index"] < instruction["index"]
               for i in c["instructions"])


@rule("hadolint", "DL3025", "peer-only")
def dl3025_peer(c):
    instruction = c["instruction"]
    if not instruction:
        return None
    if instruction["keyword"] == "HEALTHCHECK":
        return "HEALTHCHECK CMD: hadolint takes the health check's command for a CMD"
    if instruction["stage"] is None:
        return "the CMD comes before any FROM (BuildKit rejects the file; Hull reports DF025 instead)"
    argument = re.sub(r"\\\s*\n", " ", instruction["text"]).split(None, 1)[-1].strip()
    if argument.startswith("["):
        try:
            if isinstance(json.loads(argument), list):
                return "valid JSON exec form that hadolint's parser misreads as shell form"
        except ValueError:
            pass
    if shell_set_before(c):
        return "a SHELL instruction is in force (BuildKit's JSONArgsRecommended stays silent too)"
    if re.match(r"exec\s", argument):
        return "the command starts with exec, so the program replaces the shell"
    return None


def declared_names(c):
    body = re.sub(r"\\\s*\n", " ", text(c)).split(None, 1)[-1]
    pairs = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=", body)
    return pairs or body.split()[:1]


@rule("hadolint", "DL3064", "peer-only")
def dl3064_peer(c):
    names = [name.upper() for name in declared_names(c)]
    if "USERNAME" in names:
        return "a user name (ARG USERNAME=vscode) is not a secret"
    if any(name.endswith("_KEY_ID") for name in names):
        return "an access key ID names a key and is not the secret; its value has no credential shape"
    if any("PRIVATE" in name and ("FILE" in name or "ZONE" in name) for name in names):
        return "names that describe files (PRIVATE_ZONEFILE) hold no secret"
    return None


@rule("hadolint", "DL3064", "hull-only")
def dl3064_hull(c):
    names = [name.upper() for name in declared_names(c)]
    if any(re.search(r"(^|_)(PASS|PWD)$|LICENSE_KEY", name) for name in names):
        return "hadolint's word list misses PASS, PWD and LICENSE_KEY (MG_PASS, ORACLE_PWD)"
    return None


@rule("hadolint", "DL3016", "hull-only")
def dl3016_hull(c):
    script = script_of(c)
    if re.search(r"npm\s+(i|install|add)\b[^;&|]*@latest\b", script):
        return "`npm install -g yarn@latest`: @latest is a moving tag, not a version; hadolint accepts any @ suffix"
    names = [name for name in variables_in(script)]
    known = definitions(c)
    if any(known.get(name, ("", ""))[1] == "latest" for name in names):
        return "the version comes from an ARG whose default is `latest` (`@$ng_version`, `ARG ng_version=latest`)"
    return None


@rule("hadolint", "DL3016", "peer-only")
@rule("hadolint", "DL3013", "peer-only")
def package_from_unset_variable(c):
    known = definitions(c)
    packages = re.findall(r"(?:npm|pip3?)\s+(?:install|i)\s+(?:-\S+\s+)*([^\s;&|]+)", script_of(c))
    if packages and all(variables_in(p) and all(known.get(n, ("", None))[1] in (None, "") for n in variables_in(p)) or
                        any(known.get(n, ("", None))[1] in (None, "") for n in variables_in(p)) for p in packages):
        return "the package comes from a variable with no value before the build: Hull does not judge values only known then"
    return None


@rule("hadolint", "DL3062", "peer-only")
def dl3062_peer(c):
    found = commands(script_of(c))
    if any(words[:2] == ["go", "run"] for words, _ in found) and not any(words[:2] == ["go", "get"] for words, _ in found):
        return "`go run make.go` runs a local file; there is no package to pin"
    return None


# Hull reads commands through wrappers hadolint does not look into (checked with hadolint
# 2.15.1 on one-line Dockerfiles: `RUN sudo apt-get install -y git` gives no DL3008/DL3014/DL3015,
# `RUN su node -c "npm install -g eslint"` no DL3016, `RUN python3 -m pip install radian` and
# `RUN bin/pip install scikits` no DL3013, `ONBUILD RUN cd /x && make` no DL3003).
WRAPPED_TOOLS = {
    "DL3003": r"cd", "DL3004": r"sudo", "DL3008": r"apt(-get)?", "DL3009": r"apt(-get)?", "DL3014": r"apt(-get)?",
    "DL3015": r"apt(-get)?", "DL3013": r"pip3?", "DL3016": r"npm", "DL3018": r"apk", "DL3019": r"apk",
    "DL3027": r"apt", "DL3030": r"yum", "DL3032": r"yum", "DL3033": r"yum", "DL3038": r"dnf|microdnf",
    "DL3040": r"dnf|microdnf", "DL3041": r"dnf|microdnf", "DL3042": r"pip3?", "DL3047": r"wget", "DL3059": None,
    "DL3060": r"yarn", "DL3062": r"go", "DL4001": r"wget|curl", "DL4006": None,
}


def wrapper_cause(c):
    instruction = c["instruction"]
    if not instruction or c["rule"] not in WRAPPED_TOOLS:
        return None
    if instruction["keyword"] == "ONBUILD":
        return "ONBUILD RUN: hadolint does not check the trigger's script"
    tool = WRAPPED_TOOLS[c["rule"]]
    if tool is None:
        return None
    script = script_of(c)
    verbs = {"DL3003": None, "DL3004": None, "DL3009": {"update"}, "DL3027": None, "DL4001": None, "DL3047": None}.get(c["rule"], {"install", "i", "add"})
    direct = [words for words, _ in commands(script)
              if words and re.fullmatch(tool, words[0]) and (verbs is None or verbs & set(words[1:]))]
    if re.search(r"\bsudo\s+(-\S+\s+)*(" + tool + r")\b", script) and not direct:
        return "the command runs through sudo, which Hull reads and hadolint does not"
    if re.search(r"\bxargs\s+(-\S+\s+)*(" + tool + r")\b", script) and not direct:
        return "the command runs through xargs, which Hull reads and hadolint does not"
    if re.search(r"\b(su|sh|bash)\b[^;&|]*\s-c\s+[\"'][^\"']*\b(" + tool + r")\b", script) and (not direct or c["rule"] == "DL4001"):
        return "the command runs in a `su … -c`, `sh -c` or `bash -c` script, which Hull reads and hadolint does not"
    if re.search(r"(^|\s)/\S+/(" + tool + r")\s", script) and not direct:
        return "the command is called by its path (`/usr/local/go/bin/go get`), which Hull reads and hadolint does not"
    if c["rule"] in ("DL3013", "DL3042") and re.search(r"-m\s+pip\b|\S+/pip3?\s", script):
        return "pip runs as `python3 -m pip` or by a path (`bin/pip`), which Hull reads and hadolint does not"
    return None


@rule("hadolint", "DL3015", "hull-only")
def dl3015_hull(c):
    found = [words for words, _ in commands(script_of(c)) if words]
    apt = [w for w in found if w[0] == "apt" and "install" in w]
    apt_get = [w for w in found if w[0] == "apt-get" and "install" in w and "--no-install-recommends" not in w]
    if apt and not apt_get:
        return "`apt install`: hadolint's DL3015 reads only apt-get (Trivy DS-0029 flags apt too)"
    return None


@rule("hadolint", "DL3040", "peer-only")
def dl3040_peer(c):
    if re.search(r"\bmicrodnf\s+(-y\s+)?clean\s+all\b", script_of(c)):
        return "the RUN ends with `microdnf -y clean all`; hadolint flags it anyway"
    return None


@rule("hadolint", "DL3042", "peer-only")
def dl3042_peer(c):
    instruction = c["instruction"]
    if instruction and instruction["keyword"] == "ONBUILD":
        return "ONBUILD RUN: Hull's cache rules do not read ONBUILD triggers yet"
    script = script_of(c)
    if re.search(r"\brm\s+-\S*r\S*\s+[^;&|]*(~|/root)/\.cache(/pip)?\b", script):
        return "the RUN removes pip's cache itself (`rm -rf ~/.cache/pip`)"
    if definitions(c).get("PIP_NO_CACHE_DIR"):
        return "ENV PIP_NO_CACHE_DIR is set (pip turns its cache off for any value, `off` included)"
    return None


def package_manager_verbs(c, tools):
    found = [words for words, _ in commands(script_of(c)) if words and words[0] in tools]
    return {word for words in found for word in words[1:] if not word.startswith("-")}


@rule("hadolint", "DL3030", "hull-only")
@rule("hadolint", "DL3032", "hull-only")
@rule("hadolint", "DL3038", "hull-only")
@rule("hadolint", "DL3040", "hull-only")
def update_without_install(c):
    verbs = package_manager_verbs(c, ("yum", "dnf", "microdnf"))
    if verbs & {"update", "upgrade"} and "install" not in verbs:
        return "`yum update` / `dnf upgrade` without install: Hull judges them as install; hadolint reads only install"
    return None


def expand(value, known):
    def replace(match):
        name = match.group(1) or match.group(2)
        entry = known.get(name)
        return entry[1] if entry and entry[1] is not None else match.group(0)
    for _ in range(3):
        value = re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)", replace, value)
    return value


def from_reference(c):
    words = [w for w in text(c).split()[1:] if not w.startswith("--")]
    return words[0] if words else ""


def stage_names(c):
    names = set()
    for i in c["instructions"]:
        if i["keyword"] == "FROM" and i["index"] < c["instruction"]["index"]:
            match = re.search(r"\s[Aa][Ss]\s+(\S+)", i["text"])
            if match:
                names.add(match.group(1).lower())
    return names


def image_tag(reference):
    name = reference.split("@")[0]
    last = name.rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else None


@rule("hadolint", "DL3006", "hull-only")
@rule("hadolint", "DL3007", "hull-only")
def from_variables_hull(c):
    reference = from_reference(c)
    if "$" not in reference:
        return None
    value = expand(reference, definitions(c))
    if "$" in value:
        return None
    tag = image_tag(value)
    if c["rule"] == "DL3006" and tag is None:
        return "FROM names an ARG whose default is an image without a tag; hadolint does not expand ARGs in FROM"
    if c["rule"] == "DL3007" and tag == "latest":
        return "FROM names an ARG whose default tag is latest; hadolint does not expand ARGs in FROM"
    return None


@rule("hadolint", "DL3006", "peer-only")
def dl3006_peer(c):
    reference = from_reference(c)
    value = expand(reference, definitions(c)) if "$" in reference else reference
    pattern = re.sub(r"\\\$\\\{[^}]*\\\}|\\\$[A-Za-z_][A-Za-z0-9_]*", ".*", re.escape(reference.lower()))
    if value.lower() in stage_names(c) or "$" in reference and any(re.fullmatch(pattern, name) for name in stage_names(c)):
        return "FROM names an earlier stage (after expanding its ARG, or in another case), which needs no tag"
    if re.search(r"[A-Z<>\[\]]", value.split("@")[0]):
        return "not a valid image reference (upper case, `<…>` or `[…]` placeholders): BuildKit cannot pull it either"
    return None


@rule("hadolint", "DL3022", "peer-only")
def dl3022_peer(c):
    match = re.search(r"--from=(\S+)", text(c))
    if not match:
        return None
    source = match.group(1).strip("\"'").lower()
    every_stage = {m.group(1).lower() for i in c["instructions"] if i["keyword"] == "FROM"
                   for m in [re.search(r"\s[Aa][Ss]\s+(\S+)", i["text"])] if m}
    if source not in every_stage and not source.isdigit():
        if "/" in source or "." in source or ":" in source:
            return "`--from` names an image (`gloursdocker/docker`, `webdevops/toolbox`), which BuildKit pulls"
        return "`--from` names no stage of the file, so BuildKit pulls it as an image (`maven_upstream` in a template without stages)"
    return None


@rule("hadolint", "DL3045", "hull-only")
def dl3045_hull(c):
    if c["instruction"] and c["instruction"]["keyword"] == "ADD":
        return "ADD to a relative destination: hadolint's DL3045 checks COPY only"
    return None


@rule("hadolint", "DL3060", "hull-only")
def dl3060_hull(c):
    found = [words for words, _ in commands(script_of(c)) if words and words[0] == "yarn"]
    if found and not any("install" in words for words in found) and any("add" in words for words in found):
        return "`yarn add` / `yarn global add` fill the cache as `yarn install` does; hadolint reads only install"
    return None


@rule("hadolint", "DL3048", "hull-only")
def dl3048_hull(c):
    keys = re.findall(r"\"?([^\s=\"]+)\"?=", re.sub(r"\\\s*\n", " ", text(c)).split(None, 1)[-1])
    if any("_" in key for key in keys):
        return "a label key with `_` (`registry_image`): Hull allows lower-case letters, digits, `.` and `-`; hadolint allows `_`"
    return None


@rule("hadolint", "DL3044", "hull-only")
def dl3044_hull(c):
    body = re.sub(r"\\\s*\n", " ", text(c)).split(None, 1)[-1]
    assigned = re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=", body)
    used = set(variables_in(body))
    earlier = definitions(c)
    if any(name in used and name in earlier for name in assigned):
        return "the ENV reads a variable it also sets, which an earlier ENV or ARG set too: hadolint stays silent then"
    return None


@rule("hadolint", "DL3030", "hull-only")
@rule("hadolint", "DL3038", "hull-only")
def update_without_yes(c):
    found = [words for words, _ in commands(script_of(c)) if words and words[0] in ("yum", "dnf", "microdnf")]
    if any(set(words) & {"update", "upgrade"} and not set(words) & {"-y", "--assumeyes"} for words in found):
        return "`yum update` / `microdnf update` without -y prompts as install does; hadolint reads only install"
    return None


@rule("hadolint", "DL3033", "hull-only")
@rule("hadolint", "DL3041", "hull-only")
def digit_in_package_name(c):
    found = [words for words, _ in commands(script_of(c)) if words and words[0] in ("yum", "dnf", "microdnf") and "install" in words]
    names = [w for words in found for w in words if not w.startswith("-") and w not in ("yum", "dnf", "microdnf", "install")]
    if names and all(re.search(r"-\d", name) for name in names):
        return "hadolint takes a digit after a dash (`gcc-toolset-11-gcc`, `java-17-amazon-corretto-headless`) for a version"
    return None


@rule("hadolint", "DL3065", "hull-only")
def dl3065_hull(c):
    if re.search(r"--platform=\$\{TARGETPLATFORM:-", text(c)):
        return "`--platform=${TARGETPLATFORM:-linux/amd64}` is $TARGETPLATFORM whenever BuildKit sets it; hadolint matches only the bare variable"
    return None


@rule("hadolint", "DL3046", "peer-only")
def dl3046_peer(c):
    if re.search(r"useradd\b[^;&|]*\s(-u|--uid)\s+\$", script_of(c)):
        return "the UID is a variable with no value before the build: Hull flags only UIDs it knows to be large"
    return None


@rule("hadolint", "DL3020", "peer-only")
def dl3020_peer(c):
    words = re.sub(r"\\\s*\n", " ", text(c)).split()[1:]
    sources = [w for w in words if not w.startswith("--")][:-1]
    if sources and all(w.startswith("$") for w in sources):
        return "the source is a variable (ENV or ARG, possibly a URL or archive ADD fetches or unpacks): Hull does not judge it"
    return None


@rule("hadolint", "DL4003", "hull-only")
def dl4003_hull(c):
    if c["instruction"] and later_in_stage(c, "CMD"):
        return "Hull flags the CMD that a later CMD overrides (it has no effect); hadolint flags the later ones"
    return None


@rule("hadolint", "DL4003", "peer-only")
def dl4003_peer(c):
    instruction = c["instruction"]
    if instruction and instruction["stage"] is not None and not later_in_stage(c, "CMD"):
        return "this is the CMD in force (the last of its stage); Hull flags the overridden one before it"
    return None


def selftest():
    """Checks of the shell helpers the causes rest on (run `python3 scripts/parity_causes.py`)."""
    assert [s for s, _ in pipe_sources('echo "$SHA *go.tgz" | sha256sum -c - && curl -fsSL x | tar -xz')] == ["echo", "curl"]
    assert pipe_sources('case "$arch" in aarch64|arm64) a ;; esac') == []
    assert pipe_sources('v="$(echo "$x" | grep y)"') == [("echo", True)]
    assert pipe_sources("grep 'a|b' f") == []
    places = {" ".join(words): where for words, where in commands('(cd /x && make); for d in a; do cd $d; done; f() { cd /y; }; cd /z && ls')}
    assert places["cd /x"] == {"subshell"} and places["cd $d"] == {"control"} and places["cd /y"] == {"control"} and places["cd /z"] == set()
    assert {"substitution"} <= commands('X="$(cd /a && pwd)"')[0][1]
    assert sum(1 for words, _ in commands("a | b") if words) == 2
    assert expand("${A}/b:${B}", {"A": ("ARG", "x"), "B": ("ARG", "latest")}) == "x/b:latest"
    assert image_tag("quay.io/jupyter/base") is None and image_tag("x/y:1.2@sha256:00") == "1.2"
    assert SETS_PIPEFAIL.search("set -euo pipefail") and SETS_PIPEFAIL.search("set -o pipefail")
    print("parity_causes: self-test passed")


if __name__ == "__main__":
    selftest()
