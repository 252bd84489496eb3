"""--write-baseline and --baseline: fail only on new findings; fingerprints ignore line numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimlint.baseline import normalise
from claimlint.cli import cli

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
PAGE = "# Team\n\nOur world-class team is here.\n\nWe promise guaranteed results.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", *args])
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run("--format", "json", *args)
    return code, json.loads(out)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "team.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "content" / "other.md").write_text("A world-class nurse.\n", encoding="utf-8")
    code, _, err = run("--write-baseline", "baseline.json", "content")
    assert code == 0 and "wrote 3 finding(s)" in err
    return tmp_path


def test_baseline_file_is_versioned_sorted_and_has_no_line_numbers(site: Path) -> None:
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "claimlint"
    entries = data["findings"]
    assert [(e["path"], e["code"]) for e in entries] == [
        ("content/other.md", "TX0601"), ("content/team.md", "TX0401"), ("content/team.md", "TX0601"),
    ]
    assert all(set(e) == {"path", "code", "fingerprint", "text", "sentence"} for e in entries)
    assert entries[1]["sentence"] == "We promise guaranteed results."


def test_unchanged_findings_pass(site: Path) -> None:
    code, doc = run_json("--baseline", "baseline.json", "content")
    assert code == 0
    assert doc["findings"] == []
    assert doc["baseline"] == {"path": "baseline.json", "new": 0, "unchanged": 3, "gone": []}


def test_edits_elsewhere_in_the_file_do_not_revive_findings(site: Path) -> None:
    page = site / "content" / "team.md"
    page.write_text("# New intro\n\nSome new, harmless text.\n\nMore text here.\n\n" + PAGE
                    + "\nA closing line.\n", encoding="utf-8")
    code, doc = run_json("--baseline", "baseline.json", "content")
    assert (code, doc["findings"], doc["baseline"]["new"]) == (0, [], 0)


def test_whitespace_case_and_punctuation_changes_keep_the_fingerprint(site: Path) -> None:
    page = site / "content" / "team.md"
    page.write_text("# Team\n\nOUR world-class   team is here!\n\nWe promise\nguaranteed results\n",
                    encoding="utf-8")
    code, doc = run_json("--baseline", "baseline.json", "content")
    assert (code, doc["findings"]) == (0, [])


def test_new_findings_fail_and_gone_ones_are_listed(site: Path) -> None:
    page = site / "content" / "team.md"
    page.write_text("# Team\n\nOur world-class team is here.\n\nA world-class new claim.\n",
                    encoding="utf-8")
    code, doc = run_json("--baseline", "baseline.json", "content")
    assert code == 1
    assert [(f["line"], f["code"]) for f in doc["findings"]] == [(5, "TX0601")]
    assert doc["baseline"]["new"] == 1 and doc["baseline"]["unchanged"] == 2
    assert [(g["path"], g["code"], g["text"]) for g in doc["baseline"]["gone"]] == [
        ("content/team.md", "TX0401", "guaranteed results"),
    ]
    code, out, _ = run("--baseline", "baseline.json", "content")
    assert "Baseline baseline.json: 1 new, 2 unchanged (not shown), 1 gone" in out
    assert "gone: content/team.md: TX0401 'guaranteed results'" in out


def test_a_repeated_sentence_is_a_new_finding(site: Path) -> None:
    (site / "content" / "other.md").write_text("A world-class nurse.\n\nA world-class nurse.\n")
    code, doc = run_json("--baseline", "baseline.json", "content")
    assert code == 1
    assert [(f["path"], f["line"]) for f in doc["findings"]] == [("content/other.md", 3)]


def test_files_not_linted_are_not_reported_as_gone(site: Path) -> None:
    # pre-commit passes only the changed files; the others' entries must not count as fixed.
    code, doc = run_json("--baseline", "baseline.json", "content/other.md")
    assert code == 0 and doc["baseline"]["gone"] == []


def test_baseline_and_write_baseline_together_only_shrink(site: Path) -> None:
    (site / "content" / "other.md").write_text("A nurse.\n")  # fixed
    (site / "content" / "team.md").write_text(PAGE + "\nHurry, a world-class offer!\n")  # two new
    code, _, _ = run("--baseline", "baseline.json", "--write-baseline", "baseline.json", "content")
    assert code == 1
    entries = json.loads((site / "baseline.json").read_text())["findings"]
    assert [(e["path"], e["code"]) for e in entries] == [
        ("content/team.md", "TX0401"), ("content/team.md", "TX0601"),
    ]


def test_paths_are_relative_to_the_baseline_file(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site / "content")
    code, doc = run_json("--baseline", "../baseline.json", ".")
    assert code == 0 and doc["baseline"]["unchanged"] == 3


def test_a_bad_baseline_is_a_usage_error(site: Path) -> None:
    (site / "bad.json").write_text('{"version": 99, "findings": []}')
    code, _, err = run("--baseline", "bad.json", "content")
    assert code == 2 and "not a claimlint baseline" in err
    code, _, err = run("--baseline", "missing.json", "content")
    assert code == 2 and "cannot read baseline" in err


def test_sarif_fingerprints_equal_baseline_fingerprints(site: Path) -> None:
    _, out, _ = run("--format", "sarif", "content")
    sarif = {r["partialFingerprints"]["claimlintSentence/v1"] for r in json.loads(out)["runs"][0]["results"]}
    recorded = {e["fingerprint"] for e in json.loads((site / "baseline.json").read_text())["findings"]}
    assert sarif == recorded


def test_normalise() -> None:
    assert normalise("  Our WORLD-class\n team, is here!! ") == "our world class team is here"
