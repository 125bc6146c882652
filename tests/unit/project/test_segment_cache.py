"""project/segment_cache.py: the typed hand-off of segments from extract to merge."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from translate_flow.document.segment import Location, Segment
from translate_flow.project import connections
from translate_flow.project.segment_cache import (
    _SCHEMA,
    _checksum,
    load_segments,
    prune_segments,
    save_segment_rows,
    segment_rows,
    segment_store,
)

SEGMENTS = (
    Segment("Hello *world*.", "paragraph", Location(0, 14, 1)),
    Segment("A title", "front matter: title", Location(10, 17, 2), fm_path=("params", 0, "title")),
    Segment("Cell", "table cell", Location(30, 34, 5), prefix="> ", hard_break="  ", one_line=True),
)


def save_segments(root: Path, digest: str, segments: tuple[Segment, ...]) -> None:
    save_segment_rows(root, [(digest, segment_rows(segments))])


@pytest.fixture(autouse=True)
def _no_kept_connections() -> Iterator[None]:
    yield
    connections.forget_all()


def _store(root: Path, digest: str, version: object, rows: object, checksum: str | None = None) -> None:
    if checksum is None:
        checksum = _checksum(digest, rows) if isinstance(rows, str) else ""
    with sqlite3.connect(segment_store(root)) as db:
        db.execute("INSERT OR REPLACE INTO segments VALUES (?, ?, ?, ?)", (digest, version, rows, checksum))
    db.close()


def _files(root: Path) -> dict[str, tuple[bytes, int]]:
    state = root / ".translate-flow"
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(state.iterdir())}


def test_segments_come_back_equal(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS
    assert load_segments(tmp_path, "other") is None


def test_one_file_holds_every_article(tmp_path: Path) -> None:
    for k in range(5):
        save_segments(tmp_path, f"d{k}", SEGMENTS[: k % 3 + 1])
    state = tmp_path / ".translate-flow"
    assert sorted(p.name for p in state.iterdir()) == ["segments.sqlite3", "segments.sqlite3-journal"]
    assert [load_segments(tmp_path, f"d{k}") for k in range(5)] == [SEGMENTS[: k % 3 + 1] for k in range(5)]


@pytest.mark.parametrize(
    ("version", "rows"),
    [
        (1, json.dumps([["text", "paragraph", "0", 4, 1, "", "\\", False, None]])),
        (1, json.dumps([["text", "paragraph", 0, 4, 1, "", "\\", "no", None]])),
        (1, json.dumps([["text", "paragraph", 0, 4, 1, "", "\\", False]])),
        (1, json.dumps([["text", "paragraph", 0, 4, 1, "", "\\", False, [1.5]]])),
        (1, json.dumps({"segments": []})),
        (1, "[[not, valid"),
        (1, b"[]"),
        (2, "[]"),
    ],
)
def test_a_row_of_any_other_shape_is_ignored(tmp_path: Path, version: object, rows: object) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    _store(tmp_path, "d1", version, rows)
    assert load_segments(tmp_path, "d1") is None


def test_pruning_keeps_only_live_digests(tmp_path: Path) -> None:
    save_segments(tmp_path, "keep", SEGMENTS)
    save_segments(tmp_path, "drop", SEGMENTS)
    prune_segments(tmp_path, {"keep"})
    assert load_segments(tmp_path, "keep") == SEGMENTS
    assert load_segments(tmp_path, "drop") is None


def test_pruning_removes_the_old_file_per_article_folder(tmp_path: Path) -> None:
    folder = tmp_path / ".translate-flow" / "segments"
    folder.mkdir(parents=True)
    (folder / "d1.json").write_text("[]")
    prune_segments(tmp_path, {"d1"})
    assert not folder.exists()


def test_reading_creates_nothing(tmp_path: Path) -> None:
    assert load_segments(tmp_path, "d1") is None
    assert not (tmp_path / ".translate-flow").exists()


def test_a_damaged_file_is_ignored_then_made_again(tmp_path: Path) -> None:
    store = segment_store(tmp_path)
    store.parent.mkdir()
    store.write_bytes(b"not a database, " * 100)
    assert load_segments(tmp_path, "d1") is None
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS


def test_a_store_deleted_meanwhile_is_opened_again(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS
    segment_store(tmp_path).unlink()  # the connection kept open now points at a deleted file
    assert load_segments(tmp_path, "d1") is None
    save_segments(tmp_path, "d2", SEGMENTS)
    assert segment_store(tmp_path).exists() and load_segments(tmp_path, "d2") == SEGMENTS


def test_a_linked_store_is_never_opened(tmp_path: Path) -> None:
    outside = tmp_path / "outside.sqlite3"
    root = tmp_path / "site"
    (root / ".translate-flow").mkdir(parents=True)
    segment_store(root).symlink_to(outside)
    save_segments(root, "d1", SEGMENTS)
    assert load_segments(root, "d1") is None and not outside.exists()


def test_few_connections_stay_open(tmp_path: Path) -> None:
    for k in range(connections.KEEP + 3):
        save_segments(tmp_path / f"p{k}", "d1", SEGMENTS)
    assert len(connections.kept()) == connections.KEEP
    assert all(load_segments(tmp_path / f"p{k}", "d1") == SEGMENTS for k in range(connections.KEEP + 3))


def test_a_row_that_is_not_its_digest_s_is_ignored(tmp_path: Path) -> None:
    # As a power cut may leave it: another article's rows under this digest.
    save_segments(tmp_path, "d1", SEGMENTS[:1])
    save_segments(tmp_path, "d2", SEGMENTS[1:])
    rows = segment_rows(SEGMENTS[1:])
    _store(tmp_path, "d1", 1, rows, _checksum("d2", rows))
    assert load_segments(tmp_path, "d1") is None
    assert load_segments(tmp_path, "d2") == SEGMENTS[1:]


def test_reading_changes_nothing_and_cannot_write(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    connections.forget_all()
    before = _files(tmp_path)
    assert load_segments(tmp_path, "d1") == SEGMENTS
    assert load_segments(tmp_path, "d2") is None
    assert _files(tmp_path) == before
    reader = connections.readable(segment_store(tmp_path))
    assert reader is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM segments")


def test_a_store_replaced_meanwhile_is_read_afresh(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS  # a connection is kept
    store = segment_store(tmp_path)
    replacement = tmp_path / "new.sqlite3"
    with sqlite3.connect(replacement) as db:
        db.execute(_SCHEMA)
    db.close()
    store.unlink()
    replacement.rename(store)
    _store(tmp_path, "d1", 1, segment_rows(SEGMENTS[:1]))
    assert load_segments(tmp_path, "d1") == SEGMENTS[:1]


def test_a_damaged_page_makes_the_store_anew(tmp_path: Path) -> None:
    for k in range(30):
        save_segments(tmp_path, f"d{k}", SEGMENTS)
    connections.forget_all()
    store = segment_store(tmp_path)
    data = bytearray(store.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # page 2: the table's
    store.write_bytes(bytes(data))
    save_segments(tmp_path, "new", SEGMENTS)  # finds the damage and removes the file
    save_segments(tmp_path, "new", SEGMENTS)
    assert load_segments(tmp_path, "new") == SEGMENTS


def test_a_damaged_store_that_cannot_be_removed_is_left_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = segment_store(tmp_path)
    store.parent.mkdir()
    store.write_bytes(b"not a database, " * 100)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)  # a read-only folder, as a user other than its owner
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") is None
    assert store.read_bytes() == b"not a database, " * 100


def test_each_thread_uses_its_own_connections(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS
    found: list[object] = []

    def look() -> None:
        found.append(load_segments(tmp_path, "d1"))
        save_segments(tmp_path, "d2", SEGMENTS[:1])
        connections.forget_all()

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    assert found == [SEGMENTS]
    assert load_segments(tmp_path, "d2") == SEGMENTS[:1]


def test_a_table_of_another_shape_is_made_again(tmp_path: Path) -> None:
    store = segment_store(tmp_path)
    store.parent.mkdir()
    with sqlite3.connect(store) as db:
        db.execute("CREATE TABLE segments (digest TEXT PRIMARY KEY, version INTEGER NOT NULL, rows TEXT NOT NULL)")
        db.execute("INSERT INTO segments VALUES ('d1', 1, '[]')")
    db.close()
    assert load_segments(tmp_path, "d1") is None
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS
