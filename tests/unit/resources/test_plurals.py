"""resources/plurals.py: CLDR categories tied to gettext's numbered forms."""

from __future__ import annotations

import pytest

from translate_flow.errors import CatalogError
from translate_flow.languages import parse_language
from translate_flow.resources.plurals import categories, form_categories, form_numbers, nplurals, singular_forms


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"one": 0, "other": 1}),
        ("ja", {"other": 0}),
        ("es", {"one": 0, "many": 1, "other": 2}),
        # Russian "other" is only for fractions: it gets the last form.
        ("ru", {"one": 0, "few": 1, "many": 2, "other": 2}),
        ("ar", {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 4, "other": 5}),
    ],
)
def test_each_category_has_its_form(language: str, expected: dict[str, int]) -> None:
    assert form_numbers(language, parse_language(language).plural_forms) == expected
    assert categories(language) == tuple(expected)


def test_a_translator_s_plural_forms_are_followed() -> None:
    # Spanish as gettext long wrote it: two forms, "many" goes with the plural.
    assert form_numbers("es", "nplurals=2; plural=(n != 1);") == {"one": 0, "many": 1, "other": 1}


def test_forms_used_for_one_alone() -> None:
    assert singular_forms(parse_language("es").plural_forms) == {0}
    assert singular_forms(parse_language("ru").plural_forms) == set()  # 1, 21, 31… share a form
    assert singular_forms("nplurals=1; plural=0;") == set()


def test_nplurals_and_bad_expressions() -> None:
    assert (nplurals("nplurals=3; plural=n%3;"), nplurals(None), nplurals("")) == (3, 2, 2)
    with pytest.raises(CatalogError):
        form_numbers("en", "nplurals=2;")
    with pytest.raises(CatalogError):
        singular_forms("nplurals=2; plural=n +* 1;")


@pytest.mark.parametrize(
    ("language", "plural_forms", "expected"),
    [
        ("es", None, {0: "one", 1: "many", 2: "other"}),
        # Russian msgstr[2] serves 5, 11, 100…: those are "many"; "other" (fractions) shares it.
        ("ru", None, {0: "one", 1: "few", 2: "many"}),
        ("ja", None, {0: "other"}),
        # Two forms for Spanish: msgstr[1] serves 2, 3… ("other") and a million ("many").
        ("es", "nplurals=2; plural=(n != 1);", {0: "one", 1: "other"}),
    ],
)
def test_each_form_belongs_to_the_category_of_most_of_its_counts(
    language: str, plural_forms: str | None, expected: dict[int, str]
) -> None:
    assert form_categories(language, plural_forms or parse_language(language).plural_forms) == expected
