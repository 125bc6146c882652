"""Hypothesis strategies that write Markdown articles the way people do, odd corners included."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "it's",
    "a&b",
    "x_y",
    "Ünïcode",
    "中文",
    "测试",
    "文本，",
    "句子。",
    "**bold**",
    "*em*",
    "`code`",
    "`a|b`",
    "[link](https://example.org/p)",
    "![img](/i.png)",
    "{{< sc >}}",
    "<kbd>K</kbd>",
    "foo[^1]",
    "42",
    "é",
    "😀",
]
EOLS = ["\n", "\r\n", "\r"]


@st.composite
def line_of_words(draw: st.DrawFn, min_size: int = 1) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=6))
    # Start with a plain word so no line opens a block construct by accident.
    return " ".join([draw(st.sampled_from(WORDS[:12]))] + words)


@st.composite
def paragraph_lines(draw: st.DrawFn, indent_ok: bool) -> list[str]:
    lines = draw(st.lists(line_of_words(), min_size=1, max_size=3))
    out = []
    for index, line in enumerate(lines):
        if index < len(lines) - 1:
            line += draw(st.sampled_from(["", "", " ", "  ", "\\"]))
        if index and indent_ok:
            line = draw(st.sampled_from(["", " ", "  "])) + line
        out.append(line)
    return out


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> list[str]:
    kinds = ["para", "atx", "setext", "list", "olist", "quote", "alert", "table", "fence", "html", "shortcode", "image"]
    if depth >= 2:
        kinds = ["para", "atx", "fence"]
    kind = draw(st.sampled_from(kinds))
    if kind == "para":
        return draw(paragraph_lines(indent_ok=depth == 0))
    if kind == "atx":
        closing = draw(st.sampled_from(["", " #", " ###"]))
        return ["#" * draw(st.integers(1, 6)) + " " + draw(line_of_words()) + closing]
    if kind == "setext":
        return [draw(line_of_words()), draw(st.sampled_from(["===", "---", "======"]))]
    if kind in ("list", "olist"):
        lines: list[str] = []
        for number in range(draw(st.integers(1, 3))):
            marker = draw(st.sampled_from(["- ", "* ", "+ "])) if kind == "list" else f"{number + 1}. "
            item = draw(paragraph_lines(indent_ok=False))
            pad = " " * len(marker)
            lines.append(marker + item[0])
            lines.extend(pad + rest for rest in item[1:])
            if draw(st.booleans()) and depth < 1:
                nested = draw(block(depth + 1))
                lines.extend(pad + n if n else "" for n in nested)
        return lines
    if kind in ("quote", "alert"):
        inner = draw(block(depth + 1))
        head = ["> [!" + draw(st.sampled_from(["NOTE", "TIP", "WARNING"])) + "]"] if kind == "alert" else []
        return head + [("> " + n) if n else ">" for n in inner]
    if kind == "table":
        cells = [draw(st.sampled_from(WORDS[:12])) for _ in range(4)]
        return [f"| {cells[0]} | {cells[1]} |", "| --- | :-: |", f"| {cells[2]} | {cells[3]} |"]
    if kind == "fence":
        return ["```", draw(line_of_words()), "```"]
    if kind == "html":
        return ["<div>", draw(line_of_words()), "</div>"]
    if kind == "shortcode":
        return ["{{< notice >}}", draw(line_of_words()), "{{< /notice >}}"]
    return ["![" + draw(st.sampled_from(WORDS[:12])) + "](/img.png)"]


def _yaml_scalar(draw: st.DrawFn, value: str) -> str:
    style = draw(st.sampled_from(["plain", "double", "single"]))
    if style == "plain" and ":" not in value and "#" not in value and not value[0] in "*&!`[{>|%@'\"":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def front_matter(draw: st.DrawFn) -> tuple[list[str], str | None, str | None]:
    """(lines, the exact lang text, what it must become after merge into fr)."""
    kind = draw(st.sampled_from(["none", "yaml", "yaml-list", "toml", "json"]))
    title = draw(line_of_words())
    if kind == "none":
        return [], None, None
    if kind.startswith("yaml"):
        lang = 'lang:\n  - "en"' if kind == "yaml-list" else "lang: en"
        lines = ["---", "title: " + _yaml_scalar(draw, title), *lang.split("\n"), "draft: false", "---", ""]
        return lines, lang.replace("\n", "@@"), lang.replace("en", "fr").replace("\n", "@@")
    if kind == "toml":
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        return ["+++", f'title = "{escaped}"', 'lang = "en"', "weight = 1", "+++", ""], 'lang = "en"', 'lang = "fr"'
    import json

    return (
        ["{", f'  "title": {json.dumps(title, ensure_ascii=False)},', '  "lang": "en"', "}", ""],
        '"lang": "en"',
        '"lang": "fr"',
    )


@st.composite
def article(draw: st.DrawFn) -> tuple[bytes, bytes | None]:
    """An article's bytes, and what an identity merge into ``fr`` must produce (None: same but lang)."""
    fm_lines, lang, new_lang = draw(front_matter())
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    lines = list(fm_lines)
    for item in blocks:
        lines.extend(item)
        lines.append("")
    if draw(st.booleans()):
        lines.pop()  # no final newline
    mixed = draw(st.booleans())
    eol = draw(st.sampled_from(EOLS))
    text = ""
    for index, line in enumerate(lines):
        text += line
        if index < len(lines) - 1:
            text += draw(st.sampled_from(EOLS)) if mixed else eol
    # Multi-line lang values above used @@ to stand for "the line ending here".
    expected = text
    if lang is not None and new_lang is not None:
        assert "@@" not in text.replace(lang.replace("@@", "\n"), "")
        first_eol = eol if not mixed else None
        if "@@" in lang:
            lang_lines = lang.split("@@")
            new_lines = new_lang.split("@@")
            expected = text.replace(lang_lines[1], new_lines[1], 1)
        else:
            expected = text.replace(lang, new_lang, 1)
        del first_eol
    bom = b"\xef\xbb\xbf" if draw(st.booleans()) else b""
    return bom + text.encode(), bom + expected.encode()
