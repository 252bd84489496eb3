"""Baselines: record today's findings so that a run fails only on new ones.

A finding's fingerprint is its rule code, its sentence (case, punctuation and spacing
normalised) and its occurrence index among the file's findings with the same code and sentence.
Line numbers are left out, so edits elsewhere in a file do not revive baselined findings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimlint.errors import ClaimlintError
from claimlint.findings import FileResult, Finding

BASELINE_VERSION = 1
NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, order=True)
class Entry:
    """One recorded finding: where, which rule, its fingerprint and what it said."""

    path: str
    code: str
    fingerprint: str
    text: str = field(default="", compare=False)
    sentence: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, str]:
        """What a current finding must match to count as already known."""
        return (self.path, self.fingerprint)


@dataclass
class BaselineDiff:
    """How the current findings compare with a baseline."""

    path: str
    new: int = 0
    unchanged: list[Entry] = field(default_factory=list)
    gone: list[Entry] = field(default_factory=list)
    untouched: list[Entry] = field(default_factory=list)

    def kept(self) -> list[Entry]:
        """The entries still worth recording: unchanged ones and those of files not linted."""
        return sorted([*self.unchanged, *self.untouched])


def normalise(sentence: str) -> str:
    """Casefold, drop punctuation and collapse whitespace."""
    return " ".join(NON_WORD.sub(" ", sentence.casefold()).split())


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A fingerprint per finding of one file: the stamped ones, else computed in order."""
    if all(f.fingerprint for f in findings):
        return [f.fingerprint for f in findings]
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.code, normalise(f.sentence or f.text))
        index = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(f"{key[0]}\0{key[1]}\0{index}".encode()).hexdigest()
        out.append(f"{f.code}:{digest[:24]}")
    return out


def stamped(findings: list[Finding]) -> list[Finding]:
    """The findings of one file with their fingerprints recorded, before any is filtered out."""
    if all(f.fingerprint for f in findings):
        return findings
    return [replace(f, fingerprint=fp) for f, fp in zip(findings, fingerprints(findings), strict=True)]


def entries(results: Iterable[FileResult], base: Path) -> list[Entry]:
    """Baseline entries for every finding, paths relative to the baseline's directory."""
    out = []
    for result in results:
        path = relative_path(result.path, base)
        for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
            out.append(Entry(path, f.code, fp, f.text, f.sentence))
    return sorted(out)


def relative_path(path: str, base: Path) -> str:
    """A file's path relative to the baseline directory, with forward slashes."""
    try:
        return Path(os.path.relpath(os.path.abspath(path), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def write(path: Path, recorded: Iterable[Entry]) -> None:
    """Write a baseline file (sorted, so that it diffs well under version control)."""
    document = {
        "version": BASELINE_VERSION,
        "tool": "claimlint",
        "findings": [
            {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "text": e.text, "sentence": e.sentence}
            for e in sorted(recorded)
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load(path: Path) -> list[Entry]:
    """Read a baseline file; a missing, malformed or future-version file is an error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ClaimlintError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ClaimlintError(f"{path}: baseline is not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise ClaimlintError(f"{path}: not a claimlint baseline (version {BASELINE_VERSION})")
    try:
        return [
            Entry(
                str(e["path"]),
                str(e["code"]),
                str(e["fingerprint"]),
                str(e.get("text", "")),
                str(e.get("sentence", "")),
            )
            for e in data["findings"]
        ]
    except (KeyError, TypeError) as exc:
        raise ClaimlintError(f"{path}: malformed baseline entry ({exc})") from exc


def apply(results: list[FileResult], recorded: Sequence[Entry], path: Path) -> BaselineDiff:
    """Drop baselined findings from the results and say what is new and what disappeared."""
    base = path.parent
    remaining: Counter[tuple[str, str]] = Counter(e.key for e in recorded)
    diff = BaselineDiff(str(path))
    linted: set[str] = set()
    for result in results:
        rel = relative_path(result.path, base)
        if result.error is None:
            linted.add(rel)
        keep = []
        for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
            if remaining[(rel, fp)] > 0:
                remaining[(rel, fp)] -= 1
                diff.unchanged.append(Entry(rel, f.code, fp, f.text, f.sentence))
            else:
                keep.append(f)
        diff.new += len(keep)
        result.findings = keep
    for e in recorded:
        if remaining[e.key] > 0:
            remaining[e.key] -= 1
            (diff.gone if e.path in linted else diff.untouched).append(e)
    return diff
