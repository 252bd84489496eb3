"""English inflection tables, expanded once when rules are compiled.

Matching runs on each token's NORM, and every inflected form of a rule word gets the
word's base form as its NORM, so "guarantees", "Guaranteed" and "guaranteeing" all match a
rule written with "guarantee" without running a lemmatizer over the text.
"""

from __future__ import annotations

from functools import cache

_VOWELS = set("aeiou")

IRREGULAR: dict[str, tuple[str, ...]] = {
    "prove": ("proves", "proved", "proven", "proving"),
    "do": ("does", "did", "done", "doing"),
    "have": ("has", "had", "having"),
    "be": ("is", "are", "was", "were", "been", "being", "am"),
    "go": ("goes", "went", "gone", "going"),
    "make": ("makes", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "take": ("takes", "took", "taken", "taking"),
    "see": ("sees", "saw", "seen", "seeing"),
    "feel": ("feels", "felt", "feeling"),
    "grow": ("grows", "grew", "grown", "growing"),
    "regrow": ("regrows", "regrew", "regrown", "regrowing"),
    "rebuild": ("rebuilds", "rebuilt", "rebuilding"),
    "build": ("builds", "built", "building"),
    "heal": ("heals", "healed", "healing"),
    "leave": ("leaves", "left", "leaving"),
    "lead": ("leads", "led", "leading"),
    "bring": ("brings", "brought", "bringing"),
    "fight": ("fights", "fought", "fighting"),
    "win": ("wins", "won", "winning"),
    "tell": ("tells", "told", "telling"),
    "say": ("says", "said", "saying"),
    "undergo": ("undergoes", "underwent", "undergone", "undergoing"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "get": ("gets", "got", "gotten", "getting"),
    "think": ("thinks", "thought", "thinking"),
    "begin": ("begins", "began", "begun", "beginning"),
    "run": ("runs", "ran", "running"),
    "come": ("comes", "came", "coming"),
    "become": ("becomes", "became", "becoming"),
    "know": ("knows", "knew", "known", "knowing"),
    "show": ("shows", "showed", "shown", "showing"),
    "beat": ("beats", "beaten", "beating"),
    "sell": ("sells", "sold", "selling"),
    "buy": ("buys", "bought", "buying"),
    "pay": ("pays", "paid", "paying"),
    "man": ("men",),
    "woman": ("women",),
    "person": ("people", "persons"),
    "child": ("children",),
    "foot": ("feet",),
    "tooth": ("teeth",),
}

_IRREGULAR_BASE = {form: base for base, forms in IRREGULAR.items() for form in forms}

# Endings that look like an inflection but belong to the base word ("arthritis", "process").
_PROTECTED_ENDINGS = ("ss", "us", "is", "ous", "ics", "sis", "itis", "osis", "ness", "less", "ies")
_NO_INFLECT = frozenset(
    """a an the and or but nor of to in on at by for with from into onto as than then
    no not never none nothing neither without any all some each every our your their its his
    her my we you they it he she i me us them this that these those there here who whom which
    what when where why how can could may might must shall should will would very so too
    more most less least only just also even about over under up down out off per via""".split()
)


def _cvc(word: str) -> bool:
    return (
        len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS
    )


@cache
def forms(base: str) -> frozenset[str]:
    """All inflected forms of ``base`` (verb and noun readings), lower case, base included."""
    word = base.lower()
    out = {word}
    if not word.isalpha() or word in _NO_INFLECT or len(word) < 3:
        return frozenset(out)
    if word in IRREGULAR:
        return frozenset(out | set(IRREGULAR[word]))
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out.add(word[:-1] + "ies")
    else:
        out.add(word + "s")
    if word.endswith(("ee", "ye", "oe")):
        out.update((word + "d", word + "ing"))
    elif word.endswith("e"):
        out.update((word + "d", word[:-1] + "ing"))
    elif word.endswith("y") and word[-2] not in _VOWELS:
        out.update((word[:-1] + "ied", word + "ing"))
    elif _cvc(word):
        doubled = word + word[-1]
        out.update((doubled + "ed", doubled + "ing"))
        if len(word) > 4:  # "targeted" but "referred": keep both readings
            out.update((word + "ed", word + "ing"))
    else:
        out.update((word + "ed", word + "ing"))
    return frozenset(out)


@cache
def base_form(word: str) -> str:
    """A best guess at the base form of ``word`` (lower case); the word itself if unsure."""
    w = word.lower()
    if w in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[w]
    if not w.isalpha() or len(w) < 4 or w in _NO_INFLECT:
        return w
    candidates: list[str] = []
    if w.endswith("ies") or w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("ing") and len(w) > 5:
        stem = w[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
        candidates += [stem, stem + "e"]
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
        candidates += [stem, w[:-1]]
    if w.endswith("es") and not w.endswith(_PROTECTED_ENDINGS):
        candidates.append(w[:-2])
    if w.endswith("s") and not w.endswith(_PROTECTED_ENDINGS):
        candidates.append(w[:-1])
    for candidate in candidates:
        if len(candidate) >= 3 and w in forms(candidate):
            return candidate
    return w


def inflection_of(word: str, base: str) -> str:
    """Which form ``word`` is of ``base``: 'base', 's', 'ed' or 'ing'."""
    w = word.lower()
    if w == base:
        return "base"
    if w.endswith("ing"):
        return "ing"
    if w.endswith(("ed", "en")) or (w in IRREGULAR.get(base, ()) and not w.endswith("s")):
        return "ed"
    if w.endswith("s"):
        return "s"
    return "base"
