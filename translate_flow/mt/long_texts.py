"""Texts longer than an engine takes in one request: cut at sentence ends, and the drafts joined back."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["join_pieces", "split_long"]

# After ., ! or ? comes a space; after the CJK full stops none does.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_CJK_STOPS = ("。", "！", "？")
# Languages written without spaces between sentences.
_NO_SPACE_LANGUAGES = ("zh", "ja", "ko", "th")


def split_long(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, in order, cut at sentence ends where possible.

    A sentence longer than ``limit`` is cut at its last space before the limit, or at
    the limit itself when it has none there. Sentences packed into one piece are
    joined as the text joined them: with a space, or with nothing after a CJK full stop.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        if not sentence:
            continue  # the split after a closing CJK full stop leaves an empty tail
        if len(sentence) > limit:
            # What came before goes first: the pieces of this sentence follow it.
            if current:
                pieces.append(current)
                current = ""
            while len(sentence) > limit:
                cut = sentence.rfind(" ", 0, limit)
                cut = cut if cut > 0 else limit
                pieces.append(sentence[:cut])
                sentence = sentence[cut:].lstrip()
        joiner = "" if current.endswith(_CJK_STOPS) else " "
        if current and len(current) + len(joiner) + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current}{joiner}{sentence}" if current else sentence
    if current:
        pieces.append(current)
    return pieces


def join_pieces(pieces: Sequence[str], target: str) -> str:
    """The drafts of a text's pieces as one draft, spaced as the target language spaces sentences."""
    joiner = "" if target.split("-")[0] in _NO_SPACE_LANGUAGES else " "
    return joiner.join(piece.strip() for piece in pieces)
