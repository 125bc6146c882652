"""The fingerprint that lets a run skip an unchanged article without parsing it: its one home.

A POT template's header carries three fields of ours: the hash of the article's bytes
and of every setting that shapes its catalogs, the article's language, and its
targets. Discovery reads them from the head of the file; extract writes them. While
the project-wide pass of extract has not finished, the hash is written "pending", so
a run killed in between redoes the article instead of trusting its catalogs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from translate_flow import __version__
from translate_flow.config import Config
from translate_flow.document.shortcode_params import BUILT_IN
from translate_flow.fsutil import read_head

if TYPE_CHECKING:
    import polib

__all__ = [
    "HASH_FIELD",
    "Fingerprint",
    "config_fingerprint",
    "confirm_pending",
    "group_digest",
    "read_fingerprint",
    "source_digest",
    "stamp",
]

HASH_FIELD = "X-Translate-Flow-Source"
LANGUAGE_FIELD = "X-Translate-Flow-Language"
TARGETS_FIELD = "X-Translate-Flow-Targets"
_PENDING = "pending-"


def config_fingerprint(config: Config) -> bytes:
    """Everything besides the article's bytes that changes what extract writes."""
    parts = [
        __version__,
        config.content_dir,
        config.locales_dir,
        config.source_language,
        ",".join(config.languages),
        ",".join(config.front_matter_keys),
        # An explicit width applies to every file; an unset one lets each file keep its own.
        str(config.wrap) + ("!" if config.wrap_explicit else ""),
        # Not project_name: it defaults to the folder's name, so a clone under another name
        # would find every catalog stale; an existing file keeps its Project-Id-Version anyway.
        config.layout,
        ",".join(f"{k}={v}" for k, v in sorted(config.language_keys.items())),
        ",".join(f"{k}={v}" for k, v in sorted(config.language_dirs.items())),
        # Spelt as before dialects (the class was MathDelimiters), so Hugo projects keep their fingerprints.
        f"MathDelimiters(block={config.math.block!r}, inline={config.math.inline!r})",
    ]
    if config.catalogs != "article":
        # Added only when set, so that catalogs made one per article keep their fingerprints.
        parts.append("catalogs=" + config.catalogs)
    if config.math.dialect.name != "hugo":
        parts.append(f"dialect={config.math.dialect.name}")
    if config.shortcodes != BUILT_IN:
        # The built-in list belongs to this version (``__version__`` above), so only a project's
        # own [shortcodes] table is added; catalogs made with the defaults keep their fingerprints.
        parts.append(repr(config.shortcodes))
    return "\x00".join(parts).encode("utf-8")


def source_digest(settings: bytes, rel: str, data: bytes) -> str:
    """The hash of an article's bytes, its name, and the settings (``config_fingerprint``)."""
    return hashlib.sha256(settings + b"\x00" + rel.encode() + b"\x00" + data).hexdigest()


def group_digest(members: Iterable[tuple[str, str]]) -> str:
    """The fingerprint of a catalog several articles share: of each one's (name, digest)."""
    parts = sorted(f"{rel}\x00{digest}" for rel, digest in members)
    return hashlib.sha256("\x01".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """What a POT header says about the article it was made from."""

    digest: str
    """The source digest, or "" while the catalogs are not known to be complete."""
    language: str
    """The article's language."""
    targets: tuple[str, ...]
    """Its target languages."""


_HEADER_FIELD = re.compile(r'^"(X-Translate-Flow-[A-Za-z]+): ([^"\\]*)\\n"$', re.MULTILINE)


def read_fingerprint(pot: Path) -> Fingerprint | None:
    """The fingerprint in a POT's header, read from the file's head without parsing the catalog."""
    try:
        head = read_head(pot, 4096).decode("utf-8", "replace")
    except OSError:
        return None
    end = head.find("\n\n")
    fields = dict(_HEADER_FIELD.findall(head if end < 0 else head[:end]))
    if LANGUAGE_FIELD not in fields:
        return None
    digest = fields.get(HASH_FIELD, "")
    return Fingerprint(
        "" if digest.startswith(_PENDING) else digest,
        fields[LANGUAGE_FIELD],
        tuple(fields.get(TARGETS_FIELD, "").split()),
    )


def stamp(po: polib.POFile, digest: str, language: str, targets: tuple[str, ...], pending: bool) -> None:
    """Put the fingerprint into a template's header (``pending`` until the project-wide pass is done)."""
    po.metadata[HASH_FIELD] = (_PENDING if pending else "") + digest
    po.metadata[LANGUAGE_FIELD] = language
    po.metadata[TARGETS_FIELD] = " ".join(targets)


_PENDING_LINE = f"{HASH_FIELD}: {_PENDING}".encode()


def confirm_pending(data: bytes) -> bytes | None:
    """The template with its pending fingerprint made final, or None when it has none.

    Only the marker is removed, byte for byte: the template is ours, and rewriting it
    through polib could change its wrapping.
    """
    if _PENDING_LINE not in data:
        return None
    return data.replace(_PENDING_LINE, f"{HASH_FIELD}: ".encode(), 1)
