"""A plug-in engine as a user would write one (loaded by `class = "tests.plugin_engine:ShoutEngine"`)."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import polib

from translate_flow.mt.engines import EngineContext


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


# Drafts that keep every placeholder but inject Markdown: what a careless engine or a
# translator in a hurry might write. `{}` stands for the (upper-cased) text.
INJECTIONS = (
    "# {}",
    "- {}",
    "1. {}",
    "> {}",
    "```\n{}",
    "{}\n```",
    "<div>\n{}",
    "{}\n---",
    "{}\n===",
    "| a | b |\n|---|---|\n{}",
    "{}\n\n{}",
    "{}\n- more",
    "{}\n[^9]: note",
    "[new](/x) {}",
    "** {}**",
    "{} *",
    "{}\n    indented",
    "{}\nsecond line",
    "{}",
    "{} (translated)",
    "{} {{<",
    ">}} {}",
    "{}\r# injected",
)


class HostileEngine:
    """Keeps placeholders, injects Markdown: merge must publish none of what would break a page."""

    name = "hostile"
    local = True
    wants_markup = False
    max_chars = 100_000
    max_batch = 1000

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        pass

    def check_pair(self, source: str, target: str) -> None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        drafts: list[str | None] = []
        for number, text in enumerate(texts):
            # Words upper-cased, placeholders kept exactly (their digits are unchanged by upper()).
            drafts.append(INJECTIONS[number % len(INJECTIONS)].replace("{}", text.upper()))
        return drafts


class EditorSavesEngine:
    """Stands for a translator who saves the PO file in Poedit while a run is working.

    On its first call it writes ``msgstr`` for ``msgid`` into the file at ``po`` (a reviewed
    translation, no fuzzy flag), then answers like any engine.
    """

    name = "editor"
    local = True
    wants_markup = False
    max_chars = 100_000
    max_batch = 1000

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        self.po = context.root / str(settings["po"])
        self.msgid = str(settings["msgid"])
        self.msgstr = str(settings["msgstr"])
        self.saved = False

    def check_pair(self, source: str, target: str) -> None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        if not self.saved:
            catalog = polib.pofile(str(self.po), wrapwidth=0)
            catalog.find(self.msgid).msgstr = self.msgstr
            catalog.save(str(self.po))
            self.saved = True
        return [f"[draft] {text}" for text in texts]


STUCK_RELEASE = threading.Event()
"""Set by a test when it is done with StuckEngine, so its calls return."""


class StuckEngine:
    """Ignores its timeout and answers only when released: the run's own deadline must stop it."""

    name = "stuck"
    local = False
    wants_markup = False
    max_chars = 1000
    max_batch = 10

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        pass

    def check_pair(self, source: str, target: str) -> None:
        return None

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        STUCK_RELEASE.wait(timeout=120)  # bounded, so a broken test cannot hold a thread for ever
        return list(texts)


# Drafts that inject a dialect's own markup: an admonition, a tab, a definition, an
# abbreviation, icons, keys, attribute lists, snippets, MDX and Liquid.
DIALECT_INJECTIONS = (
    '!!! note "{}"',
    '{}\n=== "Tab"',
    "{}\n:   definition",
    "*[X]: {}",
    "{} ++ctrl+c++",
    ":smile: {}",
    "{} {{ .md-button }}",
    '--8<-- "x.md"\n{}',
    ":::note\n{}",
    "{}\n:::",
    "import x from 'y';\n\n{}",
    "{} {{expression}}",
    "{{% raw %}}{}",
    "{{{{ page.x }}}} {}",
    "{}",
    "{} (translated)",
)


class DialectHostileEngine(HostileEngine):
    """Like HostileEngine, with the markup of MkDocs, MDX and Liquid pages."""

    name = "dialect-hostile"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        drafts: list[str | None] = []
        for number, text in enumerate(texts):
            drafts.append(DIALECT_INJECTIONS[number % len(DIALECT_INJECTIONS)].format(text.upper()))
        return drafts
