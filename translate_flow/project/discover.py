"""The project's articles: which files are sources, their targets, and where their outputs go.

Discovery is cheap on purpose: an article whose bytes (and the configuration) are
unchanged since its catalogs were written is recognised from the fingerprint in
its POT header and is not parsed at all.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translate_flow import __version__
from translate_flow.config.load import Config
from translate_flow.document.article import MARKDOWN_SUFFIXES, Article, parse_article, read_article_bytes
from translate_flow.errors import ArticleError, ConfigError, TranslateFlowError, UnsafePathError
from translate_flow.fsutil import Confinement, read_head
from translate_flow.project.layout import Layout
from translate_flow.reports import Notice

HASH_FIELD = "X-Translate-Flow-Source"
LANGUAGE_FIELD = "X-Translate-Flow-Language"
TARGETS_FIELD = "X-Translate-Flow-Targets"


@dataclass
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
    outputs: dict[str, Path]
    """Translated article path per target language."""
    digest: str
    """Fingerprint of the source bytes and the settings that shape its catalogs."""
    fresh: bool
    """True when the POT header already carries ``digest``: the catalogs were made from these bytes."""
    stem: str
    """Catalog name: the path within its content (or language) folder, without ``.md``."""
    hint: str | None
    """The language the file's name or folder gives (None: none)."""
    resolved: bool = True
    """False while language, targets and outputs wait for the article to be parsed (``resolve``)."""
    data: bytes | None = None
    """The raw bytes, kept only until parsed."""
    _article: Article | None = None

    def article(self, config: Config) -> Article:
        """The parsed article (parsed on first use)."""
        if self._article is None:
            data = (
                self.data
                if self.data is not None
                else read_article_bytes(self.path, config.root, config.max_article_bytes)
            )
            self._article = parse_article(data, self.path, self.rel, self.hint or config.source_language)
            self.data = None
        return self._article

    def po_path(self, config: Config, language: str) -> Path:
        return config.locales_path / language / (self.stem + ".po")

    def pot_path(self, config: Config) -> Path:
        return config.locales_path / "templates" / (self.stem + ".pot")

    def catalog_paths(self, config: Config) -> list[Path]:
        return [self.po_path(config, lang) for lang in self.targets] + [self.pot_path(config)]


@dataclass
class Discovery:
    """What a scan of the content directory found."""

    sources: list[Source] = field(default_factory=list)
    """Source articles, in path order."""
    errors: list[TranslateFlowError] = field(default_factory=list)
    """Files that could not be read, and clashes."""
    notices: list[Notice] = field(default_factory=list)
    """Files left out on purpose (FIFOs, devices and other non-regular files)."""


def _name_problem(path: Path, root: Path) -> ArticleError | None:
    """A name no PO reference can hold: not UTF-8, or with a line break in it."""
    rel = os.fsencode(path.relative_to(root)).decode("utf-8", "replace")
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return ArticleError("the file name is not valid UTF-8; rename it", rel)
    if any(ch in rel for ch in "\r\n\x85\u2028\u2029"):
        shown = rel.replace("\n", "\\n").replace("\r", "\\r")
        return ArticleError("the file name holds a line break; rename it", shown)
    return None


def markdown_files(
    config: Config, layout: Layout, notices: list[Notice] | None = None, errors: list[TranslateFlowError] | None = None
) -> list[Path]:
    content = config.content_path
    if not content.is_dir():
        raise ConfigError("content directory does not exist", content.relative_to(config.root).as_posix())
    found: set[Path] = set()
    for folder in layout.scan_roots():
        for path in folder.rglob("*"):
            if path.suffix not in MARKDOWN_SUFFIXES or any(
                part.startswith(".") for part in path.relative_to(folder).parts
            ):
                continue
            problem = _name_problem(path, config.root)
            if problem is not None:
                if errors is not None:
                    errors.append(problem)
                continue
            if path.is_file() or path.is_symlink():
                found.add(path)
            elif not path.is_dir() and notices is not None:
                # Opening a FIFO would wait for a writer forever.
                rel = path.relative_to(config.root).as_posix()
                notices.append(Notice(rel, None, "skipped: not a regular file"))
    return sorted(found)


def config_fingerprint(config: Config) -> bytes:
    """Everything besides the article's bytes that changes what extract writes."""
    parts = [
        __version__,
        config.content_dir,
        config.locales_dir,
        config.source_language,
        ",".join(config.languages),
        ",".join(config.front_matter_keys),
        str(config.wrap),
        config.project_name,
        config.layout,
        ",".join(f"{k}={v}" for k, v in sorted(config.language_keys.items())),
        ",".join(f"{k}={v}" for k, v in sorted(config.language_dirs.items())),
        repr(config.math),
    ]
    return "\x00".join(parts).encode("utf-8")


_HEADER_FIELD = re.compile(r'^"(X-Translate-Flow-[A-Za-z]+): ([^"\\]*)\\n"$', re.MULTILINE)


def read_fingerprint(pot: Path) -> dict[str, str]:
    """Our fields from a POT header, read from the file's head without parsing the catalog."""
    try:
        head = read_head(pot, 4096).decode("utf-8", "replace")
    except OSError:
        return {}
    end = head.find("\n\n")
    return dict(_HEADER_FIELD.findall(head if end < 0 else head[:end]))


class _Prober:
    """Learns a file's language and targets, from its POT fingerprint when it is fresh."""

    def __init__(self, config: Config, layout: Layout, errors: list[TranslateFlowError]) -> None:
        self.config = config
        self.layout = layout
        self.fingerprint = config_fingerprint(config)
        self.errors = errors
        self.cache: dict[Path, Source | None] = {}

    def probe(self, path: Path, lazy: bool = False) -> Source | None:
        if path not in self.cache:
            self.cache[path] = self._probe(path, lazy)
        return self.cache[path]

    def _probe(self, path: Path, lazy: bool) -> Source | None:
        config = self.config
        rel = path.relative_to(config.root).as_posix()
        try:
            data = read_article_bytes(path, config.root, config.max_article_bytes)
        except ArticleError as exc:
            self.errors.append(exc)
            return None
        digest = hashlib.sha256(self.fingerprint + b"\x00" + rel.encode() + b"\x00" + data).hexdigest()
        _, hint, stem, _ = self.layout.placement(path)
        source = Source(path, rel, "", (), {}, digest, False, stem, hint, data=data)
        known = read_fingerprint(source.pot_path(config))
        if known.get(HASH_FIELD) == digest and LANGUAGE_FIELD in known:
            source.language = known[LANGUAGE_FIELD]
            source.targets = tuple(known.get(TARGETS_FIELD, "").split())
            source.fresh = True
            source.data = None
            return source
        if lazy:
            # Parsed later, in a worker process: only this article's own outputs depend on it.
            # The bytes are read again there, so the main process holds no article text.
            source.resolved = False
            source.data = None
            return source
        try:
            _resolve_language(config, source)
        except ArticleError as exc:
            self.errors.append(exc)
            return None
        return source


def _resolve_language(config: Config, source: Source) -> None:
    article = source.article(config)
    source.language = article.language
    targets: list[str] = []
    for code in article.translations + config.languages:
        if code != article.language and code not in targets:
            targets.append(code)
    source.targets = tuple(targets)


def resolve(config: Config, source: Source) -> None:
    """Parse a lazily discovered source and fill in its language, targets and outputs."""
    if source.resolved:
        return
    _resolve_language(config, source)
    layout = Layout(config)
    source.outputs = {lang: layout.output_path(source.path, lang) for lang in source.targets}
    confinement = Confinement(config.root)
    for path in [*source.catalog_paths(config), *source.outputs.values()]:
        confinement.check(path)
    source.resolved = True


def discover(config: Config, lazy: bool = False) -> Discovery:
    """Classify every Markdown file under the content directory.

    With ``lazy``, an article alone in its group whose catalogs are not fresh is not
    parsed here: nothing else can claim its outputs, so ``resolve`` can do it later.
    """
    result = Discovery()
    layout = Layout(config)
    prober = _Prober(config, layout, result.errors)
    groups: dict[str, list[tuple[Path, str | None]]] = {}
    for path in markdown_files(config, layout, result.notices, result.errors):
        group, hint, _, _ = layout.placement(path)
        groups.setdefault(group, []).append((path, hint))
    claimed: dict[Path, Path] = {}
    stems: dict[str, Source] = {}
    confinement = Confinement(config.root)
    for _, members in sorted(groups.items()):
        for source in _sources_of(members, prober, layout, lazy):
            # `a.md` and `a.markdown` would share one set of catalogs and overwrite each other.
            twin = stems.setdefault(source.stem, source)
            if twin is not source:
                result.errors.append(
                    ArticleError(
                        f"shares its catalogs with {twin.rel} (same name, other extension); rename one", source.rel
                    )
                )
                continue
            try:
                for path in [source.pot_path(config), *(source.po_path(config, t) for t in source.targets)]:
                    confinement.check(path)
            except UnsafePathError as exc:
                result.errors.append(exc)
                continue
            if not source.resolved:
                result.sources.append(source)
                continue
            outputs: dict[str, Path] = {}
            for language in source.targets:
                out = layout.output_path(source.path, language)
                if out in claimed and claimed[out] != source.path:
                    other = claimed[out].relative_to(config.root).as_posix()
                    result.errors.append(
                        ArticleError(
                            f"would write {out.relative_to(config.root).as_posix()}, which {other} writes too",
                            source.rel,
                        )
                    )
                    continue
                try:
                    confinement.check(out)
                except UnsafePathError as exc:
                    result.errors.append(exc)
                    continue
                claimed[out] = source.path
                outputs[language] = out
            source.outputs = outputs
            source.targets = tuple(outputs)
            result.sources.append(source)
    result.sources.sort(key=lambda s: s.path)
    return result


def select_sources(discovery: Discovery, paths: Iterable[Path]) -> list[Source]:
    """The sources at or below the given paths (all of them when none are given)."""
    wanted = [p.resolve() for p in paths]
    if not wanted:
        return discovery.sources
    return [s for s in discovery.sources if any(s.path == w or w in s.path.parents for w in wanted)]


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


def _sources_of(
    members: list[tuple[Path, str | None]], prober: _Prober, layout: Layout, lazy: bool = False
) -> list[Source]:
    """Which files of one group are sources (the others are their outputs)."""
    if len(members) == 1:
        found = prober.probe(members[0][0], lazy)
        return [found] if found else []
    plain = [path for path, hint in members if layout.is_plain(hint)]
    paths = [path for path, _ in members]
    if plain:
        roots = [s for s in map(prober.probe, plain) if s]
    else:
        probed = [s for s in map(prober.probe, paths) if s]
        targeted = {layout.output_path(s.path, t) for s in probed for t in s.targets}
        roots = [s for s in probed if s.path not in targeted]
        if not roots:
            default = prober.config.source_language
            roots = [s for s in probed if s.language == default][:1] or probed[:1]
    taken = {layout.output_path(s.path, t) for s in roots for t in s.targets} - {s.path for s in roots}
    kept = [s for s in map(prober.probe, (p for p in paths if p not in taken)) if s]
    # The plain file claims its outputs first, so on a clash the other one is reported.
    return sorted(kept, key=lambda s: (not layout.is_plain(s.hint), s.path))
