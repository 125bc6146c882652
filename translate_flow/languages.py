"""Language codes: validation with Babel, and the spellings each consumer wants."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural


@dataclass(frozen=True)
class Language:
    """A validated language."""

    code: str
    """Canonical BCP 47 spelling used for directories and file suffixes (``zh-CN``)."""
    gettext: str
    """The spelling of the PO ``Language`` header (``zh_CN``)."""
    plural_forms: str
    """The PO ``Plural-Forms`` header value, from Babel's CLDR data."""
    display_name: str
    """The language's English name, for reports."""


@cache
def parse_language(code: str) -> Language:
    """Validate ``code`` (``zh-CN``, ``zh_cn``, ``en``…) and return its spellings.

    Raises ValueError with a readable message for an unknown or malformed code.
    """
    raw = code.strip()
    if not raw:
        raise ValueError("empty language code")
    try:
        locale = Locale.parse(raw.replace("_", "-"), sep="-")
    except (ValueError, UnknownLocaleError, TypeError) as exc:
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
    plural = get_plural(locale)
    return Language(
        code="-".join(canonical),
        gettext="_".join(canonical),
        plural_forms=f"nplurals={plural.num_plurals}; plural={plural.plural_expr};",
        display_name=locale.get_display_name("en") or canonical[0],
    )


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
