"""The ``deepl`` engine: DeepL's API through our own client, with the project's glossary as a DeepL glossary.

A batch of texts goes in one request (50 at most, DeepL's limit). Placeholders travel
as ``<x>N</x>`` with ``tag_handling = xml`` and ``ignore_tags = x``, so DeepL moves them
with their words and never translates them; the text around them is XML-escaped.

When the project has a glossary with entries for the pair, and DeepL takes glossaries
for that pair, the engine uses a DeepL glossary holding exactly those entries. Its
name carries a digest of the entries (``translate-flow en-fr 1a2b…``): a later run,
on any machine, finds it in the account's list and reuses it; a changed glossary gets
a new one. A pair DeepL has no glossaries for is translated without one, and the
run's summary says so once.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.errors import ConfigError
from translate_flow.glossary.model import Glossary
from translate_flow.mt.engines.deepl_api import DeepLClient
from translate_flow.mt.engines.protocol import EngineContext, EngineError, UnsupportedPair, check_settings

__all__ = ["DeepLEngine", "deepl_codes", "glossary_entries"]

_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "api_key_env": str,
    "use_free_api": bool,
    "base_url": str,
    "use_glossary": bool,
    "max_batch": int,
    "max_chars": int,
}
_PRO, _FREE = "https://api.deepl.com", "https://api-free.deepl.com"

# The languages DeepL translates (its /v2/languages list), by our language subtag.
_LANGUAGE_CODES = "ar bg cs da de el en es et fi fr he hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv th tr uk vi zh"
_LANGUAGES = frozenset(_LANGUAGE_CODES.split(" "))
_ALIASES = {"no": "nb", "iw": "he", "in": "id"}
_TRADITIONAL = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
_PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
_TAG = re.compile(r"<x>\s*(\d+)\s*</x>")
# Characters XML 1.0 does not allow: DeepL would refuse the whole request.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|apos);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def deepl_codes(source: str, target: str) -> tuple[str, str, str, str] | None:
    """DeepL's source and target codes for our pair, and the glossary's (lower-case, no
    variant); None when DeepL has either language."""
    src, tgt = (code.lower() for code in (source, target))
    src_lang, tgt_lang = (_ALIASES.get(c.split("-")[0], c.split("-")[0]) for c in (src, tgt))
    if src_lang not in _LANGUAGES or tgt_lang not in _LANGUAGES:
        return None
    target_code = tgt_lang.upper()
    if tgt_lang == "en":
        # DeepL writes English as one of two variants; the UK's for the Commonwealth codes.
        target_code = "EN-GB" if tgt.split("-")[-1] in ("gb", "uk", "ie", "au", "nz", "in", "za") else "EN-US"
    elif tgt_lang == "pt":
        target_code = "PT-BR" if tgt == "pt-br" else "PT-PT"
    elif tgt_lang == "zh":
        target_code = "ZH-HANT" if tgt.startswith(_TRADITIONAL) else "ZH-HANS"
    return src_lang.upper(), target_code, src_lang, tgt_lang


def glossary_entries(glossary: Glossary, source: str, target: str) -> list[tuple[str, str]]:
    """The glossary's (term, translation) pairs for the pair, as a DeepL glossary may hold them:
    one entry per source term (the first), none with a tab, a line break or a control character."""
    entries: dict[str, str] = {}
    for pair in glossary.pairs(source, target):
        term, translation = pair.term.strip(), pair.translation.strip()
        if not term or not translation or term in entries:
            continue
        if any(ord(char) < 32 or 127 <= ord(char) < 160 for char in term + translation):
            continue
        if len(term.encode()) > 1024 or len(translation.encode()) > 1024:
            continue
        entries[term] = translation
    return list(entries.items())


def to_xml(text: str) -> str:
    """A protected text as DeepL's XML: escaped, each ``⟦N⟧`` an ``<x>N</x>`` it leaves alone."""
    return _PLACEHOLDER.sub(r"<x>\1</x>", html.escape(text, quote=False))


def from_xml(text: str) -> str:
    """DeepL's answer back as a protected text."""
    # Only XML's own entities: any other "&name;" was sent escaped, so it comes back escaped.
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], _TAG.sub(r"⟦\1⟧", text))


class DeepLEngine:
    """Drafts from DeepL, a batch per request, with the project's glossary where DeepL takes one."""

    name = "deepl"
    local = False
    wants_markup = False

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        check_settings("deepl", settings, _SETTINGS)
        variable = settings.get("api_key_env")
        if not variable:
            raise ConfigError("engines.deepl.api_key_env: name the environment variable that holds the api_key")
        key = os.environ.get(str(variable))
        if not key:
            raise ConfigError(f"engines.deepl: environment variable {variable} is not set")
        # DeepL's free keys end in ":fx" and work only on the free endpoint, as its own clients assume.
        free = bool(settings.get("use_free_api", key.endswith(":fx")))
        base = str(settings.get("base_url", _FREE if free else _PRO))
        if not base.startswith(("http://", "https://")):
            raise ConfigError("engines.deepl.base_url: must start with http:// or https://")
        self.max_batch = int(settings.get("max_batch", 50))
        self.max_chars = int(settings.get("max_chars", 20_000))
        if not 1 <= self.max_batch <= 50 or not 100 <= self.max_chars <= 60_000:
            raise ConfigError("engines.deepl: max_batch must be 1 to 50, max_chars 100 to 60000 (a request is 128 KiB)")
        self.client = DeepLClient(base, key, context.timeout)
        self.glossary = context.glossary if settings.get("use_glossary", True) else None
        self._lock = threading.Lock()
        self._pairs: set[tuple[str, str]] | None = None
        self._glossary_ids: dict[tuple[str, str], str | None] = {}
        self._notes: list[str] = []
        # Apart from ``_lock``, which a batch left behind at its deadline may still hold in a request.
        self._notes_lock = threading.Lock()

    def check_pair(self, source: str, target: str) -> None:
        if deepl_codes(source, target) is None:
            missing = source if deepl_codes(source, source) is None else target
            raise UnsupportedPair(f"deepl: does not support {missing}")

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        codes = deepl_codes(source, target)
        if codes is None:
            raise UnsupportedPair(f"deepl: does not support {source} → {target}")
        if not texts:
            return []
        # A text XML cannot carry is not sent (None: the next engine may draft it), rather
        # than have DeepL refuse its whole batch and end the engine for the run.
        sendable = [index for index, text in enumerate(texts) if not _NOT_XML.search(text)]
        drafts: list[str | None] = [None] * len(texts)
        if not sendable:
            return drafts
        glossary_id = self._glossary_id(source, target, codes[2], codes[3])
        answers = self.client.translate([to_xml(texts[i]) for i in sendable], codes[0], codes[1], glossary_id)
        for index, answer in zip(sendable, answers):
            drafts[index] = from_xml(answer)
        return drafts

    def notes(self) -> tuple[str, ...]:
        with self._notes_lock:
            return tuple(self._notes)

    def _glossary_id(self, source: str, target: str, source_lang: str, target_lang: str) -> str | None:
        """The DeepL glossary for the pair, found or created once per run; None when there is none to use."""
        if self.glossary is None:
            return None
        # Held across the requests: the first batch of a pair settles it, the others wait for it.
        with self._lock:
            if (source, target) in self._glossary_ids:
                return self._glossary_ids[(source, target)]
            entries = glossary_entries(self.glossary, source, target)
            identity: str | None = None
            if entries:
                if self._pairs is None:
                    self._pairs = self.client.glossary_pairs()
                if (source_lang, target_lang) in self._pairs:
                    identity = self._find_or_create(entries, source_lang, target_lang)
                else:
                    with self._notes_lock:
                        self._notes.append(
                            f"DeepL has no glossaries for {source} → {target}: translated without the glossary"
                        )
            self._glossary_ids[(source, target)] = identity
            return identity

    def _find_or_create(self, entries: list[tuple[str, str]], source_lang: str, target_lang: str) -> str:
        tsv = "\n".join(f"{term}\t{translation}" for term, translation in entries)
        digest = hashlib.sha256(f"{source_lang}\n{target_lang}\n{tsv}".encode()).hexdigest()[:16]
        name = f"translate-flow {source_lang}-{target_lang} {digest}"
        for found in self.client.glossaries():
            if (
                found.name == name
                and found.ready
                and (found.source_lang, found.target_lang) == (source_lang, target_lang)
            ):
                return found.glossary_id
        try:
            return self.client.create_glossary(name, source_lang, target_lang, tsv)
        except EngineError as exc:
            if exc.transient:
                raise
            raise EngineError(f"the glossary for {source_lang} → {target_lang} was refused: {exc.message}") from None
