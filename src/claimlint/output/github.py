"""GitHub Actions workflow commands: one annotation per finding on the changed line."""

from __future__ import annotations

from typing import TextIO

from claimlint.findings import Finding
from claimlint.output.sections import write_sections
from claimlint.report import Report
from claimlint.rules import Applicability, Severity

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (GitHub's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (GitHub's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """The workflow command for one finding."""
    props = {
        "file": f.path,
        "line": str(f.line),
        "col": str(f.column),
        "endLine": str(f.end_line),
        "endColumn": str(f.end_column),
        "title": f.code,
    }
    message = f.message
    rewrite = next((s for s in f.suggestions if s.applicability is not Applicability.DISPLAY), None)
    advice = next((s for s in f.suggestions if s.applicability is Applicability.DISPLAY), None)
    if rewrite:
        message += f"\nSuggested rewrite: {rewrite.replacement}"
    if advice:
        message += f"\nAdvice: {advice.replacement}"
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{COMMAND[f.severity]} {joined}::{escape_data(message)}"


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write one annotation per finding and per unreadable file, then a plain summary."""
    for result in report.files:
        if result.error:
            stream.write(f"::error file={escape_property(result.path)},title=claimlint::{escape_data(result.error)}\n")
        for f in result.findings:
            stream.write(annotation(f) + "\n")
    counts = report.counts()
    stream.write(
        f"claimlint: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info in {len(report.files)} file(s)\n"
    )
    write_sections(report, stream)
