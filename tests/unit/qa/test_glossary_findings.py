"""The glossary finding and coverage on one catalog: lines, plural forms, fuzzy entries, flags."""

from __future__ import annotations

import polib

from translate_flow.glossary.model import TermPair
from translate_flow.qa.glossary_coverage import GlossaryUse, glossary_use
from translate_flow.qa.glossary_findings import glossary_findings

PAIRS = (TermPair("branch", "rama", "", False, False), TermPair("Hugo", "Hugo", "", True, True))
PO = """
msgid "Delete the branch."
msgstr "Borra la rama."

#, fuzzy
msgid "Rename the branch."
msgstr "Renombra la bifurcación."

msgid "One branch"
msgid_plural "%d branches"
msgstr[0] "Una rama"
msgstr[1] "%d bifurcaciones"

#, no-glossary-check
msgid "Built with Hugo."
msgstr "Hecho con hugo."

msgid "Hugo builds it."
msgstr "hugo lo construye."

msgid "A new branch."
msgstr ""
"""


def test_findings_name_the_term_on_the_msgstr_line() -> None:
    po = polib.pofile(PO)
    lines = {entry.linenum: entry.linenum + 1 for entry in po}  # as msgstr_lines gives them
    found = list(glossary_findings(po, "es.po", "en", "es", PAIRS, lines))
    assert [(f.line, f.message) for f in found] == [
        (lines[po[1].linenum], "“branch” should be translated as “rama”"),  # fuzzy: checked too
        (lines[po[2].linenum], "“branch” should be translated as “rama”"),  # a plural form lacks it
        (lines[po[4].linenum], "“Hugo” is not translated; the translation should keep “Hugo”"),
    ]
    assert {(f.check, f.category, f.language) for f in found} == {("glossary", "glossary", "es")}
    assert list(glossary_findings(po, "es.po", "en", "es", PAIRS, lines, disabled={"glossary"})) == []


def test_coverage_counts_reviewed_entries_only() -> None:
    # Reviewed: the first (followed), the plural (not), the flagged one and the last Hugo (not followed).
    assert glossary_use(polib.pofile(PO), "en", "es", PAIRS) == GlossaryUse(uses=4, followed=1)
    assert glossary_use(polib.pofile(PO), "en", "es", ()) == GlossaryUse()
