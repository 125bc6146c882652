"""Hugo's i18n string tables, read the way Hugo (go-i18n) reads them.

Two shapes are Hugo's:

- a map of ids: ``home: "Home"``, or ``pages: {one: "One page", other: "{{ .Count }} pages"}``;
  a map that holds none of go-i18n's reserved keys with a string value is a group, and
  its ids are dotted (``nav.home``);
- the older list: ``- id: home`` with ``translation: "Home"`` (or a map of plural forms).

Anything else Hugo refuses too, and so do we, in one line naming the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from translate_flow.errors import ResourceError
from translate_flow.resources.model import Text
from translate_flow.resources.plurals import CATEGORIES
from translate_flow.resources.tree import Document, Member, Node
from translate_flow.textutil import has_words

__all__ = ["Message", "Table", "read_table", "texts_of"]

_RESERVED = ("id", "description", "hash", "leftdelim", "rightdelim", *CATEGORIES)
_ACTION = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@dataclass(frozen=True)
class Message:
    """One message of a table and where it sits."""

    id: str
    """Its id (dotted inside a group)."""
    forms: dict[str, Node]
    """Its string forms by CLDR category; a plain string is ``other``."""
    owner: Node
    """The map or list that holds it."""
    node: Node
    """Its value in ``owner``: the string, the map of forms, or the list item."""
    table: Node | None
    """The map that holds its forms (None for a plain string)."""
    line: int
    """1-based line of its key or list item."""
    description: str | None = None
    """go-i18n's ``description``: a note for translators."""

    @property
    def plural(self) -> bool:
        return len(self.forms) > 1

    @property
    def singular(self) -> str:
        """The msgid: the ``one`` form of a plural (else its first), or the only form."""
        name = "one" if "one" in self.forms else next(c for c in CATEGORIES if c in self.forms)
        return self._value(name)

    @property
    def other(self) -> str:
        """The msgid_plural: the ``other`` form (else the last one)."""
        name = "other" if "other" in self.forms else [c for c in CATEGORIES if c in self.forms][-1]
        return self._value(name)

    def _value(self, name: str) -> str:
        scalar = self.forms[name].scalar
        assert scalar is not None
        return scalar.value


@dataclass(frozen=True)
class Table:
    """The messages of one file, and what could not be taken."""

    messages: tuple[Message, ...]
    """Every message, in file order."""
    groups: frozenset[int]
    """The maps that are groups of messages (by ``id`` of their node), not messages."""
    skipped: tuple[tuple[int, str], ...] = ()
    """(line, reason) of messages left as they are."""


def read_table(doc: Document) -> Table:
    """The messages of an i18n file; ResourceError for a shape Hugo does not read."""
    reader = _Reader(doc)
    root = doc.root
    if root.kind == "map":
        reader.group(root, "")
    elif root.kind == "list":
        for index, member in enumerate(root.members):
            reader.list_item(root, index, member)
    else:
        raise ResourceError("an i18n table must be a map of ids or a list of messages", doc.rel, 1)
    return Table(tuple(reader.messages), frozenset(reader.groups), tuple(reader.skipped))


def texts_of(doc: Document, messages: Iterator[Message] | tuple[Message, ...]) -> list[Text]:
    """One text per message worth translating (plural messages with their plural)."""
    texts = []
    for message in messages:
        # A string that is only template actions ("{{ .Count }}") has nothing to translate.
        if not any(has_words(_ACTION.sub(" ", n.scalar.value)) for n in message.forms.values() if n.scalar):
            continue
        note = "i18n (plural)" if message.plural else "i18n"
        comments = (f"description: {message.description}",) if message.description else ()
        plural = message.other if message.plural else None
        texts.append(Text(message.singular, doc.rel, message.line, note, message.id, plural, comments))
    return texts


def _is_message_map(node: Node) -> bool:
    """go-i18n's rule: a map is a message when a reserved key holds a string."""
    return any(m.key in _RESERVED and m.node.kind == "str" for m in node.members)


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.messages: list[Message] = []
        self.groups: list[int] = []
        self.skipped: list[tuple[int, str]] = []

    def error(self, message: str, offset: int) -> ResourceError:
        return ResourceError(message, self.doc.rel, self.doc.line(offset) if offset >= 0 else None)

    def group(self, node: Node, prefix: str) -> None:
        self.groups.append(id(node))
        for member in node.members:
            name = f"{prefix}{member.key}"
            value = member.node
            if value.kind == "str":
                self.add(name, {"other": value}, node, member, None, None)
            elif value.kind == "map" and _is_message_map(value):
                self.message_map(name, node, member, value)
            elif value.kind == "map":
                self.group(value, f"{name}.")
            elif value.kind in ("alias", "unplaced"):
                self.skipped.append((self.doc.line(member.start), f"not extracted: {name!r} is not a plain value"))
            else:
                raise self.error(f"i18n id {name!r} must be a string or a map of plural forms", member.start)

    def message_map(self, name: str, owner: Node, member: Member, value: Node) -> None:
        forms: dict[str, Node] = {}
        description = None
        for inner in value.members:
            key = str(inner.key)
            if inner.node.kind not in ("str", "alias", "unplaced") and key in _RESERVED:
                raise self.error(f"'{name}.{key}' must be a string", inner.start)
            if key.lower() in CATEGORIES and inner.node.kind == "str":
                forms[key.lower()] = inner.node
            elif key == "description" and inner.node.scalar is not None:
                description = inner.node.scalar.value
        self.add(name, forms, owner, member, value, description)

    def list_item(self, owner: Node, index: int, member: Member) -> None:
        item = member.node
        ident = item.get("id") if item.kind == "map" else None
        translation = item.get("translation") if item.kind == "map" else None
        if ident is None or ident.scalar is None or translation is None:
            raise self.error(f"item {index + 1}: an i18n list item needs an 'id' and a 'translation'", member.start)
        name = ident.scalar.value
        if translation.kind == "str":
            self.add(name, {"other": translation}, owner, member, None, _text(item.get("description")))
        elif translation.kind == "map":
            forms = {str(m.key).lower(): m.node for m in translation.members if m.node.kind == "str"}
            if not forms or any(str(m.key).lower() not in CATEGORIES for m in translation.members):
                raise self.error(f"the translation of {name!r} must be a string or a map of plural forms", member.start)
            self.add(name, forms, owner, member, translation, _text(item.get("description")))
        else:
            raise self.error(f"the translation of {name!r} must be a string or a map of plural forms", member.start)

    def add(
        self, name: str, forms: dict[str, Node], owner: Node, member: Member, table: Node | None, note: str | None
    ) -> None:
        if not forms:
            self.skipped.append((self.doc.line(member.start), f"not extracted: {name!r} has no string form"))
            return
        line = self.doc.line(member.start)
        self.messages.append(Message(name, forms, owner, member.node, table, line, note))


def _text(node: Node | None) -> str | None:
    return node.scalar.value if node is not None and node.scalar is not None else None
