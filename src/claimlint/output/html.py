"""A self-contained HTML report for compliance reviewers: copy with the claims highlighted."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from typing import TextIO

from claimlint import __version__
from claimlint.document import LineIndex
from claimlint.findings import FileResult, Finding, SuggestionOut
from claimlint.report import Report
from claimlint.rules import Applicability, Rule, Severity
from claimlint.taxonomy import CATEGORIES

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_LABEL = {
    Severity.ERROR: "Must change",
    Severity.WARNING: "Should review",
    Severity.INFO: "Consider",
}
KIND_LABEL = {
    Applicability.SAFE: "Safe rewrite (keeps the meaning)",
    Applicability.UNSAFE: "Rewrite (changes the meaning, check it)",
    Applicability.DISPLAY: "Advice",
}
SAFE_SCHEMES = ("https://", "http://", "mailto:")

CSS = """
:root { --error: #b3261e; --error-bg: #fbd5d2; --warning: #8a5a00; --warning-bg: #ffe8a3;
  --info: #0b5cad; --info-bg: #d6e8fb; --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0; background: #f6f7f9; }
header.page, main { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header.page { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 1.7rem; }
h2 { font-size: 1.3rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
.meta, .muted { color: var(--muted); }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px;
  margin: 20px 0; }
.totals { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.total { border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.total strong { display: block; font-size: 1.6rem; }
.total.sev-error { background: var(--error-bg); } .total.sev-warning { background: var(--warning-bg); }
.total.sev-info { background: var(--info-bg); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); gap: 20px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
pre.copy { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 ui-monospace, Menlo,
  Consolas, monospace; background: #fbfbfc; border: 1px solid var(--line); border-radius: 8px;
  padding: 16px; margin: 0; }
mark.hl { padding: 1px 0; border-bottom: 3px solid; color: inherit; }
mark.sev-error { background: var(--error-bg); border-color: var(--error); }
mark.sev-warning { background: var(--warning-bg); border-color: var(--warning); }
mark.sev-info { background: var(--info-bg); border-color: var(--info); }
mark.multi { outline: 1px dashed var(--ink); }
sup.ref a { font: bold 11px/1 system-ui, sans-serif; text-decoration: none; color: #fff;
  background: var(--ink); border-radius: 8px; padding: 1px 5px; margin-left: 1px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border: 1px solid var(--line); border-left: 6px solid; border-radius: 8px; padding: 12px 14px;
  margin-bottom: 12px; background: #fff; }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-warning { border-left-color: var(--warning); }
li.finding.sev-info { border-left-color: var(--info); }
li.finding:target { box-shadow: 0 0 0 3px #5b9cf5; }
.finding-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.num { font-weight: bold; }
.badge { font-size: 12px; font-weight: 600; border-radius: 10px; padding: 1px 8px; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
.rule, .where { color: var(--muted); font-size: 13px; }
.message { font-weight: 600; margin: 8px 0; }
.finding h4 { margin: 10px 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
.finding p, .finding ul { margin: 4px 0; }
.finding ul { padding-left: 20px; }
.rewrites .kind { display: block; font-size: 12px; color: var(--muted); }
.rewrite .replacement { font-weight: 600; }
.in-context del { background: var(--error-bg); }
.in-context ins { background: #d4f5dc; text-decoration: none; }
.clean { color: #1e7b34; font-weight: 600; }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _link(title: str, url: str) -> str:
    if url.lower().startswith(SAFE_SCHEMES):
        return f'<a href="{_e(url)}" rel="noopener noreferrer" target="_blank">{_e(title)}</a>'
    return f"{_e(title)} ({_e(url)})"


def _category(name: str) -> str:
    return CATEGORIES.get(name, name.replace("_", " ").capitalize())


def highlight(source: str, findings: list[Finding], prefix: str) -> str:
    """The escaped source with each finding's span in a <mark> and a numbered link after it."""
    size = len(source)
    spans = [(min(max(f.start, 0), size), min(max(f.end, 0), size)) for f in findings]
    points = sorted({0, size, *(p for span in spans for p in span)})
    out: list[str] = []
    for i, pos in enumerate(points):
        for n, (_, end) in enumerate(spans, 1):
            if end == pos:
                out.append(f'<sup class="ref"><a href="#{prefix}-f{n}">{n}</a></sup>')
        for n, (start, _) in enumerate(spans, 1):
            if start == pos:
                out.append(f'<span class="anchor" id="{prefix}-m{n}"></span>')
        if i + 1 == len(points):
            break
        nxt = points[i + 1]
        text = _e(source[pos:nxt])
        covering = [n for n, (s, e) in enumerate(spans) if s <= pos and e >= nxt and s < e]
        if not covering:
            out.append(text)
            continue
        worst = max((findings[n].severity for n in covering), key=lambda s: s.rank)
        title = "\n".join(f"{findings[n].code}: {findings[n].message}" for n in covering)
        multi = " multi" if len(covering) > 1 else ""
        out.append(f'<mark class="hl sev-{worst.value}{multi}" title="{_e(title)}">{text}</mark>')
    return "".join(out)


def _in_context(f: Finding, replacement: str, lines: LineIndex) -> str:
    if f.text and f.sentence.count(f.text) == 1:
        before, _, after = f.sentence.partition(f.text)
    elif f.line == f.end_line and f.line <= len(lines.starts):
        line = lines.line_text(f.line)
        before, after = line[: f.column - 1], line[f.end_column - 1 :]
    else:
        return ""
    return f'<p class="in-context">{_e(before)}<del>{_e(f.text)}</del> <ins>{_e(replacement)}</ins>{_e(after)}</p>'


def _suggestion(f: Finding, s: SuggestionOut, lines: LineIndex) -> str:
    if s.applicability is Applicability.DISPLAY:
        return f'<li class="advice"><span class="kind">{KIND_LABEL[s.applicability]}</span>{_e(s.replacement)}</li>'
    title = f" — {_e(s.title)}" if s.title else ""
    return (
        f'<li class="rewrite"><span class="kind">{KIND_LABEL[s.applicability]}{title}</span>'
        f'<span class="replacement">{_e(s.replacement)}</span>{_in_context(f, s.replacement, lines)}</li>'
    )


def finding_card(f: Finding, n: int, prefix: str, rule: Rule | None, lines: LineIndex) -> str:
    """One finding's card: message, why it matters, rewrites and references."""
    where = f"line {f.line}, column {f.column}"
    if f.scope == "document":
        where += " · applies to the whole page"
    parts = [
        f'<li class="finding sev-{f.severity.value}" id="{prefix}-f{n}">',
        '<div class="finding-head">',
        f'<a class="num" href="#{prefix}-m{n}">{n}</a>',
        f'<span class="badge sev-{f.severity.value}">{SEVERITY_LABEL[f.severity]} ({f.severity.value})</span>',
        f'<span class="rule">{_e(f.code)} · {_e(f.name)} · {_e(_category(f.category))}</span>',
        f'<span class="where">{where}</span></div>',
        f'<p class="message">{_e(f.message)}</p>',
    ]
    if rule is not None and rule.why:
        parts.append(f'<h4>Why this matters</h4><p class="why">{_e(rule.why)}</p>')
    if f.suggestions:
        items = "".join(_suggestion(f, s, lines) for s in f.suggestions)
        parts.append(f'<h4>Suggested rewrites</h4><ul class="rewrites">{items}</ul>')
    if rule is not None and rule.references:
        refs = "".join(f"<li>{_link(r.title, r.url)}</li>" for r in rule.references)
        parts.append(f'<h4>References</h4><ul class="references">{refs}</ul>')
    if f.context:
        parts.append(f'<p class="muted">Context: {_e("; ".join(f.context))}</p>')
    parts.append("</li>")
    return "".join(parts)


def document_section(result: FileResult, index: int, rules: dict[str, Rule]) -> str:
    """A document's copy with highlights, next to the cards of its findings."""
    prefix = f"d{index}"
    head = f'<section class="card document" id="{prefix}"><h2>{_e(result.path)}</h2>'
    if result.error:
        return head + f'<p class="muted">Could not be checked: {_e(result.error)}</p></section>'
    if not result.findings:
        return head + '<p class="clean">No claims found.</p></section>'
    lines = LineIndex(result.source)
    cards = "".join(finding_card(f, n, prefix, rules.get(f.code), lines) for n, f in enumerate(result.findings, 1))
    return (
        head
        + '<div class="layout"><div><pre class="copy">'
        + highlight(result.source, result.findings, prefix)
        + f'</pre></div><ol class="findings">{cards}</ol></div></section>'
    )


def summary(report: Report) -> str:
    """Totals by severity, a category-by-severity table and the list of documents."""
    counts = report.counts()
    totals = "".join(
        f'<div class="total sev-{s.value}"><strong>{counts[s.value]}</strong>{SEVERITY_LABEL[s]} ({s.value})</div>'
        for s in SEVERITIES
    )
    table: dict[str, Counter[str]] = {}
    for f in report.findings:
        table.setdefault(f.category, Counter())[f.severity.value] += 1
    head = "".join(f'<th class="num">{s.value.capitalize()}</th>' for s in SEVERITIES)
    rows = "".join(
        f"<tr><td>{_e(_category(cat))}</td>"
        + "".join(f'<td class="num">{c[s.value]}</td>' for s in SEVERITIES)
        + f'<td class="num">{sum(c.values())}</td></tr>'
        for cat, c in sorted(table.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    )
    by_category = (
        (
            f'<table class="by-category"><thead><tr><th>Category</th>{head}<th class="num">Total</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        if rows
        else '<p class="clean">No claims found.</p>'
    )
    docs = "".join(
        f'<tr><td><a href="#d{i}">{_e(r.path)}</a></td>'
        + (
            "".join(f'<td class="num">{sum(1 for f in r.findings if f.severity is s)}</td>' for s in SEVERITIES)
            if not r.error
            else f'<td colspan="3">could not be checked: {_e(r.error)}</td>'
        )
        + "</tr>"
        for i, r in enumerate(report.files, 1)
    )
    parts = [
        '<section class="card" id="summary"><h2>Summary</h2>',
        f'<div class="totals">{totals}</div>',
        "<h3>By category</h3>",
        by_category,
        f"<h3>Documents ({len(report.files)})</h3>",
        f'<table class="by-document"><thead><tr><th>Document</th>{head}</tr></thead><tbody>{docs}</tbody></table>',
    ]
    if report.baseline is not None:
        b = report.baseline
        parts.append(
            f'<p class="muted">Compared with the baseline {_e(b.path)}: {b.new} new, '
            f"{len(b.unchanged)} already known (not shown), {len(b.gone)} fixed since.</p>"
        )
    if report.suppressions:
        items = "".join(
            f"<tr><td>{_e(u.path)}:{u.line}</td><td>{_e(', '.join(u.codes) or 'all rules')}</td>"
            f"<td>{_e(u.reason) or '<em>none given</em>'}</td><td>{_e(u.expires) or '—'}</td>"
            f'<td>{_e(u.status)}</td><td class="num">{u.silenced}</td></tr>'
            for u in report.suppressions
        )
        parts.append(
            '<h3>Suppressions in use</h3><table class="suppressions"><thead><tr><th>Where</th>'
            '<th>Rules</th><th>Reason</th><th>Expires</th><th>Status</th><th class="num">Silenced</th>'
            f"</tr></thead><tbody>{items}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def page(report: Report) -> str:
    """The complete HTML page."""
    found = len(report.findings)
    sections = "".join(document_section(r, i, report.rules) for i, r in enumerate(report.files, 1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f'<meta name="generator" content="claimlint {_e(__version__)}">'
        f"<title>claimlint report: {found} finding(s)</title><style>{CSS}</style></head><body>"
        '<header class="page"><h1>Marketing copy compliance review</h1>'
        f'<p class="meta">claimlint {_e(__version__)} · {dt.date.today().isoformat()} · '
        f"{len(report.files)} document(s) · {found} finding(s). Highlighted words are the claims "
        "a regulator could act on; the numbered notes beside each document say why and how to "
        "rephrase.</p></header>"
        f"<main>{summary(report)}{sections}</main></body></html>\n"
    )


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write the HTML page."""
    stream.write(page(report))
