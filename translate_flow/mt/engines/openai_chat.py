"""The ``openai`` engine: any OpenAI-compatible chat-completions server (OpenAI, llama.cpp, vLLM, Ollama, LM Studio).

One request carries a batch of one article's segments as JSON, with the article's
title, the segments around the batch, the glossary terms the batch uses and the site's
style note. The answer must be one JSON object with one item per id. A segment whose
item is missing, given twice, not a string or with other placeholders than its source
is sent again alone; if that answer is no better, it is given up (None: the next engine
may draft it) or, for placeholders, handed on so that the run's placeholder check
discards it as it does every engine's.

HTTP goes through the standard library with the configured timeout; 429, 5xx, timeouts
and refused connections are transient (the run retries them with backoff). The API key
comes from an environment variable and never appears in a message.
"""

from __future__ import annotations

import json
import os
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.errors import ConfigError
from translate_flow.glossary.match import used_terms
from translate_flow.glossary.model import TermPair
from translate_flow.mt.engines.chat_answer import Items, items_of, read_reply
from translate_flow.mt.engines.chat_prompt import messages
from translate_flow.mt.engines.protocol import EngineContext, EngineError, TextContext, Tokens, Usage, check_settings

__all__ = ["OpenAIEngine"]

_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "base_url": str,
    "model": str,
    "api_key_env": str,
    "temperature": (int, float),
    "max_batch": int,
    "max_chars": int,
    "style": str,
    "json_mode": bool,
}
# An answer larger than this is no translation of a batch: it is refused unread.
_MAX_ANSWER_BYTES = 8 * 1024 * 1024
_PLACEHOLDER = re.compile(r"⟦\d+⟧")


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


class OpenAIEngine:
    """Drafts from a chat model, a batch of one article's segments per request."""

    name = "openai"
    local = False
    wants_markup = False

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        check_settings("openai", settings, _SETTINGS)
        for required in ("base_url", "model"):
            if not settings.get(required):
                raise ConfigError(f"engines.openai.{required}: required")
        base = str(settings["base_url"]).rstrip("/")
        if not base.startswith(("http://", "https://")):
            raise ConfigError("engines.openai.base_url: must start with http:// or https://")
        self.url = base + "/chat/completions"
        self.model = str(settings["model"])
        self.temperature = float(settings.get("temperature", 0.0))
        if not 0 <= self.temperature <= 2:
            raise ConfigError("engines.openai.temperature: must be between 0 and 2")
        self.max_batch = int(settings.get("max_batch", 20))
        self.max_chars = int(settings.get("max_chars", 6000))
        if self.max_batch < 1 or self.max_chars < 100:
            raise ConfigError("engines.openai: max_batch must be at least 1 and max_chars at least 100")
        self.style = " ".join(str(settings.get("style", "")).split())
        self.json_mode = bool(settings.get("json_mode", False))
        self.api_key: str | None = None
        if "api_key_env" in settings:
            self.api_key = os.environ.get(settings["api_key_env"]) or None
            if self.api_key is None:
                raise ConfigError(f"engines.openai: environment variable {settings['api_key_env']} is not set")
        self.timeout = context.timeout
        self.glossary = context.glossary
        self._lock = threading.Lock()
        self._tokens: dict[str, Tokens] = {}
        self._retried = 0
        self._retried_chars: dict[str, int] = {}
        self._given_up: list[str] = []

    def check_pair(self, source: str, target: str) -> None:
        return None  # a chat model takes any pair; a poor one shows in its drafts, not here

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        return self.translate_in_context(texts, [None] * len(texts), source, target)

    def translate_in_context(
        self, texts: Sequence[str], contexts: Sequence[TextContext | None], source: str, target: str
    ) -> list[str | None]:
        if not texts:
            return []
        ids = [str(number) for number in range(1, len(texts) + 1)]
        answer = self._ask(dict(zip(ids, texts)), contexts[0], contexts[-1], source, target)
        drafts: list[str | None] = []
        for key, text, context in zip(ids, texts, contexts):
            draft = answer.texts.get(key)
            if draft is None or _placeholders(draft) != _placeholders(text):
                draft = self._alone(text, context, source, target)
            drafts.append(draft)
        return drafts

    def usage(self) -> Usage:
        with self._lock:
            return Usage(dict(self._tokens), self._retried, dict(self._retried_chars), tuple(self._given_up))

    def _alone(self, text: str, context: TextContext | None, source: str, target: str) -> str | None:
        """``text`` sent on its own after the batch answer lacked or garbled it; None to give it up."""
        with self._lock:
            self._retried += 1
            self._retried_chars[target] = self._retried_chars.get(target, 0) + len(text)
        answer = self._ask({"1": text}, context, context, source, target)
        draft = answer.texts.get("1")
        if draft is None:
            why = "; ".join(answer.problems) or "no item for it"
            with self._lock:
                self._given_up.append(f"no usable answer ({why}) for {text[:60]!r}, also alone")
        # A draft with wrong placeholders is handed on: the run's check discards it and remembers that.
        return draft

    def _terms(self, texts: Sequence[str], source: str, target: str) -> list[TermPair]:
        if self.glossary is None:
            return []
        pairs = self.glossary.pairs(source, target)
        found: dict[TermPair, None] = {}
        for text in texts:
            found.update(dict.fromkeys(used_terms(pairs, text, source)))
        return list(found)

    def _ask(
        self,
        segments: dict[str, str],
        first: TextContext | None,
        last: TextContext | None,
        source: str,
        target: str,
    ) -> Items:
        pairs = self._terms(list(segments.values()), source, target)
        body: dict[str, Any] = {
            "model": self.model,
            "temperature": self.temperature,
            "messages": messages(segments, first, last, pairs, source, target, self.style),
        }
        if self.json_mode:
            body["response_format"] = {"type": "json_object"}
        reply = read_reply(self._post(json.dumps(body, ensure_ascii=False).encode("utf-8")))
        with self._lock:
            self._tokens[target] = self._tokens.get(target, Tokens()) + reply.tokens
        return items_of(reply.content, segments)

    def _post(self, data: bytes) -> bytes:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key is not None:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer: bytes = response.read(_MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise EngineError(f"timed out after {self.timeout:g} s", transient=True) from None
            raise EngineError("cannot reach the server", transient=True) from None
        except OSError as exc:
            raise EngineError(f"connection failed ({type(exc).__name__})", transient=True) from None
        if len(answer) > _MAX_ANSWER_BYTES:
            raise EngineError(f"the answer is larger than {_MAX_ANSWER_BYTES // (1024 * 1024)} MiB")
        return answer

    def _http_error(self, error: urllib.error.HTTPError) -> EngineError:
        status = error.code
        if status in (401, 403):
            return EngineError(f"the API key was refused (HTTP {status})")
        if status == 429 or status >= 500:
            return EngineError(f"server error (HTTP {status})", transient=True)
        return EngineError(f"HTTP {status}: {self._server_message(error)}")

    def _server_message(self, error: urllib.error.HTTPError) -> str:
        """The server's own short reason (a model it does not have, a field it refuses), the key masked."""
        try:
            data = json.loads(error.read(64 * 1024))
            message = data["error"]["message"] if isinstance(data.get("error"), dict) else data.get("error")
        except (ValueError, TypeError, KeyError, AttributeError, OSError):
            return "refused"
        text = " ".join(str(message or "refused").split())[:200]
        return text.replace(self.api_key, "***") if self.api_key else text
