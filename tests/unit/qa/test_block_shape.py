"""qa.block_shape: a translation written in its source's place must read as the same blocks."""

from __future__ import annotations

import pytest

from translate_flow.document.hugo_markup import DEFAULT_MATH
from translate_flow.qa.block_shape import block_shape_difference


@pytest.mark.parametrize(
    ("kind", "msgid", "msgstr"),
    [
        ("paragraph", "One line.", "Une ligne.\nEt une autre."),  # hard breaks stay one paragraph
        ("heading 3", "Install", "# Installer"),  # on one line after `### `, `#` is a word
        ("table cell", "Cell", "a | b"),  # merge escapes the pipe
        ("image alt", "A cat", "Un chat"),
        ("link title", "Title", "# Titre"),  # inline only: no block of its own
        ("paragraph", "1986. A year", "1986. Une année"),  # the source starts a list too
    ],
)
def test_the_same_blocks(kind: str, msgid: str, msgstr: str) -> None:
    assert block_shape_difference(msgid, msgstr, kind, DEFAULT_MATH) is None


@pytest.mark.parametrize(
    ("kind", "msgid", "msgstr", "message"),
    [
        ("paragraph", "Text.", "# Texte.", "the translation is read as heading h1 instead of paragraph"),
        (
            "paragraph",
            "Text.",
            "Texte\n\nsuite",
            "the translation is read as paragraph, paragraph instead of paragraph",
        ),
        ("list item", "Item", "Élément\n- autre", "bullet list"),
        ("heading 1", "Title", "Titre\n===", "heading"),
        # A level-2 source may be a setext heading, above which `#` starts a heading of its own.
        ("heading 2", "Install", "# Installer", "heading h1, thematic break instead of heading h2"),
        ("table cell", "Alice", "Alice\\", "a backslash at the end of a cell would join it with the next one"),
        ("image alt", "A cat", "Un chat](x", "the translation would end the image's alt text early"),
        ("image alt", "A cat", "Un `chat", "the translation changes markup characters in an alt text: `"),
    ],
)
def test_other_blocks_are_named(kind: str, msgid: str, msgstr: str, message: str) -> None:
    difference = block_shape_difference(msgid, msgstr, kind, DEFAULT_MATH)
    assert difference is not None and message in difference
