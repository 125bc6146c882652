"""Which generator a site is, from its own files: the dialect, pages folder and languages init writes."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree
from translate_flow.config.generator import Generator, detect_generator

MKDOCS_I18N = """site_name: x
docs_dir: documentation
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: fr
          name: Français
        - locale: en
          default: true
        - locale: zh_TW
"""


def test_mkdocs_with_python_tags_i18n_folder_structure_and_docs_dir(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": MKDOCS_I18N})
    assert detect_generator(tmp_path) == Generator(
        "mkdocs", "mkdocs.yml", "documentation", "directory", "en", ("fr", "zh-TW")
    )


def test_mkdocs_without_i18n_keeps_the_default_layout_and_languages(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yaml": "site_name: x\n"})
    assert detect_generator(tmp_path) == Generator("mkdocs", "mkdocs.yaml", "docs")


def test_docusaurus_and_astro_are_mdx(tmp_path: Path) -> None:
    config = "export default {\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', \"fr\", 'pt-BR'],\n  },\n};\n"
    write_tree(tmp_path / "a", {"docusaurus.config.ts": config})
    write_tree(tmp_path / "b", {"astro.config.mjs": "export default {};\n"})
    strings = (("en/**/*.json", ("*.message",)),)
    assert detect_generator(tmp_path / "a") == Generator(
        "docusaurus", "docusaurus.config.ts", ".", "docusaurus", "en", ("fr", "pt-BR"), data_files=strings
    )
    assert detect_generator(tmp_path / "b") == Generator(
        "docusaurus", "astro.config.mjs", "src/content/docs", "directory"
    )


def test_config_yml_is_hexo_or_jekyll_by_its_keys(tmp_path: Path) -> None:
    write_tree(tmp_path / "hexo", {"_config.yml": "title: x\nnew_post_name: :title.md\nsource_dir: source\n"})
    write_tree(tmp_path / "jekyll", {"_config.yml": "title: x\nmarkdown: kramdown\n"})
    write_tree(tmp_path / "gem", {"_config.yml": "title: x\n", "Gemfile": 'gem "jekyll", "~> 4.3"\n'})
    write_tree(tmp_path / "neither", {"_config.yml": "title: x\n"})
    assert detect_generator(tmp_path / "hexo") == Generator("hexo", "_config.yml", "source")
    jekyll = Generator("jekyll", "_config.yml", ".", exclude=("_site", "vendor", "node_modules", "README.md"))
    assert detect_generator(tmp_path / "jekyll") == jekyll
    assert detect_generator(tmp_path / "gem") == jekyll
    assert detect_generator(tmp_path / "neither") is None


def test_a_broken_mkdocs_yml_still_says_mkdocs(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": "site_name: [unclosed\n"})
    assert detect_generator(tmp_path) == Generator("mkdocs", "mkdocs.yml", "docs")
