"""--jobs 1 and --jobs N give byte-identical catalogs and articles."""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import operator
import shutil
from pathlib import Path

import pytest

from bench.corpus import generate
from tests.conftest import project_tree, read_po, run
from translate_flow.parallel import MIN_PARALLEL, run_tasks


def _translate_half(root: Path) -> None:
    for index, po_path in enumerate(sorted((root / "locales").rglob("*.po"))):
        po = read_po(po_path, wrapwidth=0)
        for number, entry in enumerate(po):
            if (index + number) % 2 == 0:
                entry.msgstr = "T: " + entry.msgid
        po.save(str(po_path))


def _edit_sources(root: Path) -> None:
    # Change a word in every third article, add a paragraph to each, move one to another article.
    articles = sorted((root / "content").rglob("article*.md"))
    for index, path in enumerate(articles):
        if "." in path.stem:
            continue
        text = path.read_text()
        if index % 3 == 0:
            text = text.replace("library", "libraries", 1).replace("图书馆", "博物馆", 1)
        # Every article changes, so the second extract runs in workers too (MIN_PARALLEL).
        path.write_text(text + f"\nEdited paragraph number {index}.\n")
    donor, receiver = articles[0], articles[2]
    moved = donor.read_text().split("\n\n")[-1]
    receiver.write_text(receiver.read_text() + "\n" + moved)


def test_jobs_do_not_change_results(tmp_path: Path) -> None:
    base = tmp_path / "base"
    generate(base, 40, seed=3, languages=["en", "zh-CN", "fr"])
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    shutil.copytree(base, serial)
    shutil.copytree(base, parallel)
    for root, jobs in ((serial, "1"), (parallel, "3")):
        assert run(root, "extract", "-q", "--jobs", jobs).exit_code == 0
    assert project_tree(serial) == project_tree(parallel)
    for root, jobs in ((serial, "1"), (parallel, "3")):
        _translate_half(root)
        _edit_sources(root)
        assert run(root, "extract", "-q", "--jobs", jobs).exit_code == 0
        assert run(root, "merge", "-q", "--jobs", jobs).exit_code == 0
    first, second = project_tree(serial), project_tree(parallel)
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []
    assert any(name.endswith(".fr.md") for name in first)  # merge really wrote articles
    fuzzy = sum("#, fuzzy" in data.decode() for name, data in first.items() if name.endswith(".po"))
    assert fuzzy > 0  # and the fuzzy-matching path ran


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here")
def test_workers_leave_the_fork_server_settings_alone() -> None:
    # The preload list belongs to the whole process; there is no public getter, so the test
    # reads the private attribute that set_forkserver_preload writes.
    server = multiprocessing.forkserver._forkserver  # type: ignore[attr-defined]
    before = list(server._preload_modules)
    items = list(range(MIN_PARALLEL + 4))
    assert list(run_tasks(operator.neg, items, jobs=2)) == [-n for n in items]
    assert server._preload_modules == before
