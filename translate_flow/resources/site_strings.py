"""Site strings: the title, the configured params and the menu entry names of the Hugo
configuration become texts, and come back as one language's settings file.

Each text's msgctxt is a stable id (``title``, ``params.hero.tagline``,
``menus.main.docs.name`` by the entry's identifier, else its index), so a renamed value
keeps its entry's place. The source language's own settings (``languages.<src>.title``…)
win over the top-level ones, as Hugo reads them for that language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from translate_flow.config import Config
from translate_flow.resources.model import Text
from translate_flow.resources.site_config import Found, SiteConfig, entries_of

__all__ = ["MENU_FIELDS", "SiteStrings", "SiteText", "menu_field", "site_strings"]

MENU_FIELDS = ("name", "title")
"""The menu entry fields that are prose; every other field is copied as it is."""


@dataclass(frozen=True)
class SiteText:
    """A text and where its translation goes in a language's settings."""

    text: Text
    piece: tuple[str, ...]
    """The setting the translation is written as: ("title",), ("params", "hero", "tagline"),
    or ("menus", "main") for an entry's field (the whole menu is written)."""
    entry: int | None = None
    """A menu entry's index."""
    field: str | None = None
    """A menu entry's field, as the configuration spells it."""


@dataclass(frozen=True)
class SiteStrings:
    """The site strings of the source language, and what a language's settings are made from."""

    texts: tuple[SiteText, ...]
    menus: Mapping[str, Found]
    """The source language's menus by name: a translated menu is written whole, from these."""
    site: SiteConfig
    outputs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Per target language: its Hugo key and the settings file merge writes for it."""


def site_strings(config: Config, site: SiteConfig, source_key: str) -> SiteStrings:
    """Every site string of the source language, in the order: title, params, menus."""
    own = ("languages", source_key.lower())
    found: list[SiteText] = []
    title = site.find((*own, "title")) or site.find(("title",))
    if title is not None and _prose(title.value):
        found.append(_text(title.value, title.file.rel, title.line, "title", ("title",)))
    for dotted in config.site.params:
        parts = tuple(dotted.lower().split("."))
        value = site.find((*own, "params", *parts)) or site.find(("params", *parts))
        if value is not None and _prose(value.value):
            found.append(_text(value.value, value.file.rel, value.line, f"params.{dotted}", ("params", *parts)))
    menus: dict[str, Found] = {}
    for menu in site.menu_names(own) + [m for m in site.menu_names(()) if m not in site.menu_names(own)]:
        where = site.find_menu(own, menu) or site.find_menu((), menu)
        if where is not None:
            menus[menu] = where
            found += _menu_texts(where, menu)
    return SiteStrings(tuple(found), menus, site)


def _menu_texts(where: Found, menu: str) -> list[SiteText]:
    entries = list(entries_of(where.value))
    identifiers = [str(_field(entry, "identifier") or "") for _, entry in entries]
    found: list[SiteText] = []
    for (index, entry), ident in zip(entries, identifiers, strict=True):
        unique = ident if identifiers.count(ident) == 1 else ""
        for spelled, text in entry.items():
            name = str(spelled).lower()
            if name in MENU_FIELDS and _prose(text):
                context = f"menus.{menu}.{unique or index}.{name}"
                line = where.line_of(index, str(spelled))
                made = _text(text, where.file.rel, line, context, ("menus", menu), f"site: menu {menu}")
                found.append(SiteText(made.text, made.piece, index, str(spelled)))
    return found


def menu_field(strings: SiteStrings, item: SiteText, menu: object) -> tuple[int, str, str] | None:
    """In another language's ``menu``, the field that ``item`` (a source menu entry's field) is:
    (entry index, field as spelled, value). The entry is found as the item's msgctxt names it:
    by its identifier where the source's is unique, else by its index."""
    if item.entry is None or item.field is None:
        return None
    source = list(entries_of(strings.menus[item.piece[1]].value))
    identifiers = [str(_field(entry, "identifier") or "") for _, entry in source]
    mine = identifiers[item.entry] if item.entry < len(identifiers) else ""
    target = list(entries_of(menu))
    if mine and identifiers.count(mine) == 1:
        same = [(index, entry) for index, entry in target if str(_field(entry, "identifier") or "") == mine]
        chosen = same[0] if len(same) == 1 else None
    else:
        chosen = next(((index, entry) for index, entry in target if index == item.entry), None)
    if chosen is None:
        return None
    index, entry = chosen
    for spelled, value in entry.items():
        if str(spelled).lower() == item.field.lower() and _prose(value):
            assert isinstance(value, str)
            return index, str(spelled), value
    return None


def _field(entry: dict[str, object], name: str) -> object:
    return next((value for key, value in entry.items() if str(key).lower() == name), None)


def _prose(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text(value: object, rel: str, line: int | None, context: str, piece: tuple[str, ...], note: str = "") -> SiteText:
    assert isinstance(value, str)
    return SiteText(Text(value, rel, line or 1, note or f"site: {context}", context), piece)
