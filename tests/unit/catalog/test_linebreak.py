"""catalog.linebreak: break opportunities and widths against libunistring, which msgcat uses."""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import REQUIRE_TOOLS
from translate_flow.catalog.break_points import opportunities
from translate_flow.catalog.linebreak import BREAK, KEEP, MANDATORY, break_opportunities, char_width

# Characters of every class the pair table knows, and the ones handled before it.
ALPHABET = list(
    "aZéЖωא19()[]{}\"'«»“”‘’!?,.:;/\\-—–‐…%$€+#&*_|~^@ "
    "\u00a0\u00ad\u200b\u2060\u200d\u0301\u2028´§°±"
    "日本語の、。「」（），ーッぁ々ｶﾞ한국각가각🇫🇷👦🏻😀"
)


def _libunistring() -> ctypes.CDLL:
    name = ctypes.util.find_library("unistring")
    if name is None:
        message = "libunistring (GNU gettext's line breaking) is not installed"
        if REQUIRE_TOOLS:
            pytest.fail(message)
        pytest.skip(message)
    library = ctypes.CDLL(name)
    library.uc_width.restype = ctypes.c_int
    return library


def _reference(library: ctypes.CDLL, text: str) -> list[int]:
    data = text.encode("utf-8")
    found = ctypes.create_string_buffer(len(data))
    library.u8_possible_linebreaks(data, len(data), b"UTF-8", found)
    result, at = [], 0
    for ch in text:
        result.append(found.raw[at])
        at += len(ch.encode("utf-8"))
    return result


@given(st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join))
def test_break_opportunities_are_libunistring_s(text: str) -> None:
    assert break_opportunities(text) == _reference(_libunistring(), text)


def test_the_opportunities_gettext_relies_on() -> None:
    # After spaces and hyphens, between ideographs; not before closing punctuation or inside a number.
    assert break_opportunities("a b") == [KEEP, KEEP, BREAK]
    assert break_opportunities("日本。") == [KEEP, BREAK, KEEP]
    assert break_opportunities("3.5") == [KEEP, KEEP, KEEP]
    assert break_opportunities("well-known") == [KEEP] * 5 + [BREAK] + [KEEP] * 4
    assert break_opportunities("a\u2028b") == [KEEP, MANDATORY, KEEP]


@pytest.mark.parametrize("ch", ALPHABET + ["\x01", "\u3000", "\u1160", "\ue000"])
def test_widths_are_libunistring_s(ch: str) -> None:
    expected = _libunistring().uc_width(ord(ch), b"UTF-8")
    assert char_width(ch) == max(expected, 0)


PLAIN = list("abcXYZ019 -/|}{)(][!?,.:;%$+\\\"'#&*_~^@<>=`") + list(
    "éЖωç日本。、「」（），ーッぁ々한각…—«»“”\u00a0\u3000"
)
PLAIN += ["  ", "\u0301", "\u200d", "א", "🇫", "\u2028"]  # these take the walk


@given(st.lists(st.sampled_from(PLAIN), max_size=30).map("".join))
def test_the_fast_path_finds_the_same_opportunities_as_the_walk(text: str) -> None:
    full = [(i, kind) for i, kind in enumerate(break_opportunities(text)) if kind != KEEP]
    assert opportunities(text) == full
