"""What translate-flow needs from a Hugo site's configuration: its languages and folders.

Read from ``hugo.toml``/``hugo.yaml``/``hugo.json`` (or the older ``config.*``) at the
project root: the language keys, each key's language code (``locale`` or
``languageCode``, else the key itself), ``contentDir`` and ``defaultContentLanguage``;
the ``i18nDir``, ``dataDir``, ``themesDir`` folders and the ``theme`` names.
A ``config/_default/`` directory is read too (``hugo.*``, ``config.*``, ``languages.*``).
"""

from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate_flow.config.schema import LAYOUT, SOURCE_LANGUAGE
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, math_delimiters
from translate_flow.errors import ConfigError
from translate_flow.languages import parse_language
from translate_flow.lazy import lazy
from translate_flow.textutil import toml_error

# PyYAML is imported only for a site whose configuration is YAML.
if TYPE_CHECKING:
    from translate_flow.config.hugo_yaml import read_yaml_settings
else:
    read_yaml_settings = lazy("translate_flow.config.hugo_yaml:read_yaml_settings")

SITE_CONFIG_NAMES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)


@dataclass(frozen=True)
class HugoLanguage:
    """One entry of Hugo's ``[languages]``."""

    key: str
    """The language key (``zh-cn``): file-name suffix and URL prefix."""
    code: str
    """Our canonical code for it (``zh-CN``)."""
    content_dir: str | None
    """Its ``contentDir``, relative to the site root, when set."""
    weight: int
    """Hugo's ordering weight."""


@dataclass(frozen=True)
class HugoSite:
    """The languages of a Hugo site."""

    config_file: Path
    """The file the settings came from."""
    default_key: str
    """``defaultContentLanguage``."""
    languages: list[HugoLanguage] = field(default_factory=list)
    """The configured languages, by weight."""
    math: Markup = DEFAULT_MATH
    """Maths delimiters from ``markup.goldmark.extensions.passthrough``."""
    folders: dict[str, str] = field(default_factory=dict)
    """``i18nDir``, ``dataDir`` and ``themesDir`` where the site sets them (lower-cased names)."""
    themes: tuple[str, ...] = ()
    """The ``theme`` setting: theme names, the first with the highest precedence (as in Hugo)."""

    @property
    def default_code(self) -> str:
        for language in self.languages:
            if language.key == self.default_key:
                return language.code
        try:
            return parse_language(self.default_key).code
        except ValueError as exc:
            raise ConfigError(f"defaultContentLanguage: {exc}", self.config_file) from exc

    @property
    def uses_directories(self) -> bool:
        return any(language.content_dir for language in self.languages)


def default_source_language(site: HugoSite | None) -> str:
    """The source language a project has when its config names none: the site's default language."""
    return site.default_code if site is not None else SOURCE_LANGUAGE.default


def default_layout(site: HugoSite | None) -> str:
    """The layout a project has when its config names none: folders when the site's languages have them."""
    return "directory" if site is not None and site.uses_directories else LAYOUT.default


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the Hugo configuration: {exc}", path) from exc
    return parse_settings(text, path)


def parse_settings(text: str, path: Path | str) -> dict[str, Any]:
    """A Hugo configuration file's settings, read as Hugo reads its format (by ``path``'s suffix)."""
    suffix = Path(path).suffix
    try:
        if suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text)
        else:
            data = read_yaml_settings(text, path)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc)
        raise ConfigError(f"invalid Hugo configuration: {message}", path, line) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid Hugo configuration: {exc.msg}", path, exc.lineno) from exc
    return data if isinstance(data, dict) else {}


def find_site_config(root: Path) -> Path | None:
    for name in SITE_CONFIG_NAMES:
        if (root / name).is_file():
            return root / name
    for name in SITE_CONFIG_NAMES:
        if (root / "config" / "_default" / name).is_file():
            return root / "config" / "_default" / name
    return None


def read_site(root: Path, config_file: Path | None = None) -> HugoSite | None:
    """The Hugo site's languages, or None when the root has no Hugo configuration."""
    path = config_file or find_site_config(root)
    if path is None:
        return None
    if not path.resolve().is_relative_to(root.resolve()):
        raise ConfigError("is a symbolic link to a file outside the project; refused", path.name)
    data = {str(k).lower(): v for k, v in _load(path).items()}
    languages_table = data.get("languages")
    if languages_table is None and path.parent.name == "_default":
        for suffix in (".toml", ".yaml", ".yml", ".json"):
            extra = path.parent / f"languages{suffix}"
            if extra.is_file():
                languages_table = _load(extra)
                break
    default_key = str(data.get("defaultcontentlanguage", "en"))
    languages: list[HugoLanguage] = []
    if isinstance(languages_table, dict):
        for key, settings in languages_table.items():
            language = _language(str(key), settings, path)
            if language is not None:
                languages.append(language)
    languages.sort(key=lambda item: (item.weight, item.key))
    math = math_delimiters(_setting(data, "markup.goldmark.extensions.passthrough"))
    return HugoSite(path, default_key, languages, math, _folders(data, path), _themes(data.get("theme"), path))


def _folders(data: dict[str, Any], path: Path) -> dict[str, str]:
    folders: dict[str, str] = {}
    for name in ("i18ndir", "datadir", "themesdir"):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{name} must be a folder name", path)
        folders[name] = value
    return folders


def _themes(value: object, path: Path) -> tuple[str, ...]:
    """Hugo takes one theme name or a list of them; a name is a folder under themesDir."""
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else [] if value is None else None
    if names is None or not all(isinstance(name, str) and name for name in names):
        raise ConfigError("theme must be a theme name or a list of them", path)
    return tuple(str(name) for name in names)


def _language(key: str, settings: object, path: Path) -> HugoLanguage | None:
    """One entry of ``[languages]``; None when it is disabled."""
    settings = {str(k).lower(): v for k, v in settings.items()} if isinstance(settings, dict) else {}
    if settings.get("disabled"):
        return None
    raw = settings.get("locale") or settings.get("languagecode") or key
    try:
        code = parse_language(str(raw)).code
    except ValueError:
        try:
            code = parse_language(key).code
        except ValueError as exc:
            raise ConfigError(
                f"languages.{key}: cannot tell which language {raw!r} is; map it in [language_keys]", path
            ) from exc
    content_dir = settings.get("contentdir")
    return HugoLanguage(key, code, str(content_dir) if content_dir else None, _weight(key, settings, path))


def _weight(key: str, settings: dict[str, Any], path: Path) -> int:
    weight = settings.get("weight") or 0
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight):
        # Hugo refuses such a site too; said here in one line rather than as a crash.
        raise ConfigError(f"languages.{key}.weight must be a number", path)
    return int(weight)


def _setting(data: dict[str, Any], dotted: str) -> object:
    """A nested setting, its keys matched case-insensitively as Hugo does."""
    value: object = data
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = next((v for k, v in value.items() if str(k).lower() == part), None)
    return value
