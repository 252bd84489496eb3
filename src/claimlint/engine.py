"""Lint documents: match every rule once, apply context and directives, build findings."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimlint import baseline, context, regexes, suppress
from claimlint.cache import Cache, packs_key, settings_fingerprint
from claimlint.config import Config
from claimlint.document import Document
from claimlint.extract import load_document
from claimlint.findings import FileResult, Finding, SuggestionOut, Suppressed
from claimlint.inflect import inflection_of
from claimlint.matching import CompiledRules, Hit
from claimlint.packs import RulePack, load_packs, pack_files
from claimlint.prefilter import Prefilter
from claimlint.prefilter import build as build_prefilter
from claimlint.rules import CONTEXT_KINDS, Applicability, Pattern, Policy, Rule, Severity
from claimlint.vocab import expand_phrases

WORD = re.compile(r"\w+")
PREFILTER_FORMAT = "prefilter-v10"  # bump when the Prefilter's pickled shape changes
PREFILTERED_DOCUMENTS = 8  # documents a Linter runs the prefilter on (see _lint)
PHRASE_TABLE_FORMAT = "phrases-v3"  # bump when matching.PhraseTable's shape changes


def builtin_rule_dir() -> Path:
    """The directory of the packs that ship with claimlint."""
    installed = Path(__file__).parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def pack_paths(config: Config) -> list[Path]:
    """The pack files a configuration enables (built-in packs, then extra rule paths)."""
    paths = [p for p in pack_files(builtin_rule_dir()) if p.stem != "README"]
    if config.packs is not None:
        wanted = set(config.packs)
        paths = [p for p in paths if p.stem in wanted]
    for extra in config.rule_paths:
        paths.extend(pack_files(extra) if extra.is_dir() else [extra])
    return paths


@dataclass
class _Candidate:
    hit: Hit
    severity: Severity
    cues: list[str]


class Linter:
    """Holds the loaded packs and the compiled matchers for one configuration."""

    def __init__(
        self,
        config: Config,
        packs: list[RulePack] | None = None,
        *,
        use_context: bool = True,
        use_prefilter: bool = True,
        cache: Cache | None = None,
    ) -> None:
        self.config = config
        self.use_context = use_context
        self.use_prefilter = use_prefilter
        self.cache = cache
        paths = pack_paths(config) if packs is None else []
        self.packs_fingerprint = packs_key(paths) if packs is None else "given"
        self.packs = packs if packs is not None else self._load_packs(paths)
        self.all_rules = [r for p in self.packs for r in p.rules]
        self.severities: dict[str, Severity] = {}
        for rule in self.all_rules:
            severity = config.severity_for(rule)
            if severity is not None and config.selects(rule):
                self.severities[rule.code] = severity
        self.rules = [r for r in self.all_rules if r.code in self.severities]
        self._compiled: CompiledRules | None = None
        self._prefilter: Prefilter | None = None
        self._literal_cache: dict[int, frozenset[str]] = {}
        self._regexes_ready = False
        self._linted = 0
        self._pending_prefilter = Prefilter({}, (), frozenset())
        self._pending_for = -1

    @property
    def compiled(self) -> CompiledRules:
        """The matchers, compiled on first use (importing spaCy)."""
        if self._compiled is None:
            self._load_regex_programs()
            key = self._vocabulary_key()
            cached = self.cache.load("phrases", key) if self.cache and key else None
            if isinstance(cached, tuple) and len(cached) == 2:
                self._compiled = CompiledRules(self.rules, self.packs, canonical=cached[1])
                self._compiled.use_phrase_table(cached[0])
            else:
                self._compiled = CompiledRules(self.rules, self.packs)
                if self.cache and key:
                    # Tokenizing every phrase and lexicon entry costs a third of a second: once.
                    compiled = self._compiled
                    table = compiled.tokenize_phrases(compiled.phrase_texts())
                    compiled.use_phrase_table(table)
                    self.cache.store("phrases", key, (table, compiled.canonical))
        return self._compiled

    def _vocabulary_key(self) -> str:
        """Cache key of the phrase table and inflection NORMs: enabled rules, packs and spaCy."""
        if self.packs_fingerprint == "given":
            return ""
        from claimlint.spacyload import load_spacy

        version = str(load_spacy().__version__)
        parts = [PHRASE_TABLE_FORMAT, version, self.packs_fingerprint, *sorted(self.severities)]
        return hashlib.sha256(" ".join(parts).encode()).hexdigest()[:32]

    def _load_regex_programs(self) -> None:
        """Install the packs' compiled regexes from the cache (computing and storing them once)."""
        if self._regexes_ready:
            return
        self._regexes_ready = True
        if not self.cache or self.packs_fingerprint == "given":
            return
        key = hashlib.sha256(f"{self.packs_fingerprint}:{regexes.engine_tag()}".encode()).hexdigest()[:32]
        table = self.cache.load("regexes", key)
        if not isinstance(table, dict):
            wanted = {(p.regex, p.flags) for r in self.all_rules for p in (*r.patterns, *r.requires_any) if p.regex}
            wanted |= {(u, re.IGNORECASE) for r in self.all_rules for p in r.patterns for u in p.unless}
            table = regexes.programs(sorted(wanted))
            self.cache.store("regexes", key, table)
        regexes.install(table)

    def _load_packs(self, paths: list[Path]) -> list[RulePack]:
        cached = self.cache.load("packs", self.packs_fingerprint) if self.cache else None
        if isinstance(cached, list):
            return cached
        packs = load_packs(paths)
        if self.cache:
            self.cache.store("packs", self.packs_fingerprint, packs)
        return packs

    @property
    def prefilter(self) -> Prefilter:
        """The spaCy-free test that proves a text cannot match any enabled rule."""
        if self._prefilter is None:
            self._load_regex_programs()
            parts = [PREFILTER_FORMAT, self.packs_fingerprint, *sorted(self.severities)]
            key = hashlib.sha256(" ".join(parts).encode()).hexdigest()
            cached = (
                self.cache.load("prefilter", key[:32]) if self.cache and self.packs_fingerprint != "given" else None
            )
            if isinstance(cached, Prefilter):
                self._prefilter = cached
            else:
                lexicons = {name: words for pack in self.packs for name, words in pack.lexicons.items()}
                self._prefilter = build_prefilter(self.rules, lexicons)
                if self.cache and self.packs_fingerprint != "given":
                    self.cache.store("prefilter", key[:32], self._prefilter)
        return self._prefilter

    def _pending(self) -> Prefilter:
        """The prefilter of the patterns not compiled yet (rebuilt when more get compiled)."""
        compiled_ids = self.compiled.compiled_ids
        if self._pending_for != len(compiled_ids):
            self._pending_prefilter = self.prefilter.without(compiled_ids)
            self._pending_for = len(compiled_ids)
        return self._pending_prefilter

    def settings(self) -> str:
        """Fingerprint of everything besides a file that can change its result (for caching)."""
        return settings_fingerprint(self.packs_fingerprint, self.config, self.use_context)

    def lint_source(self, path: str, source: str, fmt: str) -> FileResult:
        """Lint decoded source text of a given format."""
        return self.lint_document(load_document(path, source, fmt))

    def lint_document(self, document: Document) -> FileResult:
        """Lint one extracted document, audit its suppression directives, fingerprint its findings."""
        result = self._lint(document)
        if "claimlint" in document.source:  # every directive spells it
            self._audit(document, result)
        result.findings = baseline.stamped(result.findings)
        return result

    def _audit(self, document: Document, result: FileResult) -> None:
        """Add the suppression-audit findings (CL0001-CL0003) and the directives in use."""
        audit = suppress.audit(document, result, self.config.require_suppression_reason)
        result.suppression_uses = audit.uses
        for f in audit.findings:
            rule = suppress.AUDIT_RULES[f.code]
            severity = self.config.severity_for(rule)
            # Audit findings are never switched off by a --select of rules, only by --ignore.
            if severity is not None and replace(self.config, select=[]).selects(rule):
                result.findings.append(replace(f, severity=severity))
        result.findings.sort(key=Finding.sort_key)

    def _lint(self, document: Document) -> FileResult:
        """Match, weigh context and directives, and build the findings of one document."""
        result = FileResult(document.path, words=len(WORD.findall(document.prose)), source=document.source)
        if not self.rules or not document.prose.strip():
            return result
        # The full prefilter pays on a run's first pages (a pre-commit run's only ones): it spares
        # a clean page the spaCy import and compiles only the patterns that occur. On a long run
        # every page goes to the matcher, and only patterns not compiled yet are looked for.
        self._linted += 1
        if self.use_prefilter and self._linted <= PREFILTERED_DOCUMENTS:
            candidates = self.prefilter.candidates(document.prose)
            if not candidates:
                return result
            compiled = self.compiled
            uncompiled = candidates - compiled.compiled_ids
            if uncompiled:
                compiled.ensure(self.prefilter.confirmed(uncompiled, document.prose))
        elif self.use_prefilter:
            compiled = self.compiled
            compiled.ensure(self._pending().keyed(document.prose))
        else:
            compiled = self.compiled
            compiled.ensure_all()
        doc = compiled.make_doc(document.prose)
        hits = compiled.match(doc, document.prose)
        tokens = context.Tokens(doc, document.prose)
        ignored = set(self.config.ignored_for(document.path))
        directives = suppress.collect(document)
        span_hits: list[Hit] = []
        doc_hits: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            rule = hit.rule
            if ignored & {rule.code, rule.name, rule.category}:
                continue
            (span_hits if rule.scope == "span" else doc_hits[rule.code]).append(hit)
        cue_cache: dict[tuple[int, int, bool], context.Cues] = {}

        stance: list[bool] = []

        def critical() -> bool:
            if not stance:
                stance.append(context.critical_stance(document.prose))
            return stance[0]

        def cues_for(hit: Hit) -> context.Cues:
            literals = self._literals(hit.pattern)
            tokens.load(hit.start, hit.end)
            self_negating = any(tokens.negation[i] and tokens.lower[i] in literals for i in range(hit.start, hit.end))
            key = (hit.start, hit.end, self_negating)
            if key not in cue_cache:
                cue_cache[key] = (
                    context.analyse(
                        tokens, hit.start, hit.end, document.segment_at(hit.start_char), critical(), self_negating
                    )
                    if self.use_context
                    else context.Cues()
                )
            cues = cue_cache[key]
            if self.use_context and "negated" not in cues:
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
            line, col = document.lines.line_col(start)
            result.suppressed.append(
                Suppressed(document.path, hit.rule.code, start, end, line, col, document.source[start:end], reason)
            )
        for rule_hits in doc_hits.values():
            self._document_rule(rule_hits[0].rule, rule_hits, cues_for, document, tokens, directives, result)
        result.findings.sort(key=Finding.sort_key)
        result.suppressed = _unique_suppressed(result.suppressed)
        return result

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
        notes: list[str] = []
        for kind in CONTEXT_KINDS:
            action = policy.get(kind)
            present = kind in cues
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

    def _emit(
        self,
        cand: _Candidate,
        document: Document,
        tokens: context.Tokens,
        directives: suppress.Suppressions,
        result: FileResult,
        scope: str = "span",
        message: str | None = None,
    ) -> None:
        hit, rule = cand.hit, cand.hit.rule
        start, end = document.to_source(hit.start_char, hit.end_char)
        pos = document.position(start, end)
        silencer = directives.silencing(rule.code, rule.name, rule.category, pos.line, start)
        if silencer is not None:
            reason = f"inline directive '{silencer.action}' at line {silencer.line}"
            result.suppressed.append(
                Suppressed(
                    document.path,
                    rule.code,
                    start,
                    end,
                    pos.line,
                    pos.column,
                    document.source[start:end],
                    reason,
                    silencer.line,
                )
            )
            return
        matched = document.prose[hit.start_char : hit.end_char]
        s_lo, s_hi = context.sentence_bounds(tokens, hit.start, hit.end)
        sentence = tokens.span_text(s_lo, s_hi).strip()
        text = message or _fill(rule.message, matched, rule.missing)
        result.findings.append(
            Finding(
                path=document.path,
                code=rule.code,
                name=rule.name,
                category=rule.category,
                severity=cand.severity,
                message=text,
                line=pos.line,
                column=pos.column,
                end_line=pos.end_line,
                end_column=pos.end_column,
                start=start,
                end=end,
                text=document.source[start:end],
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
        out = []
        for suggestion in rule.suggestions:
            if suggestion.applicability is Applicability.DISPLAY:
                out.append(SuggestionOut(suggestion.text, suggestion.applicability, suggestion.title))
                continue
            text = _fill(suggestion.template_for(inflection), tokens.span_text(hit.start, hit.end), rule.missing)
            if at_start and text[:1].islower():
                text = text[0].upper() + text[1:]
            elif not at_start and text[:1].isupper() and text[1:2].islower() and not first[:1].isupper():
                text = text[0].lower() + text[1:]
            out.append(SuggestionOut(text, suggestion.applicability, suggestion.title))
        return tuple(out)

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
        triggers = []
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            if hit.role != "claim" or (hit.pattern.unless and _clarified(tokens, hit)):
                continue
            decision = self._decide(hit, cues_for(hit), document)
            if isinstance(decision, _Candidate):
                triggers.append(decision)
        if triggers:
            first = triggers[0]
            matched = document.prose[first.hit.start_char : first.hit.end_char]
            self._emit(
                first,
                document,
                tokens,
                directives,
                result,
                scope="document",
                message=_fill(rule.message, matched, rule.missing),
            )


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
