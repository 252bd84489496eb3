from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.packs import PackProblems, load_pack, load_packs, parse_marked_example

from .conftest import FIXTURES

GOOD_RULE = """\
  - code: XX0401
    name: good-rule
    category: guarantee_certainty
    severity: error
    message: "m"
    why: "w"
    references: [{title: t, url: "https://example.org"}]
    patterns:
      - phrases: [guaranteed]
    examples:
      fail: ["a [[guaranteed]] b"]
      pass: ["nothing"]
"""
HEADER = "schema: 1\npack: p\ndescription: d\nlanguage: en\nrules:\n"


def write(tmp_path: Path, body: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(PackProblems) as info:
        load_packs([path])
    return [str(p) for p in info.value.problems]


def test_fixture_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(FIXTURES / "basic-pack.yaml")
    assert [r.code for r in pack.rules][:2] == ["TS0401", "TS0201"]
    assert pack.lexicons["fixture_verbs"] == ("treat", "heal", "reverse")


def test_unknown_key_has_position_and_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE.replace("    why:", "    wyh: x\n    why:"))
    (msg,) = problems(path)
    assert msg.startswith(f"{path}:11:5: rule XX0401: unknown rule key 'wyh'")
    assert "did you mean 'why'" in msg


def test_bad_token_attribute_is_located(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - tokens: [{LEMA: guarantee}]")
    (msg,) = problems(write(tmp_path, body))
    assert ":14:" in msg and "unknown token attribute 'LEMA'" in msg and "did you mean 'LEMMA'" in msg


def test_model_only_attribute_is_rejected(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - tokens: [{POS: NOUN}]")
    (msg,) = problems(write(tmp_path, body))
    assert "needs a trained pipeline" in msg


def test_bad_regex_is_located(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - regex: '(unclosed'")
    (msg,) = problems(write(tmp_path, body))
    assert f"{tmp_path / 'pack.yaml'}:14:16: rule XX0401: bad regex" in msg


def test_unknown_category_suggests_the_taxonomy_id(tmp_path: Path) -> None:
    (msg,) = problems(write(tmp_path, GOOD_RULE.replace("guarantee_certainty", "guarantee_certainity")))
    assert ":8:15:" in msg and "did you mean 'guarantee_certainty'" in msg


def test_duplicate_code_across_packs(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD_RULE, "a.yaml")
    second = write(tmp_path, GOOD_RULE.replace("good-rule", "other-rule"), "b.yaml")
    with pytest.raises(PackProblems) as info:
        load_packs([first, second])
    (msg,) = [str(p) for p in info.value.problems]
    assert msg.startswith(f"{second}:6:1: rule XX0401: duplicate rule code 'XX0401'")
    assert f"first defined at {first}:6" in msg


def test_fail_example_must_mark_a_span(tmp_path: Path) -> None:
    (msg,) = problems(write(tmp_path, GOOD_RULE.replace("a [[guaranteed]] b", "a guaranteed b")))
    assert "must mark the expected span" in msg


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("schema: 1\npack: [unclosed\n", encoding="utf-8")
    (msg,) = problems(path)
    assert msg.startswith(f"{path}:") and "YAML syntax error" in msg


def test_every_problem_is_reported_and_nothing_half_loads(tmp_path: Path) -> None:
    body = GOOD_RULE + GOOD_RULE.replace("XX0401", "XX0402").replace("good-rule", "r2").replace(
        "severity: error", "severity: fatal"
    )
    msgs = problems(write(tmp_path, body))
    assert len(msgs) == 1 and "severity must be error, warning or info" in msgs[0]


def test_unknown_lexicon_reference(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - near: {left: '@nope', right: [x]}")
    (msg,) = problems(write(tmp_path, body))
    assert "unknown lexicon '@nope'" in msg


def test_parse_marked_example() -> None:
    text, spans = parse_marked_example("We offer [[guaranteed results]] and [[cures]].")
    assert text == "We offer guaranteed results and cures."
    assert [text[s:e] for s, e in spans] == ["guaranteed results", "cures"]


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        ("{OP: '++'}", "bad OP '++'"),
        ("{IS_PUNCT: 'yes'}", "'IS_PUNCT' takes true or false"),
        ("{LOWER: {ON: [a]}}", "unknown predicate 'ON' for 'LOWER' (did you mean 'IN'?)"),
        ("{LOWER: {IN: a}}", "takes a list of strings"),
    ],
)
def test_bad_token_pattern_values_are_located(tmp_path: Path, token: str, problem: str) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", f"      - tokens: [{{LOWER: a}}, {token}]")
    (msg,) = problems(write(tmp_path, body))
    assert ":14:" in msg and "rule XX0401" in msg and problem in msg


def test_yaml_words_no_and_on_stay_words(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - tokens: [{LOWER: no}, {LOWER: {IN: [on, off]}}]")
    (pack,) = load_packs([write(tmp_path, body)])
    assert pack.rules[0].patterns[0].tokens == ({"LOWER": "no"}, {"LOWER": {"IN": ["on", "off"]}})


def test_boolean_where_a_word_is_expected_gets_a_hint(tmp_path: Path) -> None:
    body = GOOD_RULE.replace("      - phrases: [guaranteed]", "      - tokens: [{LOWER: true}]")
    (msg,) = problems(write(tmp_path, body))
    assert "'LOWER' takes a string" in msg


def test_examples_can_be_markdown_or_html(tmp_path: Path) -> None:
    from claimlint.selftest import ExampleRunner, cases

    body = GOOD_RULE.replace(
        'fail: ["a [[guaranteed]] b"]', 'fail: [{text: "![[[guaranteed]] look](x.png)", format: markdown}]'
    )
    body = body.replace('pass: ["nothing"]', 'pass: [{text: "<p><!-- guaranteed --></p>", format: html}]')
    packs = load_packs([write(tmp_path, body)])
    runner = ExampleRunner(packs)
    outcomes = [(c.kind, c.example.fmt, runner.check(c)) for c in cases(packs)]
    assert outcomes == [("fail", "markdown", None), ("pass", "html", None)]
