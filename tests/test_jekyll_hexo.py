"""Jekyll and Hexo sites from init to merge, in their dialects: Liquid and tag plugins stay as written."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import REPO, fill, msgfmt_check, read_po, run
from translate_flow.config.load import load_config

JEKYLL = REPO / "tests" / "sites" / "jekyll-liquid"
HEXO = REPO / "tests" / "sites" / "hexo-tags"


def _site(tmp_path: Path, source: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(source, root)
    assert run(root, "init", "--language", "fr").exit_code == 0
    return root


def test_jekyll_liquid_code_and_kramdown_are_kept_and_prose_is_translated(tmp_path: Path) -> None:
    root = _site(tmp_path, JEKYLL)
    config = load_config(root)
    assert (config.dialect, config.content_dir, config.exclude) == (
        "jekyll",
        ".",
        ("_site", "vendor", "node_modules", "README.md"),
    )
    assert run(root, "extract").exit_code == 0
    index = root / "locales" / "fr" / "index.po"
    post = root / "locales" / "fr" / "_posts" / "2024-01-01-hello.po"
    msgfmt_check(index, post)
    assert [e.msgid for e in read_po(index)] == [
        "Home",
        "Welcome to {{ site.title }}, a site built with {% include product.html %} Jekyll.",
        "Liquid such as {{ this }} is shown literally here.",
        "Latest posts",
    ]
    assert [e.msgid for e in read_po(post)] == ["Hello", "The first post, with a [link]({{ site.baseurl }}/about/)."]
    assert not (root / "locales" / "fr" / "README.po").exists()
    fill(index, lambda msgid: msgid)
    fill(post, lambda msgid: msgid)
    assert run(root, "merge", "-q").exit_code == 0
    assert (root / "index.fr.md").read_bytes() == (root / "index.md").read_bytes()
    fill(index, lambda msgid: msgid.replace("{{ site.title }}", "{{ site.titre }}"))
    result = run(root, "check")
    assert result.exit_code == 1 and "dialect markup differ from the source" in result.output


def test_hexo_tag_plugins_keep_their_tags_and_translate_their_markdown(tmp_path: Path) -> None:
    root = _site(tmp_path, HEXO)
    assert (load_config(root).dialect, load_config(root).content_dir) == ("hexo", "source")
    assert run(root, "extract", "-q").exit_code == 0
    po = root / "locales" / "fr" / "_posts" / "hello.po"
    assert [(e.msgid, e.comment) for e in read_po(po)] == [
        ("Hello Hexo", "front matter: title"),
        ("A note with **Markdown** inside.", "tag block"),
        ("See {% post_link other-post %} for more.", "paragraph"),
    ]
    fill(po, lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = (root / "source" / "_posts" / "hello.fr.md").read_text(encoding="utf-8")
    assert "{% note info %}\nFR A note with **Markdown** inside.\n{% endnote %}\n" in page
    assert '{% codeblock lang:js %}\nconst never = "translated";\n{% endcodeblock %}\n' in page


def test_jekyll_per_language_folders_the_source_at_the_root(tmp_path: Path) -> None:
    root = _site(tmp_path, JEKYLL)
    with (root / "translate-flow.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[content_dirs]\nen = "."\n')
    text = (root / "translate-flow.toml").read_text(encoding="utf-8")
    (root / "translate-flow.toml").write_text(text.replace('layout = "filename"', 'layout = "directory"'), "utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    fill(root / "locales" / "fr" / "index.po", lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    page = (root / "fr" / "index.md").read_text(encoding="utf-8")
    assert "FR Welcome to {{ site.title }}, a site built with {% include product.html %} Jekyll.\n{: .lead }" in page
    # fr/index.md is the French page, not a source of its own.
    assert run(root, "extract", "--check").exit_code == 0
    assert not (root / "locales" / "fr" / "fr").exists()


def test_polyglot_pages_get_their_language_and_keep_their_permalink(tmp_path: Path) -> None:
    root = _site(tmp_path, JEKYLL)
    (root / "about.md").write_text("---\nlang: en\npermalink: /about/\n---\n\nAbout us.\n", encoding="utf-8")
    assert run(root, "extract", "-q").exit_code == 0
    fill(root / "locales" / "fr" / "about.po", lambda msgid: "FR " + msgid)
    assert run(root, "merge", "-q").exit_code == 0
    assert (root / "about.fr.md").read_text(
        encoding="utf-8"
    ) == "---\nlang: fr\npermalink: /about/\n---\n\nFR About us.\n"
