"""The ``deepl`` engine against a strict fake DeepL API v2 server that also answers wrongly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deepl_server import KEY, DeepL, deepl_server, tag
from translate_flow.errors import ConfigError
from translate_flow.glossary.model import Glossary, Term
from translate_flow.mt.engines import EngineContext, EngineError, UnsupportedPair, load_engine
from translate_flow.mt.engines.deepl import DeepLEngine, deepl_codes, from_xml, glossary_entries, to_xml

KEY_ENV = "TF_TEST_DEEPL_KEY"
GLOSSARY = Glossary(
    "glossary.csv",
    ("en", "fr", "ja"),
    (
        Term((("en", "pull request"), ("fr", "demande de tirage"), ("ja", "プルリクエスト")), "", False, False, 2),
        Term((("en", "Hugo"),), "", True, True, 3),
        Term((("en", "pull request"), ("fr", "requête")), "", False, False, 4),  # the first entry wins
        Term((("en", "tab\there"), ("fr", "x")), "", False, False, 5),  # DeepL refuses tabs in entries
        Term((("en", "branch"),), "", False, False, 6),  # no French: no entry
    ),
    "d",
)
SECRET = (
    "engines.deepl.api_key: secrets are never read from the config; "
    "set api_key_env to the name of an environment variable"
)
SIZES = "engines.deepl: max_batch must be 1 to 50, max_chars 100 to 60000 (a request is 128 KiB)"
TEXTS = ["Open a pull request with ⟦0⟧Hugo⟦1⟧.", "Fish & chips < 3 ⟦0⟧.", "Thanks!"]


@pytest.fixture
def deepl() -> DeepL:
    return DeepL()


@pytest.fixture
def url(deepl: DeepL, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(KEY_ENV, KEY)
    with deepl_server(deepl) as base:
        yield base


def _engine(url: str, tmp_path: Path, glossary: Glossary | None = GLOSSARY, **settings: object) -> DeepLEngine:
    values: dict[str, object] = {"base_url": url, "api_key_env": KEY_ENV, **settings}
    engine = load_engine("deepl", values, EngineContext(tmp_path, tmp_path / "locales", 5.0, glossary=glossary))
    assert isinstance(engine, DeepLEngine)
    return engine


def test_the_glossary_becomes_a_deepl_glossary_and_placeholders_travel_as_ignored_tags(
    deepl: DeepL, url: str, tmp_path: Path
) -> None:
    drafts = _engine(url, tmp_path).translate(TEXTS, "en", "fr")
    assert deepl.problems == []
    assert drafts == [
        tag("Open a demande de tirage with ⟦0⟧Hugo⟦1⟧.", "FR"),
        tag("Fish & chips < 3 ⟦0⟧.", "FR"),
        tag("Thanks!", "FR"),
    ]
    [created] = deepl.created
    assert created["entries"] == "pull request\tdemande de tirage\nHugo\tHugo"
    assert (created["source_lang"], created["target_lang"], created["entries_format"]) == ("en", "fr", "tsv")
    [request] = deepl.translations
    assert request["glossary_id"] == "g-1" and (request["source_lang"], request["target_lang"]) == ("EN", "FR")
    assert request["text"][1] == "Fish &amp; chips &lt; 3 <x>0</x>."


def test_a_glossary_is_reused_across_runs_and_a_changed_one_is_created_anew(
    deepl: DeepL, url: str, tmp_path: Path
) -> None:
    first = _engine(url, tmp_path)
    first.translate(TEXTS[:1], "en", "fr")
    first.translate(TEXTS[1:], "en", "fr")  # the same run asks the server once
    assert (len(deepl.created), deepl.listed) == (1, 1)
    _engine(url, tmp_path).translate(TEXTS, "en", "fr")  # a later run finds it by name
    assert (len(deepl.created), deepl.listed) == (1, 2)
    changed = Glossary(
        "glossary.csv", ("en", "fr"), (Term((("en", "pull request"), ("fr", "PR")), "", False, False, 2),), "e"
    )
    drafts = _engine(url, tmp_path, changed).translate(TEXTS[:1], "en", "fr")
    assert len(deepl.created) == 2 and deepl.translations[-1]["glossary_id"] == "g-2"
    assert drafts == [tag("Open a PR with ⟦0⟧Hugo⟦1⟧.", "FR")]
    assert deepl.problems == []


def test_a_pair_without_deepl_glossaries_is_translated_without_one_and_said_once(
    deepl: DeepL, url: str, tmp_path: Path
) -> None:
    engine = _engine(url, tmp_path)
    engine.translate(TEXTS, "en", "ja")
    engine.translate(TEXTS, "en", "ja")
    assert deepl.created == [] and all("glossary_id" not in body for body in deepl.translations)
    assert engine.notes() == ("DeepL has no glossaries for en → ja: translated without the glossary",)
    assert deepl.problems == []


def test_no_glossary_or_use_glossary_false_sends_none(deepl: DeepL, url: str, tmp_path: Path) -> None:
    _engine(url, tmp_path, None).translate(TEXTS, "en", "fr")
    _engine(url, tmp_path, use_glossary=False).translate(TEXTS, "en", "fr")
    assert deepl.created == [] and deepl.listed == 0
    assert all("glossary_id" not in body for body in deepl.translations)


@pytest.mark.parametrize(
    ("fault", "message", "transient"),
    [
        ("http429", "too many requests (HTTP 429)", True),
        ("http529", "too many requests (HTTP 529)", True),
        ("http500", "server error (HTTP 500)", True),
        ("http503", "server error (HTTP 503)", True),
        ("http456", "the account's character quota is used up (HTTP 456)", False),
        ("http403", "the API key was refused (HTTP 403)", False),
        ("http413", "the request is too large (HTTP 413); lower max_chars", False),
        ("http400", "HTTP 400: no, *** see the docs", False),
        ("malformed", "malformed answer (not JSON)", True),
        ("count", "malformed answer (2 translations for 3 texts)", True),
        ("not_text", "malformed answer (a translation without text)", True),
    ],
)
def test_wrong_answers_are_one_line_errors_that_say_whether_to_retry(
    deepl: DeepL, url: str, tmp_path: Path, fault: str, message: str, transient: bool
) -> None:
    deepl.faults = [fault]
    engine = _engine(url, tmp_path)
    with pytest.raises(EngineError) as caught:
        engine.translate(TEXTS, "en", "fr")
    assert (caught.value.message, caught.value.transient) == (message, transient)
    assert KEY not in caught.value.message
    # The next request is answered: the glossary was settled before the fault and is not asked again.
    assert engine.translate(TEXTS, "en", "fr")[2] == tag("Thanks!", "FR")
    assert len(deepl.created) == 1 and deepl.listed == 1


def test_a_refused_key_on_the_glossary_requests_stops_the_engine(
    deepl: DeepL, url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "wrong-key")
    with pytest.raises(EngineError, match=r"^the API key was refused \(HTTP 403\)$"):
        _engine(url, tmp_path).translate(TEXTS, "en", "fr")
    assert deepl.translations == []


def test_a_refused_glossary_is_an_error_not_a_silent_fallback(deepl: DeepL, url: str, tmp_path: Path) -> None:
    deepl.refuse_glossaries = True
    with pytest.raises(EngineError) as caught:
        _engine(url, tmp_path).translate(TEXTS, "en", "fr")
    assert caught.value.message == "the glossary for en → fr was refused: HTTP 400: Invalid glossary entries provided"
    assert not caught.value.transient and deepl.translations == []


def test_an_unreachable_server_is_transient(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    with deepl_server(DeepL()) as base:
        pass  # closed: nothing listens there any more
    with pytest.raises(EngineError) as caught:
        _engine(base, tmp_path, None).translate(TEXTS, "en", "fr")
    assert caught.value.transient and caught.value.message == "cannot reach the server"


def test_a_text_xml_cannot_carry_is_not_sent(deepl: DeepL, url: str, tmp_path: Path) -> None:
    drafts = _engine(url, tmp_path).translate(["Bell\x07 here.", "Thanks!"], "en", "fr")
    assert drafts == [None, tag("Thanks!", "FR")]
    assert [body["text"] for body in deepl.translations] == [["Thanks!"]] and deepl.problems == []


def test_dropped_tags_come_back_as_missing_placeholders(deepl: DeepL, url: str, tmp_path: Path) -> None:
    deepl.faults = ["drop_tags"]
    drafts = _engine(url, tmp_path).translate(TEXTS, "en", "fr")
    assert drafts[1] == tag("Fish & chips < 3 .", "FR")  # the run's placeholder check discards it


@pytest.mark.parametrize(
    ("source", "target", "codes"),
    [
        ("en", "fr", ("EN", "FR", "en", "fr")),
        ("en", "zh-CN", ("EN", "ZH-HANS", "en", "zh")),
        ("en", "zh-TW", ("EN", "ZH-HANT", "en", "zh")),
        ("fr", "en", ("FR", "EN-US", "fr", "en")),
        ("fr", "en-GB", ("FR", "EN-GB", "fr", "en")),
        ("en", "pt-BR", ("EN", "PT-BR", "en", "pt")),
        ("en", "pt", ("EN", "PT-PT", "en", "pt")),
        ("en-US", "no", ("EN", "NB", "en", "nb")),
        ("en", "cy", None),
        ("tlh", "fr", None),
    ],
)
def test_language_codes_are_deepls(source: str, target: str, codes: tuple[str, ...] | None) -> None:
    assert deepl_codes(source, target) == codes


def test_an_unknown_language_is_refused_before_any_request(deepl: DeepL, url: str, tmp_path: Path) -> None:
    with pytest.raises(UnsupportedPair, match="^deepl: does not support cy$"):
        _engine(url, tmp_path).check_pair("en", "cy")
    assert deepl.translations == [] and deepl.listed == 0


def test_entries_keep_the_first_translation_of_a_term_and_skip_what_deepl_refuses() -> None:
    assert glossary_entries(GLOSSARY, "en", "fr") == [("pull request", "demande de tirage"), ("Hugo", "Hugo")]


@pytest.mark.parametrize("text", ["a & b", "x < y > z", "⟦0⟧ and ⟦12⟧", "&amp; stays", "&copy without semicolon"])
def test_xml_round_trip(text: str) -> None:
    assert from_xml(to_xml(text)) == text


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ({}, "engines.deepl.api_key_env: name the environment variable that holds the api_key"),
        ({"api_key_env": "TF_TEST_UNSET_KEY"}, "engines.deepl: environment variable TF_TEST_UNSET_KEY is not set"),
        (
            {"api_key_env": KEY_ENV, "base_url": "ftp://x"},
            "engines.deepl.base_url: must start with http:// or https://",
        ),
        ({"api_key_env": KEY_ENV, "api_key": "k"}, SECRET),
        ({"api_key_env": KEY_ENV, "max_batch": 51}, SIZES),
    ],
)
def test_settings_are_checked(
    settings: dict[str, object], why: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    monkeypatch.delenv("TF_TEST_UNSET_KEY", raising=False)
    with pytest.raises(ConfigError) as caught:
        load_engine("deepl", settings, EngineContext(tmp_path, tmp_path, 1.0))
    assert caught.value.message == why


@pytest.mark.parametrize(
    ("key", "settings", "base"),
    [
        ("abc:fx", {}, "https://api-free.deepl.com"),
        ("abc", {}, "https://api.deepl.com"),
        ("abc", {"use_free_api": True}, "https://api-free.deepl.com"),
        ("abc:fx", {"base_url": "http://127.0.0.1:9/"}, "http://127.0.0.1:9"),
    ],
)
def test_the_endpoint_follows_the_key_unless_told(
    key: str, settings: dict[str, object], base: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, key)
    engine = load_engine("deepl", {"api_key_env": KEY_ENV, **settings}, EngineContext(tmp_path, tmp_path, 1.0))
    assert isinstance(engine, DeepLEngine) and engine.client.base_url == base
