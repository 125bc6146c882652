"""project/pages.py: each article, and its segments, loaded once per task; check asks through one."""

from __future__ import annotations

import sys
import traceback
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import fill, run, write_tree
from translate_flow.config import load_config
from translate_flow.document import link_definitions
from translate_flow.document.article import Article
from translate_flow.errors import TranslateFlowError
from translate_flow.project import pages as pages_module
from translate_flow.project.discover import discover
from translate_flow.project.pages import Pages
from translate_flow.qa import counts as counts_module


def _site(root: Path) -> None:
    write_tree(
        root,
        {
            "translate-flow.toml": 'languages = ["fr"]\ncatalogs = "section"\nmin_percent = 0\n',
            # A reference definition makes check look for each text's definitions, from the segments.
            "content/docs/a.md": "See [the guide][g].\n\n[g]: https://example.org/\n",
            "content/docs/b.md": "Other text.\n",
        },
    )


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    loads: Counter[str] = Counter()
    real_article, real_segments = pages_module.load_article, pages_module.load_segments

    def article(config: object, source: object) -> object:
        loads["article " + source.rel] += 1  # type: ignore[attr-defined]
        return real_article(config, source)  # type: ignore[arg-type]

    def segments(root: Path, digest: str) -> object:
        loads["segments " + digest] += 1
        return real_segments(root, digest)

    monkeypatch.setattr(pages_module, "load_article", article)
    # Wherever a caller would read them on its own, the reads are counted too.
    for module in (pages_module, counts_module):
        monkeypatch.setattr(module, "load_segments", segments)
    real_definitions = link_definitions.page_definitions

    def definitions(article: Article, *args: object) -> object:
        loads["definitions " + article.rel] += 1
        return real_definitions(article, *args)  # type: ignore[arg-type]

    for name, module in list(sys.modules.items()):
        if name.startswith("translate_flow.") and getattr(module, "page_definitions", None) is real_definitions:
            monkeypatch.setattr(module, "page_definitions", definitions)
    return loads


def test_check_reads_and_segments_each_article_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/fr/docs.po", lambda msgid: "FR " + msgid)
    assert run(tmp_path, "merge", "-q").exit_code == 0
    loads = _count_loads(monkeypatch)
    result = run(tmp_path, "check", "-j", "1")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    articles = {k: v for k, v in loads.items() if k.startswith("article ")}
    segments = {k: v for k, v in loads.items() if k.startswith("segments ")}
    definitions = {k: v for k, v in loads.items() if k.startswith("definitions ")}
    assert set(articles) == {"article content/docs/a.md", "article content/docs/b.md"}
    assert set(articles.values()) == {1} and len(segments) == 2 and set(segments.values()) == {1}
    assert definitions == {"definitions content/docs/a.md": 1, "definitions content/docs/b.md": 1}


def test_check_forgets_each_page_once_it_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    held: list[int] = []
    real_forget = Pages.forget

    def forget(self: Pages, source: object) -> None:
        real_forget(self, source)  # type: ignore[arg-type]
        held.append(len(self._articles) + len(self._segments) + len(self._cached))

    monkeypatch.setattr(Pages, "forget", forget)
    run(tmp_path, "check", "-j", "1")
    # One catalog (section "docs") of two pages: after the second, the loader holds nothing.
    assert held[-1] == 0 and len(held) == 2


def test_a_page_is_loaded_once_and_one_that_cannot_be_read_fails_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _site(tmp_path)
    assert run(tmp_path, "extract", "-q").exit_code == 0
    config = load_config(tmp_path)
    # Sources discovery did not keep parsed: the loader reads them.
    found = {s.rel: replace(s, article=None) for s in discover(config).sources}
    source, other = found["content/docs/a.md"], found["content/docs/b.md"]
    loads = _count_loads(monkeypatch)
    loader = Pages(config)
    assert loader.article(source) is loader.article(source)
    assert [s.text for s in loader.segments(source)] == ["See [the guide][g]."]
    assert loads == {"article content/docs/a.md": 1, f"segments {source.digest}": 1}
    (tmp_path / "content/docs/b.md").unlink()
    for _ in range(3):
        with pytest.raises(TranslateFlowError, match="cannot read") as raised:
            loader.article(other)
        # Raised afresh: the traceback does not grow with each question.
        assert len(list(traceback.walk_tb(raised.value.__traceback__))) <= 3
    assert loads["article content/docs/b.md"] == 1
    # Its segments were saved by extract for the bytes it had; those still stand for the digest.
    assert loader.cached_segments(other.digest) is not None
    loader.forget(source)
    loader.article(source)
    assert loads["article content/docs/a.md"] == 2
