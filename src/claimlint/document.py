"""A document: the source text, the prose extracted from it, and the map between the two."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Segment:
    """One unit of prose (a heading, a paragraph, a list item, an alt text...)."""

    kind: str
    start: int
    end: int
    column_header: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Comment:
    """A comment found in the source (HTML comment or a `claimlint:` line in plain text)."""

    text: str
    start: int
    end: int
    alone: bool


@dataclass(frozen=True)
class Position:
    """A half-open character span in the source with 1-based line/column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    """Turns character offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset, both 1-based."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


class ProseBuilder:
    """Accumulates prose pieces, each tied to the source range it came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.run_prose: list[int] = []
        self.run_source: list[int] = []
        self.run_source_end: list[int] = []
        self.run_identity: list[bool] = []
        self.segments: list[Segment] = []
        self._segment_start: int | None = None
        self._kind = "paragraph"
        self._header = ""
        self._lead = ""
        self._seg_parts: list[str] = []
        self.last_block_text = ""
        self._side: ProseBuilder | None = None

    @property
    def side(self) -> ProseBuilder:
        """A builder for text that stands apart from the flow (alt, title, meta attributes)."""
        if self._side is None:
            self._side = ProseBuilder()
        return self._side

    def merge_side(self) -> None:
        """Append the side builder's segments after the main flow."""
        self.end()
        side = self._side
        if side is None:
            return
        side.end()
        self._side = None
        side_text = side.text
        for seg in side.segments:
            self.begin(seg.kind, seg.column_header, seg.lead)
            for i, p_start in enumerate(side.run_prose):
                p_end = side.run_prose[i + 1] if i + 1 < len(side.run_prose) else side.length
                if p_end <= seg.start or p_start >= seg.end:
                    continue
                lo, hi = max(p_start, seg.start), min(p_end, seg.end)
                text = side_text[lo:hi]
                if side.run_identity[i]:
                    s0 = side.run_source[i] + (lo - p_start)
                    self.add(text, s0, s0 + len(text))
                else:
                    self.add(text, side.run_source[i], side.run_source_end[i])
            self.end()

    @property
    def text(self) -> str:
        """All prose so far."""
        return "".join(self.parts)

    def begin(self, kind: str, column_header: str = "", lead: str = "") -> None:
        """Start a new segment (ending any open one)."""
        self.end()
        self._segment_start = None
        self._kind, self._header, self._lead = kind, column_header, lead

    def add(self, text: str, source_start: int, source_end: int) -> None:
        """Append text that came from source[source_start:source_end]."""
        if not text:
            return
        if self._segment_start is None:
            if self.length:
                self.parts.append(SEPARATOR)
                self.length += len(SEPARATOR)
            self._segment_start = self.length
            self._seg_parts = []
        identity = len(text) == source_end - source_start
        if (
            identity
            and self.run_identity
            and self.run_identity[-1]
            and self.run_source_end[-1] == source_start
            and self.run_prose[-1] + (self.run_source_end[-1] - self.run_source[-1]) == self.length
        ):
            self.run_source_end[-1] = source_end
        else:
            self.run_prose.append(self.length)
            self.run_source.append(source_start)
            self.run_source_end.append(source_end)
            self.run_identity.append(identity)
        self.parts.append(text)
        self._seg_parts.append(text)
        self.length += len(text)

    def end(self) -> None:
        """Close the open segment, trimming nothing (positions must stay exact)."""
        if self._segment_start is not None and self.length > self._segment_start:
            self.segments.append(Segment(self._kind, self._segment_start, self.length, self._header, self._lead))
            if self._kind not in ("list_item", "alt", "attribute"):
                self.last_block_text = "".join(self._seg_parts).strip()
        self._segment_start = None

    def current_text(self) -> str:
        """Text of the currently open segment."""
        return "".join(self._seg_parts) if self._segment_start is not None else ""


@dataclass
class Document:
    """A source file ready to lint: its text, its prose view and the offset map."""

    path: str
    source: str
    format: str
    prose: str
    segments: list[Segment]
    comments: list[Comment]
    run_prose: list[int] = field(default_factory=list)
    run_source: list[int] = field(default_factory=list)
    run_source_end: list[int] = field(default_factory=list)
    run_identity: list[bool] = field(default_factory=list)
    _lines: LineIndex | None = None
    _segment_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, path: str, source: str, fmt: str, builder: ProseBuilder, comments: list[Comment]) -> Document:
        """Finish a builder into a Document."""
        builder.merge_side()
        return cls(
            path,
            source,
            fmt,
            "".join(builder.parts),
            builder.segments,
            comments,
            builder.run_prose,
            builder.run_source,
            builder.run_source_end,
            builder.run_identity,
        )

    @property
    def lines(self) -> LineIndex:
        """Line index of the source (built on first use)."""
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    def to_source(self, prose_start: int, prose_end: int) -> tuple[int, int]:
        """Map a [start, end) prose span to the source span it came from."""
        if not self.run_prose:
            return 0, 0
        i = max(bisect_right(self.run_prose, prose_start) - 1, 0)
        if self.run_identity[i]:
            start = self.run_source[i] + (prose_start - self.run_prose[i])
        else:
            start = self.run_source[i]
        last = max(prose_end - 1, prose_start)
        j = max(bisect_right(self.run_prose, last) - 1, 0)
        if self.run_identity[j]:
            end = self.run_source[j] + (last - self.run_prose[j]) + 1
        else:
            end = self.run_source_end[j]
        return start, max(end, start)

    def position(self, source_start: int, source_end: int) -> Position:
        """Line/column information for a source span."""
        line, col = self.lines.line_col(source_start)
        end_line, end_col = self.lines.line_col(max(source_end, source_start))
        return Position(source_start, source_end, line, col, end_line, end_col)

    def segment_at(self, prose_offset: int) -> Segment | None:
        """The segment that contains a prose offset."""
        if len(self._segment_starts) != len(self.segments):
            self._segment_starts = [s.start for s in self.segments]
        i = bisect_right(self._segment_starts, prose_offset) - 1
        if i >= 0 and self.segments[i].start <= prose_offset < self.segments[i].end:
            return self.segments[i]
        return None
