"""document.link_definitions: a page's reference definitions, and references read with them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from translate_flow.document.article import parse_article
from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, with_dialect
from translate_flow.document.inline_skeleton import inline_skeleton
from translate_flow.document.link_definitions import NO_DEFINITIONS, definitions_of, label_of, page_definitions

MKDOCS = with_dialect(DEFAULT_MATH, DIALECTS["mkdocs"])


def test_labels_are_normalized_as_commonmark_matches_them() -> None:
    assert label_of("Type   Qualifier") == label_of("type qualifier") == label_of("TYPE\nqualifier")
    assert label_of("type qualifier") != label_of("type qualifiers")


def test_a_page_s_definitions_with_destination_and_title() -> None:
    text = 'Intro [a].\n\n  [Type  Qualifier]: https://example.com/t "Title"\n[other]: </o p>\n'
    assert definitions_of(text) == {
        (label_of("type qualifier"), "https://example.com/t", "Title"),
        (label_of("other"), "/o%20p", ""),
    }


def test_a_definition_in_code_or_a_page_without_one_defines_nothing() -> None:
    assert definitions_of("Just text.\n") is NO_DEFINITIONS
    assert definitions_of("```\n[x]: /x\n```\n") == NO_DEFINITIONS
    assert definitions_of("    [x]: /x\n") == NO_DEFINITIONS  # indented code
    assert definitions_of("A [x]: /x in a sentence.\n") == NO_DEFINITIONS


def test_a_definition_inside_a_dialect_block_counts_as_the_site_reads_it() -> None:
    text = '!!! note "Links"\n\n    [inside]: /in\n\nSee [inside].\n'
    assert {label for label, _, _ in definitions_of(text, 0, MKDOCS)} == {label_of("inside")}


def test_the_body_of_an_article_is_read_after_its_front_matter() -> None:
    article = parse_article(b"---\ntitle: '[t]: /t'\n---\n\n[body]: /b\n", Path("a.md"), "a.md", "en")
    assert page_definitions(article) == {(label_of("body"), "/b", "")}


def test_a_reference_to_a_defined_label_is_a_link_to_its_destination() -> None:
    definitions = definitions_of("[type qualifier]: /t\n[other]: /o 'T'\n")
    for text in ("See [type qualifier].", "See [Type Qualifier][].", "See [texte][type qualifier]."):
        assert inline_skeleton(text, DEFAULT_MATH, definitions) == {"link": Counter({"/t": 1})}, text
    assert inline_skeleton("[a] and [b][other]", DEFAULT_MATH, definitions) == {"link": Counter({"/o T": 1})}
    # Changed text no longer matches a label: the reference is text, as it renders.
    assert inline_skeleton("See [qualificatif de type].", DEFAULT_MATH, definitions) == {}
    # Without the page's definitions only a full reference is seen, as text.
    assert inline_skeleton("See [type qualifier].") == {}
    assert inline_skeleton("See [t][type qualifier].") == {"link": Counter({"][type qualifier]": 1})}
