"""resources/i18n_table.py: Hugo's i18n tables read as Hugo (go-i18n) reads them."""

from __future__ import annotations

import pytest

from translate_flow.errors import ResourceError
from translate_flow.resources.i18n_table import read_table, texts_of
from translate_flow.resources.parse import parse_document


def _texts(text: str, fmt: str = "yaml") -> list[tuple[str | None, str, str | None, str, tuple[str, ...], int]]:
    doc = parse_document(text.encode(), f"i18n/en.{fmt}", fmt)
    return [(t.context, t.msgid, t.plural, t.note, t.comments, t.line) for t in texts_of(doc, read_table(doc).messages)]


def test_the_map_form() -> None:
    text = (
        'home: "Home"\n'
        "search:\n  description: The search box\n  other: Search\n"
        "nav:\n  docs: Docs\n  deep:\n    more: More\n"
        "pages:\n  one: One page\n  other: '{{ .Count }} pages'\n"
        "only: {one: Just one}\n"
        'count: "{{ .Count }}"\n'
    )
    assert _texts(text) == [
        ("home", "Home", None, "i18n", (), 1),
        ("search", "Search", None, "i18n", ("description: The search box",), 2),
        ("nav.docs", "Docs", None, "i18n", (), 6),
        ("nav.deep.more", "More", None, "i18n", (), 8),
        ("pages", "One page", "{{ .Count }} pages", "i18n (plural)", (), 9),
        ("only", "Just one", None, "i18n", (), 12),
        # Only template actions: nothing to translate.
    ]


def test_the_list_form_and_toml_and_json() -> None:
    listed = "- id: home\n  translation: Home\n- id: pages\n  translation:\n    one: One page\n    other: Pages\n"
    assert _texts(listed) == [
        ("home", "Home", None, "i18n", (), 1),
        ("pages", "One page", "Pages", "i18n (plural)", (), 3),
    ]
    toml = 'home = "Home"\n[pages]\none = "One page"\nother = "Pages"\n'
    assert [t[:3] for t in _texts(toml, "toml")] == [("home", "Home", None), ("pages", "One page", "Pages")]
    json = '{"home": {"other": "Home"}, "pages": {"one": "One page", "other": "Pages"}}'
    assert [t[:3] for t in _texts(json, "json")] == [("home", "Home", None), ("pages", "One page", "Pages")]


def test_plural_forms_and_where_they_sit() -> None:
    doc = parse_document(b"pages:\n  one: One\n  few: Few\n  other: Many\n", "i18n/ru.yaml", "yaml")
    (message,) = read_table(doc).messages
    assert (message.plural, message.singular, message.other) == (True, "One", "Many")
    assert list(message.forms) == ["one", "few", "other"]
    assert message.owner is doc.root and message.table is message.node


def test_aliases_are_left_as_they_are_with_a_reason() -> None:
    doc = parse_document(b"a: &x Hello\nb: *x\n", "i18n/en.yaml", "yaml")
    table = read_table(doc)
    assert table.messages == () and table.skipped == (
        (1, "not extracted: 'a' is not a plain value"),
        (2, "not extracted: 'b' is not a plain value"),
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- Home\n", 1, "item 1: an i18n list item needs an 'id' and a 'translation'"),
        ("- id: a\n", 1, "item 1: an i18n list item needs an 'id' and a 'translation'"),
        ("- id: a\n  translation: 3\n", 1, "the translation of 'a' must be a string or a map of plural forms"),
        ("- id: a\n  translation: {bad: x}\n", 1, "the translation of 'a' must be a string or a map of plural forms"),
        ("a: 3\n", 1, "i18n id 'a' must be a string or a map of plural forms"),
        ("a:\n  b: [x]\n", 2, "i18n id 'a.b' must be a string or a map of plural forms"),
        ("a:\n  other: x\n  one: [y]\n", 3, "'a.one' must be a string"),
        ("just text\n", 1, "an i18n table must be a map of ids or a list of messages"),
    ],
)
def test_shapes_hugo_refuses(text: str, line: int, message: str) -> None:
    with pytest.raises(ResourceError) as caught:
        read_table(parse_document(text.encode(), "i18n/en.yaml", "yaml"))
    assert (caught.value.path, caught.value.line, caught.value.message) == ("i18n/en.yaml", line, message)
