"""The installed `claimlint` executable on the real seed documents (nothing is installed here)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def claimlint_executable() -> str:
    candidate = Path(sys.executable).parent / "claimlint"
    found = str(candidate) if candidate.exists() else shutil.which("claimlint")
    if not found:
        pytest.skip("claimlint is not installed as an executable")
    return found


def test_json_output_on_seeds_follows_the_schema(shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    proc = subprocess.run(
        [claimlint_executable(), "check", "--format", "json", *map(str, seeds)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"version", "tool", "findings", "errors", "summary"}
    assert data["version"] == 1 and data["tool"]["name"] == "claimlint"
    assert data["errors"] == [] and data["findings"]
    texts = {str(p): p.read_text(encoding="utf-8") for p in seeds}
    for f in data["findings"]:
        assert f["severity"] in ("error", "warning", "info") and f["scope"] in ("span", "document")
        assert texts[f["path"]][f["start"] : f["end"]] == f["text"]
        line = texts[f["path"]].split("\n")[f["line"] - 1]
        assert line[f["column"] - 1 :].startswith(f["text"].split("\n")[0])
        for s in f["suggestions"]:
            assert s["applicability"] in ("safe", "unsafe", "display") and s["replacement"]
    assert data["summary"]["files"] == 3
