"""What a setting's value must satisfy beyond its type: ranges, choices, places, language codes.

Each rule takes the key's dotted name, the value and the project root, and returns the
error message, worded as the user will read it, or None.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from translate_flow.config.key_types import Rule
from translate_flow.languages import parse_language
from translate_flow.project.catalog_names import catalog_problem
from translate_flow.project.exclude import glob_problem
from translate_flow.qa.names import CHECK_NAMES

MIN_WRAP = 20
"""Narrower PO lines cannot hold a keyword and its opening quote (polib fails below a few)."""
MAX_ARTICLE_LIMIT = 1 << 30
"""``max_article_bytes`` can go up to 1 GiB; beyond, a file is no article."""


def inside(root: Path, relative: str) -> bool:
    """True when ``relative`` names a place inside ``root``, symbolic links resolved."""
    candidate = Path(relative)
    if candidate.is_absolute() or ".." in candidate.parts:
        return False
    return (root / candidate).resolve().is_relative_to(root.resolve())


def between(low: int, high: int) -> Rule:
    return lambda name, value, root: None if low <= value <= high else f"'{name}' must be between {low} and {high}"


def out_of_range_unless(allowed: Callable[[float], bool]) -> Rule:
    return lambda name, value, root: None if allowed(value) else f"'{name}' is out of range"


def one_of(*choices: str) -> Rule:
    return lambda name, value, root: (
        None if value in choices else f"'{name}' must be one of {', '.join(choices)}, not {value!r}"
    )


def in_project(name: str, value: str, root: Path) -> str | None:
    return None if value and inside(root, value) else f"'{name}' must be a relative path inside the project"


def relative(name: str, value: str, root: Path) -> str | None:
    path = Path(value)
    if path.is_absolute() or ".." in path.parts:
        return f"'{name}' must be a relative path inside the project"
    return None


def catalogs(name: str, value: str, root: Path) -> str | None:
    problem = catalog_problem(value)
    return None if problem is None else f"'{name}': {problem}"


def wrap(name: str, value: int, root: Path) -> str | None:
    if value < 0 or 0 < value < MIN_WRAP:
        return f"'{name}' must be 0 (no wrapping) or a width of at least {MIN_WRAP}"
    return None


def fuzzy(name: str, value: float, root: Path) -> str | None:
    return None if 0 < value <= 1 else f"'{name}' must be above 0 and at most 1"


def not_negative(name: str, value: float, root: Path) -> str | None:
    return None if value >= 0 else f"'{name}' must not be negative"


def one_line(name: str, value: str, root: Path) -> str | None:
    # It becomes a PO header value: a line break would start a header field of its own.
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return f"'{name}' must not hold line breaks or control characters"
    return None


def hugo_file(name: str, value: str, root: Path) -> str | None:
    if value == "":
        return None
    if not inside(root, value):
        # Reading a file outside the project is as much a leak as writing one.
        return f"'{name}': {value} is not inside the project"
    return None if (root / value).is_file() else f"'{name}': {value} does not exist"


def project_file(name: str, value: str, root: Path) -> str | None:
    if not value or not inside(root, value):
        return f"'{name}' must be a relative path inside the project"
    return None if (root / value).is_file() else f"'{name}': {value} does not exist"


def globs(name: str, value: tuple[str, ...], root: Path) -> str | None:
    problems = [problem for glob in value if (problem := glob_problem(glob)) is not None]
    return f"'{name}': {problems[0]}" if problems else None


def known_checks(name: str, value: tuple[str, ...], root: Path) -> str | None:
    unknown = [check for check in value if check not in CHECK_NAMES]
    return f"'{name}': unknown check {unknown[0]!r}" if unknown else None


def language_code(value: str) -> str:
    """The canonical code; ValueError with a readable message for an unknown one."""
    return parse_language(value).code


def language_codes(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(language_code(value) for value in values))
