"""A Hugo `no:` language key (Norwegian) works from init to merge, as Hugo reads it (YAML 1.2)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import fill, run, write_tree

HUGO = """\
defaultContentLanguage: en
languages:
  en:
    contentDir: content/en
    weight: 1
  no:
    contentDir: content/no
    weight: 2
"""


def test_a_norwegian_site_goes_from_init_to_merge(tmp_path: Path) -> None:
    write_tree(tmp_path, {"hugo.yaml": HUGO, "content/en/docs/a.md": "---\ntitle: Welcome\n---\n\nHello there.\n"})
    made = run(tmp_path, "init")
    assert made.exit_code == 0, made.output
    assert "targets no, layout directory" in made.output
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/no/docs/a.po", lambda msgid: {"Welcome": "Velkommen", "Hello there.": "Hei der."}[msgid])
    merged = run(tmp_path, "merge")
    assert merged.exit_code == 0, merged.output
    assert (tmp_path / "content/no/docs/a.md").read_text() == "---\ntitle: Velkommen\n---\n\nHei der.\n"
