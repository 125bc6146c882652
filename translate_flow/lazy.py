"""Names imported when first used, so that each command loads only the modules it runs.

``lazy("package.module:name")`` stands for ``name`` in that module: calling it imports
the module (once per process, as any import) and calls the real function or class.
A module declares its lazy names at the top, beside its imports, with the real import
under ``TYPE_CHECKING`` so that mypy checks every call against the real signature::

    if TYPE_CHECKING:
        from translate_flow.steps.extract_article import extract_article
    else:
        extract_article = lazy("translate_flow.steps.extract_article:extract_article")

``lazy_module("package.module")`` does the same for a whole module: its attributes are
looked up in the real module, imported on the first lookup.

A lazy name pickles as its reference, so a worker process imports the module itself
when its first task arrives. A unit test resolves every reference in the package, so
a renamed function cannot leave one dangling.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

__all__ = ["Lazy", "LazyModule", "lazy", "lazy_module", "resolve"]


def resolve(target: str) -> Any:
    """The object a ``module:name`` reference names (importing its module if need be)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Lazy:
    """A function or class known by reference until it is first called."""

    target: str
    """``package.module:name``."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return resolve(self.target)(*args, **kwargs)


def lazy(target: str) -> Any:
    """``target`` (``module:name``), imported on its first call; typed ``Any``: see the module's docstring."""
    return Lazy(target)


class LazyModule:
    """A module known by name until one of its attributes is first looked up."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self.name), attribute)


def lazy_module(name: str) -> Any:
    """The module ``name``, imported on the first attribute lookup; typed ``Any``: see the module's docstring."""
    return LazyModule(name)
