"""One line per finding: ``path:line:col: severity CODE message``."""

from __future__ import annotations

from typing import TextIO

from claimlint.output.sections import write_sections
from claimlint.report import Report


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write one line per finding and per unreadable file."""
    for result in report.files:
        if result.error:
            stream.write(f"{result.path}:0:0: error E000 {result.error}\n")
        for f in result.findings:
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}\n")
    write_sections(report, stream)
