"""pretranslate with the ``deepl`` engine, end to end against the strict fake DeepL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import all_catalogs, msgfmt_check, read_po, run, write_tree
from tests.deepl_server import KEY, DeepL, deepl_server
from translate_flow.mt.protect import protect

KEY_ENV = "TF_TEST_DEEPL_KEY"
A = (
    "---\ntitle: Contributing\n---\n\n"
    "Fork the site, then open a pull request.\n\n"
    "Read the [guide](https://example.org/guide) first.\n\n"
    "Run `make test` before you push.\n\nThanks!\n"
)
GLOSSARY = "en,fr,ja\npull request,demande de tirage,プルリクエスト\n"


def _config(url: str) -> str:
    return (
        'languages = ["fr", "ja"]\nglossary = "glossary.csv"\n'
        '[pretranslate]\nengines = ["deepl"]\ntimeout = 5\nretries = 4\nbackoff = 0.01\njobs = 2\n'
        f'[engines.deepl]\nbase_url = "{url}"\napi_key_env = "{KEY_ENV}"\nmax_batch = 2\n'
    )


@pytest.fixture
def deepl() -> DeepL:
    return DeepL(max_batch=2)


@pytest.fixture
def site(project: Path, deepl: DeepL, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(KEY_ENV, KEY)
    with deepl_server(deepl) as url:
        write_tree(project, {"translate-flow.toml": _config(url), "content/a.md": A, "glossary.csv": GLOSSARY})
        assert run(project, "extract", "-q").exit_code == 0
        yield project


def test_drafts_use_the_project_glossary_through_deepl(site: Path, deepl: DeepL) -> None:
    result = run(site, "pretranslate")
    assert result.exit_code == 0, result.output
    assert deepl.problems == []
    assert [body["entries"] for body in deepl.created] == ["pull request\tdemande de tirage"]
    french = [body for body in deepl.translations if body["target_lang"] == "FR"]
    assert french and all(body["glossary_id"] == "g-1" for body in french)
    assert all(len(body["text"]) <= 2 for body in deepl.translations)
    # Japanese has a glossary column, but the server takes no en → ja glossaries: said once.
    assert result.output.count("deepl: DeepL has no glossaries for en → ja: translated without the glossary") == 1
    assert all("glossary_id" not in body for body in deepl.translations if body["target_lang"] == "JA")
    for path in all_catalogs(site):
        if path.suffix != ".po":
            continue
        msgfmt_check(path)
        for entry in read_po(path):
            if entry.msgid:
                assert entry.msgstr and "fuzzy" in entry.flags
    fr = read_po(site / "locales/fr/a.po")
    assert fr.find("Fork the site, then open a pull request.").msgstr == (
        "[FR] Fork the site, then open a demande de tirage."
    )
    guide = "Read the [guide](https://example.org/guide) first."
    assert fr.find(guide).msgstr == f"[FR] {guide}"  # the link's destination went as a tag and came back
    sent = [text for body in deepl.translations for text in body["text"]]
    assert "Read the <x>0</x>guide<x>1</x> first." in sent and protect(guide).text not in sent
    # Cached: a second run asks nothing, and creates no second glossary.
    before = len(deepl.translations)
    assert run(site, "pretranslate").exit_code == 0
    assert len(deepl.translations) == before and len(deepl.created) == 1
    for path in site.rglob("*"):
        assert not path.is_file() or KEY.encode() not in path.read_bytes()


def test_busy_and_failing_servers_are_retried(site: Path, deepl: DeepL) -> None:
    deepl.faults = ["http429", "http503", "malformed", "count"]
    result = run(site, "pretranslate", "--lang", "fr", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert deepl.problems == [] and deepl.faults == []
    # The first batch went five times (four wrong answers), each later batch once.
    batches = [tuple(body["text"]) for body in deepl.translations]
    assert len(set(batches[:5])) == 1 and len(batches[5:]) == len(set(batches[5:])) == len(set(batches)) - 1
    assert all(e.msgstr for e in read_po(site / "locales/fr/a.po") if e.msgid)


def test_a_used_up_quota_stops_the_engine_with_one_line(site: Path, deepl: DeepL) -> None:
    deepl.faults = ["http456"] * 10
    before = (site / "locales/fr/a.po").read_bytes()
    result = run(site, "pretranslate", "--lang", "fr")
    assert result.exit_code == 1
    assert "error: deepl: the account's character quota is used up (HTTP 456)" in result.output
    assert "Traceback" not in result.output and KEY not in result.output
    assert (site / "locales/fr/a.po").read_bytes() == before
