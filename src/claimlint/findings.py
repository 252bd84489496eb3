"""What a lint run reports: findings, suppressed matches and per-file results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimlint.rules import Applicability, Severity

if TYPE_CHECKING:
    from claimlint.document import Position
    from claimlint.rules import Rule


@dataclass(frozen=True)
class SuggestionOut:
    """A rewrite rendered for one finding."""

    replacement: str
    applicability: Applicability
    title: str = ""


@dataclass(frozen=True)
class Finding:
    """One violation at an exact source position."""

    path: str
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    text: str
    scope: str = "span"
    suggestions: tuple[SuggestionOut, ...] = ()
    context: tuple[str, ...] = ()
    sentence: str = ""
    fingerprint: str = ""
    # This finding as output.json renders it, stored with cached results so that a warm run
    # copies it instead of rendering thousands of findings again ("" until rendered).
    json: str = field(default="", compare=False, repr=False)

    @classmethod
    def located(cls, path: str, rule: Rule, pos: Position, text: str, **fields: Any) -> Finding:
        """A finding of ``rule`` at a source position; the remaining fields as given."""
        return cls(
            path=path,
            code=rule.code,
            name=rule.name,
            category=rule.category,
            line=pos.line,
            column=pos.column,
            end_line=pos.end_line,
            end_column=pos.end_column,
            start=pos.start,
            end=pos.end,
            text=text,
            **fields,
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, position, then rule code."""
        return (self.path, self.start, self.end, self.code)


@dataclass(frozen=True)
class Suppressed:
    """A match that context or an inline directive silenced, with the reason."""

    path: str
    code: str
    start: int
    end: int
    line: int
    column: int
    text: str
    reason: str
    directive_line: int = 0  # the line of the inline directive that silenced it (0: context did)
    json: str = field(default="", compare=False, repr=False)  # as Finding.json


@dataclass(frozen=True)
class SuppressionUse:
    """One suppression directive in a file, for `--report-suppressions`."""

    path: str
    line: int
    action: str
    codes: tuple[str, ...]
    reason: str
    expires: str
    silenced: int
    status: str


@dataclass
class FileResult:
    """Everything a lint run learned about one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    error: str | None = None
    words: int = 0
    source: str = field(default="", repr=False, compare=False)
    suppression_uses: list[SuppressionUse] = field(default_factory=list)
