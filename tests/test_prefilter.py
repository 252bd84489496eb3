"""The prefilter may only skip texts on which no rule can match."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.extract import format_for, load_document

from .conftest import ROOT
from .test_rule_examples import CASES, PACKS


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(), PACKS)


def test_every_fail_example_passes_the_prefilter() -> None:
    from claimlint.selftest import ExampleRunner

    runner = ExampleRunner(PACKS)
    rejected = [
        c.id for c in CASES
        if c.kind == "fail" and not runner.linter(c.jurisdiction).prefilter.may_match(c.example.text)
    ]
    assert rejected == []


def test_rejected_corpus_files_really_have_no_matches(linter: Linter) -> None:
    full = Linter(Config(), PACKS, use_prefilter=False)
    for path in sorted((ROOT / "corpora").rglob("*.*")):
        fmt = format_for(str(path))
        if not fmt:
            continue
        document = load_document(str(path), path.read_text(encoding="utf-8"), fmt)
        if not linter.prefilter.may_match(document.prose):
            result = full.lint_document(document)
            assert result.findings == [] and result.suppressed == [], path


def test_plain_copy_is_rejected(linter: Linter, tmp_path: Path) -> None:
    text = "Our reception opens at nine. Parking is behind the building. Call us to book a visit.\n" * 20
    assert not linter.prefilter.may_match(text)
