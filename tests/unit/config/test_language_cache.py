"""Babel's answers about language codes, kept in .translate-flow/languages.json between runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translate_flow import languages
from translate_flow.config.language_cache import keep_languages, recall_languages
from translate_flow.languages import babel_identity, parse_language


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process would: nothing remembered, nothing asked."""
    monkeypatch.setattr(languages, "_REMEMBERED", {})
    monkeypatch.setattr(languages, "_ASKED", {})


def _cache(root: Path) -> dict[str, object]:
    loaded = json.loads((root / ".translate-flow" / "languages.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_codes_babel_answered_are_kept_under_babels_identity(tmp_path: Path) -> None:
    (tmp_path / ".translate-flow").mkdir()
    parse_language("zh_cn")
    parse_language("fr")
    keep_languages(tmp_path)
    identity = babel_identity()
    assert identity is not None
    assert _cache(tmp_path) == {identity: {"zh_cn": ["zh-CN", "zh_CN", "zh_Hans_CN"], "fr": ["fr", "fr", "fr"]}}


def test_a_kept_answer_is_used_without_asking_babel(tmp_path: Path) -> None:
    identity = babel_identity()
    (tmp_path / ".translate-flow").mkdir()
    # An answer Babel would never give: only the cache can be where it comes from.
    forged = {identity: {"fr": ["fr", "fr", "fr_CA"]}}
    (tmp_path / ".translate-flow" / "languages.json").write_text(json.dumps(forged), encoding="utf-8")
    recall_languages(tmp_path)
    assert parse_language("fr").locale == "fr_CA"
    assert languages.languages_asked() == {}


def test_answers_of_another_babel_are_not_used(tmp_path: Path) -> None:
    (tmp_path / ".translate-flow").mkdir()
    forged = {"another babel": {"fr": ["fr", "fr", "fr_CA"]}}
    (tmp_path / ".translate-flow" / "languages.json").write_text(json.dumps(forged), encoding="utf-8")
    recall_languages(tmp_path)
    assert parse_language("fr").locale == "fr"
    keep_languages(tmp_path)
    assert list(_cache(tmp_path)) == [babel_identity()]


@pytest.mark.parametrize(
    "content",
    ["not json", "[]", '{"%s": []}', '{"%s": {"fr": ["fr", "fr"]}}', '{"%s": {"fr": ["fr", 1, "fr"]}}'],
)
def test_a_damaged_cache_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / ".translate-flow").mkdir()
    text = content.replace("%s", babel_identity() or "") if "%s" in content else content
    (tmp_path / ".translate-flow" / "languages.json").write_text(text, encoding="utf-8")
    recall_languages(tmp_path)
    assert parse_language("fr").code == "fr"
    assert "fr" in languages.languages_asked()


def test_an_unknown_code_is_kept_as_unknown_and_still_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".translate-flow").mkdir()
    with pytest.raises(ValueError, match="unknown language code 'qq-ZZ-nonsense'"):
        parse_language("qq-ZZ-nonsense")
    parse_language("de")
    keep_languages(tmp_path)
    identity = babel_identity()
    assert identity is not None
    assert _cache(tmp_path)[identity] == {"qq-ZZ-nonsense": None, "de": ["de", "de", "de"]}
    # The next run: the same error, without asking Babel.
    monkeypatch.setattr(languages, "_REMEMBERED", {})
    monkeypatch.setattr(languages, "_ASKED", {})
    recall_languages(tmp_path)
    with pytest.raises(ValueError, match="unknown language code 'qq-ZZ-nonsense'"):
        parse_language("qq-ZZ-nonsense")
    assert languages.languages_asked() == {}


def test_an_empty_code_is_refused_without_babel() -> None:
    with pytest.raises(ValueError, match="empty language code"):
        parse_language("  ")
    assert languages.languages_asked() == {}


def test_loading_a_configuration_creates_no_state_folder(tmp_path: Path) -> None:
    parse_language("de")
    keep_languages(tmp_path)
    assert not (tmp_path / ".translate-flow").exists()
