"""Findings about the site as a whole: target languages Hugo does not know, and folders
under ``locales/`` that hold no target language's catalogs.

Hugo publishes ``post.es.md`` as one more page of the default language when ``es`` is
not one of its languages, so a translation made for it doubles pages instead of
translating them. The check says so; it is a warning unless ``fail_on`` names ``site``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from translate_flow.config import Config
from translate_flow.config.hugo import read_site
from translate_flow.lazy import lazy
from translate_flow.project.discover import Source
from translate_flow.project.locale_folders import stray_folders
from translate_flow.resources.discover import resource_targets

# Extract and merge ask for these findings on every run; most runs have none to make.
if TYPE_CHECKING:
    from translate_flow.qa.finding import Finding
else:
    Finding = lazy("translate_flow.qa.finding:Finding")

__all__ = ["hugo_language_findings", "locale_folder_findings", "project_targets"]


def project_targets(config: Config, sources: Iterable[Source]) -> set[str]:
    """Every language the project translates into: configured, the articles' own, and the resources'."""
    found = {*config.languages, *resource_targets(config)}
    for source in sources:
        found.update(source.targets)
    return found


def locale_folder_findings(config: Config, targets: Collection[str]) -> Iterator[Finding]:
    """One warning per folder under the locales folder that holds no target language's catalogs
    (not one per file in it: the folder is the mistake)."""
    prefix = config.locales_path.relative_to(config.root).as_posix()
    for name, why in stray_folders(config.locales_path, targets):
        yield Finding(f"{prefix}/{name}", None, "locale-folder", "site", why)


def hugo_language_findings(config: Config, targets: Iterable[str]) -> Iterator[Finding]:
    """One finding per target language that the project's Hugo configuration does not define."""
    if config.hugo_config is None:
        return
    site = read_site(config.root, config.root / config.hugo_config)
    if site is None:
        return
    known = {language.code for language in site.languages} | {site.default_code}
    for code in sorted(set(targets) - known):
        key = config.language_keys.get(code, code)
        yield Finding(
            config.hugo_config,
            None,
            "hugo-language",
            "site",
            f"{code} is not a language of the Hugo site: Hugo would publish its pages as extra "
            f"{site.default_code} pages; add a `{key}` entry under languages",
            code,
        )
