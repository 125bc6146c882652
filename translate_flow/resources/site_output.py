"""A language's site strings as the settings file merge writes (``config/_default/languages.<key>.<ext>``).

The file is translate-flow's own, generated whole by the emitter, so the user's
configuration is never re-rendered. It holds only translated pieces: an untranslated
title or param is left out, and Hugo falls back to the top-level one. A menu is the
exception: a language's menu replaces the top-level one in Hugo, so a menu with any
translated entry is written whole, every field copied and untranslated names kept.

A piece the user's own configuration already sets for that language (``[languages.es]
title``, ``menus.es.toml``), or a file of that name the user wrote, is never written over:
the translation is held back with the exact snippet to put there, in that file's format.
"""

from __future__ import annotations

from collections.abc import Mapping

from translate_flow.catalog.entry_keys import Key
from translate_flow.resources.emit import dump
from translate_flow.resources.model import Rendered, Translations
from translate_flow.resources.site_config import Found, entries_of
from translate_flow.resources.site_strings import SiteStrings, menu_field
from translate_flow.resources.tree import format_of

__all__ = ["render_site"]


def render_site(strings: SiteStrings, translations: Translations, key: str, out_rel: str, fmt: str) -> Rendered:
    """The settings file of the Hugo language ``key`` (``out_rel``, in ``fmt``), or why there is none."""
    key = key.lower()
    total = len(strings.texts)
    if key not in strings.site.languages():
        return Rendered(None, total, 0, why_not=f"{key} is not a language of the Hugo site")
    pieces, translated = _pieces(strings, translations)
    prefix = ("languages", key)
    taken = next((file for file in strings.site.files if file.rel == out_rel), None)
    tree: dict[str, object] = {}
    held: list[tuple[Key, str]] = []
    for piece, (value, first) in pieces.items():
        user = strings.site.find_menu(prefix, piece[1]) if piece[0] == "menus" else strings.site.find((*prefix, *piece))
        dotted = ".".join((*prefix, *piece))
        if user is not None:
            # What the user set is the translation already: nothing to say. A menu of the
            # language's own is compared by its translated fields only: its URLs and weights
            # are the user's to choose.
            same = (
                _menu_agrees(strings, translations, piece, user.value) if piece[0] == "menus" else user.value == value
            )
            if not same:
                held.append((first, _change((*prefix, *piece), user, value)))
        elif taken is not None:
            snippet = dump(_nest(piece, value), format_of(taken.path) or fmt).rstrip("\n")
            held.append(
                (first, f"{dotted}: {out_rel} is not translate-flow's, so merge leaves it; add to it:\n{snippet}")
            )
        else:
            _put(tree, piece, value)
    if tree:
        return Rendered(dump(tree, fmt).encode("utf-8"), total, translated, tuple(held))
    why = "translate-flow did not write it, so merge leaves it" if taken is not None else ""
    if not why and pieces and not held:
        why = "the site's configuration already holds every translation"
    return Rendered(None, total, translated, tuple(held), why)


def _pieces(strings: SiteStrings, translations: Translations) -> tuple[dict[tuple[str, ...], tuple[object, Key]], int]:
    """Each setting to write, with its value and the first entry it comes from; and the count of texts."""
    pieces: dict[tuple[str, ...], tuple[object, Key]] = {}
    edits: dict[tuple[str, ...], dict[tuple[int, str], str]] = {}
    translated = 0
    for item in strings.texts:
        text = translations.texts.get(item.text.key)
        if not text:
            continue  # left out: Hugo falls back to the source language's value
        translated += 1
        if item.entry is None or item.field is None:
            pieces[item.piece] = (text, item.text.key)
            continue
        if item.piece not in pieces:
            pieces[item.piece] = ([], item.text.key)
        edits.setdefault(item.piece, {})[(item.entry, item.field)] = text
    for piece, changes in edits.items():
        pieces[piece] = (_menu(strings.menus[piece[1]], changes), pieces[piece][1])
    return pieces, translated


def _menu_agrees(strings: SiteStrings, translations: Translations, piece: tuple[str, ...], menu: object) -> bool:
    """Whether the language's own ``menu`` already holds every translated field of ``piece``."""
    for item in strings.texts:
        text = translations.texts.get(item.text.key)
        if item.piece == piece and text:
            found = menu_field(strings, item, menu)
            if found is None or found[2] != text:
                return False
    return True


def _menu(source: Found, changes: Mapping[tuple[int, str], str]) -> list[dict[str, object]]:
    """Every entry of the source menu, the translated fields replaced."""
    entries: list[dict[str, object]] = []
    for index, entry in entries_of(source.value):
        copied: dict[str, object] = dict(entry)
        for (at, field), text in changes.items():
            if at == index:
                copied[field] = text
        entries.append(copied)
    return entries


def _change(full: tuple[str, ...], user: Found, value: object) -> str:
    # The snippet is rooted where the user's file sits in Hugo's tree: a [languages.es]
    # table in hugo.toml, or the top level of menus.es.toml.
    place = user.file.place
    rest = full[len(place) :] if full[: len(place)] == place else full[len(place) - 1 :]  # menu.es.toml
    snippet = dump(_nest(rest, value), user.format).rstrip("\n")
    where = f"{user.file.rel}:{user.line}" if user.line else user.file.rel
    return (
        f"{'.'.join(full)} is set in {where}, which translate-flow does not edit; "
        f"to use the translation, make it:\n{snippet}"
    )


def _nest(path: tuple[str, ...], value: object) -> dict[str, object]:
    tree: dict[str, object] = {}
    _put(tree, path, value)
    return tree


def _put(tree: dict[str, object], path: tuple[str, ...], value: object) -> None:
    for part in path[:-1]:
        inner = tree.setdefault(part, {})
        assert isinstance(inner, dict)
        tree = inner
    tree[path[-1]] = value
