"""document/article.read_article_bytes: what an article read refuses, and that it reads whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from translate_flow.document.article import read_article_bytes
from translate_flow.errors import ArticleError


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    return root


def test_an_article_is_read_whole_also_when_it_grew_after_its_size_was_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    page = root / "content/a.md"
    page.write_bytes(b"x" * 5000)
    real_stat = os.stat

    def stale(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        fields = list(found)
        fields[6] = 10  # st_size as it was before an editor appended to the file
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", stale)
    assert read_article_bytes(page, root, limit=6000) == b"x" * 5000
    with pytest.raises(ArticleError, match="over the limit of 4000 bytes"):
        read_article_bytes(page, root, limit=4000)


@pytest.mark.parametrize("real_root", [False, True])
def test_links_out_of_the_project_and_loops_are_refused_and_links_inside_are_read(
    tmp_path: Path, real_root: bool
) -> None:
    root = _project(tmp_path)
    outside = tmp_path / "secret.md"
    outside.write_text("secret\n")
    (root / "content/b.md").write_text("inside\n")
    (root / "content/out.md").symlink_to(outside)
    (root / "content/in.md").symlink_to(root / "content/b.md")
    (root / "content/loop.md").symlink_to(root / "content/loop.md")
    (root / "content/gone.md").symlink_to(tmp_path / "missing.md")
    (root / "content/dangling.md").symlink_to(root / "content/missing.md")
    top = root.resolve() if real_root else None
    assert read_article_bytes(root / "content/in.md", root, real_root=top) == b"inside\n"
    for name, why in [
        ("out.md", "outside the project"),
        ("gone.md", "outside the project"),
        ("loop.md", "loops"),
        ("dangling.md", "cannot read: No such file"),
    ]:
        with pytest.raises(ArticleError, match=why) as raised:
            read_article_bytes(root / "content" / name, root, real_root=top)
        assert raised.value.path == f"content/{name}"


def test_a_project_whose_folder_is_a_link_reads_its_own_articles(tmp_path: Path) -> None:
    real = _project(tmp_path)
    (real / "content/a.md").write_text("text\n")
    alias = tmp_path / "alias"
    alias.symlink_to(real)
    assert read_article_bytes(alias / "content/a.md", alias) == b"text\n"
    # A sibling folder whose name starts like the project's is still outside it.
    (tmp_path / "site2").mkdir()
    (tmp_path / "site2/x.md").write_text("x\n")
    (real / "content/x.md").symlink_to(tmp_path / "site2/x.md")
    with pytest.raises(ArticleError, match="outside the project"):
        read_article_bytes(alias / "content/x.md", alias)
