"""config/lines.py: the line of a key, looked up in its own table."""

from __future__ import annotations

import pytest

from translate_flow.config.lines import key_line

TEXT = """\
# min_percent = 1 in a comment is no assignment
min_percent = 50

wrap = 0
[check]
min_percent = 90
"fail_on" = []
[ tool . "translate-flow" . check ]  # spaced and quoted
min_percent = 70
[check.languages.fr]
min_percent = 80
[engines]
deepl = {api_key_env = "X"}
"""


@pytest.mark.parametrize(
    ("key", "table", "line"),
    [
        ("min_percent", "", 2),
        ("wrap", "", 4),  # the blank line before it does not shift it
        ("min_percent", "check", 6),
        ("fail_on", "check", 7),
        ("min_percent", "tool.translate-flow.check", 9),
        ("min_percent", "check.languages.fr", 11),
        ("fr", "check.languages", 10),  # a table of its own: its header
        ("deepl", "engines", 13),
        ("api_key_env", "engines.deepl", None),  # inside an inline table: no line of its own
        ("fail_on", "", None),  # set only in [check]
        ("jobs", "pretranslate", None),  # no such table
    ],
)
def test_key_line(key: str, table: str, line: int | None) -> None:
    assert key_line(TEXT, key, table) == line


def test_a_key_named_like_a_longer_one_is_not_confused() -> None:
    assert key_line("min_percent_x = 1\nmin_percent = 2\n", "min_percent") == 2


def test_special_characters_in_keys_are_literal() -> None:
    assert key_line('[language_keys]\nz.h = "x"\n"zh-CN" = "zh"\n', "zh-CN", "language_keys") == 3
    assert key_line("[a]\nxx = 1\n", "x+", "a") is None


def test_crlf_lines() -> None:
    assert key_line("a = 1\r\n[t]\r\n\r\nb = 2\r\n", "b", "t") == 4
