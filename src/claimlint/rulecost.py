"""Measure what each pattern costs on a sample of copy (`claimlint test-rules --profile PATH`)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from claimlint.engine import Linter
from claimlint.extract import format_for, load_document, read_source


@dataclass(frozen=True)
class PatternCost:
    """Seconds one pattern took over the sample, and where it is defined."""

    seconds: float
    code: str
    kind: str
    where: str


def profile(linter: Linter, paths: list[Path]) -> tuple[int, float, float, list[PatternCost]]:
    """(tokens, phrase-matcher seconds, whole-match seconds, per-pattern costs, slowest first)."""
    from spacy.matcher import Matcher

    compiled = linter.compiled
    compiled.ensure_all()
    files = [p for root in paths for p in ([root] if root.is_file() else sorted(root.rglob("*"))) if p.is_file()]
    docs = []
    for path in files:
        fmt = format_for(str(path))
        if fmt:
            docs.append(compiled.make_doc(load_document(str(path), read_source(path), fmt).prose))
    started = time.perf_counter()
    for doc in docs:
        compiled.phrase_matcher(doc)
    phrase_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        compiled.match(doc)
    match_seconds = time.perf_counter() - started
    costs: list[PatternCost] = []
    for rule in compiled.rules:
        for pattern in (*rule.patterns, *rule.requires_any):
            if pattern.kind != "tokens":
                continue
            matcher = Matcher(compiled.nlp.vocab)
            matcher.add("x", [compiled._token_pattern(pattern.tokens)])
            started = time.perf_counter()
            for doc in docs:
                matcher(doc)
            costs.append(PatternCost(time.perf_counter() - started, rule.code, "tokens", f"{rule.path}:{pattern.line}"))
    for rule, pattern, _, regex in compiled.regexes:
        started = time.perf_counter()
        for doc in docs:
            for _ in regex.finditer(doc.text):
                pass
        costs.append(PatternCost(time.perf_counter() - started, rule.code, "regex", f"{rule.path}:{pattern.line}"))
    costs.sort(key=lambda c: -c.seconds)
    return sum(len(d) for d in docs), phrase_seconds, match_seconds, costs
