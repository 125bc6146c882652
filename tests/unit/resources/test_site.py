"""resources/site_config, site_strings, site_output: where settings are, which are texts, and
a language's settings file (any translations read back from it, the rest as in the source)."""

from __future__ import annotations

import json
import tempfile
import tomllib
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import write_tree
from translate_flow.config import load_config
from translate_flow.resources.model import Translations
from translate_flow.resources.site_config import config_files, output_name, read_config
from translate_flow.resources.site_output import render_site
from translate_flow.resources.site_strings import SiteStrings, site_strings

HUGO = """Title = "Site"
[Params]
Description = "About"
[params.hero]
tagline = "Fast"
[languages.en]
title = "The site"
[languages.es]
weight = 2
[[menu.main]]
name = "Docs"
url = "/docs/"
[[menu.main]]
name = "Blog"
identifier = "blog"
"""


def _strings(root: Path, files: dict[str, str], params: str = '["description", "hero.tagline"]') -> SiteStrings:
    write_tree(root, {"translate-flow.toml": f'languages = ["es"]\n[site]\nparams = {params}\n', **files})
    config = load_config(root)
    return site_strings(config, read_config(config, config_files(config)), "en")


def test_each_file_has_its_place_in_hugo_s_tree(project: Path) -> None:
    write_tree(
        project,
        {
            "hugo.toml": "",
            "config/_default/params.yaml": "",
            "config/_default/menus.es.toml": "",
            "config/_default/languages.es.json": "{}",
            "config/_default/hugo.es.toml": "",  # not a form Hugo reads
            "config/_default/notes.txt": "",
        },
    )
    found = {f.rel: f.place for f in config_files(load_config(project))}
    assert found == {
        "hugo.toml": (),
        "config/_default/languages.es.json": ("languages", "es"),
        "config/_default/menus.es.toml": ("languages", "es", "menus"),
        "config/_default/params.yaml": ("params",),
    }
    assert output_name("pt-br", "hugo.yml") == "config/_default/languages.pt-br.yml"


def test_keys_match_case_insensitively_and_the_source_language_s_own_win(project: Path) -> None:
    strings = _strings(project, {"hugo.toml": HUGO})
    assert [(s.text.context, s.text.msgid, s.text.line) for s in strings.texts] == [
        ("title", "The site", 7),
        ("params.description", "About", 3),
        ("params.hero.tagline", "Fast", 5),
        ("menus.main.0.name", "Docs", 11),
        ("menus.main.blog.name", "Blog", 14),
    ]
    assert strings.site.languages() == {"en", "es"}


def test_an_untranslated_piece_is_left_out_and_a_menu_is_written_whole(project: Path) -> None:
    strings = _strings(project, {"hugo.toml": HUGO})
    texts = {("menus.main.blog.name", "Blog"): "Bitácora", ("title", "The site"): ""}
    rendered = render_site(strings, Translations("es", texts), "es", "config/_default/languages.es.toml", "toml")
    assert rendered.data is not None and rendered.translated == 1
    assert tomllib.loads(rendered.data.decode()) == {
        "menus": {"main": [{"name": "Docs", "url": "/docs/"}, {"name": "Bitácora", "identifier": "blog"}]}
    }
    other = render_site(strings, Translations("fr", texts), "fr", "config/_default/languages.fr.toml", "toml")
    assert other.data is None and other.why_not == "fr is not a language of the Hugo site"


def test_a_piece_the_user_sets_is_held_back_with_the_snippet_in_that_file_s_format(project: Path) -> None:
    menus = "main:\n  - name: Documentos\n    url: /docs/\n"
    strings = _strings(project, {"hugo.toml": HUGO, "config/_default/menus.es.yaml": menus})
    texts = {("menus.main.0.name", "Docs"): "Documentación", ("params.description", "About"): "Acerca"}
    rendered = render_site(strings, Translations("es", texts), "es", "config/_default/languages.es.toml", "toml")
    assert rendered.data is not None and tomllib.loads(rendered.data.decode()) == {"params": {"description": "Acerca"}}
    [(key, why)] = rendered.held
    assert key == ("menus.main.0.name", "Docs")
    assert why.startswith("languages.es.menus.main is set in config/_default/menus.es.yaml:2, ")
    snippet = yaml.safe_load(why.split("make it:\n", 1)[1])
    assert snippet == {"main": [{"name": "Documentación", "url": "/docs/"}, {"name": "Blog", "identifier": "blog"}]}


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(title=_text, description=_text, docs=_text, blog=_text)
def test_any_translations_read_back_from_the_written_file(title: str, description: str, docs: str, blog: str) -> None:
    # A folder per example: hypothesis runs the body many times in one test.
    with tempfile.TemporaryDirectory() as folder:
        strings = _strings(Path(folder), {"hugo.toml": HUGO}, '["description"]')
        given_texts = {
            ("title", "The site"): title,
            ("params.description", "About"): description,
            ("menus.main.0.name", "Docs"): docs,
            ("menus.main.blog.name", "Blog"): blog,
        }
        for fmt in ("toml", "yaml", "json"):
            rendered = render_site(strings, Translations("es", given_texts), "es", f"x.{fmt}", fmt)
            if rendered.data is None:
                assert not any((title, description, docs, blog))
                continue
            text = rendered.data.decode()
            tree = {"toml": tomllib.loads, "yaml": yaml.safe_load, "json": json.loads}[fmt](text)
            assert tree.get("title") == (title or None)
            assert tree.get("params", {}).get("description") == (description or None)
            if docs or blog:
                names = [entry["name"] for entry in tree["menus"]["main"]]
                assert names == [docs or "Docs", blog or "Blog"]
