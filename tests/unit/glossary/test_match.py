"""Finding terms: word bounds, inflection tolerance for suffixing languages only, exact CJK, markup ignored."""

from __future__ import annotations

import pytest

from translate_flow.glossary.match import missing_translations, used_terms, uses
from translate_flow.glossary.model import TermPair


@pytest.mark.parametrize(
    ("term", "text", "language", "case", "found"),
    [
        ("pull request", "Open a pull request.", "en", False, True),
        ("pull request", "Open two Pull-Requests.", "en", False, True),  # plural, capitals, hyphen
        ("pull request", "Open a pull  \n request.", "en", False, True),
        ("pull request", "Pull the request.", "en", False, False),  # not adjacent
        ("branch", "a brand new", "en", False, False),  # the stem is all letters but the last
        ("branch", "two branches", "en", False, True),
        ("commit", "committing", "en", False, False),  # more than three letters longer
        ("Go", "Go ahead and go", "en", True, True),
        ("Go", "go ahead, Google", "en", True, False),  # case-sensitive, and a word of its own
        ("PR", "a PRs list", "en", False, False),  # short words match exactly
        ("ветка", "две ветки", "ru", False, False),  # a source word holds the whole term…
        ("theme", "Combine them here.", "en", False, False),  # …and is never shorter
        ("theme", "_You **can** combine them_", "en", False, False),
        ("theme", "Two themes and the theme's colours.", "en", False, True),  # plurals and possessives
        ("theme", "a themed page", "en", False, True),
        ("theme", "thematic", "en", False, False),
        ("solicitud de incorporación", "dos solicitudes de incorporación", "es", False, True),
        ("branch", "two branches", "ar", False, False),  # not a suffixing language: exact
        ("合并请求", "打开一个合并请求。", "zh-CN", False, True),
        ("合并请求", "打开一个合并的请求。", "zh-CN", False, False),
        ("Hugo", "使用Hugo构建", "zh-CN", True, True),  # Latin words are found between CJK characters
        ("Hugo", "Hugonaut", "en", True, False),
        ("make", "run `make` now", "en", False, False),  # inside code: markup, not text
        ("guide", "see [the docs](https://example.org/guide)", "en", False, False),  # in a link destination
        ("guide", "see [the guide](https://example.org/)", "en", False, True),  # in a link text
        ("Straße", "die STRASSE", "de", False, True),  # case-folded
    ],
)
def test_uses(term: str, text: str, language: str, case: bool, found: bool) -> None:
    assert uses(term, text, language, case) is found


@pytest.mark.parametrize(
    ("term", "text", "language", "found"),
    [
        ("ветка", "две ветки", "ru", True),  # a translation may change the last letter (Russian endings)
        ("fusionner", "Lancez puis fusionnez.", "fr", True),
        ("theme", "Combine them here.", "en", False),  # but is never shorter
        ("rama", "dos ram", "es", False),
        ("theme", "two themes", "en", True),
    ],
)
def test_uses_in_a_translation(term: str, text: str, language: str, found: bool) -> None:
    assert uses(term, text, language, False, translation=True) is found


PR = TermPair("pull request", "合并请求", "", False, False)
REQUEST = TermPair("request", "请求", "", False, False)
HUGO = TermPair("Hugo", "Hugo", "", True, True)


def test_a_term_found_only_inside_a_longer_one_is_not_used_on_its_own() -> None:
    assert used_terms([REQUEST, PR], "Open a pull request.", "en") == [PR]
    assert used_terms([REQUEST, PR], "Open a pull request, then a request.", "en") == [REQUEST, PR]


def test_missing_translations() -> None:
    pairs = [PR, REQUEST, HUGO]
    assert missing_translations(pairs, "A pull request in Hugo.", ["Hugo 中的合并请求。"], "en", "zh-CN") == []
    assert missing_translations(pairs, "A pull request in Hugo.", ["hugo 中的拉取请求。"], "en", "zh-CN") == [PR, HUGO]
    # Every plural form must have it; empty forms are not judged.
    assert missing_translations(pairs, "one pull request", ["一个合并请求", "", "拉取请求"], "en", "zh-CN") == [PR]
    assert missing_translations(pairs, "Nothing here.", ["没有。"], "en", "zh-CN") == []
