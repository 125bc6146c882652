"""Plural forms both ways: Hugo's CLDR categories and gettext's numbered ``msgstr[N]``.

Hugo picks a string's form by the language's CLDR category of the count (Japanese has only
``other``; Russian ``one``, ``few``, ``many`` and ``other``). A PO file numbers its forms by
its ``Plural-Forms`` expression. Each category is tied to the number that expression gives
for the counts in that category (Babel's CLDR rules say which counts those are), so a
translator's corrected ``Plural-Forms`` is followed too.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import cache

from babel import Locale

from translate_flow.errors import CatalogError

__all__ = ["CATEGORIES", "categories", "form_categories", "form_numbers", "nplurals", "singular_forms"]

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""Hugo's (CLDR's) plural categories, in CLDR's order."""

# Counts tried: enough to meet every integer category of every CLDR language at least once
# (``many`` in Spanish and French starts at a million).
_COUNTS = (*range(1001), 1_000_000, 2_000_000)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")


@cache
def categories(language: str) -> tuple[str, ...]:
    """The language's CLDR categories, in CLDR's order (``other`` always last)."""
    rule = Locale.parse(language, sep="-").plural_form
    return tuple(name for name in CATEGORIES if name in rule.tags or name == "other")


def nplurals(plural_forms: str | None) -> int:
    """How many msgstr[N] a ``Plural-Forms`` value asks for; 2 without one (as in a POT)."""
    match = _NPLURALS.search(plural_forms or "")
    return int(match.group(1)) if match else 2


def _expression(plural_forms: str) -> Callable[[int], int]:
    match = _PLURAL.search(plural_forms)
    if match is None:
        raise CatalogError(f"Plural-Forms has no plural expression: {plural_forms!r}")
    try:
        function: Callable[[int], int] = gettext.c2py(match.group(1).strip())
        return function
    except (ValueError, SyntaxError) as exc:
        raise CatalogError(f"Plural-Forms expression cannot be read: {match.group(1).strip()!r}") from exc


@cache
def singular_forms(plural_forms: str) -> frozenset[int]:
    """The msgstr[N] used for exactly one thing (only the count 1): those a singular text fits."""
    number = _expression(plural_forms)
    counts: dict[int, set[int]] = {}
    for n in _COUNTS:
        counts.setdefault(int(number(n)), set()).add(n)
    return frozenset(form for form, found in counts.items() if found == {1})


@cache
def everyday(language: str, category: str) -> bool:
    """Whether a category is used for some count from 0 to 100 (French ``many``, for
    1,000,000 and the like, is not; Russian ``few``, for 2 to 4, is)."""
    rule = Locale.parse(language, sep="-").plural_form
    return any(rule(n) == category for n in range(101))


@cache
def form_numbers(language: str, plural_forms: str) -> dict[str, int]:
    """The msgstr[N] that holds each CLDR category of ``language``.

    A category met only by fractions (Russian ``other``) gets the last form, the one gettext
    itself uses for counts it has no rule for.
    """
    count = nplurals(plural_forms)
    number = _expression(plural_forms)
    rule = Locale.parse(language, sep="-").plural_form
    found: dict[str, int] = {}
    for n in _COUNTS:
        found.setdefault(rule(n), min(max(int(number(n)), 0), count - 1))
    return {name: found.get(name, count - 1) for name in categories(language)}


@cache
def form_categories(language: str, plural_forms: str) -> dict[int, str]:
    """The CLDR category each msgstr[N] mostly serves: the one most of its counts are in.

    Where two categories share a form (Russian ``many`` and ``other``, both msgstr[2]), this
    says whose text belongs there: ``many``, the category of the whole numbers it is used for.
    """
    count = nplurals(plural_forms)
    number = _expression(plural_forms)
    rule = Locale.parse(language, sep="-").plural_form
    tally: dict[int, dict[str, int]] = {}
    for n in _COUNTS:
        form = min(max(int(number(n)), 0), count - 1)
        names = tally.setdefault(form, {})
        names[rule(n)] = names.get(rule(n), 0) + 1
    return {
        form: max(sorted(names, key=CATEGORIES.index), key=lambda name: names[name]) for form, names in tally.items()
    }
