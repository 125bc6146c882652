"""What an existing translated resource says, entry by entry: pure, reads no file.

A resource's entries are found in its translation by key, not by alignment:

- an i18n table by message id (the msgctxt), each plural form by its CLDR category;
- a data file by the key path of each selected value (a list item by its index);
- the site strings by the setting under the target language (``languages.<key>.title``,
  ``…params.<dotted>``, and a menu entry's field, the entry found by its identifier where
  the source's is unique, else by its index), wherever Hugo reads that language's settings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from translate_flow.catalog.entry_keys import Key
from translate_flow.document.frontmatter import Path_
from translate_flow.resources.data_file import DataValue
from translate_flow.resources.i18n_table import Message, Table
from translate_flow.resources.model import Text
from translate_flow.resources.plurals import CATEGORIES
from translate_flow.resources.site_strings import SiteStrings, menu_field
from translate_flow.resources.tree import Document, Node

__all__ = ["FoundValue", "data_found", "i18n_found", "site_found"]


@dataclass(frozen=True)
class FoundValue:
    """The translation a translated file gives for one entry of the catalog."""

    key: Key
    """The entry: (msgctxt, msgid)."""
    forms: Mapping[str, str]
    """The translation by CLDR category; a plain value is ``{"other": value}``."""
    line: int
    """1-based line of the key (or value) in the translated file."""


def i18n_found(texts: Sequence[Text], table: Table) -> list[FoundValue]:
    """The translated table's messages for the source's texts, matched by id."""
    # A repeated id: the last one, as the loaders read a repeated key.
    by_id: dict[str, Message] = {item.id: item for item in table.messages}
    found: list[FoundValue] = []
    for text in texts:
        message = by_id.get(text.context or "")
        if message is None:
            continue
        forms = {name: node.scalar.value for name, node in message.forms.items() if node.scalar is not None}
        ordered = {name: forms[name] for name in CATEGORIES if name in forms}
        if ordered:
            found.append(FoundValue(text.key, ordered, message.line))
    return found


def data_found(values: Sequence[DataValue], translated: Document) -> list[FoundValue]:
    """The translated file's values at the key paths of the source's selected values."""
    found: list[FoundValue] = []
    for value in values:
        if value.node.scalar is None:
            continue
        node = _at(translated.root, value.path)
        if node is None or node.scalar is None or not node.scalar.value.strip():
            continue
        found.append(
            FoundValue((None, value.node.scalar.value), {"other": node.scalar.value}, translated.line(node.start))
        )
    return found


def _at(node: Node, path: Path_) -> Node | None:
    found: Node | None = node
    for part in path:
        if found is None:
            return None
        found = found.get(part)
    return found


def site_found(strings: SiteStrings, key: str) -> Iterator[tuple[str, FoundValue]]:
    """(configuration file, value) for each site string the language ``key`` sets itself."""
    site = strings.site
    own = ("languages", key.lower())
    for item in strings.texts:
        if item.entry is None:
            setting = site.find((*own, *item.piece))
            if setting is not None and _prose(setting.value):
                assert isinstance(setting.value, str)
                yield setting.file.rel, FoundValue(item.text.key, {"other": setting.value}, setting.line or 1)
            continue
        menu = site.find_menu(own, item.piece[1])
        if menu is None:
            continue
        match = menu_field(strings, item, menu.value)
        if match is not None:
            index, spelled, value = match
            yield menu.file.rel, FoundValue(item.text.key, {"other": value}, menu.line_of(index, spelled) or 1)


def _prose(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
