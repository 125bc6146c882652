"""qa.counts: entries by state and the words a translator still has to handle."""

from __future__ import annotations

import polib
import pytest

from translate_flow.qa import counts as counts_module
from translate_flow.qa.counts import Counts, count, count_words, is_translated, published_percent, unmatched_entries


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


def test_without_words_the_entries_count_the_same_and_no_word_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    po = _catalog(
        polib.POEntry(msgid="One two three.", msgstr="Un deux trois."),
        polib.POEntry(msgid="Four five.", msgstr="Quatre cinq ?", flags=["fuzzy"]),
        polib.POEntry(msgid="One page", msgid_plural="{n} pages", msgstr_plural={0: "Une page", 1: ""}),
        polib.POEntry(msgid="Added by hand.", msgstr="Ajouté."),
    )
    keys = {(None, "One two three."), (None, "Four five."), (None, "One page"), (None, "Not in the file yet.")}
    full = count(po, keys)
    counted: list[str] = []
    monkeypatch.setattr(counts_module, "count_words", lambda text: counted.append(text) or 1)
    entries = count(po, keys, word_counts=False)
    assert counted == []  # merge's published share pays for no word count
    assert (entries.words_total, entries.words_left) == (0, 0)
    assert entries == Counts(
        full.total, full.translated, full.fuzzy, full.untranslated, full.obsolete, 0, 0, full.unmatched
    )
    assert published_percent(entries, False, 0) == published_percent(full, False, 0) == 25.0


def test_an_empty_catalog_is_complete() -> None:
    assert count(polib.POFile()).percent == 100.0


def _catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    for entry in entries:
        po.append(entry)
    return po


def test_entries_are_known_by_msgctxt_and_msgid_against_the_source() -> None:
    po = _catalog(
        polib.POEntry(msgid="Hello there.", msgstr="Bonjour.", msgctxt="greeting"),  # the source has no context
        polib.POEntry(msgid="Second text.", msgstr="Deuxième."),
        polib.POEntry(msgid="Added by hand.", msgstr="Ajouté."),  # no source text at all
    )
    keys = {(None, "Hello there."), (None, "Second text.")}
    counts = count(po, keys)
    # The source's first text has no entry (gettext would not find the one with a context): untranslated.
    assert (counts.total, counts.translated, counts.untranslated, counts.unmatched) == (2, 1, 1, 2)
    assert counts.percent == 50.0 and counts.words_left == 2
    assert [e.msgid for e in unmatched_entries(po, keys)] == ["Hello there.", "Added by hand."]
    # Without a template every live entry is a source text, as before.
    assert (count(po).total, count(po).translated, count(po).unmatched) == (3, 3, 0)


def test_a_plural_entry_counts_once_and_only_with_every_form() -> None:
    half = polib.POEntry(msgid="One page", msgid_plural="{n} pages", msgstr_plural={0: "Une page", 1: ""})
    whole = polib.POEntry(msgid="One file", msgid_plural="{n} files", msgstr_plural={0: "Un", 1: "{n}"})
    counts = count(_catalog(half, whole), {(None, "One page"), (None, "One file")})
    assert (counts.total, counts.translated, counts.untranslated) == (2, 1, 1)
    assert is_translated(whole) and not is_translated(half)


def test_published_percent_adds_fuzzy_on_request_and_takes_off_what_is_held() -> None:
    po = _catalog(
        polib.POEntry(msgid="a", msgstr="A"),
        polib.POEntry(msgid="b", msgstr="B", flags=["fuzzy"]),
        polib.POEntry(msgid="c", msgstr=""),
        polib.POEntry(msgid="d", msgstr="D"),
    )
    counts = count(po, {(None, m) for m in "abcd"})
    assert published_percent(counts, include_fuzzy=False, held=0) == counts.percent == 50.0
    assert published_percent(counts, include_fuzzy=True, held=0) == 75.0
    assert published_percent(counts, include_fuzzy=False, held=1) == 25.0
