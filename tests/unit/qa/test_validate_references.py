"""The validator with the page's reference definitions: a shortcut or collapsed reference is a
link only while its text matches a label, so a translation must keep the label."""

from __future__ import annotations

from translate_flow.document.link_definitions import definitions_of
from translate_flow.qa.validate import problems

PAGE = 'Intro.\n\n  [type qualifier]: https://example.com/t "Types"\n  [Reference Pages]: /reference\n'
DEFINITIONS = definitions_of(PAGE)
MSGID = "Use a [type qualifier] and read the [reference pages][]."


def _problems(msgstr: str, msgid: str = MSGID) -> list[str]:
    return [f"{p.check}: {p.message}" for p in problems(msgid, msgstr, ["paragraph"], definitions=DEFINITIONS)]


def test_a_translation_that_changes_a_shortcut_label_loses_the_link() -> None:
    found = _problems("Utilisez un [qualificatif de type] et lisez les [reference pages][].")
    assert len(found) == 1 and found[0].startswith("link: links differ from the source: missing https://"), found
    assert "the reference [type qualifier] is a link only while" in found[0]
    assert "keep the label, as in [translated text][type qualifier]" in found[0]


def test_a_translation_that_changes_a_collapsed_label_loses_the_link() -> None:
    found = _problems("Utilisez un [type qualifier] et lisez les [pages de référence][].")
    assert len(found) == 1 and "missing /reference" in found[0] and "[reference pages]" in found[0], found


def test_both_labels_lost_are_named() -> None:
    found = _problems("Utilisez un [qualificatif] et lisez les [pages][].")
    assert len(found) == 1 and "the references [type qualifier], [reference pages] are links" in found[0], found


def test_keeping_the_label_or_using_the_full_form_keeps_the_link() -> None:
    assert _problems("Utilisez un [type qualifier] et lisez les [Reference Pages][].") == []
    assert _problems("Utilisez un [Type  Qualifier] et lisez les [reference pages].") == []
    assert _problems("Utilisez un [qualificatif][type qualifier] et lisez les [pages][reference pages].") == []


def test_a_full_reference_to_another_label_with_the_same_destination_is_the_same_link() -> None:
    page = definitions_of("[a]: /same\n[b]: /same\n")
    assert problems("See [a].", "Voir [texte][b].", ["paragraph"], definitions=page) == []


def test_a_bracketed_text_that_is_no_label_is_text_and_may_change() -> None:
    assert _problems("Une [note] ici.", "A [note] here.") == []


def test_without_the_page_a_shortcut_reference_is_text_and_the_result_depends_only_on_the_arguments() -> None:
    changed = "Utilisez un [qualificatif de type] et lisez les [reference pages][]."
    assert problems(MSGID, changed, ["paragraph"]) == []
    first = problems(MSGID, changed, ["paragraph"], definitions=DEFINITIONS)
    assert first == problems(MSGID, changed, ["paragraph"], definitions=DEFINITIONS) and first


def test_the_link_check_can_be_switched_off() -> None:
    changed = "Utilisez un [qualificatif de type] et lisez les [reference pages][]."
    assert problems(MSGID, changed, ["paragraph"], {"link"}, definitions=DEFINITIONS) == []
