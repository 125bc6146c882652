"""Which catalog an article's texts go into: one per article, per section, per language, or a
path template (issue 17: a Weblate project wants tens of components, not thousands).

Every template starts with ``{lang}/`` and ends with ``.po``: each language keeps its own
folder under ``locales/`` (where gettext tools, Weblate's file masks and our own scans look),
and the POT template of a catalog is the same name under ``locales/templates/``.
"""

from __future__ import annotations

import re

__all__ = ["PRESETS", "ROOT_SECTION", "catalog_name", "catalog_problem", "per_article", "section_of"]

PRESETS = {
    "article": "{lang}/{stem}.po",
    "section": "{lang}/{section}.po",
    "language": "{lang}/content.po",
}
"""The named granularities and the templates they stand for."""
ROOT_SECTION = "_root"
"""The section of the articles at the top of the content folder (Hugo's home section)."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_KNOWN = {"lang", "section", "stem"}


def template_of(setting: str) -> str:
    return PRESETS.get(setting, setting)


def per_article(setting: str) -> bool:
    """True when every article has a catalog of its own."""
    return "{stem}" in template_of(setting)


def catalog_problem(setting: str) -> str | None:
    """What is wrong with a ``catalogs`` value, or None."""
    template = template_of(setting)
    names = _PLACEHOLDER.findall(template)
    unknown = sorted(set(names) - _KNOWN)
    if unknown:
        return f"unknown placeholder {{{unknown[0]}}}; use {{lang}}, {{section}} or {{stem}}"
    if not template.startswith("{lang}/") or names.count("lang") != 1:
        return 'must be "article", "section", "language" or a path starting with {lang}/ such as "{lang}/{section}.po"'
    if not template.endswith(".po") or template.endswith("/.po"):
        return "must end with a file name ending in .po"
    rest = template[len("{lang}/") : -len(".po")]
    parts = rest.split("/")
    if any(part in ("", ".", "..") for part in parts) or "\\" in rest:
        return "must be a relative path without empty, . or .. parts"
    if parts[0] == "_hugo":
        return "'_hugo' is where translate-flow keeps the site's own catalogs; choose another name"
    return None


def section_of(stem: str) -> str:
    """The top-level content folder of an article's catalog stem (``news/post`` → ``news``)."""
    head, sep, _ = stem.partition("/")
    return head if sep else ROOT_SECTION


def catalog_name(setting: str, stem: str) -> str:
    """The catalog's name under ``locales/<lang>/`` and ``locales/templates/``, without suffix."""
    template = template_of(setting)
    rest = template[len("{lang}/") : -len(".po")]
    return rest.replace("{stem}", stem).replace("{section}", section_of(stem))
