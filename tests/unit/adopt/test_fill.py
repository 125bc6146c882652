"""Bringing aligned translations into a catalog (adopt.fill): which entries take them, and how."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from translate_flow.adopt.align import align_segments
from translate_flow.adopt.fill import fill_catalog
from translate_flow.catalog.update import entries_for
from translate_flow.config import Config, load_config
from translate_flow.document.article import parse_article
from translate_flow.document.segment import Segment
from translate_flow.document.segmenter import segment_article

SOURCE = "---\ntitle: Opening hours\n---\n\nWe open at nine.\n\nSee the [map](/map/).\n"
PAGE = "---\ntitle: Horaires\n---\n\nNous ouvrons à neuf heures.\n\nVoir le plan.\n"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    (tmp_path / "translate-flow.toml").write_text('languages = ["fr"]\n')
    return load_config(tmp_path)


def segments(text: str, language: str) -> list[Segment]:
    article = parse_article(text.encode(), Path("/x/p.md"), "content/p.md", language)
    return segment_article(article, ("title",))[0]


def catalog(src: list[Segment], **translations: tuple[str, bool]) -> polib.POFile:
    po = polib.POFile()
    for entry in entries_for(src, "content/p.md"):
        po.append(entry)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr, fuzzy = translations[entry.msgid]
            if fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgid = "We open at ten."
    return po


def run(config: Config, po: polib.POFile, **options: bool) -> tuple[polib.POFile, object]:
    src, page = segments(SOURCE, "en"), segments(PAGE, "fr")
    return fill_catalog(config, po, src, page, align_segments(src, page), "content/p.fr.md", **options)


def test_empty_entries_take_the_page_reviewed_with_their_origin(config: Config) -> None:
    src = segments(SOURCE, "en")
    original = catalog(src)
    po, counts = run(config, original)
    entry = po.find("We open at nine.")
    assert entry.msgstr == "Nous ouvrons à neuf heures."
    assert "fuzzy" not in entry.flags
    assert entry.tcomment == "imported from content/p.fr.md:5"
    assert po.find("Opening hours").tcomment == "imported from content/p.fr.md:2"
    assert original.find("We open at nine.").msgstr == ""  # the input is not changed
    assert counts.imported == 3 and counts.entries == 3


def test_fuzzy_option_marks_them_for_review(config: Config) -> None:
    po, _counts = run(config, catalog(segments(SOURCE, "en")), fuzzy=True)
    assert all("fuzzy" in entry.flags for entry in po if entry.msgid)


def test_a_translation_that_loses_a_link_comes_in_fuzzy(config: Config) -> None:
    po, counts = run(config, catalog(segments(SOURCE, "en")))
    assert po.find("See the [map](/map/).").msgstr == "Voir le plan."
    assert "fuzzy" in po.find("See the [map](/map/).").flags
    assert counts.broken == 1


def test_a_fuzzy_guess_gives_way_and_loses_its_previous_msgid(config: Config) -> None:
    po, _counts = run(config, catalog(segments(SOURCE, "en"), **{"We open at nine.": ("Ouvert à dix heures.", True)}))
    entry = po.find("We open at nine.")
    assert entry.msgstr == "Nous ouvrons à neuf heures."
    assert "fuzzy" not in entry.flags and entry.previous_msgid is None


def test_a_reviewed_translation_is_kept_unless_replace(config: Config) -> None:
    kept = {"We open at nine.": ("Ouverture à 9 h.", False)}
    po, counts = run(config, catalog(segments(SOURCE, "en"), **kept))
    assert po.find("We open at nine.").msgstr == "Ouverture à 9 h."
    assert counts.conflicts == 1
    po, counts = run(config, catalog(segments(SOURCE, "en"), **kept), replace=True)
    assert po.find("We open at nine.").msgstr == "Nous ouvrons à neuf heures."
    assert counts.conflicts == 0


def test_a_second_import_changes_nothing(config: Config) -> None:
    first, _ = run(config, catalog(segments(SOURCE, "en")))
    second, counts = run(config, first)
    assert str(second) == str(first)
    assert counts.imported == 0 and counts.already == 3


def test_a_text_the_page_translates_two_ways_takes_the_first(config: Config) -> None:
    src = segments("# Note\n\nOne.\n\n# Note\n", "en")
    page = segments("# Remarque\n\nUn.\n\n# Attention\n", "fr")
    po = catalog(src)
    po, counts = fill_catalog(config, po, src, page, align_segments(src, page), "content/p.fr.md")
    assert po.find("Note").msgstr == "Remarque"
    assert counts.inconsistent == 1


def test_a_doubtful_pair_comes_in_fuzzy(config: Config) -> None:
    src = segments("# Cards\n\n## Jupyter\n\n## Others\n\n## Hextra\n\nText after the cards.\n", "en")
    page = segments("# Cartes\n\n## Jupyter\n\n## Autres\n\nTexte après les cartes.\n", "fr")
    po, counts = fill_catalog(config, catalog(src), src, page, align_segments(src, page), "content/p.fr.md")
    guessed = [e for e in po if e.msgstr == "Autres"]
    assert len(guessed) == 1 and "fuzzy" in guessed[0].flags
    assert "fuzzy" not in po.find("Jupyter").flags
    assert counts.doubtful == 1
