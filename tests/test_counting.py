"""One counting rule: check, status and merge agree on every catalog msgfmt accepts.

Entries are known by (msgctxt, msgid) against the source's texts; a plural counts with every
form; an entry no source text asks for (added by hand or by a tool) counts neither way.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import polib
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import msgfmt_check, read_po, run, write_tree
from translate_flow import api
from translate_flow.project.discover import discover
from translate_flow.reports import Report
from translate_flow.steps.merge_plan import plan_merge

STATES = ("translated", "fuzzy", "empty", "context", "missing", "obsolete")
"""What a translator or a tool may have done to an entry since extract."""


def _project(root: Path, count: int, min_percent: int) -> list[str]:
    texts = [f"Paragraph number {n} of the article." for n in range(count)]
    write_tree(
        root,
        {
            "translate-flow.toml": f'languages = ["fr"]\nmin_percent = {min_percent}\n',
            "content/a.md": "\n\n".join(texts) + "\n",
        },
    )
    assert run(root, "extract", "-q").exit_code == 0
    return texts


def _edit(po_path: Path, states: list[str], extra: str | None) -> None:
    po = read_po(po_path, wrapwidth=0)
    for entry, state in zip(list(po), states):
        entry.msgstr = "" if state == "empty" else f"Le {entry.msgid}"
        if state == "fuzzy":
            entry.flags.append("fuzzy")
        elif state == "context":
            entry.msgctxt = "paragraph"  # msgfmt accepts it; gettext would look up the text without one
        elif state == "obsolete":
            entry.obsolete = True
        elif state == "missing":
            po.remove(entry)
    if extra is not None:
        po.append(polib.POEntry(msgid="Added by hand.", msgstr="" if extra == "empty" else "Ajouté à la main."))
    po.save(str(po_path))


def _three_percents(root: Path) -> tuple[float, list[float], float]:
    config = api.load_config(root)
    status = api.status(config).articles
    assert len(status) == 1
    checked = api.check(config)
    gate = [f.percent for f in checked.findings if f.check in ("untranslated", "fuzzy") and f.percent is not None]
    plans = list(plan_merge(config, discover(config).sources, False, Report()))
    assert len(plans) == 1
    return status[0].counts.percent, gate, plans[0].percent


@given(
    states=st.lists(st.sampled_from(STATES), min_size=1, max_size=6),
    extra=st.sampled_from([None, "translated", "empty"]),
    min_percent=st.sampled_from([0, 50, 80, 100]),
)
def test_check_status_and_merge_count_alike(states: list[str], extra: str | None, min_percent: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _project(root, len(states), min_percent)
        po_path = root / "locales/fr/a.po"
        _edit(po_path, states, extra)
        msgfmt_check(po_path)

        status, gate, merge = _three_percents(root)
        done = states.count("translated")
        assert status == merge == 100.0 * done / len(states)
        # check reports untranslated and fuzzy entries with the same share, and only when some are left.
        assert gate == [status] * len(gate) and bool(gate) == (done < len(states))
        result = run(root, "merge", "-q")
        assert result.exit_code == 0, result.output
        assert (root / "content/a.fr.md").exists() == (status >= min_percent)


def test_the_issue_catalog_is_half_translated_for_all_three(project: Path) -> None:
    """A fully translated catalog with a msgctxt on one entry: msgfmt accepts it, nothing uses that entry."""
    _project(project, 2, 80)
    _edit(project / "locales/fr/a.po", ["context", "translated"], None)
    msgfmt_check(project / "locales/fr/a.po")
    assert _three_percents(project) == (50.0, [50.0], 50.0)
    checked = run(project, "check")
    assert checked.exit_code == 1
    assert "untranslated: 1 of 2 entries untranslated (50% translated)" in checked.output
    assert "unmatched: matches no text of the source" in checked.output
    assert "  50%" in run(project, "status").output
    assert "not written: 50% translated in locales/fr/a.po" in run(project, "merge").output
    # extract --force takes the entry back, as msgmerge would: its translation kept, fuzzy.
    assert run(project, "extract", "--force", "-q").exit_code == 0
    entry = read_po(project / "locales/fr/a.po").find("Paragraph number 0 of the article.")
    assert entry is not None and entry.msgctxt is None and "fuzzy" in entry.flags
    assert entry.msgstr == "Le Paragraph number 0 of the article."


def test_check_and_status_count_an_i18n_table_alike(project: Path) -> None:
    """Resource catalogs key their entries by msgctxt; a plural counts only with every form."""
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/a.md": "Some text.\n",
            "i18n/en.yaml": 'home: "Home"\ndocs:\n  other: Documentation\npages:\n  one: One page\n  other: "{{ .Count }} pages"\n',
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/es/_hugo/i18n.po"
    po = read_po(path, wrapwidth=0)
    po.find("Home", msgctxt="home").msgstr = "Inicio"
    po.find("Documentation", msgctxt="docs").msgctxt = "documentation"  # renamed by hand: matches no key
    po.find("One page", msgctxt="pages").msgstr_plural = {0: "Una página", 1: "", 2: ""}  # one form of three
    po.append(polib.POEntry(msgctxt="extra", msgid="Added by a tool.", msgstr="Añadido."))
    po.save(str(path))
    msgfmt_check(path)

    config = api.load_config(project)
    rows = {row.article: row.counts for row in api.status(config).articles}
    table = rows["i18n/en.yaml"]
    assert (table.total, table.translated, table.untranslated, table.unmatched) == (3, 1, 2, 2)
    found = [f for f in api.check(config).findings if f.path == "locales/es/_hugo/i18n.po"]
    assert [f.percent for f in found if f.check == "untranslated"] == [table.percent]
    assert sorted((f.check, f.msgctxt, f.msgid) for f in found if f.check == "unmatched") == [
        ("unmatched", "documentation", "Documentation"),
        ("unmatched", "extra", "Added by a tool."),
    ]


def test_a_shared_catalog_counts_the_texts_of_all_its_articles(project: Path) -> None:
    """With `catalogs = "language"` check and status count the shared file once; each page is
    merged by the same rule over its own texts."""
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\ncatalogs = "language"\nmin_percent = 100\n',
            "content/a.md": "Alpha text one.\n\nShared closing line.\n",
            "content/b.md": "Beta text two.\n\nShared closing line.\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/content.po"
    po = read_po(path, wrapwidth=0)
    for entry in po:
        entry.msgstr = f"Le {entry.msgid}"
    po.find("Beta text two.").msgctxt = "b"  # now no text of either article
    po.append(polib.POEntry(msgid="From a compendium.", msgstr="D'un compendium."))
    po.save(str(path))
    msgfmt_check(path)

    config = api.load_config(project)
    (row,) = api.status(config).articles
    assert (row.articles, row.counts.total, row.counts.translated, row.counts.unmatched) == (2, 3, 2, 2)
    found = [f for f in api.check(config).findings if f.path == "locales/fr/content.po"]
    assert [f.percent for f in found if f.check == "untranslated"] == [row.counts.percent]
    assert sorted(f.msgid or "" for f in found if f.check == "unmatched") == ["Beta text two.", "From a compendium."]
    percents = {p.source.rel: p.percent for p in plan_merge(config, discover(config).sources, False, Report())}
    assert percents == {"content/a.md": 100.0, "content/b.md": 50.0}
    assert run(project, "merge", "-q").exit_code == 0
    assert (project / "content/a.fr.md").exists() and not (project / "content/b.fr.md").exists()
