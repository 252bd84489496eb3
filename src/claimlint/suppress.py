"""Inline suppression directives written in the copy itself.

Markdown/HTML: ``<!-- claimlint-disable-next-line CL0401 -->``, ``<!-- claimlint-disable CL0401 -->``
… ``<!-- claimlint-enable CL0401 -->``. Plain text: the same words after ``claimlint:`` on a line of
their own. No codes means every rule. Codes may also be rule names or categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimlint.document import Comment, Document

DIRECTIVE = re.compile(
    r"^(?:claimlint:\s*|claimlint-)(disable-next-line|disable-line|disable|enable)\b(.*)$", re.S
)
OPTION = re.compile(r"""(\w+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")


@dataclass(frozen=True)
class Directive:
    """One parsed suppression directive."""

    action: str
    targets: frozenset[str]
    start: int
    end: int
    line: int
    reason: str = ""
    expires: str = ""

    def covers(self, code: str, name: str, category: str) -> bool:
        """Whether the directive names this rule (or names none, meaning all)."""
        return not self.targets or bool(self.targets & {code, name, category})


@dataclass
class Suppressions:
    """The directives of one document, answering 'is this finding silenced?'."""

    lines: dict[int, list[Directive]] = field(default_factory=dict)
    ranges: list[tuple[int, int, Directive]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def silencing(self, code: str, name: str, category: str, line: int, start: int) -> Directive | None:
        """The directive that silences a finding at ``line``/``start``, if any."""
        for d in self.lines.get(line, ()):
            if d.covers(code, name, category):
                return d
        for lo, hi, d in self.ranges:
            if lo <= start < hi and d.covers(code, name, category):
                return d
        return None


def parse_directive(comment: Comment, line: int) -> Directive | None:
    """A Directive from a comment's text, or None if it is not one."""
    m = DIRECTIVE.match(comment.text.strip())
    if not m:
        return None
    action, rest = m.group(1), m.group(2)
    options = {k: a or b or c for k, a, b, c in OPTION.findall(rest)}
    rest = OPTION.sub(" ", rest)
    targets = frozenset(t for t in re.split(r"[\s,]+", rest.strip()) if t)
    return Directive(action, targets, comment.start, comment.end, line,
                     options.get("reason", ""), options.get("expires", ""))


def collect(document: Document) -> Suppressions:
    """Parse every directive in a document into line and range suppressions."""
    result = Suppressions()
    lines = document.lines
    open_ranges: list[Directive] = []
    for comment in document.comments:
        line, _ = lines.line_col(comment.start)
        directive = parse_directive(comment, line)
        if directive is None:
            continue
        result.directives.append(directive)
        end_line, _ = lines.line_col(max(comment.end - 1, comment.start))
        if directive.action == "disable-line":
            result.lines.setdefault(line, []).append(directive)
        elif directive.action == "disable-next-line":
            target = end_line + 1
            while target <= len(lines.starts) and not lines.line_text(target).strip():
                target += 1
            result.lines.setdefault(target, []).append(directive)
        elif directive.action == "disable":
            open_ranges.append(directive)
        else:
            still_open = []
            for d in open_ranges:
                if directive.targets and not (d.targets and d.targets <= directive.targets):
                    still_open.append(d)
                else:
                    result.ranges.append((d.end, directive.start, d))
            open_ranges = still_open
    for d in open_ranges:
        result.ranges.append((d.end, len(document.source) + 1, d))
    return result
