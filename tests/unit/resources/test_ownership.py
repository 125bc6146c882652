"""resources/ownership.py: merge replaces only files it wrote, and the record says which."""

from __future__ import annotations

import json
from pathlib import Path

from translate_flow.config import load_config
from translate_flow.resources.ownership import RECORD_NAME, Ownership


def test_only_a_file_merge_wrote_may_be_replaced(project: Path) -> None:
    config = load_config(project)
    record = Ownership(config)
    assert record.may_write("i18n/es.yaml", None, b"new")  # no file yet
    assert record.may_write("i18n/es.yaml", b"same", b"same")  # already what merge would write
    assert not record.may_write("i18n/es.yaml", b"by hand", b"new")
    record.wrote("i18n/es.yaml", b"ours")
    record.save()
    again = Ownership(config)
    assert again.ours("i18n/es.yaml", b"ours") and again.may_write("i18n/es.yaml", b"ours", b"new")
    assert not again.may_write("i18n/es.yaml", b"ours, then edited", b"new")
    saved = json.loads((project / "locales" / RECORD_NAME).read_text())
    assert list(saved) == ["about", "files"] and list(saved["files"]) == ["i18n/es.yaml"]


def test_an_unreadable_record_knows_no_file(project: Path) -> None:
    (project / "locales").mkdir()
    (project / "locales" / RECORD_NAME).write_text("{not json")
    assert Ownership(load_config(project)).files == {}
