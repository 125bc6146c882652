"""qa.counts: entries by state and the words a translator still has to handle."""

from __future__ import annotations

import polib
import pytest

from translate_flow.qa.counts import Counts, count, count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Read the `code` and https://x.org now", 4),  # markup counts as nothing
        ("图书馆每天开门", 7),  # each CJK character is a word, as word processors count them
        ("QQ 群文件 update", 5),
        ("한국어 문장", 5),  # Hangul syllables too
        ("Ｆｕｌｌｗｉｄｔｈ", 9),  # fullwidth forms sit in the CJK range counted per character
        ("it's a well-known fact", 4),
        ("— … ---", 0),  # punctuation alone is no word
        ("", 0),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_count_sorts_entries_by_state_and_counts_the_words_left() -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="One two three.", msgstr="Un deux trois."))
    po.append(polib.POEntry(msgid="Four five.", msgstr="Quatre cinq ?", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Six.", msgstr=""))
    po.append(polib.POEntry(msgid="图书馆", msgstr=""))
    po.append(polib.POEntry(msgid="Gone words here.", msgstr="Partis.", obsolete=True))
    counts = count(po)
    assert counts == Counts(
        total=4, translated=1, fuzzy=1, untranslated=2, obsolete=1, words_left=2 + 1 + 3, words_total=3 + 2 + 1 + 3
    )
    assert counts.percent == 25.0


def test_an_empty_catalog_is_complete() -> None:
    assert count(polib.POFile()).percent == 100.0
