"""The rule model: rules, patterns, context policy, suggestions and examples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Numeric order for comparisons and thresholds."""
        return _RANK[self]

    def lowered(self) -> Severity:
        """One step less severe (info stays info)."""
        return Severity.INFO if self is not Severity.ERROR else Severity.WARNING


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    """Whether a suggestion may be applied by --fix (ruff's Safe/Unsafe/DisplayOnly)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


class Policy(str, Enum):
    """What a context cue does to a match."""

    SUPPRESS = "suppress"  # the cue makes the sentence compliant
    KEEP = "keep"  # the cue changes nothing
    REQUIRE = "require"  # the match is a claim only when the cue is present ("do not cause rejection")
    DOWNGRADE = "downgrade"  # the cue lowers the severity one step


CONTEXT_KINDS = ("negated", "mention", "question", "attributed", "hedged", "cited")
CONTEXT_DEFAULTS: dict[str, Policy] = {
    "negated": Policy.SUPPRESS,
    "mention": Policy.SUPPRESS,
    "question": Policy.SUPPRESS,
    "attributed": Policy.SUPPRESS,
    "hedged": Policy.KEEP,
    "cited": Policy.KEEP,
}
CONTEXT_ALLOWED: dict[str, tuple[Policy, ...]] = {
    "negated": (Policy.SUPPRESS, Policy.KEEP, Policy.REQUIRE),
    "mention": (Policy.SUPPRESS, Policy.KEEP),
    "question": (Policy.SUPPRESS, Policy.KEEP),
    "attributed": (Policy.SUPPRESS, Policy.KEEP),
    "hedged": (Policy.KEEP, Policy.DOWNGRADE, Policy.SUPPRESS),
    "cited": (Policy.KEEP, Policy.DOWNGRADE, Policy.SUPPRESS),
}


@dataclass(frozen=True)
class ContextPolicy:
    """Per-rule (or per-pattern) reaction to each context cue."""

    negated: Policy = Policy.SUPPRESS
    mention: Policy = Policy.SUPPRESS
    question: Policy = Policy.SUPPRESS
    attributed: Policy = Policy.SUPPRESS
    hedged: Policy = Policy.KEEP
    cited: Policy = Policy.KEEP

    def get(self, kind: str) -> Policy:
        """The policy for a context kind."""
        policy: Policy = getattr(self, kind)
        return policy


@dataclass(frozen=True)
class Operand:
    """One side of a `near` pattern: a named lexicon or an inline phrase list."""

    lexicon: str


@dataclass(frozen=True)
class Pattern:
    """One way a rule can match. Exactly one of phrases/tokens/regex/near is set."""

    kind: str
    index: int
    line: int
    column: int
    phrases: tuple[str, ...] = ()
    tokens: tuple[dict[str, Any], ...] = ()
    regex: str = ""
    flags: int = re.IGNORECASE
    left: Operand | None = None
    right: Operand | None = None
    window: int = 6
    ordered: bool = False
    exact: bool = False
    context: ContextPolicy | None = None
    unless: tuple[str, ...] = ()
    unless_sentences: int = 1
    lead: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    # For regexes: word groups every match contains (inferred; see regexes.required_words).
    required: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True)
class Reference:
    """A law, guideline or ruling that a rule enforces."""

    title: str
    url: str


@dataclass(frozen=True)
class Suggestion:
    """A rewrite template (or a piece of advice when applicability is display)."""

    text: str
    applicability: Applicability
    title: str = ""
    forms: tuple[tuple[str, str], ...] = ()

    def template_for(self, inflection: str) -> str:
        """The template variant for the matched word's inflection ('s', 'ed', 'ing', 'base')."""
        return dict(self.forms).get(inflection, self.text)


@dataclass(frozen=True)
class Example:
    """A rule example: text, and for fail examples the expected [start, end) spans."""

    text: str
    spans: tuple[tuple[int, int], ...]
    line: int
    jurisdiction: str | None = None
    fmt: str = "text"


@dataclass(frozen=True)
class Rule:
    """A compiled-ready rule loaded from a pack."""

    code: str
    name: str
    category: str
    severity: Severity
    message: str
    why: str
    pack: str
    path: str
    line: int
    references: tuple[Reference, ...]
    patterns: tuple[Pattern, ...] = ()
    requires_any: tuple[Pattern, ...] = ()
    missing: str = ""
    scope: str = "span"
    context: ContextPolicy = field(default_factory=ContextPolicy)
    suggestions: tuple[Suggestion, ...] = ()
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    aliases: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    severity_by_jurisdiction: tuple[tuple[str, str], ...] = ()
    blocks: tuple[str, ...] = ()

    def severity_in(self, jurisdiction: str | None) -> Severity | None:
        """Effective default severity under a jurisdiction; None when the rule is off there."""
        if self.jurisdictions and jurisdiction not in self.jurisdictions:
            return None
        if jurisdiction:
            override = dict(self.severity_by_jurisdiction).get(jurisdiction)
            if override == "off":
                return None
            if override:
                return Severity(override)
        return self.severity
