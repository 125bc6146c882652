"""The settings of a project as the rest of the code reads them: frozen dataclasses.

Every default comes from the schema (``schema.py``), where the TOML key, its rule and
its comment in the init template are declared with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate_flow.config import schema
from translate_flow.config.compendium import Compendium
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams

if TYPE_CHECKING:
    from translate_flow.project.shard import Shard


@dataclass(frozen=True)
class PretranslateSettings:
    """The ``[pretranslate]`` table."""

    engines: tuple[str, ...] = schema.PRE_ENGINES.default
    """Engines tried in order for each text."""
    timeout: float = schema.PRE_TIMEOUT.default
    """Seconds one request may take."""
    retries: int = schema.PRE_RETRIES.default
    """Retries of a request that failed in a way worth retrying (timeout, 429, 5xx)."""
    backoff: float = schema.PRE_BACKOFF.default
    """Seconds before the first retry; doubled for each further one."""
    jobs: int = schema.PRE_JOBS.default
    """Requests in flight at once."""
    rate_limit: float = schema.PRE_RATE_LIMIT.default
    """Requests per second per engine; 0 for no limit."""
    cache: str = schema.PRE_CACHE.default
    """The SQLite cache of engine results, relative to the project root."""


@dataclass(frozen=True)
class CheckSettings:
    """The ``[check]`` table: the CI gate."""

    fail_on: tuple[str, ...] = schema.CHECK_FAIL_ON.default
    """Categories or check names that fail the gate; empty means the default set."""
    min_percent: float = schema.CHECK_MIN_PERCENT.default
    """Untranslated and fuzzy entries fail a file only while it is below this share."""
    language_min_percent: dict[str, float] = field(default_factory=dict)
    """``[check.languages.<lang>] min_percent`` overrides."""
    disable: tuple[str, ...] = schema.CHECK_DISABLE.default
    """Check names switched off for the whole project."""


@dataclass(frozen=True)
class I18nSettings:
    """The ``[i18n]`` table: Hugo's string tables."""

    translate: bool = schema.I18N_TRANSLATE.default
    """Whether the source language's i18n tables are translated."""
    themes: bool = schema.I18N_THEMES.default
    """Whether the tables of the site's themes are translated too."""


@dataclass(frozen=True)
class DataSettings:
    """The ``[data]`` table: which data files and values are translated, and where they go."""

    output: str = schema.DATA_OUTPUT.default
    """``suffix`` (``termbase.<lang>.yaml``) or ``folder`` (``<lang>/termbase.yaml``)."""
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Glob relative to the data folder → dotted key paths whose values are translated."""


@dataclass(frozen=True)
class SiteSettings:
    """The ``[site]`` table: strings from the Hugo configuration."""

    translate: bool = schema.SITE_TRANSLATE.default
    """Whether the site title, the params below and menu entry names are translated."""
    params: tuple[str, ...] = schema.SITE_PARAMS.default
    """Dotted keys under ``params`` whose values are translated."""


@dataclass(frozen=True)
class SiteFolders:
    """Where the Hugo site keeps what is not content (Hugo's ``i18nDir``, ``dataDir``, themes)."""

    i18n: str = "i18n"
    """The site's i18n folder, relative to the root."""
    data: str = "data"
    """The site's data folder, relative to the root."""
    themes: tuple[str, ...] = ()
    """The folders of the themes the site names that exist, highest precedence first."""


@dataclass(frozen=True)
class Config:
    """Settings of one project; every path is resolved against ``root``."""

    root: Path
    """The project root (``-C DIR``, else the current directory)."""
    source: Path | None = None
    """The file the settings came from, or None when defaults apply."""
    content_dir: str = schema.CONTENT_DIR.default
    """Where the source articles live, relative to the root."""
    locales_dir: str = schema.LOCALES_DIR.default
    """Where PO files and POT templates are written, relative to the root."""
    source_language: str = schema.SOURCE_LANGUAGE.default
    """Language of an article that states none (canonical code)."""
    languages: tuple[str, ...] = schema.LANGUAGES.default
    """Target languages of every article (canonical codes)."""
    layout: str = schema.LAYOUT.default
    """How translated articles are named: ``post.md`` → ``post.<lang>.md``."""
    dialect: str = schema.DIALECT.default
    """The site's Markdown dialect (``hugo``, ``mkdocs``…); ``math`` carries its rules."""
    exclude: tuple[str, ...] = schema.EXCLUDE.default
    """Globs of the files and folders left alone, relative to the root (``[exclude]`` and ``--exclude``)."""
    catalogs: str = schema.CATALOGS.default
    """Which PO file holds an article's texts: ``article``, ``section``, ``language`` or a template."""
    min_percent: float = schema.MIN_PERCENT.default
    """Merge writes an article only when this share of its segments is translated."""
    wrap: int = schema.WRAP.default
    """PO line width; 0 keeps every string on one line for clean diffs."""
    wrap_explicit: bool = False
    """Whether the settings name ``wrap``: then every catalog is written at that width;
    otherwise an existing file keeps the width it was saved with (``catalog.wrap_width``)."""
    front_matter_keys: tuple[str, ...] = schema.FRONT_MATTER_TRANSLATE.default
    """Dotted front-matter keys whose string values are translated."""
    project_name: str = schema.PROJECT_NAME.default
    """Project-Id-Version of the PO files; defaults to the root's name."""
    fuzzy_threshold: float = schema.FUZZY_THRESHOLD.default
    """How similar (0–1) an old text must be for its translation to carry over as fuzzy."""
    lock_timeout: float = schema.LOCK_TIMEOUT.default
    """Seconds a run waits for another run's project lock before giving up."""
    pretranslate: PretranslateSettings = field(default_factory=PretranslateSettings)
    """Settings of the machine-translation step."""
    engines: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-engine settings (``[engines.NAME]`` tables), checked by each engine when it loads."""
    compendium: Compendium = field(default_factory=Compendium)
    """The compendium of each target language (``[engines.memory] compendium``), for extract and the memory engine."""
    check: CheckSettings = field(default_factory=CheckSettings)
    """Settings of the CI gate."""
    language_keys: dict[str, str] = field(default_factory=dict)
    """Site language key per language code (``zh-CN`` → ``zh-cn``): Hugo's, overridden by ``[language_keys]``."""
    language_dirs: dict[str, str] = field(default_factory=dict)
    """Content directory per language code for the directory layout (Hugo's ``contentDir``, or ``[content_dirs]``)."""
    hugo_config: str | None = schema.HUGO_CONFIG.default
    """The Hugo site configuration the language keys came from, if any."""
    max_article_bytes: int = schema.MAX_ARTICLE_BYTES.default
    """Larger articles are refused (naming this limit) rather than slowing every run."""
    glossary: str | None = schema.GLOSSARY.default
    """The glossary file (CSV or TBX), relative to the root, or None."""
    math: Markup = DEFAULT_MATH
    """The markup never translated: the dialect's, and maths (Hugo's passthrough setting)."""
    shortcodes: ShortcodeParams = BUILT_IN
    """The translatable parameters of each shortcode: the built-in ones, as ``[shortcodes]`` changes them."""
    i18n: I18nSettings = field(default_factory=I18nSettings)
    """Settings of Hugo's i18n string tables."""
    data: DataSettings = field(default_factory=DataSettings)
    """Settings of the data files."""
    site: SiteSettings = field(default_factory=SiteSettings)
    """Settings of the site strings."""
    folders: SiteFolders = field(default_factory=SiteFolders)
    """The Hugo site's i18n, data and theme folders."""
    shard: Shard | None = None
    """This run's part of the project (``--shard K/N``), or None for all of it; not a setting of the file."""

    # Cached: discovery asks for them a few times per article, and a frozen Config cannot change.
    @cached_property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @cached_property
    def locales_path(self) -> Path:
        return self.root / self.locales_dir
