"""Context cues, each on sentences written for the test (fixture pack rules)."""

from __future__ import annotations

import pytest

from claimlint.engine import Linter

from .conftest import linter_with


def found(linter: Linter, text: str, code: str, fmt: str = "text") -> list[str]:
    path = {"text": "t.txt", "markdown": "t.md", "html": "t.html"}[fmt]
    return [f.text for f in linter.lint_source(path, text, fmt).findings if f.code == code]


def reasons(linter: Linter, text: str, fmt: str = "text") -> list[str]:
    path = {"text": "t.txt", "markdown": "t.md", "html": "t.html"}[fmt]
    return [s.reason for s in linter.lint_source(path, text, fmt).suppressed]


@pytest.mark.parametrize(
    "text",
    [
        "Outcomes are not guaranteed results.",
        "Nobody can promise you guaranteed results.",
        "We do not, at this stage of the research, offer guaranteed results.",
        "Rather than guaranteed results, we explain what the evidence shows.",
        "It would be misleading to advertise guaranteed results.",
        "Our brochure never mentions guaranteed results.",
    ],
)
def test_negated_benefits_are_compliant(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []
    assert any(r.startswith("negated") for r in reasons(fixture_linter, text))


@pytest.mark.parametrize(
    "text",
    [
        "No needles, guaranteed results.",
        "Not only fast but guaranteed results.",
        "No doubt about it: guaranteed results.",
        "There is no question our patients get guaranteed results.",
        "No downtime. Guaranteed results.",
        "Results? Guaranteed results, not excuses.",
    ],
)
def test_negation_out_of_scope_or_pseudo_keeps_the_claim(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") != []


def test_negation_terminated_by_but(fixture_linter: Linter) -> None:
    assert found(fixture_linter, "It is not cheap, but guaranteed results follow.", "TS0401") != []


@pytest.mark.parametrize(
    "text",
    [
        'Avoid terms like "guaranteed results" in your copy.',
        "The so-called guaranteed results rarely appear.",
        "Ads sold it with language of renewal, vitality, youth and guaranteed results.",
        "The regulator says that claims that a clinic offers guaranteed results need evidence.",
        "Claims to deliver guaranteed results are medicinal claims.",
    ],
)
def test_mentions_are_not_claims(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []


@pytest.mark.parametrize(
    "text",
    [
        'Regulators criticise lines such as "guaranteed results" in clinic adverts.',
        "Regulators criticise lines such as 'guaranteed results' in clinic adverts.",
        "Watch for claims, like ‘guaranteed results’, that no trial supports.",
        "Headlines (e.g. 'guaranteed results, fast') mislead patients.",
        "Headlines, for example 'guaranteed results, fast', mislead patients.",
    ],
)
def test_a_quoted_example_of_language_is_a_mention(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []
    assert any(r.startswith("quoted as an example of") for r in reasons(fixture_linter, text))


@pytest.mark.parametrize(
    "text",
    [
        "Patients say things like 'guaranteed results' after one session.",  # not a language noun
        "Read stories such as 'guaranteed results in a week' from our patients.",  # a testimonial
        "Claims such as guaranteed results are what we deliver.",  # not quoted
        "Our patients' guaranteed results speak for themselves, and 'regenerative' is our word.",
    ],
)
def test_examples_that_are_not_quoted_language_stay_claims(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") != []


def test_quotes_without_a_metalinguistic_cue_are_still_claims(fixture_linter: Linter) -> None:
    assert found(fixture_linter, 'Our "guaranteed results" programme starts today.', "TS0401") != []


@pytest.mark.parametrize(
    "text",
    [
        "Some clinics claim guaranteed results.",
        "Many people assume stem cells mean guaranteed results.",
        "The leaflet promised guaranteed results, the patient saw none.",
    ],
)
def test_claims_attributed_to_others(fixture_linter: Linter, text: str) -> None:
    text = text.replace("The leaflet", "The brochure")
    assert found(fixture_linter, text, "TS0401") == []


def test_warning_lists_and_myth_columns(fixture_linter: Linter) -> None:
    md = "Watch out for any clinic that:\n\n- offers guaranteed results\n- is vague\n"
    assert found(fixture_linter, md, "TS0401", "markdown") == []
    table = "| Myth | Reality |\n|---|---|\n| Guaranteed results | Results vary |\n"
    assert found(fixture_linter, table, "TS0401", "markdown") == []
    ours = "| Package | Promise |\n|---|---|\n| Gold | Guaranteed results |\n"
    assert found(fixture_linter, ours, "TS0401", "markdown") == ["Guaranteed results"]


def test_regulator_blockquote_is_attributed(fixture_linter: Linter) -> None:
    md = "> The FDA warns consumers about offers of guaranteed results.\n"
    assert found(fixture_linter, md, "TS0401", "markdown") == []


def test_questions_and_faq_headings(fixture_linter: Linter) -> None:
    assert found(fixture_linter, "Can stem cells treat arthritis?", "TS0201") == []
    md = "## Does it heal knee pain\n\nYes, it heals knee pain.\n"
    assert found(fixture_linter, md, "TS0201", "markdown") == ["heals knee pain"]


@pytest.mark.parametrize(
    "text",
    [
        "Why settle for less than guaranteed results?",
        "Tired of waiting for guaranteed results?",
        "Isn’t it time for guaranteed results?",
        "Don't you deserve guaranteed results?",
        "Could this be the way to guaranteed results? For many of our patients, yes.",
        "Do our patients get guaranteed results? Absolutely!",
    ],
)
def test_questions_that_sell_keep_their_claim(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == ["guaranteed results"]


@pytest.mark.parametrize(
    "text",
    [
        "Do our patients get guaranteed results? Yes, but only in the brochure.",
        "Do our patients get guaranteed results? No.",
        # the answer in its own paragraph makes its own claim, which is reported there
        "Do our patients get guaranteed results?\n\nYes.",
        "Why do some clinics offer guaranteed results?",
    ],
)
def test_questions_left_open_or_answered_apart_stay_questions(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []


@pytest.mark.parametrize(
    "text",
    [
        "There is no scientific evidence that these clinics deliver guaranteed results.",
        "There are no drugs, devices or programmes available that give guaranteed results.",
        "The FDA has observed that your firm promises guaranteed results.",
    ],
)
def test_denied_evidence_and_regulator_reports_are_not_claims(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []


@pytest.mark.parametrize(
    "text",
    [
        "There is no better way to get guaranteed results.",
        "There is no vaccine available, so our drip gives guaranteed results.",
        "Our evidence is clear, and there is no doubt: guaranteed results.",
    ],
)
def test_existential_no_that_sells_keeps_the_claim(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == ["guaranteed results"]


def test_hedges_are_not_a_safe_harbour(fixture_linter: Linter) -> None:
    assert found(fixture_linter, "Our cells may help treat arthritis.", "TS0201") == ["treat arthritis"]


def test_negation_inside_a_wildcard_gap(tmp_path) -> None:  # type: ignore[no-untyped-def]

    linter = linter_with(
        tmp_path,
        "      - phrases: [guaranteed result]",
        "      - tokens: [{LEMMA: guarantee}, {IS_PUNCT: false, OP: '{0,3}'}, {LEMMA: result}]",
    )
    assert found(linter, "We guarantee no particular results.", "TS0401") == []
    assert found(linter, "We guarantee excellent results.", "TS0401") == ["guarantee excellent results"]


def test_cited_statistics_can_be_suppressed(tmp_path) -> None:  # type: ignore[no-untyped-def]

    linter = linter_with(
        tmp_path,
        "      - regex: '\\b\\d{2,3}\\s?% success'",
        "      - regex: '\\b\\d{2,3}\\s?% success'\n        context: {cited: suppress}",
    )
    assert found(linter, "A 95% success rate in our clinic.", "TS0901") == ["95% success"]
    for cited in (
        "A 62% success rate (n = 140) at one year.",
        "A 62% success rate (Lee et al., 2021).",
        "A 62% success rate in trial NCT01234567.",
        "A 62% success rate [3].",
    ):
        assert found(linter, cited, "TS0901") == [], cited


def test_heading_with_wh_word_but_no_inversion_is_not_a_question(fixture_linter: Linter) -> None:
    md = "## What our patients say about guaranteed results\n\n## What are guaranteed results\n"
    assert found(fixture_linter, md, "TS0401", "markdown") == ["guaranteed results"]


def test_negation_in_a_fronted_if_clause_stays_there(fixture_linter: Linter) -> None:
    text = "If you don't feel better within a month, you still get guaranteed results."
    assert found(fixture_linter, text, "TS0401") == ["guaranteed results"]
    text = "We do not, at any point, promise guaranteed results."
    assert found(fixture_linter, text, "TS0401") == []


def test_lexicon_words_of_a_near_pattern_are_not_gap_negations(tmp_path) -> None:  # type: ignore[no-untyped-def]

    linter = linter_with(
        tmp_path,
        "fixture_verbs: [treat, heal, reverse]",
        "fixture_verbs: [treat, heal, reverse, no longer suffer from]",
    )
    assert found(linter, "I no longer suffer from knee pain.", "TS0201") == ["no longer suffer from knee pain"]


@pytest.mark.parametrize(
    "text",
    [
        "Some lounges dangle guaranteed results to first-time visitors.",
        "At the seminar, the host told retirees about guaranteed results.",
        "Glossy mailers promising guaranteed results arrived every week.",
    ],
)
def test_third_party_sellers_as_subjects(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == []


@pytest.mark.parametrize(
    "text",
    [
        "The clinic offers guaranteed results.",
        "Our clinics promise guaranteed results.",
        "We tell every patient to expect guaranteed results.",
    ],
)
def test_the_advertiser_speaking_of_itself_is_not_attribution(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == ["guaranteed results"]


@pytest.mark.parametrize("header", ["What you may hear elsewhere", "What the ad says", "Red flag", "Claim"])
def test_columns_over_other_peoples_words(fixture_linter: Linter, header: str) -> None:
    table = f"| {header} | Evidence |\n|---|---|\n| guaranteed results | none |\n"
    assert found(fixture_linter, table, "TS0401", "markdown") == []


def test_reported_speech_in_a_warning_article(fixture_linter: Linter) -> None:
    warning = 'Be wary of sellers. Be cautious when anyone tells you it brings "guaranteed results".'
    assert found(fixture_linter, warning, "TS0401") == []
    promo = 'Our patients tell us it brings "guaranteed results".'
    assert found(fixture_linter, promo, "TS0401") == ["guaranteed results"]


@pytest.mark.parametrize(
    "text",
    [
        "Guaranteed results are not something any clinic can offer.",
        "Claims of guaranteed results are unproven.",
        "No clinic that follows the rules is allowed to promise guaranteed results.",
        "Researchers are testing whether the cells can heal knee pain.",
    ],
)
def test_later_negation_clause_negation_and_indirect_questions(fixture_linter: Linter, text: str) -> None:
    assert found(fixture_linter, text, "TS0401") == [] and found(fixture_linter, text, "TS0201") == []


def test_language_enumerated_after_a_dash_is_a_mention(fixture_linter: Linter) -> None:
    text = "Offshore brochures widen their vocabulary — vitality, youth, guaranteed results."
    assert found(fixture_linter, text, "TS0401") == []
    assert found(fixture_linter, "Our promise — guaranteed results.", "TS0401") == ["guaranteed results"]


def test_a_self_negating_claim_survives_a_list_or_a_comma(tmp_path) -> None:  # type: ignore[no-untyped-def]

    linter = linter_with(
        tmp_path,
        "      - phrases: [guaranteed result]",
        "      - phrases: [guaranteed result, no downtime, doesn't hurt]",
    )
    assert found(linter, "No scars and no downtime.", "TS0401") == ["no downtime"]
    assert found(linter, "Don't worry, it doesn't hurt.", "TS0401") == ["doesn't hurt"]
    assert found(linter, "It is not true that there is no downtime.", "TS0401") == []


def test_a_denied_disclosure_is_no_disclosure(fixture_linter: Linter) -> None:
    text = "Book stem cell therapy today. There are no side effects to worry about."
    assert [f.code for f in fixture_linter.lint_source("t.txt", text, "text").findings] == ["TS1901"]


def test_contractions_meet_spelled_out_phrases(tmp_path) -> None:  # type: ignore[no-untyped-def]

    linter = linter_with(
        tmp_path,
        "      - phrases: [guaranteed result]",
        "      - phrases: [guaranteed result, cannot reject, does not hurt]",
    )
    assert found(linter, "Your body can't reject them.", "TS0401") == ["can't reject"]
    assert found(linter, "The shot doesn't hurt.", "TS0401") == ["doesn't hurt"]


def test_negation_stops_at_a_new_clause_after_a_comma(fixture_linter: Linter) -> None:
    text = "Your own cells can never be mismatched, so you get guaranteed results."
    assert found(fixture_linter, text, "TS0401") == ["guaranteed results"]


def test_see_if_is_an_indirect_question(fixture_linter: Linter) -> None:
    assert found(fixture_linter, "A trial will test if the cells heal knee pain.", "TS0201") == []


def test_no_compounds_are_not_negations(fixture_linter: Linter) -> None:
    assert found(fixture_linter, "A no-obligation call with guaranteed results.", "TS0401") == ["guaranteed results"]
