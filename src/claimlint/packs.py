"""Load and validate YAML rule packs; a pack with any problem is rejected whole."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimlint import regexes
from claimlint.errors import ClaimlintError, LocatedError, RulePackError
from claimlint.rules import (
    CONTEXT_ALLOWED,
    CONTEXT_DEFAULTS,
    CONTEXT_KINDS,
    Applicability,
    ContextPolicy,
    Example,
    Operand,
    Pattern,
    Policy,
    Reference,
    Rule,
    Severity,
    Suggestion,
)
from claimlint.taxonomy import CATEGORIES, JURISDICTIONS
from claimlint.vocab import lex_names
from claimlint.yamlio import Mark, MarkedDict, MarkedList, load_marked

SCHEMA_VERSION = 1
PACK_KEYS = ("schema", "pack", "description", "language", "lexicons", "rules")
RULE_KEYS = (
    "code",
    "name",
    "aliases",
    "category",
    "severity",
    "scope",
    "message",
    "why",
    "references",
    "patterns",
    "requires_any",
    "missing",
    "context",
    "suggestions",
    "examples",
    "jurisdictions",
    "severity_by_jurisdiction",
    "blocks",
)
PATTERN_KINDS = ("phrases", "tokens", "regex", "near")
PATTERN_KEYS = (
    *PATTERN_KINDS,
    "exact",
    "context",
    "case_sensitive",
    "unless",
    "unless_sentences",
    "lead",
    "anchors",
)
NEAR_KEYS = ("left", "right", "window", "ordered")
SUGGESTION_KEYS = ("replace", "advice", "applicability", "title")
EXAMPLE_KEYS = ("fail", "pass")
BLOCK_KINDS = (
    "paragraph",
    "heading",
    "list_item",
    "table_cell",
    "blockquote",
    "title",
    "meta",
    "alt",
    "attribute",
)
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3,5}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SPAN_MARK_RE = re.compile(r"\[\[([^\[\]]+?)\]\]")
# Token attributes a blank pipeline can answer; POS/TAG/DEP/MORPH need a trained model.
TOKEN_ATTRS = (
    "ORTH",
    "TEXT",
    "LOWER",
    "NORM",
    "LENGTH",
    "IS_ALPHA",
    "IS_ASCII",
    "IS_DIGIT",
    "IS_LOWER",
    "IS_UPPER",
    "IS_TITLE",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_STOP",
    "IS_SENT_START",
    "LIKE_NUM",
    "LIKE_URL",
    "LIKE_EMAIL",
    "SHAPE",
    "PREFIX",
    "SUFFIX",
    "OP",
    "LEMMA",
    "LEX",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT",
    "IS_CURRENCY",
)
NEEDS_MODEL = ("POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "HEAD")


@dataclass
class RulePack:
    """A validated pack: its rules and the lexicons they share."""

    name: str
    path: str
    description: str
    language: str
    rules: list[Rule] = field(default_factory=list)
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lexicon_marks: dict[str, tuple[int, int]] = field(default_factory=dict)


class PackProblems(ClaimlintError):
    """Every problem found in one or more packs (nothing from them was loaded)."""

    def __init__(self, problems: list[LocatedError]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    cutoff = 0.5 if len(word) <= 3 else 0.6  # one wrong letter in a short word
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    if not close:
        close = difflib.get_close_matches(word.upper(), list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Reader:
    """Validates one pack file, collecting every problem with its position."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[LocatedError] = []
        self.code: str | None = None

    def problem(self, mark: Mark, message: str) -> None:
        self.problems.append(RulePackError(self.path, mark[0], mark[1], message, self.code))

    def keys(self, node: MarkedDict, allowed: tuple[str, ...], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.problem(node.where(key), f"unknown {what} key '{key}'{did_you_mean(key, allowed)}")

    def mapping(self, value: Any, mark: Mark, what: str) -> MarkedDict | None:
        if isinstance(value, MarkedDict):
            return value
        self.problem(mark, f"{what} must be a mapping, got {type(value).__name__}")
        return None

    def seq(self, value: Any, mark: Mark, what: str) -> MarkedList | None:
        if isinstance(value, MarkedList):
            return value
        self.problem(mark, f"{what} must be a list, got {type(value).__name__}")
        return None

    def text(self, node: MarkedDict, key: str, *, required: bool = True) -> str:
        if key not in node:
            if required:
                self.problem(node.mark, f"missing required key '{key}'")
            return ""
        value = node[key]
        if not isinstance(value, str) or not value.strip():
            self.problem(node.where_value(key), f"'{key}' must be a non-empty string")
            return ""
        return value.strip()

    def strings(self, node: MarkedDict, key: str) -> tuple[str, ...]:
        value = node.get(key, MarkedList())
        items = self.seq(value, node.where_value(key), f"'{key}'")
        if items is None:
            return ()
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                self.problem(items.where(i), f"'{key}' entries must be non-empty strings")
            else:
                out.append(item.strip())
        return tuple(out)

    # -- pack -------------------------------------------------------------------------------

    def pack(self, root: Any) -> RulePack | None:
        node = self.mapping(root, (1, 1), "a rule pack")
        if node is None:
            return None
        self.keys(node, PACK_KEYS, "pack")
        schema = node.get("schema")
        if schema != SCHEMA_VERSION:
            self.problem(node.where_value("schema"), f"'schema' must be {SCHEMA_VERSION}, got {schema!r}")
        name = self.text(node, "pack")
        language = self.text(node, "language")
        if language and language != "en":
            self.problem(node.where_value("language"), f"unsupported language '{language}' (supported: en)")
        pack = RulePack(name, self.path, self.text(node, "description"), language or "en")
        lexicons = node.get("lexicons", MarkedDict())
        lex_node = self.mapping(lexicons, node.where_value("lexicons"), "'lexicons'")
        if lex_node is not None and lexicons:
            for lex_name in lex_node:
                pack.lexicons[lex_name] = self.strings(lex_node, lex_name)
                pack.lexicon_marks[lex_name] = lex_node.where(lex_name)
        rules = self.seq(node.get("rules", MarkedList()), node.where_value("rules"), "'rules'")
        for i, raw in enumerate(rules or ()):
            rule_node = self.mapping(raw, rules.where(i) if rules else (1, 1), "a rule")
            if rule_node is not None:
                rule = self.rule(rule_node, name)
                if rule is not None:
                    pack.rules.append(rule)
        self.code = None
        return pack

    # -- rule -------------------------------------------------------------------------------

    def rule(self, node: MarkedDict, pack: str) -> Rule | None:
        self.code = node.get("code") if isinstance(node.get("code"), str) else None
        before = len(self.problems)
        self.keys(node, RULE_KEYS, "rule")
        code = self.text(node, "code")
        if code and not CODE_RE.match(code):
            self.problem(node.where_value("code"), f"code '{code}' must look like CL0401")
        name = self.text(node, "name")
        if name and not NAME_RE.match(name):
            self.problem(node.where_value("name"), f"name '{name}' must be a lower-case slug")
        category = self.text(node, "category")
        if category and category not in CATEGORIES:
            self.problem(
                node.where_value("category"),
                f"unknown category '{category}'{did_you_mean(category, CATEGORIES)}",
            )
        severity = self.severity(node, "severity")
        scope = node.get("scope", "span")
        if scope not in ("span", "document"):
            self.problem(node.where_value("scope"), f"scope must be 'span' or 'document', got {scope!r}")
        references = self.references(node)
        context = self.context(node.get("context"), node.where_value("context"))
        patterns = self.patterns(node, "patterns", required=True)
        requires_any: tuple[Pattern, ...] = ()
        if scope == "document":
            requires_any = self.patterns(node, "requires_any", required=True)
        elif "requires_any" in node:
            self.problem(node.where("requires_any"), "'requires_any' is only for scope: document")
        jurisdictions = self.jurisdictions(node)
        by_jur = self.severity_by_jurisdiction(node)
        blocks = self.strings(node, "blocks")
        for block in blocks:
            if block not in BLOCK_KINDS:
                self.problem(
                    node.where_value("blocks"), f"unknown block kind '{block}'{did_you_mean(block, BLOCK_KINDS)}"
                )
        suggestions = self.suggestions(node)
        fail, passing = self.examples(node)
        if len(self.problems) > before or severity is None:
            return None
        return Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            message=self.text(node, "message"),
            why=self.text(node, "why"),
            pack=pack,
            path=self.path,
            line=node.mark[0],
            references=references,
            patterns=patterns,
            requires_any=requires_any,
            missing=self.text(node, "missing", required=False),
            scope=str(scope),
            context=context,
            suggestions=suggestions,
            fail_examples=fail,
            pass_examples=passing,
            aliases=self.strings(node, "aliases"),
            jurisdictions=jurisdictions,
            severity_by_jurisdiction=by_jur,
            blocks=blocks,
        )

    def severity(self, node: MarkedDict, key: str) -> Severity | None:
        value = node.get(key)
        if value is None:
            self.problem(node.mark, f"missing required key '{key}'")
            return None
        try:
            return Severity(value)
        except ValueError:
            self.problem(node.where_value(key), f"severity must be error, warning or info, got {value!r}")
            return None

    def references(self, node: MarkedDict) -> tuple[Reference, ...]:
        items = self.seq(node.get("references"), node.where_value("references"), "'references'")
        out = []
        for i, raw in enumerate(items or ()):
            ref = self.mapping(raw, items.where(i) if items else (1, 1), "a reference")
            if ref is None:
                continue
            self.keys(ref, ("title", "url"), "reference")
            title, url = self.text(ref, "title"), self.text(ref, "url")
            if url and not url.startswith(("http://", "https://")):
                self.problem(ref.where_value("url"), f"reference url must start with http(s)://, got {url!r}")
            out.append(Reference(title, url))
        if items is not None and not out:
            self.problem(node.where("references"), "a rule needs at least one reference")
        return tuple(out)

    def jurisdictions(self, node: MarkedDict) -> tuple[str, ...]:
        values = self.strings(node, "jurisdictions")
        for value in values:
            if value not in JURISDICTIONS:
                self.problem(
                    node.where_value("jurisdictions"),
                    f"unknown jurisdiction '{value}'{did_you_mean(value, JURISDICTIONS)}",
                )
        return values

    def severity_by_jurisdiction(self, node: MarkedDict) -> tuple[tuple[str, str], ...]:
        raw = node.get("severity_by_jurisdiction")
        if raw is None:
            return ()
        mapping = self.mapping(raw, node.where_value("severity_by_jurisdiction"), "'severity_by_jurisdiction'")
        out = []
        for jur, sev in (mapping or {}).items():
            if jur not in JURISDICTIONS:
                self.problem(
                    mapping.where(jur) if mapping else (1, 1),
                    f"unknown jurisdiction '{jur}'{did_you_mean(jur, JURISDICTIONS)}",
                )
            elif sev not in ("error", "warning", "info", "off"):
                self.problem(
                    mapping.where_value(jur) if mapping else (1, 1),
                    f"severity must be error, warning, info or off, got {sev!r}",
                )
            else:
                out.append((jur, str(sev)))
        return tuple(out)

    def context(self, raw: Any, mark: Mark) -> ContextPolicy:
        if raw is None:
            return ContextPolicy()
        node = self.mapping(raw, mark, "'context'")
        if node is None:
            return ContextPolicy()
        self.keys(node, CONTEXT_KINDS, "context")
        values: dict[str, Policy] = dict(CONTEXT_DEFAULTS)
        for kind in CONTEXT_KINDS:
            if kind not in node:
                continue
            allowed = CONTEXT_ALLOWED[kind]
            policy = next((p for p in allowed if p.value == node[kind]), None)
            if policy is None:
                names = ", ".join(p.value for p in allowed)
                self.problem(node.where_value(kind), f"context '{kind}' must be one of {names}, got {node[kind]!r}")
                continue
            values[kind] = policy
        return ContextPolicy(**values)

    def patterns(self, node: MarkedDict, key: str, *, required: bool) -> tuple[Pattern, ...]:
        if key not in node:
            if required:
                self.problem(node.mark, f"missing required key '{key}'")
            return ()
        items = self.seq(node[key], node.where_value(key), f"'{key}'")
        out = []
        for i, raw in enumerate(items or ()):
            mark = items.where(i) if items else (1, 1)
            spec = self.mapping(raw, mark, "a pattern")
            if spec is not None:
                pattern = self.pattern(spec, i)
                if pattern is not None:
                    out.append(pattern)
        if items is not None and not items:
            self.problem(node.where_value(key), f"'{key}' must not be empty")
        return tuple(out)

    def pattern(self, spec: MarkedDict, index: int) -> Pattern | None:
        self.keys(spec, PATTERN_KEYS, "pattern")
        kinds = [k for k in PATTERN_KINDS if k in spec]
        if len(kinds) != 1:
            self.problem(spec.mark, f"a pattern needs exactly one of {', '.join(PATTERN_KINDS)}")
            return None
        kind = kinds[0]
        line, col = spec.where(kind)
        unless = self.strings(spec, "unless") if "unless" in spec else ()
        for i, regex in enumerate(unless):
            try:
                re.compile(regex, re.IGNORECASE)
            except re.error as exc:
                items = spec["unless"]
                where = items.where(i) if isinstance(items, MarkedList) else spec.where_value("unless")
                self.problem(where, f"bad 'unless' regex: {exc}")
        window = spec.get("unless_sentences", 1)
        if not isinstance(window, int) or not 0 <= window <= 5:
            self.problem(spec.where_value("unless_sentences"), "'unless_sentences' must be a whole number from 0 to 5")
            window = 1
        lead = tuple(p.lower() for p in self.strings(spec, "lead")) if "lead" in spec else ()
        anchors = tuple(a.lower() for a in self.strings(spec, "anchors")) if "anchors" in spec else ()
        if anchors and kind != "regex":
            self.problem(spec.where("anchors"), "'anchors' is only for regex patterns (other kinds find their own)")
        for anchor in anchors:
            if " " in anchor or "-" in anchor:
                self.problem(spec.where_value("anchors"), f"anchor {anchor!r} must be a single word")
        extra: dict[str, Any] = {"unless": unless, "unless_sentences": window, "lead": lead, "anchors": anchors}
        context = self.context(spec["context"], spec.where_value("context")) if "context" in spec else None
        exact = bool(spec.get("exact", False))
        if kind == "phrases":
            phrases = self.strings(spec, "phrases")
            return Pattern("phrases", index, line, col, phrases=phrases, exact=exact, context=context, **extra)
        if kind == "regex":
            regex = spec["regex"]
            flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
            if not isinstance(regex, str) or not regex:
                self.problem(spec.where_value("regex"), "'regex' must be a non-empty string")
                return None
            try:
                re.compile(regex, flags)
            except re.error as exc:
                self.problem(spec.where_value("regex"), f"bad regex: {exc}")
                return None
            required = regexes.required_words(regex, flags)
            return Pattern(
                "regex", index, line, col, regex=regex, flags=flags, context=context, required=required, **extra
            )
        if kind == "tokens":
            tokens = self.token_pattern(spec)
            if tokens is None:
                return None
            return Pattern("tokens", index, line, col, tokens=tokens, context=context, **extra)
        near = self.mapping(spec["near"], spec.where_value("near"), "'near'")
        if near is None:
            return None
        self.keys(near, NEAR_KEYS, "near")
        left = self.operand(near, "left")
        right = self.operand(near, "right")
        window = near.get("window", 6)
        if not isinstance(window, int) or not 0 <= window <= 40:
            self.problem(near.where_value("window"), "'window' must be a whole number from 0 to 40")
            return None
        if left is None or right is None:
            return None
        return Pattern(
            "near",
            index,
            line,
            col,
            left=left,
            right=right,
            window=window,
            ordered=bool(near.get("ordered", False)),
            context=context,
            **extra,
        )

    def operand(self, near: MarkedDict, key: str) -> Operand | None:
        if key not in near:
            self.problem(near.mark, f"'near' needs '{key}'")
            return None
        value = near[key]
        if isinstance(value, str) and value.startswith("@"):
            return Operand(value[1:])
        if isinstance(value, MarkedList):
            phrases = self.strings(near, key)
            return Operand("=" + "|".join(phrases))
        self.problem(
            near.where_value(key), f"'{key}' must be a lexicon reference like '@diseases' or a list of phrases"
        )
        return None

    def token_pattern(self, spec: MarkedDict) -> tuple[dict[str, Any], ...] | None:
        tokens = self.seq(spec["tokens"], spec.where_value("tokens"), "'tokens'")
        if not tokens:
            if tokens is not None:
                self.problem(spec.where_value("tokens"), "'tokens' must not be empty")
            return None
        ok = True
        for i, tok in enumerate(tokens):
            tnode = self.mapping(tok, tokens.where(i), "a token pattern entry")
            if tnode is None:
                ok = False
                continue
            for attr in tnode:
                if attr == "_":
                    self.problem(tnode.where(attr), "custom extension attributes ('_') are not supported")
                    ok = False
                elif attr in NEEDS_MODEL:
                    self.problem(
                        tnode.where(attr),
                        f"token attribute '{attr}' needs a trained pipeline, which claimlint does not load;"
                        " use LOWER, LEMMA or LEX",
                    )
                    ok = False
                elif attr not in TOKEN_ATTRS:
                    self.problem(
                        tnode.where(attr), f"unknown token attribute '{attr}'{did_you_mean(attr, TOKEN_ATTRS)}"
                    )
                    ok = False
                else:
                    problem = _token_value_problem(attr, tnode[attr])
                    if problem:
                        self.problem(tnode.where_value(attr), problem)
                        ok = False
        return tuple(_normalise_token(t) for t in tokens) if ok else None

    def suggestions(self, node: MarkedDict) -> tuple[Suggestion, ...]:
        items = self.seq(node.get("suggestions", MarkedList()), node.where_value("suggestions"), "'suggestions'")
        out = []
        for i, raw in enumerate(items or ()):
            spec = self.mapping(raw, items.where(i) if items else (1, 1), "a suggestion")
            if spec is None:
                continue
            self.keys(spec, SUGGESTION_KEYS, "suggestion")
            if ("replace" in spec) == ("advice" in spec):
                self.problem(spec.mark, "a suggestion needs exactly one of 'replace' or 'advice'")
                continue
            title = str(spec.get("title", ""))
            if "advice" in spec:
                out.append(Suggestion(self.text(spec, "advice"), Applicability.DISPLAY, title))
                continue
            raw_app = spec.get("applicability", "unsafe")
            try:
                applicability = Applicability(raw_app)
            except ValueError:
                self.problem(
                    spec.where_value("applicability"), f"applicability must be safe, unsafe or display, got {raw_app!r}"
                )
                continue
            replace = spec["replace"]
            if isinstance(replace, str):
                out.append(Suggestion(replace, applicability, title))
            elif isinstance(replace, MarkedDict):
                allowed = ("default", "base", "s", "ed", "ing")
                self.keys(replace, allowed, "replace form")
                if "default" not in replace:
                    self.problem(replace.mark, "a 'replace' mapping needs a 'default'")
                    continue
                forms = tuple((k, str(v)) for k, v in replace.items() if k != "default")
                out.append(Suggestion(str(replace["default"]), applicability, title, forms))
            else:
                self.problem(spec.where_value("replace"), "'replace' must be a string or a mapping of forms")
        return tuple(out)

    def examples(self, node: MarkedDict) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        raw = node.get("examples")
        spec = self.mapping(raw, node.where_value("examples"), "'examples'")
        if spec is None:
            return (), ()
        self.keys(spec, EXAMPLE_KEYS, "examples")
        scope = node.get("scope", "span")
        out: dict[str, list[Example]] = {"fail": [], "pass": []}
        for kind in EXAMPLE_KEYS:
            items = self.seq(spec.get(kind), spec.where_value(kind), f"examples '{kind}'")
            for i, item in enumerate(items or ()):
                mark = items.where(i) if items else (1, 1)
                jurisdiction = None
                fmt = "text"
                if isinstance(item, MarkedDict):
                    self.keys(item, ("text", "jurisdiction", "format"), "example")
                    jurisdiction = item.get("jurisdiction")
                    fmt = str(item.get("format", "text"))
                    if fmt not in ("text", "markdown", "html"):
                        self.problem(
                            item.where_value("format"), f"example format must be text, markdown or html, got {fmt!r}"
                        )
                    item = item.get("text")
                if not isinstance(item, str) or not item.strip():
                    self.problem(mark, "an example must be a non-empty string")
                    continue
                text, spans = parse_marked_example(item)
                if kind == "fail" and not spans and scope == "span":
                    self.problem(mark, "a fail example must mark the expected span with [[...]]")
                if kind == "pass" and spans:
                    self.problem(mark, "a pass example must not mark spans")
                out[kind].append(Example(text, spans, mark[0], jurisdiction, fmt))
            if items is not None and not out[kind]:
                self.problem(spec.where(kind), f"a rule needs at least one '{kind}' example")
        return tuple(out["fail"]), tuple(out["pass"])


BOOL_ATTRS = frozenset(a for a in TOKEN_ATTRS if a.startswith(("IS_", "LIKE_")))
OP_RE = re.compile(r"^(?:[!?+*]|\{\d*(?:,\d*)?\})$")
PREDICATES = (
    "IN",
    "NOT_IN",
    "IS_SUBSET",
    "IS_SUPERSET",
    "INTERSECTS",
    "REGEX",
    "FUZZY",
    "==",
    "!=",
    ">=",
    "<=",
    ">",
    "<",
)


def _normalise_token(token: MarkedDict) -> dict[str, Any]:
    """A plain dict with numbers in IN/NOT_IN lists written as the strings tokens carry."""
    out: dict[str, Any] = {}
    for key, value in token.items():
        if isinstance(value, dict):
            value = {op: [str(v) for v in vals] if isinstance(vals, list) else vals for op, vals in value.items()}
        out[key] = value
    return out


def _token_value_problem(attr: str, value: Any) -> str | None:
    """What is wrong with one token-pattern value, or None (mirrors spaCy's pattern schema)."""
    if attr == "OP":
        if not isinstance(value, str) or not OP_RE.match(value):
            return f"bad OP {value!r}: use one of !, ?, +, *, {{n}}, {{n,m}}, {{n,}}, {{,m}}"
        return None
    if attr in BOOL_ATTRS:
        return None if isinstance(value, bool) else f"'{attr}' takes true or false, got {value!r}"
    if attr == "LENGTH":
        ok = isinstance(value, (int, dict))
        return None if ok else f"'LENGTH' takes a number, got {value!r}"
    if attr == "LEX":
        if isinstance(value, str) or (
            isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list)
        ):
            return None
        return f"'LEX' takes a lexicon name or {{IN: [names]}}, got {value!r}"
    if isinstance(value, str):
        return None
    if isinstance(value, bool):
        return f"'{attr}' takes a string; quote words such as 'no', 'yes', 'on', 'off' (YAML reads them as true/false)"
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in PREDICATES:
                return f"unknown predicate '{key}' for '{attr}'{did_you_mean(key, PREDICATES)}"
            if key in ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS") and not (
                isinstance(item, list)
                and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in item)
            ):
                return (
                    f"'{attr}: {{{key}: …}}' takes a list of strings"
                    " (quote words such as 'no' or 'on' that YAML reads as true/false)"
                )
        return None
    return f"'{attr}' takes a string or a predicate mapping like {{IN: [...]}}, got {value!r}"


def parse_marked_example(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip [[...]] markers from an example, returning the text and the marked spans."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    pos = 0
    length = 0
    for match in SPAN_MARK_RE.finditer(text):
        before = text[pos : match.start()]
        plain.append(before)
        length += len(before)
        inner = match.group(1)
        spans.append((length, length + len(inner)))
        plain.append(inner)
        length += len(inner)
        pos = match.end()
    plain.append(text[pos:])
    return "".join(plain), tuple(spans)


def load_pack(path: Path) -> RulePack:
    """Load and validate one pack file; raises PackProblems listing every problem."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackProblems([RulePackError(shown, 1, 1, f"cannot read rule pack: {exc}")]) from exc
    try:
        root = load_marked(text, shown)
    except LocatedError as exc:
        raise PackProblems([RulePackError(shown, exc.line, exc.column, exc.problem)]) from exc
    reader = _Reader(shown)
    pack = reader.pack(root)
    if reader.problems or pack is None:
        raise PackProblems(reader.problems)
    return pack


def pack_files(directory: Path) -> list[Path]:
    """The pack files in a directory, sorted by name."""
    return sorted(p for p in directory.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_packs(paths: Iterable[Path]) -> list[RulePack]:
    """Load several packs; checks codes and lexicon names across them; all-or-nothing."""
    packs: list[RulePack] = []
    problems: list[LocatedError] = []
    for path in paths:
        try:
            packs.append(load_pack(path))
        except PackProblems as exc:
            problems.extend(exc.problems)
    seen_codes: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    lexicon_owner: dict[str, str] = {}
    for pack in packs:
        for lex_name in pack.lexicons:
            if lex_name in lexicon_owner:
                problems.append(
                    RulePackError(
                        pack.path,
                        *pack.lexicon_marks.get(lex_name, (1, 1)),
                        f"lexicon '{lex_name}' is already defined in {lexicon_owner[lex_name]}",
                    )
                )
            lexicon_owner[lex_name] = pack.path
        for rule in pack.rules:
            for key, seen in ((rule.code, seen_codes), (rule.name, seen_names)):
                if key in seen:
                    other = seen[key]
                    problems.append(
                        RulePackError(
                            rule.path,
                            rule.line,
                            1,
                            f"duplicate rule {'code' if seen is seen_codes else 'name'} '{key}'"
                            f" (first defined at {other.path}:{other.line})",
                            rule.code,
                        )
                    )
                seen[key] = rule
    for pack in packs:
        for rule in pack.rules:
            for pattern in (*rule.patterns, *rule.requires_any):
                for phrase in pattern.phrases:
                    if phrase.startswith("@") and phrase[1:] not in lexicon_owner:
                        problems.append(
                            RulePackError(
                                rule.path,
                                pattern.line,
                                pattern.column,
                                f"unknown lexicon '{phrase}'{did_you_mean(phrase[1:], lexicon_owner)}",
                                rule.code,
                            )
                        )
                for operand in (pattern.left, pattern.right):
                    if operand and not operand.lexicon.startswith("=") and operand.lexicon not in lexicon_owner:
                        problems.append(
                            RulePackError(
                                rule.path,
                                pattern.line,
                                pattern.column,
                                f"unknown lexicon '@{operand.lexicon}'{did_you_mean(operand.lexicon, lexicon_owner)}",
                                rule.code,
                            )
                        )
                for token in pattern.tokens:
                    lex = token.get("LEX")
                    names = lex_names(lex)
                    for lex in names:
                        if lex in lexicon_owner:
                            continue
                        problems.append(
                            RulePackError(
                                rule.path,
                                pattern.line,
                                pattern.column,
                                f"unknown lexicon '{lex}'{did_you_mean(lex, lexicon_owner)}",
                                rule.code,
                            )
                        )
    if problems:
        raise PackProblems(problems)
    return packs
