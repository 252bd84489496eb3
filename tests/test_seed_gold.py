"""The real seed documents, judged by shared/eval/seeds-gold.yaml (issue 4's acceptance bar)."""

from __future__ import annotations

from pathlib import Path

from claimlint.config import Config
from claimlint.evaluate import Evaluator


def test_seed_documents_meet_the_bar(shared: Path) -> None:
    evaluator = Evaluator(Config())
    evaluator.gold_file(shared / "eval" / "seeds-gold.yaml", shared / "seeds")
    out = evaluator.outcome
    flagged = sum(out.tp.values()) + sum(out.fn.values())
    assert flagged >= 17
    assert sum(out.tp.values()) >= 0.9 * flagged, out.misses
    assert out.traps_hit == 0, out.false_alarms  # no clean span hit, no document-level misfire
