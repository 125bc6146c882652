"""The ``openai`` engine against a strict fake chat-completions server that answers wrongly in every way it can."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chat_server import KEY, MODEL, Chat, chat_server, tag
from translate_flow.errors import ConfigError
from translate_flow.glossary.model import Glossary, Term
from translate_flow.mt.engines import EngineContext, EngineError, TextContext, Tokens, load_engine
from translate_flow.mt.engines.openai_chat import OpenAIEngine

KEY_ENV = "TF_TEST_OPENAI_KEY"
TEXTS = ["Read the ⟦0⟧guide⟦1⟧ first.", "Open a pull request.", "Then run ⟦0⟧."]
WHERE = [
    TextContext("locales/fr/a.po", 3, "Contributing", ("Welcome.", "Fork the site."), ("Open a pull request.",)),
    TextContext("locales/fr/a.po", 4, "Contributing", ("Fork the site.", "Read the ⟦0⟧guide⟦1⟧ first.")),
    TextContext("locales/fr/a.po", 5, "Contributing", ("Open a pull request.",), ("Thanks!", "Questions?")),
]
GLOSSARY = Glossary(
    "glossary.csv",
    ("en", "fr"),
    (
        Term((("en", "pull request"), ("fr", "demande de tirage")), "a GitHub change", False, False, 2),
        Term((("en", "Hugo"),), "", True, True, 3),
    ),
    "d",
)


@pytest.fixture
def chat() -> Chat:
    return Chat()


@pytest.fixture
def url(chat: Chat, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(KEY_ENV, KEY)
    with chat_server(chat) as base:
        yield base


def _engine(url: str, tmp_path: Path, **settings: object) -> OpenAIEngine:
    values: dict[str, object] = {"base_url": url, "model": MODEL, "api_key_env": KEY_ENV, **settings}
    engine = load_engine("openai", values, EngineContext(tmp_path, tmp_path / "locales", 5.0, glossary=GLOSSARY))
    assert isinstance(engine, OpenAIEngine)
    return engine


def _drafts(engine: OpenAIEngine) -> list[str | None]:
    return engine.translate_in_context(TEXTS, WHERE, "en", "fr")


def _sent(chat: Chat) -> list[list[str]]:
    return [[s["text"] for s in request["segments"]] for request in chat.requests]


GOOD = [tag(text, "fr") for text in TEXTS]


def test_one_request_carries_the_batch_its_context_and_the_glossary_terms_it_uses(
    chat: Chat, url: str, tmp_path: Path
) -> None:
    engine = _engine(url, tmp_path, temperature=0.3, style="Friendly, informal (tu).")
    assert _drafts(engine) == GOOD
    assert chat.problems == []
    [request] = chat.requests
    assert request["document"] == {
        "title": "Contributing",
        "before": ["Welcome.", "Fork the site."],  # around the batch: before its first text, after its last
        "after": ["Thanks!", "Questions?"],
    }
    # Only the terms the batch uses ("Hugo" is not in it).
    assert request["glossary"] == [
        {"term": "pull request", "translation": "demande de tirage", "note": "a GitHub change"}
    ]
    [body] = chat.bodies
    assert body["temperature"] == 0.3 and "response_format" not in body
    assert "The site's style: Friendly, informal (tu)." in body["messages"][0]["content"]
    assert "French (fr)" in body["messages"][0]["content"]
    assert engine.usage().tokens == {"fr": Tokens(300, 30)} and engine.usage().retried_alone == 0


def test_json_mode_and_a_server_without_a_key(chat: Chat, url: str, tmp_path: Path) -> None:
    chat.key = None
    engine = load_engine(
        "openai", {"base_url": url + "/", "model": MODEL, "json_mode": True}, EngineContext(tmp_path, tmp_path, 5.0)
    )
    assert engine.translate(["Hello."], "en", "de") == ["[de] Hello."]
    assert chat.problems == [] and chat.bodies[0]["response_format"] == {"type": "json_object"}
    assert "glossary" not in chat.requests[0] and "document" not in chat.requests[0]


@pytest.mark.parametrize(
    ("fault", "alone"),
    [
        # Answers that are fine however they are wrapped: nothing is sent again.
        ("fenced", []),
        ("prose", []),
        ("int_ids", []),
        ("extra", []),  # an id nobody asked for is dropped
        ("no_usage", []),
        # One item wrong: that segment alone, once.
        ("missing", [2]),
        ("duplicate", [0]),
        ("wrong_type", [0]),
        ("placeholders", [0, 2]),
        # The whole answer unusable: every segment alone.
        ("not_objects", [0, 1, 2]),
        ("not_json", [0, 1, 2]),
        ("truncated", [0, 1, 2]),
        ("translations_not_list", [0, 1, 2]),
        ("empty_choices", [0, 1, 2]),
        ("null_content", [0, 1, 2]),
        ("html", [0, 1, 2]),
    ],
)
def test_a_wrong_answer_gets_its_segments_sent_again_alone(
    fault: str, alone: list[int], chat: Chat, url: str, tmp_path: Path
) -> None:
    chat.faults = [fault]
    engine = _engine(url, tmp_path)
    assert _drafts(engine) == GOOD
    assert chat.problems == []
    assert _sent(chat) == [TEXTS, *[[TEXTS[i]] for i in alone]]
    for number, i in enumerate(alone, start=1):
        # Each alone with its own context.
        assert chat.requests[number]["document"].get("before") == list(WHERE[i].before)
    assert engine.usage().retried_alone == len(alone) and engine.usage().given_up == ()
    if fault == "no_usage":
        assert engine.usage().tokens == {"fr": Tokens(0, 0)}


def test_a_segment_wrong_again_alone_is_given_up(chat: Chat, url: str, tmp_path: Path) -> None:
    chat.faults = ["missing", "not_json"]
    engine = _engine(url, tmp_path)
    assert _drafts(engine) == [*GOOD[:2], None]
    assert engine.usage().given_up == (
        "no usable answer (no JSON object with translations in the answer) for 'Then run ⟦0⟧.', also alone",
    )


def test_placeholders_still_wrong_alone_are_handed_on_for_the_run_to_discard(
    chat: Chat, url: str, tmp_path: Path
) -> None:
    chat.faults = ["placeholders", "placeholders", "placeholders"]
    drafts = _drafts(_engine(url, tmp_path))
    assert drafts == ["[fr] Read the guide⟦1⟧ first.", GOOD[1], "[fr] Then run ."]


@pytest.mark.parametrize("fault", ["http429", "http500"])
def test_busy_and_failing_servers_are_transient(fault: str, chat: Chat, url: str, tmp_path: Path) -> None:
    chat.faults = [fault]
    with pytest.raises(EngineError) as caught:
        _drafts(_engine(url, tmp_path))
    assert caught.value.transient and caught.value.message == f"server error (HTTP {fault[4:]})"


def test_a_refused_key_is_final_and_never_shown(chat: Chat, url: str, tmp_path: Path) -> None:
    chat.faults = ["http401", "http400"]
    engine = _engine(url, tmp_path)
    with pytest.raises(EngineError) as caught:
        _drafts(engine)
    assert not caught.value.transient and caught.value.message == "the API key was refused (HTTP 401)"
    with pytest.raises(EngineError) as caught:
        _drafts(engine)
    assert caught.value.message == "HTTP 400: the key *** is no good"


def test_a_silent_server_times_out_as_a_transient_failure(chat: Chat, url: str, tmp_path: Path) -> None:
    chat.faults = ["hang"]
    engine = load_engine("openai", {"base_url": url, "model": MODEL}, EngineContext(tmp_path, tmp_path, 0.2))
    chat.key = None
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hello."], "en", "fr")
    chat.release.set()
    assert caught.value.transient and caught.value.message == "timed out after 0.2 s"


def test_no_server_is_transient(tmp_path: Path) -> None:
    with chat_server(Chat()) as url:
        pass  # the port is free again: nothing listens there
    engine = load_engine("openai", {"base_url": url, "model": MODEL}, EngineContext(tmp_path, tmp_path, 5.0))
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hello."], "en", "fr")
    assert caught.value.transient and caught.value.message == "cannot reach the server"


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ({"model": "m"}, "engines.openai.base_url: required"),
        ({"base_url": "http://h/v1"}, "engines.openai.model: required"),
        (
            {"base_url": "file:///etc/passwd", "model": "m"},
            "engines.openai.base_url: must start with http:// or https://",
        ),
        (
            {"base_url": "http://h", "model": "m", "temperature": 3},
            "engines.openai.temperature: must be between 0 and 2",
        ),
        ({"base_url": "http://h", "model": "m", "max_batch": 0}, "engines.openai: max_batch must be at least 1"),
        ({"base_url": "http://h", "model": "m", "api_key": "sk-1"}, "engines.openai.api_key: secrets are never read"),
        (
            {"base_url": "http://h", "model": "m", "api_key_env": "TF_TEST_UNSET_KEY"},
            "engines.openai: environment variable",
        ),
        ({"base_url": "http://h", "model": "m", "top_p": 1}, "engines.openai.top_p: unknown setting"),
    ],
)
def test_settings_are_checked(settings: dict[str, object], why: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_engine("openai", settings, EngineContext(tmp_path, tmp_path, 1.0))
    assert str(caught.value).startswith(why)
