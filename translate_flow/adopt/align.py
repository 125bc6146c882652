"""Which text of a translated page translates which text of its source.

The rules (issue 16, after po4a-gettextize):

- front-matter values pair by key path;
- a body with the same block structure as the source (the same kinds of text, in the same
  order) pairs text by text;
- any other body is aligned as a sequence: texts pair only with texts of the same kind,
  in order, and a pair must look like a translation: its length agrees with the page's
  overall length ratio, and its code, links and Hugo markup agree. Texts that find no
  partner stay unpaired, and their entries stay empty.

Everything here is pure: segments in, index pairs out.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.inline_skeleton import inline_skeleton
from translate_flow.document.segment import Segment

__all__ = ["Alignment", "align_segments"]

# A pair scores 1 for its kind, up to 1 for a length in line with the page, +1/-1 for
# inline markup (code, links, Hugo markup) and for numbers that agree/disagree, and +1 for
# the very same text (a name kept as it was). A pair must
# score above this, so one whose markup disagrees needs other evidence: leaving both texts
# unpaired is better than publishing a paragraph as the translation of another.
_MIN_PAIR_SCORE = 1.0
# Above this many cells the quadratic alignment would take seconds; such pages pair by
# kind and order alone (still never across kinds).
_MAX_CELLS = 4_000_000
_NUMBER = re.compile(r"\d+")
# A rival pair scoring within this of the chosen one makes the choice a guess.
_DOUBT = 0.1


@dataclass(frozen=True)
class Alignment:
    """The pairs found between a source's segments and its translated page's segments."""

    pairs: tuple[tuple[int, int], ...]
    """(index in the source's segments, index in the page's segments), in source order."""
    same_structure: bool
    """The bodies had the same kinds of text in the same order (paired one by one)."""
    body_total: int
    """The source's body segments (front matter excluded)."""
    body_paired: int
    """How many of them found a partner."""
    doubtful: frozenset[tuple[int, int]] = frozenset()
    """Pairs a neighbouring unpaired text would have fitted as well: which of the two the
    page translates is a guess, so import marks them fuzzy."""


def align_segments(source: Sequence[Segment], page: Sequence[Segment], maths: Markup = DEFAULT_MATH) -> Alignment:
    """Pair the texts of ``page`` (a translation) with those of ``source``."""
    pairs: list[tuple[int, int]] = []
    by_key = {seg.fm_path: j for j, seg in enumerate(page) if seg.fm_path is not None}
    for i, seg in enumerate(source):
        if seg.fm_path is not None and seg.fm_path in by_key:
            pairs.append((i, by_key[seg.fm_path]))
    src_body = [i for i, seg in enumerate(source) if seg.fm_path is None]
    page_body = [j for j, seg in enumerate(page) if seg.fm_path is None]
    same = [source[i].kind for i in src_body] == [page[j].kind for j in page_body]
    doubtful: set[tuple[int, int]] = set()
    if same:
        body = list(zip(src_body, page_body))
    else:
        sure = [(len(source[i].text), len(page[j].text)) for i, j in pairs]
        body = _sequence_pairs(source, page, src_body, page_body, maths, sure, doubtful)
    pairs.extend(body)
    pairs.sort()
    return Alignment(tuple(pairs), same, len(src_body), len(body), frozenset(doubtful))


def _sequence_pairs(
    source: Sequence[Segment],
    page: Sequence[Segment],
    src_body: list[int],
    page_body: list[int],
    maths: Markup,
    anchors: list[tuple[int, int]],
    doubtful: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The best order-keeping pairing of two bodies whose structures differ."""
    n, m = len(src_body), len(page_body)
    if n == 0 or m == 0:
        return []
    if n * m > _MAX_CELLS:
        return _greedy_by_kind(source, page, src_body, page_body)
    src_len = [len(source[i].text) for i in src_body]
    page_len = [len(page[j].text) for j in page_body]
    src_skel = [inline_skeleton(source[i].text, maths) for i in src_body]
    page_skel = [inline_skeleton(page[j].text, maths) for j in page_body]
    src_digits = [_digits(source[i].text) for i in src_body]
    page_digits = [_digits(page[j].text) for j in page_body]

    def score(a: int, b: int, ratio: float) -> float:
        if source[src_body[a]].kind != page[page_body[b]].kind:
            return -math.inf
        deviation = abs(math.log((page_len[b] + 1) / (src_len[a] + 1) / ratio))
        value = 1.0 + max(-1.0, 1.0 - deviation)
        if src_skel[a] or page_skel[b]:
            value += 1.0 if src_skel[a] == page_skel[b] else -1.0
        if src_digits[a] or page_digits[b]:
            value += 1.0 if src_digits[a] == page_digits[b] else -1.0
        if source[src_body[a]].text == page[page_body[b]].text:
            value += 1.0  # a name or a term the translator kept as it was
        return value

    # Translations run longer or shorter as a whole (German vs English, Chinese vs English):
    # a pair is judged against the page's own ratio. The first estimate comes from the pairs
    # that are sure (front matter, and the texts before and after the first difference in
    # structure); the second from the pairs the first alignment found. Medians, so that a
    # text only one side has cannot skew them.
    sure = list(anchors)
    for a in range(min(n, m)):
        if source[src_body[a]].kind != page[page_body[a]].kind:
            break
        sure.append((src_len[a], page_len[a]))
    for back in range(1, min(n, m) + 1):
        if source[src_body[-back]].kind != page[page_body[-back]].kind:
            break
        sure.append((src_len[-back], page_len[-back]))
    if not sure:
        # Nothing is sure: every pair of the same kind votes.
        sure = [
            (src_len[a], page_len[b])
            for a in range(n)
            for b in range(m)
            if source[src_body[a]].kind == page[page_body[b]].kind
        ] or [(sum(src_len), sum(page_len))]
    ratio = _median_ratio(sure)
    found = _best_path(n, m, lambda a, b: score(a, b, ratio))
    if found:
        ratio = _median_ratio([(src_len[a], page_len[b]) for a, b in found])
        found = _best_path(n, m, lambda a, b: score(a, b, ratio))
    used_a = {a for a, _ in found}
    used_b = {b for _, b in found}
    for a, b in found:
        # An unpaired neighbour that fits as well: the page may translate it instead.
        here = score(a, b, ratio) - _DOUBT
        rivals = [score(x, b, ratio) for x in (a - 1, a + 1) if 0 <= x < n and x not in used_a]
        rivals += [score(a, y, ratio) for y in (b - 1, b + 1) if 0 <= y < m and y not in used_b]
        if any(rival >= here for rival in rivals):
            doubtful.add((src_body[a], page_body[b]))
    return [(src_body[a], page_body[b]) for a, b in found]


def _median_ratio(lengths: list[tuple[int, int]]) -> float:
    return statistics.median((page + 1) / (src + 1) for src, page in lengths)


def _digits(text: str) -> tuple[str, ...]:
    """The numbers in a text: a translation keeps them, whatever its language."""
    return tuple(sorted(_NUMBER.findall(text)))


def _best_path(n: int, m: int, score: Callable[[int, int], float]) -> list[tuple[int, int]]:
    """The order-keeping pairs of highest total score (a Needleman-Wunsch alignment whose gaps
    cost nothing); a pair must score above ``_MIN_PAIR_SCORE``."""
    cache: dict[tuple[int, int], float] = {}

    def pair(a: int, b: int) -> float:
        key = (a, b)
        if key not in cache:
            cache[key] = score(a, b)
        return cache[key]

    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(1, n + 1):
        row, above = best[a], best[a - 1]
        for b in range(1, m + 1):
            value = max(above[b], row[b - 1])
            here = pair(a - 1, b - 1)
            if here > _MIN_PAIR_SCORE:
                value = max(value, above[b - 1] + here)
            row[b] = value
    found: list[tuple[int, int]] = []
    a, b = n, m
    while a > 0 and b > 0:
        here = pair(a - 1, b - 1)
        if here > _MIN_PAIR_SCORE and best[a][b] == best[a - 1][b - 1] + here:
            found.append((a - 1, b - 1))
            a, b = a - 1, b - 1
        elif best[a][b] == best[a - 1][b]:
            a -= 1
        else:
            b -= 1
    found.reverse()
    return found


def _greedy_by_kind(
    source: Sequence[Segment], page: Sequence[Segment], src_body: list[int], page_body: list[int]
) -> list[tuple[int, int]]:
    """For very long pages: the n-th text of a kind pairs with the n-th text of that kind."""
    by_kind: dict[str, list[int]] = {}
    for j in page_body:
        by_kind.setdefault(page[j].kind, []).append(j)
    seen: dict[str, int] = {}
    found: list[tuple[int, int]] = []
    for i in src_body:
        kind = source[i].kind
        nth = seen.get(kind, 0)
        seen[kind] = nth + 1
        candidates = by_kind.get(kind, [])
        if nth < len(candidates):
            found.append((i, candidates[nth]))
    return found
