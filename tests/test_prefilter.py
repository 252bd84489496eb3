"""The prefilter may only skip texts on which no rule can match."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.extract import format_for, load_document

from .conftest import ROOT, SHARED
from .test_rule_examples import CASES, PACKS


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(), PACKS)


def test_every_fail_example_passes_the_prefilter() -> None:
    from claimlint.selftest import ExampleRunner

    runner = ExampleRunner(PACKS)
    rejected = [
        c.id
        for c in CASES
        if c.kind == "fail" and not runner.linter(c.jurisdiction).prefilter.may_match(c.example.text)
    ]
    assert rejected == []


def test_rejected_corpus_files_really_have_no_matches(linter: Linter) -> None:
    full = Linter(Config(), PACKS, use_prefilter=False)
    for path in sorted((ROOT / "corpora").rglob("*.*")):
        fmt = format_for(str(path))
        if not fmt:
            continue
        document = load_document(str(path), path.read_text(encoding="utf-8"), fmt)
        if not linter.prefilter.may_match(document.prose):
            result = full.lint_document(document)
            assert result.findings == [] and result.suppressed == [], path


def test_plain_copy_is_rejected_and_symbols_are_seen(fixture_linter: Linter) -> None:
    prefilter = fixture_linter.prefilter
    assert not prefilter.may_match("Our reception opens at nine. Parking is behind the building.\n" * 20)
    assert prefilter.may_match("Guaranteed-results for all.")  # inflection and hyphenation
    assert prefilter.may_match("It reverses arthritis.")  # a near pattern's left lexicon
    assert prefilter.may_match("A 95% success rate.")  # the regex itself
    assert not prefilter.may_match("A 95% rate.")


def test_compiling_on_demand_gives_the_same_findings_as_compiling_everything(linter: Linter) -> None:
    eager = Linter(Config(), PACKS)
    eager.compiled.ensure_all()
    lazy = Linter(Config(), PACKS)
    texts = [
        "Our stem cell injections are completely safe and cure arthritis, guaranteed.",
        "Opening hours: nine to five.",
        "Book now: 20% off exosome facials, as seen on TV. Results are not guaranteed.",
    ]
    for text in texts:
        a = [(f.code, f.start, f.end, f.severity) for f in eager.lint_source("t.txt", text, "text").findings]
        b = [(f.code, f.start, f.end, f.severity) for f in lazy.lint_source("t.txt", text, "text").findings]
        assert a == b, text
    assert len(lazy.compiled.compiled_ids) < len(lazy.compiled.entries)


def test_every_spacy_norm_exception_is_known_to_the_word_splitter() -> None:
    """A token spelled one way with another word as NORM ("'ll" → will) must not fool the prefilter."""
    from spacy.attrs import NORM, ORTH
    from spacy.lang.en import English

    from claimlint.prefilter import EQUIVALENT_PIECES, words_of

    missing = []
    for pieces in English.Defaults.tokenizer_exceptions.values():
        for piece in pieces:
            orth, norm = words_of(str(piece[ORTH])), words_of(str(piece.get(NORM, piece[ORTH])))
            if len(norm) == 1 and norm != orth and not any(norm[0] in EQUIVALENT_PIECES.get(w, ()) for w in orth):
                missing.append((piece[ORTH], piece[NORM]))
    assert missing == []


def _texts() -> list[str]:
    """Corpus and seed prose, and every rule example: what the confirmation must never misjudge."""
    texts = [c.example.text for c in CASES]
    paths = sorted((ROOT / "corpora").rglob("*.*")) + sorted((SHARED / "seeds").glob("*.txt"))
    for path in paths:
        fmt = format_for(str(path))
        if fmt:
            texts.append(load_document(str(path), path.read_text(encoding="utf-8"), fmt).prose)
    return texts


def test_confirmation_keeps_every_pattern_that_matches(linter: Linter) -> None:
    """Candidates are cut to those whose words really occur in order; none that matches is cut."""
    from claimlint.prefilter import enumerate_patterns

    full = Linter(Config(), PACKS, use_prefilter=False)
    full.compiled.ensure_all()
    ids = {(id(rule), id(pattern), role): i for i, (rule, pattern, role) in enumerate(enumerate_patterns(full.rules))}
    checked = 0
    for text in _texts():
        matched = {ids[(id(h.rule), id(h.pattern), h.role)] for h in full.compiled.match(full.compiled.make_doc(text))}
        candidates = linter.prefilter.candidates(text)
        kept = linter.prefilter.confirmed(candidates, text)
        claims = {i for i in matched if enumerate_patterns(full.rules)[i][2] == "claim"}
        assert not claims or candidates, text[:80]  # a matching claim always admits the text
        if candidates:
            assert matched <= kept, (text[:80], sorted(matched - kept))
        checked += len(matched)
    assert checked > 1000


def test_findings_do_not_depend_on_which_pages_were_prefiltered() -> None:
    """A linter prefilters its first pages only; any page gets the same findings either way."""
    from claimlint.engine import PREFILTERED_DOCUMENTS

    paths = [p for p in sorted((ROOT / "corpora").rglob("*.*")) if format_for(str(p))]
    assert len(paths) > 2 * PREFILTERED_DOCUMENTS

    def lint_all(order: list[Path]) -> dict[str, list[tuple[str, int, int, str]]]:
        linter = Linter(Config(), PACKS)
        out = {}
        for path in order:
            result = linter.lint_source(str(path), path.read_text(encoding="utf-8"), format_for(str(path)) or "text")
            out[str(path)] = [(f.code, f.start, f.end, f.severity.value) for f in result.findings]
        return out

    assert lint_all(paths) == lint_all(list(reversed(paths)))


def test_anchored_regexes_find_exactly_what_unanchored_ones_find() -> None:
    """Declared and inferred anchors only skip blocks where a regex cannot match."""
    from claimlint.matching import CompiledRules

    def hits(linter: Linter, text: str) -> list[tuple[str, int, int, int]]:
        compiled = linter.compiled
        found = compiled.match(compiled.make_doc(text), text)
        return sorted((h.rule.code, h.pattern.index, h.start_char, h.end_char) for h in found)

    anchored = Linter(Config(), PACKS)
    anchored.compiled.ensure_all()
    plain = Linter(Config(), PACKS)
    original = CompiledRules._regex_anchor
    try:
        CompiledRules._regex_anchor = lambda self, pattern: set()  # type: ignore[method-assign]
        plain.compiled.ensure_all()
    finally:
        CompiledRules._regex_anchor = original  # type: ignore[method-assign]
    assert len(anchored.compiled.anchored_regexes) > 150 and not plain.compiled.anchored_regexes
    total = 0
    for text in _texts():
        a, b = hits(anchored, text), hits(plain, text)
        assert a == b, text[:80]
        total += len(a)
    assert total > 1000


def test_required_words_of_a_regex() -> None:
    from claimlint.regexes import required_words

    assert required_words(r"\b(?:best|top)\s+(?:clinic|provider)s?\b\s+zqbavork\b") == (
        frozenset({"best", "top"}),
        frozenset({"zqbavork"}),
    )
    assert required_words(r"(?i)\bnumber[\s-]+one\b") == (frozenset({"number"}), frozenset({"one"}))
    assert required_words(r"\brestor(?:e|es)\b") == ()  # a stem is not a word
    assert required_words(r"\b(?:see|feel)?\s+better\b") == (frozenset({"better"}),)  # optional: not required
    assert required_words(r"x(?:foo)+ bar\b") == (frozenset({"bar"}),)
    assert required_words(r"[") == ()  # not a regex: nothing inferred


def test_first_characters_of_a_regex() -> None:
    import re

    from claimlint.regexes import first_chars

    assert first_chars("副作用|リスク") == frozenset({"副", "リ"})
    assert first_chars(r"(?:完治|根治)(?![^。]*ない)") == frozenset({"完", "根"})
    assert first_chars(r"\bfoo", re.IGNORECASE) == frozenset({"f", "F"})
    assert first_chars(r"(?:a|b)?c") is None  # may start with c too: not analysed, so unknown
    assert first_chars(r"[^x]y") is None


def test_korean_and_japanese_regexes_are_skipped_on_an_english_page(linter: Linter) -> None:
    prefilter = linter.prefilter
    assert len(prefilter.gated) >= 5
    english = "Our clinic offers 100% natural care. Side effects are rare."
    assert all(ident not in prefilter.gated for _, _, ident in prefilter._searched_regexes(english))
    korean = "줄기세포 시술은 부작용이 전혀 없습니다."
    assert {ident for _, _, ident in prefilter._searched_regexes(korean)} >= prefilter.gated
    assert prefilter.candidates(korean)


def test_keys_and_anchors_prefer_the_rarer_word(tmp_path: Path) -> None:
    """A pattern is indexed on, and a regex runs near, its longest uncommon word when nothing
    else tells them apart: 'zqbavork', not the 'top' or 'rated' in front of it."""
    from claimlint.packs import load_pack
    from claimlint.prefilter import build, frequency

    assert frequency(["zqbavork"]) < frequency(["rated"]) < frequency(["top"]) < frequency(["the"])
    pack = tmp_path / "rare.yaml"
    pack.write_text(
        "schema: 1\npack: rare\ndescription: d\nlanguage: en\nrules:\n"
        "  - code: XX0001\n    name: rare-key\n    category: guarantee_certainty\n    severity: error\n"
        '    message: "m"\n    why: "w"\n    references: [{title: t, url: "https://example.org"}]\n'
        "    patterns:\n      - phrases: [top rated zqbavork]\n      - regex: '\\btop\\s+zqbavork\\b'\n"
        '    examples:\n      fail: ["a [[top rated zqbavork]] b"]\n      pass: ["top rated"]\n',
        encoding="utf-8",
    )
    rules = load_pack(pack).rules
    keys = build(rules, {}).index
    assert "zqbavork" in keys and "top" not in keys and "rated" not in keys
    linter = Linter(Config(rule_paths=[pack], packs=[]))
    linter.compiled.ensure_all()
    ((_, _, _, _, anchor_ids),) = linter.compiled.anchored_regexes
    strings = linter.compiled.nlp.vocab.strings
    assert {strings[i] for i in anchor_ids} == {"anchor:LOWER:zqbavork"}


def test_an_unanchored_regex_runs_block_by_block(tmp_path: Path) -> None:
    """A regex never matches across a blank line, and a match that would have is no reason to
    miss one that starts inside it."""
    from .conftest import linter_with

    linter = linter_with(
        tmp_path, "      - phrases: [guaranteed result]", "      - regex: 'x\\s+foo|foo bar baz'"
    )
    compiled = linter.compiled
    compiled.ensure_all()
    assert compiled.regexes and not compiled.anchored_regexes  # no required word: unanchored
    text = "x\n\nfoo bar baz"
    found = [(h.start_char, h.end_char) for h in compiled.match(compiled.make_doc(text), text)]
    assert found == [(3, 14)]
