"""The SQLite cache of engine results: keyed by engine, both languages and the text sent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from translate_flow.errors import ConfigError
from translate_flow.mt.cache import DraftCache, drafted


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "mt-cache.sqlite3"


def test_a_stored_draft_is_a_hit_only_for_the_same_engine_languages_and_text(path: Path) -> None:
    cache = DraftCache(path)
    cache.put_many("libre", "en", "fr", [("Hello.", "Bonjour."), ("Bye.", "Au revoir.")])
    assert cache.get("libre", "en", "fr", "Hello.") == "Bonjour."
    assert cache.get("libre", "en", "fr", "Bye.") == "Au revoir."
    assert cache.get("google", "en", "fr", "Hello.") is None
    assert cache.get("libre", "en", "de", "Hello.") is None
    assert cache.get("libre", "es", "fr", "Hello.") is None
    assert cache.get("libre", "en", "fr", "hello.") is None
    cache.close()


def test_drafts_outlive_the_connection_and_a_new_answer_replaces_the_old(path: Path) -> None:
    cache = DraftCache(path)  # the folder is made on demand
    cache.put_many("libre", "en", "fr", [("Hello.", "Salut.")])
    cache.close()
    again = DraftCache(path)
    assert again.get("libre", "en", "fr", "Hello.") == "Salut."
    again.put_many("libre", "en", "fr", [("Hello.", "Bonjour.")])
    assert again.get("libre", "en", "fr", "Hello.") == "Bonjour."
    again.close()


def test_a_discard_is_remembered_per_engine_and_is_no_draft(path: Path) -> None:
    cache = DraftCache(path)
    assert not cache.discarded("apertium", "en", "es", "Run ⟦0⟧.")
    cache.put_discard("apertium", "en", "es", "Run ⟦0⟧.")
    cache.put_discard("apertium", "en", "es", "Run ⟦0⟧.")  # said twice, stored once
    cache.close()
    again = DraftCache(path)
    assert again.discarded("apertium", "en", "es", "Run ⟦0⟧.")
    assert not again.discarded("libre", "en", "es", "Run ⟦0⟧.")
    assert not again.discarded("apertium", "en", "fr", "Run ⟦0⟧.")
    assert again.get("apertium", "en", "es", "Run ⟦0⟧.") is None
    again.close()


def test_a_corrupt_file_is_a_config_error_naming_it(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an SQLite database, it only has its name" * 20)
    with pytest.raises(ConfigError) as caught:
        DraftCache(path)
    assert "cannot open the translation cache" in str(caught.value)
    assert caught.value.path == str(path)


def test_the_drafts_written_are_read_back_without_writing(path: Path, tmp_path: Path) -> None:
    assert drafted(tmp_path, path, "en", "fr", ["Hello."]) == {}
    assert not path.parent.exists()  # reading creates nothing
    cache = DraftCache(path)
    cache.put_drafted([("en", "fr", "Hello.", "Bonjour."), ("en", "de", "Hello.", "Hallo.")])
    cache.close()
    before = path.read_bytes()
    assert drafted(tmp_path, path, "en", "fr", ["Hello.", "Bye."]) == {"Hello.": "Bonjour."}
    assert drafted(tmp_path, path, "en", "fr", []) == {}
    assert path.read_bytes() == before


def test_an_older_cache_or_a_link_records_no_draft(path: Path, tmp_path: Path) -> None:
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE drafts (engine TEXT, source TEXT, target TEXT, text TEXT, draft TEXT)")
    db.commit()
    db.close()
    assert drafted(tmp_path, path, "en", "fr", ["Hello."]) == {}
    real = tmp_path / "elsewhere.sqlite3"
    cache = DraftCache(real)
    cache.put_drafted([("en", "fr", "Hello.", "Bonjour.")])
    cache.close()
    path.unlink()
    path.symlink_to(real)
    assert drafted(tmp_path, path, "en", "fr", ["Hello."]) == {}
    assert drafted(tmp_path, real, "en", "fr", ["Hello."]) == {"Hello.": "Bonjour."}
