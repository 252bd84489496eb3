"""Compile every enabled rule into one spaCy pipeline, one PhraseMatcher and one Matcher."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimlint import regexes
from claimlint.errors import RulePackError
from claimlint.inflect import base_form, forms
from claimlint.packs import PackProblems, RulePack
from claimlint.prefilter import enumerate_patterns, frequency
from claimlint.rules import Pattern, Rule
from claimlint.vocab import expand_phrases, lex_names, lex_words, lexicon_entries, norm_table, rule_words

# A phrase -> for each of its spellings ("side effects", "side-effects"), the NORM hashes and the
# LOWER hashes of its tokens (as spaCy's StringStore hashes them, which PhraseMatcher compares).
PhraseTable = dict[str, tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]]

WORD_GAP = re.compile(r"(?<=\w)(\s+|-)(?=\w)")
MAX_JOINTS = 3


@dataclass(frozen=True)
class Hit:
    """One raw pattern match, in token and prose-character coordinates."""

    rule: Rule
    pattern: Pattern
    role: str  # "claim" for span rules and document triggers, "disclosure" for requires_any
    start: int
    end: int
    start_char: int
    end_char: int


def spelling_variants(phrase: str) -> list[str]:
    """The phrase with each word gap written as a space or a hyphen ("side effects"/"side-effects")."""
    parts = WORD_GAP.split(phrase)
    joints = len(parts) // 2
    if joints == 0 or joints > MAX_JOINTS:
        return [phrase]
    words = parts[0::2]
    out = []
    for combo in itertools.product((" ", "-"), repeat=joints):
        out.append(words[0] + "".join(j + w for j, w in zip(combo, words[1:], strict=True)))
    return out


class CompiledRules:
    """All enabled rules compiled once; ``match`` runs them over a tokenized doc."""

    def __init__(
        self, rules: Sequence[Rule], packs: Sequence[RulePack], canonical: dict[str, str] | None = None
    ) -> None:
        from claimlint.spacyload import load_spacy

        spacy = load_spacy()
        from spacy.matcher import Matcher, PhraseMatcher

        self.rules = list(rules)
        self.by_code = {r.code: r for r in self.rules}
        self.lexicons: dict[str, tuple[str, ...]] = {}
        for pack in packs:
            self.lexicons.update(pack.lexicons)
        self.nlp = spacy.blank("en")
        self.nlp.max_length = 10**9  # only the tokenizer runs; no model needs the memory guard
        self._register_norms(canonical)
        vocab = self.nlp.vocab
        # Patterns are added as sequences of attribute hashes, which PhraseMatcher.add takes in
        # place of Docs: building thousands of tiny Docs was most of a cold start's compile time.
        self.phrase_matcher: Any = PhraseMatcher(vocab, attr="NORM")
        self.exact_matcher: Any = PhraseMatcher(vocab, attr="LOWER")
        self.token_matcher = Matcher(vocab)  # packs are validated when they are loaded
        self.targets: dict[int, tuple[Rule | None, Pattern | None, str, str]] = {}
        # Unanchored regexes, each with the characters its matches start with (to skip a page
        # holding none of them: these are the Japanese and Korean regexes, on English pages).
        self.regexes: list[tuple[Rule, Pattern, str, re.Pattern[str], re.Pattern[str] | None]] = []
        # Anchored patterns run only on the blocks where one of their anchor words occurs.
        self.anchor_keys: dict[tuple[str, str], int] = {}
        self.anchored: list[tuple[Any, Rule, Pattern]] = []  # a token pattern's own Matcher
        self.anchored_regexes: list[tuple[Rule, Pattern, str, re.Pattern[str], frozenset[int]]] = []
        self.anchor_users: dict[int, list[tuple[str, int]]] = {}
        self.near: list[tuple[Rule, Pattern, str]] = []
        self.near_by_left: dict[str, list[int]] = {}  # left operand -> indexes into self.near
        self.near_by_right: dict[str, list[int]] = {}
        self.used_lexicons: set[str] = set()
        self.entries = enumerate_patterns(self.rules)
        self.compiled_ids: set[int] = set()
        self.compiled_lexicons: set[str] = set()
        self.phrase_table: PhraseTable = {}

    def ensure(self, ids: Iterable[int]) -> None:
        """Compile the given patterns (by prefilter id) if they are not compiled yet.

        Patterns are compiled only when a document could match them, so a run over a few pages
        pays for a fraction of the rules; the findings are the same as with everything compiled,
        because a pattern the prefilter rules out cannot match.
        """
        for ident in sorted(set(ids) - self.compiled_ids):
            rule, pattern, role = self.entries[ident]
            self._add(rule, pattern, role)
            self.compiled_ids.add(ident)
        for name in sorted(self.used_lexicons - self.compiled_lexicons):
            key = self._key(None, None, "lexicon", name)
            self.phrase_matcher.add(key, self._phrase_keys(self.lexicon_entries(name), "NORM"))
            self.compiled_lexicons.add(name)

    def ensure_all(self) -> None:
        """Compile every pattern."""
        self.ensure(range(len(self.entries)))

    # -- vocabulary --------------------------------------------------------------------------

    def lexicon_entries(self, name: str) -> tuple[str, ...]:
        """The entries of a named lexicon or of an inline '=a|b' operand."""
        return lexicon_entries(name, self.lexicons)

    def _register_norms(self, canonical: dict[str, str] | None) -> None:
        """Prepare the inflection table (given, or computed from the rules); NORMs are set on
        lexemes only as words are met."""
        import numpy as np

        self.canonical = canonical if canonical is not None else norm_table(rule_words(self.rules, self.lexicons))
        strings = self.nlp.vocab.strings
        self._canon_by_lower: dict[int, str] = {
            strings[word]: canon for word, canon in self.canonical.items() if canon != word
        }
        hashes = np.fromiter(self._canon_by_lower, dtype=np.uint64, count=len(self._canon_by_lower))
        self._table_hashes = np.sort(hashes)
        canon_ids = [strings[self._canon_by_lower[lower]] for lower in self._table_hashes.tolist()]
        self._table_canon = np.array(canon_ids, dtype=np.uint64)  # the NORM id each entry should get
        self._normed: set[int] = set()

    def _apply_norms(self, doc: Any) -> None:
        """Give every token of ``doc`` that is an inflected rule word its canonical NORM.

        Setting it on the lexeme (not the token) makes it stick for later documents, and costs one
        vectorised lookup per document instead of creating thousands of lexemes up front.
        """
        import numpy as np
        from spacy.attrs import LOWER, NORM, ORTH

        if not len(doc) or not len(self._table_hashes):
            return
        array = doc.to_array([ORTH, LOWER, NORM])
        table = self._table_hashes
        at = np.minimum(np.searchsorted(table, array[:, 1]), len(table) - 1)
        mask = table[at] == array[:, 1]
        if not mask.any():
            return
        vocab = self.nlp.vocab
        orths = array[mask, 0].tolist()
        fresh = set(orths).difference(self._normed)
        if fresh:
            lower_of = dict(zip(orths, array[mask, 1].tolist(), strict=True))
            for orth in fresh:
                vocab[orth].norm_ = self._canon_by_lower[lower_of[orth]]
            self._normed.update(fresh)
        # Tokenizer exceptions ("does" in "doesn't") carry a norm of their own on the token.
        for i in np.flatnonzero(mask & (array[:, 2] != self._table_canon[at])).tolist():
            canon = self._canon_by_lower[int(array[i, 1])]
            if doc[i].norm_ != canon:
                doc[i].norm_ = canon

    def norm(self, word: str) -> str:
        """The NORM a word gets in documents (its canonical base form if known)."""
        lower = word.lower()
        return self.canonical.get(lower, self.canonical.get(base_form(lower), lower))

    # -- patterns ----------------------------------------------------------------------------

    def _key(self, rule: Rule | None, pattern: Pattern | None, role: str, name: str = "") -> str:
        key = f"{rule.code}:{role}:{pattern.index}" if rule and pattern else f"lexicon:{name}"
        self.targets[self.nlp.vocab.strings.add(key)] = (rule, pattern, role, name)
        return key

    def phrase_texts(self) -> list[str]:
        """Every phrase and lexicon entry the enabled rules can compile."""
        phrases = [p for _, pattern, _ in self.entries for p in expand_phrases(pattern.phrases, self.lexicons)]
        phrases += [e for name in self.lexicons for e in self.lexicons[name]]
        operands = {op.lexicon for _, pattern, _ in self.entries for op in (pattern.left, pattern.right) if op}
        phrases += [e for name in sorted(operands) for e in self.lexicon_entries(name)]  # inline '=a|b' lists
        return sorted(set(phrases))

    def tokenize_phrases(self, phrases: Iterable[str]) -> PhraseTable:
        """For each phrase, the NORM and the LOWER hashes of each of its spellings' tokens, as
        documents will carry them."""
        phrases = list(phrases)
        spellings = [spelling_variants(p) for p in phrases]
        texts = sorted({t for variants in spellings for t in variants})
        tokenizer: Any = self.nlp.tokenizer
        keys = {}
        for text, doc in zip(texts, tokenizer.pipe(texts), strict=True):
            self._apply_norms(doc)
            keys[text] = (tuple(t.norm for t in doc), tuple(t.lower for t in doc))
        return {
            phrase: (tuple(keys[t][0] for t in variants), tuple(keys[t][1] for t in variants))
            for phrase, variants in zip(phrases, spellings, strict=True)
        }

    def use_phrase_table(self, table: PhraseTable) -> None:
        """Take phrase tokenizations from a cache instead of tokenizing at compile time."""
        self.phrase_table.update(table)

    def _phrase_keys(self, phrases: Iterable[str], attr: str) -> list[tuple[int, ...]]:
        """Each spelling of each phrase as the attribute hashes the PhraseMatcher compares with a doc."""
        phrases = set(phrases)
        missing = [p for p in phrases if p not in self.phrase_table]
        if missing:
            self.phrase_table.update(self.tokenize_phrases(missing))
        column = 0 if attr == "NORM" else 1
        return sorted({key for p in phrases for key in self.phrase_table[p][column] if key})

    def _add(self, rule: Rule, pattern: Pattern, role: str) -> None:
        if pattern.kind == "phrases":
            key = self._key(rule, pattern, role)
            phrases = expand_phrases(pattern.phrases, self.lexicons)
            if pattern.exact:
                self.exact_matcher.add(key, self._phrase_keys(phrases, "LOWER"))
            else:
                self.phrase_matcher.add(key, self._phrase_keys(phrases, "NORM"))
        elif pattern.kind == "tokens":
            key = self._key(rule, pattern, role)
            spec = self._token_pattern(pattern.tokens)
            anchor = self._token_anchor(pattern.tokens)
            if anchor is not None:
                from spacy.matcher import Matcher

                own = Matcher(self.nlp.vocab)
                target: Any = own
                ids = self._anchor_ids(anchor)
                self.anchored.append((own, rule, pattern))
                for ident in ids:
                    self.anchor_users.setdefault(ident, []).append(("tokens", len(self.anchored) - 1))
            else:
                target = self.token_matcher
            try:
                target.add(key, [spec])
            except ValueError as exc:  # spaCy's MatchPatternError: report it where the pattern is
                detail = " ".join(str(exc).split())
                error = RulePackError(
                    rule.path, pattern.line, pattern.column, f"bad token pattern: {detail}", rule.code
                )
                raise PackProblems([error]) from exc
        elif pattern.kind == "regex":
            compiled_regex = regexes.compiled(pattern.regex, pattern.flags)
            words = self._regex_anchor(pattern)
            if words:
                ids = self._anchor_ids(("LOWER", words))
                self.anchored_regexes.append((rule, pattern, role, compiled_regex, ids))
                for ident in ids:
                    self.anchor_users.setdefault(ident, []).append(("regex", len(self.anchored_regexes) - 1))
            else:
                starter = regexes.starter(pattern.regex, pattern.flags)
                self.regexes.append((rule, pattern, role, compiled_regex, starter))
        elif pattern.kind == "near":
            assert pattern.left and pattern.right
            self.used_lexicons.update((pattern.left.lexicon, pattern.right.lexicon))
            self.near_by_left.setdefault(pattern.left.lexicon, []).append(len(self.near))
            self.near_by_right.setdefault(pattern.right.lexicon, []).append(len(self.near))
            self.near.append((rule, pattern, role))

    def _regex_anchor(self, pattern: Pattern) -> set[str]:
        """The words a regex runs near: its declared anchors or, if rarer, words it requires."""
        options = [{f for a in pattern.anchors for f in (*forms(a), a)}] if pattern.anchors else []
        # A required word is a token only if no tokenizer exception glues it to what follows
        # ("Dr." is one token, "can't" is ca + n't).
        options += [set(group) for group in pattern.required if not group & self._glued_words]
        return min(options, key=frequency, default=set())

    @cached_property
    def _glued_words(self) -> frozenset[str]:
        """Leading letters of tokenizer exceptions that do not end there ("dr" of "Dr.")."""
        out = set()
        tokenizer: Any = self.nlp.tokenizer
        for special in tokenizer.rules:
            lead = re.match(r"[^\W\d_]+", special.lower())
            if lead and lead.end() < len(special):
                out.add(lead.group(0))
        return frozenset(out)

    def _token_anchor(self, tokens: Sequence[dict[str, Any]]) -> tuple[str, set[str]] | None:
        """The most selective required token of a pattern, as (attribute, accepted values)."""
        best: tuple[float, tuple[str, set[str]]] | None = None
        for token in tokens:
            op = str(token.get("OP", ""))
            if op in ("?", "*", "!") or op.startswith(("{0", "{,")):
                continue
            anchor = self._literal(token)
            if anchor is None:
                continue
            score = frequency(anchor[1])
            if best is None or score < best[0]:
                best = (score, anchor)
        return best[1] if best else None

    def _literal(self, token: dict[str, Any]) -> tuple[str, set[str]] | None:
        for attr, source in (
            ("LOWER", "LOWER"),
            ("LOWER", "ORTH"),
            ("LOWER", "TEXT"),
            ("NORM", "NORM"),
            ("NORM", "LEMMA"),
        ):
            value = token.get(source)
            values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
            if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
                if source == "LEMMA":
                    return "NORM", {self.norm(v) for v in values}
                return attr, {v.lower() for v in values}
        if lex_names(token.get("LEX")):
            return "NORM", {self.norm(w) for w in lex_words(token["LEX"], self.lexicons)}
        return None

    def _anchor_ids(self, anchor: tuple[str, set[str]]) -> frozenset[int]:
        attr, values = anchor
        ids = set()
        for value in values:
            key = (attr, value)
            if key not in self.anchor_keys:
                self.anchor_keys[key] = self.nlp.vocab.strings.add(f"anchor:{attr}:{value}")
                # One word, matched on its own LOWER/NORM hash (the value is already lower-case),
                # by the phrase matcher that compares that attribute: no extra pass over the doc.
                matcher = self.exact_matcher if attr == "LOWER" else self.phrase_matcher
                matcher.add(f"anchor:{attr}:{value}", [(self.nlp.vocab.strings.add(value),)])
            ids.add(self.anchor_keys[key])
        return frozenset(ids)

    def _token_pattern(self, tokens: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for token in tokens:
            spec = dict(token)
            if "LEMMA" in spec:
                spec["NORM"] = self._norm_value(spec.pop("LEMMA"))
            if "LEX" in spec:
                words = lex_words(spec.pop("LEX"), self.lexicons)
                spec["NORM"] = {"IN": sorted({self.norm(w) for w in words})}
            if "TEXT" in spec:
                spec["ORTH"] = spec.pop("TEXT")
            out.append(spec)
        return out

    def _norm_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.norm(value)
        if isinstance(value, dict):
            return {op: [self.norm(v) for v in vals] if isinstance(vals, list) else vals for op, vals in value.items()}
        return value

    # -- matching ----------------------------------------------------------------------------

    def make_doc(self, text: str) -> Any:
        """Tokenize text with the shared pipeline's tokenizer (inflected rule words normalised)."""
        doc = self.nlp.make_doc(text)
        self._apply_norms(doc)
        return doc

    def match(self, doc: Any, text: str | None = None) -> list[Hit]:
        """Every raw hit of every pattern in ``doc`` (context is applied later); ``text`` is
        ``doc.text`` when the caller already has it (spaCy rebuilds it on every access)."""
        hits: list[Hit] = []
        lexicon_hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
        starts, ends = _char_offsets(doc)
        raw = [
            m
            for matcher in (self.phrase_matcher, self.exact_matcher, self.token_matcher)
            if len(matcher)
            for m in matcher(doc)
        ]
        anchors = []
        for match in raw:
            key, start, end = match
            target = self.targets.get(key)
            if target is None:
                anchors.append(match)
                continue
            rule, pattern, role, name = target
            if rule is None or pattern is None:
                lexicon_hits[name].append((start, end))
                continue
            hits.append(Hit(rule, pattern, role, start, end, starts[start], ends[end - 1]))
        text = doc.text if text is None else text
        for (kind, index), blocks in self._anchored_blocks(doc, text, starts, anchors).items():
            for tok_lo, tok_hi, char_lo, char_hi in sorted(blocks):
                if kind == "tokens":
                    own = self.anchored[index][0]
                    for key, start, end in own(doc[tok_lo:tok_hi]):
                        rule, pattern, role, _ = self.targets[key]
                        assert rule is not None and pattern is not None
                        start, end = tok_lo + start, tok_lo + end
                        hits.append(Hit(rule, pattern, role, start, end, starts[start], ends[end - 1]))
                else:
                    rule, pattern, role, regex, _ = self.anchored_regexes[index]
                    self._regex_hits(doc, text, regex, rule, pattern, role, char_lo, char_hi, hits)
        # A match never crosses a blank line: unanchored regexes run block by block too.
        text_blocks: list[tuple[int, int]] | None = None
        for rule, pattern, role, regex, starter in self.regexes:
            if starter is not None and starter.search(text) is None:
                continue
            if text_blocks is None:
                text_blocks = _blocks(text)
            for lo, hi in text_blocks:
                self._regex_hits(doc, text, regex, rule, pattern, role, lo, hi, hits)
        # Only near patterns whose both operands occur can pair (in the order they were added).
        near = sorted(
            {i for name in lexicon_hits for i in self.near_by_left.get(name, ())}
            & {i for name in lexicon_hits for i in self.near_by_right.get(name, ())}
        )
        boundaries = _boundaries(doc, text, starts, ends) if near else []
        for rule, pattern, role in (self.near[i] for i in near):
            assert pattern.left and pattern.right
            for start, end in _near_pairs(
                boundaries,
                lexicon_hits[pattern.left.lexicon],
                lexicon_hits[pattern.right.lexicon],
                pattern.window,
                pattern.ordered,
            ):
                hits.append(Hit(rule, pattern, role, start, end, starts[start], ends[end - 1]))
        return hits

    @staticmethod
    def _regex_hits(
        doc: Any,
        text: str,
        regex: re.Pattern[str],
        rule: Rule,
        pattern: Pattern,
        role: str,
        lo: int,
        hi: int,
        hits: list[Hit],
    ) -> None:
        """The non-empty matches of a regex in one block, text[lo:hi], of ``doc``."""
        for m in regex.finditer(text, lo, hi):
            if m.end() <= m.start():
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                hits.append(Hit(rule, pattern, role, span.start, span.end, m.start(), m.end()))

    def _anchored_blocks(
        self,
        doc: Any,
        text: str | None = None,
        starts: list[int] | None = None,
        found: list[tuple[int, int, int]] | None = None,
    ) -> dict[tuple[str, int], set[tuple[int, int, int, int]]]:
        """For each anchored pattern whose anchor occurs, the blocks (token and character ranges,
        between blank-line separators) that hold an anchor; ``starts`` are the tokens' character
        offsets and ``found`` the anchor matches, when the caller has them."""
        if not self.anchor_users:
            return {}
        if found is None:
            found = [m for matcher in (self.phrase_matcher, self.exact_matcher) for m in matcher(doc)]
        if not found:
            return {}
        text = text if text is not None else doc.text
        starts = starts if starts is not None else _char_offsets(doc)[0]
        spans = _blocks(text)
        separators = [hi for _, hi in spans[:-1]]
        out: dict[tuple[str, int], set[tuple[int, int, int, int]]] = defaultdict(set)
        blocks: dict[int, tuple[int, int, int, int]] = {}
        for key, start, _ in found:
            users = self.anchor_users.get(key)
            if not users:
                continue
            i = bisect_right(separators, starts[start])
            if i not in blocks:
                lo_char, hi_char = spans[i]
                span = doc.char_span(lo_char, hi_char, alignment_mode="expand")
                tok_lo, tok_hi = (span.start, span.end) if span is not None else (0, len(doc))
                blocks[i] = (tok_lo, tok_hi, lo_char, hi_char)
            for user in users:
                out[user].add(blocks[i])
        return out


def _char_offsets(doc: Any) -> tuple[list[int], list[int]]:
    """Each token's start and end character offset (what a Span would report, without making one)."""
    from spacy.attrs import IDX, LENGTH

    array = doc.to_array([IDX, LENGTH])
    return array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of the blocks between blank-line separators (a regex never crosses one)."""
    out = []
    lo = 0
    pos = text.find("\n\n")
    while pos != -1:
        out.append((lo, pos))
        lo = pos + 2
        pos = text.find("\n\n", lo)
    out.append((lo, len(text)))
    return out


BOUNDARY = frozenset({".", "!", "?", ";"})


def _boundaries(doc: Any, text: str, starts: list[int], ends: list[int]) -> list[int]:
    """The tokens that are sentence boundaries (final punctuation, ';', a blank-line space), in order."""
    import numpy as np
    from spacy.attrs import IS_SPACE, ORTH
    from spacy.strings import get_string_id

    array = doc.to_array([ORTH, IS_SPACE])
    marks = np.zeros(len(array), dtype=bool)
    for mark in BOUNDARY:
        marks |= array[:, 0] == get_string_id(mark)
    for i in np.flatnonzero(array[:, 1]).tolist():
        marks[i] |= "\n\n" in text[starts[i] : ends[i]]
    return np.flatnonzero(marks).tolist()


def _near_pairs(
    boundaries: list[int],
    left: list[tuple[int, int]],
    right: list[tuple[int, int]],
    window: int,
    ordered: bool,
) -> list[tuple[int, int]]:
    pairs = []
    for ls, le in left:
        for rs, re_ in right:
            if rs < le and ls < re_:
                continue  # overlapping operands are not a pair
            if rs >= le:
                gap, first, last = rs - le, ls, re_
            elif ordered:
                continue
            else:
                gap, first, last = ls - re_, rs, le
            if gap <= window and bisect_left(boundaries, first) == bisect_left(boundaries, last):
                pairs.append((first, last))
    return pairs
