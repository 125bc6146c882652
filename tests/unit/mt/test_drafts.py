"""An engine's answer is kept only if it can be a translation: text, of a sane size, writable, no new controls."""

from __future__ import annotations

import pytest

from translate_flow.mt.drafts import MAX_DRAFT_CHARS, draft_problem


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        ("Hello.", "Bonjour."),
        ("Hello.", "Bonjour." + "x" * (8 * 6 + 200 - 8)),  # exactly at the size limit
        ("a\tb", "c\td"),  # a control character the source has may stay
        ("短い", "A translation about four times as long as its source, as from CJK."),
        ("Hello.", ""),  # empty means "nothing": not a problem, the next engine tries
    ],
)
def test_sane_answers_pass(source: str, draft: str) -> None:
    assert draft_problem(source, draft) is None


@pytest.mark.parametrize(
    ("source", "draft", "problem"),
    [
        ("Hello.", None, "the answer is NoneType, not text"),
        ("Hello.", b"Bonjour.", "the answer is bytes, not text"),
        ("Hello.", ["Bonjour."], "the answer is list, not text"),
        ("Hello.", "x" * (8 * 6 + 201), f"the answer is {8 * 6 + 201} characters for a text of 6"),
        ("Hello.", "Bon\ud83djour", "the answer holds a lone surrogate"),
        ("Hello.", "Bon\x00jour", "the answer holds control characters: U+0000"),
        ("a\tb", "c\td\x1b\x07", "the answer holds control characters: U+0007 U+001B"),
    ],
)
def test_insane_answers_say_why(source: str, draft: object, problem: str) -> None:
    assert draft_problem(source, draft) == problem


def test_no_source_allows_a_draft_over_the_absolute_limit() -> None:
    source = "x" * MAX_DRAFT_CHARS  # eight times this would be allowed by the ratio alone
    assert draft_problem(source, "y" * MAX_DRAFT_CHARS) is None
    assert draft_problem(source, "y" * (MAX_DRAFT_CHARS + 1)) == (
        f"the answer is {MAX_DRAFT_CHARS + 1} characters for a text of {MAX_DRAFT_CHARS}"
    )
