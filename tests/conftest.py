"""Shared fixtures: a linter over a small fixture pack, and paths to shared/ material."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.packs import load_packs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = ROOT.parent / "shared"


def linter_with(tmp_path: Path, old: str, new: str) -> Linter:
    """A linter over the fixture pack with one piece of its YAML rewritten."""
    text = (FIXTURES / "basic-pack.yaml").read_text()
    assert old in text, old
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace(old, new))
    return Linter(Config(), load_packs([path]))


@pytest.fixture(scope="session")
def fixture_linter() -> Linter:
    """A linter that runs only the fixture pack."""
    return Linter(Config(), load_packs([FIXTURES / "basic-pack.yaml"]))


@pytest.fixture(scope="session")
def builtin_linter() -> Linter:
    """A linter with every built-in pack and the default configuration."""
    return Linter(Config())


@pytest.fixture
def shared() -> Path:
    """The shared/ directory next to the repository (skips when absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_tree(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep .claimlint_cache out of the directories tests inspect."""
    import os

    os.environ["CLAIMLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("claimlint-cache"))
