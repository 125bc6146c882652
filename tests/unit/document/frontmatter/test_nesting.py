"""Our own nesting limit for front matter: the same answer whatever parser or build reads it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.document.frontmatter import parse_front_matter, yaml_fm
from translate_flow.document.frontmatter.nesting import MAX_NESTING
from translate_flow.errors import ArticleError

# Each shape builds front matter whose deepest collection sits at ``depth`` (the top mapping is 1),
# and says on which 1-based line the first too-deep collection opens.
Shape = Callable[[int], tuple[str, int]]


def _yaml_flow(depth: int) -> tuple[str, int]:
    inner = depth - 1
    return "---\ntitle: Hi\nx: " + "[" * inner + "]" * inner + "\n---\n\nBody.\n", 3


def _yaml_block(depth: int) -> tuple[str, int]:
    keys = "".join(" " * i + f"k{i}:\n" for i in range(depth - 1))
    return "---\ntitle: Hi\n" + keys + " " * (depth - 1) + "leaf: v\n---\n\nBody.\n", 3 + MAX_NESTING


def _yaml_sequence(depth: int) -> tuple[str, int]:
    # Compact nested sequences: each "- " on one line opens a level.
    return "---\ntitle: Hi\nx:\n" + "- " * (depth - 1) + "v\n---\n\nBody.\n", 4


def _json(depth: int) -> tuple[str, int]:
    inner = depth - 1
    return '{"title": "Hi",\n "x": ' + "[" * inner + "]" * inner + "}\n\nBody.\n", 2


def _toml_array(depth: int) -> tuple[str, int]:
    inner = depth - 1
    return "+++\ntitle = 'Hi'\nx = [\n" + "[\n" * (inner - 1) + "]\n" * inner + "+++\n\nBody.\n", 2 + MAX_NESTING


def _toml_table(depth: int) -> tuple[str, int]:
    header = ".".join(f"k{i}" for i in range(depth - 1))
    return f"+++\ntitle = 'Hi'\n[{header}]\nleaf = 1\n+++\n\nBody.\n", 2


SHAPES: dict[str, Shape] = {
    "yaml-flow": _yaml_flow,
    "yaml-block": _yaml_block,
    "yaml-sequence": _yaml_sequence,
    "json": _json,
    "toml-array": _toml_array,
    "toml-table": _toml_table,
}


def _outcome(text: str) -> str:
    try:
        matter = parse_front_matter(text, "content/deep.md")
    except ArticleError as exc:
        return str(exc)
    assert matter is not None
    return f"ok {matter.data['title']}"


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_build(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each case with PyYAML's C loader and with its pure-Python one."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("this PyYAML was built without libyaml")
    else:
        monkeypatch.setattr(yaml_fm, "_Loader", yaml.SafeLoader)
    return str(request.param)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("depth", [1, 2, MAX_NESTING - 1, MAX_NESTING, MAX_NESTING + 1, 1_001, 3_000])
def test_limit_is_ours_for_every_format_and_build(shape: str, depth: int, yaml_build: str) -> None:
    text, line = SHAPES[shape](max(depth, 2))
    if depth <= MAX_NESTING:
        assert _outcome(text) == "ok Hi"
    else:
        assert _outcome(text) == f"content/deep.md:{line}: front matter is nested deeper than {MAX_NESTING} levels"


@given(shape=st.sampled_from(sorted(SHAPES)), depth=st.integers(2, 3 * MAX_NESTING))
def test_refused_exactly_above_the_limit(shape: str, depth: int) -> None:
    text, _ = SHAPES[shape](depth)
    assert _outcome(text).startswith("ok") == (depth <= MAX_NESTING)


def test_brackets_in_strings_and_comments_do_not_count() -> None:
    many = "[" * (3 * MAX_NESTING)
    assert _outcome(f'---\ntitle: Hi\nnote: "{many}"\n# {many}\n---\nBody.\n') == "ok Hi"
    assert _outcome(f"+++\ntitle = 'Hi'\nnote = \"{many}\"\n# {many}\nx = '''{many}'''\n+++\nBody.\n") == "ok Hi"
    assert _outcome('{"title": "Hi", "note": "' + many + '"}\n\n' + many + "\n") == "ok Hi"


def test_many_tables_and_keys_at_a_sane_depth_are_fine() -> None:
    tables = "".join(f"[[menu.main]]\nname = 'n{i}'\nweight = {i}.5\n" for i in range(200))
    assert _outcome(f"+++\ntitle = 'Hi'\n{tables}+++\nBody.\n") == "ok Hi"
    keys = "".join(f"k{i}: [a, {{c: d}}]\n" for i in range(200))
    assert _outcome(f"---\ntitle: Hi\n{keys}---\nBody.\n") == "ok Hi"
