"""Hypothesis strategies that write pages in the MkDocs (Material) dialect, nesting included."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "alpha",
    "beta",
    "gamma",
    "it's",
    "Ünïcode",
    "中文",
    "**bold**",
    "*em*",
    "`code`",
    "[link](https://example.org/p)",
    ":smile:",
    "++ctrl+alt+del++",
    "[button](#){ .md-button }",
    "😀",
]


@st.composite
def words(draw: st.DrawFn) -> str:
    rest = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=5))
    return " ".join([draw(st.sampled_from(WORDS[:6]))] + rest)


@st.composite
def paragraph(draw: st.DrawFn) -> list[str]:
    lines = draw(st.lists(words(), min_size=1, max_size=3))
    return [line + ("  " if k < len(lines) - 1 and draw(st.booleans()) else "") for k, line in enumerate(lines)]


def _indent(lines: list[str]) -> list[str]:
    return ["    " + line if line else "" for line in lines]


@st.composite
def container(draw: st.DrawFn, depth: int) -> list[str]:
    opener = draw(st.sampled_from(["!!! note", "!!! warning", "??? tip", "???+ danger", '=== "Tab"']))
    if not opener.startswith("===") and draw(st.booleans()):
        opener += ' "' + draw(st.sampled_from(["A title", ":material-rocket: Icon title", "Title with `code`"])) + '"'
    body: list[str] = []
    for index, part in enumerate(draw(st.lists(block(depth + 1), min_size=1, max_size=3))):
        body += ([""] if index else []) + part
    gap = [""] if draw(st.booleans()) else []
    return [opener] + gap + _indent(body)


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> list[str]:
    kinds = ["para", "list", "fence", "definition", "heading", "snippet"]
    if depth < 2:
        kinds.append("container")
    kind = draw(st.sampled_from(kinds))
    if kind == "container":
        return draw(container(depth))
    if kind == "list":
        return ["- " + draw(words()) for _ in range(draw(st.integers(1, 3)))]
    if kind == "fence":
        return ["``` yaml", "theme: !!! not an admonition", "```"]
    if kind == "definition":
        return [draw(words()), ":   " + draw(words()), "    " + draw(words())]
    if kind == "heading":
        return ["## " + draw(words()) + draw(st.sampled_from(["", " { #anchor }"]))]
    if kind == "snippet":
        return ['--8<-- "includes/' + draw(st.sampled_from(["a.md", "b.md"])) + '"']
    return draw(paragraph())


@st.composite
def mkdocs_page(draw: st.DrawFn) -> str:
    """A page of blocks separated by blank lines, abbreviations at its end."""
    parts = draw(st.lists(block(), min_size=1, max_size=5))
    lines: list[str] = []
    for index, part in enumerate(parts):
        # A paragraph may follow a container's body with no blank line: it is a block of its own.
        after_container = index and parts[index - 1][0].startswith(("!!!", "???", "==="))
        tight = after_container and part[0][:1].isalpha() and draw(st.booleans())
        lines += ([""] if index and not tight else []) + part
    if draw(st.booleans()):
        lines += ["", "*[HTML]: Hyper Text Markup Language", "*[W3C]: World Wide Web Consortium"]
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join(lines) + eol


MDX_WORDS = ["alpha", "beta", "**bold**", "`code`", "{props.name}", "{1 + 2}", "[link](/docs/x)", "中文"]
LIQUID_WORDS = ["alpha", "beta", "**bold**", "`code`", "{{ page.title }}", "{% include x.html %}", "中文", "{: .big}"]


@st.composite
def _line(draw: st.DrawFn, vocabulary: list[str]) -> str:
    rest = draw(st.lists(st.sampled_from(vocabulary), min_size=0, max_size=5))
    return " ".join([draw(st.sampled_from(vocabulary[:2]))] + rest)


@st.composite
def mdx_page(draw: st.DrawFn) -> str:
    """An MDX page: imports, comments, JSX with labels, ::: admonitions, prose with expressions."""
    lines = ["import Tabs from '@theme/Tabs';", ""] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["para", "admonition", "tabs", "comment"]))
        text = draw(_line(MDX_WORDS))
        if kind == "admonition":
            title = draw(st.sampled_from(["", "[A title]", " Old title"]))
            lines += [f":::note{title}", "", text, "", ":::"]
        elif kind == "tabs":
            indent = draw(st.sampled_from(["", "    "]))
            lines += ["<Tabs>", '  <TabItem value="a" label="First">', "", indent + text, "", "  </TabItem>", "</Tabs>"]
        elif kind == "comment":
            lines += ["{/* " + text + " */}"]
        else:
            lines += [text]
        lines.append("")
    return "\n".join(lines)


@st.composite
def liquid_page(draw: st.DrawFn) -> str:
    """A Jekyll or Hexo page: Liquid in prose, raw and highlight blocks, note tag plugins."""
    lines: list[str] = ["---", "layout: post", "---"]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["para", "raw", "highlight", "note", "ial"]))
        text = draw(_line(LIQUID_WORDS))
        if kind == "raw":
            lines += ["{% raw %}", text, "{% endraw %}"]
        elif kind == "highlight":
            lines += ["{% highlight ruby %}", text, "{% endhighlight %}"]
        elif kind == "note":
            lines += ["{% note info %}", text, "{% endnote %}"]
        elif kind == "ial":
            lines += [text, "{: .lead }"]
        else:
            lines += [text]
        lines.append("")
    return "\n".join(lines)
