"""The project's articles: which files are sources, their targets, and where their outputs go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from translate_flow.article import MARKDOWN_SUFFIXES, Article, load_article, split_name
from translate_flow.config import Config
from translate_flow.errors import ArticleError, ConfigError, TranslateFlowError


@dataclass(frozen=True)
class Source:
    """A source article and what it becomes."""

    article: Article
    """The parsed source."""
    targets: tuple[str, ...]
    """Target languages: its ``translations`` plus the configured ones, minus its own."""
    outputs: dict[str, Path] = field(default_factory=dict)
    """Translated article path per target language."""

    def po_path(self, config: Config, language: str) -> Path:
        return config.locales_path / language / (self._stem(config) + ".po")

    def pot_path(self, config: Config) -> Path:
        return config.locales_path / "templates" / (self._stem(config) + ".pot")

    def _stem(self, config: Config) -> str:
        # `post.fr.md` keeps its `.fr` (locales/en/post.fr.po), so it cannot clash with `post.md`'s.
        rel = self.article.path.relative_to(config.content_path).as_posix()
        return rel[: -len(split_name(rel)[2])]


@dataclass
class Discovery:
    """What a scan of the content directory found."""

    sources: list[Source] = field(default_factory=list)
    """Source articles, in path order."""
    outputs: set[Path] = field(default_factory=set)
    """Files recognised as translation outputs (never extracted)."""
    errors: list[TranslateFlowError] = field(default_factory=list)
    """Files that could not be read, and clashes."""


def markdown_files(config: Config) -> list[Path]:
    content = config.content_path
    if not content.is_dir():
        raise ConfigError("content directory does not exist", content.relative_to(config.root).as_posix())
    found = [
        path
        for path in content.rglob("*")
        if path.suffix in MARKDOWN_SUFFIXES
        and (path.is_file() or path.is_symlink())
        and not any(part.startswith(".") for part in path.relative_to(content).parts)
    ]
    return sorted(found)


def _targets(article: Article, config: Config) -> tuple[str, ...]:
    targets: list[str] = []
    for code in article.translations + config.languages:
        if code != article.language and code not in targets:
            targets.append(code)
    return tuple(targets)


def output_path(article: Article, language: str) -> Path:
    stem, _, suffix = split_name(article.path.name)
    return article.path.with_name(f"{stem}.{language}{suffix}")


def discover(config: Config) -> Discovery:
    """Classify every Markdown file under the content directory."""
    result = Discovery()
    groups: dict[tuple[Path, str], list[Path]] = {}
    for path in markdown_files(config):
        stem = split_name(path.name)[0]
        groups.setdefault((path.parent, stem), []).append(path)
    claimed: dict[Path, Path] = {}
    for (_, _), paths in sorted(groups.items()):
        articles: list[Article] = []
        for path in paths:
            try:
                articles.append(load_article(path, config.root, config.source_language))
            except ArticleError as exc:
                result.errors.append(exc)
        for source in _sources_of(articles, config):
            targets = _targets(source, config)
            outputs: dict[str, Path] = {}
            for language in targets:
                out = output_path(source, language)
                if out in claimed and claimed[out] != source.path:
                    other = claimed[out].relative_to(config.root).as_posix()
                    result.errors.append(
                        ArticleError(
                            f"would write {out.relative_to(config.root).as_posix()}, which {other} writes too",
                            source.rel,
                        )
                    )
                    continue
                claimed[out] = source.path
                outputs[language] = out
            result.sources.append(Source(source, tuple(outputs), outputs))
    result.outputs = set(claimed)
    result.sources.sort(key=lambda s: s.article.path)
    return result


def _sources_of(articles: list[Article], config: Config) -> list[Article]:
    """Which files of one name group are sources (the others are their outputs)."""
    if len(articles) < 2:
        return articles
    by_name = {a.path: a for a in articles}

    def outputs_of(article: Article) -> set[Path]:
        return {output_path(article, lang) for lang in _targets(article, config)}

    plain = [a for a in articles if split_name(a.path.name)[1] is None]
    if plain:
        roots = plain
    else:
        targeted = set().union(*(outputs_of(a) for a in articles))
        roots = [a for a in articles if a.path not in targeted]
        if not roots:
            roots = [a for a in articles if a.language == config.source_language][:1] or articles[:1]
    taken: set[Path] = set()
    for root in roots:
        taken |= outputs_of(root) - {root.path}
    # The plain file claims its outputs first, so on a clash the suffixed one is reported.
    kept = [a for path, a in by_name.items() if path not in taken]
    return sorted(kept, key=lambda a: (split_name(a.path.name)[1] is not None, a.path))
