"""--fix, --unsafe-fixes and --diff: which rewrites apply, and the bytes of the fixed files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.fixes import Edit, apply_edits, non_overlapping

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
BOM = b"\xef\xbb\xbf"

# Two safe rewrites whose spans overlap: "world-class" inside "world-class team".
OVERLAP_PACK = """\
schema: 1
pack: fixture-overlap
description: Overlapping safe rewrites.
language: en
rules:
  - code: TY0601
    name: overlap-word
    category: superlative_exclusivity
    severity: error
    message: "“{match}” is a superlative."
    why: Superlatives cannot be proven.
    references: [{title: Guide, url: "https://example.org/guide"}]
    patterns: [{phrases: [world-class]}]
    suggestions: [{replace: experienced, applicability: safe}]
    examples: {fail: ["A [[world-class]] clinic."], pass: ["A clinic."]}
  - code: TY0602
    name: overlap-phrase
    category: superlative_exclusivity
    severity: error
    message: "“{match}” is a superlative."
    why: Superlatives cannot be proven.
    references: [{title: Guide, url: "https://example.org/guide"}]
    patterns: [{phrases: [world-class team]}]
    suggestions: [{replace: our specialists, applicability: safe}]
    examples: {fail: ["A [[world-class team]]."], pass: ["A team."]}
"""


def run(args: list[str], input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", *args], input=input)
    return result.exit_code, result.stdout_bytes.decode(), result.stderr


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_fix_applies_only_safe_rewrites_and_relints(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Our world-class team offers guaranteed results. Hurry!\n", encoding="utf-8")
    code, out, err = run(["--fix", "--format", "concise", "page.md"])
    assert page.read_text(encoding="utf-8") == "Our experienced team offers guaranteed results. Hurry!\n"
    assert "fixed 1 finding(s) in 1 file(s)" in err
    # The report is of the fixed file: the unsafe and advice-only findings remain, TX0601 is gone.
    assert "TX0401" in out and "TX1601" in out and "TX0601" not in out
    assert code == 0  # what is left is a warning and an info


def test_unsafe_fixes_also_apply_unsafe_but_never_advice(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Our world-class team offers guaranteed results. Hurry!\n", encoding="utf-8")
    code, out, _ = run(["--fix", "--unsafe-fixes", "--format", "concise", "page.txt"])
    assert page.read_text(encoding="utf-8") == (
        "Our experienced team offers results that vary from patient to patient. Hurry!\n"
    )
    assert "TX1601" in out and "TX0401" not in out
    assert code == 0


def test_unsafe_fixes_alone_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("world-class\n")
    code, _, err = run(["--unsafe-fixes", "a.txt"])
    assert code == 2 and "--fix or --diff" in err


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    original = b"# Team\n\nOur world-class team.\n"
    page.write_bytes(original)
    code, out, err = run(["--diff", "page.md"])
    assert page.read_bytes() == original
    assert out.splitlines() == [
        "--- a/page.md", "+++ b/page.md", "@@ -1,3 +1,3 @@", " # Team", " ", "-Our world-class team.",
        "+Our experienced team.",
    ]
    assert "would fix 1 finding(s)" in err
    assert code == 1


def test_diff_with_nothing_to_fix_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("Our experienced team.\n")
    code, out, _ = run(["--diff", "ok.md"])
    assert (code, out) == (0, "")


def test_crlf_line_endings_are_kept_byte_for_byte(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"# Team\r\n\r\nOur world-class team.\r\n\r\nA world-class nurse.\r\n")
    code, _, _ = run(["--fix", "page.md"])
    assert page.read_bytes() == b"# Team\r\n\r\nOur experienced team.\r\n\r\nA experienced nurse.\r\n"
    assert code == 0


def test_bom_and_non_ascii_are_kept_byte_for_byte(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = "Café naïve — our world-class 医生 team, €50.\nÜber world-class.\n"
    page.write_bytes(BOM + text.encode("utf-8"))
    run(["--fix", "page.txt"])
    expected = "Café naïve — our experienced 医生 team, €50.\nÜber experienced.\n"
    assert page.read_bytes() == BOM + expected.encode("utf-8")


def test_no_bom_is_added_when_the_file_had_none(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("naïve world-class\n".encode())
    run(["--fix", "page.txt"])
    assert page.read_bytes() == "naïve experienced\n".encode()


def test_fixing_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_bytes(b"Our world-class team.\r\nguaranteed results\r\n")
    run(["--fix", "page.md"])
    once = page.read_bytes()
    before = page.stat().st_mtime_ns
    _, _, err = run(["--fix", "page.md"])
    assert page.read_bytes() == once
    assert page.stat().st_mtime_ns == before  # not even rewritten
    assert "fixed 0 finding(s) in 0 file(s)" in err


def test_write_is_atomic_and_keeps_permissions(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Our world-class team.\n")
    os.chmod(page, 0o640)
    inode = page.stat().st_ino
    run(["--fix", "page.md"])
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert page.stat().st_ino != inode  # replaced by a new file, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.md"]  # no temporary file left


def test_stdin_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    code, out, err = run(["--fix", "--stdin-filename", "page.md", "-"],
                         input=b"Our world-class team.\r\nguaranteed results\r\n")
    assert out == "Our experienced team.\r\nguaranteed results\r\n"
    assert "TX0401" in err  # the report of what is left goes to stderr
    assert code == 0


def test_stdin_fix_keeps_a_bom(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--fix", "-"],
                                input=BOM + "naïve world-class\n".encode())
    assert result.stdout_bytes == BOM + "naïve experienced\n".encode()


def test_overlapping_fixes_are_never_applied_together(tmp_path: Path) -> None:
    pack = tmp_path / "overlap.yaml"
    pack.write_text(OVERLAP_PACK, encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Meet our world-class team today.\n")
    result = CliRunner().invoke(cli, ["check", "--rules", str(pack), "--select", "TY", "--fix", "page.md"])
    # One of the two rewrites wins; the other is re-checked on the fixed text and no longer matches.
    assert page.read_text() == "Meet our experienced team today.\n"
    assert result.exit_code == 0


def test_non_overlapping_keeps_the_first_of_overlapping_edits() -> None:
    edits = [Edit(4, 20, "B", "X2"), Edit(4, 15, "A", "X1"), Edit(15, 20, "C", "X3"), Edit(30, 35, "D", "X4")]
    assert [e.text for e in non_overlapping(edits)] == ["A", "C", "D"]
    assert [e.text for e in non_overlapping([Edit(3, 3, "x", "a"), Edit(3, 3, "y", "b")])] == ["x"]


def test_apply_edits_replaces_spans_in_order() -> None:
    assert apply_edits("one two three", [Edit(0, 3, "1", "a"), Edit(8, 13, "3", "b")]) == "1 two 3"
