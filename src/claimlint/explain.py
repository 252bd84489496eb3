"""Render a rule as a plain-language explanation (ruff-style sections)."""

from __future__ import annotations

import textwrap

from claimlint.rules import Rule
from claimlint.taxonomy import CATEGORIES, JURISDICTIONS


def _example(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start] + "»" + text[start:end] + "«")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def render_explanation(rule: Rule, jurisdiction: str | None = None) -> str:
    """A readable explanation of a rule for writers and reviewers."""
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    severity = rule.severity_in(jurisdiction)
    lines = [
        f"{rule.code} {rule.name}",
        f"Category: {CATEGORIES.get(rule.category, rule.category)} ({rule.category})",
        f"Severity: {severity.value if severity else 'off'}"
        + (f" under {JURISDICTIONS[jurisdiction]}" if jurisdiction else " (default)"),
        f"Pack: {rule.pack} ({rule.path}:{rule.line})",
    ]
    if rule.jurisdictions:
        lines.append("Only applies in: " + ", ".join(rule.jurisdictions))
    if rule.severity_by_jurisdiction:
        lines.append("Severity by jurisdiction: " + ", ".join(f"{j}={s}" for j, s in rule.severity_by_jurisdiction))
    lines += [
        "",
        "What it catches",
        wrap.fill(rule.message.replace("{match}", "…").replace("{missing}", rule.missing or "…")),
        "",
        "Why it matters",
        wrap.fill(rule.why),
    ]
    if rule.fail_examples:
        lines += ["", "Flagged (the flagged words are marked »like this«)"]
        lines += [f"  ✗ {_example(e.text, e.spans)}" for e in rule.fail_examples]
    if rule.pass_examples:
        lines += ["", "Not flagged"]
        lines += [f"  ✓ {e.text}" for e in rule.pass_examples]
    if rule.suggestions:
        lines += ["", "How to say it instead"]
        for s in rule.suggestions:
            kind = {
                "safe": "safe rewrite, applied by --fix",
                "unsafe": "rewrite that changes the meaning, review it",
                "display": "advice",
            }[s.applicability.value]
            variants = "".join(f"; after a word ending in -{form}: “{text}”" for form, text in s.forms)
            lines.append(f"  • {s.text.replace('{match}', '…')}  ({kind}{variants})")
    lines += ["", "References"]
    lines += [f"  • {r.title}\n    {r.url}" for r in rule.references]
    return "\n".join(lines)
