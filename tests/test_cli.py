"""The command line through click's runner (in process) and `python -m claimlint`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint import __version__
from claimlint.cli import cli, main

from .conftest import FIXTURES, ROOT

PACK = str(FIXTURES / "basic-pack.yaml")


def run(args: list[str], input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text("# Offer\n\nWe guarantee results for everyone: guaranteed results!\n")
    (tmp_path / "clean.txt").write_text("Our clinic opens at nine.\n")
    (tmp_path / "empty.html").write_text("")
    (tmp_path / "notes.rst").write_text("guaranteed results\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("guaranteed results\n")
    return tmp_path


def test_version() -> None:
    code, out, _ = run(["--version"])
    assert code == 0 and __version__ in out


def test_python_dash_m_works() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimlint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_concise_output_and_exit_code(files: Path) -> None:
    code, out, _ = run(["check", str(files), "--rules", PACK, "--select", "TS", "--format", "concise"])
    assert code == 1
    assert out.splitlines() == [
        f"{files / 'bad.md'}:3:4: error TS0401 “guarantee results” is a guarantee.",
        f"{files / 'bad.md'}:3:36: error TS0401 “guaranteed results” is a guarantee.",
    ]


def test_json_schema(files: Path) -> None:
    code, out, _ = run(["check", str(files / "bad.md"), "--rules", PACK, "--select", "TS", "--format", "json"])
    data = json.loads(out)
    assert code == 1 and data["version"] == 1 and data["tool"] == {"name": "claimlint", "version": __version__}
    f = data["findings"][0]
    assert len(data["findings"]) == 2
    assert set(f) >= {
        "path",
        "code",
        "name",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "scope",
        "suggestions",
    }
    assert f["scope"] == "span" and f["suggestions"] == [
        {"replacement": "results that vary", "applicability": "unsafe", "title": ""}
    ]
    assert data["errors"] == [] and data["summary"]["by_severity"]["error"] == 2


def test_fail_on_controls_exit_code(files: Path) -> None:
    base = ["check", str(files / "bad.md"), "--rules", PACK, "--select", "TS0401"]
    assert run([*base, "--fail-on", "error"])[0] == 1
    (files / ".claimlint.yaml").write_text("severity: {TS0401: warning}\n")
    assert run([*base, "--config", str(files / ".claimlint.yaml")])[0] == 0
    assert run([*base, "--config", str(files / ".claimlint.yaml"), "--fail-on", "warning"])[0] == 1


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(["check", str(tmp_path / "nope.md")])
    assert code == 2 and "no such file or directory" in err


def test_unreadable_file_is_reported_and_others_still_linted(files: Path) -> None:
    (files / "photo.md").write_bytes(b"\x89PNG\x00\x00binary")
    (files / "latin1.txt").write_bytes(b"caf\xe9 guaranteed results")
    code, out, err = run(["check", str(files), "--rules", PACK, "--select", "TS", "--format", "json"])
    data = json.loads(out)
    assert code == 2
    assert {Path(e["path"]).name for e in data["errors"]} == {"photo.md", "latin1.txt"}
    assert any("binary" in e["message"] for e in data["errors"])
    assert {Path(f["path"]).name for f in data["findings"]} == {"bad.md"}
    assert "photo.md" in err


def test_unknown_extension_linted_only_when_named(files: Path) -> None:
    code, out, _ = run(["check", str(files / "notes.rst"), "--rules", PACK, "--select", "TS", "--format", "concise"])
    assert code == 1 and "notes.rst:1:1" in out


def test_stdin_with_filename_picks_format(tmp_path: Path) -> None:
    code, out, _ = run(
        ["check", "-", "--stdin-filename", "page.md", "--rules", PACK, "--select", "TS", "--format", "concise"],
        input="<!-- guaranteed results -->\n`guaranteed results`\n",
    )
    assert code == 0 and out == ""
    code, out, _ = run(
        ["check", "-", "--stdin-filename", "page.md", "--rules", PACK, "--select", "TS", "--format", "concise"],
        input="guaranteed results\n",
    )
    assert code == 1 and out.startswith("page.md:1:1: error TS0401")


def test_broken_pack_exits_2_with_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((FIXTURES / "basic-pack.yaml").read_text().replace("severity: error", "severity: eror", 1))
    assert main(["check", str(FIXTURES / "basic-pack.yaml"), "--rules", str(bad)]) == 2
    code, _, err = run(["test-rules", str(bad)])
    assert code == 2 or "severity must be" in err


def test_text_report_shows_line_match_and_suggestion(files: Path) -> None:
    code, out, _ = run(["check", str(files / "bad.md"), "--rules", PACK, "--select", "TS", "--color", "never"])
    assert code == 1
    assert "bad.md:3:36" in out and "TS0401" in out
    assert "We guarantee results for everyone: guaranteed results!" in out
    assert "rewrite (unsafe): results that vary" in out
    assert "2 error(s), 0 warning(s)" in out


def test_no_color_env_is_respected(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(["check", str(files / "bad.md"), "--rules", PACK, "--select", "TS", "--color", "auto"])
    assert "\x1b[" not in out


def test_rules_and_explain(tmp_path: Path) -> None:
    code, out, _ = run(["rules", "--rules", PACK, "--format", "json"])
    rows = {r["code"]: r for r in json.loads(out)}
    assert (
        code == 0 and rows["TS0401"]["category"] == "guarantee_certainty" and rows["TS0401"]["pack"] == "fixture-basic"
    )
    code, out, _ = run(["explain", "TS0201", "--rules", PACK])
    assert code == 0
    for part in (
        "What it catches",
        "Why it matters",
        "»treat arthritis«",
        "Arthritis is common.",
        "is being studied for",
        "https://example.org/fda",
    ):
        assert part in out
    code, _, err = run(["explain", "NOPE9999", "--rules", PACK])
    assert code == 2 and "no rule" in err


def test_test_rules_reports_pass_and_fail(tmp_path: Path) -> None:
    code, out, _ = run(["test-rules", PACK])
    assert code == 0 and "passed, 0 failed" in out
    broken = tmp_path / "p.yaml"
    broken.write_text(
        (FIXTURES / "basic-pack.yaml")
        .read_text()
        .replace('["We promise [[guaranteed results]]."]', '["We [[promise]] guaranteed results."]')
    )
    code, out, _ = run(["test-rules", str(broken)])
    assert code == 1 and "FAIL TS0401-fail-1" in out and "missed 'promise'" in out


def test_rule_directory_is_found_from_repo_checkout() -> None:
    from claimlint.engine import builtin_rule_dir

    assert (builtin_rule_dir() / "lexicons.yaml").is_file()
    assert builtin_rule_dir().resolve() in (ROOT / "rules", ROOT / "src" / "claimlint" / "rules")
