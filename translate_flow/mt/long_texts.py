"""Texts longer than an engine takes in one request: cut at sentence ends, and the drafts joined back."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["join_pieces", "split_long"]

# After ., ! or ? comes a space; after the CJK full stops none does.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
# Languages written without spaces between sentences.
_NO_SPACE_LANGUAGES = ("zh", "ja", "ko", "th")


def split_long(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at sentence ends where possible.

    A sentence longer than ``limit`` is cut at its last space before the limit, or at
    the limit itself when it has none there.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def join_pieces(pieces: Sequence[str], target: str) -> str:
    """The drafts of a text's pieces as one draft, spaced as the target language spaces sentences."""
    joiner = "" if target.split("-")[0] in _NO_SPACE_LANGUAGES else " "
    return joiner.join(piece.strip() for piece in pieces)
