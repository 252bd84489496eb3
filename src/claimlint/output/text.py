"""The default human report, grouped by file, rendered with rich."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from claimlint.document import LineIndex
from claimlint.output.sections import write_sections
from claimlint.report import Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write findings grouped by file, each with its source line and top suggestion."""
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=120)
    for result in report.files:
        if result.error:
            console.print(Text.assemble((result.path, "bold"), ": ", ("error", "bold red"), f": {result.error}"))
            continue
        if not result.findings:
            continue
        console.print(Text(result.path, style="bold underline"))
        lines = LineIndex(result.source)
        for f in result.findings:
            head = Text.assemble(
                (f"  {f.path}:{f.line}:{f.column}", "bold"),
                " ",
                (f"{f.severity.value:<7}", STYLE[f.severity.value]),
                " ",
                (f.code, "magenta"),
                " ",
                f.message,
            )
            if f.scope == "document":
                head.append("  [document]", style="dim")
            console.print(head)
            if result.source and f.line <= len(lines.starts):
                line_text = lines.line_text(f.line)
                end_col = f.end_column if f.end_line == f.line else len(line_text) + 1
                snippet = Text("      ")
                snippet.append(line_text[: f.column - 1], style="dim")
                snippet.append(line_text[f.column - 1 : end_col - 1], style="bold reverse")
                snippet.append(line_text[end_col - 1 :], style="dim")
                console.print(_clip(snippet, f.column))
            if f.suggestions:
                s = f.suggestions[0]
                label = "advice" if s.applicability.value == "display" else f"rewrite ({s.applicability.value})"
                console.print(Text.assemble(("      ↳ ", "green"), (label + ": ", "green"), s.replacement))
        console.print()
    counts = report.counts()
    files = sum(1 for r in report.files if r.findings)
    summary = Text.assemble(
        (f"{counts['error']} error(s)", STYLE["error"] if counts["error"] else ""),
        ", ",
        (f"{counts['warning']} warning(s)", STYLE["warning"] if counts["warning"] else ""),
        ", ",
        f"{counts['info']} info in {files} of {len(report.files)} file(s)",
    )
    if report.errors:
        summary.append(f"; {len(report.errors)} file(s) could not be linted", style="bold red")
    console.print(summary)
    write_sections(report, stream)


def _clip(snippet: Text, column: int, width: int = 110) -> Text:
    if len(snippet) <= width:
        return snippet
    start = max(0, column - 40)
    clipped = snippet[start : start + width]
    return Text("      …").append_text(clipped[6:] if start == 0 else clipped) if start else clipped
