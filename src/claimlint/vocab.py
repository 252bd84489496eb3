"""The rule vocabulary and its inflection classes, shared by the matcher and the prefilter.

Every word a rule spells out is grouped with its inflected forms; overlapping groups merge, and
each group has one canonical form. Documents are matched on that canonical form (as the token's
NORM), so "guaranteed", "Guarantees" and "guaranteeing" all meet a rule written with "guarantee".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from claimlint.inflect import base_form, forms
from claimlint.rules import Rule

WORD = re.compile(r"[A-Za-z]+")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, word: str) -> str:
        parent = self.parent.setdefault(word, word)
        if parent != word:
            parent = self.parent[word] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda w: (len(w), w))
            self.parent[drop] = keep


def rule_words(rules: Sequence[Rule], lexicons: dict[str, tuple[str, ...]]) -> set[str]:
    """Every lower-case word spelled out by inflecting patterns and lexicons."""
    texts: list[str] = []
    for rule in rules:
        for pattern in (*rule.patterns, *rule.requires_any):
            if pattern.kind == "phrases" and not pattern.exact:
                texts.extend(pattern.phrases)
            for operand in (pattern.left, pattern.right):
                if operand and operand.lexicon.startswith("="):
                    texts.extend(operand.lexicon[1:].split("|"))
            for token in pattern.tokens:
                texts.extend(_values(token.get("LEMMA")))
    for lexicon in lexicons.values():
        texts.extend(lexicon)
    return {w.lower() for text in texts for w in WORD.findall(text)}


def norm_table(words: Iterable[str]) -> dict[str, str]:
    """Each word and inflected form mapped to the canonical form of its inflection class."""
    uf = _UnionFind()
    for word in words:
        root = base_form(word)
        uf.union(word, root)
        for form in forms(root):
            uf.union(root, form)
    return {word: uf.find(word) for word in list(uf.parent)}


def classes(table: dict[str, str]) -> dict[str, set[str]]:
    """Canonical form → every word in its class."""
    out: dict[str, set[str]] = {}
    for word, canon in table.items():
        out.setdefault(canon, set()).add(word)
    return out


def expand_phrases(phrases: Iterable[str], lexicons: dict[str, tuple[str, ...]]) -> list[str]:
    """Phrases with every '@lexicon' entry replaced by that lexicon's entries."""
    out: list[str] = []
    for phrase in phrases:
        out.extend(lexicons.get(phrase[1:], ()) if phrase.startswith("@") else [phrase])
    return out


def lexicon_entries(name: str, lexicons: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The entries of a named lexicon, or of an inline '=a|b' operand of a `near` pattern."""
    return tuple(name[1:].split("|")) if name.startswith("=") else lexicons.get(name, ())


def lex_words(value: Any, lexicons: dict[str, tuple[str, ...]]) -> list[str]:
    """The one-word entries of the lexicons a token pattern's `LEX` value names (one token each)."""
    return [e for name in lex_names(value) for e in lexicons.get(name, ()) if " " not in e and "-" not in e]


def lex_names(value: Any) -> list[str]:
    """The lexicon names a token pattern's `LEX` value refers to (`name` or `{IN: [names]}`)."""
    if isinstance(value, dict):
        return [str(n) for n in value.get("IN", [])]
    return [value] if isinstance(value, str) else []


def _values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [v for vals in value.values() if isinstance(vals, list) for v in vals if isinstance(v, str)]
    return []
