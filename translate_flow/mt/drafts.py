"""What an MT engine's answer must be before anything keeps it: a sane string.

Engines are other people's servers. An answer that is not a string, that dwarfs its
source (a 100 MB reply once made a 629 MB PO file), that holds a lone surrogate (it
cannot be written as UTF-8) or control characters the source did not have (a NUL ends
a string for msgfmt) is discarded: it is not cached and never reaches a PO file.
"""

from __future__ import annotations

import unicodedata

__all__ = ["MAX_DRAFT_CHARS", "draft_problem"]

MAX_DRAFT_CHARS = 100_000
"""No draft is longer than this, whatever its source."""


def _controls(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch) == "Cc"}


def draft_problem(source: str, draft: object) -> str | None:
    """Why ``draft`` cannot be a translation of ``source``, or None when it can."""
    if not isinstance(draft, str):
        return f"the answer is {type(draft).__name__}, not text"
    # Translations grow, CJK to English about fourfold; eight times and a margin is no translation.
    limit = min(MAX_DRAFT_CHARS, 8 * len(source) + 200)
    if len(draft) > limit:
        return f"the answer is {len(draft)} characters for a text of {len(source)}"
    if any("\ud800" <= ch <= "\udfff" for ch in draft):
        return "the answer holds a lone surrogate"
    extra = _controls(draft) - _controls(source)
    if extra:
        return "the answer holds control characters: " + " ".join(f"U+{ord(ch):04X}" for ch in sorted(extra))
    return None
