"""check's `unreviewed` warning: a machine draft someone unfuzzied without reading it."""

from __future__ import annotations

import json
from pathlib import Path

import polib

from tests.conftest import msgfmt_check, read_po, run, write_tree

CONFIG = (
    'languages = ["fr"]\n[pretranslate]\nengines = ["shout"]\n'
    '[engines.shout]\nclass = "tests.plugin_engine:ShoutEngine"\n'
)
TEXTS = ("Left exactly as drafted.", "Edited by the reviewer.", "Still awaiting review.", "Reviewed, note removed.")


def _unfuzzy(po: polib.POFile, msgid: str, msgstr: str | None = None, keep_note: bool = True) -> None:
    entry = po.find(msgid)
    assert entry is not None and "fuzzy" in entry.flags
    entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    if msgstr is not None:
        entry.msgstr = msgstr
    if not keep_note:
        entry.tcomment = ""


def _warnings(root: Path) -> list[dict[str, object]]:
    data = json.loads(run(root, "check", "--format", "json").output)
    return [f for f in data["findings"] if f["check"] == "unreviewed"]


def test_an_unedited_draft_without_its_fuzzy_flag_is_flagged(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": CONFIG, "content/a.md": "\n\n".join(TEXTS) + "\n"})
    assert run(project, "extract", "-q").exit_code == 0
    assert _warnings(project) == []
    assert not (project / ".translate-flow/mt-cache.sqlite3").exists()  # check creates no cache
    result = run(project, "pretranslate", "-q")
    assert result.exit_code == 0, result.output
    assert _warnings(project) == []  # fuzzy drafts are the fuzzy check's business

    path = project / "locales/fr/a.po"
    po = read_po(path, wrapwidth=0)
    assert po.find(TEXTS[0]).msgstr == "LEFT EXACTLY AS DRAFTED.!"
    _unfuzzy(po, TEXTS[0])  # the note still says "please review"
    _unfuzzy(po, TEXTS[1], msgstr="Modifié par la relectrice.")
    _unfuzzy(po, TEXTS[3], keep_note=False)
    po.save(str(path))
    msgfmt_check(path)

    found = _warnings(project)
    line = path.read_text(encoding="utf-8").splitlines().index('msgstr "LEFT EXACTLY AS DRAFTED.!"') + 1
    assert found == [
        {
            "path": "locales/fr/a.po",
            "line": line,
            "check": "unreviewed",
            "category": "unreviewed",
            "severity": "warning",
            "language": "fr",
            "message": "still the machine draft, unedited, though no longer fuzzy; review it and remove the note",
            "msgid": TEXTS[0],
            "msgctxt": None,
            "references": ["content/a.md:1"],
        }
    ]
    # A warning: the gate fails only on the entry still fuzzy. It can fail the gate on request.
    assert run(project, "check", "--fail-on", "untranslated").exit_code == 0
    assert run(project, "check", "--fail-on", "unreviewed").exit_code == 1


def test_a_translation_that_equals_no_recorded_draft_is_no_draft(project: Path) -> None:
    """Without a record of the draft (a cache deleted, a note copied by hand), nothing is claimed."""
    write_tree(project, {"translate-flow.toml": CONFIG, "content/a.md": TEXTS[0] + "\n"})
    assert run(project, "extract", "-q").exit_code == 0
    assert run(project, "pretranslate", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    po = read_po(path, wrapwidth=0)
    _unfuzzy(po, TEXTS[0])
    po.save(str(path))
    assert len(_warnings(project)) == 1
    (project / ".translate-flow/mt-cache.sqlite3").unlink()
    assert _warnings(project) == []
