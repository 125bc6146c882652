"""resources/tree.py and its readers: every key's and value's place, in YAML, TOML and JSON."""

from __future__ import annotations

import pytest

from translate_flow.document.frontmatter import Path_
from translate_flow.errors import ResourceError
from translate_flow.resources.parse import parse_document
from translate_flow.resources.tree import Document, Node, format_of, leaves


def _doc(text: str, fmt: str) -> Document:
    return parse_document(text.encode("utf-8"), f"data/x.{fmt}", fmt)


def _outline(doc: Document, node: Node | None = None, path: Path_ = ()) -> list[tuple[Path_, str, str, str]]:
    """(path, the text from the member's start to its value, the value's text, kind) of every member."""
    node = node or doc.root
    found = []
    for member in node.members:
        value = member.node
        text = doc.text[value.start : value.end] if value.placed else ""
        key = doc.text[member.start : value.start] if value.placed and member.start >= 0 else ""
        found.append(((*path, member.key), key, text, value.kind))
        found += _outline(doc, value, (*path, member.key))
    return found


def test_yaml_members_and_values() -> None:
    doc = _doc("a: x\nb:\n  - 'one'\n  - |\n    two\n\n    lines\n\nc: {d: \"e\", f: 3}\n", "yaml")
    assert _outline(doc) == [
        (("a",), "a: ", "x", "str"),
        (("b",), "b:\n  ", "- 'one'\n  - |\n    two\n\n    lines", "list"),
        (("b", 0), "", "'one'", "str"),
        (("b", 1), "", "|\n    two\n\n    lines", "str"),
        (("c",), "c: ", '{d: "e", f: 3}', "map"),
        (("c", "d"), "d: ", '"e"', "str"),
        (("c", "f"), "f: ", "3", "other"),
    ]
    assert doc.root.get("b") is not None
    spans = {path: node.scalar.value for path, node in leaves(doc.root) if node.scalar}
    assert spans == {("a",): "x", ("b", 0): "one", ("b", 1): "two\n\nlines", ("c", "d"): "e"}


def test_yaml_reads_keys_and_booleans_as_hugo_does() -> None:
    # YAML 1.1 (PyYAML) reads a plain no/yes/on/off as a boolean; Hugo reads YAML 1.2 strings.
    doc = _doc("no: Yes\noff: true\n'quoted': No\n", "yaml")
    assert [(m.key, m.node.kind) for m in doc.root.members] == [("no", "str"), ("off", "other"), ("quoted", "str")]


def test_yaml_anchors_and_aliases_are_never_edited() -> None:
    doc = _doc("a: &x shared\nb: *x\nc: !!str tagged\nd: plain\n", "yaml")
    assert [(m.key, m.node.kind) for m in doc.root.members] == [
        ("a", "alias"),
        ("b", "alias"),
        ("c", "alias"),
        ("d", "str"),
    ]


def test_an_empty_yaml_file_is_an_empty_map() -> None:
    assert _doc("# nothing yet\n", "yaml").root == Node("map", 0, 0)


def test_toml_keys_tables_and_inline_tables() -> None:
    doc = _doc(
        'top = "T"\nhome.other = "x"\n[pages]\none = "One" # note\nn = 3\n[inl]\nx = { a = "A", b = \'B\' }\n', "toml"
    )
    assert _outline(doc) == [
        (("top",), "top = ", '"T"', "str"),
        (("home",), "", 'home.other = "x"', "map"),
        (("home", "other"), "home.other = ", '"x"', "str"),
        (("pages",), "[pages]\n", 'one = "One"', "map"),
        (("pages", "one"), "one = ", '"One"', "str"),
        (("pages", "n"), "", "", "unplaced"),
        (("inl",), "[inl]\n", "x = { a = \"A\", b = 'B' }", "map"),
        (("inl", "x"), "x = ", "{ a = \"A\", b = 'B' }", "map"),
        (("inl", "x", "a"), "a = ", '"A"', "str"),
        (("inl", "x", "b"), "b = ", "'B'", "str"),
    ]


def test_json_objects_and_arrays() -> None:
    doc = _doc('[\n  {"id": "a", "n": 1},\n  "\\u00e9t\\u00e9"\n]\n', "json")
    assert _outline(doc) == [
        ((0,), "", '{"id": "a", "n": 1}', "map"),
        ((0, "id"), '"id": ', '"a"', "str"),
        ((0, "n"), '"n": ', "1", "other"),
        ((1,), "", '"\\u00e9t\\u00e9"', "str"),
    ]
    assert doc.root.members[1].node.scalar is not None and doc.root.members[1].node.scalar.style == "ascii"


@pytest.mark.parametrize(
    ("text", "fmt", "line", "message"),
    [
        ("a: [1\n", "yaml", 2, "invalid YAML: "),
        ("a: !!python/object:os.system x\n", "yaml", 1, "invalid YAML: could not determine a constructor"),
        ('a = "x"\nb = \n', "toml", 2, "invalid TOML: Invalid value"),
        ('{"a": 1,}\n', "json", 1, "invalid JSON: "),
        ("[" * 120 + "]" * 120, "json", 1, "the file is nested deeper than 100 levels"),
    ],
)
def test_errors_are_one_line_and_name_the_place(text: str, fmt: str, line: int, message: str) -> None:
    with pytest.raises(ResourceError) as caught:
        _doc(text, fmt)
    assert caught.value.path == f"data/x.{fmt}" and caught.value.line == line
    assert caught.value.message.startswith(message)
    assert "front matter" not in caught.value.message


def test_not_utf8_is_an_error_naming_the_line() -> None:
    with pytest.raises(ResourceError) as caught:
        parse_document(b"a: x\nb: \xff\n", "i18n/en.yaml", "yaml")
    assert (caught.value.line, caught.value.message) == (2, "not valid UTF-8 (byte 0xff)")


def test_bom_and_line_endings_are_kept() -> None:
    doc = parse_document(b"\xef\xbb\xbfa: x\r\nb: y\r\n", "x.yaml", "yaml")
    assert doc.bom and doc.line(doc.root.members[1].start) == 2
    assert doc.encode(doc.text) == b"\xef\xbb\xbfa: x\r\nb: y\r\n"


def test_format_of() -> None:
    assert [format_of(n) for n in ("a.yaml", "a.YML", "a.toml", "a.json", "a.md")] == [
        "yaml",
        "yaml",
        "toml",
        "json",
        None,
    ]
