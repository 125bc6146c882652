"""project/ownership.py: merge replaces only files it wrote (pages and resources), and the record says which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translate_flow.config import load_config
from translate_flow.errors import TranslateFlowError
from translate_flow.project.ownership import RECORD_NAME, Ownership, file_digest, may_write


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


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('{\n<<<<<<< HEAD\n "files": {}\n}\n', f"locales/{RECORD_NAME}:2: is not valid JSON"),
        ('{"files": ["content/a.fr.md"]}', f"locales/{RECORD_NAME}: does not hold a record of files"),
        ('{"files": {"content/a.fr.md": 1}}', f"locales/{RECORD_NAME}: does not hold a record of files"),
    ],
)
def test_an_unreadable_record_stops_the_run_instead_of_being_saved_over(project: Path, text: str, shown: str) -> None:
    # A git conflict in this committed file must not make merge forget which pages are its own.
    (project / "locales").mkdir()
    (project / "locales" / RECORD_NAME).write_text(text)
    with pytest.raises(TranslateFlowError) as caught:
        Ownership(load_config(project))
    assert str(caught.value).startswith(shown) and "delete it" in str(caught.value)


def test_no_record_yet_knows_no_file(project: Path) -> None:
    assert Ownership(load_config(project)).files == {}


def test_pages_and_resources_share_one_record(project: Path) -> None:
    config = load_config(project)
    record = Ownership(config)
    record.wrote("i18n/es.yaml", b"table")
    # What merge's workers hand back: pages by digest.
    record.adopt({"content/a.fr.md": file_digest(b"page"), "content/fr/b.md": file_digest(b"other")})
    record.save()
    saved = Ownership(config)
    assert sorted(saved.files) == ["content/a.fr.md", "content/fr/b.md", "i18n/es.yaml"]
    assert saved.ours("content/a.fr.md", b"page") and not saved.ours("content/a.fr.md", b"page, edited")


def test_the_rule_on_a_copy_of_the_record() -> None:
    known = {"content/a.fr.md": file_digest(b"merge wrote this")}
    assert may_write(known, "content/a.fr.md", b"merge wrote this", b"new")
    assert may_write(known, "content/a.fr.md", None, b"new")
    assert may_write(known, "content/b.fr.md", b"new", b"new")
    assert not may_write(known, "content/a.fr.md", b"merge wrote this, then a person", b"new")
    assert not may_write(known, "content/b.fr.md", b"merge wrote this", b"new")  # another page's digest


def test_saved_only_when_something_changed(project: Path) -> None:
    config = load_config(project)
    record = Ownership(config)
    record.adopt({})
    record.save()
    assert not record.path.exists()
    record.wrote("content/a.fr.md", b"page")
    record.save()
    stamp = record.path.stat().st_mtime_ns
    again = Ownership(config)
    again.wrote("content/a.fr.md", b"page")  # the same digest: nothing to save
    assert not again.dirty
    again.save()
    assert record.path.stat().st_mtime_ns == stamp
