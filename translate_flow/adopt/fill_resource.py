"""Bringing a translated resource's values into its catalog, in memory (the step writes the file).

The marking rules are the pages' (``adopt.fill``): an empty or fuzzy entry takes the file's
translation; another reviewed one is kept (a conflict) unless ``replace``; the same
translation is left as it is. An imported entry is reviewed, or fuzzy with ``fuzzy``, and
carries ``imported from <file>:<line>``. It is imported fuzzy whatever ``fuzzy`` says when
merge would hold it back (``resources.validate``: a Go template action changed, a lost
link), or when it is a plural whose table lacks a form the language uses.

A plural entry gets every form the table gives, each CLDR category in the ``msgstr[N]`` the
catalog's own ``Plural-Forms`` gives it (``resources.plurals``). A ``msgstr[N]`` no given
form fills takes the ``other`` form, which is what Hugo shows for those counts; that entry is
a guess, so it comes in fuzzy. A singular entry takes the ``other`` form (Hugo's form for a
string used without a count), or the only one.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import polib

from translate_flow.adopt.fill import mark_imported, origin_comment
from translate_flow.adopt.resource_values import FoundValue
from translate_flow.catalog.entry_keys import Key
from translate_flow.catalog.update import has_translation, index
from translate_flow.config import Config
from translate_flow.languages import parse_language
from translate_flow.resources.plurals import CATEGORIES, everyday, form_categories, form_numbers, nplurals
from translate_flow.resources.validate import entry_problems

__all__ = ["ResourceFillCounts", "fill_resource"]


@dataclass(frozen=True)
class ResourceFillCounts:
    """What importing one translated resource file did to its catalog."""

    entries: int
    """Entries of the source file (distinct keys) looked for in the translated file."""
    imported: int
    """Entries given the file's translation."""
    already: int
    """Entries that already held exactly the file's translation."""
    conflicts: int
    """Entries with another reviewed translation, kept (no ``replace``)."""
    broken: int
    """Imported entries made fuzzy because merge would hold their translation back."""
    incomplete: int
    """Imported plural entries made fuzzy because the table lacks a form the language uses."""
    missing: int
    """Entries the translated file has no value for; they stay as they were."""
    inconsistent: int
    """Texts the file translates in two different ways (a data file's repeated value; the first is taken)."""


@dataclass(frozen=True)
class _Wanted:
    msgstr: str
    plural: dict[int, str]
    lacking: tuple[str, ...]
    """The categories of the msgstr[N] the table has no form for."""
    stand_in: str
    """The category whose form those msgstr[N] were given (``other``, else the table's last)."""
    line: int


def fill_resource(
    config: Config,
    po: polib.POFile,
    language: str,
    found: Sequence[FoundValue],
    entries: int,
    file_rel: str,
    *,
    fuzzy: bool = False,
    replace: bool = False,
) -> ResourceFillCounts:
    """Fill ``po`` in place from one translated file's values; ``entries`` is how many were looked for."""
    catalog = index(po)
    plural_forms = po.metadata.get("Plural-Forms") or parse_language(language).plural_forms
    chosen: dict[Key, _Wanted] = {}
    inconsistent = 0
    for value in found:
        entry = catalog.get(value.key)
        if entry is None or entry.obsolete:
            continue
        wanted = _wanted(entry, value, language, plural_forms)
        if wanted is None:
            continue
        if value.key not in chosen:
            chosen[value.key] = wanted
        elif (chosen[value.key].msgstr, chosen[value.key].plural) != (wanted.msgstr, wanted.plural):
            inconsistent += 1
    imported = already = conflicts = broken = incomplete = 0
    for key, wanted in chosen.items():
        entry = catalog[key]
        reviewed = has_translation(entry) and "fuzzy" not in entry.flags
        faulty = _faulty(config, entry, wanted)
        # A lacking form that only very large counts use (French ``many``) takes ``other``, as
        # Hugo would show; one that everyday counts use (Russian ``few``) needs a reviewer.
        guess = any(everyday(language, name) for name in wanted.lacking)
        same = entry.msgstr_plural == wanted.plural if entry.msgid_plural else entry.msgstr == wanted.msgstr
        if same and (reviewed or fuzzy or faulty or guess):
            already += 1  # never made fuzzy again: a reviewer may have accepted it
            continue
        if reviewed and not replace:
            conflicts += 1
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = dict(wanted.plural)
        else:
            entry.msgstr = wanted.msgstr
        mark_imported(entry, _comment(file_rel, wanted), fuzzy or faulty or guess)
        imported += 1
        broken += faulty
        incomplete += guess and not faulty
    missing = max(entries - len(chosen), 0)
    return ResourceFillCounts(entries, imported, already, conflicts, broken, incomplete, missing, inconsistent)


def _wanted(entry: polib.POEntry, value: FoundValue, language: str, plural_forms: str) -> _Wanted | None:
    forms = {name: text for name, text in value.forms.items() if text}
    if not forms:
        return None
    if not entry.msgid_plural:
        single = forms.get("other") or (next(iter(forms.values())) if len(forms) == 1 else "")
        return _Wanted(single, {}, (), "", value.line) if single else None
    # Hugo (go-i18n) shows the ``other`` form for a count whose category the table lacks.
    stand_in = "other" if "other" in forms else list(forms)[-1]
    numbers = form_numbers(language, plural_forms)
    owners = form_categories(language, plural_forms)
    plural: dict[int, str] = {}
    lacking: list[str] = []
    for number in range(nplurals(plural_forms)):
        owner = owners.get(number, "other")
        # Where two categories share a form, the one whose counts it serves comes first.
        names = [owner, *(name for name in CATEGORIES if numbers.get(name) == number and name != owner)]
        text = next((forms[name] for name in names if name in forms), None)
        if text is None:
            lacking.append(owner)
        plural[number] = text if text is not None else forms[stand_in]
    return _Wanted("", plural, tuple(lacking), stand_in, value.line)


def _comment(file_rel: str, wanted: _Wanted) -> str:
    comment = origin_comment(file_rel, wanted.line)
    if wanted.lacking:
        names = ", ".join(repr(name) for name in wanted.lacking)
        comment += f"; the table has no {names} form: its {wanted.stand_in!r} form stands in"
    return comment


def _faulty(config: Config, entry: polib.POEntry, wanted: _Wanted) -> bool:
    probe = copy.copy(entry)
    probe.msgstr = wanted.msgstr
    probe.msgstr_plural = dict(wanted.plural) if entry.msgid_plural else {}
    return bool(entry_problems(probe, config.check.disable, config.math, config.shortcodes))
