"""Bringing a translated resource's values into its catalog (adopt.fill_resource)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from translate_flow.adopt.fill_resource import fill_resource
from translate_flow.adopt.resource_values import FoundValue
from translate_flow.config import Config, load_config
from translate_flow.languages import parse_language
from translate_flow.resources.plurals import everyday


@pytest.fixture
def config(tmp_path: Path) -> Config:
    (tmp_path / "translate-flow.toml").write_text('languages = ["ru"]\n')
    return load_config(tmp_path)


def plural_catalog(language: str) -> polib.POFile:
    po = polib.POFile()
    plural_forms = parse_language(language).plural_forms
    po.metadata = {"Plural-Forms": plural_forms}
    count = int(plural_forms.split("nplurals=")[1].split(";")[0])
    po.append(
        polib.POEntry(
            msgctxt="pages",
            msgid="One page",
            msgid_plural="{{ .Count }} pages",
            msgstr_plural=dict.fromkeys(range(count), ""),
            comment="i18n (plural)",
        )
    )
    po.append(polib.POEntry(msgctxt="home", msgid="Home", msgstr="", comment="i18n"))
    return po


def test_russian_forms_go_where_the_plural_forms_put_their_counts(config: Config) -> None:
    po = plural_catalog("ru")
    forms = {"one": "{{ .Count }} страница", "few": "{{ .Count }} страницы", "many": "{{ .Count }} страниц"}
    found = [FoundValue(("pages", "One page"), {**forms, "other": "{{ .Count }} страницы"}, 3)]
    counts = fill_resource(config, po, "ru", found, 2, "i18n/ru.yaml")
    entry = po[0]
    # msgstr[2] serves 5, 11, 100: the "many" form, not the fractions' "other".
    assert entry.msgstr_plural == {0: forms["one"], 1: forms["few"], 2: forms["many"]}
    assert "fuzzy" not in entry.flags and entry.tcomment == "imported from i18n/ru.yaml:3"
    assert (counts.imported, counts.incomplete, counts.missing) == (1, 0, 1)


def test_a_table_without_a_form_gives_it_other_and_comes_in_fuzzy(config: Config) -> None:
    po = plural_catalog("ru")
    found = [FoundValue(("pages", "One page"), {"one": "1 страница", "other": "{{ .Count }} страниц"}, 7)]
    counts = fill_resource(config, po, "ru", found, 2, "i18n/ru.yaml")
    entry = po[0]
    assert entry.msgstr_plural == {0: "1 страница", 1: "{{ .Count }} страниц", 2: "{{ .Count }} страниц"}
    assert "fuzzy" in entry.flags
    # msgstr[2] is the "other" form's too (fractions), so only "few" is missing.
    assert entry.tcomment == "imported from i18n/ru.yaml:7; the table has no 'few' form: its 'other' form stands in"
    assert counts.incomplete == 1


def test_a_language_with_one_form_takes_other_and_a_singular_takes_other(config: Config) -> None:
    po = plural_catalog("ja")
    found = [
        FoundValue(("pages", "One page"), {"other": "{{ .Count }} ページ"}, 2),
        # A plural map for a singular source string: Hugo shows "other" for a string without a count.
        FoundValue(("home", "Home"), {"one": "ホーム1", "other": "ホーム"}, 1),
    ]
    counts = fill_resource(config, po, "ja", found, 2, "i18n/ja.yaml")
    assert po[0].msgstr_plural == {0: "{{ .Count }} ページ"} and "fuzzy" not in po[0].flags
    assert po[1].msgstr == "ホーム"
    assert (counts.imported, counts.missing, counts.incomplete) == (2, 0, 0)


def test_one_text_translated_two_ways_takes_the_first_and_says_so(config: Config) -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Open", msgstr="", comment="data: *.label"))
    found = [FoundValue((None, "Open"), {"other": "Ouvert"}, 2), FoundValue((None, "Open"), {"other": "Ouvrir"}, 5)]
    counts = fill_resource(config, po, "fr", found, 1, "data/fr/x.yaml")
    assert po[0].msgstr == "Ouvert" and counts.inconsistent == 1


def test_the_same_translation_is_left_as_it_is_and_a_reviewed_one_kept(config: Config) -> None:
    po = plural_catalog("ja")
    po[1].msgstr = "ホーム"
    po[1].tcomment = "a translator's note"
    found = [FoundValue(("home", "Home"), {"other": "ホーム"}, 1)]
    counts = fill_resource(config, po, "ja", found, 2, "i18n/ja.yaml", fuzzy=True)
    assert (counts.already, counts.imported) == (1, 0) and po[1].tcomment == "a translator's note"
    other = [FoundValue(("home", "Home"), {"other": "トップ"}, 1)]
    assert fill_resource(config, po, "ja", other, 2, "i18n/ja.yaml").conflicts == 1 and po[1].msgstr == "ホーム"
    assert fill_resource(config, po, "ja", other, 2, "i18n/ja.yaml", replace=True).imported == 1
    assert po[1].msgstr == "トップ" and po[1].tcomment == "a translator's note\nimported from i18n/ja.yaml:1"


def test_everyday_categories() -> None:
    """Russian 'few' serves 2 to 4, so a table without it needs review; French 'many' serves
    only counts like 1,000,000, where Hugo shows 'other' anyway."""
    assert everyday("ru", "few") and everyday("fr", "one")
    assert not everyday("fr", "many")
