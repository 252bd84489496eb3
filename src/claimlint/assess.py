"""Turn a document's raw matches into findings: context, directives, merging, messages, rewrites."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimlint import context, regexes, suppress
from claimlint.config import Config
from claimlint.document import Document
from claimlint.findings import FileResult, Finding, SuggestionOut, Suppressed
from claimlint.inflect import inflection_of
from claimlint.matching import CompiledRules, Hit
from claimlint.rules import CONTEXT_KINDS, Applicability, ContextPolicy, Pattern, Policy, Rule, Severity
from claimlint.vocab import expand_phrases

NO_CUES = context.Cues()  # what every match has when context is off (never changed)


@dataclass
class _Candidate:
    hit: Hit
    severity: Severity
    cues: list[str]


class Assessor:
    """Weighs every raw hit of a document against its context and the file's directives."""

    def __init__(
        self, config: Config, severities: dict[str, Severity], compiled: CompiledRules, use_context: bool
    ) -> None:
        self.config = config
        self.severities = severities
        self.compiled = compiled
        self.use_context = use_context
        self._literal_cache: dict[int, frozenset[str]] = {}
        self._requiring: dict[int, bool] = {}  # by id of a ContextPolicy
        # Rewrites by (id of rule, matched text, inflection, at sentence start, capitalised).
        self._rendered: dict[tuple[int, str, str, bool, bool], tuple[SuggestionOut, ...]] = {}

    def assess(self, document: Document, result: FileResult) -> None:
        """Match the compiled rules in ``document`` and add its findings and suppressed matches."""
        compiled = self.compiled
        doc = compiled.make_doc(document.prose)
        hits = compiled.match(doc, document.prose)
        tokens = context.Tokens(doc, document.prose)
        ignored = set(self.config.ignored_for(document.path))
        directives = suppress.collect(document)
        span_hits: list[Hit] = []
        doc_hits: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            rule = hit.rule
            if ignored and not ignored.isdisjoint((rule.code, rule.name, rule.category)):
                continue
            (span_hits if rule.scope == "span" else doc_hits[rule.code]).append(hit)
        cue_cache: dict[tuple[int, int, bool], context.Cues] = {}

        def cues_for(hit: Hit) -> context.Cues:
            if not self.use_context:
                return NO_CUES
            literals = self._literals(hit.pattern)
            tokens.load(hit.start, hit.end)
            self_negating = True in tokens.negation[hit.start : hit.end] and any(
                tokens.negation[i] and tokens.lower[i] in literals for i in range(hit.start, hit.end)
            )
            key = (hit.start, hit.end, self_negating)
            if key not in cue_cache:
                segment = document.segment_at(hit.start_char)
                cue_cache[key] = context.analyse(tokens, hit.start, hit.end, segment, self_negating)
            cues = cue_cache[key]
            if "negated" not in cues:
                inner = context.inner_negation(tokens, hit.start, hit.end, literals)
                if inner is not None:
                    cues = context.Cues(dict(cues.found), cues.negation_at, cues.negation_char)
                    cues.found["negated"] = f"negated by '{tokens.text[inner]}' inside the match"
            return cues

        kept: list[_Candidate] = []
        dropped: list[tuple[Hit, str]] = []
        for hit in span_hits:
            clarified = _clarified(tokens, hit) if hit.pattern.unless and self.use_context else None
            if clarified:
                dropped.append((hit, clarified))
                continue
            decision = self._decide(hit, cues_for(hit), document)
            if isinstance(decision, str):
                dropped.append((hit, decision))
            elif decision is not None:
                kept.append(decision)
        for candidate in _merge(kept):
            self._emit(candidate, document, tokens, directives, result)
        kept_spans = [(f.code, f.start, f.end) for f in result.findings]
        for hit, reason in dropped:
            start, end = document.to_source(hit.start_char, hit.end_char)
            if any(c == hit.rule.code and s < end and start < e for c, s, e in kept_spans):
                continue
            result.suppressed.append(_suppressed(document, hit.rule.code, start, end, reason))
        for rule_hits in doc_hits.values():
            self._document_rule(rule_hits[0].rule, rule_hits, cues_for, document, tokens, directives, result)
        result.findings.sort(key=Finding.sort_key)
        result.suppressed = _unique_suppressed(result.suppressed)

    def _literals(self, pattern: Pattern) -> frozenset[str]:
        """Words a pattern spells out itself; any other negation inside a match came from a gap."""
        cached = self._literal_cache.get(id(pattern))
        if cached is None:
            words: set[str] = set()
            tokenizer = self.compiled.nlp.tokenizer
            for phrase in expand_phrases(pattern.phrases, self.compiled.lexicons):
                for token in tokenizer(phrase):  # as the matcher saw it: "doesn't" is does + n't
                    words.update((token.lower_, token.norm_))
            for token in pattern.tokens:
                for value in token.values():
                    values = value.values() if isinstance(value, dict) else [value]
                    for v in values:
                        for item in v if isinstance(v, list) else [v]:
                            if isinstance(item, str):
                                words.add(item.lower())
            for operand in (pattern.left, pattern.right):
                if operand is not None:
                    for entry in self.compiled.lexicon_entries(operand.lexicon):
                        for token in tokenizer(entry):
                            words.update((token.lower_, token.norm_))
            if pattern.kind == "regex":
                # The words a regex spells out; a negation matched by one of its gaps is not among them.
                source = re.sub(r"\\[a-zA-Z]", " ", pattern.regex).lower()  # \bno\s+ spells "no"
                words.update(re.findall(r"[a-z]+", source))
                if re.search(r"n(?:\\?'|’|\[['’]+\])t", pattern.regex):
                    words.update(("n't", "n’t"))
            cached = self._literal_cache[id(pattern)] = frozenset(words)
        return cached

    def _decide(self, hit: Hit, cues: context.Cues, document: Document) -> _Candidate | str | None:
        rule = hit.rule
        if rule.blocks:
            segment = document.segment_at(hit.start_char)
            if segment is None or segment.kind not in rule.blocks:
                return None
        if hit.pattern.lead:
            segment = document.segment_at(hit.start_char)
            lead = segment.lead.lower() if segment is not None and segment.kind == "list_item" else ""
            if not any(cue in lead for cue in hit.pattern.lead):
                return None
        policy = hit.pattern.context or rule.context
        severity = self.severities[rule.code]
        if not cues.found:  # most hits: only a cue the policy requires could matter
            return None if self.use_context and self._requires_cue(policy) else _Candidate(hit, severity, [])
        notes: list[str] = []
        for kind in CONTEXT_KINDS:
            action = policy.get(kind)
            present = kind in cues.found
            if action is Policy.REQUIRE:
                if not present:
                    if not self.use_context:
                        continue  # a ban-list fires whether or not the harm is denied
                    return None
                notes.append(cues.found[kind])
                if kind == "negated" and 0 <= cues.negation_at < hit.start:
                    hit = Hit(rule, hit.pattern, hit.role, cues.negation_at, hit.end, cues.negation_char, hit.end_char)
            elif present and action is Policy.SUPPRESS:
                return cues.found[kind]
            elif present and action is Policy.DOWNGRADE:
                severity = severity.lowered()
                notes.append(cues.found[kind] + " (severity lowered)")
            elif present:
                notes.append(cues.found[kind] + " (kept)")
        return _Candidate(hit, severity, notes)

    def _requires_cue(self, policy: ContextPolicy) -> bool:
        """Whether a context policy requires some cue (a rule that fires only when, say, negated)."""
        requires = self._requiring.get(id(policy))
        if requires is None:
            requires = self._requiring[id(policy)] = any(policy.get(k) is Policy.REQUIRE for k in CONTEXT_KINDS)
        return requires

    def _emit(
        self,
        cand: _Candidate,
        document: Document,
        tokens: context.Tokens,
        directives: suppress.Suppressions,
        result: FileResult,
        scope: str = "span",
    ) -> None:
        hit, rule = cand.hit, cand.hit.rule
        start, end = document.to_source(hit.start_char, hit.end_char)
        pos = document.position(start, end)
        silencer = directives.silencing(rule.code, rule.name, rule.category, pos.line, start)
        if silencer is not None:
            reason = f"inline directive '{silencer.action}' at line {silencer.line}"
            result.suppressed.append(_suppressed(document, rule.code, start, end, reason, silencer.line))
            return
        matched = document.prose[hit.start_char : hit.end_char]
        s_lo, s_hi = context.sentence_bounds(tokens, hit.start, hit.end)
        sentence = tokens.sentence(s_lo, s_hi).text
        text = _fill(rule.message, matched, rule.missing)
        result.findings.append(
            Finding.located(
                document.path,
                rule,
                pos,
                document.source[start:end],
                severity=cand.severity,
                message=text,
                scope=scope,
                suggestions=self._suggestions(rule, tokens, hit, s_lo),
                context=tuple(cand.cues),
                sentence=sentence,
            )
        )

    def _suggestions(self, rule: Rule, tokens: context.Tokens, hit: Hit, sent_start: int) -> tuple[SuggestionOut, ...]:
        if not rule.suggestions:
            return ()
        tokens.load(sent_start, hit.end)
        first = tokens.text[hit.start]
        inflection = inflection_of(tokens.lower[hit.start], tokens.norm(hit.start))
        at_start = not any(word.isalpha() for word in tokens.text[sent_start : hit.start])  # spaCy's is_alpha
        key = (id(rule), tokens.span_text(hit.start, hit.end), inflection, at_start, first[:1].isupper())
        rendered = self._rendered.get(key)
        if rendered is None:
            rendered = self._rendered[key] = _render(rule, *key[1:])
        return rendered

    def _document_rule(
        self,
        rule: Rule,
        hits: list[Hit],
        cues_for: Any,
        document: Document,
        tokens: context.Tokens,
        directives: suppress.Suppressions,
        result: FileResult,
    ) -> None:
        # A denied disclosure ("no bruising", "none of the risks") discloses nothing.
        if any(h.role == "disclosure" and "negated" not in cues_for(h) for h in hits):
            return
        first = self._first_trigger(hits, cues_for, document, tokens)
        if first is not None:
            self._emit(first, document, tokens, directives, result, scope="document")

    def _first_trigger(
        self, hits: list[Hit], cues_for: Any, document: Document, tokens: context.Tokens
    ) -> _Candidate | None:
        """The first claim that context keeps; only it is reported, so later ones go unanalysed."""
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            if hit.role != "claim" or (hit.pattern.unless and _clarified(tokens, hit)):
                continue
            decision = self._decide(hit, cues_for(hit), document)
            if isinstance(decision, _Candidate):
                return decision
        return None


def _render(rule: Rule, matched: str, inflection: str, at_start: bool, capitalised: bool) -> tuple[SuggestionOut, ...]:
    """A rule's rewrites of one matched text, cased for where it stands in its sentence."""
    out = []
    for suggestion in rule.suggestions:
        if suggestion.applicability is Applicability.DISPLAY:
            out.append(SuggestionOut(suggestion.text, suggestion.applicability, suggestion.title))
            continue
        text = _fill(suggestion.template_for(inflection), matched, rule.missing)
        if at_start and text[:1].islower():
            text = text[0].upper() + text[1:]
        elif not at_start and text[:1].isupper() and text[1:2].islower() and not capitalised:
            text = text[0].lower() + text[1:]
        out.append(SuggestionOut(text, suggestion.applicability, suggestion.title))
    return tuple(out)


def _clarified(tokens: context.Tokens, hit: Hit) -> str | None:
    """The clarification (an `unless` regex) found in the match's sentence or the next ones."""
    lo, hi = context.sentence_bounds(tokens, hit.start, hit.end)
    for _ in range(hit.pattern.unless_sentences):
        if hi >= len(tokens):
            break
        nxt = hi
        while nxt < len(tokens) and tokens.space[nxt]:
            nxt += 1
        if nxt >= len(tokens):
            break
        hi = context.sentence_bounds(tokens, nxt, nxt + 1)[1]
    return _clarification(tokens.span_text(lo, hi), hit.pattern.unless)


@lru_cache(maxsize=4096)
def _clarification(window: str, unless: tuple[str, ...]) -> str | None:
    """The reason the first matching `unless` regex gives; hits in one sentence share the answer."""
    for regex in unless:
        m = regexes.search(regex, window, re.IGNORECASE)
        if m:
            return f"clarified by '{m.group(0)}'"
    return None


def _suppressed(
    document: Document, code: str, start: int, end: int, reason: str, directive_line: int = 0
) -> Suppressed:
    """A silenced match of rule ``code`` at source [start, end), with why it was silenced."""
    line, column = document.lines.line_col(start)
    return Suppressed(document.path, code, start, end, line, column, document.source[start:end], reason, directive_line)


def _fill(template: str, match: str, missing: str) -> str:
    return template.replace("{match}", match).replace("{missing}", missing)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Merge overlapping hits of the same rule into one candidate spanning them all."""
    by_rule: dict[str, list[_Candidate]] = defaultdict(list)
    for cand in candidates:
        by_rule[cand.hit.rule.code].append(cand)
    merged: list[_Candidate] = []
    for group in by_rule.values():
        group.sort(key=lambda c: (c.hit.start_char, -c.hit.end_char, c.hit.role, c.hit.pattern.index))
        current = group[0]
        for cand in group[1:]:
            if cand.hit.start_char < current.hit.end_char:
                h, c = current.hit, cand.hit
                if c.end_char > h.end_char:
                    current = _Candidate(
                        Hit(h.rule, h.pattern, h.role, h.start, max(h.end, c.end), h.start_char, c.end_char),
                        max(current.severity, cand.severity, key=lambda s: s.rank),
                        current.cues,
                    )
            else:
                merged.append(current)
                current = cand
        merged.append(current)
    return merged


def _unique_suppressed(items: list[Suppressed]) -> list[Suppressed]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for item in sorted(items, key=lambda s: (s.start, s.end, s.code)):
        key = (item.code, item.start, item.end)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
