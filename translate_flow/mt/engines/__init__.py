"""Machine-translation engines behind one tiny protocol, and how they are found by name.

An engine turns a batch of texts into drafts. Built-in engines: ``memory``
(translations already in the project), ``apertium`` (offline), ``openai`` (any
OpenAI-compatible chat-completions server, given each article's context and glossary
terms), ``deepl`` (DeepL's API, with the glossary as a DeepL glossary) and
deep-translator's online engines (``google``, ``libre``…). A plug-in is any class with the
same shape, named in the config as ``class = "module:Class"`` or published under the
``translate_flow.engines`` entry-point group.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from importlib.metadata import entry_points
from typing import Any

from translate_flow.errors import ConfigError
from translate_flow.mt.engines.apertium import ApertiumEngine
from translate_flow.mt.engines.deepl import DeepLEngine
from translate_flow.mt.engines.memory import MemoryEngine
from translate_flow.mt.engines.openai_chat import OpenAIEngine
from translate_flow.mt.engines.protocol import (
    ContextualEngine,
    Engine,
    EngineContext,
    EngineError,
    MeteredEngine,
    NotingEngine,
    TextContext,
    Tokens,
    UnsupportedPair,
    Usage,
    check_settings,
)

__all__ = [
    "ContextualEngine",
    "Engine",
    "EngineContext",
    "EngineError",
    "MeteredEngine",
    "NotingEngine",
    "TextContext",
    "Tokens",
    "UnsupportedPair",
    "Usage",
    "check_settings",
    "engine_names",
    "load_engine",
]


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


# The online engines are imported only when named: deep-translator and requests take
# a few tenths of a second to import, and every command loads this package while few
# translate online. No cycle hides here: online.py takes nothing from this module (its
# engine types come from engines.protocol), so the import works at the top just as well.


def engine_names() -> list[str]:
    from translate_flow.mt.engines.online import ONLINE_ENGINES

    return ["memory", "apertium", "openai", *sorted([*ONLINE_ENGINES, "deepl"])]


def load_engine(name: str, settings: Mapping[str, Any], context: EngineContext) -> Engine:
    """The engine called ``name``: built in, a ``class = "module:Class"`` setting, or an entry point."""
    cls: type | None = None
    if "class" in settings:
        if not isinstance(settings["class"], str):
            raise ConfigError(f"engines.{name}.class: must be a 'module:Class' string")
        cls = _load_class(settings["class"], name)
    elif name == "memory":
        cls = MemoryEngine
    elif name == "apertium":
        cls = ApertiumEngine
    elif name == "openai":
        cls = OpenAIEngine
    elif name == "deepl":
        cls = DeepLEngine
    else:
        from translate_flow.mt.engines.online import ONLINE_ENGINES, OnlineEngine  # on demand: see above

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
