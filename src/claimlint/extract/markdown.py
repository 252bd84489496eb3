"""Markdown via markdown-it-pyrs: a CommonMark + GFM-table parser whose every node, inline text
included, carries its source span; each prose piece is tied to the exact source characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from claimlint.document import Comment, Document, LineIndex, ProseBuilder

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\.\.\.|\+\+\+)[ \t]*$", re.S | re.M)
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
CONTAINER_KIND = {
    "heading": "heading",
    "lheading": "heading",
    "list_item": "list_item",
    "blockquote": "blockquote",
    "tcell": "table_cell",
    "th": "table_cell",
    "td": "table_cell",
}
SKIPPED = {"fence", "code_block", "code_inline", "definition", "hr", "autolink", "math_block", "front_matter"}

_PARSER: Any = None


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        import markdown_it_pyrs

        _PARSER = markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["table", "strikethrough"])
    return _PARSER


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group(0))


class _Offsets:
    """Converts the parser's UTF-8 byte offsets into character offsets."""

    def __init__(self, text: str) -> None:
        self.byte_starts: list[int] = []
        self.extra_before: list[int] = [0]
        extra = 0
        for m in NON_ASCII.finditer(text):
            self.byte_starts.append(m.start() + extra)
            extra += len(m.group(0).encode("utf-8")) - 1
            self.extra_before.append(extra)

    def char(self, byte: int) -> int:
        """Character offset of a byte offset that starts a character."""
        if not self.byte_starts:
            return byte
        return byte - self.extra_before[bisect_left(self.byte_starts, byte)]


class _MarkdownExtractor:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.builder = ProseBuilder()
        self.comments: list[Comment] = []
        self.lines = LineIndex(source)
        self.offsets = _Offsets(source)
        self.headers: list[str] = []
        self.code_spans: list[tuple[int, int]] = []

    def run(self) -> Document:
        text = FRONT_MATTER.sub(_blank, self.source, count=1)
        root = _parser().tree(text)
        self.block(root, "paragraph", "")
        self._stray_comments(text)
        doc = Document.build(self.path, self.source, "markdown", self.builder, self.comments)
        doc._lines = self.lines
        return doc

    def _stray_comments(self, text: str) -> None:
        """Comments the parser dropped (e.g. after a table row's last pipe) still count as
        directives and annotations; only comments inside code stay ignored."""
        if "<!--" not in text:
            return
        known = {c.start for c in self.comments}
        for m in COMMENT.finditer(text):
            if m.start() in known or self._in_code(m.start()):
                continue
            self._comment(m.group(1), m.start(), m.end())
        self.comments.sort(key=lambda c: c.start)

    def _in_code(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.code_spans)

    def span(self, node: Any) -> tuple[int, int]:
        start, end = node.srcmap
        return self.offsets.char(start), self.offsets.char(end)

    # -- blocks ------------------------------------------------------------------------------

    def block(self, node: Any, kind: str, header: str) -> None:
        for child in node.children:
            name = child.name
            if name in SKIPPED:
                self.code_spans.append(self.span(child))
                continue
            if name == "html_block":
                self.code_spans.append(self.span(child))  # its comments come from the HTML parser
                self.html_block(child)
            elif name == "table":
                self.table(child)
            elif name in ("paragraph", "heading", "lheading") or name in CONTAINER_KIND:
                child_kind = CONTAINER_KIND.get(name, kind)
                if self._is_inline_container(child):
                    self.inline_block(child, child_kind, header)
                else:
                    self.block(child, child_kind, header)
            elif child.children:
                self.block(child, kind, header)

    @staticmethod
    def _is_inline_container(node: Any) -> bool:
        return node.name in ("paragraph", "heading", "lheading", "tcell", "th", "td") or (
            bool(node.children) and all(c.name not in _BLOCK_NODES for c in node.children)
        )

    def table(self, node: Any) -> None:
        headers: list[str] = []
        for section in node.children:
            for row in section.children:
                for i, cell in enumerate(row.children):
                    if section.name == "thead":
                        headers.append(self._plain(cell).strip())
                        self.inline_block(cell, "table_cell", "")
                    else:
                        self.inline_block(cell, "table_cell", headers[i] if i < len(headers) else "")

    def _plain(self, node: Any) -> str:
        if node.name in ("text", "text_special"):
            return str(node.meta.get("content", ""))
        return "".join(self._plain(c) for c in node.children)

    def html_block(self, node: Any) -> None:
        from claimlint.extract.html import HtmlExtractor

        start, end = self.span(node)
        self.builder.end()
        HtmlExtractor(self.path, self.source, self.builder, self.comments, self.lines).feed_range(start, end)
        self.builder.end()

    # -- inline ------------------------------------------------------------------------------

    def inline_block(self, node: Any, kind: str, header: str) -> None:
        lead = self.builder.last_block_text if kind == "list_item" else ""
        self.builder.begin(kind, column_header=header, lead=lead)
        self.inline(node)
        self.builder.end()

    def inline(self, node: Any) -> None:
        for child in node.children:
            name = child.name
            if name == "text" or name == "text_special":
                start, end = self.span(child)
                self.builder.add(child.meta["content"], start, end)
            elif name in ("softbreak", "hardbreak"):
                start, end = self.span(child)
                newline = self.source.find("\n", start, end)
                at = newline if newline != -1 else start
                self.builder.add("\n", at, at + 1)
            elif name == "html_inline":
                start, end = self.span(child)
                self.code_spans.append((start, end))  # comments collected here, not again
                for m in COMMENT.finditer(self.source, start, end):
                    self._comment(m.group(1), m.start(), m.end())
            elif name == "image":
                main, self.builder = self.builder, self.builder.side
                self.builder.begin("alt")
                self.inline(child)
                self.builder.end()
                self.builder = main
            elif name in SKIPPED:
                self.code_spans.append(self.span(child))
            elif child.children:
                self.inline(child)

    def _comment(self, text: str, start: int, end: int) -> None:
        line, _ = self.lines.line_col(start)
        alone = self.lines.line_text(line).strip() == self.source[start:end].strip()
        self.comments.append(Comment(text.strip(), start, end, alone))


_BLOCK_NODES = {
    "paragraph",
    "heading",
    "lheading",
    "bullet_list",
    "ordered_list",
    "list_item",
    "blockquote",
    "table",
    "fence",
    "code_block",
    "html_block",
    "hr",
    "definition",
}


def extract_markdown(path: str, source: str) -> Document:
    """Build a Document from Markdown source."""
    return _MarkdownExtractor(path, source).run()
