"""Which shortcode parameters are prose to translate: built-in defaults and the ``[shortcodes]`` table.

The defaults name the parameters that a page shows as text in Hugo's own shortcodes
and in the shortcodes of two common themes, Hextra and Docsy, read from their
templates. A name that two of them use for different shortcodes (``card``, ``tab``,
``details``) gets the union: a parameter a call does not have costs nothing.
Parameters that hold links, icons, colours, ids or file names are never listed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["BUILT_IN", "ParamKey", "ShortcodeParams"]

ParamKey = str | int
"""A parameter's name, or a positional parameter's index."""

_DEFAULTS: dict[str, tuple[ParamKey, ...]] = {
    # Hugo's embedded shortcodes.
    "figure": ("alt", "title", "caption", "attr"),
    "details": ("summary", "title"),  # Hugo's `summary`; Hextra's `title`
    "qr": ("alt", "title"),
    "youtube": ("title",),
    "vimeo": ("title",),
    # Hextra.
    "card": ("title", "subtitle", "alt", "tag", "header", "footer"),  # Docsy's card: header, title, subtitle, footer
    "badge": ("content", 0),
    "tab": ("name", "header", 0),  # Hextra's `name`; Docsy's `header` or first positional
    "tabs": ("items",),  # Hextra's older comma-separated tab names
    "hextra/feature-card": ("title", "subtitle"),
    "hextra/hero-button": ("text",),
    "hextra/hero-section": ("heading",),
    "hextra/hero-container": ("imageTitle",),
    # Docsy.
    "alert": ("title",),
    "blocks/cover": ("title", "subtitle", "byline"),
    "blocks/feature": ("title", "url_text"),
}


@dataclass(frozen=True)
class ShortcodeParams:
    """The translatable parameters of each shortcode, by name. Hashable, so caches can key on it."""

    table: tuple[tuple[str, tuple[ParamKey, ...]], ...] = ()
    """(shortcode name, its parameter names and positions), sorted by name."""

    @classmethod
    def of(cls, table: Mapping[str, Sequence[ParamKey]]) -> ShortcodeParams:
        return cls(tuple(sorted((name, tuple(keys)) for name, keys in table.items() if keys)))

    def overridden(self, table: Mapping[str, Sequence[ParamKey]]) -> ShortcodeParams:
        """These settings with each shortcode of ``table`` replaced; an empty list switches one off."""
        return ShortcodeParams.of({**dict(self.table), **{name: tuple(keys) for name, keys in table.items()}})

    def keys(self, name: str) -> tuple[ParamKey, ...]:
        """The translatable parameters of shortcode ``name`` (none for one not listed)."""
        for listed, keys in self.table:
            if listed == name:
                return keys
        return ()

    def __iter__(self) -> Iterator[tuple[str, tuple[ParamKey, ...]]]:
        return iter(self.table)


BUILT_IN = ShortcodeParams.of(_DEFAULTS)
"""The defaults: Hugo's own shortcodes and the plainly prose parameters of Hextra and Docsy."""
