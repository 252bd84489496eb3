from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import find_config, load_config
from claimlint.errors import ConfigError
from claimlint.rules import Severity


def test_yaml_config_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / ".claimlint.yaml").write_text("fail_on: warning\njurisdiction: kr\nignore: [CL06]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    path = find_config(deep)
    assert path == tmp_path / ".claimlint.yaml"
    config = load_config(path)
    assert config.fail_on is Severity.WARNING and config.jurisdiction == "kr" and config.ignore == ["CL06"]


def test_pyproject_section_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n\n[tool.claimlint]\nselect = ["CL04"]\n')
    config = load_config(find_config(tmp_path))
    assert config.select == ["CL04"]


def test_unknown_key_names_file_line_and_suggestion(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("fail_on: error\nignor: [CL04]\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:2:")
    assert "unknown config key 'ignor' (did you mean 'ignore'?)" in str(info.value)


def test_bad_value_in_pyproject_has_line(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool.claimlint]\nselect = ["CL04"]\nfail_on = "sometimes"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:3:1:") and "'fail_on' must be" in str(info.value)


def test_excludes_and_per_file_ignores(tmp_path: Path) -> None:
    path = tmp_path / ".claimlint.yaml"
    path.write_text("exclude: ['drafts/*']\nper_file_ignores:\n  'legal/*.md': [CL0401]\n")
    config = load_config(path)
    assert config.excluded(Path("drafts/a.md"))
    assert config.excluded(Path("x/node_modules/a.md"))
    assert not config.excluded(Path("pages/a.md"))
    assert config.ignored_for("legal/terms.md") == ["CL0401"]
