"""Machine-translation engines behind one tiny protocol, and how they are found by name.

An engine turns a batch of texts into drafts. Built-in engines: ``memory``
(translations already in the project), ``apertium`` (offline), and deep-translator's
online engines (``google``, ``deepl``, ``libre``…). A plug-in is any class with the
same shape, named in the config as ``class = "module:Class"`` or published under the
``translate_flow.engines`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from translate_flow.errors import ConfigError, TranslateFlowError


class EngineError(TranslateFlowError):
    """A request failed. ``transient`` errors (timeouts, 429, 5xx) are worth retrying."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class UnsupportedPair(TranslateFlowError):
    """The engine cannot translate between these two languages."""


@dataclass(frozen=True)
class EngineContext:
    """What an engine may need from the project."""

    root: Path
    """The project root (for relative paths in settings)."""
    locales: Path
    """The locales directory (the memory engine reads it)."""
    timeout: float
    """Seconds one request may take."""


@runtime_checkable
class Engine(Protocol):
    """What the pretranslate step needs from an engine."""

    name: str
    """The name the config uses."""
    local: bool
    """True when nothing leaves the machine and results need no cache (e.g. the memory)."""
    wants_markup: bool
    """True to receive the raw msgid instead of the placeholder-protected text."""
    max_chars: int
    """Largest number of characters in one request."""
    max_batch: int
    """Largest number of texts in one request."""

    def check_pair(self, source: str, target: str) -> None:
        """Raise UnsupportedPair before any request if the pair cannot work."""

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        """Drafts in the same order; None where the engine has nothing (the next engine tries)."""


def _settings_error(engine: str, key: str, why: str) -> ConfigError:
    return ConfigError(f"engines.{engine}.{key}: {why}")


def check_settings(engine: str, settings: Mapping[str, Any], allowed: Mapping[str, type | tuple[type, ...]]) -> None:
    """Refuse unknown settings and wrong types; refuse secrets written into the config."""
    for key, value in settings.items():
        if key == "class":
            continue
        lowered = key.lower()
        if not lowered.endswith("_env") and any(word in lowered for word in ("key", "secret", "token", "password")):
            raise _settings_error(
                engine,
                key,
                f"secrets are never read from the config; set {key}_env to the name of an environment variable",
            )
        if key not in allowed:
            raise _settings_error(engine, key, "unknown setting")
        if isinstance(value, bool) and allowed[key] is not bool or not isinstance(value, allowed[key]):
            raise _settings_error(engine, key, "wrong type")


def _load_class(spec: str, engine: str) -> type:
    module_name, _, class_name = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
        found = getattr(module, class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(f"engines.{engine}.class: cannot load {spec!r}: {exc}") from exc
    if not isinstance(found, type):
        raise ConfigError(f"engines.{engine}.class: {spec!r} is not a class")
    return found


def engine_names() -> list[str]:
    from translate_flow.mt.engines.online import ONLINE_ENGINES

    return ["memory", "apertium", *sorted(ONLINE_ENGINES)]


def load_engine(name: str, settings: Mapping[str, Any], context: EngineContext) -> Engine:
    """The engine called ``name``: built in, a ``class = "module:Class"`` setting, or an entry point."""
    cls: type | None = None
    if "class" in settings:
        if not isinstance(settings["class"], str):
            raise ConfigError(f"engines.{name}.class: must be a 'module:Class' string")
        cls = _load_class(settings["class"], name)
    elif name == "memory":
        from translate_flow.mt.engines.memory import MemoryEngine

        cls = MemoryEngine
    elif name == "apertium":
        from translate_flow.mt.engines.apertium import ApertiumEngine

        cls = ApertiumEngine
    else:
        from translate_flow.mt.engines.online import ONLINE_ENGINES, OnlineEngine

        if name in ONLINE_ENGINES:
            return OnlineEngine(name, {k: v for k, v in settings.items()}, context)
        for point in entry_points(group="translate_flow.engines"):
            if point.name == name:
                cls = point.load()
                break
    if cls is None:
        raise ConfigError(f"unknown engine {name!r}; known: {', '.join(engine_names())}")
    engine = cls({k: v for k, v in settings.items() if k != "class"}, context)
    if not isinstance(engine, Engine):
        raise ConfigError(
            f"engine {name!r} does not provide name, local, wants_markup, max_chars, max_batch, check_pair and translate"
        )
    return engine
