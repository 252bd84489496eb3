"""Measure what each pattern costs on a sample of copy (`claimlint test-rules --profile PATH`).

Patterns are timed the way the engine runs them: anchored token patterns and anchored regexes only
on the blocks that hold one of their anchor words, the others over every block.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimlint.engine import Linter
from claimlint.extract import format_for, load_document, read_source
from claimlint.matching import _blocks


@dataclass(frozen=True)
class PatternCost:
    """Seconds one pattern took over the sample, and where it is defined."""

    seconds: float
    code: str
    kind: str
    where: str


@dataclass(frozen=True)
class Profile:
    """Totals and the per-pattern costs, slowest first."""

    tokens: int
    match_seconds: float
    phrase_seconds: float
    anchor_seconds: float
    costs: list[PatternCost]


def profile(linter: Linter, paths: list[Path]) -> Profile:
    """Time every token and regex pattern of the linter's rules on the files under ``paths``."""
    compiled = linter.compiled
    compiled.ensure_all()
    files = [p for root in paths for p in ([root] if root.is_file() else sorted(root.rglob("*"))) if p.is_file()]
    docs = []
    for path in files:
        fmt = format_for(str(path))
        if fmt:
            docs.append(compiled.make_doc(load_document(str(path), read_source(path), fmt).prose))
    texts = [d.text for d in docs]
    phrase_seconds = _time(lambda: [compiled.phrase_matcher(d) for d in docs])
    match_seconds = _time(lambda: [compiled.match(d) for d in docs])
    started = time.perf_counter()
    anchored = [compiled._anchored_blocks(d) for d in docs]
    anchor_seconds = time.perf_counter() - started
    costs: list[PatternCost] = []
    for k, (matcher, rule, pattern) in enumerate(compiled.anchored):
        seconds = _time(lambda m=matcher, k=k: [
            m(doc[lo:hi]) for doc, blocks in zip(docs, anchored, strict=True)
            for lo, hi, _, _ in blocks.get(("tokens", k), ())
        ])
        costs.append(PatternCost(seconds, rule.code, "tokens", f"{rule.path}:{pattern.line}"))
    for k, (rule, pattern, _, regex, _) in enumerate(compiled.anchored_regexes):
        seconds = _time(lambda r=regex, k=k: [
            list(r.finditer(text, lo, hi)) for text, blocks in zip(texts, anchored, strict=True)
            for _, _, lo, hi in blocks.get(("regex", k), ())
        ])
        costs.append(PatternCost(seconds, rule.code, "regex+", f"{rule.path}:{pattern.line}"))
    for rule, pattern, _, regex, starter in compiled.regexes:
        seconds = _time(lambda r=regex, s=starter: [
            list(r.finditer(text, lo, hi))
            for text in texts
            if s is None or s.search(text)
            for lo, hi in _blocks(text)
        ])
        costs.append(PatternCost(seconds, rule.code, "regex", f"{rule.path}:{pattern.line}"))
    if len(compiled.token_matcher):
        seconds = _time(lambda: [compiled.token_matcher(d) for d in docs])
        costs.append(PatternCost(seconds, "*", "tokens", f"{len(compiled.token_matcher)} unanchored token patterns"))
    costs.sort(key=lambda c: -c.seconds)
    return Profile(sum(len(d) for d in docs), match_seconds, phrase_seconds, anchor_seconds, costs)


def _time(work: Any) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started

