"""Reading a resource file (YAML, TOML or JSON) into a tree with the place of every key and value."""

from __future__ import annotations

from translate_flow.document.article import decode
from translate_flow.errors import ArticleError, ResourceError
from translate_flow.resources import json_tree, toml_tree, yaml_tree
from translate_flow.resources.tree import Document

__all__ = ["parse_document"]


def parse_document(data: bytes, rel: str, fmt: str) -> Document:
    """Parse a resource file's bytes; anything the format does not allow is one ResourceError."""
    readers = {"yaml": yaml_tree.read, "toml": toml_tree.read, "json": json_tree.read}
    try:
        text, bom = decode(data, rel)
        root = readers[fmt](text, rel)
    except ArticleError as exc:
        raise _reworded(exc) from exc
    return Document(rel, fmt, text, bom, root)


def _reworded(exc: ArticleError) -> ResourceError:
    """The front-matter readers' errors, said of a whole file ("invalid YAML: …")."""
    message = exc.message.replace(" front matter", "").replace("front matter", "the file")
    return ResourceError(message, exc.path, exc.line)
