"""Project configuration: ``translate-flow.toml`` or ``[tool.translate-flow]`` in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translate_flow.document.hugo_markup import DEFAULT_MATH, MathDelimiters
from translate_flow.errors import ConfigError
from translate_flow.languages import parse_language
from translate_flow.qa.names import CATEGORIES, ENTRY_CHECKS
from translate_flow.textutil import toml_error

CONFIG_NAME = "translate-flow.toml"

DEFAULT_FRONT_MATTER_KEYS = ("title", "linkTitle", "summary", "description")


@dataclass(frozen=True)
class PretranslateSettings:
    """The ``[pretranslate]`` table."""

    engines: tuple[str, ...] = ("memory",)
    """Engines tried in order for each text."""
    timeout: float = 30.0
    """Seconds one request may take."""
    retries: int = 3
    """Retries of a request that failed in a way worth retrying (timeout, 429, 5xx)."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one."""
    jobs: int = 4
    """Requests in flight at once."""
    rate_limit: float = 0.0
    """Requests per second per engine; 0 for no limit."""
    cache: str = ".translate-flow/mt-cache.sqlite3"
    """The SQLite cache of engine results, relative to the project root."""


@dataclass(frozen=True)
class CheckSettings:
    """The ``[check]`` table: the CI gate."""

    fail_on: tuple[str, ...] = ()
    """Categories or check names that fail the gate; empty means the default set."""
    min_percent: float = 100.0
    """Untranslated and fuzzy entries fail a file only while it is below this share."""
    language_min_percent: dict[str, float] = field(default_factory=dict)
    """``[check.languages.<lang>] min_percent`` overrides."""
    disable: tuple[str, ...] = ()
    """Check names switched off for the whole project."""


@dataclass(frozen=True)
class Config:
    """Settings of one project; every path is resolved against ``root``."""

    root: Path
    """The project root (``-C DIR``, else the current directory)."""
    source: Path | None = None
    """The file the settings came from, or None when defaults apply."""
    content_dir: str = "content"
    """Where the source articles live, relative to the root."""
    locales_dir: str = "locales"
    """Where PO files and POT templates are written, relative to the root."""
    source_language: str = "en"
    """Language of an article that states none (canonical code)."""
    languages: tuple[str, ...] = ()
    """Target languages of every article (canonical codes)."""
    layout: str = "filename"
    """How translated articles are named: ``post.md`` → ``post.<lang>.md``."""
    min_percent: float = 80.0
    """Merge writes an article only when this share of its segments is translated."""
    wrap: int = 0
    """PO line width; 0 keeps every string on one line for clean diffs."""
    front_matter_keys: tuple[str, ...] = DEFAULT_FRONT_MATTER_KEYS
    """Dotted front-matter keys whose string values are translated."""
    project_name: str = ""
    """Project-Id-Version of the PO files; defaults to the root's name."""
    fuzzy_threshold: float = 0.6
    """How similar (0–1) an old text must be for its translation to carry over as fuzzy."""
    lock_timeout: float = 10.0
    """Seconds a run waits for another run's project lock before giving up."""
    pretranslate: PretranslateSettings = field(default_factory=lambda: PretranslateSettings())
    """Settings of the machine-translation step."""
    engines: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-engine settings (``[engines.NAME]`` tables), checked by each engine when it loads."""
    check: CheckSettings = field(default_factory=lambda: CheckSettings())
    """Settings of the CI gate."""
    language_keys: dict[str, str] = field(default_factory=dict)
    """Site language key per language code (``zh-CN`` → ``zh-cn``): Hugo's, overridden by ``[language_keys]``."""
    language_dirs: dict[str, str] = field(default_factory=dict)
    """Content directory per language code for the directory layout (Hugo's ``contentDir``, or ``[content_dirs]``)."""
    hugo_config: str | None = None
    """The Hugo site configuration the language keys came from, if any."""
    max_article_bytes: int = 10 * 1024 * 1024
    """Larger articles are refused (naming this limit) rather than slowing every run."""
    math: MathDelimiters = DEFAULT_MATH
    """Maths delimiters (Hugo's passthrough setting): maths is never translated."""

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def locales_path(self) -> Path:
        return self.root / self.locales_dir


# key -> (expected python types, human description)
_TOP_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "content_dir": ((str,), "a string"),
    "locales_dir": ((str,), "a string"),
    "source_language": ((str,), "a string"),
    "languages": ((list,), "a list of strings"),
    "layout": ((str,), "a string"),
    "min_percent": ((int, float), "a number"),
    "wrap": ((int,), "an integer"),
    "project_name": ((str,), "a string"),
    "fuzzy_threshold": ((int, float), "a number"),
    "lock_timeout": ((int, float), "a number"),
    "front_matter": ((dict,), "a table"),
    "pretranslate": ((dict,), "a table"),
    "engines": ((dict,), "a table"),
    "check": ((dict,), "a table"),
    "language_keys": ((dict,), "a table"),
    "content_dirs": ((dict,), "a table"),
    "hugo_config": ((str,), "a string"),
    "max_article_bytes": ((int,), "an integer"),
}
_CHECK_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "fail_on": ((list,), "a list of strings"),
    "min_percent": ((int, float), "a number"),
    "disable": ((list,), "a list of strings"),
    "languages": ((dict,), "a table"),
}
_PRETRANSLATE_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "engines": ((list,), "a list of strings"),
    "timeout": ((int, float), "a number"),
    "retries": ((int,), "an integer"),
    "backoff": ((int, float), "a number"),
    "jobs": ((int,), "an integer"),
    "rate_limit": ((int, float), "a number"),
    "cache": ((str,), "a string"),
}
_FRONT_MATTER_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "translate": ((list,), "a list of strings"),
}
LAYOUTS = ("filename", "directory")


def _key_line(text: str, key: str) -> int | None:
    """1-based line where ``key`` is assigned, for error messages (tomllib gives none)."""
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1


def _check_table(
    table: dict[str, Any],
    schema: dict[str, tuple[tuple[type, ...], str]],
    prefix: str,
    path: Path,
    text: str,
) -> None:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if key not in schema:
            raise ConfigError(f"unknown key '{name}'", path, _key_line(text, key))
        types, description = schema[key]
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            raise ConfigError(f"'{name}' must be {description}", path, _key_line(text, key))
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"'{name}' must be {description}", path, _key_line(text, key))


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
    """The config file of ``root`` and its settings table, or None."""
    own = root / CONFIG_NAME
    if own.is_file():
        data, text = _read_toml(own)
        return own, data, text
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        data, text = _read_toml(pyproject)
        table = data.get("tool", {}).get("translate-flow")
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
    found = find_config_file(root)
    path, table, text = found if found is not None else (root / CONFIG_NAME, {}, "")
    _check_table(table, _TOP_KEYS, "", path, text)
    fm = table.get("front_matter", {})
    _check_table(fm, _FRONT_MATTER_KEYS, "front_matter.", path, text)

    def language(value: str, key: str) -> str:
        try:
            return parse_language(value).code
        except ValueError as exc:
            raise ConfigError(f"'{key}': {exc}", path, _key_line(text, key)) from exc

    site = _hugo_site(root, table, path, text)
    keys: dict[str, str] = {}
    dirs: dict[str, str] = {}
    if site is not None:
        for hugo_language in site.languages:
            keys.setdefault(hugo_language.code, hugo_language.key)
            if hugo_language.content_dir:
                dirs.setdefault(hugo_language.code, hugo_language.content_dir)
    if site is not None:
        for hugo_language in site.languages:
            _check_key(hugo_language.key, site.config_file, f"languages.{hugo_language.key}")
            if hugo_language.content_dir and not _inside(root, hugo_language.content_dir):
                raise ConfigError(
                    f"languages.{hugo_language.key}.contentDir must be inside the project", site.config_file
                )
    for table_name, target in (("language_keys", keys), ("content_dirs", dirs)):
        for code, value in table.get(table_name, {}).items():
            if not isinstance(value, str) or not value:
                raise ConfigError(f"'{table_name}.{code}' must be a string", path, _key_line(text, code))
            if table_name == "content_dirs" and not _inside(root, value):
                raise ConfigError(
                    f"'content_dirs.{code}' must be a relative path inside the project", path, _key_line(text, code)
                )
            if table_name == "language_keys":
                _check_key(value, path, f"language_keys.{code}", _key_line(text, code))
            target[language(code, table_name)] = value
    default_layout = "directory" if site is not None and site.uses_directories else "filename"
    layout = table.get("layout", default_layout)
    if layout not in LAYOUTS:
        raise ConfigError(
            f"'layout' must be one of {', '.join(LAYOUTS)}, not {layout!r}", path, _key_line(text, "layout")
        )
    min_percent = float(table.get("min_percent", 80))
    if not 0 <= min_percent <= 100:
        raise ConfigError("'min_percent' must be between 0 and 100", path, _key_line(text, "min_percent"))
    wrap = table.get("wrap", 0)
    if wrap < 0 or 0 < wrap < MIN_WRAP:
        raise ConfigError(
            f"'wrap' must be 0 (no wrapping) or a width of at least {MIN_WRAP}", path, _key_line(text, "wrap")
        )
    pre = table.get("pretranslate", {})
    _check_table(pre, _PRETRANSLATE_KEYS, "pretranslate.", path, text)
    for key in ("timeout", "retries", "backoff", "jobs", "rate_limit"):
        if key in pre and (pre[key] < 0 or (key in ("timeout", "jobs") and pre[key] == 0)):
            raise ConfigError(f"'pretranslate.{key}' is out of range", path, _key_line(text, key))
    if "cache" in pre and (Path(pre["cache"]).is_absolute() or ".." in Path(pre["cache"]).parts):
        raise ConfigError(
            "'pretranslate.cache' must be a relative path inside the project", path, _key_line(text, "cache")
        )
    engines = table.get("engines", {})
    for name, settings in engines.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"'engines.{name}' must be a table", path, _key_line(text, name))
    pretranslate = PretranslateSettings(
        engines=tuple(pre.get("engines", ("memory",))),
        timeout=float(pre.get("timeout", 30)),
        retries=int(pre.get("retries", 3)),
        backoff=float(pre.get("backoff", 1.0)),
        jobs=int(pre.get("jobs", 4)),
        rate_limit=float(pre.get("rate_limit", 0)),
        cache=pre.get("cache", ".translate-flow/mt-cache.sqlite3"),
    )
    check = _check_settings(table.get("check", {}), path, text, language)
    fuzzy_threshold = float(table.get("fuzzy_threshold", 0.6))
    if not 0 < fuzzy_threshold <= 1:
        raise ConfigError("'fuzzy_threshold' must be above 0 and at most 1", path, _key_line(text, "fuzzy_threshold"))
    lock_timeout = float(table.get("lock_timeout", 10))
    if lock_timeout < 0:
        raise ConfigError("'lock_timeout' must not be negative", path, _key_line(text, "lock_timeout"))
    languages: list[str] = []
    for value in table.get("languages", []):
        code = language(value, "languages")
        if code not in languages:
            languages.append(code)
    for key in ("content_dir", "locales_dir"):
        value = table.get(key, key.split("_")[0] if key == "content_dir" else "locales")
        if not value or not _inside(root, value):
            raise ConfigError(f"'{key}' must be a relative path inside the project", path, _key_line(text, key))
    max_bytes = table.get("max_article_bytes", 10 * 1024 * 1024)
    if not 0 < max_bytes <= MAX_ARTICLE_LIMIT:
        raise ConfigError(
            f"'max_article_bytes' must be between 1 and {MAX_ARTICLE_LIMIT}", path, _key_line(text, "max_article_bytes")
        )
    project_name = table.get("project_name", root.name)
    if any(unicodedata.category(ch) == "Cc" for ch in project_name):
        # It becomes a PO header value: a line break would start a header field of its own.
        raise ConfigError(
            "'project_name' must not hold line breaks or control characters", path, _key_line(text, "project_name")
        )
    return Config(
        root=root,
        source=path if found is not None else None,
        content_dir=table.get("content_dir", "content"),
        locales_dir=table.get("locales_dir", "locales"),
        source_language=language(
            table.get("source_language", site.default_code if site is not None else "en"), "source_language"
        ),
        languages=tuple(languages),
        layout=layout,
        min_percent=min_percent,
        wrap=wrap,
        front_matter_keys=tuple(fm.get("translate", DEFAULT_FRONT_MATTER_KEYS)),
        project_name=project_name,
        fuzzy_threshold=fuzzy_threshold,
        lock_timeout=lock_timeout,
        pretranslate=pretranslate,
        engines=engines,
        check=check,
        language_keys=keys,
        language_dirs=dirs,
        hugo_config=site.config_file.relative_to(root).as_posix() if site is not None else None,
        max_article_bytes=max_bytes,
        math=site.math if site is not None else DEFAULT_MATH,
    )


MIN_WRAP = 20
"""Narrower PO lines cannot hold a keyword and its opening quote (polib fails below a few)."""
MAX_ARTICLE_LIMIT = 1 << 30
"""``max_article_bytes`` can go up to 1 GiB; beyond, a file is no article."""

_KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,34}")


def _check_key(key: str, path: Path, name: str, line: int | None = None) -> None:
    """A language key becomes a file-name part or a folder: nothing that could leave the project."""
    if not _KEY_RE.fullmatch(key):
        raise ConfigError(f"'{name}': {key!r} is not a usable language key (letters, digits, - and _)", path, line)


def _inside(root: Path, relative: str) -> bool:
    """True when ``relative`` names a place inside ``root``, symbolic links resolved."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        return False
    return (root / candidate).resolve().is_relative_to(root.resolve())


def _hugo_site(root: Path, table: dict[str, Any], path: Path, text: str) -> Any:
    from translate_flow.config.hugo import read_site

    setting = table.get("hugo_config")
    if setting == "":
        return None
    if setting is not None:
        if not _inside(root, setting):
            # Reading a file outside the project is as much a leak as writing one.
            raise ConfigError(
                f"'hugo_config': {setting} is not inside the project", path, _key_line(text, "hugo_config")
            )
        target = root / setting
        if not target.is_file():
            raise ConfigError(f"'hugo_config': {setting} does not exist", path, _key_line(text, "hugo_config"))
        return read_site(root, target)
    return read_site(root)


def _check_settings(table: dict[str, Any], path: Path, text: str, language: Any) -> CheckSettings:
    _check_table(table, _CHECK_KEYS, "check.", path, text)
    known = (
        set(CATEGORIES)
        | set(ENTRY_CHECKS)
        | {
            "missing-po",
            "missing-pot",
            "missing-output",
            "outdated-output",
            "po-newline",
            "invalid-po",
            "invalid-article",
        }
    )
    for key in ("fail_on", "disable"):
        for name in table.get(key, []):
            if name not in known:
                raise ConfigError(f"'check.{key}': unknown check {name!r}", path, _key_line(text, key))
    min_percent = float(table.get("min_percent", 100))
    overrides: dict[str, float] = {}
    for code, sub in table.get("languages", {}).items():
        if (
            not isinstance(sub, dict)
            or set(sub) - {"min_percent"}
            or not isinstance(sub.get("min_percent"), (int, float))
        ):
            raise ConfigError(
                f"'check.languages.{code}' must be a table with a number 'min_percent'",
                path,
                _key_line(text, "min_percent"),
            )
        overrides[language(code, "check.languages")] = float(sub["min_percent"])
    return CheckSettings(tuple(table.get("fail_on", ())), min_percent, overrides, tuple(table.get("disable", ())))


INIT_TEMPLATE = """\
# translate-flow configuration. Every key is optional; the values shown are the defaults
# unless marked otherwise.
{hugo_note}
# Where the source articles live, relative to this file.
content_dir = "content"

# Where PO files (locales/<lang>/…) and POT templates (locales/templates/…) go.
locales_dir = "locales"

# Language of articles whose front matter has no `lang` and whose file name has no
# language suffix (post.fr.md).
source_language = "{source_language}"

# Target languages of every article, in addition to each article's own
# `translations` front-matter list. An article is never translated into its own language.
languages = {languages}

# "filename": post.md is translated to post.<lang>.md beside it.
# "directory": content/<source key>/post.md is translated to content/<target key>/post.md.
layout = "{layout}"

# merge writes a translated article only when at least this percentage of its
# segments is translated (fuzzy entries count as untranslated).
min_percent = 80

# PO line width. 0 keeps each string on one line, which gives the cleanest diffs.
wrap = 0

# When a text changes, the most similar old translation (0-1 character similarity)
# is kept as fuzzy, with the previous msgid, as msgmerge does.
fuzzy_threshold = 0.6

# Seconds to wait for another translate-flow run on this project to finish.
lock_timeout = 10

[pretranslate]
# Machine-translation engines tried in order for each empty entry. Drafts are always
# marked fuzzy. Built in: memory, apertium, google, mymemory, deepl, microsoft, libre,
# yandex, papago, baidu, chatgpt.
engines = ["memory"]
timeout = 30        # seconds per request
retries = 3         # for timeouts, HTTP 429 and 5xx, with exponential backoff
jobs = 4            # requests in flight at once
rate_limit = 0      # requests per second per engine (0: no limit)
cache = ".translate-flow/mt-cache.sqlite3"

# Per-engine settings. API keys are never written here: name the environment
# variable that holds them.
# [engines.deepl]
# api_key_env = "DEEPL_API_KEY"
# [engines.libre]
# url = "https://libretranslate.example.org/"
# api_key_env = "LIBRE_API_KEY"
# [engines.memory]
# threshold = 0.75
# compendium = "compendium.po"

[front_matter]
# Front-matter keys whose values are translated; dotted paths reach nested keys
# (e.g. "params.subtitle"). Lists of strings are translated item by item.
translate = ["title", "linkTitle", "summary", "description"]
"""


def render_init(
    source_language: str = "en",
    languages: tuple[str, ...] = (),
    layout: str = "filename",
    hugo_config: str | None = None,
) -> str:
    """The commented config that ``translate-flow init`` writes."""
    langs = "[" + ", ".join(f'"{code}"' for code in languages) + "]"
    note = ""
    if hugo_config:
        note = (
            f"#\n# Written for the Hugo site configured in {hugo_config}: its languages, their keys\n"
            "# (file-name suffixes and folder names) and content directories are read from there\n"
            '# on every run. Map a code to a different key with [language_keys], e.g. "zh-CN" = "zh-cn".\n'
        )
    return INIT_TEMPLATE.format(source_language=source_language, languages=langs, layout=layout, hugo_note=note)
