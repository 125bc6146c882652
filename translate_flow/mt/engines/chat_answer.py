"""Reading a chat-completions answer defensively: the reply's text, its token counts, and the items in it.

Servers without a JSON mode wrap the object in prose or in a code fence, or send
several objects; the first JSON object with a ``translations`` list is taken. JSON is
only ever parsed by ``json``, never evaluated. Every item is checked: an id given twice,
or a ``text`` that is no string, makes that id malformed; an id not asked for is
reported and dropped.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field

from translate_flow.mt.engines.protocol import Tokens

__all__ = ["Items", "Reply", "find_object", "items_of", "read_reply"]

_DECODER = json.JSONDecoder()


@dataclass(frozen=True)
class Reply:
    """The useful parts of one HTTP answer."""

    content: str | None
    """The first choice's message text; None when there is none."""
    tokens: Tokens
    """The server's ``usage`` counts (zero when it sent none)."""


@dataclass
class Items:
    """The translations an answer gives, by id, and what was wrong with it."""

    texts: dict[str, str] = field(default_factory=dict)
    """Well-formed items, by id."""
    problems: list[str] = field(default_factory=list)
    """What was wrong, for the report (one short phrase each)."""


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def read_reply(body: bytes) -> Reply:
    """The message text and usage of a chat-completions response body (anything else gives no content)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return Reply(None, Tokens())
    if not isinstance(data, dict):
        return Reply(None, Tokens())
    usage = data.get("usage")
    tokens = Tokens()
    if isinstance(usage, dict):
        tokens = Tokens(_count(usage.get("prompt_tokens")), _count(usage.get("completion_tokens")))
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        return Reply(None, tokens)
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else None
    return Reply(content if isinstance(content, str) else None, tokens)


def find_object(content: str) -> dict[str, object] | None:
    """The first JSON object in ``content`` that has a ``translations`` list, wherever it stands."""
    start = content.find("{")
    while start != -1:
        try:
            value, _ = _DECODER.raw_decode(content, start)
        except ValueError:
            value = None
        if isinstance(value, dict) and isinstance(value.get("translations"), list):
            return value
        start = content.find("{", start + 1)
    return None


def items_of(content: str | None, ids: Collection[str]) -> Items:
    """The well-formed items for ``ids`` in a reply's text."""
    found = Items()
    if content is None:
        found.problems.append("no message in the answer")
        return found
    document = find_object(content)
    if document is None:
        found.problems.append("no JSON object with translations in the answer")
        return found
    seen: set[str] = set()
    twice: set[str] = set()
    items = document["translations"]
    assert isinstance(items, list)  # find_object returns only such objects
    for item in items:
        if not isinstance(item, dict):
            found.problems.append("an item that is not an object")
            continue
        key = item.get("id")
        if isinstance(key, int) and not isinstance(key, bool):
            key = str(key)  # "id": 1 for "id": "1" is a slip, not a different id
        if not isinstance(key, str) or key not in ids:
            found.problems.append(f"an id not asked for ({str(key)[:20]!r})")
            continue
        text = item.get("text")
        if key in seen:
            twice.add(key)
            found.texts.pop(key, None)
            continue
        seen.add(key)
        if not isinstance(text, str):
            found.problems.append(f"id {key}: the text is {type(text).__name__}, not a string")
            continue
        found.texts[key] = text
    if twice:
        found.problems.append(f"ids given twice: {', '.join(sorted(twice))}")
    return found
