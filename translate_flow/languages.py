"""Language codes: validation with Babel, and the spellings each consumer wants."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from translate_flow import __version__
from translate_flow.lazy import lazy, lazy_module

# Babel's plural rules come with its whole catalog package (dates, e-mail headers, difflib):
# they are imported when a PO header is first written, not by every command.
if TYPE_CHECKING:
    import babel
    from babel.messages.plurals import get_plural
else:
    # Importing Babel and loading its CLDR tables takes about 15 ms, the largest part of a
    # no-op run's start-up; a run whose languages are all remembered (below) never loads it.
    babel = lazy_module("babel")
    get_plural = lazy("babel.messages.plurals:get_plural")


@dataclass(frozen=True)
class Language:
    """A validated language."""

    code: str
    """Canonical BCP 47 spelling used for directories and file suffixes (``zh-CN``)."""
    gettext: str
    """The spelling of the PO ``Language`` header (``zh_CN``)."""
    locale: str = field(compare=False)
    """Babel's identifier of the locale (``zh_Hans_CN``), whose name and plural rules are looked up on use."""

    @property
    def display_name(self) -> str:
        """The language's English name, for reports."""
        # Babel loads the locale's whole CLDR data for a name: only a run that writes one pays for it.
        return _display_name(self.locale) or self.code.split("-")[0]

    @property
    def plural_forms(self) -> str:
        """The PO ``Plural-Forms`` header value, from Babel's CLDR data."""
        return _plural_forms(self.locale)


@cache
def _display_name(locale: str) -> str | None:
    name: str | None = babel.Locale.parse(locale).get_display_name("en")
    return name


@cache
def _plural_forms(locale: str) -> str:
    plural = get_plural(locale)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


_REMEMBERED: dict[str, Language | None] = {}
"""Babel's answers from earlier runs (a project's language cache), by the code as written;
None for a code Babel does not know."""
_ASKED: dict[str, Language | None] = {}
"""Babel's answers in this process, by the code as written: what a cache may keep."""


def remember_languages(answers: Mapping[str, Language | None]) -> None:
    """Take Babel's answers from an earlier run, so that ``parse_language`` does not ask again."""
    _REMEMBERED.update(answers)


def languages_asked() -> dict[str, Language | None]:
    """The codes this process looked up with Babel, with their answers (None: not a language)."""
    return dict(_ASKED)


def babel_identity() -> str | None:
    """What an answer of Babel depends on: this package's rules and Babel's CLDR data.

    Read from the data file's size and time, without importing Babel; None when Babel
    cannot be found (then nothing is remembered).
    """
    try:
        spec = importlib.util.find_spec("babel")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    try:
        data = os.stat(os.path.join(os.path.dirname(spec.origin), "global.dat"))
    except OSError:
        return None
    return f"{__version__} {spec.origin} {data.st_size} {data.st_mtime_ns}"


def parse_language(code: str) -> Language:
    """Validate ``code`` (``zh-CN``, ``zh_cn``, ``en``…) and return its spellings.

    Raises ValueError with a readable message for an unknown or malformed code.
    """
    if not code.strip():
        raise ValueError("empty language code")
    if code in _REMEMBERED:
        known = _REMEMBERED[code]
    else:
        try:
            known = _ask_babel(code)
        except ValueError:
            known = None
        _ASKED[code] = known
    if known is None:
        # A file name's `v0.12` asks whether `12` is a language: the answer is kept too.
        raise ValueError(f"unknown language code {code!r}")
    return known


@cache
def _ask_babel(code: str) -> Language:
    raw = code.strip()
    try:
        locale = babel.Locale.parse(raw.replace("_", "-"), sep="-")
    except (ValueError, TypeError, babel.UnknownLocaleError) as exc:
        raise ValueError(f"unknown language code {code!r}") from exc
    parts = [p for p in raw.replace("_", "-").split("-") if p]
    # Keep the user's components (Babel adds a likely script, e.g. zh_Hans_CN,
    # which no site spells that way) but normalise their case.
    canonical = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            canonical.append(part.title())
        elif len(part) in (2, 3):
            canonical.append(part.upper())
        else:
            canonical.append(part.lower())
    return Language(code="-".join(canonical), gettext="_".join(canonical), locale=str(locale))


def same_language(a: str, b: str) -> bool:
    """Compare two codes case- and separator-insensitively."""
    return a.replace("_", "-").lower() == b.replace("_", "-").lower()


def matching_language(code: str, wanted: tuple[str, ...]) -> str | None:
    """The language of ``wanted`` (canonical codes) that ``code``, named by a file (a TMX unit,
    a glossary column), means: the same code; else the same language without a region
    (``fr-FR`` → ``fr``); else the one language of ``wanted`` of that language (``fr`` →
    ``fr-FR`` when ``wanted`` has ``fr-FR`` and no other French). None when it means none."""
    try:
        canonical = parse_language(code).code
    except ValueError:
        return None
    if canonical in wanted:
        return canonical
    base = canonical.split("-")[0]
    if base in wanted:
        return base
    same = [language for language in wanted if language.split("-")[0] == base]
    return same[0] if len(same) == 1 and canonical == base else None
