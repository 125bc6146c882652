"""qa/scripts.py: which scripts a language uses (CLDR via Babel), and when a text is mostly in another."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.mt.protect import MARKUP
from translate_flow.qa.scripts import _letters, foreign_script, language_scripts, script_of


@pytest.mark.parametrize(
    ("language", "scripts"),
    [
        ("fr", {"Latn"}),
        ("zh-CN", {"Hani"}),
        ("zh-TW", {"Hani", "Bopo"}),
        ("ja", {"Hani", "Hira", "Kana"}),
        ("ko", {"Hang", "Hani"}),
        ("sr", {"Cyrl"}),
        ("sr-Latn", {"Latn"}),
        ("pt-BR", {"Latn"}),
        ("am", {"Ethi"}),
    ],
)
def test_scripts_of_a_language_come_from_cldr(language: str, scripts: set[str]) -> None:
    assert language_scripts(language) == scripts


def test_a_script_we_cannot_tell_characters_of_turns_the_check_off() -> None:
    assert language_scripts("chr") == frozenset()  # Cherokee: not in our table of Unicode names
    assert foreign_script("Open the file.", "Откройте файл.", "chr") is None


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latn"),
        ("ｂ", "Latn"),
        ("я", "Cyrl"),
        ("の", "Hira"),
        ("ﾌ", "Kana"),
        ("字", "Hani"),
        ("한", "Hang"),
        ("7", None),
        ("。", None),
    ],
)
def test_a_letters_script_comes_from_its_unicode_name(char: str, script: str | None) -> None:
    assert script_of(char) == script


@pytest.mark.parametrize(
    ("msgid", "msgstr", "language", "found"),
    [
        ("Open the file.", "Откройте файл.", "fr", "Cyrl"),
        ("Open the file.", "Ouvrez le fichier.", "fr", None),
        ("Open the file.", "ファイルを開きます。", "zh-CN", "Kana"),
        ("Open the file.", "打开文件。", "zh-CN", None),
        ("Open the file.", "ファイルを開きます。", "ja", None),
        # Latin technical words in a Chinese text count for nothing.
        ("Use Git and the API.", "使用 Git 和 API。", "zh-CN", None),
        # A script the source text uses is the text's own.
        ("Say привет to them", "Dites привет", "fr", None),
        # Code, URLs and placeholders are not text.
        ("Run `ls`.", "Lancez `ls -la --цвет`, voir https://пример.рф/путь.", "fr", None),
        # A few letters of another script are not "mostly".
        ("Value of pi", "Valeur de π", "fr", None),
        ("Alpha", "αβγ", "fr", None),
        ("Alpha", "αβγδ", "fr", "Grek"),
        # More than half of the letters that count, not less.
        ("Open it", "Ouvre ça: открой", "fr", None),
    ],
)
def test_foreign_script(msgid: str, msgstr: str, language: str, found: str | None) -> None:
    assert foreign_script(msgid, msgstr, language) == found


_SCRIPT_PIECES = [*"aé Жж日本かカ한ع ", "`code`", "<b>", "{{< x >}}", "https://x.y/ж", "ſ", "Ω", "1", "!"]


@given(st.one_of(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=40).map("".join), st.text()))
def test_letters_are_counted_per_script_in_the_order_the_text_first_uses_them(text: str) -> None:
    by_character = Counter(s for c in MARKUP.sub(" ", text) if (s := script_of(c)) is not None)
    assert list(_letters(text).items()) == list(by_character.items())
