"""--format junit: XML that parses, a suite per file, a failing case per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import cli

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")


def junit(*args: str) -> tuple[int, ET.Element]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "junit", *args])
    return result.exit_code, ET.fromstring(result.stdout_bytes)


@pytest.fixture(autouse=True)
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.md").write_text("Our world-class team <&> \"you\".\n\nguaranteed results\n")
    (tmp_path / "clean.md").write_text("Our clinic opens at nine.\n")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe")
    return tmp_path


def test_suites_cases_and_counts() -> None:
    code, root = junit("bad.md", "clean.md", "broken.txt")
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["bad.md", "clean.md", "broken.txt"]
    bad = suites["bad.md"]
    assert (bad.get("tests"), bad.get("failures")) == ("2", "2")
    cases = bad.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "TX0601 ci-world-class at line 1, column 5", "TX0401 ci-guarantee at line 3, column 1",
    ]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "“world-class” is a superlative nobody can prove."
    assert failure.get("type") == "error TX0601"
    assert failure.text is not None
    assert "Rewrite (safe): experienced" in failure.text
    assert 'In: Our world-class team <&> "you".' in failure.text
    assert code == 2


def test_a_clean_file_is_a_passing_case() -> None:
    code, root = junit("clean.md")
    [suite] = root.findall("testsuite")
    [case] = suite.findall("testcase")
    assert case.get("name") == "no claims found"
    assert list(case) == []
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")
    assert code == 0


def test_an_unreadable_file_is_an_error_case() -> None:
    _, root = junit("broken.txt")
    error = root.find("testsuite/testcase/error")
    assert error is not None and "UTF-8" in (error.get("message") or "")


def test_control_characters_in_copy_still_give_valid_xml(site: Path) -> None:
    (site / "odd.txt").write_text("Our world-class\x0b team\x01.\n")
    _, root = junit("odd.txt")
    assert root.find("testsuite/testcase/failure") is not None


def test_output_option_writes_the_xml(site: Path) -> None:
    CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "junit",
                             "-o", "junit.xml", "bad.md"])
    assert ET.parse(site / "junit.xml").getroot().get("failures") == "2"
