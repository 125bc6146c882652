"""What the ``openai`` engine sends: a system message with the rules, and the batch as one JSON object.

The user message is JSON, so that no text of the site can pass for an instruction
by its layout: segments, context and glossary are values, each in its own field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.glossary.model import TermPair
from translate_flow.languages import parse_language
from translate_flow.mt.engines.protocol import TextContext

__all__ = ["ANSWER_SHAPE", "messages"]

ANSWER_SHAPE = '{"translations": [{"id": "1", "text": "…"}]}'
"""The one answer the engine accepts."""

_RULES = """\
You translate the text of a website from {source} to {target}.
The user message is a JSON object. Translate the "text" of each item of "segments".
"document" (the article's title and the segments around these ones) and "glossary" are
there to help you and are not translated.
- Keep each placeholder such as ⟦0⟧ exactly as it is, once each: they stand for links, code and markup.
- Keep Markdown punctuation (**, _, `, #) where the source has it.
- Where a glossary term occurs, use its translation; a term marked "do_not_translate" stays as written.
- Write natural {target} for a reader of this website; add nothing and leave nothing out.
Answer with one JSON object and nothing else, in this shape:
{shape}
with one item for every id of "segments", each id once, and "text" a string."""


def _language(code: str) -> str:
    return f"{parse_language(code).display_name} ({code})"


def _glossary(pairs: Sequence[TermPair]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for pair in pairs:
        item: dict[str, Any] = {"term": pair.term, "translation": pair.translation}
        if pair.dnt:
            item["do_not_translate"] = True
        if pair.note:
            item["note"] = pair.note
        out.append(item)
    return out


def messages(
    segments: Mapping[str, str],
    context: TextContext | None,
    last: TextContext | None,
    pairs: Sequence[TermPair],
    source: str,
    target: str,
    style: str,
) -> list[dict[str, str]]:
    """The chat messages for one request: ``segments`` by id, the context of the first and last of them."""
    rules = _RULES.format(source=_language(source), target=_language(target), shape=ANSWER_SHAPE)
    if style:
        rules += f"\nThe site's style: {style}"
    payload: dict[str, Any] = {"source_language": source, "target_language": target}
    if context is not None:
        document: dict[str, Any] = {}
        if context.title:
            document["title"] = context.title
        if context.before:
            document["before"] = list(context.before)
        if last is not None and last.after:
            document["after"] = list(last.after)
        if document:
            payload["document"] = document
    if pairs:
        payload["glossary"] = _glossary(pairs)
    payload["segments"] = [{"id": key, "text": text} for key, text in segments.items()]
    return [
        {"role": "system", "content": rules},
        {"role": "user", "content": json.dumps(payload, ensure_ascii=False)},
    ]
