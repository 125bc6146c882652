"""Which pages are sources: what the site says, not only this run's targets (both layouts)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from translate_flow.config import load_config
from translate_flow.project.discover import discover

_HUGO_FILENAME = """\
defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.fa]
weight = 2
[languages.ja]
weight = 3
[languages.zh-cn]
languageCode = "zh-CN"
weight = 4
"""

_HUGO_DIRECTORY = """\
defaultContentLanguage = "en"
[languages.en]
contentDir = "content/en"
[languages.fa]
contentDir = "content/fa"
[languages.de]
contentDir = "content/de"
"""


def _rels(root: Path) -> tuple[list[str], list[str], list[str]]:
    found = discover(load_config(root))
    return [s.rel for s in found.sources], [str(e) for e in found.errors], [str(n) for n in found.notices]


def test_a_page_suffixed_with_a_hugo_language_is_a_translation_even_when_not_a_target(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "hugo.toml": _HUGO_FILENAME,
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/_index.md": "Home.\n",
            "content/_index.fa.md": "Persian home.\n",
            "content/_index.ja.md": "Japanese home.\n",
            "content/_index.zh-cn.md": "Chinese home.\n",
        },
    )
    sources, errors, _ = _rels(tmp_path)
    assert sources == ["content/_index.md"] and errors == []
    source = discover(load_config(tmp_path)).sources[0]
    assert source.targets == ("es",) and source.outputs == {"es": tmp_path / "content/_index.es.md"}


def test_a_target_suffix_is_a_translation_without_a_hugo_site(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["es", "fr"]\n',
            "content/post.md": "Post.\n",
            "content/post.fr.md": "Billet.\n",
        },
    )
    sources, errors, _ = _rels(tmp_path)
    assert sources == ["content/post.md"] and errors == []


def test_a_suffix_the_site_does_not_name_keeps_the_older_rule(tmp_path: Path) -> None:
    # de is neither a Hugo language nor a target: the page is its own source, as before.
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/post.md": "Post.\n",
            "content/post.de.md": "Beitrag.\n",
        },
    )
    sources, _, _ = _rels(tmp_path)
    assert sources == ["content/post.de.md", "content/post.md"]


def test_without_a_plain_page_a_suffixed_page_is_still_a_source(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "hugo.toml": _HUGO_FILENAME,
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/only.fa.md": "Persian only.\n",
        },
    )
    found = discover(load_config(tmp_path))
    assert [(s.rel, s.language, s.targets) for s in found.sources] == [("content/only.fa.md", "fa", ("es",))]


def test_directory_layout_sources_only_in_the_source_folder(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "hugo.toml": _HUGO_DIRECTORY,
            "translate-flow.toml": 'languages = ["es", "fa"]\n',
            "content/en/about.md": "About.\n",
            "content/fa/about.md": "Persian about.\n",
            "content/de/about.md": "German about.\n",
            "content/de/only-de.md": "Only German.\n",
            "content/de/docs/only-de-too.md": "Only German too.\n",
            "content/fa/only-fa.md": "Only Persian.\n",
        },
    )
    sources, errors, notices = _rels(tmp_path)
    assert sources == ["content/en/about.md"] and errors == []
    # One line per folder, however many pages it holds.
    assert notices == [
        (
            "content/de: not a source: 2 pages exist only in this language's folder, not in content/en "
            "(content/de/docs/only-de-too.md, content/de/only-de.md); left as they are"
        ),
        (
            "content/fa: not a source: 1 page exists only in this language's folder, not in content/en "
            "(content/fa/only-fa.md); left as they are"
        ),
    ]
    source = discover(load_config(tmp_path)).sources[0]
    assert source.outputs["fa"] == tmp_path / "content/fa/about.md"


def test_directory_notice_names_at_most_three_pages(tmp_path: Path) -> None:
    pages = {f"content/de/p{n}.md": f"Seite {n}.\n" for n in range(5)}
    write_tree(tmp_path, {"hugo.toml": _HUGO_DIRECTORY, "content/en/a.md": "A.\n", **pages})
    _, _, notices = _rels(tmp_path)
    assert len(notices) == 1
    assert "5 pages exist" in notices[0] and "content/de/p2.md, …)" in notices[0]


def test_without_a_plain_page_the_source_language_suffix_is_the_source(tmp_path: Path) -> None:
    # imfing/hextra's docs have content/glossary/_index.en.md beside .fa/.ja/.zh-cn and no _index.md.
    write_tree(
        tmp_path,
        {
            "hugo.toml": _HUGO_FILENAME,
            "translate-flow.toml": 'languages = ["es"]\n',
            "content/glossary/_index.en.md": "Glossary.\n",
            "content/glossary/_index.fa.md": "Persian glossary.\n",
            "content/glossary/_index.ja.md": "Japanese glossary.\n",
        },
    )
    sources, errors, _ = _rels(tmp_path)
    assert sources == ["content/glossary/_index.en.md"] and errors == []
    source = discover(load_config(tmp_path)).sources[0]
    assert source.outputs == {"es": tmp_path / "content/glossary/_index.es.md"}


def test_the_standing_in_source_claims_its_outputs_first(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "translate-flow.toml": 'languages = ["fr"]\n',
            "content/post.en.md": "English.\n",
            "content/post.de.md": "German.\n",  # de is no language of this site: a page of its own
        },
    )
    found = discover(load_config(tmp_path))
    english = next(s for s in found.sources if s.rel == "content/post.en.md")
    assert english.outputs == {"fr": tmp_path / "content/post.fr.md"}
    assert [str(e) for e in found.errors] == [
        "content/post.de.md: would write content/post.fr.md, which content/post.en.md writes too"
    ]
