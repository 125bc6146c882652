"""How a setting is declared: its TOML type (Kind), the key itself (Key) and its table (Table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Rule = Callable[[str, Any, Path], str | None]
"""A key's own check: given its dotted name, its value and the project root, the error or None."""


@dataclass(frozen=True)
class Kind:
    """A TOML type as the loader accepts it."""

    description: str
    """How error messages name it: ``a number``."""
    types: tuple[type, ...]
    """Python types tomllib gives for it; a bool is never a number."""
    convert: Callable[[Any], Any] = lambda value: value
    """From the TOML value to the settings value (a list becomes a tuple)."""

    def accepts(self, value: object) -> bool:
        # A bool is an int to Python; only a kind that names bool takes one.
        if isinstance(value, bool) != (bool in self.types) or not isinstance(value, self.types):
            return False
        return not isinstance(value, list) or all(isinstance(item, str) for item in value)


STRING = Kind("a string", (str,))
NUMBER = Kind("a number", (int, float), float)
INTEGER = Kind("an integer", (int,))
STRINGS = Kind("a list of strings", (list,), tuple)
BOOLEAN = Kind("true or false", (bool,))
TABLE = Kind("a table", (dict,))


@dataclass(frozen=True)
class Key(Generic[T]):
    """One setting."""

    table: str
    """Its table, dotted (``check``); empty for the top level."""
    name: str
    """The key inside that table."""
    kind: Kind
    """Its TOML type."""
    default: T
    """Its value when the file does not set it (a settings value, not TOML)."""
    comment: str
    """What the init template says about it."""
    rule: Rule | None = None
    """A check beyond the type (a range, a choice, a place inside the project)."""
    convert: Callable[[Any], Any] | None = None
    """Replaces the kind's conversion; a ValueError it raises becomes ``'key': message``."""
    attr: str = ""
    """The dataclass field, when it is not named like the key."""
    example: str | None = None
    """For a default found at run time: a TOML value the template shows commented out."""

    @property
    def dotted(self) -> str:
        return f"{self.table}.{self.name}" if self.table else self.name

    @property
    def field(self) -> str:
        return self.attr or self.name


@dataclass(frozen=True)
class Table:
    """A table of the file. A free table's keys are names the user picks (engines, languages)."""

    name: str
    """Dotted (``check.languages``)."""
    comment: str = ""
    """What the init template says about it."""
    example: str = ""
    """For a free table: the TOML the template shows commented out."""
    extra: str = ""
    """For a table with declared keys that also takes keys the user names: an example of those,
    shown commented out after the declared ones."""

    @property
    def free(self) -> bool:
        return bool(self.example)
