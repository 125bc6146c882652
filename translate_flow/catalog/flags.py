"""Which flags an updated entry keeps: the template's and the translator's, as msgmerge merges them.

msgmerge takes whether a text is a format string (``c-format``, ``no-python-format``…)
and whether it may be wrapped (``no-wrap``) from the template, whose extractor decides
them from the source; everything else on the old entry (``fuzzy``, translate-flow's
``no-*-check``) is the translator's. translate-flow's own templates state no format or
wrap flag, so there the translator's stay: a template that states none decides none.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["decides_formats", "family", "merged_flags"]


def family(flag: str) -> str:
    """What a flag is about: ``c-format`` and ``no-c-format`` are both about ``c``;
    ``wrap`` and ``no-wrap`` about wrapping; any other flag only about itself."""
    if flag.endswith("-format"):
        name = flag.removesuffix("-format")
        for prefix in ("no-", "possible-", "impossible-"):
            name = name.removeprefix(prefix)
        return f"format:{name}"
    if flag in ("wrap", "no-wrap"):
        return "wrap"
    if flag.startswith("range:"):
        return "range"
    return flag


def _source_decided(flag: str) -> bool:
    return family(flag).startswith("format:") or family(flag) in ("wrap", "range")


def decides_formats(template_flags: Iterable[Iterable[str]]) -> bool:
    """True when a template states format or wrap flags at all: then it decides them for
    every entry, as an extractor that looked at each text does."""
    return any(_source_decided(flag) for flags in template_flags for flag in flags)


def merged_flags(template: list[str], old: list[str], *, decides: bool, fuzzy: bool) -> list[str]:
    """The flags of an entry built from ``template`` that takes ``old``'s translation.

    The template's format and wrap flags replace the old ones when it ``decides`` them;
    the old entry's other flags stay, in their order; ``fuzzy`` says whether the result
    awaits review (added last when it was not there).
    """
    taken = {family(flag) for flag in template}
    kept = [
        flag
        for flag in old
        if (flag != "fuzzy" or fuzzy) and family(flag) not in taken and not (decides and _source_decided(flag))
    ]
    result = kept + [flag for flag in template if flag != "fuzzy" and flag not in kept]
    if fuzzy and "fuzzy" not in result:
        result.append("fuzzy")
    return result
