"""The versioned JSON document (schema in docs/json-output.md)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, TextIO

from claimlint import __version__
from claimlint.baseline import BaselineDiff
from claimlint.findings import FileResult, Finding, Suppressed, SuppressionUse
from claimlint.report import Report

JSON_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    """A finding as a JSON object."""
    return {
        "path": f.path,
        "code": f.code,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "scope": f.scope,
        "suggestions": [
            {"replacement": s.replacement, "applicability": s.applicability.value, "title": s.title}
            for s in f.suggestions
        ],
        "context": list(f.context),
        "fingerprint": f.fingerprint,
    }


def suppressed_dict(s: Suppressed) -> dict[str, Any]:
    """A suppressed match as a JSON object."""
    return {
        "path": s.path,
        "code": s.code,
        "start": s.start,
        "end": s.end,
        "line": s.line,
        "column": s.column,
        "text": s.text,
        "reason": s.reason,
    }


def baseline_dict(diff: BaselineDiff) -> dict[str, Any]:
    """The baseline comparison as a JSON object (findings then holds only new ones)."""
    return {
        "path": diff.path,
        "new": diff.new,
        "unchanged": len(diff.unchanged),
        "gone": [
            {"path": e.path, "code": e.code, "fingerprint": e.fingerprint, "text": e.text, "sentence": e.sentence}
            for e in diff.gone
        ],
    }


def use_dict(u: SuppressionUse) -> dict[str, Any]:
    """A suppression directive in use as a JSON object."""
    return {
        "path": u.path,
        "line": u.line,
        "action": u.action,
        "codes": list(u.codes),
        "reason": u.reason,
        "expires": u.expires,
        "status": u.status,
        "silenced": u.silenced,
    }


def document(report: Report, *, lists: bool = True) -> dict[str, Any]:
    """The whole report as a JSON-ready dict (``lists=False``: findings and suppressed empty)."""
    out: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": "claimlint", "version": __version__},
        "findings": [finding_dict(f) for f in report.findings] if lists else [],
        "suppressed": [suppressed_dict(s) for r in report.files for s in r.suppressed] if lists else [],
        "errors": [{"path": r.path, "message": r.error} for r in report.errors],
        "summary": report.summary(),
    }
    if report.baseline is not None:
        out["baseline"] = baseline_dict(report.baseline)
    if report.suppressions is not None:
        out["suppressions"] = [use_dict(u) for u in report.suppressions]
    return out


def finding_json(f: Finding) -> str:
    """A finding as compact JSON text (pre-rendered with cached results)."""
    return f.json or json.dumps(finding_dict(f), ensure_ascii=False)


def suppressed_json(s: Suppressed) -> str:
    """A suppressed match as compact JSON text (pre-rendered with cached results)."""
    return s.json or json.dumps(suppressed_dict(s), ensure_ascii=False)


def prerendered(result: FileResult) -> FileResult:
    """The result with each finding's and suppressed match's JSON text recorded, for the cache."""
    return replace(
        result,
        findings=[f if f.json else replace(f, json=finding_json(f)) for f in result.findings],
        suppressed=[s if s.json else replace(s, json=suppressed_json(s)) for s in result.suppressed],
    )


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write the JSON document: indented on a terminal, compact (and fast) for files and pipes."""
    if stream.isatty():
        stream.write(json.dumps(document(report), ensure_ascii=False, indent=2))
        stream.write("\n")
        return
    # Compact output is assembled from the JSON text of each finding and suppressed match,
    # which cached results carry: a warm run over a whole site renders none of them again.
    # The placeholders can only be the top-level keys (a string inside JSON never holds an
    # unescaped quote, and the summary's counts are numbers).
    text = json.dumps(document(report, lists=False), ensure_ascii=False)
    head, rest = text.split('"findings": []', 1)
    middle, tail = rest.split('"suppressed": []', 1)
    stream.write(head)
    stream.write('"findings": [')
    stream.write(", ".join(finding_json(f) for f in report.findings))
    stream.write("]")
    stream.write(middle)
    stream.write('"suppressed": [')
    stream.write(", ".join(suppressed_json(s) for r in report.files for s in r.suppressed))
    stream.write("]")
    stream.write(tail)
    stream.write("\n")
