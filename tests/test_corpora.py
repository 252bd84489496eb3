"""The annotated corpora (issue 4's bar): precision and recall at least 0.9 overall."""

from __future__ import annotations

from claimlint.config import Config
from claimlint.evaluate import corpus_files, prf, run

from .conftest import ROOT


def test_corpora_are_large_enough_and_annotated() -> None:
    outcome = run(corpus_files([ROOT / "corpora"]), [], Config(), True)
    assert outcome.files >= 40
    assert outcome.annotations >= 400 and outcome.traps >= 150


def test_precision_and_recall_reach_the_bar_and_context_earns_its_keep() -> None:
    with_context = run([ROOT / "corpora"], [], Config(), True)
    without = run([ROOT / "corpora"], [], Config(), False)
    precision, recall, _ = prf(*with_context.totals())
    assert precision >= 0.9, with_context.false_alarms
    assert recall >= 0.9, with_context.misses
    banlist_precision, _, _ = prf(*without.totals())
    assert precision - banlist_precision >= 0.1
    assert with_context.traps_hit < without.traps_hit / 4
