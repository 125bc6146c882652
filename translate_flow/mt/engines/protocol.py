"""What every engine shares: the protocol it follows, its errors, its context, and the settings check.

Kept apart from the package's ``__init__`` (which re-exports all of it for plug-in
authors) so that the engine modules depend on this alone, and the package can load
them without an import cycle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from translate_flow.config.compendium import Compendium
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.glossary.model import Glossary

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
]


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
    compendium: Compendium = field(default_factory=Compendium)
    """The compendium of each target language, as the config resolved it (the memory engine reads it)."""
    glossary: Glossary | None = None
    """The project's glossary, for engines that can take one."""


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


@dataclass(frozen=True)
class TextContext:
    """Where a text stands in its article, for engines that translate with context."""

    document: str
    """The article the text was found in first (its catalog, and its first reference): sent together."""
    position: int
    """The text's place among the document's texts, so that a batch keeps the article's order."""
    title: str | None = None
    """The article's title (its front-matter title), when it has one."""
    before: tuple[str, ...] = ()
    """The texts just before it in the document, nearest last."""
    after: tuple[str, ...] = ()
    """The texts just after it, nearest first."""


@runtime_checkable
class ContextualEngine(Engine, Protocol):
    """An engine that also takes each text's context: the run sends it one document's texts per batch."""

    def translate_in_context(
        self, texts: Sequence[str], contexts: Sequence[TextContext | None], source: str, target: str
    ) -> list[str | None]:
        """Like ``translate``; ``contexts[i]`` is where ``texts[i]`` stands, None where that is unknown."""


@dataclass(frozen=True)
class Tokens:
    """Tokens a server counted."""

    prompt: int = 0
    """Tokens sent (the server's ``prompt_tokens``)."""
    completion: int = 0
    """Tokens received (``completion_tokens``)."""

    def __add__(self, other: Tokens) -> Tokens:
        return Tokens(self.prompt + other.prompt, self.completion + other.completion)


@dataclass(frozen=True)
class Usage:
    """What a metered engine reports after a run."""

    tokens: dict[str, Tokens] = field(default_factory=dict)
    """Tokens per target language, failed and repeated requests included."""
    retried_alone: int = 0
    """Texts sent again on their own because the batch's answer lacked them or garbled them."""
    retried_chars: dict[str, int] = field(default_factory=dict)
    """Characters of those texts, per target language (the run counts only its batches' own)."""
    given_up: tuple[str, ...] = ()
    """One line per text given up after its retry (the next engine may still draft it)."""


@runtime_checkable
class MeteredEngine(Protocol):
    """An engine that counts what it used (tokens), for the run's summary."""

    def usage(self) -> Usage:
        """Everything counted since the engine was made."""


@runtime_checkable
class NotingEngine(Protocol):
    """An engine with something to say once in the run's summary (a pair translated without the glossary)."""

    def notes(self) -> tuple[str, ...]:
        """Every line to show, each once, without the engine's name (the run adds it)."""


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
