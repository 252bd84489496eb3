"""Compile rule regexes without paying Python's regex compiler on every start-up.

`re.compile` parses and compiles in pure Python: the built-in packs' regexes take about 0.1 s,
a sixth of a pre-commit run. The compiled program (a list of integers) is cached with the packs
and handed straight to the C engine (`_sre.compile`), which validates it; anything unexpected
(another Python, a changed engine) falls back to `re.compile`, so the cache only saves time.
"""

from __future__ import annotations

import importlib
import re
import sys
from array import array
from collections.abc import Iterable
from typing import Any

Key = tuple[str, int]
Program = tuple[str, int, "array[int]", int, dict[str, int], tuple[str | None, ...]]

_programs: dict[Key, Program] = {}
_compiled: dict[Key, re.Pattern[str]] = {}


def engine_tag() -> str:
    """What a cached program depends on besides its pattern: the Python and its regex engine."""
    engine = importlib.import_module("_sre")
    return f"{sys.version_info[:3]}:{engine.MAGIC}:{engine.CODESIZE}"


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
            code = array("I", (int(op) for op in _compiler._code(parsed, flags)))
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
