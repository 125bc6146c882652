"""pretranslate with the ``openai`` engine, end to end against the strict fake chat server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chat_server import KEY, MODEL, Chat, chat_server, tag
from tests.conftest import all_catalogs, msgfmt_check, read_po, run, write_tree
from translate_flow.mt.protect import protect

KEY_ENV = "TF_TEST_OPENAI_KEY"
A = (
    "---\ntitle: Contributing\n---\n\n"
    "Fork the site, then open a pull request.\n\n"
    "Read the [guide](https://example.org/guide) first.\n\n"
    "Run `make test` before you push.\n\nThanks!\n"
)
B = "---\ntitle: Release notes\n---\n\nThis release is faster.\n\nSee the [changelog](https://example.org/c).\n"
GLOSSARY = "en,fr,zh-CN\npull request,demande de tirage,合并请求\n"


def _config(url: str, **settings: object) -> str:
    pretranslate = {"engines": '["openai"]', "timeout": 5, "retries": 2, "backoff": 0.01, "jobs": 1}
    pretranslate.update(settings)
    table = "".join(f"{key} = {value}\n" for key, value in pretranslate.items())
    return (
        f'languages = ["fr", "zh-CN"]\nglossary = "glossary.csv"\n[pretranslate]\n{table}'
        f'[engines.openai]\nbase_url = "{url}"\nmodel = "{MODEL}"\napi_key_env = "{KEY_ENV}"\nmax_batch = 2\n'
        'style = "Plain, friendly."\n'
    )


@pytest.fixture
def chat() -> Chat:
    return Chat(max_batch=2)


@pytest.fixture
def site(project: Path, chat: Chat, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(KEY_ENV, KEY)
    with chat_server(chat) as url:
        files = {"translate-flow.toml": _config(url), "content/a.md": A, "content/b.md": B, "glossary.csv": GLOSSARY}
        write_tree(project, files)
        assert run(project, "extract", "-q").exit_code == 0
        yield project


def _msgids(project: Path, name: str) -> list[str]:
    return [e.msgid for e in read_po(project / f"locales/fr/{name}.po") if e.msgid]


def test_drafts_come_in_batches_of_one_article_with_its_context(site: Path, chat: Chat) -> None:
    result = run(site, "pretranslate")
    assert result.exit_code == 0, result.output
    assert chat.problems == []
    articles = {"Contributing": _msgids(site, "a"), "Release notes": _msgids(site, "b")}
    protected = {protect(text).text: text for texts in articles.values() for text in texts}
    for request in chat.requests:
        texts = [protected[s["text"]] for s in request["segments"]]
        title = request["document"]["title"]
        assert set(texts) <= set(articles[title])  # one article per request, named by its title
        ordered = [t for t in articles[title] if t in texts]
        assert texts == ordered  # in the article's order
        uses_term = any("pull request" in text for text in texts)
        assert ("glossary" in request) is uses_term
        if uses_term:
            target = request["target_language"]
            assert request["glossary"] == [
                {"term": "pull request", "translation": {"fr": "demande de tirage", "zh-CN": "合并请求"}[target]}
            ]
    for path in all_catalogs(site):
        if path.suffix != ".po":
            continue
        msgfmt_check(path)
        language = path.parent.name
        for entry in read_po(path):
            assert entry.msgstr == tag(entry.msgid, language) and "fuzzy" in entry.flags
            assert "machine translation (openai), please review" in entry.tcomment
    # Tokens as the server counted them, per language, beside the characters sent.
    for language in ("fr", "zh-CN"):
        mine = [r for r in chat.requests if r["target_language"] == language]
        prompt = sum(100 * len(r["segments"]) for r in mine)
        completion = sum(10 * len(r["segments"]) for r in mine)
        chars = sum(len(s["text"]) for r in mine for s in r["segments"])
        assert f"{language} {prompt} in + {completion} out for {chars} chars" in result.output
    assert re.search(r"openai tokens: fr \d+ in \+ \d+ out for \d+ chars, zh-CN ", result.output)
    # Everything is cached: a second run asks nothing.
    sent = len(chat.requests)
    assert run(site, "pretranslate").exit_code == 0 and len(chat.requests) == sent
    for path in site.rglob("*"):
        assert not path.is_file() or KEY.encode() not in path.read_bytes()


def test_busy_server_is_retried_and_a_lost_segment_is_asked_alone(site: Path, chat: Chat) -> None:
    chat.faults = ["http429", "missing"]
    result = run(site, "pretranslate", "--lang", "fr", str(site / "content/b.md"))
    assert result.exit_code == 0, result.output
    sizes = [len(r["segments"]) for r in chat.requests]
    assert sizes == [2, 2, 1, 1]  # refused; answered without its last item, which goes alone; the last text
    assert "openai tokens: fr" in result.output and "1 texts retried alone" in result.output
    # Requests and characters as the server received them: the refused one and the one retried alone too.
    chars = sum(len(s["text"]) for r in chat.requests for s in r["segments"])
    assert f"sent: openai {chars} chars in 4 requests;" in result.output
    assert all(e.msgstr for e in read_po(site / "locales/fr/b.po") if e.msgid)


def test_broken_placeholders_are_discarded_and_a_given_up_text_is_said(site: Path, chat: Chat) -> None:
    chat.faults = ["missing", "not_json", "placeholders", "placeholders"]
    result = run(site, "pretranslate", "--lang", "fr", str(site / "content/b.md"))
    assert result.exit_code == 0, result.output
    assert "discarded draft: openai: placeholders missing ⟦0⟧: 'See the [changelog](https://example.org/c).'" in (
        result.output
    )
    assert (
        "openai: no usable answer (no JSON object with translations in the answer) for 'This release is faster.'"
        in (result.output)
    )
    po = read_po(site / "locales/fr/b.po")
    assert po.find("See the [changelog](https://example.org/c).").msgstr == ""
    assert po.find("This release is faster.").msgstr == ""  # given up: the next engine, or a translator, takes it
    assert po.find("Release notes").msgstr == "[fr] Release notes"


def test_a_refused_key_stops_the_engine_with_one_line(site: Path, chat: Chat) -> None:
    chat.faults = ["http401"] * 10
    result = run(site, "pretranslate", "--lang", "fr")
    assert result.exit_code == 1
    assert "error: openai: the API key was refused (HTTP 401)" in result.output
    assert KEY not in result.output


def test_in_a_catalog_articles_share_each_request_still_holds_one_article(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    chat = Chat(max_batch=3)
    with chat_server(chat) as url:
        config = 'catalogs = "language"\n' + _config(url).replace("max_batch = 2", "max_batch = 3")
        write_tree(
            project, {"translate-flow.toml": config, "content/a.md": A, "content/b.md": B, "glossary.csv": GLOSSARY}
        )
        assert run(project, "extract", "-q").exit_code == 0
        assert run(project, "pretranslate", "--lang", "fr").exit_code == 0
    assert chat.problems == []
    po = read_po(project / "locales/fr/content.po")
    article_of = {protect(e.msgid).text: e.occurrences[0][0] for e in po if e.msgid}
    titles = {"content/a.md": "Contributing", "content/b.md": "Release notes"}
    for request in chat.requests:
        articles = {article_of[s["text"]] for s in request["segments"]}
        assert len(articles) == 1 and request["document"]["title"] == titles[articles.pop()]
    assert all(e.msgstr for e in po if e.msgid)
