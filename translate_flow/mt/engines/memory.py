"""The ``memory`` engine: translations already made in the project, its compendium and imported memory."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.catalog.translation_memory import TranslationMemory, memory_of
from translate_flow.errors import ConfigError
from translate_flow.mt.engines.protocol import EngineContext, check_settings
from translate_flow.project.locale_folders import language_folder
from translate_flow.project.memories import memory_files


class MemoryEngine:
    """Exact matches first, then close matches above ``threshold`` (drafts are fuzzy either way).

    The compendium setting is read with the rest of the config (extract uses it too), so
    it reaches the engine resolved per language in ``context.compendium``.
    """

    name = "memory"
    local = True
    wants_markup = True
    max_chars = 1_000_000
    max_batch = 1_000_000

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        check_settings("memory", settings, {"threshold": (int, float), "compendium": (str, dict)})
        self.threshold = float(settings.get("threshold", 0.75))
        if not 0 < self.threshold <= 1:
            raise ConfigError("engines.memory.threshold: must be above 0 and at most 1")
        self.context = context
        self._memories: dict[str, TranslationMemory] = {}

    def check_pair(self, source: str, target: str) -> None:
        return None

    def _memory(self, target: str) -> TranslationMemory:
        if target not in self._memories:
            paths = sorted(language_folder(self.context.locales, target).rglob("*.po"))
            # Only this language's own memories: a compendium never serves another language.
            paths += memory_files(self.context.root, self.context.locales, self.context.compendium, target)
            self._memories[target] = memory_of(paths)
        return self._memories[target]

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        memory = self._memory(target)
        out: list[str | None] = []
        for text in texts:
            found = memory.exact(text) or memory.closest(text, self.threshold)
            out.append(found.msgstr if found else None)
        return out
