"""--format github: workflow-command annotations, escaping, and `auto` under GitHub Actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.output.github import escape_data, escape_property

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
PAGE = "# Team\n\nOur world-class team.\n\nWe promise guaranteed results. Hurry!\n"


def run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", *args])
    return result.exit_code, result.stdout.splitlines()


@pytest.fixture(autouse=True)
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_escape_data_and_property() -> None:
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"


def test_one_annotation_per_finding_with_severity_commands() -> None:
    code, lines = run("--format", "github", "page.md")
    assert lines[0] == (
        "::error file=page.md,line=3,col=5,endLine=3,endColumn=16,title=TX0601::"
        "“world-class” is a superlative nobody can prove.%0ASuggested rewrite: experienced"
        "%0AAdvice: Name the team's actual qualifications."
    )
    assert lines[1].startswith("::warning file=page.md,line=5,col=12,endLine=5,endColumn=30,title=TX0401::")
    assert lines[2].startswith("::notice file=page.md,line=5,col=32,endLine=5,endColumn=37,title=TX1601::")
    assert lines[3] == "claimlint: 1 error(s), 1 warning(s), 1 info in 1 file(s)"
    assert code == 1


def test_file_names_are_escaped_in_properties(tmp_path: Path) -> None:
    (tmp_path / "a,b:c.md").write_text("world-class\n")
    _, lines = run("--format", "github", "a,b:c.md")
    assert lines[0].startswith("::error file=a%2Cb%3Ac.md,line=1,col=1,")


def test_unreadable_file_is_an_error_annotation(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    code, lines = run("--format", "github", "bad.txt")
    assert lines[0].startswith("::error file=bad.txt,title=claimlint::not valid UTF-8")
    assert code == 2


def test_auto_is_github_under_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, lines = run("page.md")
    assert lines[0].startswith("::error file=page.md,")


def test_auto_is_text_elsewhere() -> None:
    _, lines = run("page.md")
    assert lines[0] == "page.md"
    assert not any(line.startswith("::") for line in lines)
