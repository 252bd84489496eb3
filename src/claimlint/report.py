"""A whole run's results: per-file findings, errors, counts and the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimlint.baseline import BaselineDiff
from claimlint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from claimlint.findings import FileResult, Finding, SuppressionUse
from claimlint.rules import Rule, Severity


@dataclass
class Report:
    """All file results of a run and the fail level that turns them into an exit code.

    ``rules`` holds the metadata (why, references) of every rule a renderer may need; ``baseline``
    is set when findings were compared with a baseline (the files then hold only new findings);
    ``suppressions`` is set when the run was asked to list the directives in use.
    """

    files: list[FileResult] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    rules: dict[str, Rule] = field(default_factory=dict)
    baseline: BaselineDiff | None = None
    suppressions: list[SuppressionUse] | None = None

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in file and position order."""
        return [f for r in self.files for f in r.findings]

    @property
    def errors(self) -> list[FileResult]:
        """Files that could not be linted."""
        return [r for r in self.files if r.error]

    def counts(self) -> dict[str, int]:
        """Findings per severity."""
        counter = Counter(f.severity.value for f in self.findings)
        return {s.value: counter.get(s.value, 0) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}

    def summary(self) -> dict[str, object]:
        """The JSON summary block."""
        by_category = Counter(f.category for f in self.findings)
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for r in self.files if r.findings),
            "findings": len(self.findings),
            "by_severity": self.counts(),
            "by_category": dict(sorted(by_category.items())),
            "suppressed": sum(len(r.suppressed) for r in self.files),
            "errors": len(self.errors),
            "words": sum(r.words for r in self.files),
            "fail_on": self.fail_on.value,
        }

    @property
    def exit_code(self) -> int:
        """2 if any file failed to lint, else 1 if findings reach fail_on, else 0."""
        if self.errors:
            return EXIT_ERROR
        if any(f.severity.rank >= self.fail_on.rank for f in self.findings):
            return EXIT_FINDINGS
        return EXIT_OK
