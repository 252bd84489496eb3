"""HTML via the standard library's HTMLParser, with every text piece tied to its source offset.

Visible text is linted, plus `alt` and `title` attributes, `<title>` and
`<meta name="description">`; script, style, code and similar elements are skipped.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from claimlint.document import Comment, Document, LineIndex, ProseBuilder

SKIP = {"script", "style", "template", "code", "pre", "svg", "math", "noscript", "kbd", "samp"}
BLOCK_KIND = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "blockquote",
    "title": "title",
}
BLOCKS = set(BLOCK_KIND) | {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "figcaption",
    "caption",
    "form",
    "label",
    "button",
    "option",
    "summary",
    "details",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "address",
    "body",
    "html",
    "head",
    "hr",
    "br",
    "legend",
    "fieldset",
    "select",
    "textarea",
    "center",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
ATTR = re.compile(r"""((?<=[\s'"/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")
ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
NEWLINE = re.compile("\n")


class HtmlExtractor(HTMLParser):
    """Feeds (part of) a source string and appends its prose to a shared builder."""

    def __init__(
        self,
        path: str,
        source: str,
        builder: ProseBuilder,
        comments: list[Comment],
        lines: LineIndex,
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self.source = source
        self.builder = builder
        self.comments = comments
        self.lines = lines
        self.base = 0
        self.local_starts: list[int] = [0]
        self.stack: list[str] = []
        self.skip_depth = 0
        self.table_headers: list[list[str]] = []
        self.cell_index = 0
        self.row_is_header = False
        self.cell_text: list[str] = []

    # -- positions ---------------------------------------------------------------------------

    def feed_range(self, start: int, end: int) -> None:
        """Parse source[start:end]."""
        self.base = start
        chunk = self.source[start:end]
        self.local_starts = [0] + [m.end() for m in NEWLINE.finditer(chunk)]
        self.feed(chunk)
        self.close()
        self.builder.end()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.local_starts[line - 1] + col

    # -- structure ---------------------------------------------------------------------------

    def _block_kind(self) -> str:
        for tag in reversed(self.stack):
            if tag in BLOCK_KIND:
                return BLOCK_KIND[tag]
        return "paragraph"

    def _begin(self) -> None:
        kind = self._block_kind()
        header = ""
        if kind == "table_cell" and self.table_headers and not self.row_is_header:
            headers = self.table_headers[-1]
            header = headers[self.cell_index] if self.cell_index < len(headers) else ""
        lead = self.builder.last_block_text if kind == "list_item" else ""
        self.builder.begin(kind, column_header=header, lead=lead)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if self.skip_depth:
            if tag in SKIP and tag not in VOID:
                self.skip_depth += 1
            return
        if tag in SKIP:
            self.skip_depth = 1
            return
        names = {k.lower(): v for k, v in attrs}
        if tag == "meta":
            if (names.get("name") or "").lower() in ("description", "og:description", "twitter:description"):
                self._attribute(raw, start, "content", "meta")
            return
        if tag in ("img", "area") or (tag == "input" and (names.get("type") or "").lower() == "image"):
            self._attribute(raw, start, "alt", "alt")
        if "title" in names:
            self._attribute(raw, start, "title", "attribute")
        if tag == "table":
            self.table_headers.append([])
        elif tag == "tr":
            self.cell_index = 0
            self.row_is_header = False
        elif tag in ("th", "td"):
            self.cell_text = []
            if tag == "th" and self.table_headers and len(self.table_headers[-1]) == self.cell_index:
                self.row_is_header = True
        if tag in BLOCKS:
            self.builder.end()
            if tag not in VOID:
                self.stack.append(tag)
            self._begin()
        elif tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag in SKIP:
                self.skip_depth -= 1
            return
        if tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top == tag:
                break
        if tag in ("th", "td"):
            if self.row_is_header and self.table_headers:
                self.table_headers[-1].append(html.unescape("".join(self.cell_text)).strip())
            self.cell_index += 1
        elif tag == "table" and self.table_headers:
            self.table_headers.pop()
        if tag in BLOCKS:
            self.builder.end()
            self._begin()

    # -- text --------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        start = self._offset()
        if not data.strip() and not self.builder.current_text():
            return
        self.builder.add(data, start, start + len(data))
        self.cell_text.append(data)

    def _entity(self, raw_text: str) -> None:
        if self.skip_depth:
            return
        start = self._offset()
        match = ENTITY.match(self.source, start)
        length = match.end() - start if match else len(raw_text)
        decoded = html.unescape(self.source[start : start + length])
        self.builder.add(decoded, start, start + length)
        self.cell_text.append(decoded)

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        end = start + len(data) + 7
        line, _ = self.lines.line_col(start)
        alone = self.lines.line_text(line).strip() == self.source[start:end].strip()
        self.comments.append(Comment(data.strip(), start, end, alone))

    def _attribute(self, raw: str, tag_start: int, name: str, kind: str) -> None:
        for m in ATTR.finditer(raw):
            if m.group(1).lower() != name or not m.group(3):
                continue
            value = m.group(3)
            value_start = tag_start + m.start(3)
            if value[:1] in ("'", '"'):
                value = value[1:-1]
                value_start += 1
            if not value.strip():
                return
            side = self.builder.side
            side.begin(kind)
            self._add_decoded(side, value, value_start)
            side.end()
            return

    @staticmethod
    def _add_decoded(builder: ProseBuilder, value: str, start: int) -> None:
        pos = 0
        for m in ENTITY.finditer(value):
            if m.start() > pos:
                builder.add(value[pos : m.start()], start + pos, start + m.start())
            builder.add(html.unescape(m.group(0)), start + m.start(), start + m.end())
            pos = m.end()
        if pos < len(value):
            builder.add(value[pos:], start + pos, start + len(value))


def extract_html(path: str, source: str) -> Document:
    """Build a Document from HTML source."""
    builder = ProseBuilder()
    comments: list[Comment] = []
    lines = LineIndex(source)
    HtmlExtractor(path, source, builder, comments, lines).feed_range(0, len(source))
    doc = Document.build(path, source, "html", builder, comments)
    doc._lines = lines
    return doc
