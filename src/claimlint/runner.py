"""Find the files to lint, read them, and lint each one, collecting a Report."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimlint.config import Config
from claimlint.errors import ClaimlintError, InputError
from claimlint.extract import decode, format_for, read_source
from claimlint.findings import FileResult
from claimlint.report import Report


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
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = list(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            rel = entry.relative_to(root) if entry != root else entry
            if config.excluded(rel) or config.excluded(entry):
                continue
            if entry.is_dir():
                stack.append(entry)
            elif entry.is_file():
                yield entry


def lint_targets(targets: list[Target], linter: object, report: Report) -> None:
    """Lint each target into the report; unreadable files become per-file errors."""
    from claimlint.engine import Linter

    assert isinstance(linter, Linter)
    for target in targets:
        try:
            source = read_source(target.path)
        except InputError as exc:
            report.files.append(FileResult(target.shown, error=str(exc).split(": ", 1)[-1]))
            continue
        report.files.append(linter.lint_source(target.shown, source, target.fmt))


def lint_stdin(filename: str, linter: object, report: Report) -> None:
    """Lint standard input, reported as ``filename`` and read in that file's format."""
    from claimlint.engine import Linter

    assert isinstance(linter, Linter)
    data = sys.stdin.buffer.read()
    try:
        source = decode(data, filename)
    except InputError as exc:
        report.files.append(FileResult(filename, error=str(exc).split(": ", 1)[-1]))
        return
    report.files.append(linter.lint_source(filename, source, format_for(filename, "text") or "text"))
