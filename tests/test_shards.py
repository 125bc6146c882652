"""--shard K/N as a CI matrix uses it: four shards in parallel processes give what one run gives.

Each stage (extract, pretranslate, merge, check) runs as four separate processes at
once, each in its own copy of the project (a CI job's checkout). The files each shard
changed must not overlap; laid over the project together, they must equal one unsharded
run's files byte for byte. The shards' engine caches, joined by `cache merge`, hold what
the single run's cache holds.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import generate
from tests.conftest import REPO, project_tree, run
from translate_flow.errors import ConfigError
from translate_flow.project.ownership import RECORD_NAME
from translate_flow.project.shard import Shard, assign, parse_shard

SHARDS = 4
CONFIG = """project_name = "shards"
source_language = "en"
languages = []
min_percent = 0
[pretranslate]
engines = ["shout"]
[engines.shout]
class = "tests.plugin_engine:ShoutEngine"
"""


def _start(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "translate_flow", *args],
        cwd=root,  # as a CI job runs in its checkout
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _in_shards(base: Path, work: Path, *args: str, cache: bool = False, ok: tuple[int, ...] = (0,)) -> list[Path]:
    """Run ``args`` in four copies of ``base`` at once, one shard each; wait for all of them."""
    copies = []
    for index in range(1, SHARDS + 1):
        copy = work / f"shard{index}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(base, copy)
        copies.append(copy)
    running = []
    for index, copy in enumerate(copies, 1):
        extra = ["--cache", f".translate-flow/cache-{index}.sqlite3"] if cache else []
        running.append(_start(copy, *args, "--shard", f"{index}/{SHARDS}", *extra))
    for process in running:
        _, err = process.communicate(timeout=300)
        assert process.returncode in ok, err
    return copies


def _overlay(base: Path, copies: list[Path], leave: tuple[str, ...] = ()) -> dict[str, bytes]:
    """The files the shards changed, laid over ``base``; no two shards may change one file."""
    before = project_tree(base)
    by: dict[str, int] = {}
    for index, copy in enumerate(copies, 1):
        for rel, data in project_tree(copy).items():
            if before.get(rel) != data and not rel.endswith(leave):
                assert rel not in by, f"{rel} changed by shards {by[rel]} and {index}"
                by[rel] = index
                (base / rel).parent.mkdir(parents=True, exist_ok=True)
                (base / rel).write_bytes(data)
    assert set(by.values()) == set(range(1, SHARDS + 1)), "a shard had no work"
    return project_tree(base)


def _rows(path: Path) -> list[tuple[str, ...]]:
    with sqlite3.connect(path) as db:
        drafts = db.execute("SELECT 'drafts', engine, source, target, text, draft FROM drafts")
        written = db.execute("SELECT 'drafted', '', source, target, text, draft FROM drafted")
        return sorted([*drafts, *written])


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    generate(root, 24, seed=11, languages=["en", "zh-CN", "fr"])
    (root / "translate-flow.toml").write_text(CONFIG, encoding="utf-8")
    return root


def test_four_shards_in_parallel_equal_one_run(site: Path, tmp_path: Path) -> None:
    single, sharded, work = tmp_path / "single", tmp_path / "sharded", tmp_path / "work"
    shutil.copytree(site, single)
    shutil.copytree(site, sharded)
    for step in (("extract", "-q"), ("pretranslate", "-q"), ("merge", "-q", "--include-fuzzy")):
        assert run(single, *step).exit_code == 0

    _overlay(sharded, _in_shards(sharded, work, "extract", "-q"))
    copies = _in_shards(sharded, work, "pretranslate", "-q", cache=True)
    caches = [copy / f".translate-flow/cache-{k}.sqlite3" for k, copy in enumerate(copies, 1)]
    _overlay(sharded, copies)
    merged_cache = sharded / ".translate-flow/mt-cache.sqlite3"
    assert run(sharded, "cache", "merge", *map(str, caches), "-o", str(merged_cache)).exit_code == 0
    # Each shard records the pages it wrote in the one ownership record; the jobs' pages are
    # laid together and a final merge (which writes no page) records them all.
    _overlay(sharded, _in_shards(sharded, work, "merge", "-q", "--include-fuzzy"), leave=(RECORD_NAME,))
    assert run(sharded, "merge", "-q", "--include-fuzzy").exit_code == 0

    expected, got = project_tree(single), project_tree(sharded)
    assert sum(rel.endswith(".po") for rel in expected) >= 24
    assert sorted(got) == sorted(expected)
    assert [rel for rel in expected if got[rel] != expected[rel]] == []
    assert _rows(merged_cache) == _rows(single / ".translate-flow/mt-cache.sqlite3") != []


def test_the_shards_of_check_report_what_one_check_reports(site: Path, tmp_path: Path) -> None:
    assert run(site, "extract", "-q").exit_code == 0
    single = run(site, "check", "--format", "json")
    copies = _in_shards(site, tmp_path / "work", "check", "--format", "json", "-o", "report.json", ok=(0, 1))
    found = sorted(
        json.dumps(finding, sort_keys=True)
        for copy in copies
        for finding in json.loads((copy / "report.json").read_text())["findings"]
    )
    expected = sorted(json.dumps(finding, sort_keys=True) for finding in json.loads(single.output)["findings"])
    assert found == expected != []


def test_the_split_is_disjoint_complete_and_balanced() -> None:
    sizes = {f"content/a{n:03}.md": 1000 + (n * 7919) % 20000 for n in range(200)}
    parts = assign(sizes, 4)
    assert set(parts) == set(sizes)
    loads = [sum(sizes[name] for name, part in parts.items() if part == k) for k in range(1, 5)]
    assert max(loads) - min(loads) <= max(sizes.values()) + 2048
    picked = [Shard(k, 4).pick(sizes) for k in range(1, 5)]
    assert sum(len(p) for p in picked) == len(sizes)
    assert frozenset().union(*picked) == frozenset(sizes)
    # The same names and sizes always give the same split, whatever their order.
    assert assign(dict(reversed(list(sizes.items()))), 4) == parts


@pytest.mark.parametrize("text", ["0/4", "5/4", "4", "a/b", "1/0", ""])
def test_a_bad_shard_is_a_usage_error(text: str) -> None:
    with pytest.raises(ConfigError, match="--shard"):
        parse_shard(text)


def test_a_bad_shard_on_the_command_line_is_one_line_and_status_2(site: Path) -> None:
    result = run(site, "extract", "--shard", "5/4")
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("Error: --shard: expected K/N")
