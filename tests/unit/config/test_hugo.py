"""config/hugo.py: what a Hugo site implies, and sites that are malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.hugo import default_layout, default_source_language, read_site
from translate_flow.errors import ConfigError


def test_defaults_without_a_site() -> None:
    assert (default_source_language(None), default_layout(None)) == ("en", "filename")


@pytest.mark.parametrize(
    ("text", "source", "layout"),
    [
        ('defaultContentLanguage = "fr"\n', "fr", "filename"),
        ('defaultContentLanguage = "zh"\n[languages.zh]\nlocale = "zh-TW"\n[languages.en]\n', "zh-TW", "filename"),
        ('[languages.en]\n[languages.de]\ncontentDir = "content/de"\n', "en", "directory"),
        ('[languages.en]\ncontentDir = "content/en"\n[languages.de]\ndisabled = true\n', "en", "directory"),
    ],
)
def test_what_a_site_implies(project: Path, text: str, source: str, layout: str) -> None:
    write_tree(project, {"hugo.toml": text})
    site = read_site(project)
    assert (default_source_language(site), default_layout(site)) == (source, layout)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("hugo.toml", '[languages.en]\nweight = "heavy"\n', "languages.en.weight must be a number"),
        ("hugo.toml", "[languages.en]\nweight = nan\n", "languages.en.weight must be a number"),
        ("hugo.toml", "[languages.en]\nweight = true\n", "languages.en.weight must be a number"),
    ],
)
def test_malformed_sites_are_one_line_errors(project: Path, name: str, text: str, message: str) -> None:
    write_tree(project, {name: text})
    with pytest.raises(ConfigError) as caught:
        read_site(project)
    assert str(caught.value) == f"{project / name}: {message}"


def test_keys_that_are_not_strings_are_read_as_text(project: Path) -> None:
    write_tree(project, {"hugo.yaml": "1: x\nlanguages:\n  en:\n    2: y\n    weight: 3\n"})
    site = read_site(project)
    assert site is not None and [(lang.key, lang.weight) for lang in site.languages] == [("en", 3)]


def test_yaml_is_read_as_hugo_reads_it_so_no_is_norwegian(tmp_path: Path) -> None:
    (tmp_path / "hugo.yaml").write_text(
        "defaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  no:\n    weight: 2\n  on: {disabled: true}\n"
        "theme: yes\n",
        encoding="utf-8",
    )
    site = read_site(tmp_path)
    assert site is not None
    assert [(language.key, language.code) for language in site.languages] == [("en", "en"), ("no", "no")]
    assert site.themes == ("yes",)
