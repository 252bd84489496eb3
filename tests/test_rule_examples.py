"""Every built-in rule's own examples are test cases (ids like CL0401-fail-1)."""

from __future__ import annotations

import pytest

from claimlint.config import Config
from claimlint.engine import builtin_rule_dir
from claimlint.packs import load_packs, pack_files
from claimlint.rules import Applicability
from claimlint.selftest import ExampleCase, ExampleRunner, cases

PACKS = load_packs(pack_files(builtin_rule_dir()))
CASES = list(cases(PACKS))
RULES = [r for p in PACKS for r in p.rules]


@pytest.fixture(scope="module")
def runner() -> ExampleRunner:
    return ExampleRunner(PACKS, Config())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_example(case: ExampleCase, runner: ExampleRunner) -> None:
    problem = runner.check(case)
    assert problem is None, f"{case.rule.path}:{case.example.line}: {problem}\n{case.example.text}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_complete(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.references, "needs at least one reference"
    assert all(r.url.startswith("http") for r in rule.references)
    assert any(s.applicability is not Applicability.DISPLAY for s in rule.suggestions), "needs a rewrite"
    assert len(rule.fail_examples) >= 2, "needs two fail examples"
    assert len(rule.pass_examples) >= 2, "needs two pass examples"
    assert rule.why and rule.message


def test_codes_are_unique_and_follow_the_category_numbering() -> None:
    from claimlint.taxonomy import CATEGORIES

    numbers = {cat: i + 1 for i, cat in enumerate(CATEGORIES)}
    for rule in RULES:
        assert rule.code.startswith(f"CL{numbers[rule.category]:02d}"), rule.code
