"""Lint documents: load packs and caches, prefilter each page, compile what it needs, assess it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from claimlint import baseline, regexes
from claimlint.cache import Cache, packs_key, settings_fingerprint
from claimlint.config import Config
from claimlint.document import Document
from claimlint.extract import load_document
from claimlint.findings import FileResult, Finding
from claimlint.packs import RulePack, load_packs, pack_files
from claimlint.rules import Severity

if TYPE_CHECKING:  # imported when a page needs them: a warm cache never does, a clean page not spaCy
    from claimlint.assess import Assessor
    from claimlint.matching import CompiledRules
    from claimlint.prefilter import Prefilter

T = TypeVar("T")
WORD = re.compile(r"\w+")
PREFILTER_FORMAT = "prefilter-v13"  # bump when the Prefilter's pickled shape changes
PREFILTERED_DOCUMENTS = 4  # documents a Linter runs the prefilter on (see _lint)
PHRASE_TABLE_FORMAT = "phrases-v5"  # bump when matching.PhraseTable's shape changes


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
        self._assess: Assessor | None = None
        self._regexes_ready = False
        self._linted = 0
        self._pending_prefilter: Prefilter | None = None
        self._pending_for = 0

    @property
    def compiled(self) -> CompiledRules:
        """The matchers, compiled on first use (importing spaCy)."""
        if self._compiled is None:
            from claimlint.matching import CompiledRules

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
        from claimlint.spacyload import load_spacy

        return self._key(PHRASE_TABLE_FORMAT, str(load_spacy().__version__), *sorted(self.severities))

    def _load_regex_programs(self) -> None:
        """Install the packs' compiled regexes from the cache (computing and storing them once)."""
        if self._regexes_ready:
            return
        self._regexes_ready = True

        def programs() -> dict[regexes.Key, regexes.Program]:
            wanted = {(p.regex, p.flags) for r in self.all_rules for p in (*r.patterns, *r.requires_any) if p.regex}
            wanted |= {(u, re.IGNORECASE) for r in self.all_rules for p in r.patterns for u in p.unless}
            return regexes.programs(sorted(wanted))

        regexes.install(self._cached("regexes", self._key(regexes.engine_tag()), programs, dict))

    def _load_packs(self, paths: list[Path]) -> list[RulePack]:
        return self._cached("packs", self.packs_fingerprint, lambda: load_packs(paths), list)

    @property
    def prefilter(self) -> Prefilter:
        """The spaCy-free test that proves a text cannot match any enabled rule."""
        if self._prefilter is None:
            from claimlint.prefilter import Prefilter
            from claimlint.prefilter import build as build_prefilter

            def build() -> Prefilter:
                lexicons = {name: words for pack in self.packs for name, words in pack.lexicons.items()}
                return build_prefilter(self.rules, lexicons)

            self._load_regex_programs()
            key = self._key(PREFILTER_FORMAT, *sorted(self.severities))
            self._prefilter = self._cached("prefilter", key, build, Prefilter)
        return self._prefilter

    def _key(self, *parts: str) -> str:
        """A cache key for data derived from the packs ("" when the packs were given, not read)."""
        if self.packs_fingerprint == "given":
            return ""
        return hashlib.sha256(" ".join((self.packs_fingerprint, *parts)).encode()).hexdigest()[:32]

    def _cached(self, kind: str, key: str, build: Callable[[], T], expected: type[T]) -> T:
        """A value from the cache, or built and stored there."""
        value = self.cache.load(kind, key) if self.cache and key else None
        if isinstance(value, expected):
            return value
        value = build()
        if self.cache and key:
            self.cache.store(kind, key, value)
        return value

    def _pending(self) -> Prefilter:
        """The prefilter of the patterns not compiled yet (rebuilt when more get compiled)."""
        compiled_ids = self.compiled.compiled_ids
        # Rebuilt when a tenth more patterns got compiled: a stale one only names compiled patterns
        # too, which ensure() skips.
        if self._pending_prefilter is None or len(compiled_ids) > self._pending_for * 1.1:
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
        from claimlint import suppress

        audit = suppress.audit(document, result, self.config.require_suppression_reason)
        result.suppression_uses = audit.uses
        severities = self._audit_severities
        for f in audit.findings:
            if f.code in severities:
                result.findings.append(replace(f, severity=severities[f.code]))
        result.findings.sort(key=Finding.sort_key)

    @cached_property
    def _audit_severities(self) -> dict[str, Severity]:
        """The severity of each enabled suppression-audit rule (CL0001-CL0003)."""
        from claimlint.suppress import AUDIT_RULES

        # Audit findings are never switched off by a --select of rules, only by --ignore.
        unselected = replace(self.config, select=[])
        out = {}
        for code, rule in AUDIT_RULES.items():
            severity = self.config.severity_for(rule)
            if severity is not None and unselected.selects(rule):
                out[code] = severity
        return out

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
        self._assessor(compiled).assess(document, result)
        return result

    def _assessor(self, compiled: CompiledRules) -> Assessor:
        """The context and findings stage, imported with spaCy (a clean page never needs it)."""
        if self._assess is None:
            from claimlint.assess import Assessor

            self._assess = Assessor(self.config, self.severities, compiled, self.use_context)
        return self._assess
