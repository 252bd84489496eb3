"""Auditable suppressions: reasons, expiry dates, required reasons and --report-suppressions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimlint import suppress
from claimlint.cli import cli
from claimlint.document import Comment

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
DIRECTIVE = '<!-- claimlint-disable-next-line TX0601 reason="approved by legal 2026-03" expires=2027-03-01 -->'
PAGE = f"# Team\n\n{DIRECTIVE}\nOur world-class team.\n\nA world-class nurse.\n"


def run_json(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setattr(suppress, "today", lambda: dt.date.fromisoformat(day))


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_reason_and_expiry_are_parsed() -> None:
    d = suppress.parse_directive(Comment(DIRECTIVE[4:-3], 0, len(DIRECTIVE), True), 3)
    assert d is not None
    assert (d.action, d.targets, d.reason, d.expires) == (
        "disable-next-line", frozenset({"TX0601"}), "approved by legal 2026-03", "2027-03-01",
    )
    assert d.expiry() == dt.date(2027, 3, 1)
    assert d.active(dt.date(2027, 2, 28)) and not d.active(dt.date(2027, 3, 1))


def test_a_directive_before_its_expiry_silences(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, "2026-06-01")
    code, doc, _ = run_json("page.md")
    assert [(f["line"], f["code"]) for f in doc["findings"]] == [(6, "TX0601")]
    assert [s["line"] for s in doc["suppressed"]] == [4]
    assert code == 1


def test_an_expired_directive_no_longer_silences_and_is_reported(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2027-03-01")
    code, doc, _ = run_json("page.md")
    found = [(f["line"], f["code"], f["severity"]) for f in doc["findings"]]
    assert found == [(3, "CL0002", "warning"), (4, "TX0601", "error"), (6, "TX0601", "error")]
    expired = doc["findings"][0]
    assert expired["message"] == "This suppression expired on 2027-03-01; it no longer silences anything."
    assert doc["suppressed"] == []
    assert code == 1


def test_report_suppressions_lists_every_directive(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, "2026-06-01")
    page.write_text(PAGE + "\n<!-- claimlint-disable -->\nHurry! A world-class offer.\n", encoding="utf-8")
    _, doc, _ = run_json("--report-suppressions", "page.md")
    assert doc["suppressions"] == [
        {"path": "page.md", "line": 3, "action": "disable-next-line", "codes": ["TX0601"],
         "reason": "approved by legal 2026-03", "expires": "2027-03-01", "status": "active", "silenced": 1},
        {"path": "page.md", "line": 8, "action": "disable", "codes": [], "reason": "", "expires": "",
         "status": "active", "silenced": 2},
    ]
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--report-suppressions",
                                      "--format", "concise", "page.md"])
    assert "Suppressions in use (2):" in result.stdout
    assert ('page.md:3: disable-next-line TX0601; reason="approved by legal 2026-03"; expires=2027-03-01; '
            "active; silenced 1 finding(s)") in result.stdout
    assert "page.md:8: disable all rules; no reason; no expiry; active; silenced 2 finding(s)" in result.stdout


def test_without_the_flag_there_is_no_suppressions_block(page: Path) -> None:
    _, doc, _ = run_json("page.md")
    assert "suppressions" not in doc


def test_required_reason_missing_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".claimlint.yaml").write_text("require_suppression_reason: true\n")
    (tmp_path / "page.md").write_text(
        "<!-- claimlint-disable-next-line TX0401 -->\nguaranteed results\n\n"
        '<!-- claimlint-disable-next-line TX0401 reason="ok by legal" -->\nguaranteed results\n'
    )
    code, doc, _ = run_json("page.md")
    assert [(f["line"], f["code"], f["severity"]) for f in doc["findings"]] == [(1, "CL0001", "error")]
    assert code == 1  # the TX0401 warnings stay silenced, but the missing reason fails the run


def test_reasons_are_not_required_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("<!-- claimlint-disable-next-line TX0601 -->\nworld-class\n")
    code, doc, _ = run_json("page.md")
    assert (code, doc["findings"]) == (0, [])


def test_a_bad_expiry_date_fails_closed(page: Path) -> None:
    page.write_text("<!-- claimlint-disable-next-line TX0601 expires=2027-02-30 -->\nworld-class team\n")
    code, doc, _ = run_json("page.md")
    assert [(f["line"], f["code"]) for f in doc["findings"]] == [(1, "CL0003"), (2, "TX0601")]
    assert code == 1


def test_audit_codes_can_be_ignored_or_reconfigured(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    on(monkeypatch, "2030-01-01")
    _, doc, _ = run_json("--ignore", "CL0002", "page.md")
    assert [f["code"] for f in doc["findings"]] == ["TX0601", "TX0601"]
    (page.parent / ".claimlint.yaml").write_text("severity: {suppression-expired: error}\n")
    _, doc, _ = run_json("page.md")
    assert doc["findings"][0]["code"] == "CL0002" and doc["findings"][0]["severity"] == "error"


def test_plain_text_and_html_directives_carry_reasons_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    on(monkeypatch, "2030-01-01")
    (tmp_path / "a.txt").write_text("claimlint: disable-next-line TX0601 reason='ok' expires=2029-12-31\nworld-class\n")
    (tmp_path / "b.html").write_text(
        "<!-- claimlint-disable-next-line TX0601 reason=\"ok\" expires=2031-01-01 -->\n<p>world-class</p>\n"
    )
    _, doc, _ = run_json("--report-suppressions", "a.txt", "b.html")
    assert [(f["path"], f["code"]) for f in doc["findings"]] == [
        ("a.txt", "CL0002"), ("a.txt", "TX0601"),
    ]
    assert [(u["path"], u["status"], u["silenced"]) for u in doc["suppressions"]] == [
        ("a.txt", "expired", 0), ("b.html", "active", 1),
    ]


def test_the_result_cache_respects_expiry_dates(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = page.parent / "cache"
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(cache))
    on(monkeypatch, "2026-06-01")
    _, before, _ = run_json("page.md")
    on(monkeypatch, "2027-03-01")
    _, after, _ = run_json("page.md")
    assert cache.is_dir()
    assert [s["line"] for s in before["suppressed"]] == [4] and after["suppressed"] == []
