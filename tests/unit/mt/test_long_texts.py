"""Long texts cut at sentence ends for an engine's size limit, and the drafts of the pieces joined back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.mt.long_texts import join_pieces, split_long


def test_a_text_within_the_limit_is_one_piece() -> None:
    assert split_long("Short. Text.", 12) == ["Short. Text."]


def test_sentences_are_packed_into_pieces_up_to_the_limit() -> None:
    text = "One is here. Two is here. Three is here."
    assert split_long(text, 25) == ["One is here. Two is here.", "Three is here."]
    assert split_long(text, 15) == ["One is here.", "Two is here.", "Three is here."]


def test_cjk_sentences_end_without_a_space() -> None:
    assert split_long("第一句。第二句！第三句？", 5) == ["第一句。", "第二句！", "第三句？"]


def test_a_sentence_over_the_limit_is_cut_at_a_space_or_else_at_the_limit() -> None:
    assert split_long("aaaa bbbb cccc", 9) == ["aaaa", "bbbb cccc"]
    assert split_long("abcdefghij", 4) == ["abcd", "efgh", "ij"]


@pytest.mark.parametrize(("target", "joined"), [("fr", "Un. Deux."), ("zh-CN", "一。二。"), ("ja", "一。二。")])
def test_drafts_are_joined_as_the_target_language_spaces_sentences(target: str, joined: str) -> None:
    pieces = ["Un. ", " Deux."] if target == "fr" else ["一。", " 二。 "]
    assert join_pieces(pieces, target) == joined


def test_cjk_sentences_packed_together_get_no_space() -> None:
    assert split_long("第一句。第二句！第三句？", 9) == ["第一句。第二句！", "第三句？"]


def test_a_sentence_over_the_limit_comes_after_the_one_before_it() -> None:
    # Its pieces once went out ahead of the sentence still waiting to be packed.
    assert split_long("a. a aaaaaaa.", 9) == ["a.", "a", "aaaaaaa."]


_WORD = st.text(st.sampled_from("abcxyz"), min_size=1, max_size=8)
_SENTENCE = st.tuples(st.lists(_WORD, min_size=1, max_size=8), st.sampled_from(".!?")).map(
    lambda words_end: " ".join(words_end[0]) + words_end[1]
)
_CJK_SENTENCE = st.tuples(
    st.text(st.sampled_from("中文句子测试"), min_size=1, max_size=8), st.sampled_from("。！？")
).map("".join)


@given(st.lists(_SENTENCE, min_size=1, max_size=12).map(" ".join), st.integers(min_value=9, max_value=80))
def test_pieces_fit_the_limit_and_join_back_into_the_text(text: str, limit: int) -> None:
    # Words are shorter than the limit, so every cut falls at a space and nothing is lost.
    pieces = split_long(text, limit)
    assert all(0 < len(piece) <= limit for piece in pieces)
    assert join_pieces(pieces, "en") == text


@given(st.lists(_CJK_SENTENCE, min_size=1, max_size=12).map("".join), st.integers(min_value=9, max_value=40))
def test_cjk_pieces_fit_the_limit_and_join_back_into_the_text(text: str, limit: int) -> None:
    pieces = split_long(text, limit)
    assert all(0 < len(piece) <= limit for piece in pieces)
    assert join_pieces(pieces, "zh") == text
