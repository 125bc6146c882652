"""One validator for check and merge: a translation may change the words, never the page.

A msgstr is compared with its msgid on:

- **block shape** (``qa.block_shape``): parsed the way it will stand in the page, the
  same blocks, so no heading, list, fence, table, thematic break, HTML block or
  indented code appears or goes;
- **inline skeleton** (``document.inline_skeleton``): the same link and image
  destinations (a reference ``[label]``, ``[label][]`` or ``[text][label]`` to one of
  the page's definitions, when the caller gives them, is a link: a translation that
  changes the label's text loses it), code spans, HTML tags, footnote references, and Hugo shortcodes,
  attributes and maths, each as a multiset;
- **emphasis as it renders** (also the skeleton): the same number of emphasis, strong
  and strikethrough elements once CommonMark's flanking rules (Unicode punctuation
  included) have decided which markers count, so ``** text**`` or ``**（PR）**即`` are caught;
- the same leading and trailing whitespace;
- for a shortcode parameter value, a text that Hugo reads back as one value of a call
  that stays on its lines; in a paragraph, a call may change only in the values of
  its translatable parameters (``document.shortcode_segments``).

A text of an HTML block (kind ``html …``) is HTML, where Markdown is not read: it is
compared on its HTML skeleton instead (``document.html_skeleton``): the same tags with
the same attributes, nesting the same way, and the same Hugo markup.

This module holds the rules that turn those differences into problems, and which
checks an entry has switched off.

``check`` reports every problem as a ``broken`` finding, and ``merge`` keeps the
source text of an entry with a problem, so the two always agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from translate_flow.document.html_skeleton import html_nesting, html_skeleton
from translate_flow.document.html_tokens import is_html_kind
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup
from translate_flow.document.inline_skeleton import inline_skeleton
from translate_flow.document.link_definitions import NO_DEFINITIONS, Definitions, label_of
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.document.shortcode_segments import SHORTCODE_KIND, loosened, value_problem
from translate_flow.qa.block_shape import block_shape_difference


@dataclass(frozen=True)
class Problem:
    """Why a translation would change its page's structure."""

    check: str
    """Which check: one of ``qa.names.STRUCTURE_CHECKS``."""
    message: str
    """What differs, for people."""


def switched_off(flags: Iterable[str], disabled: Iterable[str] = ()) -> set[str]:
    """The checks off for one entry: the project's, plus its ``no-<check>-check`` PO flags."""
    return set(disabled) | {flag[3:-6] for flag in flags if flag.startswith("no-") and flag.endswith("-check")}


def problems(
    msgid: str,
    msgstr: str,
    kinds: Collection[str],
    disabled: Collection[str] = (),
    math: Markup = DEFAULT_MATH,
    shortcodes: ShortcodeParams = BUILT_IN,
    definitions: Definitions = NO_DEFINITIONS,
) -> list[Problem]:
    """Every way ``msgstr`` would make its page differ from the source page beyond the words.

    ``kinds`` are the entry's segment kinds (``paragraph``, ``heading 2``, ``table cell``…,
    as in its ``#.`` comment); a text used in several places is checked for each.
    ``definitions`` are the link reference definitions of the page the text stands in
    (``document.link_definitions``); without them a shortcut reference is only text.
    """
    if not msgstr or msgstr == msgid:
        return []
    found: list[Problem] = []
    if "structure" not in disabled:
        for kind in sorted(set(kinds)):
            difference = block_shape_difference(msgid, msgstr, kind, math)
            if difference is not None:
                found.append(Problem("structure", difference))
                break
    if "shortcode" not in disabled and any(kind.startswith(SHORTCODE_KIND) for kind in kinds):
        why = value_problem(msgid, msgstr)
        if why is not None:
            found.append(Problem("shortcode", why))
    # A text in an HTML block is HTML, not Markdown: its tags and their nesting are compared.
    html = {kind for kind in kinds if is_html_kind(kind)}
    inline = (inline_skeleton(msgid, math, definitions), inline_skeleton(msgstr, math, definitions))
    skeletons = [] if html else [inline]
    if html:
        skeletons.append((html_skeleton(msgid, math), html_skeleton(msgstr, math)))
        if len(html) < len(set(kinds)):
            skeletons.append(inline)
    for source, target in skeletons:
        for problem in _differences(source, target, disabled, shortcodes):
            if problem.check == "link" and definitions:
                problem = Problem(problem.check, problem.message + _keep_labels(msgid, msgstr, definitions))
            if problem not in found:
                found.append(problem)
    if html and "html" not in disabled and not found and html_nesting(msgid, math) != html_nesting(msgstr, math):
        found.append(Problem("html", "HTML tags nest differently from the source"))
    if "whitespace" not in disabled and _edges(msgid) != _edges(msgstr):
        found.append(Problem("whitespace", "leading or trailing whitespace differs from the source"))
    return found


def _differences(
    source: dict[str, Counter[str]],
    target: dict[str, Counter[str]],
    disabled: Collection[str],
    shortcodes: ShortcodeParams,
) -> list[Problem]:
    found: list[Problem] = []
    for check, label in _LABELS.items() if source != target else ():
        before, after = source.get(check, _NONE), target.get(check, _NONE)
        if check == "shortcode" and before != after:
            # A call in a paragraph may change in the values of its translatable parameters.
            before, after = _loosened(before, shortcodes), _loosened(after, shortcodes)
        if check in disabled or before == after:
            continue
        if check == "emphasis":
            found.append(Problem(check, f"emphasis renders differently: {_emphasis(before, after)}"))
            continue
        missing, extra = before - after, after - before
        detail = "; ".join(
            part
            for part in (
                f"missing {_describe(missing)}" if missing else "",
                f"unexpected {_describe(extra)}" if extra else "",
            )
            if part
        )
        found.append(Problem(check, f"{label} differ from the source: {detail}"))
    return found


_NONE: Counter[str] = Counter()
_LABELS = {
    "link": "links",
    "image": "images",
    "code": "inline code",
    "shortcode": "shortcodes",
    "attribute": "attributes",
    "math": "maths",
    "markup": "dialect markup",
    "footnote": "footnote references",
    "html": "HTML tags",
    "emphasis": "emphasis",
}


_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def _keep_labels(msgid: str, msgstr: str, definitions: Definitions) -> str:
    """How to keep the reference links of ``msgid`` whose label ``msgstr`` holds fewer times."""
    defined = {label for label, _, _ in definitions}
    kept = Counter(label_of(text) for text in _BRACKETED.findall(msgstr))
    wanted = Counter(label_of(text) for text in _BRACKETED.findall(msgid))
    lost = [
        text
        for text in dict.fromkeys(_BRACKETED.findall(msgid))
        if label_of(text) in defined and kept[label_of(text)] < wanted[label_of(text)]
    ]
    if not lost:
        return ""
    labels = ", ".join(f"[{text}]" for text in lost)
    what = f"the reference {labels} is a link" if len(lost) == 1 else f"the references {labels} are links"
    return (
        f"; {what} only while the text in brackets matches a label the page defines:"
        f" keep the label, as in [translated text][{lost[0]}]"
    )


def _loosened(calls: Counter[str], shortcodes: ShortcodeParams) -> Counter[str]:
    return Counter(loosened(call, shortcodes) for call in calls.elements())


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _describe(counter: Counter[str]) -> str:
    return ", ".join(sorted(counter.elements()))[:120]


def _emphasis(source: Counter[str], target: Counter[str]) -> str:
    names = {"em": "emphasis", "strong": "strong", "s": "strikethrough"}
    parts = [
        f"{names[tag]} {source[tag]} in the source, {target[tag]} in the translation"
        for tag in ("em", "strong", "s")
        if source[tag] != target[tag]
    ]
    return "; ".join(parts)
