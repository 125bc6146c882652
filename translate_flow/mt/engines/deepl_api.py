"""A small client for the DeepL API v2: translate texts, and find or create a glossary.

What it uses of DeepL's public API (https://developers.deepl.com):

- every request carries ``Authorization: DeepL-Auth-Key KEY``; bodies are JSON;
- ``POST /v2/translate`` with ``text`` (a list, answered in order), ``source_lang``,
  ``target_lang``, ``tag_handling = "xml"``, ``ignore_tags = ["x"]`` and, with a glossary,
  ``glossary_id``; the answer is ``{"translations": [{"text": …}, …]}``;
- ``GET /v2/glossary-language-pairs``: ``{"supported_languages": [{"source_lang", "target_lang"}]}``;
- ``GET /v2/glossaries``: ``{"glossaries": [{"glossary_id", "name", "ready", "source_lang", "target_lang"}]}``;
- ``POST /v2/glossaries`` with ``name``, ``source_lang``, ``target_lang`` (lower-case, no
  variant), ``entries`` (one ``source<TAB>target`` line each) and ``entries_format = "tsv"``;
  the answer holds the new ``glossary_id``.

HTTP goes through the standard library with a timeout on every request. 429, 529 and
5xx, timeouts and refused connections are transient (the run retries them with
backoff); 456 (the quota is used up) and 403 end the engine with one line. The key is
sent in the header only and masked in any server message that is quoted.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from translate_flow.mt.engines.protocol import EngineError

__all__ = ["DeepLClient", "GlossaryInfo"]

# An answer larger than this is no translation of a request of at most 128 KiB.
_MAX_ANSWER_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class GlossaryInfo:
    """A glossary the account holds, as ``GET /v2/glossaries`` lists it."""

    glossary_id: str
    """DeepL's id, passed as ``glossary_id`` when translating."""
    name: str
    """The name it was created with."""
    source_lang: str
    """Its source language, lower-case (``en``)."""
    target_lang: str
    """Its target language, lower-case (``fr``)."""
    ready: bool
    """False while DeepL is still building it."""


def _malformed(what: str) -> EngineError:
    # A proxy or a server in trouble can send a broken answer once: worth another attempt.
    return EngineError(f"malformed answer ({what})", transient=True)


class DeepLClient:
    """One DeepL account at one base URL (``https://api.deepl.com`` or ``https://api-free.deepl.com``)."""

    def __init__(self, base_url: str, key: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self._key = key
        self.timeout = timeout

    def translate(self, texts: list[str], source_lang: str, target_lang: str, glossary_id: str | None) -> list[str]:
        """The translations of ``texts`` (XML with ``<x>`` tags left untranslated), in order."""
        body: dict[str, Any] = {
            "text": texts,
            "source_lang": source_lang,
            "target_lang": target_lang,
            "tag_handling": "xml",
            "ignore_tags": ["x"],
        }
        if glossary_id is not None:
            body["glossary_id"] = glossary_id
        answer = self._request("POST", "/v2/translate", body)
        items = answer.get("translations")
        if not isinstance(items, list):
            raise _malformed("no translations list")
        if len(items) != len(texts):
            raise _malformed(f"{len(items)} translations for {len(texts)} texts")
        out: list[str] = []
        for item in items:
            text = item.get("text") if isinstance(item, dict) else None
            if not isinstance(text, str):
                raise _malformed("a translation without text")
            out.append(text)
        return out

    def glossary_pairs(self) -> set[tuple[str, str]]:
        """The (source, target) language pairs DeepL takes glossaries for, lower-case."""
        answer = self._request("GET", "/v2/glossary-language-pairs", None)
        pairs = answer.get("supported_languages")
        if not isinstance(pairs, list):
            raise _malformed("no supported_languages list")
        found: set[tuple[str, str]] = set()
        for pair in pairs:
            languages = (pair.get("source_lang"), pair.get("target_lang")) if isinstance(pair, dict) else ()
            if len(languages) == 2 and all(isinstance(code, str) for code in languages):
                found.add((str(languages[0]).lower(), str(languages[1]).lower()))
        return found

    def glossaries(self) -> list[GlossaryInfo]:
        """Every glossary of the account."""
        answer = self._request("GET", "/v2/glossaries", None)
        listed = answer.get("glossaries")
        if not isinstance(listed, list):
            raise _malformed("no glossaries list")
        found: list[GlossaryInfo] = []
        for item in listed:
            if not isinstance(item, dict):
                continue
            fields = [item.get(key) for key in ("glossary_id", "name", "source_lang", "target_lang")]
            if all(isinstance(value, str) for value in fields):
                identity, name, source, target = (str(value) for value in fields)
                found.append(
                    GlossaryInfo(identity, name, source.lower(), target.lower(), item.get("ready") is not False)
                )
        return found

    def create_glossary(self, name: str, source_lang: str, target_lang: str, tsv: str) -> str:
        """Create a glossary from TSV entries; its id."""
        body = {
            "name": name,
            "source_lang": source_lang,
            "target_lang": target_lang,
            "entries": tsv,
            "entries_format": "tsv",
        }
        answer = self._request("POST", "/v2/glossaries", body)
        identity = answer.get("glossary_id")
        if not isinstance(identity, str) or not identity:
            raise _malformed("no glossary_id for the new glossary")
        return identity

    def _request(self, method: str, path: str, body: dict[str, Any] | None) -> dict[str, Any]:
        headers = {"Authorization": f"DeepL-Auth-Key {self._key}", "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw: bytes = response.read(_MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from None
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            if isinstance(getattr(exc, "reason", exc), TimeoutError):
                raise EngineError(f"timed out after {self.timeout:g} s", transient=True) from None
            raise EngineError("cannot reach the server", transient=True) from None
        except OSError as exc:
            raise EngineError(f"connection failed ({type(exc).__name__})", transient=True) from None
        if len(raw) > _MAX_ANSWER_BYTES:
            raise EngineError(f"the answer is larger than {_MAX_ANSWER_BYTES // (1024 * 1024)} MiB")
        try:
            answer = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise _malformed("not JSON") from None
        if not isinstance(answer, dict):
            raise _malformed("not a JSON object")
        return answer

    def _http_error(self, error: urllib.error.HTTPError) -> EngineError:
        status = error.code
        if status in (401, 403):
            return EngineError(f"the API key was refused (HTTP {status})")
        if status == 456:
            return EngineError("the account's character quota is used up (HTTP 456)")
        if status in (429, 529):
            return EngineError(f"too many requests (HTTP {status})", transient=True)
        if status >= 500:
            return EngineError(f"server error (HTTP {status})", transient=True)
        if status == 413:
            return EngineError("the request is too large (HTTP 413); lower max_chars")
        return EngineError(f"HTTP {status}: {self._server_message(error)}")

    def _server_message(self, error: urllib.error.HTTPError) -> str:
        """DeepL's own short reason (``{"message": …, "detail": …}``), with the key masked."""
        try:
            data = json.loads(error.read(64 * 1024))
            parts = [data.get("message"), data.get("detail")] if isinstance(data, dict) else []
        except (ValueError, OSError):
            return "refused"
        text = " ".join(" ".join(str(part) for part in parts if part).split())[:200] or "refused"
        return text.replace(self._key, "***")
