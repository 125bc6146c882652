"""Engines are found by name, class string or entry point; every mistake in the config is a ConfigError."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest

from tests.plugin_engine import ShoutEngine
from translate_flow.errors import ConfigError
from translate_flow.mt import engines
from translate_flow.mt.engines import EngineContext, check_settings, engine_names, load_engine
from translate_flow.mt.engines.memory import MemoryEngine


@pytest.fixture
def context(tmp_path: Path) -> EngineContext:
    return EngineContext(tmp_path, tmp_path / "locales", 1.0)


class Shapeless:
    """Takes the settings and context, but is no engine."""

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        self.name = "shapeless"


def _error(name: str, settings: Mapping[str, Any], context: EngineContext) -> str:
    with pytest.raises(ConfigError) as caught:
        load_engine(name, settings, context)
    assert caught.value.exit_code == 2
    return str(caught.value)


def test_an_unknown_name_lists_the_known_ones(context: EngineContext) -> None:
    message = _error("babelfish", {}, context)
    assert message == f"unknown engine 'babelfish'; known: {', '.join(engine_names())}"
    assert engine_names()[:2] == ["memory", "apertium"] and {"google", "libre", "deepl"} <= set(engine_names())


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        (42, "engines.x.class: must be a 'module:Class' string"),
        ("tests.no_such_module:Engine", "engines.x.class: cannot load 'tests.no_such_module:Engine': No module named"),
        ("tests.plugin_engine:NoSuchEngine", "engines.x.class: cannot load 'tests.plugin_engine:NoSuchEngine':"),
        ("tests.plugin_engine", "engines.x.class: cannot load 'tests.plugin_engine':"),
        ("tests.plugin_engine:INJECTIONS", "engines.x.class: 'tests.plugin_engine:INJECTIONS' is not a class"),
        (
            f"{__name__}:Shapeless",
            "engine 'x' does not provide name, local, wants_markup, max_chars, max_batch, check_pair and translate",
        ),
    ],
)
def test_a_class_that_cannot_be_an_engine_says_why(spec: object, why: str, context: EngineContext) -> None:
    assert _error("x", {"class": spec}, context).startswith(why)


def test_a_class_string_loads_that_class_without_passing_it_the_class_key(context: EngineContext) -> None:
    engine = load_engine("loud", {"class": "tests.plugin_engine:ShoutEngine", "suffix": "?"}, context)
    assert isinstance(engine, ShoutEngine) and engine.suffix == "?"


def test_an_entry_point_is_found_by_name(monkeypatch: pytest.MonkeyPatch, context: EngineContext) -> None:
    point = EntryPoint("loud", "tests.plugin_engine:ShoutEngine", "translate_flow.engines")
    monkeypatch.setattr(engines, "entry_points", lambda group: [point] if group == point.group else [])
    assert isinstance(load_engine("loud", {}, context), ShoutEngine)
    assert "unknown engine 'quiet'" in _error("quiet", {}, context)


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ({"api_key": "x"}, "engines.e.api_key: secrets are never read from the config; set api_key_env"),
        ({"client_secret": "x"}, "engines.e.client_secret: secrets are never read from the config"),
        ({"Token": "x"}, "engines.e.Token: secrets are never read from the config"),
        ({"colour": "red"}, "engines.e.colour: unknown setting"),
        ({"threshold": "high"}, "engines.e.threshold: wrong type"),
        ({"threshold": True}, "engines.e.threshold: wrong type"),  # a bool is an int to Python, not to us
        ({"url_env": 3}, "engines.e.url_env: wrong type"),
    ],
)
def test_settings_are_checked(settings: dict[str, object], why: str) -> None:
    allowed: dict[str, type | tuple[type, ...]] = {"threshold": (int, float), "url_env": str}
    with pytest.raises(ConfigError) as caught:
        check_settings("e", settings, allowed)
    assert str(caught.value).startswith(why)


def test_good_settings_pass() -> None:
    check_settings(
        "e", {"threshold": 0.5, "api_key_env": "E_KEY", "class": "m:C"}, {"threshold": float, "api_key_env": str}
    )


def test_an_online_engine_needs_its_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, context: EngineContext
) -> None:
    monkeypatch.delenv("TF_UNIT_KEY", raising=False)
    assert _error("libre", {}, context) == (
        "engines.libre.api_key_env: name the environment variable that holds the api_key"
    )
    assert _error("libre", {"api_key_env": "TF_UNIT_KEY"}, context) == (
        "engines.libre: environment variable TF_UNIT_KEY is not set"
    )
    monkeypatch.setenv("TF_UNIT_KEY", "k")
    assert load_engine("libre", {"api_key_env": "TF_UNIT_KEY"}, context).name == "libre"


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ({"threshold": 0}, "engines.memory.threshold: must be above 0 and at most 1"),
        ({"threshold": 1.5}, "engines.memory.threshold: must be above 0 and at most 1"),
        ({"compendium": 3}, "engines.memory.compendium: wrong type"),
    ],
)
def test_memory_settings_are_checked(settings: dict[str, object], why: str, context: EngineContext) -> None:
    assert _error("memory", settings, context) == why


def test_memory_and_apertium_are_built_in(context: EngineContext) -> None:
    assert isinstance(load_engine("memory", {}, context), MemoryEngine)
    assert load_engine("apertium", {"binary": "apertium"}, context).name == "apertium"
