"""The pre-commit hook, run by the real `pre-commit try-repo` in a throwaway git repository."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT

# The venv's pre-commit, also when CI runs `.venv/bin/python -m pytest` without the venv on PATH.
PRE_COMMIT = (
    [sys.executable, "-m", "pre_commit"] if importlib.util.find_spec("pre_commit")
    else [found] if (found := shutil.which("pre-commit")) else None
)
GIT = shutil.which("git")
# What the hook repository needs to install claimlint: pip builds it from these.
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "rules")
VIOLATION = "# Treatments\n\nOur stem cell injections are completely safe and risk-free.\n\nA world-class team.\n"
CLEAN = "# Opening hours\n\nOur clinic is open from Monday to Friday, nine to five.\n"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PRE_COMMIT is None or GIT is None, reason="needs pre-commit and git"),
]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([str(GIT), *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home / "cache"), GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
               GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return env


def _checkout_is_complete() -> bool:
    """Whether try-repo on the checkout sees every project file (untracked ones it would miss)."""
    try:
        status = git("status", "--porcelain", "--untracked-files=all", "--", *PROJECT_FILES, cwd=ROOT)
        git("rev-parse", "--verify", "HEAD", cwd=ROOT)
    except (subprocess.CalledProcessError, OSError):
        return False
    return not any(line.startswith("??") for line in status.splitlines())


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """This checkout; or, while new files are not yet committed, a committed snapshot of it."""
    if _checkout_is_complete():
        yield ROOT
        return
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot)
    git("add", ".", cwd=snapshot)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "snapshot", cwd=snapshot)
    yield snapshot


@pytest.fixture
def site(tmp_path: Path) -> Path:
    repo = tmp_path / "site"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    git("config", "user.name", "Test", cwd=repo)
    git("config", "user.email", "test@example.org", cwd=repo)
    # An extra rule pack, so the violation does not depend on the built-in rules alone.
    shutil.copy2(FIXTURES / "ci-pack.yaml", repo / "ci-pack.yaml")
    (repo / ".claimlint.yaml").write_text(yaml.safe_dump({"rule_paths": ["ci-pack.yaml"]}))
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "config", cwd=repo)
    return repo


def try_repo(repo: Path, hook_repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    return subprocess.run([*PRE_COMMIT, "try-repo", str(hook_repo), "claimlint", "--color", "never"],
                          cwd=repo, env=_env(home), capture_output=True, text=True, timeout=900)


def test_manifest_declares_the_hook() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("claimlint", "claimlint check", "python")
    assert hook["types_or"] == ["markdown", "html", "plain-text"]


def test_violating_file_fails_and_clean_file_passes(site: Path, hook_repo: Path, tmp_path: Path) -> None:
    (site / "treatments.md").write_text(VIOLATION, encoding="utf-8")
    (site / "notes.py").write_text("# A world-class comment that is not copy.\n", encoding="utf-8")
    git("add", "treatments.md", "notes.py", cwd=site)
    failed = try_repo(site, hook_repo, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "claimlint" in failed.stdout and "Failed" in failed.stdout
    assert "treatments.md:5:3" in failed.stdout and "TX0601" in failed.stdout
    assert "notes.py" not in failed.stdout  # only Markdown, HTML and plain-text files are linted

    git("rm", "-q", "--cached", "treatments.md", "notes.py", cwd=site)
    (site / "hours.md").write_text(CLEAN, encoding="utf-8")
    git("add", "hours.md", cwd=site)
    passed = try_repo(site, hook_repo, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
