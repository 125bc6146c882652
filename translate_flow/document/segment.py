"""Segments: the translatable units of an article, each with its exact place in the text, and
which texts are worth one. Finding them is the job of ``markdown`` (the body) and
``front_matter_segments``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translate_flow.textutil import has_words

if TYPE_CHECKING:
    from translate_flow.document.frontmatter import Path_


@dataclass(frozen=True)
class Location:
    """Where a segment's source text sits in its article."""

    start: int
    """Offset of the first character of the text (BOM excluded)."""
    end: int
    """Offset just past the text's last character."""
    line: int
    """1-based line of the first character, as shown in PO references."""


@dataclass(frozen=True)
class Segment:
    """One translatable text: a PO entry's msgid plus what merge needs to put a translation back."""

    text: str
    """The msgid: inline Markdown kept, soft line breaks joined, hard breaks as ``\\n``."""
    kind: str
    """What it is, for the PO extracted comment (``paragraph``, ``heading 2``, ``front matter: title``)."""
    location: Location
    """The span that a translation replaces."""
    prefix: str = ""
    """What starts each further line of a multi-line translation (``> ``, ``  ``)."""
    hard_break: str = "\\"
    """The marker written before a line break inside the text."""
    one_line: bool = False
    """Headings and table cells: a translation must stay on one line."""
    fm_path: Path_ | None = None
    """The front-matter key path, for front-matter values."""


@dataclass(frozen=True)
class Skipped:
    """A translatable-looking text whose position could not be pinned down."""

    line: int
    """1-based line."""
    reason: str
    """Why it was left out."""


_URL_RE = re.compile(r"\b[A-Za-z][A-Za-z0-9+.-]*://\S+")
_CODE_RE = re.compile(r"`+[^`]*`+")
_SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.DOTALL)
_TAG_RE = re.compile(r"<[^<>\n]*>")
_LINK_DEST_RE = re.compile(r"\]\([^)]*\)")
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]]*\]")


# Every pattern above needs one of these characters; most texts have none, and skip them all.
_SET_ASIDE_HINTS = frozenset("`{<]:")


def is_translatable(text: str) -> bool:
    """True when the text has words once code, URLs, shortcodes and tags are set aside."""
    if not _SET_ASIDE_HINTS.isdisjoint(text):
        for pattern in (_CODE_RE, _SHORTCODE_RE, _TAG_RE, _LINK_DEST_RE, _FOOTNOTE_REF_RE, _URL_RE):
            text = pattern.sub(" ", text)
    return has_words(text)
