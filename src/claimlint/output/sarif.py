"""SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from claimlint import __version__
from claimlint.baseline import fingerprints
from claimlint.findings import Finding
from claimlint.report import Report
from claimlint.rules import Applicability, Rule, Severity
from claimlint.taxonomy import CATEGORIES

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "claimlintSentence/v1"
KIND_LABEL = {"safe": "safe rewrite", "unsafe": "rewrite that changes the meaning; review it"}


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI for a reported path (absolute paths under cwd too)."""
    return _uri(path, os.getcwd())


@lru_cache(maxsize=4096)  # every finding of a file has the same path
def _uri(path: str, cwd: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(cwd)
        except ValueError:
            return p.as_uri()
    return quote(p.as_posix().removeprefix("./"), safe="/")


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor with the rule's explanation, rewrites and references."""
    title = rule.name.replace("-", " ").capitalize()
    category = CATEGORIES.get(rule.category, rule.category.replace("_", " "))
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": f"{title} ({category.lower()})"},
        "fullDescription": {"text": rule.why},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": ["compliance", rule.category]},
    }
    if rule.references:
        descriptor["helpUri"] = rule.references[0].url
    return descriptor


def _help_text(rule: Rule) -> str:
    lines = [rule.why]
    rewrites = [s for s in rule.suggestions if s.applicability is not Applicability.DISPLAY]
    advice = [s for s in rule.suggestions if s.applicability is Applicability.DISPLAY]
    if rewrites:
        lines += ["", "Suggested rewrites:"]
        lines += [f"- {s.text} ({KIND_LABEL[s.applicability.value]})" for s in rewrites]
    if advice:
        lines += ["", "Advice:", *(f"- {s.text}" for s in advice)]
    if rule.references:
        lines += ["", "References:", *(f"- {r.title}: {r.url}" for r in rule.references)]
    return "\n".join(lines)


def _md(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)


def _help_markdown(rule: Rule) -> str:
    lines = [f"**Why it matters.** {_md(rule.why)}"]
    rewrites = [s for s in rule.suggestions if s.applicability is not Applicability.DISPLAY]
    advice = [s for s in rule.suggestions if s.applicability is Applicability.DISPLAY]
    if rewrites:
        lines += ["", "**Suggested rewrites**", ""]
        lines += [f"- “{_md(s.text)}” ({KIND_LABEL[s.applicability.value]})" for s in rewrites]
    if advice:
        lines += ["", "**Advice**", "", *(f"- {_md(s.text)}" for s in advice)]
    if rule.references:
        lines += ["", "**References**", ""]
        lines += [f"- [{_md(r.title)}]({r.url.replace(')', '%29')})" for r in rule.references]
    return "\n".join(lines)


def _fallback_rule(f: Finding) -> Rule:
    return Rule(f.code, f.name, f.category, f.severity, f.message, f.message, "", "", 0, ())


def _region(f: Finding) -> dict[str, int]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
    }


def result(f: Finding, index: int, fingerprint: str, new: bool) -> dict[str, Any]:
    """A SARIF result for one finding, with safe rewrites as fixes."""
    uri = artifact_uri(f.path)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                    "region": {**_region(f), "snippet": {"text": f.text}},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"category": f.category, "scope": f.scope},
    }
    fixes = [
        {
            "description": {"text": s.title or f"Replace with “{s.replacement}”"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                    "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": s.replacement}}],
                }
            ],
        }
        for s in f.suggestions
        if s.applicability is Applicability.SAFE
    ]
    if fixes:
        out["fixes"] = fixes
    if new:
        out["baselineState"] = "new"
    return out


def document(report: Report) -> dict[str, Any]:
    """The whole report as a SARIF log."""
    rules = dict(report.rules)
    for f in report.findings:
        rules.setdefault(f.code, _fallback_rule(f))
    ordered = sorted(rules.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(ordered)}
    results = [
        result(f, index[f.code], fp, report.baseline is not None)
        for r in report.files
        for f, fp in zip(r.findings, fingerprints(r.findings), strict=True)
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{r.path}: {r.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
        }
        for r in report.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(r) for r in ordered],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
                "workingDirectory": {"uri": Path(os.getcwd()).as_uri() + "/"},
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write the SARIF log as JSON."""
    json.dump(document(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
