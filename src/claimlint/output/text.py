"""The default human report, grouped by file: styled with rich on a terminal, plain otherwise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO

from claimlint.document import LineIndex
from claimlint.findings import FileResult, Finding
from claimlint.output.sections import write_sections
from claimlint.report import Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SNIPPET_WIDTH = 110

Segment = tuple[str, str]  # text and rich style ("" for none)
Line = list[Segment]
Writer = Callable[[list[Line]], None]


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write findings grouped by file, each with its source line and top suggestion."""
    write = _styled_writer(stream) if color else _plain_writer(stream)
    for result in report.files:
        lines = list(_file_lines(result))
        if lines:
            write(lines)
    write([_summary(report)])
    write_sections(report, stream)


def _file_lines(result: FileResult) -> Iterator[Line]:
    """The report lines of one file: its error, or a header, its findings and a blank line."""
    if result.error:
        yield [(result.path, "bold"), (": ", ""), ("error", "bold red"), (f": {result.error}", "")]
        return
    if not result.findings:
        return
    yield [(result.path, "bold underline")]
    index = LineIndex(result.source)
    for f in result.findings:
        yield _head(f)
        if result.source and f.line <= len(index.starts):
            yield _snippet(index.line_text(f.line), f)
        if f.suggestions:
            s = f.suggestions[0]
            label = "advice" if s.applicability.value == "display" else f"rewrite ({s.applicability.value})"
            yield [("      ↳ ", "green"), (label + ": ", "green"), (s.replacement, "")]
    yield []


def _head(f: Finding) -> Line:
    line: Line = [
        (f"  {f.path}:{f.line}:{f.column}", "bold"),
        (" ", ""),
        (f"{f.severity.value:<7}", STYLE[f.severity.value]),
        (" ", ""),
        (f.code, "magenta"),
        (" ", ""),
        (f.message, ""),
    ]
    if f.scope == "document":
        line.append(("  [document]", "dim"))
    return line


def _snippet(line_text: str, f: Finding) -> Line:
    """The finding's source line, the flagged part highlighted, clipped around it when long."""
    end_col = f.end_column if f.end_line == f.line else len(line_text) + 1
    snippet: Line = [
        ("      ", ""),
        (line_text[: f.column - 1], "dim"),
        (line_text[f.column - 1 : end_col - 1], "bold reverse"),
        (line_text[end_col - 1 :], "dim"),
    ]
    if 6 + len(line_text) <= SNIPPET_WIDTH:
        return snippet
    start = max(0, f.column - 40)
    clipped = _slice(snippet, start, start + SNIPPET_WIDTH)
    return [("      …", ""), *clipped] if start else clipped


def _slice(line: Line, start: int, stop: int) -> Line:
    """The characters start..stop of a line, each keeping its style."""
    out: Line = []
    position = 0
    for text, style in line:
        lo, hi = max(start - position, 0), min(stop - position, len(text))
        if lo < hi:
            out.append((text[lo:hi], style))
        position += len(text)
    return out


def _summary(report: Report) -> Line:
    counts = report.counts()
    files = sum(1 for r in report.files if r.findings)
    line: Line = [
        (f"{counts['error']} error(s)", STYLE["error"] if counts["error"] else ""),
        (", ", ""),
        (f"{counts['warning']} warning(s)", STYLE["warning"] if counts["warning"] else ""),
        (", ", ""),
        (f"{counts['info']} info in {files} of {len(report.files)} file(s)", ""),
    ]
    if report.errors:
        line.append((f"; {len(report.errors)} file(s) could not be linted", "bold red"))
    return line


def _plain_writer(stream: TextIO) -> Writer:
    """Write lines as rich would without colour, minus its cost per line (a big report has 40k)."""
    from rich.control import strip_control_codes

    def write(lines: list[Line]) -> None:
        out = []
        for line in lines:
            joined = "".join(part for part, _ in line)
            out.append(_rich_plain(line) if "\t" in joined else strip_control_codes(joined))
        stream.write("\n".join(out) + "\n")

    return write


def _rich_plain(line: Line) -> str:
    """A line through rich itself, for what it does that plain joining does not (tab stops)."""
    import io

    buffer = io.StringIO()
    _styled_writer(buffer, color=False)([line])
    return buffer.getvalue()[:-1]


def _styled_writer(stream: TextIO, color: bool = True) -> Writer:
    """Write lines through a rich console, one print per group of lines."""
    from rich.console import Console
    from rich.text import Text

    console = Console(
        file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=120
    )

    def write(lines: list[Line]) -> None:
        text = Text()
        for i, line in enumerate(lines):
            if i:
                text.append("\n")
            for part, style in line:
                text.append(part, style=style or None)
        console.print(text)

    return write
