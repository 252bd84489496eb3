"""Compile rule regexes without paying Python's regex compiler on every start-up.

`re.compile` parses and compiles in pure Python: the built-in packs' regexes take about 0.1 s,
a sixth of a pre-commit run. The compiled program (a list of integers) is cached with the packs
and handed straight to the C engine (`_sre.compile`), which validates it; anything unexpected
(another Python, a changed engine) falls back to `re.compile`, so the cache only saves time.

A program also tells the engine which characters a match can start with when Python's compiler
leaves that out, as it does for a case-insensitive regex or one opening with ``\b``: the engine
then skips every other position without trying the whole regex there (``start_charset``).
"""

from __future__ import annotations

import importlib
import re
import sys
from array import array
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

Key = tuple[str, int]
Program = tuple[str, int, "array[int]", int, dict[str, int], tuple[str | None, ...]]

_programs: dict[Key, Program] = {}
_compiled: dict[Key, re.Pattern[str]] = {}


PROGRAM_FORMAT = 2  # bump when programs() builds different code for the same regex
# The only characters outside ASCII that match an ASCII letter case-insensitively (a test checks
# every code point): dotted and dotless i, long s and the Kelvin sign.
ASCII_CASE_RELATIVES = "\u0130\u0131\u017f\u212a"


def engine_tag() -> str:
    """What a cached program depends on besides its pattern: the Python and its regex engine."""
    engine = importlib.import_module("_sre")
    return f"{sys.version_info[:3]}:{engine.MAGIC}:{engine.CODESIZE}:{PROGRAM_FORMAT}"


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """The compiled regex, from a cached program when there is one."""
    key = (pattern, flags)
    found = _compiled.get(key)
    if found is None:
        program = _programs.get(key)
        found = _from_program(program) if program is not None else None
        if found is None:
            found = re.compile(pattern, flags)
        _compiled[key] = found
    return found


def search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    """`re.search` through the compiled-regex cache."""
    return compiled(pattern, flags).search(text)


def programs(keys: Iterable[Key]) -> dict[Key, Program]:
    """Compile regexes into storable programs (none if this Python's internals differ)."""
    out: dict[Key, Program] = {}
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        for pattern, flags in keys:
            parsed = _parser.parse(pattern, flags)
            code = array("I", (int(op) for op in _with_start_charset(_compiler._code(parsed, flags), parsed)))
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            out[(pattern, flags)] = (
                pattern,
                int(flags | parsed.state.flags),
                code,
                parsed.state.groups - 1,
                groupindex,
                tuple(indexgroup),
            )
    except Exception:  # private internals of another Python: just do without
        return {}
    return out


def _with_start_charset(code: list[Any], parsed: Any) -> list[Any]:
    """The compiled code, its info block naming the characters a match starts with if it names
    neither those nor a literal prefix."""
    from re import _compiler  # type: ignore[attr-defined]

    c = _constants()
    # An info block without prefix or charset is exactly [INFO, skip=4, mask=0, min, max].
    if len(code) < 5 or code[0] is not c.INFO or code[1:3] != [4, 0] or code[3] == 0:
        return code  # a literal prefix or charset already, or a match may be empty
    chars = start_charset(parsed)
    if chars is None:
        return code
    charset, _ = _compiler._optimize_charset([(c.LITERAL, ord(ch)) for ch in sorted(chars)])
    info = [c.INFO, 0, c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, 0, info)
    info[1] = len(info) - 1
    return info + code[5:]


def start_charset(parsed: Any) -> frozenset[str] | None:
    """Every character a non-empty match of the parsed regex can start with, in any case (None
    when unknown, or when a non-ASCII letter makes Unicode case rules matter)."""
    found = _first(list(parsed), ignore_case=True)
    if found is None or len(found) > 128:
        return None
    out = set(found)
    for ch in found:
        if len(ch) != 1:  # "ß".swapcase() is "SS"
            return None
        if ch.isascii() and ch.isalpha():
            out.update(x for x in ASCII_CASE_RELATIVES if re.fullmatch(re.escape(ch), x, re.IGNORECASE))
        elif ch.lower() != ch or ch.upper() != ch:
            return None
    return frozenset(out)


def starter(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A one-character regex for every character a match can start with: a text it does not find
    holds no non-empty match anywhere (None when that set is unknown)."""
    parsed = _parsed(pattern, flags)
    chars = start_charset(parsed) if parsed is not None else None
    if not chars:
        return None
    return compiled("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")


def install(table: dict[Key, Program]) -> None:
    """Make cached programs available to `compiled`."""
    _programs.update(table)


def _from_program(program: Program) -> re.Pattern[str] | None:
    try:
        pattern: Any = importlib.import_module("_sre").compile(
            program[0], program[1], program[2].tolist(), *program[3:]
        )
    except Exception:  # an invalid program is rejected by the engine: recompile
        return None
    return pattern if isinstance(pattern, re.Pattern) else None


# -- the words every match must contain ------------------------------------------------------

_EDGE = "edge"  # a position where a token must start or end (boundary, line start, whitespace)


def required_words(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Word groups every match of a regex contains as whole words: one word of each group.

    A run of letters between two token edges (``\\b``, ``^``, whitespace, a hyphen) in the
    regex's main sequence is such a word, and so is a group like ``(?:best|top)`` between edges.
    Anything the analysis does not understand contributes nothing, so the answer may be
    incomplete but never wrong: a regex that needs "zqbavork" only runs where that word occurs.
    """
    parsed = _parsed(pattern, flags)
    if parsed is None:
        return ()
    items = _flatten(list(parsed))
    out: list[frozenset[str]] = []
    for i, item in enumerate(items):
        if not isinstance(item, frozenset):
            continue
        before = items[i - 1] if i > 0 else None
        after = items[i + 1] if i + 1 < len(items) else None
        if before == _EDGE and after == _EDGE:
            out.append(item)
    return tuple(dict.fromkeys(out))


def _flatten(seq: list[Any]) -> list[Any]:
    """The sequence as edges, word alternatives (frozensets), letters joined, and opaque items."""
    c = _constants()

    items: list[Any] = []
    for op, av in seq:
        if op is c.LITERAL:
            char = chr(av)
            if char.isalpha():
                if items and isinstance(items[-1], str) and items[-1] not in (_EDGE, "?"):
                    items[-1] += char.lower()
                else:
                    items.append(char.lower())
            else:
                items.append(_EDGE if char in " \t\n-" else "?")
        elif op is c.AT:
            items.append(_EDGE if av in (c.AT_BOUNDARY, c.AT_BEGINNING_LINE, c.AT_BEGINNING) else "?")
        elif op is c.IN:
            items.append(_EDGE if _is_space_class(av) else "?")
        elif (
            op in (c.MAX_REPEAT, c.MIN_REPEAT)
            and av[0] >= 1
            and all(o is c.IN and _is_space_class(a) for o, a in av[2])
        ):
            items.append(_EDGE)  # \s+
        elif op is c.SUBPATTERN and not _has_branch_inside(av[-1]):
            items.extend(_flatten(list(av[-1])))
        elif op is c.SUBPATTERN:
            items.append(_alternatives(list(av[-1])))
        elif op is c.BRANCH:
            items.append(_alternatives([(op, av)]))
        else:
            items.append("?")
    # A letter run is a word only where it stands alone between edges.
    return [frozenset({item}) if isinstance(item, str) and item not in (_EDGE, "?") else item for item in items]


def _alternatives(seq: list[Any]) -> Any:
    """A group whose every branch is one plain word, as the set of those words; else opaque."""
    c = _constants()

    if len(seq) != 1 or seq[0][0] is not c.BRANCH:
        return "?"
    words: set[str] = set()
    for branch in seq[0][1][1]:
        flat = _flatten(list(branch))
        if len(flat) != 1 or not isinstance(flat[0], frozenset) or len(flat[0]) != 1:
            return "?"
        words |= flat[0]
    return frozenset(words)


def _is_space_class(members: Any) -> bool:
    c = _constants()

    return all(
        (op is c.CATEGORY and av is c.CATEGORY_SPACE) or (op is c.LITERAL and chr(av) in " \t\n-") for op, av in members
    )


def _has_branch_inside(seq: Any) -> bool:
    c = _constants()

    return any(op is c.BRANCH for op, _ in seq)


def _constants() -> Any:
    """The regex parser's opcode constants (private to the re package)."""
    return importlib.import_module("re._constants")


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of the regex can start with (None when not a small known set)."""
    parsed = _parsed(pattern, flags)
    return _first(list(parsed), bool(flags & re.IGNORECASE)) if parsed is not None else None


@lru_cache(maxsize=1024)  # the prefilter and the matcher both analyse each rule regex
def _parsed(pattern: str, flags: int) -> Any | None:
    """The regex parser's tree for a pattern, only read, never changed (None if this Python's
    private parser differs or rejects it)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _parser.parse(pattern, flags)
    except Exception:  # private internals of another Python: unknown
        return None


def _first(seq: list[Any], ignore_case: bool) -> frozenset[str] | None:
    c = _constants()
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the match starts at the next item
        if op is c.LITERAL:
            char = chr(av)
            return frozenset({char, char.lower(), char.upper()} if ignore_case else {char})
        if op is c.IN:
            chars: set[str] = set()
            for member, value in av:
                if member is c.LITERAL:
                    chars.add(chr(value))
                elif member is c.RANGE and value[1] - value[0] < 256:
                    chars.update(chr(code) for code in range(value[0], value[1] + 1))
                else:
                    return None
            return frozenset(chars | {ch.swapcase() for ch in chars} if ignore_case else chars)
        if op is c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                found = _first(list(branch), ignore_case)
                if found is None:
                    return None
                out |= found
            return frozenset(out)
        if op is c.SUBPATTERN:
            return _first(list(av[-1]), ignore_case) if av[-1].getwidth()[0] > 0 else None
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first(list(av[2]), ignore_case)
        return None
    return None
