"""What may be published of a resource translation: the article validator's rules, and for
Hugo's i18n strings the Go template actions they hold.

An i18n string is a Go template (``{{ .Count }} pages``): an action lost or changed breaks
the string, and a stray ``{{`` breaks the whole build. So a singular translation keeps
exactly the source's actions; a plural form may leave one out (the Russian ``one`` form
need not repeat the count) but may bring in none that neither source form has.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

import polib

from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.qa.validate import Problem, problems, switched_off

__all__ = ["entry_problems", "template_problem"]

_ACTION = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def template_problem(source: str, translation: str, plural: bool = False) -> str | None:
    """Why ``translation`` would not run as the same template as ``source``; None when it would.

    With ``plural``, ``source`` holds both source forms and the translation may use fewer actions.
    """
    wanted, found = Counter(_ACTION.findall(source)), Counter(_ACTION.findall(translation))
    missing = [] if plural else sorted((wanted - found).elements())
    extra = sorted(set(found) - set(wanted)) if plural else sorted((found - wanted).elements())
    if missing or extra:
        parts = [f"missing {', '.join(missing)}" if missing else "", f"unexpected {', '.join(extra)}" if extra else ""]
        return "template actions differ from the source: " + "; ".join(p for p in parts if p)
    rest = _ACTION.sub("", translation)
    if ("{{" in rest or "}}" in rest) and rest.count("{{") + rest.count("}}") > _strays(source):
        return "a {{ or }} outside a template action would break the string"
    return None


def _strays(source: str) -> int:
    rest = _ACTION.sub("", source)
    return rest.count("{{") + rest.count("}}")


def entry_problems(
    entry: polib.POEntry,
    disabled: Collection[str] = (),
    math: Markup = DEFAULT_MATH,
    shortcodes: ShortcodeParams = BUILT_IN,
) -> list[Problem]:
    """Every problem of the entry's translation (each form of a plural); none when it has none."""
    kinds = [kind for kind in entry.comment.split("\n") if kind]
    off = switched_off(entry.flags, disabled)
    template = "template" not in off and any(kind.startswith("i18n") for kind in kinds)
    if not entry.msgid_plural:
        found = problems(entry.msgid, entry.msgstr, kinds, off, math, shortcodes) if entry.msgstr else []
        why = template_problem(entry.msgid, entry.msgstr) if template and entry.msgstr else None
        return found + ([Problem("template", why)] if why else [])
    found = []
    both = entry.msgid + "\n" + entry.msgid_plural
    for _, form in sorted(entry.msgstr_plural.items()):
        if not form:
            continue
        found += problems(entry.msgid_plural, form, kinds, off, math, shortcodes)
        why = template_problem(both, form, plural=True) if template else None
        if why:
            found.append(Problem("template", why))
    return found
