"""Data files: the values at the configured key paths become texts, and come back spliced.

Only the selected values change, each in its own quoting style where that style can hold
the translation, so an identity translation rebuilds the file byte for byte. A value
written back is read again: one that does not read as its translation is written in the
one style that holds any text, and held back if even that fails.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from translate_flow.document.frontmatter import Path_
from translate_flow.document.segment import is_translatable
from translate_flow.errors import ResourceError
from translate_flow.resources.model import Rendered, Resource, Text
from translate_flow.resources.parse import parse_document
from translate_flow.resources.tree import Document, Node, leaves

__all__ = ["DataValue", "data_texts", "data_values", "matches", "render_data"]

UNFAITHFUL = "the value would not read back as its translation in any style"


@dataclass(frozen=True)
class DataValue:
    """A selected value: where it is, and the key path that selected it."""

    path: Path_
    node: Node
    pattern: str


def matches(path: Path_, pattern: str) -> bool:
    """``terms.*.definition`` matches (terms, 3, definition); ``*`` is one key or list index.

    The items of a list of strings at the path match too, as for front-matter keys.
    """
    parts = pattern.split(".")
    if len(path) < len(parts) or not all(isinstance(p, int) for p in path[len(parts) :]):
        return False
    return all(want == "*" or want == str(have) for want, have in zip(parts, path, strict=False))


def data_values(doc: Document, patterns: Sequence[str]) -> list[DataValue]:
    """The translatable values the patterns select, in file order (each once)."""
    found: list[DataValue] = []
    for path, node in leaves(doc.root):
        assert node.scalar is not None
        if not node.scalar.value.strip() or not is_translatable(node.scalar.value):
            continue
        pattern = next((p for p in patterns if matches(path, p)), None)
        if pattern is not None:
            found.append(DataValue(path, node, pattern))
    return found


def data_texts(doc: Document, resource: Resource, values: Sequence[DataValue]) -> list[Text]:
    assert resource.rel == doc.rel
    return [
        Text(value.node.scalar.value, doc.rel, doc.line(value.node.start), f"data: {value.pattern}")
        for value in values
        if value.node.scalar is not None
    ]


def render_data(doc: Document, values: Sequence[DataValue], translations: Mapping[str, str]) -> Rendered:
    """The file with every value that has a translation replaced; ``translations`` by msgid."""
    safe: set[Path_] = set()
    dropped: set[Path_] = set()
    while True:
        text, written = _splice(doc, values, translations, safe, dropped)
        wrong = _unfaithful(doc, text, written)
        if not wrong:
            break
        dropped |= wrong & safe
        safe |= wrong
    texts = {value.node.scalar.value for value in values if value.node.scalar is not None}
    held = {value.node.scalar.value for value in values if value.path in dropped and value.node.scalar is not None}
    done = sum(1 for t in texts if t in translations and t not in held)
    return Rendered(doc.encode(text), len(texts), done, tuple(((None, t), UNFAITHFUL) for t in sorted(held)))


def _splice(
    doc: Document,
    values: Sequence[DataValue],
    translations: Mapping[str, str],
    safe: set[Path_],
    dropped: set[Path_],
) -> tuple[str, dict[Path_, str]]:
    edits: list[tuple[int, int, str]] = []
    written: dict[Path_, str] = {}
    for value in values:
        span = value.node.scalar
        assert span is not None
        new = translations.get(span.value)
        # The same text keeps the source bytes, quoting and all.
        if new is None or new == span.value or value.path in dropped:
            continue
        edits.append((span.start, doc.span_end(span), doc.render(span, new, safe=value.path in safe)))
        written[value.path] = new
    out: list[str] = []
    position = 0
    for start, end, new_text in sorted(edits):
        out.append(doc.text[position:start])
        out.append(new_text)
        position = end
    out.append(doc.text[position:])
    return "".join(out), written


def _unfaithful(doc: Document, text: str, written: dict[Path_, str]) -> set[Path_]:
    """The values the new text does not read back as written (all of them if it does not parse)."""
    if not written:
        return set()
    try:
        root = parse_document(doc.encode(text), doc.rel, doc.format).root
    except ResourceError:
        return set(written)
    wrong: set[Path_] = set()
    for path, value in written.items():
        node: Node | None = root
        for part in path:
            node = node.get(part) if node is not None else None
        if node is None or node.scalar is None or node.scalar.value != value:
            wrong.add(path)
    return wrong
