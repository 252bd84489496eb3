"""Markdown via markdown-it-py: block structure from the parser, inline text aligned to source.

markdown-it gives each block its source lines and each inline run its raw source text
(``Token.content``); the decoded text of inline children is aligned back onto that raw text so
that every prose character points at its character in the original file.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import Any

from markdown_it import MarkdownIt

from claimlint.document import Comment, Document, LineIndex, ProseBuilder

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\.\.\.|\+\+\+)[ \t]*$", re.S | re.M)
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)

_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return _PARSER


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\r\n]", " ", match.group(0))


class _InlineAligner:
    """Maps positions in one inline token's raw content to source offsets."""

    def __init__(self, source: str, content: str, search_from: int) -> None:
        self.content = content
        self.line_starts: list[int] = []
        self.source_starts: list[int] = []
        self.ok = True
        pos = 0
        cursor = search_from
        for line in content.split("\n"):
            found = source.find(line, cursor) if line else cursor
            if found == -1:
                self.ok = False
                break
            self.line_starts.append(pos)
            self.source_starts.append(found)
            pos += len(line) + 1
            cursor = found + len(line)
        self.end = cursor

    def source(self, index: int) -> int:
        """Source offset of content[index]."""
        k = bisect_right(self.line_starts, index) - 1
        return self.source_starts[k] + (index - self.line_starts[k])


class _MarkdownExtractor:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.builder = ProseBuilder()
        self.comments: list[Comment] = []
        self.lines = LineIndex(source)
        self.cursor = 0
        self.kind_stack: list[str] = []
        self.headers: list[str] = []
        self.in_head = False
        self.cell_index = 0
        self.current_header_cells: list[str] = []

    # -- helpers -----------------------------------------------------------------------------

    def _line_start(self, token: Any) -> int:
        if token.map:
            line: int = token.map[0]
            return self.lines.starts[min(line, len(self.lines.starts) - 1)]
        return self.cursor

    def _kind(self) -> str:
        for kind in reversed(self.kind_stack):
            if kind != "paragraph":
                return kind
        return "paragraph"

    def _comment(self, text: str, start: int, end: int) -> None:
        line, _ = self.lines.line_col(start)
        alone = self.lines.line_text(line).strip() == self.source[start:end].strip()
        self.comments.append(Comment(text.strip(), start, end, alone))

    # -- blocks ------------------------------------------------------------------------------

    def run(self) -> Document:
        text = FRONT_MATTER.sub(_blank, self.source, count=1)
        tokens = _parser().parse(text)
        for token in tokens:
            self.cursor = max(self.cursor, self._line_start(token) if token.map else self.cursor)
            kind = token.type
            if kind == "heading_open":
                self.kind_stack.append("heading")
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.kind_stack.append("list")
            elif kind == "list_item_open":
                self.kind_stack.append("list_item")
            elif kind == "blockquote_open":
                self.kind_stack.append("blockquote")
            elif kind == "thead_open":
                self.in_head = True
                self.headers = []
            elif kind == "thead_close":
                self.in_head = False
            elif kind == "table_open":
                self.headers = []
            elif kind == "tr_open":
                self.cell_index = 0
            elif kind in ("th_open", "td_open"):
                self.kind_stack.append("table_cell")
            elif kind in ("th_close", "td_close"):
                self.kind_stack.pop()
                self.cell_index += 1
            elif kind.endswith("_close") and kind[:-6] + "_open" in _STACKED:
                if self.kind_stack:
                    self.kind_stack.pop()
            elif kind == "inline":
                self.inline(token)
            elif kind == "html_block":
                self.html_block(token)
        return Document.build(self.path, self.source, "markdown", self.builder, self.comments)

    def html_block(self, token: Any) -> None:
        start = self.source.find(token.content.split("\n")[0], self._line_start(token))
        if start == -1:
            return
        end = start + len(token.content.rstrip("\n"))
        from claimlint.extract.html import HtmlExtractor

        self.builder.end()
        extractor = HtmlExtractor(self.path, self.source, self.builder, self.comments, self.lines)
        extractor.feed_range(start, end)
        self.builder.end()
        self.cursor = max(self.cursor, end)

    # -- inline ------------------------------------------------------------------------------

    def begin_block(self) -> None:
        kind = self._kind()
        if kind == "list":
            kind = "paragraph"
        header = ""
        if kind == "table_cell" and not self.in_head and self.cell_index < len(self.headers):
            header = self.headers[self.cell_index]
        lead = self.builder.last_block_text if kind == "list_item" else ""
        self.builder.begin(kind, column_header=header, lead=lead)

    def inline(self, token: Any) -> None:
        content: str = token.content
        if self.kind_stack and self.kind_stack[-1] == "table_cell" and self.in_head:
            self.headers.append(html.unescape(content.strip()))
        if not content.strip():
            return
        aligner = _InlineAligner(self.source, content, self.cursor)
        if not aligner.ok:
            return
        self.begin_block()
        self._children(token.children or [], aligner, 0)
        self.builder.end()
        self.cursor = max(self.cursor, aligner.end)

    def _children(self, children: list[Any], al: _InlineAligner, c: int) -> int:
        content = al.content
        for child in children:
            t = child.type
            if t == "text":
                c = self._text(child.content, al, c)
            elif t in ("softbreak", "hardbreak"):
                nl = content.find("\n", c)
                if nl != -1:
                    src = al.source(nl)
                    self.builder.add("\n", src, src + 1)
                    c = nl + 1
            elif t == "code_inline":
                tick = content.find("`", c)
                if tick != -1:
                    run = len(content[tick:]) - len(content[tick:].lstrip("`"))
                    close = content.find("`" * run, tick + run + len(child.content) - 1)
                    c = close + run if close != -1 else c
            elif t == "html_inline":
                found = content.find(child.content, c)
                if found != -1:
                    for m in COMMENT.finditer(child.content):
                        s = al.source(found + m.start())
                        self._comment(m.group(1), s, s + len(m.group(0)))
                    c = found + len(child.content)
            elif t == "image":
                bang = content.find("![", c)
                c = bang + 2 if bang != -1 else c
                main, self.builder = self.builder, self.builder.side
                self.builder.begin("alt")
                c = self._children(child.children or [], al, c)
                self.builder.end()
                self.builder = main
                c = self._skip_destination(content, c)
            elif t == "link_open":
                if content.startswith("<", c):  # autolink: the URL itself is not prose
                    close = content.find(">", c)
                    c = close + 1 if close != -1 else c
                    child.meta["autolink"] = True
                elif content.startswith("[", c):
                    c += 1
            elif t == "link_close":
                c = self._skip_destination(content, c)
            elif child.children:
                c = self._children(child.children, al, c)
        return c

    def _skip_destination(self, content: str, c: int) -> int:
        if content.startswith("](", c):
            depth, i = 0, c + 1
            while i < len(content):
                if content[i] == "(":
                    depth += 1
                elif content[i] == ")":
                    depth -= 1
                    if depth == 0:
                        return i + 1
                elif content[i] == "\\":
                    i += 1
                i += 1
            return c
        if content.startswith("][", c):
            close = content.find("]", c + 2)
            return close + 1 if close != -1 else c
        if content.startswith("]", c):
            return c + 1
        return c

    def _text(self, text: str, al: _InlineAligner, c: int) -> int:
        content = al.content
        found = content.find(text, c)
        if found != -1 and not any(ch.isalnum() for ch in content[c:found]):
            self._add_identity(text, al, found)
            return found + len(text)
        i = 0
        while i < len(text):
            if c >= len(content):
                return c
            ch = content[c]
            if ch == text[i]:
                j = i
                while j < len(text) and c + (j - i) < len(content) and content[c + (j - i)] == text[j]:
                    j += 1
                self._add_identity(text[i:j], al, c)
                c += j - i
                i = j
            elif ch == "\\" and c + 1 < len(content) and content[c + 1] == text[i]:
                self.builder.add(text[i], al.source(c), al.source(c) + 2)
                c += 2
                i += 1
            elif (
                ch == "&"
                and (m := ENTITY.match(content, c))
                and html.unescape(m.group(0)) == text[i : i + len(html.unescape(m.group(0)))]
            ):
                decoded = html.unescape(m.group(0))
                self.builder.add(decoded, al.source(c), al.source(c) + len(m.group(0)))
                c = m.end()
                i += len(decoded)
            else:
                c += 1
        return c

    def _add_identity(self, text: str, al: _InlineAligner, c: int) -> None:
        # Split at content line breaks: each line sits at its own source offset.
        pos = 0
        while pos < len(text):
            nl = text.find("\n", pos)
            piece_end = len(text) if nl == -1 else nl
            if piece_end > pos:
                s = al.source(c + pos)
                self.builder.add(text[pos:piece_end], s, s + piece_end - pos)
            if nl == -1:
                break
            s = al.source(c + nl)
            self.builder.add("\n", s, s + 1)
            pos = nl + 1


_STACKED = {"heading_open", "bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open"}


def extract_markdown(path: str, source: str) -> Document:
    """Build a Document from Markdown source."""
    return _MarkdownExtractor(path, source).run()
