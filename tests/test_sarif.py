"""--format sarif: schema-valid SARIF 2.1.0 with rule metadata, regions, fingerprints and fixes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimlint.cli import cli

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
PAGE = "# Team\n\nOur world-class team.\n\nWe promise guaranteed results. Hurry!\n"


def sarif(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "sarif", *args])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "our team.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "clean.txt").write_text("Our clinic opens at nine.\n", encoding="utf-8")
    (tmp_path / "docs" / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    return tmp_path


def test_output_validates_against_the_sarif_schema(site: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not available")
    _, log = sarif("docs")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == 3


def test_output_with_audit_findings_and_no_results_also_validates(site: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not available")
    (site / "docs" / "our team.md").write_text("<!-- claimlint-disable-next-line TX0601 expires=2000-01-01 -->\nhi\n")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    _, log = sarif("docs/our team.md")
    jsonschema.Draft7Validator(schema).validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["CL0002"]
    _, log = sarif("docs/clean.txt")
    jsonschema.Draft7Validator(schema).validate(log)
    assert log["runs"][0]["results"] == []


def test_rules_carry_descriptions_help_and_help_uri(site: Path) -> None:
    _, log = sarif("docs")
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["TX0601"]
    assert rule["name"] == "ci-world-class"
    assert rule["shortDescription"]["text"] == "Ci world class (superlative or exclusivity claim)"
    assert rule["fullDescription"]["text"] == "Superlatives about a clinic cannot be substantiated."
    assert rule["helpUri"] == "https://example.org/asa?a=1&b=2"
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert "experienced (safe rewrite)" in rule["help"]["text"]
    assert "Name the team's actual qualifications." in rule["help"]["text"]
    assert "[ASA superlatives guidance](https://example.org/asa?a=1&b=2)" in rule["help"]["markdown"]
    assert "[Second reference](https://example.org/second)" in rule["help"]["markdown"]
    assert "“experienced”" in rule["help"]["markdown"]
    assert rules["TX0401"]["defaultConfiguration"] == {"level": "warning"}
    assert rules["TX1601"]["defaultConfiguration"] == {"level": "note"}


def test_results_have_levels_regions_and_relative_uris(site: Path) -> None:
    _, log = sarif("docs")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("TX0601", "error"), ("TX0401", "warning"), ("TX1601", "note"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    first = results[0]
    assert first["message"]["text"] == "“world-class” is a superlative nobody can prove."
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/our%20team.md"
    region = location["region"]
    start = PAGE.index("world-class")
    assert {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength")} == {
        "startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 16, "charOffset": start, "charLength": 11,
    }
    assert region["snippet"]["text"] == "world-class"
    assert run["columnKind"] == "unicodeCodePoints"


def test_unreadable_files_become_notifications(site: Path) -> None:
    code, log = sarif("docs")
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "docs/broken.txt" in note["message"]["text"]
    assert code == 2


def test_partial_fingerprints_ignore_line_numbers(site: Path) -> None:
    def prints() -> list[str]:
        _, log = sarif("docs/our team.md")
        return [r["partialFingerprints"]["claimlintSentence/v1"] for r in log["runs"][0]["results"]]

    before = prints()
    (site / "docs" / "our team.md").write_text("# Intro\n\nNew text.\n\n" + PAGE, encoding="utf-8")
    assert prints() == before
    assert len(set(before)) == 3


def test_fixes_only_for_safe_suggestions(site: Path) -> None:
    _, log = sarif("docs")
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert "fixes" not in by_rule["TX0401"] and "fixes" not in by_rule["TX1601"]
    [fix] = by_rule["TX0601"]["fixes"]
    assert fix["description"]["text"] == "Describe the team plainly"
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "docs/our%20team.md"
    [replacement] = change["replacements"]
    assert replacement["insertedContent"] == {"text": "experienced"}
    region = replacement["deletedRegion"]
    assert PAGE[region["charOffset"]:region["charOffset"] + region["charLength"]] == "world-class"


def test_output_option_writes_sarif_to_a_file(site: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "sarif",
                                      "--output", "out.sarif", "docs/our team.md"])
    assert result.stdout == ""
    assert json.loads((site / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert result.exit_code == 1
