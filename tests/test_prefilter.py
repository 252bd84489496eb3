"""The prefilter may only skip texts on which no rule can match."""

from __future__ import annotations

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


def test_plain_copy_is_rejected_and_symbols_are_seen(fixture_linter: Linter) -> None:
    prefilter = fixture_linter.prefilter
    assert not prefilter.may_match("Our reception opens at nine. Parking is behind the building.\n" * 20)
    assert prefilter.may_match("Guaranteed-results for all.")  # inflection and hyphenation
    assert prefilter.may_match("It reverses arthritis.")  # a near pattern's left lexicon
    assert prefilter.may_match("A 95% success rate.")  # the regex itself
    assert not prefilter.may_match("A 95% rate.")


def test_compiling_on_demand_gives_the_same_findings_as_compiling_everything(linter: Linter) -> None:
    eager = Linter(Config(), PACKS)
    eager.compiled.ensure_all()
    lazy = Linter(Config(), PACKS)
    texts = [
        "Our stem cell injections are completely safe and cure arthritis, guaranteed.",
        "Opening hours: nine to five.",
        "Book now: 20% off exosome facials, as seen on TV. Results are not guaranteed.",
    ]
    for text in texts:
        a = [(f.code, f.start, f.end, f.severity) for f in eager.lint_source("t.txt", text, "text").findings]
        b = [(f.code, f.start, f.end, f.severity) for f in lazy.lint_source("t.txt", text, "text").findings]
        assert a == b, text
    assert len(lazy.compiled.compiled_ids) < len(lazy.compiled.entries)
