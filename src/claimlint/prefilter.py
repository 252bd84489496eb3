"""Prove, without spaCy, that no rule can match a text.

Each pattern becomes a *requirement*: groups of words, each group needing at least one of its
words in the text (every word of a phrase, every required literal token of a token pattern, an
entry of each side of a `near` pattern), with every inflected form of each word. A text that meets
no requirement, and on which no regex pattern matches, cannot produce a finding, so it never needs
the spaCy pipeline — whose import dominates the start-up of a pre-commit run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimlint.inflect import base_form, forms
from claimlint.rules import Pattern, Rule
from claimlint.vocab import classes, expand_phrases, lex_names, lexicon_entries, norm_table, rule_words

WORDS = re.compile(r"[^\W\d_]+|\d+")
OPTIONAL_OPS = frozenset({"?", "*", "!"})
# Words found on almost every clinic page are poor keys for indexing requirements.
COMMON = frozenset(
    """
a about after all also am an and any are as at be been before being both but by can could did do
does each for from had has have he her here him his how i if in into is it its just me more most my
no nor not of on only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours us get got make made one two three per via
new now may might must well back even much many way time year day days week weeks month months
clinic clinics patient patients treatment treatments therapy therapies procedure procedures care
doctor doctors team people health medical body result results see help need use
available
""".split()
)

# spaCy splits "won't" into "wo" + "n't"; the word splitter here sees "won" + "t".
CONTRACTION_PIECES = {"wo": "won", "ca": "can", "sha": "shan", "ai": "ain", "nt": "t"}

# "can't reject" and "cannot reject" carry the same NORMs for the matcher ("ca" + "n't" → can, not);
# the word splitter here sees "can"/"t", "cannot", "won"/"t", "will"/"not": treat them alike.
_PAIRS = {
    "won": "will",
    "don": "do",
    "doesn": "does",
    "didn": "did",
    "isn": "is",
    "aren": "are",
    "wasn": "was",
    "weren": "were",
    "hasn": "has",
    "haven": "have",
    "hadn": "had",
    "shouldn": "should",
    "couldn": "could",
    "wouldn": "would",
    "cannot": "can",
    "t": "not",
}
EQUIVALENT_PIECES: dict[str, set[str]] = {}
for _a, _b in _PAIRS.items():
    EQUIVALENT_PIECES.setdefault(_a, set()).add(_b)
    EQUIVALENT_PIECES.setdefault(_b, set()).add(_a)
EQUIVALENT_PIECES["cannot"] |= {"t", "not"}

Group = frozenset[str]
Requirement = tuple[Group, ...]


def words_of(text: str) -> list[str]:
    """Lower-cased alphabetic runs and digit runs: the units requirements are checked in."""
    return WORDS.findall(text.lower())


class _Expander:
    """Every document word that can carry the same NORM as a pattern word."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.members = classes(table)

    def __call__(self, word: str) -> set[str]:
        out = {word} | forms(word) | forms(base_form(word))
        canon = self.table.get(word)
        if canon is not None:
            out |= self.members.get(canon, set())
        if "not" in out:  # "don't" and "cannot" carry NORM "not" but split differently here
            out |= {"t", "cannot"}
        out |= {CONTRACTION_PIECES[w] for w in list(out) if w in CONTRACTION_PIECES}
        for word in list(out):
            out |= EQUIVALENT_PIECES.get(word, set())
        return out


def _key(group: Group) -> tuple[bool, int]:
    """Rank groups: rare words first, then smaller groups (fewer false candidates)."""
    return (all(w in COMMON for w in group), len(group))


PatternEntry = tuple[Rule, Pattern, str]


def enumerate_patterns(rules: Sequence[Rule]) -> list[PatternEntry]:
    """Every pattern of the rules in a fixed order (its index is its id): claims, then disclosures."""
    return [
        (rule, pattern, role)
        for rule in rules
        for role, patterns in (("claim", rule.patterns), ("disclosure", rule.requires_any))
        for pattern in patterns
    ]


@dataclass(frozen=True)
class Prefilter:
    """Requirements indexed by their most selective group, each naming the pattern it guards."""

    index: dict[str, tuple[tuple[Requirement, int], ...]]
    regexes: tuple[tuple[str, int, int], ...]
    always: frozenset[int]
    substrings: tuple[tuple[str, int], ...] = ()
    confirm: tuple[tuple[int, str, int], ...] = ()  # anchored regexes: admitted only if they match
    near: tuple[tuple[int, Group, Group, int], ...] = ()  # (id, left, right, max word distance)

    @cached_property
    def confirmable(self) -> frozenset[int]:
        """Ids whose candidacy can be settled without spaCy (anchored regexes, `near`)."""
        return frozenset(c[0] for c in self.confirm) | frozenset(n[0] for n in self.near)

    def candidates(self, text: str) -> set[int]:
        """Ids of the patterns that could match ``text``; every other pattern cannot."""
        found = set(self.always)
        for literal, ident in self.substrings:  # symbols the word splitter does not see: "★★★", "%"
            if ident not in found and literal in text:
                found.add(ident)
        present = set(words_of(text))
        for word in present.intersection(self.index):
            for requirement, ident in self.index[word]:
                if ident not in found and all(not group.isdisjoint(present) for group in requirement):
                    found.add(ident)
        for regex, flags, ident in self.regexes:
            if ident not in found and re.search(regex, text, flags):
                found.add(ident)
        # Confirming candidates only pays when it can spare spaCy altogether: when every
        # candidate is an anchored regex or a `near` pattern. Otherwise the matcher decides.
        if not found or not found <= self.confirmable:
            return found
        for ident, regex, flags in self.confirm:  # no spaCy needed to try a regex itself
            if ident in found and not re.search(regex, text, flags):
                found.discard(ident)
        pending = [n for n in self.near if n[0] in found]
        if pending:
            words = words_of(text)
            for ident, left, right, reach in pending:
                if not _within(words, left, right, reach):
                    found.discard(ident)
        return found

    def may_match(self, text: str) -> bool:
        """Whether any rule could match ``text`` (True when unsure)."""
        return bool(self.candidates(text))


def build(rules: Sequence[Rule], lexicons: dict[str, tuple[str, ...]]) -> Prefilter:
    """The prefilter for a set of enabled rules."""
    expand = _Expander(norm_table(rule_words(rules, lexicons)))
    index: dict[str, set[tuple[Requirement, int]]] = {}
    regexes: list[tuple[str, int, int]] = []
    always: set[int] = set()
    substrings: list[tuple[str, int]] = []
    confirm: list[tuple[int, str, int]] = []
    near: list[tuple[int, Group, Group, int]] = []
    for ident, (_, pattern, _) in enumerate(enumerate_patterns(rules)):
        if pattern.kind == "regex" and not pattern.anchors:
            regexes.append((pattern.regex, pattern.flags, ident))
            continue
        symbols = _symbol_only(pattern, lexicons)
        substrings.extend((symbol, ident) for symbol in symbols)
        if pattern.kind == "regex":
            confirm.append((ident, pattern.regex, pattern.flags))
            words = [a for a in pattern.anchors if words_of(a)]
            requirements: list[Requirement] | None = (
                [(frozenset(w for a in words for w in expand(a)),)] if words else []
            )
        else:
            requirements = _requirements(pattern, lexicons, expand, skip=set(symbols))
            if pattern.kind == "near" and requirements:
                left, right = requirements[0]
                assert pattern.left is not None and pattern.right is not None
                longest = max(
                    (
                        len(words_of(e))
                        for op in (pattern.left, pattern.right)
                        for e in lexicon_entries(op.lexicon, lexicons)
                    ),
                    default=1,
                )
                near.append((ident, left, right, pattern.window + 2 * longest))
        if requirements is None:
            always.add(ident)
            continue
        for requirement in requirements:
            key_group = min(requirement, key=_key)
            for word in key_group:
                index.setdefault(word, set()).add((requirement, ident))
    return Prefilter(
        {w: tuple(r) for w, r in index.items()},
        tuple(regexes),
        frozenset(always),
        tuple(substrings),
        tuple(confirm),
        tuple(near),
    )


def _symbol_only(pattern: Pattern, lexicons: dict[str, tuple[str, ...]]) -> list[str]:
    """Phrases (or regex anchors) with no word in them, checked as plain substrings instead."""
    if pattern.kind == "regex":
        return [a for a in pattern.anchors if not words_of(a)]
    if pattern.kind == "phrases":
        return [p for p in expand_phrases(pattern.phrases, lexicons) if not words_of(p) and p.strip()]
    return []


def _within(words: list[str], left: Group, right: Group, reach: int) -> bool:
    """Whether a word of ``left`` and a word of ``right`` occur at most ``reach`` words apart.

    Words are a subset of tokens in the same order, so a pair further apart in words is further
    apart in tokens too: this can only rule out matches that a `near` pattern cannot make."""
    lefts = [i for i, w in enumerate(words) if w in left]
    if not lefts:
        return False
    rights = [i for i, w in enumerate(words) if w in right]
    j = 0
    for i in lefts:
        while j < len(rights) and rights[j] < i - reach:
            j += 1
        if j < len(rights) and abs(rights[j] - i) <= reach:
            return True
    return False


def _phrase_requirement(phrase: str, expand: _Expander, exact: bool) -> Requirement | None:
    words = words_of(phrase)
    if not words:
        return None
    return tuple(frozenset({w} if exact else expand(w)) for w in dict.fromkeys(words))


def _any_entry(entries: Iterable[str], expand: _Expander) -> Group | None:
    """One group satisfied by any entry of a lexicon (via each entry's most selective word)."""
    out: set[str] = set()
    for entry in entries:
        words = words_of(entry)
        if not words:
            return None
        out |= expand(max(words, key=lambda w: (w not in COMMON, len(w))))
    return frozenset(out)


def _requirements(
    pattern: Pattern, lexicons: dict[str, tuple[str, ...]], expand: _Expander, skip: set[str] | None = None
) -> list[Requirement] | None:
    if pattern.kind == "phrases":
        out = []
        for phrase in expand_phrases(pattern.phrases, lexicons):
            if skip and phrase in skip:
                continue
            requirement = _phrase_requirement(phrase, expand, pattern.exact)
            if requirement is None:
                return None
            out.append(requirement)
        return out
    if pattern.kind == "near":
        assert pattern.left is not None and pattern.right is not None
        groups = [_any_entry(lexicon_entries(op.lexicon, lexicons), expand) for op in (pattern.left, pattern.right)]
        if any(g is None for g in groups):
            return None
        return [tuple(g for g in groups if g is not None)]
    if pattern.kind == "tokens":
        required: list[Group] = []
        for token in pattern.tokens:
            op = str(token.get("OP", ""))
            if op in OPTIONAL_OPS or op.startswith(("{0", "{,")):
                continue
            values = _token_literals(token, lexicons)
            if values is None:
                continue
            group = _any_entry(values, expand)
            if group is not None:
                required.append(group)
        return [tuple(required)] if required else None
    return None


def _token_literals(token: dict[str, Any], lexicons: dict[str, tuple[str, ...]]) -> list[str] | None:
    for key in ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA"):
        value = token.get(key)
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            return [str(v) for v in value["IN"]]
    lex = token.get("LEX")
    names = lex_names(lex)
    if names:
        return [e for name in names for e in lexicons.get(name, ()) if " " not in e and "-" not in e]
    return None
