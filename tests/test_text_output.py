"""The default text report: written plainly without colour, it must be what rich would write."""

from __future__ import annotations

import io

from claimlint.engine import Linter
from claimlint.findings import FileResult
from claimlint.output import text
from claimlint.report import Report

LONG_PREFIX = "Patients often ask us about recovery times, costs, travel, parking and the rest of the visit. "
TEXT = (
    "# Offer\n\n"
    + LONG_PREFIX
    + "Our stem cell injections are 100% safe and cure arthritis, guaranteed, say our doctors today.\n\n"
    + "Col\tumns\tand 幹細胞\tthen: our stem cell injections are 100% safe.\n\n"
    + "A bell \x07 rings: our stem cell injections are 100% safe.\n"
)


def _report(linter: Linter) -> Report:
    result = linter.lint_source("page.md", TEXT, "markdown")
    unreadable = FileResult("gone.md", error="cannot read file: Permission denied")
    return Report(files=[result, unreadable], rules={r.code: r for r in linter.rules})


def _through_rich(report: Report) -> str:
    """Every line through rich's own console without colour: the reference."""
    stream = io.StringIO()
    write = text._styled_writer(stream, color=False)
    for result in report.files:
        for line in text._file_lines(result):
            write([line])
    write([text._summary(report)])
    return stream.getvalue()


def _rendered(report: Report, color: bool) -> str:
    stream = io.StringIO()
    text.render(report, stream, color)
    return stream.getvalue()


def test_plain_report_is_what_rich_writes_without_colour(builtin_linter: Linter) -> None:
    report = _report(builtin_linter)
    assert len(report.findings) >= 4
    plain = _rendered(report, color=False)
    assert plain.startswith(_through_rich(report))
    assert "\t" not in plain and "\x07" not in plain  # rich expands tabs and strips control codes
    assert "\x1b[" not in plain
    assert "gone.md: error: cannot read file: Permission denied\n" in plain


def test_a_long_line_is_clipped_around_the_flagged_words(builtin_linter: Linter) -> None:
    plain = _rendered(_report(builtin_linter), color=False)
    snippets = [line for line in plain.splitlines() if line.startswith("      …")]
    assert snippets, plain
    assert all(len(line) <= len("      …") + text.SNIPPET_WIDTH for line in snippets)
    assert any("100% safe" in line for line in snippets)
    assert not any(LONG_PREFIX[:20] in line for line in snippets)  # the start of the line is cut


def test_colour_highlights_the_flagged_words(builtin_linter: Linter) -> None:
    coloured = _rendered(_report(builtin_linter), color=True)
    assert "\x1b[1;7m" in coloured  # bold reverse around the flagged span
    plain_again = _strip_ansi(coloured)
    assert plain_again == _rendered(_report(builtin_linter), color=False)


def _strip_ansi(value: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", value)
