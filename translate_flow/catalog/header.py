"""The header of an updated catalog: ours where it is ours, the translator's and editor's elsewhere.

Last-Translator, Language-Team, PO-Revision-Date, a corrected Plural-Forms, an editor's
X-Generator and any field of their own stay as the file has them, in the file's order.
"""

from __future__ import annotations

import polib

from translate_flow import __version__
from translate_flow.catalog.io import now_date
from translate_flow.languages import Language

__all__ = ["GENERATOR", "header_fields"]

GENERATOR = f"translate-flow {__version__}"
"""The X-Generator of a catalog translate-flow wrote."""


def header_fields(language: Language | None, project: str, old: polib.POFile | None) -> dict[str, str]:
    """The header of a catalog built for ``language`` (None: the template) from ``old``."""
    metadata: dict[str, str] = dict(old.metadata) if old is not None else {}
    date = metadata.get("POT-Creation-Date") or now_date()
    fields = {
        "Project-Id-Version": metadata.get("Project-Id-Version") or project,
        "Report-Msgid-Bugs-To": metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": date,
        "PO-Revision-Date": metadata.get("PO-Revision-Date") or date,
        "Last-Translator": metadata.get("Last-Translator", ""),
        "Language-Team": metadata.get("Language-Team", ""),
        "Language": language.gettext if language else "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if language is not None:
        # A translator may have corrected the plural rule; theirs wins.
        fields["Plural-Forms"] = metadata.get("Plural-Forms") or language.plural_forms
    # An editor's X-Generator (Poedit, Weblate) stays: writing ours back would flip it on
    # every save. Ours is brought up to date.
    generator = metadata.get("X-Generator", "")
    fields["X-Generator"] = generator if generator and not generator.startswith("translate-flow") else GENERATOR
    for key, value in metadata.items():
        fields.setdefault(key, value)
    # The file's order first: a wrapped file is written back as gettext writes it, in the
    # order read (a one-line-per-string file is written in polib's order anyway).
    return {**{key: fields[key] for key in metadata}, **fields}
