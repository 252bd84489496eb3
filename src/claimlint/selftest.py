"""Check every rule's own fail/pass examples (used by `claimlint test-rules` and pytest)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.findings import Finding
from claimlint.packs import RulePack
from claimlint.rules import Example, Rule


@dataclass(frozen=True)
class ExampleCase:
    """One rule example to check, with a stable test id."""

    rule: Rule
    kind: str
    index: int
    example: Example

    @property
    def id(self) -> str:
        """A test id such as ``CL0401-fail-1``."""
        return f"{self.rule.code}-{self.kind}-{self.index + 1}"

    @property
    def jurisdiction(self) -> str | None:
        """The jurisdiction the example runs under."""
        if self.example.jurisdiction:
            return self.example.jurisdiction
        return self.rule.jurisdictions[0] if self.rule.jurisdictions else None


def cases(packs: list[RulePack]) -> Iterator[ExampleCase]:
    """Every example of every rule in the packs."""
    for pack in packs:
        for rule in pack.rules:
            for i, ex in enumerate(rule.fail_examples):
                yield ExampleCase(rule, "fail", i, ex)
            for i, ex in enumerate(rule.pass_examples):
                yield ExampleCase(rule, "pass", i, ex)


class ExampleRunner:
    """Lints examples with one Linter per jurisdiction, all rules enabled."""

    def __init__(self, packs: list[RulePack], base: Config | None = None) -> None:
        self.packs = packs
        self.base = base or Config()
        self.linters: dict[str | None, Linter] = {}

    def linter(self, jurisdiction: str | None) -> Linter:
        """The linter for a jurisdiction (built once)."""
        if jurisdiction not in self.linters:
            config = replace(self.base, jurisdiction=jurisdiction, select=[], ignore=[], severity={})
            self.linters[jurisdiction] = Linter(config, self.packs)
        return self.linters[jurisdiction]

    def findings(self, case: ExampleCase) -> list[Finding]:
        """The findings of the example's own rule on its text."""
        fmt = case.example.fmt
        path = {"text": "<example>.txt", "markdown": "<example>.md", "html": "<example>.html"}[fmt]
        result = self.linter(case.jurisdiction).lint_source(path, case.example.text, fmt)
        return [f for f in result.findings if f.code == case.rule.code]

    def check(self, case: ExampleCase) -> str | None:
        """None if the example behaves as declared, else a description of what went wrong."""
        found = self.findings(case)
        text = case.example.text
        if case.kind == "pass":
            if found:
                spans = ", ".join(f"'{text[f.start : f.end]}'" for f in found)
                return f"expected no finding, got {spans}"
            return None
        if case.rule.scope == "document":
            docs = [f for f in found if f.scope == "document"]
            if not docs:
                return "expected a document-level finding, got none"
            if case.example.spans and {(f.start, f.end) for f in docs} != set(case.example.spans):
                return f"document finding at '{text[docs[0].start : docs[0].end]}', expected at " + ", ".join(
                    f"'{text[s:e]}'" for s, e in case.example.spans
                )
            return None
        got = {(f.start, f.end) for f in found}
        want = set(case.example.spans)
        if got == want:
            return None
        missing = ", ".join(f"'{text[s:e]}'" for s, e in sorted(want - got))
        extra = ", ".join(f"'{text[s:e]}'" for s, e in sorted(got - want))
        parts = []
        if missing:
            parts.append(f"missed {missing}")
        if extra:
            parts.append(f"unexpected {extra}")
        return "; ".join(parts)
