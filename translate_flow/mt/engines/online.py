"""deep-translator's online engines, with timeouts, clear errors and secrets kept out of sight.

deep-translator 1.11.4 calls ``requests.get``/``requests.post`` with no timeout and
offers no way to pass one, nor a session. So each of its calls runs in a daemon
thread under a deadline of the configured timeout: past it, the request is
abandoned to its thread (which never keeps the process alive) and the attempt
fails as a transient timeout. Nothing in ``requests`` or deep-translator is patched,
so other code in the process sees both libraries as they are.

Every failure becomes an EngineError with a fixed message: exception texts can
contain request URLs, and some engines put the API key in the URL.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from typing import Any

import deep_translator
import requests
from deep_translator import constants
from deep_translator import exceptions as dt

from translate_flow.errors import ConfigError
from translate_flow.mt.daemon import DeadlineExpired, call_with_deadline
from translate_flow.mt.engines.protocol import EngineContext, EngineError, UnsupportedPair, check_settings

# name -> (deep-translator class, its language table or None when any code goes,
#          environment-backed settings it needs, other settings it accepts)
ONLINE_ENGINES: dict[str, tuple[str, dict[str, str] | None, tuple[str, ...], dict[str, type | tuple[type, ...]]]] = {
    "google": ("GoogleTranslator", constants.GOOGLE_LANGUAGES_TO_CODES, (), {}),
    "mymemory": ("MyMemoryTranslator", constants.MY_MEMORY_LANGUAGES_TO_CODES, (), {"email": str}),
    "microsoft": ("MicrosoftTranslator", None, ("api_key",), {"region": str}),
    "libre": ("LibreTranslator", constants.LIBRE_LANGUAGES_TO_CODES, ("api_key",), {"url": str, "use_free_api": bool}),
    "yandex": ("YandexTranslator", None, ("api_key",), {}),
    "papago": ("PapagoTranslator", constants.PAPAGO_LANGUAGE_TO_CODE, ("client_id", "secret_key"), {}),
    "baidu": ("BaiduTranslator", constants.BAIDU_LANGUAGE_TO_CODE, ("appid", "appkey"), {}),
    "chatgpt": ("ChatGptTranslator", None, ("api_key",), {"model": str}),
}

_STATUS = {message: code for code, message in dt.ServerException.errors.items()}


def _map_code(code: str, table: dict[str, str] | None) -> str | None:
    """Our code in the engine's spelling: the full code if it knows it (zh-CN), else the language (zh)."""
    if table is None:
        return code
    by_lower = {value.lower(): value for value in table.values()}
    language = code.split("-")[0].lower()
    # Some engines list only regional codes (MyMemory: en-GB, en-US…): take the main region.
    main_region = {"en": "en-us", "zh": "zh-cn", "pt": "pt-pt", "sv": "sv-se", "da": "da-dk"}.get(language)
    for candidate in (code.lower(), language, main_region, f"{language}-{language}"):
        if candidate and candidate in by_lower:
            return by_lower[candidate]
    regional = sorted(value for key, value in by_lower.items() if key.startswith(language + "-"))
    return regional[0] if regional else None


class OnlineEngine:
    local = False
    wants_markup = False
    max_batch = 1  # deep-translator sends one request per text
    max_chars = 4_500

    def __init__(self, name: str, settings: Mapping[str, Any], context: EngineContext) -> None:
        class_name, self.table, secrets, extra = ONLINE_ENGINES[name]
        allowed: dict[str, type | tuple[type, ...]] = dict(extra)
        allowed.update({f"{secret}_env": str for secret in secrets})
        allowed["max_chars"] = int
        check_settings(name, settings, allowed)
        self.name = name
        self.timeout = context.timeout
        self.max_chars = int(settings.get("max_chars", self.max_chars))
        self.kwargs: dict[str, Any] = {}
        self.secrets: list[str] = []
        for secret in secrets:
            variable = settings.get(f"{secret}_env")
            if variable is None:
                raise ConfigError(f"engines.{name}.{secret}_env: name the environment variable that holds the {secret}")
            value = os.environ.get(variable)
            if not value:
                raise ConfigError(f"engines.{name}: environment variable {variable} is not set")
            self.kwargs[secret] = value
            self.secrets.append(value)
        for key, value in settings.items():
            if key in extra:
                self.kwargs["custom_url" if key == "url" else key] = value
        if name == "libre" and "url" in settings:
            url = str(settings["url"])
            self.kwargs["custom_url"] = url if url.endswith("/") else url + "/"
        self.cls = getattr(deep_translator, class_name)

    def codes(self, source: str, target: str) -> tuple[str, str]:
        src, tgt = _map_code(source, self.table), _map_code(target, self.table)
        if src is None or tgt is None:
            missing = source if src is None else target
            raise UnsupportedPair(f"{self.name}: does not support {missing}")
        return src, tgt

    def check_pair(self, source: str, target: str) -> None:
        self.codes(source, target)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str | None]:
        src, tgt = self.codes(source, target)
        try:
            # Some translators make a request when they are made (Microsoft fetches its languages).
            make = functools.partial(self.cls, source=src, target=tgt, **self.kwargs)
            translator = call_with_deadline(self.timeout, make)
            return [call_with_deadline(self.timeout, translator.translate, text) for text in texts]
        except (DeadlineExpired, requests.exceptions.Timeout) as exc:
            # requests' own Timeout too, should a later deep-translator pass a timeout itself.
            raise EngineError(f"timed out after {self.timeout:g} s", transient=True) from exc
        except requests.exceptions.ConnectionError as exc:
            raise EngineError("network unreachable", transient=True) from exc
        except dt.TooManyRequests as exc:
            raise EngineError("too many requests (HTTP 429)", transient=True) from exc
        except dt.ServerException as exc:
            status = _STATUS.get(str(exc.args[0]) if exc.args else "")
            if status in (401, 402, 403):
                raise EngineError(f"the API key was refused (HTTP {status})") from exc
            transient = status is None or status == 429 or status >= 500
            raise EngineError(f"server error (HTTP {status or '5xx'})", transient=transient) from exc
        except dt.AuthorizationException as exc:
            raise EngineError("the API key was refused") from exc
        except dt.RequestError as exc:
            raise EngineError("request failed", transient=True) from exc
        except dt.TranslationNotFound as exc:
            raise EngineError("returned no translation") from exc
        except (dt.LanguageNotSupportedException, dt.InvalidSourceOrTargetLanguage) as exc:
            raise UnsupportedPair(f"{self.name}: does not support {source} → {target}") from exc
        except Exception as exc:
            # Never echo the exception text: it may hold a URL with the key in it.
            raise EngineError(f"unexpected response ({type(exc).__name__})") from exc
