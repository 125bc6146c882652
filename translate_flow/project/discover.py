"""The project's articles: which files are sources, their targets, and where their outputs go.

Discovery is cheap on purpose: an article whose bytes (and the configuration) are
unchanged since its catalogs were written is recognised from the fingerprint in
its POT header and is not parsed at all. Everything it yields is a frozen value.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from translate_flow.config import Config
from translate_flow.document.article import Article, parse_article, read_article_bytes
from translate_flow.errors import ArticleError, TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement
from translate_flow.project.catalog_names import catalog_name, per_article
from translate_flow.project.exclude import Exclusions
from translate_flow.project.fingerprint import config_fingerprint, group_digest, read_fingerprint, source_digest
from translate_flow.project.groups import sources_of
from translate_flow.project.layout import Layout, layout_for
from translate_flow.project.locale_folders import language_folder
from translate_flow.project.scan import markdown_files
from translate_flow.project.shard import size_of
from translate_flow.reports import Notice

__all__ = ["Discovery", "Source", "Unresolved", "discover", "load_article", "resolve", "select_sources", "shard_rels"]


def po_path(config: Config, catalog: str, language: str) -> Path:
    """The PO file of the catalog named ``catalog`` (``project.catalog_names``) in ``language``."""
    return language_folder(config.locales_path, language) / (catalog + ".po")


def pot_path(config: Config, catalog: str) -> Path:
    """The POT template of the catalog named ``catalog``."""
    return config.locales_path / "templates" / (catalog + ".pot")


@dataclass(frozen=True)
class Source:
    """A source article and what it becomes."""

    path: Path
    """Absolute path of the source file."""
    rel: str
    """Project-relative path (as in PO references)."""
    language: str
    """The article's language."""
    targets: tuple[str, ...]
    """Target languages that have an output (its ``translations`` plus the configured ones, minus its own)."""
    outputs: Mapping[str, Path]
    """Translated article path per target language."""
    digest: str
    """Fingerprint of the source bytes and the settings that shape its catalogs."""
    fresh: bool
    """True when the POT header already carries ``digest``: the catalogs were made from these bytes."""
    stem: str
    """The path within its content (or language) folder, without ``.md``."""
    hint: str | None
    """The language the file's name or folder gives (None: none)."""
    catalog: str
    """The name of the catalog its texts go into (its ``stem`` unless ``catalogs`` groups articles)."""
    article: Article | None = field(default=None, compare=False, repr=False)
    """The parsed article, when discovery had to parse it (so no step parses it twice)."""

    def po_path(self, config: Config, language: str) -> Path:
        return po_path(config, self.catalog, language)

    def pot_path(self, config: Config) -> Path:
        return pot_path(config, self.catalog)

    def catalog_paths(self, config: Config) -> list[Path]:
        return [self.po_path(config, lang) for lang in self.targets] + [self.pot_path(config)]


@dataclass(frozen=True)
class Unresolved:
    """An article discovery did not parse: alone in its group, so nothing else can claim its outputs.

    Extract parses it later, in a worker process (``resolve``), so the main process
    holds no article text.
    """

    path: Path
    """Absolute path of the source file."""
    rel: str
    """Project-relative path."""
    digest: str
    """Fingerprint of the source bytes and the settings."""
    stem: str
    """The path within its content folder, without ``.md``."""
    hint: str | None
    """The language the file's name or folder gives."""
    catalog: str
    """The name of the catalog its texts go into."""

    def pot_path(self, config: Config) -> Path:
        return pot_path(config, self.catalog)


@dataclass(frozen=True)
class Discovery:
    """What a scan of the content directory found."""

    sources: tuple[Source, ...] = ()
    """Source articles, in path order."""
    unresolved: tuple[Unresolved, ...] = ()
    """Articles left for ``resolve`` (only with ``lazy``), in path order."""
    errors: tuple[TranslateFlowError, ...] = ()
    """Files that could not be read, and clashes."""
    notices: tuple[Notice, ...] = ()
    """Files left out on purpose (FIFOs, devices and other non-regular files)."""


def _targets(config: Config, article: Article) -> tuple[str, ...]:
    targets: list[str] = []
    for code in article.translations + config.languages:
        if code != article.language and code not in targets:
            targets.append(code)
    return tuple(targets)


def load_article(config: Config, source: Source | Unresolved) -> Article:
    """The parsed article: the one discovery kept, else read and parsed now."""
    if isinstance(source, Source) and source.article is not None:
        return source.article
    data = read_article_bytes(source.path, config.root, config.max_article_bytes)
    formats = config.math.dialect.front_matter
    return parse_article(data, source.path, source.rel, source.hint or config.source_language, formats)


class _Prober:
    """Learns a file's language and targets, from its POT fingerprint when it is fresh."""

    def __init__(self, config: Config, layout: Layout, errors: list[TranslateFlowError]) -> None:
        self.config = config
        self.layout = layout
        self.settings = config_fingerprint(config)
        self.errors = errors
        self.cache: dict[Path, Source | Unresolved | None] = {}
        self.per_article = per_article(config.catalogs)
        try:
            # Once per discovery: every article read is compared with it.
            self.real_root: Path | None = config.root.resolve()
        except (OSError, RuntimeError):
            self.real_root = None  # each read then resolves it and reports the problem itself

    def probe(self, path: Path, lazy: bool = False) -> Source | Unresolved | None:
        if path not in self.cache:
            self.cache[path] = self._probe(path, lazy)
        return self.cache[path]

    def source(self, path: Path) -> Source | None:
        found = self.probe(path)
        assert not isinstance(found, Unresolved), "only a lazy probe leaves a file unresolved"
        return found

    def _probe(self, path: Path, lazy: bool) -> Source | Unresolved | None:
        config = self.config
        rel = path.relative_to(config.root).as_posix()
        try:
            data = read_article_bytes(path, config.root, config.max_article_bytes, self.real_root)
        except ArticleError as exc:
            self.errors.append(exc)
            return None
        digest = source_digest(self.settings, rel, data)
        _, hint, stem, _ = self.layout.placement(path)
        catalog = catalog_name(config.catalogs, stem)
        if self.per_article:
            # A catalog shared by several articles has one fingerprint for all of them
            # (``shared_freshness``): each article is parsed, and the group judged as one.
            known = read_fingerprint(pot_path(config, catalog))
            if known is not None and known.digest == digest:
                return Source(path, rel, known.language, known.targets, {}, digest, True, stem, hint, catalog)
            if lazy:
                return Unresolved(path, rel, digest, stem, hint, catalog)
        try:
            article = parse_article(data, path, rel, hint or config.source_language, config.math.dialect.front_matter)
        except ArticleError as exc:
            self.errors.append(exc)
            return None
        targets = _targets(config, article)
        return Source(path, rel, article.language, targets, {}, digest, False, stem, hint, catalog, article)


def resolve(config: Config, item: Unresolved) -> Source:
    """Parse an article discovery left unresolved: its language, targets and outputs."""
    article = load_article(config, item)
    layout = layout_for(config)
    excluded = Exclusions(config.exclude)
    outputs = {
        lang: out
        for lang in _targets(config, article)
        if not _excluded(config, excluded, out := layout.output_path(item.path, lang))
    }
    targets = tuple(outputs)  # as for parsed sources: an excluded output keeps no catalog
    source = Source(
        item.path, item.rel, article.language, targets, outputs, item.digest, False, item.stem, item.hint, item.catalog
    )
    confinement = Confinement(config.root)
    for path in [*source.catalog_paths(config), *outputs.values()]:
        confinement.check(path)
    return replace(source, article=article)


def _excluded(config: Config, excluded: Exclusions, out: Path) -> bool:
    return out.is_relative_to(config.root) and excluded.excludes(out.relative_to(config.root).as_posix())


class _Claims:
    """Output paths already claimed, so two sources never write one file."""

    def __init__(self, config: Config, layout: Layout, errors: list[TranslateFlowError]) -> None:
        self.config = config
        self.layout = layout
        self.errors = errors
        self.confinement = Confinement(config.root)
        self.claimed: dict[Path, Path] = {}
        self.excluded = Exclusions(config.exclude)
        self.stems: dict[str, Path] = {}

    def admit(self, source: Source | Unresolved) -> Source | Unresolved | None:
        """The source with the outputs it may write, or None when it must be left out."""
        config = self.config
        # `a.md` and `a.markdown` would share one set of catalogs and overwrite each other.
        twin = self.stems.setdefault(source.stem, source.path)
        if twin != source.path:
            other = twin.relative_to(config.root).as_posix()
            message = f"shares its catalogs with {other} (same name, other extension); rename one"
            self.errors.append(ArticleError(message, source.rel))
            return None
        targets = source.targets if isinstance(source, Source) else ()
        try:
            for path in [source.pot_path(config), *(po_path(config, source.catalog, t) for t in targets)]:
                self.confinement.check(path)
        except UnsafePathError as exc:
            self.errors.append(exc)
            return None
        if isinstance(source, Unresolved):
            return source
        outputs: dict[str, Path] = {}
        for language in source.targets:
            out = self.layout.output_path(source.path, language)
            if _excluded(config, self.excluded, out):
                continue  # an excluded output is not written, so its catalog is not kept either
            if self.claimed.get(out, source.path) != source.path:
                other = self.claimed[out].relative_to(config.root).as_posix()
                where = out.relative_to(config.root).as_posix()
                self.errors.append(ArticleError(f"would write {where}, which {other} writes too", source.rel))
                continue
            try:
                self.confinement.check(out)
            except UnsafePathError as exc:
                self.errors.append(exc)
                continue
            self.claimed[out] = source.path
            outputs[language] = out
        return replace(source, outputs=outputs, targets=tuple(outputs))


def discover(config: Config, lazy: bool = False) -> Discovery:
    """Classify every Markdown file under the content directory.

    With ``lazy``, an article alone in its group whose catalogs are not fresh is not
    parsed here: nothing else can claim its outputs, so ``resolve`` can do it later.
    """
    errors: list[TranslateFlowError] = []
    notices: list[Notice] = []
    layout = layout_for(config)
    prober = _Prober(config, layout, errors)
    groups: dict[str, list[tuple[Path, str | None]]] = {}
    for path in markdown_files(config, layout, notices, errors):
        placement = layout.placement(path)
        groups.setdefault(placement.group, []).append((path, placement.hint))
    claims = _Claims(config, layout, errors)
    sources: list[Source] = []
    unresolved: list[Unresolved] = []
    orphans: dict[Path, list[Path]] = {}
    for _, members in sorted(groups.items()):
        decided = sources_of(members, prober.source, layout)
        for path in decided.orphans:
            orphans.setdefault(layout.folder_of(path), []).append(path)
        lone = prober.probe(decided.lone, lazy) if decided.lone is not None else None
        for found in [*decided.sources, *([lone] if lone else [])]:
            admitted = claims.admit(found)
            if isinstance(admitted, Source):
                sources.append(admitted)
            elif admitted is not None:
                unresolved.append(admitted)
    notices.extend(_not_sources(config, layout, orphans))
    if not prober.per_article:
        sources = shared_freshness(config, sources)
    return Discovery(
        tuple(sorted(sources, key=lambda s: s.path)),
        tuple(sorted(unresolved, key=lambda s: s.path)),
        tuple(errors),
        tuple(notices),
    )


def _not_sources(config: Config, layout: Layout, orphans: Mapping[Path, list[Path]]) -> Iterator[Notice]:
    """One notice per language folder whose pages have no source, so fifty pages make one line."""
    where = layout.source_folder().relative_to(config.root).as_posix()
    for folder, paths in sorted(orphans.items()):
        rels = [path.relative_to(config.root).as_posix() for path in sorted(paths)]
        shown = ", ".join(rels[:3]) + (", …" if len(rels) > 3 else "")
        pages = "1 page exists" if len(rels) == 1 else f"{len(rels)} pages exist"
        yield Notice(
            folder.relative_to(config.root).as_posix(),
            None,
            f"not a source: {pages} only in this language's folder, not in {where} ({shown}); left as they are",
        )


def shared_freshness(config: Config, sources: Sequence[Source]) -> list[Source]:
    """Sources marked fresh when their shared catalog's template carries the digest of the
    whole group: one changed article makes the whole catalog be planned again."""
    groups: dict[str, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.catalog, []).append(source)
    marked: list[Source] = []
    for catalog, members in groups.items():
        known = read_fingerprint(pot_path(config, catalog))
        fresh = known is not None and known.digest == group_digest((m.rel, m.digest) for m in members)
        marked.extend(replace(member, fresh=fresh) for member in members)
    return marked


_Item = TypeVar("_Item", Source, Unresolved)


def select_sources(items: Sequence[_Item], paths: Iterable[Path], shard: Collection[str] | None = None) -> list[_Item]:
    """The items at or below the given paths (all of them when none are given), and in ``shard``."""
    wanted = [p.resolve() for p in paths]
    chosen = [s for s in items if shard is None or s.rel in shard]
    if not wanted:
        return chosen
    return [s for s in chosen if any(s.path == w or w in s.path.parents for w in wanted)]


def shard_rels(config: Config, discovery: Discovery) -> frozenset[str] | None:
    """The articles in this run's shard (``config.shard``), by name; None when the run is not sharded.

    The unit is a catalog (articles that share one, with ``catalogs``, stay together), and the
    split is made over every article discovery found, resolved or not, so that extract (which
    resolves some articles later) and merge pick the same ones.
    """
    if config.shard is None:
        return None
    sizes: dict[str, int] = {}
    members: dict[str, list[str]] = {}
    items: list[Source | Unresolved] = [*discovery.sources, *discovery.unresolved]
    for item in items:
        sizes[item.catalog] = sizes.get(item.catalog, 0) + size_of([item.path])
        members.setdefault(item.catalog, []).append(item.rel)
    return frozenset(rel for catalog in config.shard.pick(sizes) for rel in members[catalog])


def target_catalogs(
    config: Config, sources: Iterable[Source], languages: Collection[str] = ()
) -> Iterator[tuple[Source, str, Path, str]]:
    """(source, target language, PO path, its project-relative name) for each wanted target."""
    for source in sources:
        for language in source.targets:
            if languages and language not in languages:
                continue
            path = source.po_path(config, language)
            yield source, language, path, path.relative_to(config.root).as_posix()
