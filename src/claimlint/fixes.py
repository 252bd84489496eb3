"""Apply suggested rewrites: safe ones by default, unsafe ones on request, advice never.

Edits are offsets into the decoded text (a BOM stripped, line endings kept), so a file keeps its
bytes outside the edits. Overlapping edits are never applied together: the later one waits for
the next pass, which re-lints the fixed text first.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimlint.engine import Linter
from claimlint.errors import InputError
from claimlint.extract import decode
from claimlint.findings import FileResult, Finding
from claimlint.rules import Applicability

MAX_PASSES = 10


@dataclass(frozen=True, order=True)
class Edit:
    """Replace source[start:end] with text."""

    start: int
    end: int
    text: str
    code: str


@dataclass
class Fixed:
    """The outcome of fixing one text: the re-linted result and what changed."""

    result: FileResult
    original: str
    text: str
    applied: int

    @property
    def changed(self) -> bool:
        """Whether any edit changed the text."""
        return self.text != self.original


def edits_for(findings: Iterable[Finding], source: str, unsafe: bool) -> list[Edit]:
    """The first applicable rewrite of each finding (never display-only advice)."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    newline = "\r\n" if "\r\n" in source else "\n"
    out = []
    for f in findings:
        for s in f.suggestions:
            if s.applicability in allowed:
                text = s.replacement.replace("\r\n", "\n").replace("\n", newline)
                if text != source[f.start : f.end]:
                    out.append(Edit(f.start, f.end, text, f.code))
                break
    return out


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """Keep edits in order, skipping any that touches the span of one already kept."""
    kept: list[Edit] = []
    for edit in sorted(edits):
        if kept and (edit.start < kept[-1].end or edit.start == kept[-1].start):
            continue
        kept.append(edit)
    return kept


def apply_edits(source: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits to a text."""
    parts, pos = [], 0
    for edit in edits:
        parts.append(source[pos : edit.start])
        parts.append(edit.text)
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts)


def fix_text(linter: Linter, path: str, source: str, fmt: str, unsafe: bool) -> Fixed:
    """Lint, apply non-overlapping rewrites and re-lint until nothing more applies."""
    result = linter.lint_source(path, source, fmt)
    text, applied = source, 0
    for _ in range(MAX_PASSES):
        edits = non_overlapping(edits_for(result.findings, text, unsafe))
        if not edits:
            break
        text = apply_edits(text, edits)
        applied += len(edits)
        result = linter.lint_source(path, text, fmt)
    return Fixed(result, source, text, applied)


def fix_file(linter: Linter, path: Path, shown: str, fmt: str, unsafe: bool, write: bool) -> Fixed:
    """Fix one file, writing it back (same BOM and line endings) when write is true."""
    text, bom = read_file(path, shown)
    fixed = fix_text(linter, shown, text, fmt, unsafe)
    if write and fixed.changed:
        write_atomic(path, encode(fixed.text, bom))
    return fixed


def read_file(path: Path, shown: str) -> tuple[str, bool]:
    """Decoded text of a file and whether its bytes began with a UTF-8 BOM."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot read file: {exc.strerror or exc}") from exc
    return decode(data, shown), data.startswith(codecs.BOM_UTF8)


def encode(text: str, bom: bool) -> bytes:
    """UTF-8 bytes of a text, with the BOM back in front if the original had one."""
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file's bytes atomically, keeping its permissions."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".claimlint")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff between two versions of a file (empty when they are equal)."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
