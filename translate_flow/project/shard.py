"""One CI job's part of a project (``--shard K/N``): a deterministic, balanced subset of its catalogs.

Every job of a matrix computes the same split from the same checkout: the articles (and,
separately, the resource catalogs) are taken largest first, ties broken by a stable hash of
their names, and each goes to the shard with the least work so far. So the N parts are
disjoint, together they are the whole project, and their sizes differ by at most about one
article. A shard is a selection, like the PATHS arguments: each step does exactly what it
would do for those catalogs alone.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from translate_flow.errors import ConfigError

__all__ = ["Shard", "assign", "parse_shard", "size_of"]

# What one catalog costs besides its text (reading, writing its files), in bytes of text.
_PER_ITEM = 2048
_FORM = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    """Part ``index`` of ``count``."""

    index: int
    """Which part, from 1."""
    count: int
    """How many parts the project is split into."""

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def pick(self, sizes: Mapping[str, int]) -> frozenset[str]:
        """The names (of ``sizes``, which maps every name of the project to its size) in this part."""
        return frozenset(name for name, part in assign(sizes, self.count).items() if part == self.index)


def parse_shard(text: str) -> Shard:
    """``K/N`` with 1 ≤ K ≤ N; anything else is a usage error."""
    match = _FORM.fullmatch(text)
    if match is None or not 1 <= int(match[1]) <= int(match[2]):
        raise ConfigError(f"--shard: expected K/N with 1 <= K <= N (such as 2/4), not {text!r}")
    return Shard(int(match[1]), int(match[2]))


def _stable_hash(name: str) -> bytes:
    return hashlib.sha256(name.encode("utf-8")).digest()


def assign(sizes: Mapping[str, int], count: int) -> dict[str, int]:
    """Each name's part (1…``count``): largest first, each to the least loaded part (the lowest on a tie)."""
    loads = [(0, part) for part in range(1, count + 1)]
    parts: dict[str, int] = {}
    for name in sorted(sizes, key=lambda n: (-sizes[n], _stable_hash(n))):
        load, part = heapq.heappop(loads)
        parts[name] = part
        heapq.heappush(loads, (load + sizes[name] + _PER_ITEM, part))
    return parts


def size_of(paths: Iterable[Path]) -> int:
    """The bytes of the files (a missing one counts as empty: every shard sees the same)."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total
