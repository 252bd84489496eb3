"""Prove, without spaCy, that no rule can match a text.

Each pattern becomes a *requirement*: groups of words, each group needing at least one of its
words in the text (every word of a phrase, every required literal token of a token pattern, an
entry of each side of a `near` pattern), with every inflected form of each word. A text that meets
no requirement, and on which no regex pattern matches, cannot produce a finding, so it never needs
the spaCy pipeline — whose import dominates the start-up of a pre-commit run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimlint import regexes
from claimlint.inflect import base_form, forms
from claimlint.regexes import first_chars
from claimlint.rules import Pattern, Rule
from claimlint.vocab import classes, expand_phrases, lex_names, lex_words, lexicon_entries, norm_table, rule_words

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
# Tokens whose NORM is another word (spaCy's English tokenizer exceptions: "'ll" → will, "cuz" →
# because, "Jan." → january): a text word on the left can carry the NORM on the right.
# tests/test_prefilter.py checks this table against the installed spaCy.
SPACY_NORMS = {
    "ll": "will", "wo": "will", "re": "are", "ve": "have", "d": "would", "m": "am", "s": "us",
    "em": "them", "na": "to", "ta": "to", "gon": "going", "goin": "going", "doin": "doing",
    "havin": "having", "lovin": "loving", "nothin": "nothing", "nuthin": "nothing",
    "somethin": "something", "bout": "about", "cause": "because", "cos": "because", "coz": "because",
    "cuz": "because", "nuff": "enough", "ol": "old", "y": "you", "ca": "can", "sha": "shall",
    "did": "do", "had": "have", "nt": "not", "mt": "mount", "a": "gonna", "pm": "p",
    "am": "a", "c": "come", "w": "without", "o": "without", "ma": "madam",
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
    "nov": "november", "dec": "december",
    "ak": "alaska", "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia",
    "ia": "iowa", "id": "idaho", "ill": "illinois", "ind": "indiana", "kan": "kansas",
    "kans": "kansas", "ky": "kentucky", "la": "louisiana", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "neb": "nebraska", "nebr": "nebraska",
    "nev": "nevada", "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "tenn": "tennessee",
    "va": "virginia", "wash": "washington", "wis": "wisconsin",
}  # fmt: skip
EQUIVALENT_PIECES: dict[str, set[str]] = {}
for _a, _b in [*_PAIRS.items(), *SPACY_NORMS.items()]:
    EQUIVALENT_PIECES.setdefault(_a, set()).add(_b)
    EQUIVALENT_PIECES.setdefault(_b, set()).add(_a)
EQUIVALENT_PIECES["cannot"] |= {"t", "not"}

Group = frozenset[str]
Requirement = tuple[Group, ...]
Sequences = tuple[Requirement, ...]  # alternatives, each the groups of consecutive words
# Positions are counted in whitespace-separated chunks, not words: spaCy never puts whitespace
# inside a token, so consecutive tokens of a match lie in the same chunk or the next one, and
# the chunks between two tokens are never more than the tokens between them.
MAX_STEP = 1


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


def frequency(words: Iterable[str]) -> float:
    """A rough guess at how often one of ``words`` occurs, to pick the rarest key of a pattern.

    A common word counts in full; any other by its length, as long words are rarer (Zipf): a
    rule copied with a nonsense word is then keyed on that word, not on "top" in front of it.
    """
    return sum(1.0 if w in COMMON else 2.0 ** -len(w) for w in words)


def _key(group: Group) -> tuple[bool, float]:
    """Rank groups: rare words first, then those of fewer and longer words (fewer false candidates)."""
    return (all(w in COMMON for w in group), frequency(group))


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
    substrings: tuple[tuple[str, int, bool], ...] = ()  # (symbol, id, whether it proves the match)
    # How to check that a candidate really occurs, by id: anchored regexes are searched, the
    # words of a phrase or of `near` entries must follow each other (see _occurrences).
    confirm: dict[int, tuple[str, int]] = field(default_factory=dict)
    near: dict[int, tuple[Sequences, Sequences, int]] = field(default_factory=dict)  # left, right, gap
    phrases: dict[int, Sequences] = field(default_factory=dict)
    disclosures: frozenset[int] = frozenset()  # ids of `requires_any` patterns
    # Unanchored regexes that can only start with a non-ASCII character (Korean and Japanese
    # patterns), and a character class of those characters: one scan of an English page rules
    # them all out.
    gated: frozenset[int] = frozenset()
    regex_gate: str = ""

    def candidates(self, text: str) -> set[int]:
        """Ids of the patterns that could match ``text``; every other pattern cannot.

        A text is admitted only if one of its claim candidates really occurs, which spares a
        clean page the spaCy import."""
        found = self.admitted(text)
        # Admitted by a test as strict as the matcher's own: a symbol phrase, an unanchored regex.
        sure = found & (
            self.always
            | {ident for literal, ident, proves in self.substrings if proves and literal in text}
            | {ident for _, _, ident in self.regexes}
        )
        claims = found - self.disclosures
        if not claims:
            return set()  # a disclosure alone never makes a finding
        if claims & sure:
            return found
        # Settling one claim is enough (spaCy is needed then anyway): cheap tests first.
        at = _chunk_positions(text)
        if any(self._occurs(ident, text, at) for ident in sorted(claims, key=self._cost)):
            return found
        return set()

    def confirmed(self, ids: Iterable[int], text: str) -> set[int]:
        """Those of the given candidates that really occur in ``text`` (or cannot be checked)."""
        at = _chunk_positions(text)
        return {ident for ident in ids if self._occurs(ident, text, at)}

    def _cost(self, ident: int) -> int:
        return 1 if ident in self.phrases else 2 if ident in self.near else 3 if ident in self.confirm else 0

    def _occurs(self, ident: int, text: str, at: dict[str, list[int]]) -> bool:
        sequences = self.phrases.get(ident)
        if sequences is not None:
            return any(_occurrences(at, seq) for seq in sequences) or any(
                literal in text for literal, i, proves in self.substrings if i == ident and proves
            )
        near = self.near.get(ident)
        if near is not None:
            return _near(at, *near)
        regex = self.confirm.get(ident)
        if regex is not None:
            return regexes.search(regex[0], text, regex[1]) is not None
        return True

    def may_match(self, text: str) -> bool:
        """Whether any rule could match ``text`` (True when unsure)."""
        return bool(self.candidates(text))

    def without(self, ids: set[int]) -> Prefilter:
        """The prefilter of the other patterns only (those not compiled yet, on a long run)."""
        index = {
            word: kept for word, entries in self.index.items() if (kept := tuple(e for e in entries if e[1] not in ids))
        }
        return Prefilter(
            index,
            tuple(r for r in self.regexes if r[2] not in ids),
            self.always - ids,
            tuple(s for s in self.substrings if s[1] not in ids),
            gated=self.gated,
            regex_gate=self.regex_gate,
        )

    def admitted(self, text: str) -> set[int]:
        """Ids of the patterns whose required words all occur in ``text`` (no confirmation)."""
        found = self._literal_hits(text)
        present = set(words_of(text))
        for word in present.intersection(self.index):
            for requirement, ident in self.index[word]:
                if ident not in found and all(not group.isdisjoint(present) for group in requirement):
                    found.add(ident)
        return found

    def _literal_hits(self, text: str) -> set[int]:
        """Ids admitted without looking at words: always, a symbol present, an unanchored regex found."""
        found = set(self.always)
        found.update(ident for literal, ident, _ in self.substrings if literal in text)
        found.update(
            ident for regex, flags, ident in self._searched_regexes(text) if regexes.search(regex, text, flags)
        )
        return found

    def _searched_regexes(self, text: str) -> list[tuple[str, int, int]]:
        """The unanchored regexes worth searching ``text`` for."""
        if not self.gated or regexes.search(self.regex_gate, text):
            return list(self.regexes)
        return [r for r in self.regexes if r[2] not in self.gated]

    def keyed(self, text: str) -> set[int]:
        """Ids of the patterns whose most selective word occurs in ``text`` (a loose, cheap test:
        on a long run, a pattern is compiled once its key word turns up, and never looked for
        again)."""
        found = self._literal_hits(text)
        for word in self.index.keys() & set(words_of(text)):
            found.update(ident for _, ident in self.index[word])
        return found


def build(rules: Sequence[Rule], lexicons: dict[str, tuple[str, ...]]) -> Prefilter:
    """The prefilter for a set of enabled rules."""
    expand = _Expander(norm_table(rule_words(rules, lexicons)))
    index: dict[str, set[tuple[Requirement, int]]] = {}
    regexes: list[tuple[str, int, int]] = []
    always: set[int] = set()
    substrings: list[tuple[str, int, bool]] = []
    confirm: dict[int, tuple[str, int]] = {}
    near: dict[int, tuple[Sequences, Sequences, int]] = {}
    phrases: dict[int, Sequences] = {}
    sequence = _Sequencer(expand)
    disclosures: set[int] = set()
    for ident, (_, pattern, role) in enumerate(enumerate_patterns(rules)):
        if role == "disclosure":
            disclosures.add(ident)
        if pattern.kind == "regex" and not pattern.anchors and not pattern.required:
            regexes.append((pattern.regex, pattern.flags, ident))
            continue
        symbols = _symbol_only(pattern, lexicons)
        # A symbol phrase present is (nearly) a match; a regex's symbol anchor only admits the regex.
        substrings.extend((symbol, ident, pattern.kind != "regex") for symbol in symbols)
        if pattern.kind == "regex":
            confirm[ident] = (pattern.regex, pattern.flags)
            words = [a for a in pattern.anchors if words_of(a)]
            groups = [frozenset(w for a in words for w in expand(a))] if words else []
            groups += [frozenset(g) for g in pattern.required]  # whole words the regex spells out
            requirements: list[Requirement] | None = [tuple(groups)] if groups else []
        else:
            requirements = _requirements(pattern, lexicons, expand, skip=set(symbols))
            if pattern.kind == "near" and requirements:
                assert pattern.left is not None and pattern.right is not None
                left, right = (
                    tuple(sequence(e, pattern.exact) for e in lexicon_entries(op.lexicon, lexicons))
                    for op in (pattern.left, pattern.right)
                )
                near[ident] = (left, right, pattern.window + 1)
        if requirements is None:
            always.add(ident)
            continue
        if pattern.kind == "phrases":
            skip = set(symbols)
            entries = [e for e in expand_phrases(pattern.phrases, lexicons) if e not in skip]
            phrases[ident] = tuple(sequence(e, pattern.exact) for e in entries)
        for requirement in requirements:
            key_group = min(requirement, key=_key)
            for word in key_group:
                index.setdefault(word, set()).add((requirement, ident))
    # Equal word groups recur across patterns; sharing one object for each keeps the cached
    # prefilter small and quick to unpickle (it is loaded on every start-up).
    share = _Sharer()
    index_out = {w: tuple((share.requirement(r), i) for r, i in entries) for w, entries in index.items()}
    phrases = {i: tuple(share.requirement(r) for r in seqs) for i, seqs in phrases.items()}
    near = {
        i: (tuple(share.requirement(r) for r in left), tuple(share.requirement(r) for r in right), gap)
        for i, (left, right, gap) in near.items()
    }
    return Prefilter(
        index_out,
        tuple(regexes),
        frozenset(always),
        tuple(substrings),
        confirm,
        near,
        phrases,
        frozenset(disclosures),
        *_gate(regexes),
    )


def _gate(unanchored: list[tuple[str, int, int]]) -> tuple[frozenset[int], str]:
    """The regexes that can only start with a non-ASCII character, and a class of those characters."""
    gated: set[int] = set()
    chars: set[str] = set()
    for regex, flags, ident in unanchored:
        first = first_chars(regex, flags)
        if first and not any(c.isascii() for c in first):
            gated.add(ident)
            chars |= first
    return frozenset(gated), "[" + "".join(sorted(re.escape(c) for c in chars)) + "]" if chars else ""


def _symbol_only(pattern: Pattern, lexicons: dict[str, tuple[str, ...]]) -> list[str]:
    """Phrases (or regex anchors) with no word in them, checked as plain substrings instead."""
    if pattern.kind == "regex":
        return [a for a in pattern.anchors if not words_of(a)]
    if pattern.kind == "phrases":
        return [p for p in expand_phrases(pattern.phrases, lexicons) if not words_of(p) and p.strip()]
    return []


@lru_cache(maxsize=1)  # candidates() and then confirmed() read the same page's positions
def _chunk_positions(text: str) -> dict[str, list[int]]:
    """For each word, the indexes of the whitespace-separated chunks it occurs in, in order (read only)."""
    at: dict[str, list[int]] = {}
    for i, chunk in enumerate(text.lower().split()):
        for word in WORDS.findall(chunk):
            at.setdefault(word, []).append(i)
    return at


def _occurrences(at: dict[str, list[int]], seq: Requirement) -> list[tuple[int, int]]:
    """(first, last) chunk positions where a word of each group follows the previous one closely."""
    out = []
    for start in sorted(i for w in seq[0] if w in at for i in at[w]):
        frontier = {start}
        for group in seq[1:]:
            positions = sorted(i for w in group if w in at for i in at[w])
            frontier = {q for c in frontier for q in _between(positions, c, c + MAX_STEP)}
            if not frontier:
                break
        else:
            out.append((start, max(frontier)))
    return out


def _near(at: dict[str, list[int]], left: Sequences, right: Sequences, gap: int) -> bool:
    """Whether an entry of each side occurs, at most ``gap`` chunks apart (in either order)."""
    lefts = [o for seq in left for o in _occurrences(at, seq)]
    if not lefts:
        return False
    rights = sorted(o for seq in right for o in _occurrences(at, seq))
    starts = [rs for rs, _ in rights]
    longest = max((re_ - rs for rs, re_ in rights), default=0)
    for ls, le in lefts:
        i = bisect_left(starts, ls - gap - longest)
        while i < len(rights) and rights[i][0] <= le + gap:
            rs, re_ = rights[i]
            if rs - le <= gap and ls - re_ <= gap:
                return True
            i += 1
    return False


def _between(positions: list[int], low: int, high: int) -> list[int]:
    """The members of a sorted list within [low, high]."""
    i = bisect_left(positions, low)
    out = []
    while i < len(positions) and positions[i] <= high:
        out.append(positions[i])
        i += 1
    return out


class _Sharer:
    """One object for each distinct group and requirement."""

    def __init__(self) -> None:
        self.groups: dict[Group, Group] = {}
        self.requirements: dict[Requirement, Requirement] = {}

    def requirement(self, requirement: Requirement) -> Requirement:
        """The shared equal of a requirement, made of shared groups."""
        shared = tuple(self.groups.setdefault(g, g) for g in requirement)
        return self.requirements.setdefault(shared, shared)


class _Sequencer:
    """A phrase's words in order, each with its inflections; shared objects keep the pickle small."""

    def __init__(self, expand: _Expander) -> None:
        self.expand = expand
        self.seen: dict[tuple[str, bool], Requirement] = {}
        self.groups: dict[str, Group] = {}

    def __call__(self, phrase: str, exact: bool) -> Requirement:
        key = (phrase, exact)
        if key not in self.seen:
            self.seen[key] = tuple(self._group(w, exact) for w in words_of(phrase))
        return self.seen[key]

    def _group(self, word: str, exact: bool) -> Group:
        if exact:
            return frozenset({word})
        if word not in self.groups:
            self.groups[word] = frozenset(self.expand(word))
        return self.groups[word]


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
        out |= expand(min(words, key=lambda w: (frequency([w]), -len(w))))  # the rarest, then the longest
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
    if lex_names(token.get("LEX")):
        return lex_words(token["LEX"], lexicons)
    return None
