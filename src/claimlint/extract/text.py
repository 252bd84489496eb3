"""Plain text: lines are units unless a line clearly continues the previous sentence."""

from __future__ import annotations

import re

from claimlint.document import Comment, Document, ProseBuilder

LIST_MARKER = re.compile(r"(?:[-*•·▪◦–]|\d{1,2}[.)]|[①-⑳]|\(?[a-z0-9]\))\s+")
SENTENCE_END = tuple('.!?:;"”’)')
TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")


def _cells(line: str, base: int) -> list[tuple[str, int]]:
    """Cells of a `| a | b |` row with their source offsets (text trimmed)."""
    out = []
    pos = line.index("|") + 1
    while True:
        nxt = line.find("|", pos)
        if nxt == -1:
            cell = line[pos:]
            if cell.strip():
                out.append((cell, base + pos))
            break
        out.append((line[pos:nxt], base + pos))
        pos = nxt + 1
    return [(c.strip(), off + (len(c) - len(c.lstrip()))) for c, off in out]


def extract_text(path: str, source: str) -> Document:
    """Build a Document from plain text."""
    builder = ProseBuilder()
    comments: list[Comment] = []
    header: list[str] | None = None
    open_ends_sentence = True
    offset = 0
    for raw in source.splitlines(keepends=True):
        line_start = offset
        offset += len(raw)
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        indent = len(content) - len(content.lstrip())
        if not stripped:
            builder.end()
            header = None
            open_ends_sentence = True
            continue
        start = line_start + indent
        if stripped.startswith("claimlint:"):
            builder.end()
            comments.append(Comment(stripped, start, start + len(stripped), True))
            continue
        if stripped.startswith("|") and stripped.count("|") >= 2:
            builder.end()
            if TABLE_RULE.match(stripped):
                continue
            cells = _cells(content, line_start)
            if header is None:
                header = [c for c, _ in cells]
                for cell, cell_start in cells:
                    builder.begin("table_cell", column_header="")
                    builder.add(cell, cell_start, cell_start + len(cell))
            else:
                for i, (cell, cell_start) in enumerate(cells):
                    builder.begin("table_cell", column_header=header[i] if i < len(header) else "")
                    builder.add(cell, cell_start, cell_start + len(cell))
            builder.end()
            open_ends_sentence = True
            continue
        header = None
        continues = not open_ends_sentence and builder.current_text() != "" and stripped[0].islower()
        if continues:
            builder.add("\n", line_start - 1, line_start)
            builder.add(stripped, start, start + len(stripped))
        else:
            marker = LIST_MARKER.match(stripped)
            if marker and len(stripped) > marker.end():
                builder.begin("list_item", lead=builder.last_block_text)
                body = stripped[marker.end() :]
                builder.add(body, start + marker.end(), start + len(stripped))
            else:
                ends = stripped.endswith(SENTENCE_END)
                kind = "heading" if not ends and len(stripped.split()) <= 14 else "paragraph"
                builder.begin(kind)
                builder.add(stripped, start, start + len(stripped))
        open_ends_sentence = stripped.endswith(SENTENCE_END)
    return Document.build(path, source, "text", builder, comments)
