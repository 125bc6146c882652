"""An Astro Starlight site: MDX pages, the root locale at the top of src/content/docs, fr/ inside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, fill, read_po, run

SITE = REPO / "tests" / "sites" / "starlight-mdx"


def test_root_locale_pages_are_translated_into_a_locale_folder(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    result = run(root, "init", "--language", "fr")
    assert result.exit_code == 0, result.output
    assert "dialect docusaurus, source en, targets fr, layout directory" in result.output
    assert run(root, "extract", "-q").exit_code == 0
    po = root / "locales" / "fr" / "index.po"
    assert [entry.msgid for entry in read_po(po)] == [
        "Welcome",
        "A Starlight site",
        "Check this out",
        "Interesting content you want to highlight.",
        "Did you know?",
        "Astro helps you build faster websites.",
    ]
    fill(po, lambda msgid: "FR " + msgid)
    fill(root / "locales" / "fr" / "guides" / "example.po", lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = (root / "src" / "content" / "docs" / "fr" / "index.mdx").read_text(encoding="utf-8")
    assert '<Card title="FR Check this out" icon="star">' in page
    assert ":::tip[FR Did you know?]\nFR Astro helps" in page
    assert (root / "src" / "content" / "docs" / "fr" / "guides" / "example.md").is_file()
    assert run(root, "extract", "--check").exit_code == 0
