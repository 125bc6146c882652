"""merge: splice translations in, keep every other byte, respect the threshold."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.conftest import fill, read_po, run, write_tree


def _merge_one(project: Path, source: str, translate: object, lang: str = "fr", *extra: str) -> str:
    write_tree(project, {"translate-flow.toml": f'languages = ["{lang}"]\n', "content/a.md": source})
    assert run(project, "extract").exit_code == 0
    fill(project / f"locales/{lang}/a.po", translate)
    result = run(project, "merge", *extra)
    assert result.exit_code == 0, result.output
    return (project / f"content/a.{lang}.md").read_text(encoding="utf-8")


def test_lang_keeps_its_shape(project: Path) -> None:
    out = _merge_one(project, "---\nlang: 'en'\nlist:\n---\n\nHi.\n", lambda m: "Salut.")
    assert out == "---\nlang: 'fr'\nlist:\n---\n\nSalut.\n"


def test_lang_list_stays_a_list(project: Path) -> None:
    out = _merge_one(project, '---\nlang: ["en"] # comment\n---\n\nHi.\n', lambda m: "Salut.")
    assert out == '---\nlang: ["fr"] # comment\n---\n\nSalut.\n'


def test_yaml_values_get_quoted_only_when_they_must(project: Path) -> None:
    source = "---\ntitle: Plain\nsummary: Plain too\ndescription: |\n  Block\n  text\nlang: en\n---\n\nBody.\n"
    table = {
        "Plain": "Titre : avec deux-points",
        "Plain too": "Simple",
        "Block\ntext": "Bloc\nde texte",
        "Body.": "Corps.",
    }
    out = _merge_one(project, source, lambda m: table[m])
    assert out == (
        '---\ntitle: "Titre : avec deux-points"\nsummary: Simple\ndescription: |\n  Bloc\n  de texte\n'
        "lang: fr\n---\n\nCorps.\n"
    )


def test_table_cell_pipes_are_escaped(project: Path) -> None:
    out = _merge_one(project, "| Head |\n|---|\n| cell |\n", lambda m: "a|b" if m == "cell" else "Tête")
    assert out == "| Tête |\n|---|\n| a\\|b |\n"


def test_fuzzy_is_used_only_when_asked(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n', "content/a.md": "Hello.\n"})
    assert run(project, "extract").exit_code == 0
    path = project / "locales/fr/a.po"
    po = read_po(path)
    po[0].msgstr = "Bonjour."
    po[0].flags.append("fuzzy")
    po.save(str(path))
    assert run(project, "merge").exit_code == 0
    assert (project / "content/a.fr.md").read_text() == "Hello.\n"
    assert run(project, "merge", "--include-fuzzy").exit_code == 0
    assert (project / "content/a.fr.md").read_text() == "Bonjour.\n"


def test_below_threshold_writes_nothing_and_says_so(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "One.\n\nTwo.\n"})
    assert run(project, "extract").exit_code == 0
    fill(project / "locales/fr/a.po", lambda m: "Un." if m == "One." else "")
    result = run(project, "merge")
    assert result.exit_code == 0
    assert "content/a.fr.md: not written: 50% translated in locales/fr/a.po, below min_percent 80%" in result.output
    assert not (project / "content/a.fr.md").exists()


def test_merge_rewrites_only_on_change_and_output_is_not_extracted(project: Path) -> None:
    _merge_one(project, "Hello.\n", lambda m: "Bonjour.")
    out = project / "content/a.fr.md"
    stamp = out.stat().st_mtime_ns
    again = run(project, "merge")
    assert "0 written, 1 unchanged" in again.output and out.stat().st_mtime_ns == stamp
    assert run(project, "extract").exit_code == 0
    assert not (project / "locales/fr/a.fr.po").exists()


def test_missing_po_is_a_notice(project: Path) -> None:
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello.\n"})
    result = run(project, "merge")
    assert result.exit_code == 0 and "locales/fr/a.po: no PO file yet" in result.output


def test_noop_merge_parses_nothing_and_keeps_hand_edits(project: Path, parsed_articles: list[str]) -> None:
    _merge_one(project, "Hello.\n\nWorld.\n", lambda m: {"Hello.": "Bonjour.", "World.": "Monde."}[m])
    calls = parsed_articles
    calls.clear()
    assert "0 written, 1 unchanged" in run(project, "merge").output
    assert calls == []
    out = project / "content/a.fr.md"
    # A hand edit is someone's work (issue 16): kept, unless the user asks for --overwrite.
    out.write_text("Someone edited the output by hand.\n")
    assert "content/a.fr.md: not written: it was not written by translate-flow" in run(project, "merge").output
    assert out.read_text() == "Someone edited the output by hand.\n"
    assert "wrote content/a.fr.md" in run(project, "merge", "--overwrite").output
    assert out.read_text() == "Bonjour.\n\nMonde.\n"
    shutil.rmtree(project / ".translate-flow")  # the cache is only a cache
    assert "0 written, 1 unchanged" in run(project, "merge").output


def test_merge_reuses_the_segments_extract_found(project: Path, monkeypatch: object) -> None:
    import pytest

    from translate_flow.document import segmenter

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    write_tree(project, {"translate-flow.toml": 'languages = ["fr"]\n', "content/a.md": "Hello.\n\n- World.\n"})
    assert run(project, "extract", "-q").exit_code == 0
    fill(project / "locales/fr/a.po", lambda m: {"Hello.": "Bonjour.", "World.": "Monde."}[m])
    calls: list[str] = []
    real = segmenter.segment_article

    def counting(*args: object, **kwargs: object) -> object:
        calls.append("segmented")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("translate_flow.project.pages.segment_article", counting)
    assert run(project, "merge", "-q").exit_code == 0
    assert calls == [] and (project / "content/a.fr.md").read_text() == "Bonjour.\n\n- Monde.\n"
    # A damaged cache is ignored: the article is parsed again and the result is the same.
    store = project / ".translate-flow/segments.sqlite3"
    with sqlite3.connect(store) as db:
        cached = [digest for (digest,) in db.execute("SELECT digest FROM segments")]
        assert len(cached) == 1
        db.execute("UPDATE segments SET rows = '[[not, valid'")
    db.close()
    (project / "content/a.fr.md").unlink()
    assert run(project, "merge", "-q").exit_code == 0
    assert calls == ["segmented"] and (project / "content/a.fr.md").read_text() == "Bonjour.\n\n- Monde.\n"
    # Segments of a source that changed are forgotten by the next full extract.
    (project / "content/a.md").write_text("Hello again.\n")
    assert run(project, "extract", "-q").exit_code == 0
    with sqlite3.connect(store) as db:
        remaining = [digest for (digest,) in db.execute("SELECT digest FROM segments")]
    db.close()
    assert len(remaining) == 1 and remaining[0] != cached[0]


def test_an_empty_lang_is_left_alone(project: Path) -> None:
    # Found by the fuzzer: an empty folded scalar used to get the target language spliced in.
    out = _merge_one(
        project, "---\nlang: >\ntitle: Hi\n---\n\nHello.\n", lambda m: {"Hi": "Salut", "Hello.": "Bonjour."}[m]
    )
    assert out == "---\nlang: >\ntitle: Salut\n---\n\nBonjour.\n"
