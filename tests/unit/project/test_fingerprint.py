"""project/fingerprint.py: the POT header fields, written and read in one place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib

from translate_flow.config import Config
from translate_flow.document.shortcode_params import BUILT_IN
from translate_flow.project.fingerprint import HASH_FIELD, config_fingerprint, confirm_pending, read_fingerprint, stamp


def _pot(path: Path, pending: bool) -> bytes:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    stamp(po, "ab" * 32, "en", ("fr", "zh-CN"), pending=pending)
    po.append(polib.POEntry(msgid="Hello.", msgstr=""))
    path.write_text(str(po) + "\n", encoding="utf-8")
    return path.read_bytes()


def test_a_final_fingerprint_reads_back(tmp_path: Path) -> None:
    _pot(tmp_path / "a.pot", pending=False)
    found = read_fingerprint(tmp_path / "a.pot")
    assert found is not None
    assert (found.digest, found.language, found.targets) == ("ab" * 32, "en", ("fr", "zh-CN"))


def test_a_pending_fingerprint_vouches_for_nothing_until_confirmed(tmp_path: Path) -> None:
    data = _pot(tmp_path / "a.pot", pending=True)
    found = read_fingerprint(tmp_path / "a.pot")
    assert found is not None and found.digest == ""
    final = confirm_pending(data)
    assert final is not None and f"{HASH_FIELD}: {'ab' * 32}".encode() in final
    assert confirm_pending(final) is None
    (tmp_path / "a.pot").write_bytes(final)
    confirmed = read_fingerprint(tmp_path / "a.pot")
    assert confirmed is not None and confirmed.digest == "ab" * 32
    # Only the marker changed, byte for byte.
    assert len(data) - len(final) == len("pending-")


def test_no_fingerprint_in_a_missing_or_foreign_file(tmp_path: Path) -> None:
    assert read_fingerprint(tmp_path / "missing.pot") is None
    (tmp_path / "other.pot").write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    assert read_fingerprint(tmp_path / "other.pot") is None


def test_a_project_s_own_shortcode_table_changes_the_fingerprint(tmp_path: Path) -> None:
    base = Config(root=tmp_path)
    own = replace(base, shortcodes=BUILT_IN.overridden({"note": ["title"]}))
    assert config_fingerprint(own) != config_fingerprint(base)
    assert config_fingerprint(replace(base, shortcodes=BUILT_IN.overridden({}))) == config_fingerprint(base)
