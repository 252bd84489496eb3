"""Cached regex programs must behave exactly like freshly compiled regexes, or not be used."""

from __future__ import annotations

import re
from array import array

from claimlint import regexes
from claimlint.engine import Linter

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


def test_a_start_charset_finds_exactly_what_the_plain_regex_finds() -> None:
    """The info block may name the characters a match starts with; case rules, including the
    four non-ASCII letters that match ASCII ones, must not lose a match."""
    patterns = [
        (r"\b(?:skin|kind|site)\s+(?:is|was)\b", re.IGNORECASE),
        (r"(?<![\w#])#\s?1\b", 0),
        (r"\bSafe\b", 0),
        (r"(?:[Cc]ure[sd]?|heal)\s+\w+", 0),
        (r"\b(?:n[o0]|zero)\s+risk", re.IGNORECASE),
        (r"(?i:kelvin)\s+scale", 0),
    ]
    text = (
        "ſkin is soft. \u212aind was he. \u0130site is \u0131t. SKIN WAS fine; #1 and # 1 and x#1. "
        "Safe SAFE safe. Cures pain, cured you, heal me. N0 risk, no  risk, ZERO risk. \u212aelvin scale."
    )
    table = regexes.programs(patterns)
    for pattern, flags in patterns:
        program = table[(pattern, flags)]
        assert program[2][2] == re._constants.SRE_INFO_CHARSET, pattern  # type: ignore[attr-defined]
        compiled = regexes._from_program(program)
        assert compiled is not None
        fresh = re.compile(pattern, flags)
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern
        assert [m.span() for m in fresh.finditer(text)], pattern  # the text exercises every regex


def test_only_four_non_ascii_characters_match_an_ascii_letter_ignoring_case() -> None:
    import sys

    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(i) for i in range(128, sys.maxunicode + 1) if ascii_letter.fullmatch(chr(i))}
    assert found == set(regexes.ASCII_CASE_RELATIVES)


def test_no_start_charset_where_it_could_be_wrong() -> None:
    from re import _parser  # type: ignore[attr-defined]

    assert regexes.start_charset(_parser.parse(r"(?:a|b)?c")) is None  # may start with c
    assert regexes.start_charset(_parser.parse(r"\w+ly")) is None  # a category: unknown
    assert regexes.start_charset(_parser.parse(r"(?i)élan")) is None  # Unicode case rules
    assert regexes.start_charset(_parser.parse(r"[ßx]y")) is None  # a case variant of two letters
    assert regexes.start_charset(_parser.parse(r"(?i)\bsafe")) == frozenset("sS\u017f")


def test_a_starter_finds_where_every_match_of_the_packs_regexes_starts(builtin_linter: Linter) -> None:
    texts = [e.text for r in builtin_linter.rules for e in (*r.fail_examples, *r.pass_examples)]
    checked = 0
    for rule in builtin_linter.rules:
        for pattern in rule.patterns:
            if pattern.kind != "regex":
                continue
            starter = regexes.starter(pattern.regex, pattern.flags)
            if starter is None:
                continue
            regex = re.compile(pattern.regex, pattern.flags)
            for text in texts:
                for m in regex.finditer(text):
                    if m.end() > m.start():
                        assert starter.match(text, m.start()), (rule.code, pattern.regex, m.group())
                        checked += 1
    assert checked > 200


def test_a_starter_only_where_the_start_is_known() -> None:
    japanese = regexes.starter("副作用|リスク")
    assert japanese is not None and japanese.search("risk") is None and japanese.search("副作用なし")
    kelvin = regexes.starter(r"\bkeep", re.IGNORECASE)
    assert kelvin is not None and kelvin.search("\u212aeep")  # the Kelvin sign matches k ignoring case
    assert regexes.starter(r"(?:very )?safe") is None  # may start with "v" or "s": optional prefix
    assert regexes.starter(r"\d+%") is None  # a class too big to list
