"""Babel's answers about a project's language codes, remembered between runs.

Validating a code needs Babel and its CLDR tables, about 15 ms of every command's
start-up, for answers that never change while Babel does not. The answers are kept
in ``.translate-flow/languages.json`` under Babel's identity (``babel_identity``):
another Babel, or another version of translate-flow, asks again. A code Babel does not
know is kept as ``null`` and reported as before: the answer "not a language" (a file
name's ``v0.12``) is what discovery asks most. Losing the file costs only those 15 ms.
"""

from __future__ import annotations

from pathlib import Path

from translate_flow.languages import Language, babel_identity, languages_asked, remember_languages
from translate_flow.project.state import STATE_DIR, StateCache

__all__ = ["keep_languages", "recall_languages"]

_NAME = "languages"


def recall_languages(root: Path) -> None:
    """Let ``parse_language`` use the answers an earlier run kept for the project at ``root``."""
    identity = babel_identity()
    if identity is None:
        return
    kept = StateCache(root, _NAME).get(identity)
    if not isinstance(kept, dict):
        return
    answers: dict[str, Language | None] = {}
    for code, spellings in kept.items():
        if spellings is None:
            answers[code] = None
        elif isinstance(spellings, list) and len(spellings) == 3 and all(isinstance(s, str) for s in spellings):
            answers[code] = Language(code=spellings[0], gettext=spellings[1], locale=spellings[2])
    remember_languages(answers)


def keep_languages(root: Path) -> None:
    """Keep the answers Babel gave in this process for the next run; nothing when Babel was not asked."""
    asked = languages_asked()
    identity = babel_identity() if asked else None
    # Only a project some run has kept state for: loading a configuration creates no folder.
    if identity is None or not (root / STATE_DIR).is_dir():
        return
    cache = StateCache(root, _NAME)
    previous = cache.get(identity)
    kept = dict(previous) if isinstance(previous, dict) else {}
    kept.update(
        {code: None if found is None else [found.code, found.gettext, found.locale] for code, found in asked.items()}
    )
    # One Babel at a time: answers under another identity are dropped with it.
    cache.data = {}
    cache.put(identity, kept)
    cache.save()
