"""The ``apertium`` engine: Debian's offline rule-based MT, run as a local process.

Texts go through ``apertium -u -f html MODE`` as ``<p>`` blocks, so one process
translates a whole batch and each text comes back in its own block; ``-u`` keeps
unknown words as they are instead of marking them with ``*``.

Placeholders travel as ``<code>⟦N⟧</code>``: Apertium's HTML format handler keeps an
inline element whole and only moves it, whereas a bare ``⟦0⟧`` is read as words and
comes back torn apart next to possessives and dashes (``⟦Contenido⟧ de 0``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from typing import Any

from translate_flow.mt.engines.protocol import EngineContext, EngineError, UnsupportedPair, check_settings

# Apertium names languages with ISO 639-3 codes (older pairs with 639-1 codes).
ISO3 = {
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "ca": "cat",
    "pt": "por",
    "it": "ita",
    "de": "deu",
    "nl": "nld",
    "eu": "eus",
    "gl": "glg",
    "oc": "oci",
    "ro": "ron",
    "sv": "swe",
    "da": "dan",
    "nb": "nob",
    "nn": "nno",
    "is": "isl",
    "cy": "cym",
    "br": "bre",
    "ga": "gle",
    "eo": "epo",
    "ar": "ara",
    "mt": "mlt",
    "ru": "rus",
    "uk": "ukr",
    "be": "bel",
    "pl": "pol",
    "cs": "ces",
    "sk": "slk",
    "sl": "slv",
    "hr": "hrv",
    "sr": "srp",
    "bg": "bul",
    "mk": "mkd",
    "kk": "kaz",
    "tt": "tat",
    "ky": "kir",
    "id": "ind",
    "ms": "msa",
    "hi": "hin",
    "ur": "urd",
    "af": "afr",
    "sq": "sqi",
    "an": "arg",
    "ast": "ast",
    "fo": "fao",
    "se": "sme",
}
_BLOCK = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_PLACEHOLDER = re.compile(r"⟦\d+⟧")
_UNWRAP = re.compile(r"<code>\s*(⟦\d+⟧)\s*</code>")


def _wrap(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: f"<code>{m.group()}</code>", text)


class ApertiumEngine:
    name = "apertium"
    local = False
    wants_markup = False
    max_chars = 20_000
    max_batch = 500

    def __init__(self, settings: Mapping[str, Any], context: EngineContext) -> None:
        check_settings("apertium", settings, {"binary": str})
        self.binary = settings.get("binary", "apertium")
        self.timeout = context.timeout
        self._modes: list[str] | None = None

    def installed_modes(self) -> list[str]:
        if self._modes is None:
            if shutil.which(self.binary) is None:
                raise EngineError(f"{self.binary} is not installed (Debian: apt-get install apertium apertium-eng-spa)")
            done = subprocess.run(
                [self.binary, "-l"], capture_output=True, text=True, timeout=self.timeout, check=False
            )
            self._modes = sorted(line.strip() for line in done.stdout.splitlines() if line.strip())
        return self._modes

    def mode(self, source: str, target: str) -> str:
        modes = self.installed_modes()
        for src in _names(source):
            for tgt in _names(target):
                if f"{src}-{tgt}" in modes:
                    return f"{src}-{tgt}"
        installed = ", ".join(modes) or "none"
        raise UnsupportedPair(f"apertium: no {source} → {target} pair installed (installed pairs: {installed})")

    def check_pair(self, source: str, target: str) -> None:
        self.mode(source, target)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        mode = self.mode(source, target)
        payload = "\n".join(f"<p>{_wrap(html.escape(text, quote=False))}</p>" for text in texts)
        try:
            done = subprocess.run(
                [self.binary, "-u", "-f", "html", mode],
                input=payload,
                capture_output=True,
                text=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise EngineError(f"timed out after {self.timeout:g} s", transient=True) from exc
        except OSError as exc:
            raise EngineError(f"cannot run {self.binary}: {exc.strerror}") from exc
        if done.returncode != 0:
            raise EngineError(f"{self.binary} failed: {done.stderr.strip()[:200]}")
        blocks = _BLOCK.findall(done.stdout)
        if len(blocks) != len(texts):
            raise EngineError(f"returned {len(blocks)} texts for {len(texts)}")
        # Our elements come off before unescaping, so a `&lt;code&gt;` in the text stays text.
        return [html.unescape(_UNWRAP.sub(r"\1", block)) for block in blocks]


def _names(code: str) -> list[str]:
    language = code.split("-")[0].lower()
    names = [ISO3.get(language, language), language]
    full = code.replace("-", "_")
    if full != language:
        names.insert(0, f"{ISO3.get(language, language)}_{full.split('_', 1)[1]}")
    return names
