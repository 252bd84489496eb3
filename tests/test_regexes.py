"""Cached regex programs must behave exactly like freshly compiled regexes, or not be used."""

from __future__ import annotations

import re
from array import array

from claimlint import regexes

PATTERNS = [
    (r"\b(?:best|top)\s+(?P<what>clinic|provider)s?\b", re.IGNORECASE),
    (r"(?m)^\s*[-*]\s+(?:no|zero)\s+(?:downtime|pain)\b", re.IGNORECASE),
    (r"副作用(?:が|は)?(?:一切|全く)?(?:ない|ありません)", 0),
]
TEXT = "The BEST clinics in town.\n - No downtime at all\n副作用は一切ありません。 top provider"


def test_programs_compile_to_the_same_regexes() -> None:
    table = regexes.programs(PATTERNS)
    assert set(table) == set(PATTERNS)
    for pattern, flags in PATTERNS:
        from_program = regexes._from_program(table[(pattern, flags)])
        assert from_program is not None
        fresh = re.compile(pattern, flags)
        assert [m.span() for m in from_program.finditer(TEXT)] == [m.span() for m in fresh.finditer(TEXT)]
        assert from_program.groupindex == fresh.groupindex and from_program.flags == fresh.flags


def test_a_broken_program_falls_back_to_compiling() -> None:
    pattern, flags = r"\bzqbavork\b", re.IGNORECASE
    program = regexes.programs([(pattern, flags)])[(pattern, flags)]
    broken = (program[0], program[1], array("I", [0, 1, 2]), *program[3:])
    assert regexes._from_program(broken) is None  # the C engine rejects invalid code
    regexes.install({(pattern, flags): broken})
    assert regexes.search(pattern, "a ZQBAVORK here", flags) is not None
