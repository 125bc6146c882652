"""Project configuration: ``translate-flow.toml`` or ``[tool.translate-flow]`` in pyproject.toml.

One validator per table. Each checks the keys the schema declares for its table and
returns only the values the file sets; everything else keeps the dataclass default,
which is the schema's. The Hugo site fills in what the file leaves open.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translate_flow.config.compendium import Compendium, parse_compendium
from translate_flow.config.hugo import HugoSite, default_layout, default_source_language, read_site
from translate_flow.config.key_types import NUMBER, STRINGS, TABLE, Key
from translate_flow.config.language_cache import keep_languages, recall_languages
from translate_flow.config.lines import key_line
from translate_flow.config.model import (
    CheckSettings,
    Config,
    DataSettings,
    I18nSettings,
    PretranslateSettings,
    SiteFolders,
    SiteSettings,
)
from translate_flow.config.rules import inside, language_code
from translate_flow.config.schema import keys_of, tables_in
from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, with_dialect
from translate_flow.document.shortcode_params import BUILT_IN, ParamKey
from translate_flow.errors import ConfigError
from translate_flow.textutil import toml_error

CONFIG_NAME = "translate-flow.toml"

_PYPROJECT_TABLE = "tool.translate-flow"
_KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,34}")


@dataclass(frozen=True)
class _File:
    """The file being validated, so that an error can name it and the key's line."""

    path: Path
    text: str
    root: Path
    prefix: str
    """The table that holds the settings: "" in translate-flow.toml, ``tool.translate-flow`` in pyproject.toml."""

    def line(self, key: str, table: str = "") -> int | None:
        return key_line(self.text, key, ".".join(part for part in (self.prefix, table) if part))

    def error(self, message: str, key: str, table: str = "") -> ConfigError:
        return ConfigError(message, self.path, self.line(key, table))


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc)
        raise ConfigError(f"invalid TOML: {message}", path, line) from exc


def find_config_file(root: Path) -> tuple[Path, dict[str, Any], str] | None:
    """The config file of ``root``, its settings table and its text; None when there is none."""
    own = root / CONFIG_NAME
    if own.is_file():
        data, text = _read_toml(own)
        return own, data, text
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data, text = _read_toml(pyproject)
        tool = data.get("tool")
        table = tool.get("translate-flow") if isinstance(tool, dict) else None
        if table is not None:
            if not isinstance(table, dict):
                raise ConfigError("[tool.translate-flow] must be a table", pyproject)
            return pyproject, table, text
    return None


def load_config(root: Path) -> Config:
    """Read and validate the configuration of the project at ``root``."""
    root = root.resolve()
    if not root.is_dir():
        raise ConfigError("project root is not a directory", root)
    recall_languages(root)
    found = find_config_file(root)
    path: Path | None = None
    table: dict[str, Any] = {}
    file = _File(root / CONFIG_NAME, "", root, "")
    if found is not None:
        path, table = found[0], found[1]
        file = _File(path, found[2], root, _PYPROJECT_TABLE if path.name == "pyproject.toml" else "")
    values = _top_level(table, file)
    # The setting only names where to look; Config.hugo_config records the file actually read.
    site = _site(root, values.pop("hugo_config", None))
    hugo_keys, hugo_dirs = _site_languages(site, root)
    if "source_language" not in values:
        # Only then: a site whose default language is unusable does not matter to a file that names its own.
        values["source_language"] = default_source_language(site)
    values.setdefault("layout", default_layout(site))
    values.setdefault("project_name", root.name)
    config = Config(
        root=root,
        source=path,
        wrap_explicit="wrap" in values,
        **values,
        **_front_matter(table.get("front_matter", {}), file),
        pretranslate=_pretranslate(table.get("pretranslate", {}), file),
        engines=_engines(table.get("engines", {}), file),
        compendium=_compendium(table.get("engines", {}), values.get("languages", ()), file),
        check=_check(table.get("check", {}), file),
        language_keys={**hugo_keys, **_language_keys(table.get("language_keys", {}), file)},
        language_dirs={**hugo_dirs, **_content_dirs(table.get("content_dirs", {}), file)},
        hugo_config=site.config_file.relative_to(root).as_posix() if site is not None else None,
        math=with_dialect(site.math if site is not None else DEFAULT_MATH, DIALECTS[values.get("dialect", "hugo")]),
        shortcodes=BUILT_IN.overridden(_shortcodes(table.get("shortcodes", {}), file)),
        i18n=I18nSettings(**_declared(table.get("i18n", {}), "i18n", file)),
        data=_data(table.get("data", {}), file),
        site=SiteSettings(**_declared(table.get("site", {}), "site", file)),
        folders=_site_folders(site, root, DIALECTS[values.get("dialect", "hugo")].data_dir),
    )
    keep_languages(root)
    return config


def _declared(table: dict[str, Any], name: str, file: _File) -> dict[str, Any]:
    """The values ``table`` sets for the keys the schema declares for it, by dataclass field.

    Unknown keys and wrong types are refused first, in file order, then each value is
    converted and checked by its key's rule.
    """
    keys = keys_of(name)
    inner = tables_in(name)
    for key, value in table.items():
        dotted = f"{name}.{key}" if name else key
        expected = TABLE if key in inner else keys[key].kind if key in keys else None
        if expected is None:
            raise file.error(f"unknown key '{dotted}'", key, name)
        if not expected.accepts(value):
            raise file.error(f"'{dotted}' must be {expected.description}", key, name)
    return {keys[key].field: _value(keys[key], value, file) for key, value in table.items() if key in keys}


def _value(key: Key[Any], value: object, file: _File) -> Any:
    convert = key.convert or key.kind.convert
    try:
        value = convert(value)
    except ValueError as exc:
        raise file.error(f"'{key.dotted}': {exc}", key.name, key.table) from exc
    problem = key.rule(key.dotted, value, file.root) if key.rule is not None else None
    if problem is not None:
        raise file.error(problem, key.name, key.table)
    return value


def _top_level(table: dict[str, Any], file: _File) -> dict[str, Any]:
    """The top-level keys; the tables inside are only type-checked here, each has its own validator."""
    return _declared(table, "", file)


def _front_matter(table: dict[str, Any], file: _File) -> dict[str, Any]:
    return _declared(table, "front_matter", file)


def _pretranslate(table: dict[str, Any], file: _File) -> PretranslateSettings:
    return PretranslateSettings(**_declared(table, "pretranslate", file))


def _engines(table: dict[str, Any], file: _File) -> dict[str, dict[str, Any]]:
    """``[engines.NAME]``: only their shape; each engine checks its own settings when it loads."""
    for name, settings in table.items():
        if not isinstance(settings, dict):
            raise file.error(f"'engines.{name}' must be a table", name, "engines")
    return dict(table)


def _compendium(engines: dict[str, Any], languages: tuple[str, ...], file: _File) -> Compendium:
    """``[engines.memory] compendium``: read here, not by the engine, because extract uses it too."""
    memory = engines.get("memory")
    if not isinstance(memory, dict) or "compendium" not in memory:
        return Compendium()
    try:
        return parse_compendium(memory["compendium"], languages, file.root)
    except ValueError as exc:
        raise file.error(str(exc), "compendium", "engines.memory") from exc


def _data(table: dict[str, Any], file: _File) -> DataSettings:
    """``[data]``: its declared keys, and every other key a glob naming data files and their key paths."""
    declared = keys_of("data")
    files: dict[str, tuple[str, ...]] = {}
    for glob, paths in table.items():
        if glob in declared:
            continue
        if not STRINGS.accepts(paths) or not paths or not all(paths):
            raise file.error(f"'data.{glob}' must be a list of key paths", glob, "data")
        pattern = Path(glob)
        if not glob or pattern.is_absolute() or ".." in pattern.parts:
            raise file.error(f"'data.{glob}': the glob must be relative to the data folder", glob, "data")
        files[glob] = tuple(paths)
    return DataSettings(**_declared({k: v for k, v in table.items() if k in declared}, "data", file), files=files)


def _check(table: dict[str, Any], file: _File) -> CheckSettings:
    values = _declared(table, "check", file)
    return CheckSettings(**values, language_min_percent=_check_languages(table.get("languages", {}), file))


def _check_languages(table: dict[str, Any], file: _File) -> dict[str, float]:
    """``[check.languages.<lang>]``: a ``min_percent`` per language code."""
    overrides: dict[str, float] = {}
    for code, settings in table.items():
        if (
            not isinstance(settings, dict)
            or set(settings) != {"min_percent"}
            or not NUMBER.accepts(settings["min_percent"])
        ):
            problem = f"'check.languages.{code}' must be a table with a number 'min_percent'"
            line = file.line("min_percent", f"check.languages.{code}") or file.line(code, "check.languages")
            raise ConfigError(problem, file.path, line)
        overrides[_code(code, "check.languages", file)] = float(settings["min_percent"])
    return overrides


def _language_keys(table: dict[str, Any], file: _File) -> dict[str, str]:
    """``[language_keys]``: the site's key for a language code, where it is not the code."""
    keys: dict[str, str] = {}
    for code, key in table.items():
        if not isinstance(key, str) or not key:
            raise file.error(f"'language_keys.{code}' must be a string", code, "language_keys")
        if not _KEY_RE.fullmatch(key):
            raise file.error(_unusable_key(f"language_keys.{code}", key), code, "language_keys")
        keys[_code(code, "language_keys", file)] = key
    return keys


def _content_dirs(table: dict[str, Any], file: _File) -> dict[str, str]:
    """``[content_dirs]``: each language's content folder for the directory layout."""
    dirs: dict[str, str] = {}
    for code, folder in table.items():
        if not isinstance(folder, str) or not folder:
            raise file.error(f"'content_dirs.{code}' must be a string", code, "content_dirs")
        if not inside(file.root, folder):
            raise file.error(f"'content_dirs.{code}' must be a relative path inside the project", code, "content_dirs")
        dirs[_code(code, "content_dirs", file)] = folder
    return dirs


def _shortcodes(table: dict[str, Any], file: _File) -> dict[str, tuple[ParamKey, ...]]:
    """``[shortcodes]``: each shortcode's translatable parameters, names as strings and positions as numbers."""
    found: dict[str, tuple[ParamKey, ...]] = {}
    for name, keys in table.items():
        where = f"shortcodes.{name}"
        if not isinstance(keys, list) or not all(
            (isinstance(k, str) and k) or (type(k) is int and k >= 0) for k in keys
        ):
            problem = f"'{where}' must be a list of parameter names and positions (0, 1…)"
            raise file.error(problem, name, "shortcodes")
        digits = next((k for k in keys if isinstance(k, str) and k.isdigit()), None)
        if digits is not None:
            # A position is a number: "0" would name a parameter `0=`, which no one means.
            raise file.error(
                f"'{where}': write the position {digits} as a number, not \"{digits}\"", name, "shortcodes"
            )
        found[name] = tuple(keys)
    return found


def _code(code: str, table: str, file: _File) -> str:
    try:
        return language_code(code)
    except ValueError as exc:
        raise file.error(f"'{table}': {exc}", code, table) from exc


def _unusable_key(name: str, key: str) -> str:
    # A language key becomes a file-name part or a folder: nothing that could leave the project.
    return f"'{name}': {key!r} is not a usable language key (letters, digits, - and _)"


def _site(root: Path, setting: str | None) -> HugoSite | None:
    """The Hugo site ``hugo_config`` names (its rule has checked the place), found at the root, or none for ""."""
    if setting == "":
        return None
    return read_site(root, root / setting if setting is not None else None)


def _site_folders(site: HugoSite | None, root: Path, data_dir: str) -> SiteFolders:
    """The site's i18n and data folders, and its themes' folders that exist (each inside the project).

    Without a Hugo site, the data folder is the dialect's (``i18n`` for Docusaurus' JSON strings).
    """
    if site is None:
        return SiteFolders(data=data_dir)
    chosen = {"i18ndir": "i18n", "datadir": "data", "themesdir": "themes", **site.folders}
    for name, folder in chosen.items():
        if not inside(root, folder):
            raise ConfigError(f"{name} must be a folder inside the project", site.config_file)
    themes = []
    for theme in site.themes:
        folder = (Path(chosen["themesdir"]) / theme).as_posix()
        # A theme that is a Hugo module, or not there yet, has no folder to read.
        if inside(root, folder) and (root / folder).is_dir():
            themes.append(folder)
    return SiteFolders(chosen["i18ndir"], chosen["datadir"], tuple(themes))


def _site_languages(site: HugoSite | None, root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The site's key and content folder per language code; the first of two keys for one code wins."""
    keys: dict[str, str] = {}
    dirs: dict[str, str] = {}
    if site is None:
        return keys, dirs
    for language in site.languages:
        if not _KEY_RE.fullmatch(language.key):
            raise ConfigError(_unusable_key(f"languages.{language.key}", language.key), site.config_file)
        if language.content_dir and not inside(root, language.content_dir):
            raise ConfigError(f"languages.{language.key}.contentDir must be inside the project", site.config_file)
        keys.setdefault(language.code, language.key)
        if language.content_dir:
            dirs.setdefault(language.code, language.content_dir)
    return keys, dirs
