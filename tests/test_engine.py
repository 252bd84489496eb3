"""The engine over the fixture pack: matching, inflection, context hooks, merging, doc rules."""

from __future__ import annotations

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.findings import Finding
from claimlint.packs import load_packs

from .conftest import FIXTURES, linter_with


def lint(linter: Linter, text: str, fmt: str = "text", path: str = "t.txt") -> list[Finding]:
    return linter.lint_source(path, text, fmt).findings


def spans(findings: list[Finding], code: str) -> list[str]:
    return [f.text for f in findings if f.code == code]


def test_phrases_match_inflections_case_and_hyphenation(fixture_linter: Linter) -> None:
    text = "GUARANTEED RESULTS. Guaranteed-results. guarantees result. We guarantee a result."
    assert spans(lint(fixture_linter, text), "TS0401") == [
        "GUARANTEED RESULTS",
        "Guaranteed-results",
        "guarantees result",
    ]


def test_near_pattern_in_either_order_within_window(fixture_linter: Linter) -> None:
    text = "It heals knee pain. Arthritis reversed! Treat your mood. Reverse it; then arthritis."
    assert spans(lint(fixture_linter, text), "TS0201") == ["heals knee pain", "Arthritis reversed"]


def test_negated_benefit_is_suppressed_and_recorded(fixture_linter: Linter) -> None:
    result = fixture_linter.lint_source("t.txt", "Results are not guaranteed results.", "text")
    assert spans(result.findings, "TS0401") == []
    assert [(s.code, s.reason) for s in result.suppressed] == [("TS0401", "negated by 'not'")]


def test_negation_required_pattern_includes_the_negation(fixture_linter: Linter) -> None:
    found = lint(fixture_linter, "Our cells don't cause rejection. Donor cells can cause rejection.")
    assert spans(found, "TS0501") == ["don't cause rejection"]


def test_question_and_mention_are_suppressed(fixture_linter: Linter) -> None:
    text = 'Are guaranteed results possible?\nAvoid terms like "guaranteed results" on your site.'
    result = fixture_linter.lint_source("t.txt", text, "text")
    assert spans(result.findings, "TS0401") == []
    reasons = sorted(s.reason.split(" ")[0] for s in result.suppressed)
    assert reasons == ["in", "mentioned"]


def test_regex_hits_do_not_cross_blocks(fixture_linter: Linter) -> None:
    assert spans(lint(fixture_linter, "A 95% success rate."), "TS0901") == ["95% success"]
    assert spans(lint(fixture_linter, "A 95%\n\nsuccess"), "TS0901") == []


def test_overlapping_hits_of_one_rule_merge(tmp_path) -> None:  # type: ignore[no-untyped-def]
    linter = linter_with(
        tmp_path,
        "      - phrases: [guaranteed result]",
        "      - phrases: [guaranteed result]\n      - phrases: [result guaranteed, guaranteed]",
    )
    found = lint(linter, "Guaranteed results guaranteed forever.")
    assert spans(found, "TS0401") == ["Guaranteed results guaranteed"]


def test_findings_are_sorted_and_positions_exact(fixture_linter: Linter) -> None:
    text = "Line one.\r\nIt treats arthritis with guaranteed results.\r\n"
    found = lint(fixture_linter, text)
    assert [f.code for f in found] == ["TS0201", "TS0401"]
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.line == 2
        assert text.split("\r\n")[1][f.column - 1 : f.end_column - 1] == f.text


def test_document_rule_reports_first_trigger_when_disclosure_missing(fixture_linter: Linter) -> None:
    found = lint(fixture_linter, "Stem cell therapy for all.\nBook stem cell therapy now.")
    (doc,) = [f for f in found if f.code == "TS1901"]
    assert doc.scope == "document" and doc.start == 0
    assert doc.message == "The page promotes “Stem cell therapy” but never says what the risks are."
    assert not [
        f for f in lint(fixture_linter, "Stem cell therapy.\nSide effects include bruising.") if f.code == "TS1901"
    ]


def test_document_rule_ignores_mentions_as_triggers(fixture_linter: Linter) -> None:
    found = lint(fixture_linter, 'Be careful with terms like "stem cell therapy".')
    assert not [f for f in found if f.code == "TS1901"]


def test_suggestions_agree_with_the_matched_form_and_capitalise(fixture_linter: Linter) -> None:
    (f,) = [f for f in lint(fixture_linter, "It treats arthritis.") if f.code == "TS0201"]
    assert f.suggestions[0].replacement == "is being studied for"
    (g,) = [f for f in lint(fixture_linter, "Guaranteed results for all.") if f.code == "TS0401"]
    assert g.suggestions[0].replacement == "Results that vary"


def test_severity_overrides_select_and_ignore() -> None:
    packs = load_packs([FIXTURES / "basic-pack.yaml"])
    linter = Linter(Config(severity={"guarantee_certainty": "info"}, ignore=["TS05"]), packs)
    assert "TS0501" not in linter.severities
    found = lint(linter, "guaranteed results")
    assert [f.severity.value for f in found if f.code == "TS0401"] == ["info"]
    only = Linter(Config(select=["disease_treatment_claim"]), packs)
    assert list(only.severities) == ["TS0201"]


def test_without_context_every_match_fires(fixture_linter: Linter) -> None:
    packs = load_packs([FIXTURES / "basic-pack.yaml"])
    banlist = Linter(Config(), packs, use_context=False)
    text = "Results are not guaranteed results. Cells can cause rejection."
    assert {f.code for f in lint(banlist, text)} == {"TS0401", "TS0501"}
    assert {f.code for f in lint(fixture_linter, text)} == set()


def test_markdown_and_html_findings_point_into_the_source(fixture_linter: Linter) -> None:
    md = "# Title\n\nWe **treat** arthritis &amp; more.\n"
    (f,) = lint(fixture_linter, md, "markdown", "a.md")
    assert f.text == "treat** arthritis" and (f.line, f.column) == (3, 6)
    html = "<p>We <i>treat</i>\n arthritis.</p>"
    (g,) = lint(fixture_linter, html, "html", "a.html")
    assert g.text == "treat</i>\n arthritis" and (g.line, g.column, g.end_line) == (1, 10, 2)


def test_unless_clarification_in_the_next_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    linter = linter_with(
        tmp_path,
        "      - phrases: [guaranteed result]",
        "      - phrases: [guaranteed result]\n        unless: ['only the fee is guaranteed']",
    )
    result = linter.lint_source("t.txt", "Guaranteed results. Well, only the fee is guaranteed.", "text")
    assert spans(result.findings, "TS0401") == []
    assert result.suppressed[0].reason == "clarified by 'only the fee is guaranteed'"
    assert spans(lint(linter, "Guaranteed results. Book now. Only the fee is guaranteed."), "TS0401") != []


def test_lead_restricts_a_pattern_to_lists_introduced_by_a_cue(tmp_path) -> None:  # type: ignore[no-untyped-def]
    linter = linter_with(
        tmp_path,
        '      - near: {left: "@fixture_verbs", right: "@fixture_conditions", window: 4}',
        '      - near: {left: "@fixture_verbs", right: "@fixture_conditions", window: 4}\n'
        "      - phrases: ['@fixture_conditions']\n        lead: [conditions we treat]",
    )
    md = "## Conditions we treat\n\n- Arthritis\n- Knee pain\n\n## Contraindications\n\n- Arthritis flare\n"
    assert [f.text for f in linter.lint_source("a.md", md, "markdown").findings] == ["Arthritis", "Knee pain"]


def test_anchored_token_patterns_match_exactly_like_unanchored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimlint.matching import CompiledRules

    packs = load_packs([FIXTURES / "basic-pack.yaml"])
    text = "Cells do not cause rejection.\n\nNothing here.\n\nOur cells never cause rejection, and cause rejection.\n"
    anchored = Linter(Config(), packs)
    anchored.compiled.ensure_all()
    assert anchored.compiled.anchored, "the fixture's token pattern should be anchored"
    plain = Linter(Config(), packs)
    original = CompiledRules._token_anchor
    try:
        CompiledRules._token_anchor = lambda self, tokens: None  # type: ignore[method-assign]
        plain.compiled.ensure_all()
        assert not plain.compiled.anchored
    finally:
        CompiledRules._token_anchor = original  # type: ignore[method-assign]
    a = [(f.code, f.start, f.end) for f in anchored.lint_source("t.txt", text, "text").findings]
    b = [(f.code, f.start, f.end) for f in plain.lint_source("t.txt", text, "text").findings]
    assert a == b and len(a) == 2


def test_regex_gap_negation_and_matches_across_blocks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    linter = linter_with(
        tmp_path, "      - regex: '\\b\\d{2,3}\\s?% success'", "      - regex: '\\b\\d{2,3}\\s?%[\\w\\s]{0,12}success'"
    )
    assert spans(lint(linter, "A 95% rate of success."), "TS0901") == ["95% rate of success"]
    assert spans(lint(linter, "A 95% not success."), "TS0901") == []
    assert spans(lint(linter, "Up 95%\n\nsuccess 80% success"), "TS0901") == ["80% success"]
