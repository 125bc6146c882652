"""Joining engine caches: every row once, the first draft of a conflicting text kept, failures in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_flow.errors import TranslateFlowError
from translate_flow.mt.cache import DraftCache
from translate_flow.mt.cache_merge import merge_caches


def _cache(path: Path, drafts: dict[str, str], discards: tuple[str, ...] = ()) -> Path:
    cache = DraftCache(path)
    cache.put_many("shout", "en", "fr", sorted(drafts.items()))
    for text in discards:
        cache.put_discard("shout", "en", "fr", text)
    cache.close()
    return path


def test_rows_of_every_cache_are_joined_and_the_first_draft_wins(tmp_path: Path) -> None:
    one = _cache(tmp_path / "1.sqlite3", {"a": "A", "b": "B"}, discards=("x",))
    two = _cache(tmp_path / "2.sqlite3", {"b": "other B", "c": "C"}, discards=("x", "y"))
    out = tmp_path / "out.sqlite3"
    report = merge_caches([one, two], out)
    assert (report.inputs, report.drafts, report.discards, report.conflicts, report.written) == (2, 3, 2, 1, True)
    joined = DraftCache(out)
    assert [joined.get("shout", "en", "fr", t) for t in "abc"] == ["A", "B", "C"]
    assert joined.discarded("shout", "en", "fr", "y")
    joined.close()
    # Again: the output's own rows come first, and nothing changes.
    again = merge_caches([two, one], out)
    assert (again.inputs, again.drafts, again.written) == (3, 3, False)


def test_the_output_keeps_its_own_rows(tmp_path: Path) -> None:
    out = _cache(tmp_path / "out.sqlite3", {"a": "kept"})
    merge_caches([_cache(tmp_path / "1.sqlite3", {"a": "new", "d": "D"})], out)
    joined = DraftCache(out)
    assert (joined.get("shout", "en", "fr", "a"), joined.get("shout", "en", "fr", "d")) == ("kept", "D")
    joined.close()


def test_a_missing_or_foreign_input_is_one_line_and_the_output_is_untouched(tmp_path: Path) -> None:
    out = _cache(tmp_path / "out.sqlite3", {"a": "A"})
    before = out.read_bytes()
    with pytest.raises(TranslateFlowError, match=r"nope\.sqlite3: cannot read the cache: no such file"):
        merge_caches([tmp_path / "nope.sqlite3"], out)
    (tmp_path / "text.sqlite3").write_text("not a database\n")
    with pytest.raises(TranslateFlowError, match="text.sqlite3: "):
        merge_caches([tmp_path / "text.sqlite3"], out)
    assert out.read_bytes() == before
