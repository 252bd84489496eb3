"""Inline suppression directives written in the copy itself.

Markdown/HTML: ``<!-- claimlint-disable-next-line CL0401 -->``, ``<!-- claimlint-disable CL0401 -->``
… ``<!-- claimlint-enable CL0401 -->``. Plain text: the same words after ``claimlint:`` on a line of
their own. No codes means every rule. Codes may also be rule names or categories.

A directive may carry ``reason="…"`` and ``expires=YYYY-MM-DD``. From its expiry date on, a
directive silences nothing; `audit` reports it (CL0002), a bad date (CL0003, which also stops it
silencing) and, when the config requires reasons, a directive without one (CL0001).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from claimlint.document import Comment, Document
from claimlint.findings import FileResult, Finding, SuppressionUse
from claimlint.rules import Rule, Severity

DIRECTIVE = re.compile(r"^(?:claimlint:\s*|claimlint-)(disable-next-line|disable-line|disable|enable)\b(.*)$", re.S)
OPTION = re.compile(r"""(\w+)=(?:"([^"]*)"|'([^']*)'|(\S+))""")
EXPIRES = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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

    def expiry(self) -> dt.date | None:
        """The expiry date, or None when there is none or it is not a YYYY-MM-DD date."""
        try:
            return dt.date.fromisoformat(self.expires) if EXPIRES.match(self.expires) else None
        except ValueError:
            return None

    def active(self, on: dt.date) -> bool:
        """Whether the directive still silences on a date (a bad date fails closed)."""
        if not self.expires:
            return True
        expiry = self.expiry()
        return expiry is not None and on < expiry


def today() -> dt.date:
    """The date expiry is judged against; tests replace this function."""
    return dt.date.today()


@dataclass
class Suppressions:
    """The directives of one document, answering 'is this finding silenced?'."""

    lines: dict[int, list[Directive]] = field(default_factory=dict)
    ranges: list[tuple[int, int, Directive]] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    on: dt.date = field(default_factory=lambda: today())

    def silencing(self, code: str, name: str, category: str, line: int, start: int) -> Directive | None:
        """The directive that silences a finding at ``line``/``start``, if any."""
        for d in self.lines.get(line, ()):
            if d.covers(code, name, category) and d.active(self.on):
                return d
        for lo, hi, d in self.ranges:
            if lo <= start < hi and d.covers(code, name, category) and d.active(self.on):
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
    return Directive(
        action, targets, comment.start, comment.end, line, options.get("reason", ""), options.get("expires", "")
    )


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


def _audit_rule(code: str, name: str, severity: Severity, message: str, why: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        category="suppression",
        severity=severity,
        message=message,
        why=why,
        pack="claimlint",
        path=__file__,
        line=1,
        references=(),
    )


AUDIT_RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        _audit_rule(
            "CL0001",
            "suppression-without-reason",
            Severity.ERROR,
            'This suppression gives no reason; the config requires reason="…".',
            "A reviewer must be able to see who approved silencing a claim and why. The config "
            'sets require_suppression_reason, so every directive needs reason="…".',
        ),
        _audit_rule(
            "CL0002",
            "suppression-expired",
            Severity.WARNING,
            "This suppression expired on {expires}; it no longer silences anything.",
            "An approval with an expiry date must be reviewed again. Until the directive is "
            "renewed or removed, the claims it covered are reported again.",
        ),
        _audit_rule(
            "CL0003",
            "suppression-bad-expiry",
            Severity.ERROR,
            "expires={expires} is not a date (write YYYY-MM-DD); the suppression is ignored.",
            "An expiry that cannot be read would silence a claim forever, so the directive is "
            "treated as expired until the date is fixed.",
        ),
    )
}


@dataclass
class Audit:
    """What auditing one file's directives found."""

    findings: list[Finding] = field(default_factory=list)
    uses: list[SuppressionUse] = field(default_factory=list)


def audit(document: Document, result: FileResult, require_reason: bool) -> Audit:
    """Check a linted file's directives and count the findings each one silenced."""
    directives = collect(document)
    silenced: Counter[Directive] = Counter()
    by_line = {d.line: d for d in directives.directives}
    for s in result.suppressed:
        if s.directive_line in by_line:
            silenced[by_line[s.directive_line]] += 1
    out = Audit()
    for d in directives.directives:
        if d.action == "enable":
            continue
        status = _status(d, directives.on)
        out.uses.append(
            SuppressionUse(
                result.path, d.line, d.action, tuple(sorted(d.targets)), d.reason, d.expires, silenced[d], status
            )
        )
        codes = [
            ("CL0001", require_reason and not d.reason),
            ("CL0002", status == "expired"),
            ("CL0003", status == "bad expiry"),
        ]
        out.findings.extend(_finding(document, d, AUDIT_RULES[c]) for c, hit in codes if hit)
    return out


def _status(d: Directive, on: dt.date) -> str:
    if not d.expires:
        return "active"
    if d.expiry() is None:
        return "bad expiry"
    return "active" if d.active(on) else "expired"


def _finding(document: Document, d: Directive, rule: Rule) -> Finding:
    pos = document.position(d.start, d.end)
    text = document.source[d.start : d.end]
    return Finding.located(
        document.path,
        rule,
        pos,
        text,
        severity=rule.severity,
        message=rule.message.replace("{expires}", d.expires),
        sentence=text,
    )
