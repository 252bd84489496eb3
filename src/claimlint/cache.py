"""On-disk caches in `.claimlint_cache/`: validated rule packs, and lint results per file.

Packs are keyed by claimlint's version and each pack file's path, size and modification time.
Results are keyed by the file's bytes, its path and format, and a fingerprint of everything that
can change a finding: claimlint's version, the pack contents and the effective configuration.
A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from claimlint import __version__

CACHE_DIR_NAME = ".claimlint_cache"
_PICKLE_PROTOCOL = 5
PACKS_FORMAT = "packs-v2"  # bump when the pickled RulePack's shape changes
RESULT_FORMAT = "results-v2"  # bump when the cached FileResult's shape changes


def cache_dir(root: Path) -> Path:
    """The cache directory for a project root (overridable with CLAIMLINT_CACHE_DIR)."""
    override = os.environ.get("CLAIMLINT_CACHE_DIR")
    return Path(override) if override else root / CACHE_DIR_NAME


def _read(path: str | Path) -> Any:
    # Unpickling tens of thousands of (acyclic) objects would otherwise trigger the cyclic
    # garbage collector every few hundred of them: a third of the loading time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    finally:
        if was_enabled:
            gc.enable()


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=_PICKLE_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return


def _mark_ignored(directory: Path) -> None:
    """Keep the cache out of version control, as ruff and pytest do."""
    marker = directory / ".gitignore"
    if not marker.exists():
        try:
            directory.mkdir(parents=True, exist_ok=True)
            marker.write_text("# Automatically created by claimlint.\n*\n", encoding="utf-8")
        except OSError:
            return


def packs_key(paths: list[Path]) -> str:
    """A key that changes when claimlint or any pack file changes."""
    digest = hashlib.sha256(f"{PACKS_FORMAT}:{__version__}".encode())
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path}:missing".encode())
            continue
        digest.update(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


class Cache:
    """Pack and result storage under one directory; every method tolerates failure."""

    def __init__(self, directory: Path, enabled: bool = True) -> None:
        self.directory = directory
        self.enabled = enabled

    def load(self, kind: str, key: str) -> Any:
        """A cached value of one kind ('packs', 'prefilter'), or None."""
        if not self.enabled:
            return None
        return _read(self.directory / kind / f"{key}.pickle")

    def store(self, kind: str, key: str, value: Any) -> None:
        """Remember a value of one kind."""
        if self.enabled:
            _mark_ignored(self.directory)
            _write(self.directory / kind / f"{key}.pickle", value)

    @staticmethod
    def result_key(data: bytes, path: str, fmt: str, settings: str) -> str:
        """Key for one file's result under one settings fingerprint."""
        digest = hashlib.sha256(data)
        digest.update(f"\0{path}\0{fmt}\0{settings}".encode())
        return digest.hexdigest()

    def load_result(self, key: str) -> Any:
        """A cached result, or None."""
        if not self.enabled:
            return None
        return _read(self._result_path(key))

    def store_result(self, key: str, result: Any) -> None:
        """Remember a file's result."""
        if self.enabled:
            _mark_ignored(self.directory)
            _write(Path(self._result_path(key)), result)

    def _result_path(self, key: str) -> str:
        # A string path: os.path.join is cheaper than Path operators, once per file of a warm run.
        return os.path.join(self.directory, "results", key[:2], key + ".pickle")


def settings_fingerprint(packs_fingerprint: str, config: Any, use_context: bool) -> str:
    """Everything besides the file itself that can change its findings."""
    parts = [
        RESULT_FORMAT,
        __version__,
        packs_fingerprint,
        repr(sorted(config.select)),
        repr(sorted(config.ignore)),
        repr(sorted(config.severity.items())),
        repr(sorted((k, tuple(v)) for k, v in config.per_file_ignores.items())),
        repr(config.jurisdiction),
        repr(config.require_suppression_reason),
        repr(use_context),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
