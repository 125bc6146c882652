"""Names of checks and gate categories: plain constants.

They live apart from the checks so that the configuration can validate ``[check]``
without loading the validator's Markdown parsers.
"""

from __future__ import annotations

STRUCTURE_CHECKS = (
    "structure",
    "link",
    "image",
    "code",
    "emphasis",
    "shortcode",
    "attribute",
    "math",
    "markup",
    "footnote",
    "html",
    "whitespace",
)
"""Every check of the validator; each may be switched off by a ``no-<check>-check`` flag."""

CATEGORIES = (
    "missing",
    "stale",
    "untranslated",
    "fuzzy",
    "unreviewed",
    "obsolete",
    "broken",
    "copy",
    "script",
    "output",
    "invalid",
    "site",
    "glossary",
)
"""Gate categories: each finding belongs to one."""

DEFAULT_FAIL_ON = frozenset({"missing", "stale", "untranslated", "fuzzy", "broken", "script", "output", "invalid"})
"""Categories that fail the gate when ``[check] fail_on`` names none."""

ENTRY_CHECKS = (
    *STRUCTURE_CHECKS,
    "front-matter",
    "copy",
    "script",
    "template",
    "value",
    "glossary",
    "unmatched",
    "unreviewed",
)
"""Checks that look at one PO entry (``template``: the Go template actions of an i18n string;
``value``: a translation an i18n table or data file cannot hold so that it reads back;
``script``: a translation mostly in a script its language does not use;
``glossary``: a term of the glossary whose translation the msgstr lacks, a warning by default;
``unmatched``: an entry no source text asks for; ``unreviewed``: a machine draft unfuzzied unedited)."""

FILE_CHECKS = (
    "missing-po",
    "missing-pot",
    "missing-output",
    "outdated-output",
    "po-newline",
    "invalid-po",
    "invalid-article",
    "hugo-language",
    "locale-folder",
    "glossary-language",
)
"""Checks that look at a whole file: a catalog or article that is missing, out of date or unreadable
(``glossary-language``: a glossary column, or TBX language, that is no language of the project)."""

CHECK_NAMES = frozenset((*CATEGORIES, *ENTRY_CHECKS, *FILE_CHECKS))
"""Every name ``[check] fail_on`` and ``disable`` accept."""
