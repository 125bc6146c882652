"""Segmentation cases as fixture files, as markdown-it-py keeps its own.

Each case in ``tests/fixtures/segments/*.md`` is a title line, then ``.``, the article
body, ``.``, the expected segments as ``kind: msgid`` (a msgid may go on over several
lines), and a closing ``.``. Shortcode values count too, with the built-in parameters:
``shortcode card: title: Fast``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translate_flow.document.markdown import body_segments
from translate_flow.document.shortcode_params import BUILT_IN
from translate_flow.document.shortcode_segments import shortcode_segments

FIXTURES = Path(__file__).parents[2] / "fixtures" / "segments"
_KIND = re.compile(
    r"^(paragraph|heading \d|list item|blockquote|table cell|image alt|footnote|alert title"
    r"|shortcode [\w./-]+: [\w.-]+|html [\w-]+(?:: [\w-]+)?): "
)


def _parse(text: str, name: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Cases of one fixture file: a title line, ``.``, body lines, ``.``, expected lines, ``.``."""
    lines = text.split("\n")
    cases = []
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{name}: case {title!r} needs a '.' line after its title"
        parts: list[list[str]] = [[], []]
        i += 2
        for part in parts:
            while lines[i] != ".":
                part.append(lines[i])
                i += 1
            i += 1
        expected: list[tuple[str, str]] = []
        for line in parts[1]:
            match = _KIND.match(line)
            if match:
                expected.append((match.group(1), line[match.end() :]))
            else:  # a msgid that goes on over several lines
                expected[-1] = (expected[-1][0], expected[-1][1] + "\n" + line)
        body = "\n".join(parts[0]) + "\n" if parts[0] else ""
        cases.append((f"{name}: {title}", body, expected))
    return cases


def _cases() -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        case for path in sorted(FIXTURES.glob("*.md")) for case in _parse(path.read_text(encoding="utf-8"), path.stem)
    ]


CASES = _cases()


@pytest.mark.parametrize(("title", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_segments(title: str, body: str, expected: list[tuple[str, str]]) -> None:
    segments, _ = body_segments(body, 0)
    segments += shortcode_segments(body, 0, segments, BUILT_IN)
    segments.sort(key=lambda s: s.location.start)
    assert [(s.kind, s.text) for s in segments] == expected


def test_every_fixture_file_has_cases() -> None:
    assert len(CASES) >= 18
