"""Score the engine against annotated copy: inline corpus annotations and stand-off gold files.

Inline annotations (see docs/corpus-format.md) are scored per (file, line, category): a finding of
severity warning or error on a line predicts that line's category. Stand-off gold files (the format
of shared/eval/seeds-gold.yaml) are scored per quoted span by character overlap.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from claimlint.config import Config
from claimlint.document import Document
from claimlint.engine import Linter
from claimlint.extract import format_for, load_document, read_source
from claimlint.findings import Finding
from claimlint.rules import Severity
from claimlint.taxonomy import CATEGORIES

ANNOTATION = re.compile(r"^(?:claimlint:\s*)?(expect-document|ok-document|expect|ok|jurisdiction)\b\s*:?\s*(.*)$", re.S)


@dataclass
class Annotations:
    """The gold labels of one corpus file."""

    expect: set[tuple[int, str]] = field(default_factory=set)
    traps: set[tuple[int, str]] = field(default_factory=set)  # category "*" = every category
    expect_document: set[str] = field(default_factory=set)
    ok_document: set[str] = field(default_factory=set)
    jurisdiction: str | None = None
    annotation_lines: set[int] = field(default_factory=set)


@dataclass
class Outcome:
    """Counts and examples for one evaluation run."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    rule_tp: Counter[str] = field(default_factory=Counter)
    rule_fp: Counter[str] = field(default_factory=Counter)
    traps: int = 0
    traps_hit: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    files: int = 0
    annotations: int = 0

    def totals(self) -> tuple[int, int, int]:
        """Overall (tp, fp, fn)."""
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 where there is nothing to get wrong)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _targets(text: str, known_codes: dict[str, str]) -> set[str]:
    out = set()
    for item in re.split(r"[\s,]+", text.strip().rstrip("-").strip()):
        if not item:
            continue
        out.add(known_codes.get(item, item))
    return out


def parse_annotations(document: Document, known_codes: dict[str, str]) -> Annotations:
    """Read the expect/ok annotations of a corpus document."""
    ann = Annotations()
    lines = document.lines
    for comment in document.comments:
        m = ANNOTATION.match(comment.text.strip())
        if not m:
            continue
        kind, rest = m.group(1), m.group(2)
        line, _ = lines.line_col(comment.start)
        end_line, _ = lines.line_col(max(comment.end - 1, comment.start))
        if kind == "jurisdiction":
            ann.jurisdiction = rest.strip() or None
            continue
        targets = _targets(rest, known_codes)
        if kind == "expect-document":
            ann.expect_document |= targets
            continue
        if kind == "ok-document":
            ann.ok_document |= targets
            continue
        if comment.alone:
            ann.annotation_lines.add(line)
            target = end_line + 1
            while target <= len(lines.starts) and not lines.line_text(target).strip():
                target += 1
        else:
            target = line
        if kind == "expect":
            ann.expect |= {(target, t) for t in targets}
        else:
            ann.traps |= {(target, t) for t in (targets or {"*"})}
    return ann


def _counted(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is not Severity.INFO]


class Evaluator:
    """Runs a linter over corpora and gold files and accumulates an Outcome."""

    def __init__(self, config: Config, use_context: bool = True) -> None:
        self.config = config
        self.use_context = use_context
        self.linters: dict[str | None, Linter] = {}
        self.outcome = Outcome()

    def linter(self, jurisdiction: str | None) -> Linter:
        """A linter for the jurisdiction a file asks for (built once)."""
        key = jurisdiction or self.config.jurisdiction
        if key not in self.linters:
            self.linters[key] = Linter(
                replace(self.config, jurisdiction=key),
                use_context=self.use_context,
                packs=next(iter(self.linters.values())).packs if self.linters else None,
            )
        return self.linters[key]

    def known_codes(self) -> dict[str, str]:
        """Rule codes and names mapped to their categories."""
        return {key: r.category for r in self.linter(None).all_rules for key in (r.code, r.name)}

    def corpus_file(self, path: Path) -> None:
        """Score one annotated corpus file."""
        fmt = format_for(str(path)) or "text"
        document = load_document(str(path), read_source(path), fmt)
        ann = parse_annotations(document, self.known_codes())
        result = self.linter(ann.jurisdiction).lint_document(document)
        out = self.outcome
        out.files += 1
        out.annotations += len(ann.expect) + len(ann.traps) + len(ann.expect_document) + len(ann.ok_document)
        shown = str(path)
        predicted: dict[tuple[int, str], list[Finding]] = defaultdict(list)
        document_level: dict[str, list[Finding]] = defaultdict(list)
        for f in _counted(result.findings):
            if f.scope == "document":
                document_level[f.category].append(f)
            else:
                predicted[(f.line, f.category)].append(f)
        for key, found in predicted.items():
            line, category = key
            if key in ann.expect:
                out.tp[category] += 1
                for f in found:
                    out.rule_tp[f.code] += 1
            else:
                out.fp[category] += 1
                for f in found:
                    out.rule_fp[f.code] += 1
                out.false_alarms.append(f"{shown}:{line}: {category} {found[0].code} “{found[0].text[:70]}”")
        for line, category in sorted(ann.expect - set(predicted)):
            out.fn[category] += 1
            out.misses.append(f"{shown}:{line}: {category} “{document.lines.line_text(line).strip()[:90]}”")
        for line, category in ann.traps:
            out.traps += 1
            if any(line == pl and (category in ("*", pc)) for pl, pc in predicted):
                out.traps_hit += 1
        for category in ann.expect_document:
            if document_level.get(category):
                out.tp[category] += 1
            else:
                out.fn[category] += 1
                out.misses.append(f"{shown}: document-level {category} not reported")
        for category, found in document_level.items():
            if category not in ann.expect_document:
                out.fp[category] += 1
                for f in found:
                    out.rule_fp[f.code] += 1
                out.false_alarms.append(f"{shown}: document-level {category} {found[0].code}")
            else:
                for f in found:
                    out.rule_tp[f.code] += 1
        for category in ann.ok_document:
            out.traps += 1
            out.traps_hit += bool(document_level.get(category))

    def gold_file(self, gold_path: Path, docs_dir: Path | None = None) -> None:
        """Score the documents of a stand-off gold file (seeds-gold.yaml format)."""
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        base = docs_dir or _default_docs_dir(gold_path)
        out = self.outcome
        for entry in gold["documents"]:
            path = base / entry["file"]
            text = read_source(path)
            result = self.linter(entry.get("jurisdiction")).lint_source(
                str(path), text, format_for(str(path)) or "text"
            )
            out.files += 1
            spans = [f for f in _counted(result.findings) if f.scope != "document"]
            used: set[int] = set()
            for span in entry.get("spans", []):
                out.annotations += 1
                start = text.index(span["quote"])
                end = start + len(span["quote"])
                over = [i for i, f in enumerate(spans) if f.start < end and f.end > start]
                category = span.get("category", "unknown")
                if span["expect"] == "flag":
                    if over:
                        out.tp[category] += 1
                        used.update(over)
                        for i in over:
                            out.rule_tp[spans[i].code] += 1
                    else:
                        out.fn[category] += 1
                        out.misses.append(f"{path.name}: {category} “{span['quote'][:80]}”")
                else:
                    out.traps += 1
                    if over:
                        out.traps_hit += 1
                        out.fp[category] += 1
                        for i in over:
                            out.rule_fp[spans[i].code] += 1
                        out.false_alarms.append(f"{path.name}: {spans[over[0]].code} on clean “{span['quote'][:70]}”")
            want = entry.get("document", {}).get("missing_required_disclosure", "unjudged")
            has = [f for f in _counted(result.findings) if f.scope == "document"]
            if want == "flag":
                if has:
                    out.tp["missing_required_disclosure"] += 1
                else:
                    out.fn["missing_required_disclosure"] += 1
                    out.misses.append(f"{path.name}: document-level disclosure not reported")
            elif want == "clean":
                out.traps += 1
                if has:
                    out.traps_hit += 1
                    out.fp["missing_required_disclosure"] += 1
                    out.false_alarms.append(f"{path.name}: document-level {has[0].code} on a clean document")


def _default_docs_dir(gold_path: Path) -> Path:
    sibling = gold_path.parent.parent / "seeds"
    return sibling if sibling.is_dir() else gold_path.parent


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """Annotated files under the given paths (Markdown, HTML, text)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and format_for(str(p)) and p.name not in ("README.md", "RESULTS.md")
                )
            )
        else:
            out.append(path)
    return out


def run(paths: list[Path], gold: list[Path], config: Config, use_context: bool) -> Outcome:
    """Evaluate corpora and gold files under one context setting."""
    evaluator = Evaluator(config, use_context)
    for path in corpus_files(paths):
        evaluator.corpus_file(path)
    for gold_path in gold:
        evaluator.gold_file(gold_path)
    return evaluator.outcome


def summary_rows(outcome: Outcome) -> list[tuple[str, int, int, int, float, float, float]]:
    """Per-category rows (category, tp, fp, fn, precision, recall, f1), then 'overall'."""
    rows = []
    for category in [*CATEGORIES, *sorted((set(outcome.tp) | set(outcome.fp) | set(outcome.fn)) - set(CATEGORIES))]:
        tp, fp, fn = outcome.tp[category], outcome.fp[category], outcome.fn[category]
        if tp or fp or fn:
            rows.append((category, tp, fp, fn, *prf(tp, fp, fn)))
    tp, fp, fn = outcome.totals()
    rows.append(("overall", tp, fp, fn, *prf(tp, fp, fn)))
    return rows


def rule_rows(outcome: Outcome) -> list[tuple[str, int, int, float]]:
    """Per-rule rows (code, true-positive findings, false-positive findings, precision)."""
    codes = sorted(set(outcome.rule_tp) | set(outcome.rule_fp))
    return [
        (c, outcome.rule_tp[c], outcome.rule_fp[c], outcome.rule_tp[c] / (outcome.rule_tp[c] + outcome.rule_fp[c]))
        for c in codes
    ]


def markdown_report(with_context: Outcome, without: Outcome | None, title: str, command: str) -> str:
    """The evaluation as Markdown (committed as corpora/RESULTS.md)."""
    lines = [f"# {title}", "", f"Regenerate with: `{command}`", ""]
    p, r, f1 = prf(*with_context.totals())
    lines.append(
        f"Files: {with_context.files}; annotations: {with_context.annotations}; "
        f"traps kept clean: {with_context.traps - with_context.traps_hit}/{with_context.traps}."
    )
    lines.append("")
    lines.append("| setting | precision | recall | F1 | TP | FP | FN | traps hit |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for name, out in (("with context", with_context), ("without context (--no-context)", without)):
        if out is None:
            continue
        tp, fp, fn = out.totals()
        p, r, f1 = prf(tp, fp, fn)
        lines.append(f"| {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp} | {fp} | {fn} | {out.traps_hit}/{out.traps} |")
    lines += [
        "",
        "## Per category (with context)",
        "",
        "| category | TP | FP | FN | precision | recall | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in summary_rows(with_context):
        lines.append(f"| {row[0]} | {row[1]} | {row[2]} | {row[3]} | {row[4]:.3f} | {row[5]:.3f} | {row[6]:.3f} |")
    lines += [
        "",
        "## Per rule (with context)",
        "",
        "| rule | TP findings | FP findings | precision |",
        "|---|---|---|---|",
    ]
    for code, tp, fp, prec in rule_rows(with_context):
        lines.append(f"| {code} | {tp} | {fp} | {prec:.3f} |")
    lines += ["", f"## Misses ({len(with_context.misses)})", ""]
    lines += [f"- {m}" for m in with_context.misses] or ["(none)"]
    lines += ["", f"## False alarms ({len(with_context.false_alarms)})", ""]
    lines += [f"- {m}" for m in with_context.false_alarms] or ["(none)"]
    return "\n".join(lines) + "\n"


def json_report(with_context: Outcome, without: Outcome | None) -> dict[str, Any]:
    """The evaluation as a JSON-ready dict."""

    def block(out: Outcome) -> dict[str, Any]:
        tp, fp, fn = out.totals()
        p, r, f1 = prf(tp, fp, fn)
        return {
            "overall": {
                "precision": p,
                "recall": r,
                "f1": f1,
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "traps": out.traps,
                "traps_hit": out.traps_hit,
            },
            "categories": {
                row[0]: dict(zip(("tp", "fp", "fn", "precision", "recall", "f1"), row[1:], strict=True))
                for row in summary_rows(out)
                if row[0] != "overall"
            },
            "rules": {c: {"tp": tp_, "fp": fp_, "precision": pr} for c, tp_, fp_, pr in rule_rows(out)},
            "misses": out.misses,
            "false_alarms": out.false_alarms,
        }

    data = {"with_context": block(with_context)}
    if without is not None:
        data["without_context"] = block(without)
    return data
