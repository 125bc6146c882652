"""config.py on its own: defaults, and errors that name the key and its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.load import load_config
from translate_flow.config.rules import MIN_WRAP
from translate_flow.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert (config.content_dir, config.locales_dir, config.source_language) == ("content", "locales", "en")
    assert (config.min_percent, config.wrap, config.fuzzy_threshold) == (80.0, 0, 0.6)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("languages = []\nnope = 1\n", 2, "unknown key 'nope'"),
        ('languages = []\nwrap = "x"\n', 2, "'wrap' must be an integer"),
        (f"languages = []\nwrap = {MIN_WRAP - 1}\n", 2, f"a width of at least {MIN_WRAP}"),
        ('languages = ["xx-notalanguage"]\n', 1, "xx-notalanguage"),
    ],
)
def test_errors_name_the_key_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    write_tree(tmp_path, {"translate-flow.toml": text})
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.line == line and message in caught.value.message
    assert caught.value.exit_code == 2
