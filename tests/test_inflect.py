from claimlint.inflect import base_form, forms


def test_verb_forms_cover_regular_inflections() -> None:
    assert {"guarantees", "guaranteed", "guaranteeing"} <= forms("guarantee")
    assert {"cures", "cured", "curing"} <= forms("cure")
    assert {"stops", "stopped", "stopping"} <= forms("stop")
    assert {"studies", "studied"} <= forms("study")


def test_irregular_forms() -> None:
    assert "proven" in forms("prove")
    assert base_form("proven") == "prove"
    assert "rebuilt" in forms("rebuild")


def test_base_form_inverts_common_inflections() -> None:
    assert base_form("guaranteed") == "guarantee"
    assert base_form("stopped") == "stop"
    assert base_form("results") == "result"


def test_words_ending_like_inflections_are_left_alone() -> None:
    assert base_form("arthritis") == "arthritis"
    assert base_form("process") == "process"
    assert forms("no") == frozenset({"no"})
