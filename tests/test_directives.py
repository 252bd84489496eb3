"""Inline suppression directives in Markdown, HTML and plain text."""

from __future__ import annotations

from claimlint.engine import Linter


def codes(linter: Linter, text: str, fmt: str, path: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in linter.lint_source(path, text, fmt).findings]


def test_disable_next_line_in_markdown(fixture_linter: Linter) -> None:
    md = "<!-- claimlint-disable-next-line TS0401 -->\n\nguaranteed results\n\nguaranteed results\n"
    assert codes(fixture_linter, md, "markdown", "a.md") == [(5, "TS0401")]


def test_disable_enable_range_by_category_in_html(fixture_linter: Linter) -> None:
    html = (
        "<!-- claimlint-disable guarantee_certainty -->\n<p>guaranteed results</p>\n"
        "<!-- claimlint-enable guarantee_certainty -->\n<p>guaranteed results</p>\n"
    )
    assert codes(fixture_linter, html, "html", "a.html") == [(4, "TS0401")]


def test_disable_without_codes_silences_everything(fixture_linter: Linter) -> None:
    md = "<!-- claimlint-disable -->\nIt treats arthritis with guaranteed results.\n"
    result = fixture_linter.lint_source("a.md", md, "markdown")
    assert result.findings == []
    assert {s.code for s in result.suppressed} == {"TS0201", "TS0401"}
    assert all("inline directive" in s.reason for s in result.suppressed)


def test_plain_text_directives(fixture_linter: Linter) -> None:
    text = "claimlint: disable-next-line fixture-guarantee\nguaranteed results\nguaranteed results\n"
    assert codes(fixture_linter, text, "text", "a.txt") == [(3, "TS0401")]


def test_other_rules_are_not_silenced(fixture_linter: Linter) -> None:
    md = "<!-- claimlint-disable-next-line TS0401 -->\nIt treats arthritis with guaranteed results.\n"
    assert codes(fixture_linter, md, "markdown", "a.md") == [(2, "TS0201")]
