"""An article: its raw text (every byte kept), front matter and languages."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translate_flow.errors import ArticleError
from translate_flow.fsutil import folder_prefix
from translate_flow.languages import parse_language
from translate_flow.lazy import lazy_module

if TYPE_CHECKING:
    from translate_flow.document import frontmatter
    from translate_flow.document.frontmatter import FrontMatter, ScalarSpan
else:
    # Reading an article's bytes (all a no-op run does) needs no front-matter parser.
    frontmatter = lazy_module("translate_flow.document.frontmatter")

BOM = "\ufeff"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
"""Every suffix of a page, in any dialect (which ones a project reads: ``Dialect.suffixes``)."""


@dataclass(frozen=True)
class Article:
    """One Markdown file as read from disk."""

    path: Path
    """Absolute path of the file."""
    rel: str
    """Path relative to the project root, with ``/`` separators (used in PO references)."""
    text: str
    """The decoded text without its BOM, line endings untouched."""
    bom: bool
    """Whether the file started with a UTF-8 byte order mark."""
    front_matter: FrontMatter | None
    """The parsed front matter, or None when the file has none."""
    language: str
    """The article's language (canonical code)."""
    translations: tuple[str, ...]
    """Languages the article itself asks for in its ``translations`` field."""

    @property
    def body_line(self) -> int:
        return self.front_matter.body_line if self.front_matter else 0

    def encode(self, text: str) -> bytes:
        """Bytes of a (translated) text written the way this article is stored."""
        return ((BOM if self.bom else "") + text).encode("utf-8")


def decode(data: bytes, rel: str) -> tuple[str, bool]:
    """Decode UTF-8 strictly; a bad byte is an error naming its line."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        return data.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", rel, line) from exc


def _language_value(fm: FrontMatter | None, text: str, key: str, rel: str, first_only: bool) -> tuple[str, ...]:
    if fm is None or key not in fm.data:
        return ()
    raw: Any = fm.data[key]
    values: list[Any]
    if raw is None or raw == "" or raw == []:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    if first_only:
        values = values[:1]
    codes: list[str] = []
    for index, value in enumerate(values):
        span: ScalarSpan | None = fm.scalars.get((key,)) or fm.scalars.get((key, index))
        line = frontmatter.line_number(text, span.start) if span else None
        if not isinstance(value, str):
            raise ArticleError(f"front matter '{key}' must be a language code or a list of them", rel, line)
        try:
            code = parse_language(value).code
        except ValueError as exc:
            raise ArticleError(f"front matter '{key}': {exc}", rel, line) from exc
        if code not in codes:
            codes.append(code)
    return tuple(codes)


_OUTSIDE = "is a symbolic link to a file outside the project; refused"


def read_article_bytes(path: Path, root: Path, limit: int = 10 * 1024 * 1024, real_root: Path | None = None) -> bytes:
    """An article's bytes; links that lead out of the project and oversized files are refused.

    ``real_root``: ``root.resolve()``, when the caller reads many articles in one pass (discovery
    resolves it once per pass, not once per article and never once per process)."""
    rel = path.relative_to(root).as_posix()
    try:
        # Strings, not pathlib: this runs twice per article of every run (discovery, then the
        # worker), and Path.resolve with is_relative_to costs several times the system calls.
        try:
            real = os.path.realpath(path)
            top = os.fspath(real_root if real_root is not None else root.resolve())
        except RuntimeError as exc:  # Python 3.11 reports a link loop in the root this way
            raise ArticleError("is a symbolic link that loops; refused", rel) from exc
        inside = real == top or real.startswith(folder_prefix(top))
        try:
            status = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise ArticleError("is a symbolic link that loops; refused", rel) from exc
            if inside:
                raise  # cannot read
            raise ArticleError(_OUTSIDE, rel) from exc
        if not inside:
            raise ArticleError(_OUTSIDE, rel)
        if not stat.S_ISREG(status.st_mode):
            raise ArticleError("is not a regular file; skipped", rel)
        size = status.st_size
        if size > limit:
            raise ArticleError(f"{size} bytes is over the limit of {limit} (max_article_bytes)", rel)
        with open(path, "rb") as handle:
            # The size just found, plus one byte: a file that grew meanwhile is read on to the
            # limit. (A read of the limit itself allocates that much for every article.)
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(limit + 1 - len(data))
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}", rel) from exc
    if len(data) > limit:
        raise ArticleError(f"over the limit of {limit} bytes (max_article_bytes)", rel)
    return data


def parse_article(
    data: bytes, path: Path, rel: str, fallback_language: str, formats: tuple[str, ...] | None = None
) -> Article:
    """Parse an article's bytes. Its language is its front-matter ``lang``, else
    ``fallback_language`` (which the layout derives from the file's name or folder).
    ``formats``: the front-matter formats of the site's dialect (``Dialect.front_matter``; None: all)."""
    text, bom = decode(data, rel)
    fm = frontmatter.parse_front_matter(text, rel, frontmatter.FORMATS if formats is None else formats)
    langs = _language_value(fm, text, "lang", rel, first_only=True)
    language = langs[0] if langs else fallback_language
    translations = _language_value(fm, text, "translations", rel, first_only=False)
    return Article(path, rel, text, bom, fm, language, translations)
