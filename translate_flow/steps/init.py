"""init: write a commented translate-flow.toml that fits the project and its Hugo site."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translate_flow.config.generator import Generator, detect_generator
from translate_flow.config.hugo import HugoSite, default_layout, default_source_language, read_site
from translate_flow.config.load import CONFIG_NAME, find_config_file
from translate_flow.config.template import render_init
from translate_flow.errors import ConfigError, TranslateFlowError
from translate_flow.fsutil import atomic_write_bytes
from translate_flow.languages import parse_language


@dataclass(frozen=True)
class InitReport:
    """What init wrote, and what it chose."""

    path: Path
    """The config file written (``root / translate-flow.toml``)."""
    hugo_config: str | None
    """The Hugo configuration the choices came from, relative to the root; None without a Hugo site."""
    source_language: str
    """The source language written (canonical code)."""
    languages: tuple[str, ...]
    """The target languages written (canonical codes)."""
    layout: str
    """The layout written."""
    kept: tuple[str, ...] = ()
    """The site's languages written besides the ones asked for (canonical codes)."""
    dialect: str = "hugo"
    """The Markdown dialect written."""
    site_config: str | None = None
    """The other generator's configuration the dialect came from (``mkdocs.yml``), relative to the root."""


def init(
    root: Path, source_language: str | None = None, languages: Sequence[str] = (), *, force: bool = False
) -> InitReport:
    """Write ``root/translate-flow.toml``, commented, with every setting at its default.

    The source language, the target languages and the layout come from the arguments,
    else from the Hugo site at ``root`` (its default language, its other languages, and
    the directory layout when its languages have content folders), else the defaults.
    Languages asked for are added to the site's other languages, never put in their place:
    leaving one out would make its pages look like sources.
    Without ``force``, an existing translate-flow.toml or a ``[tool.translate-flow]``
    table in pyproject.toml is left alone and ConfigError is raised. A file that cannot
    be written raises TranslateFlowError.
    """
    target = root / CONFIG_NAME
    if not force:
        if target.exists():
            raise ConfigError("already exists; use --force to replace it", target)
        if find_config_file(root) is not None:
            raise ConfigError("pyproject.toml already configures translate-flow", root / "pyproject.toml")
    site = read_site(root)
    other = detect_generator(root) if site is None else None
    if source_language:
        source = _code(source_language)
    elif other is not None and other.source_language:
        source = other.source_language
    else:
        source = default_source_language(site)
    kept = _site_targets(site, source) if other is None else _other_targets(other, source)
    targets = tuple(dict.fromkeys((*kept, *_asked(languages))))
    layout = (other.layout if other is not None else None) or default_layout(site)
    hugo = site.config_file.relative_to(root).as_posix() if site is not None else None
    dialect = other.dialect if other is not None else "hugo"
    content = (other.content_dir if other is not None else None) or "content"
    told = other.config_file if other is not None else None
    exclude = other.exclude if other is not None else ()
    data_files = dict(other.data_files) if other is not None else {}
    text = render_init(
        source,
        targets,
        layout,
        hugo,
        dialect=dialect,
        content_dir=content,
        exclude=exclude,
        data_files=data_files,
        site_config=told,
    )
    try:
        atomic_write_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        raise TranslateFlowError(f"cannot write: {exc.strerror or exc}", target) from exc
    asked = set(_asked(languages))
    extra = tuple(c for c in kept if c not in asked) if asked else ()
    return InitReport(target, hugo, source, targets, layout, extra, dialect, told)


def _asked(languages: Sequence[str]) -> tuple[str, ...]:
    # A lone string is one code, not a sequence of one-letter codes.
    asked = (languages,) if isinstance(languages, str) else languages
    return tuple(dict.fromkeys(_code(code) for code in asked))


def _site_targets(site: HugoSite | None, source: str) -> tuple[str, ...]:
    """The Hugo site's languages other than the source."""
    if site is None:
        return ()
    return tuple(dict.fromkeys(language.code for language in site.languages if language.code != source))


def _other_targets(other: Generator, source: str) -> tuple[str, ...]:
    """Another generator's languages other than the source."""
    return tuple(code for code in other.languages if code != source)


def _code(code: str) -> str:
    try:
        return parse_language(code).code
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
