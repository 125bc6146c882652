"""A plug-in engine as a user would write one (loaded by `class = "tests.plugin_engine:ShoutEngine"`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.engines import EngineContext


class ShoutEngine:
    name = "shout"
    local = False  # results are cached like any remote engine's
    wants_markup = False  # receives text with ⟦N⟧ placeholders
    max_chars = 1000
    max_batch = 10

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        self.suffix = str(settings.get("suffix", "!"))

    def check_pair(self, source: str, target: str) -> None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        return [text.upper() + self.suffix for text in texts]
