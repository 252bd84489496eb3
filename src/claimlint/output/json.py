"""The versioned JSON document (schema in docs/json-output.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from claimlint import __version__
from claimlint.findings import Finding, Suppressed
from claimlint.report import Report

JSON_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    """A finding as a JSON object."""
    return {
        "path": f.path, "code": f.code, "name": f.name, "category": f.category,
        "severity": f.severity.value, "message": f.message, "line": f.line,
        "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "start": f.start, "end": f.end, "text": f.text, "scope": f.scope,
        "suggestions": [
            {"replacement": s.replacement, "applicability": s.applicability.value, "title": s.title}
            for s in f.suggestions
        ],
        "context": list(f.context),
    }


def suppressed_dict(s: Suppressed) -> dict[str, Any]:
    """A suppressed match as a JSON object."""
    return {"path": s.path, "code": s.code, "start": s.start, "end": s.end, "line": s.line,
            "column": s.column, "text": s.text, "reason": s.reason}


def document(report: Report) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return {
        "version": JSON_VERSION,
        "tool": {"name": "claimlint", "version": __version__},
        "findings": [finding_dict(f) for f in report.findings],
        "suppressed": [suppressed_dict(s) for r in report.files for s in r.suppressed],
        "errors": [{"path": r.path, "message": r.error} for r in report.errors],
        "summary": report.summary(),
    }


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write the JSON document."""
    json.dump(document(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
