"""steps/merge_record.py: what the merge state lets a run skip, judged from as little as it needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import fill, run, write_tree
from translate_flow.config import load_config
from translate_flow.project.discover import discover
from translate_flow.project.ownership import Ownership
from translate_flow.project.state import StateCache
from translate_flow.reports import Report
from translate_flow.steps import merge_record
from translate_flow.steps.merge_record import up_to_date


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_tree(tmp_path, {"translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n', "content/a.md": "Text.\n"})
    assert run(tmp_path, "extract", "-q").exit_code == 0
    fill(tmp_path / "locales/fr/a.po", lambda msgid: "Texte.")
    return tmp_path


def _judge(project: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch) -> bool:
    real = merge_record.read_or_none

    def counted(path: Path) -> bytes | None:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(merge_record, "read_or_none", counted)
    config = load_config(project)
    source = discover(config).sources[0]
    owners = Ownership(config).files
    return up_to_date(config, source, False, StateCache(project, "merge"), owners, Report())


def test_a_page_never_merged_is_judged_without_reading_its_po_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    assert _judge(project, reads, monkeypatch) is False
    assert reads == []


def test_a_merged_page_is_up_to_date_until_its_po_file_changes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(project, "merge", "-q").exit_code == 0
    reads: list[Path] = []
    assert _judge(project, reads, monkeypatch) is True
    assert [p.name for p in reads] == ["a.po", "a.fr.md"]
    fill(project / "locales/fr/a.po", lambda msgid: "Autre texte.")
    assert _judge(project, [], monkeypatch) is False
