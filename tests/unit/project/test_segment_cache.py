"""project/segment_cache.py: the typed hand-off of segments from extract to merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translate_flow.document.segment import Location, Segment
from translate_flow.project.segment_cache import load_segments, prune_segments, save_segments

SEGMENTS = (
    Segment("Hello *world*.", "paragraph", Location(0, 14, 1)),
    Segment("A title", "front matter: title", Location(10, 17, 2), fm_path=("params", 0, "title")),
    Segment("Cell", "table cell", Location(30, 34, 5), prefix="> ", hard_break="  ", one_line=True),
)


def test_segments_come_back_equal(tmp_path: Path) -> None:
    save_segments(tmp_path, "d1", SEGMENTS)
    assert load_segments(tmp_path, "d1") == SEGMENTS
    assert load_segments(tmp_path, "other") is None


@pytest.mark.parametrize(
    "payload",
    [
        [["text", "paragraph", 0, 4, 1, "", "\\", False, None]],  # the old unversioned form
        {"version": 1, "segments": [["text", "paragraph", "0", 4, 1, "", "\\", False, None]]},
        {"version": 1, "segments": [["text", "paragraph", 0, 4, 1, "", "\\", "no", None]]},
        {"version": 1, "segments": [["text", "paragraph", 0, 4, 1, "", "\\", False]]},
        {"version": 1, "segments": [["text", "paragraph", 0, 4, 1, "", "\\", False, [1.5]]]},
        {"version": 2, "segments": []},
        {"version": 1},
    ],
)
def test_a_cache_file_of_any_other_shape_is_ignored(tmp_path: Path, payload: object) -> None:
    folder = tmp_path / ".translate-flow" / "segments"
    folder.mkdir(parents=True)
    (folder / "d1.json").write_text(json.dumps(payload))
    assert load_segments(tmp_path, "d1") is None


def test_pruning_keeps_only_live_digests(tmp_path: Path) -> None:
    save_segments(tmp_path, "keep", SEGMENTS)
    save_segments(tmp_path, "drop", SEGMENTS)
    prune_segments(tmp_path, {"keep"})
    assert load_segments(tmp_path, "keep") == SEGMENTS
    assert load_segments(tmp_path, "drop") is None
