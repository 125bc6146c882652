"""Aligning a translated page's texts with its source's (adopt.align)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from translate_flow.adopt import align as align_module
from translate_flow.adopt.align import align_segments
from translate_flow.document.article import parse_article
from translate_flow.document.segment import Location, Segment
from translate_flow.document.segmenter import segment_article

KEYS = ("title", "description")


def segments(text: str, language: str = "en") -> list[Segment]:
    article = parse_article(text.encode(), Path("/x/p.md"), "p.md", language)
    return segment_article(article, KEYS)[0]


def texts(source: list[Segment], page: list[Segment], pairs: tuple[tuple[int, int], ...]) -> dict[str, str]:
    return {source[i].text: page[j].text for i, j in pairs}


SOURCE = """---
title: Borrowing books
description: How the library lends.
---

# Borrowing books

You can borrow up to six books at a time for three weeks.

1. Bring your library card.
2. Scan each book at the desk.
3. Keep the receipt.

Late returns cost ten cents a day, see `rules.txt`.

Renew online with your card number.
"""


def test_same_structure_pairs_text_by_text() -> None:
    page = SOURCE.replace("Borrowing books", "Emprunter").replace("Keep the receipt.", "Gardez le reçu.")
    page = page.replace("How the library lends.", "Comment prêter.")
    src, tr = segments(SOURCE), segments(page, "fr")
    found = align_segments(src, tr)
    assert found.same_structure
    assert found.pairs == tuple((i, i) for i in range(len(src)))
    assert texts(src, tr, found.pairs)["Keep the receipt."] == "Gardez le reçu."


def test_front_matter_pairs_by_key_whatever_the_order() -> None:
    page = "---\ndescription: Comment prêter.\ntitle: Emprunter\n---\n\nUn.\n"
    src, tr = segments("---\ntitle: Borrow\ndescription: How it lends.\n---\n\nOne.\n\nTwo.\n"), segments(page, "fr")
    paired = texts(src, tr, align_segments(src, tr).pairs)
    assert paired["Borrow"] == "Emprunter"
    assert paired["How it lends."] == "Comment prêter."


FRENCH = """---
title: Emprunter des livres
---

# Emprunter des livres

Vous pouvez emprunter jusqu'à six livres à la fois pendant trois semaines.

Ce paragraphe n'existe que dans la traduction : il parle des horaires d'été, ajoutés après coup.

1. Apportez votre carte de bibliothèque.
2. Passez chaque livre à l'accueil, un par un.

Les retours en retard coûtent dix centimes par jour, voir `rules.txt`.

Renouvelez en ligne avec votre numéro de carte.
"""


def test_an_added_paragraph_and_a_missing_item_are_left_unpaired() -> None:
    src, tr = segments(SOURCE), segments(FRENCH, "fr")
    found = align_segments(src, tr)
    assert not found.same_structure
    paired = texts(src, tr, found.pairs)
    assert paired["You can borrow up to six books at a time for three weeks."].startswith("Vous pouvez")
    assert paired["Bring your library card."] == "Apportez votre carte de bibliothèque."
    assert paired["Scan each book at the desk."] == "Passez chaque livre à l'accueil, un par un."
    assert "Keep the receipt." not in paired
    assert paired["Late returns cost ten cents a day, see `rules.txt`."].startswith("Les retours")
    assert paired["Renew online with your card number."].startswith("Renouvelez")
    assert not any(t.startswith("Ce paragraphe") for t in paired.values())
    assert found.body_total == 7 and found.body_paired == 6


def test_texts_of_different_kinds_never_pair() -> None:
    src = segments("# Title\n\nA paragraph of text.\n")
    tr = segments("- Un élément\n\nUn paragraphe de texte.\n", "fr")
    paired = texts(src, tr, align_segments(src, tr).pairs)
    assert paired == {"A paragraph of text.": "Un paragraphe de texte."}


def test_a_paragraph_whose_code_differs_does_not_pair() -> None:
    src = segments("# T\n\nRun `make` first.\n\nThen rest.\n")
    tr = segments("# T\n\nLancez `cmake` puis `ninja` d'abord, et attendez.\n", "fr")
    paired = texts(src, tr, align_segments(src, tr).pairs)
    assert "Run `make` first." not in paired


def test_a_very_long_page_pairs_by_kind_and_order(monkeypatch: object) -> None:
    setattr(align_module, "_MAX_CELLS", 1)  # noqa: B010 - the fallback, on a small page
    try:
        src = segments("# A\n\nOne.\n\nTwo.\n")
        tr = segments("# Un\n\nUn.\n\nDeux.\n\nTrois.\n", "fr")
        found = align_segments(src, tr)
        assert texts(src, tr, found.pairs) == {"A": "Un", "One.": "Un.", "Two.": "Deux."}
    finally:
        setattr(align_module, "_MAX_CELLS", 4_000_000)  # noqa: B010


KINDS = st.sampled_from(["paragraph", "heading 2", "list item", "table cell"])
WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=60)


def _segment(kind: str, text: str, at: int) -> Segment:
    return Segment(text, kind, Location(at, at + len(text), at + 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(KINDS, WORDS), max_size=25), st.lists(st.tuples(KINDS, WORDS), max_size=25))
def test_pairs_keep_order_kind_and_are_one_to_one(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> None:
    src = [_segment(kind, text, i) for i, (kind, text) in enumerate(left)]
    tr = [_segment(kind, text, i) for i, (kind, text) in enumerate(right)]
    found = align_segments(src, tr)
    assert list(found.pairs) == sorted(found.pairs)
    assert [j for _, j in found.pairs] == sorted({j for _, j in found.pairs})
    assert all(src[i].kind == tr[j].kind for i, j in found.pairs)
    assert found.body_paired == len(found.pairs) <= min(len(src), len(tr))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(KINDS, WORDS), min_size=1, max_size=25), st.data())
def test_a_page_missing_some_texts_pairs_the_rest_with_their_own(
    items: list[tuple[str, str]], data: st.DataObject
) -> None:
    """The translation is the source with texts dropped and every kept text 'translated'
    into one of the same length: each kept text must pair with its own translation."""
    src = [_segment(kind, f"{n} {text}", n) for n, (kind, text) in enumerate(items)]
    kept = sorted(data.draw(st.sets(st.integers(0, len(src) - 1))))
    tr = [_segment(src[n].kind, src[n].text.upper(), n) for n in kept]
    found = align_segments(src, tr)
    assert {(i, kept[j]) for i, j in found.pairs} == {(n, n) for n in kept}


def test_a_pair_a_neighbour_would_fit_as_well_is_doubtful() -> None:
    """Three cards in the source, two in the page: the page's second card translates either
    "Others" or "Hextra"; only a reviewer can tell (seen on a real theme's Persian page)."""
    src = segments("# Cards\n\n## Jupyter\n\n## Others\n\n## Hextra\n\nText after the cards.\n")
    tr = segments("# کارت‌ها\n\n## Jupyter\n\n## سایر\n\nمتن پس از کارت‌ها.\n", "fa")
    found = align_segments(src, tr)
    paired = {src[i].text: tr[j].text for i, j in found.pairs}
    guessed = {src[i].text for i, j in found.doubtful}
    assert paired["Jupyter"] == "Jupyter" and "Jupyter" not in guessed
    [card] = [text for text in ("Others", "Hextra") if text in paired]
    assert paired[card] == "سایر" and card in guessed


def test_pairs_in_a_page_of_the_same_structure_are_never_doubtful() -> None:
    src, tr = segments(SOURCE), segments(SOURCE.replace("Keep the receipt.", "Gardez le reçu."), "fr")
    assert align_segments(src, tr).doubtful == frozenset()
