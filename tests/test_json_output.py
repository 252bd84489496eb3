"""The compact JSON report is assembled from per-finding text; it must equal the plain rendering."""

from __future__ import annotations

import io
import json

from claimlint.engine import Linter
from claimlint.output.json import document, prerendered, render
from claimlint.report import Report

TEXT = """# Offer

Our stem cell injections are 100% safe and cure arthritis, guaranteed. Results are not guaranteed.
"Best clinic ever" — a “patient” said. Book now: 20% off! We do not guarantee results.
"""


def _report(linter: Linter, cached: bool) -> Report:
    result = linter.lint_source("page.md", TEXT, "markdown")
    if cached:
        result = prerendered(result)
    return Report(files=[result], rules={r.code: r for r in linter.rules})


def _rendered(report: Report) -> str:
    stream = io.StringIO()
    render(report, stream, False)
    return stream.getvalue()


def test_compact_report_is_the_plain_json_document(builtin_linter: Linter) -> None:
    plain = _report(builtin_linter, cached=False)
    assert len(plain.findings) >= 4 and plain.files[0].suppressed
    expected = json.dumps(document(plain), ensure_ascii=False) + "\n"
    assert _rendered(plain) == expected
    assert _rendered(_report(builtin_linter, cached=True)) == expected


def test_prerendered_text_follows_the_finding_it_belongs_to(builtin_linter: Linter) -> None:
    report = _report(builtin_linter, cached=True)
    dropped = report.files[0].findings.pop(0)  # as a baseline drops a known finding
    parsed = json.loads(_rendered(report))
    assert [f["fingerprint"] for f in parsed["findings"]] == [f.fingerprint for f in report.findings]
    assert dropped.fingerprint not in {f["fingerprint"] for f in parsed["findings"]}
