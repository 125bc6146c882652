"""Reading a resource file (YAML, TOML or JSON) into a tree with the place of every key and value."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from translate_flow.document.article import decode
from translate_flow.errors import ArticleError, ResourceError
from translate_flow.lazy import lazy
from translate_flow.resources.tree import Document, Node

# Each format's reader is imported when a file of that format is first read (PyYAML only for YAML).
if TYPE_CHECKING:
    from translate_flow.resources.json_tree import read as read_json
    from translate_flow.resources.toml_tree import read as read_toml
    from translate_flow.resources.yaml_tree import read as read_yaml
else:
    read_json = lazy("translate_flow.resources.json_tree:read")
    read_toml = lazy("translate_flow.resources.toml_tree:read")
    read_yaml = lazy("translate_flow.resources.yaml_tree:read")

_READERS: dict[str, Callable[[str, str], Node]] = {"yaml": read_yaml, "toml": read_toml, "json": read_json}

__all__ = ["parse_document"]


def parse_document(data: bytes, rel: str, fmt: str) -> Document:
    """Parse a resource file's bytes; anything the format does not allow is one ResourceError."""
    try:
        text, bom = decode(data, rel)
        root = _READERS[fmt](text, rel)
    except ArticleError as exc:
        raise _reworded(exc) from exc
    return Document(rel, fmt, text, bom, root)


def _reworded(exc: ArticleError) -> ResourceError:
    """The front-matter readers' errors, said of a whole file ("invalid YAML: …")."""
    message = exc.message.replace(" front matter", "").replace("front matter", "the file")
    return ResourceError(message, exc.path, exc.line)
