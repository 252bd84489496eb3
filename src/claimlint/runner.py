"""Find the files to lint, read them, and lint each one (cached, optionally in parallel)."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimlint.cache import Cache
from claimlint.config import DEFAULT_EXCLUDES, Config
from claimlint.errors import ClaimlintError, InputError
from claimlint.extract import decode, format_for
from claimlint.findings import FileResult
from claimlint.report import Report

# Below this many files to lint, forking workers costs more than it saves.
MIN_FILES_PER_WORKER = 8


@dataclass(frozen=True)
class Target:
    """A file to lint and the format to read it as."""

    path: Path
    fmt: str
    shown: str


def discover(paths: Iterable[str], config: Config) -> list[Target]:
    """Expand files and directories into lint targets; a missing path is an error."""
    targets: list[Target] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise ClaimlintError(f"{raw}: no such file or directory")
        if path.is_dir():
            for child in sorted(_walk(path, config)):
                fmt = format_for(str(child))
                if fmt and child not in seen:
                    seen.add(child)
                    targets.append(Target(child, fmt, str(child)))
        elif path not in seen:
            seen.add(path)
            targets.append(Target(path, format_for(raw, "text") or "text", raw))
    return targets


def _walk(root: Path, config: Config) -> Iterable[Path]:
    # A directory is entered only if it passed, so the default directory names need checking
    # only on each entry's own name (a site has thousands); exclude patterns see the whole path.
    if any(part in DEFAULT_EXCLUDES for part in root.parts):
        return
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            path = directory / entry.name
            if entry.name in DEFAULT_EXCLUDES:
                continue
            if config.exclude and (config.excluded(path.relative_to(root)) or config.excluded(path)):
                continue
            if entry.is_dir():
                stack.append(path)
            elif entry.is_file():
                yield path


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


_WORKER_LINTER: Any = None


def _lint_in_worker(item: tuple[str, str, str]) -> FileResult:
    path, source, fmt = item
    result: FileResult = _WORKER_LINTER.lint_source(path, source, fmt)
    return replace(result, source="")


def lint_targets(
    targets: list[Target],
    linter: Any,
    report: Report,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    settings: str = "",
) -> None:
    """Lint each target into the report; unreadable files become per-file errors.

    Results come back in target order whatever ``jobs`` is, and are identical with or without
    the cache: a cached result was produced by the same file bytes under the same settings.
    """
    results: list[FileResult | None] = [None] * len(targets)
    pending: list[tuple[int, str, str, str, str | None]] = []
    _read_targets(targets, cache, settings, results, pending)
    # Cached results carry their JSON text, so a warm run renders nothing again (output/json.py).
    from claimlint.output.json import prerendered

    for (i, _, source, _, key), result in zip(pending, _lint_all(pending, linter, jobs), strict=True):
        if cache and key:
            result = prerendered(result)
            cache.store_result(key, replace(result, source=""))
        results[i] = replace(result, source=source)
    report.files.extend(r for r in results if r is not None)


def _read_targets(
    targets: list[Target],
    cache: Cache | None,
    settings: str,
    results: list[FileResult | None],
    pending: list[tuple[int, str, str, str, str | None]],
) -> None:
    """Fill in unreadable files and cached results; queue the rest for linting."""
    for i, target in enumerate(targets):
        try:
            data = target.path.read_bytes()
        except OSError as exc:
            results[i] = FileResult(target.shown, error=f"cannot read file: {exc.strerror or exc}")
            continue
        try:
            source = decode(data, target.shown)
        except InputError as exc:
            results[i] = FileResult(target.shown, error=str(exc).split(": ", 1)[-1])
            continue
        key = cache.result_key(data, target.shown, target.fmt, _dated(settings, data)) if cache else None
        cached = cache.load_result(key) if cache and key else None
        if isinstance(cached, FileResult):
            results[i] = replace(cached, source=source)
            continue
        pending.append((i, target.shown, source, target.fmt, key))


def _lint_all(pending: list[tuple[int, str, str, str, str | None]], linter: Any, jobs: int) -> list[FileResult]:
    items = [(shown, source, fmt) for _, shown, source, fmt, _ in pending]
    workers = min(jobs, len(items) // MIN_FILES_PER_WORKER)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [linter.lint_source(*item) for item in items]
    global _WORKER_LINTER
    _WORKER_LINTER = linter
    linter.compiled.ensure_all()  # compile once here; forked workers inherit the matchers
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        return pool.map(_lint_in_worker, items, chunksize=max(1, len(items) // (workers * 4)))


def _dated(settings: str, data: bytes) -> str:
    """Settings for the cache key; a file with an expiring suppression also depends on the date."""
    if b"expires=" not in data:
        return settings
    from claimlint import suppress

    return f"{settings}:{suppress.today().isoformat()}"


def lint_stdin(filename: str, linter: Any, report: Report) -> None:
    """Lint standard input, reported as ``filename`` and read in that file's format."""
    data = sys.stdin.buffer.read()
    try:
        source = decode(data, filename)
    except InputError as exc:
        report.files.append(FileResult(filename, error=str(exc).split(": ", 1)[-1]))
        return
    report.files.append(linter.lint_source(filename, source, format_for(filename, "text") or "text"))
