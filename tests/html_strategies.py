"""Hypothesis strategies for articles with HTML blocks, written the way sites write them:
nested block and inline elements, attributes in every quoting, references, comments,
scripts, shortcodes, line breaks and indentation inside the block, and blocks inside
blockquotes and list items."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "Free",
    "open",
    "source",
    "Tom &amp; Jerry",
    "R&D",
    "it&#8217;s",
    "a&nbsp;b",
    "x < y",
    "中文",
    "测试。",
    "**not bold**",
    '{{< icon "bolt" >}}',
    "Ünïcode",
    "42",
    "😀",
]
BLOCKS = ["div", "p", "h1", "h2", "section", "li", "td", "button"]
INLINES = ["b", "i", "em", "strong", "span", "a", "small", "abbr"]


@st.composite
def words(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))


@st.composite
def attributes(draw: st.DrawFn) -> str:
    out = []
    for name in draw(st.lists(st.sampled_from(["class", "href", "title", "alt", "aria-label", "id"]), max_size=2)):
        value = draw(st.sampled_from(["x", "Read the guide", "Tom &amp; Jerry", "a'b", 'say "hi"']))
        quote = draw(st.sampled_from(['"', "'", ""]))
        if quote == "" and any(c in value for c in " '\"&"):
            quote = '"' if '"' not in value else "'"
        if quote and quote in value:
            quote = "'" if quote == '"' else '"'
        out.append(f"{name}={quote}{value}{quote}")
    return "".join(" " + a for a in out)


@st.composite
def inline(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["words", "words", "element", "void", "code", "no", "comment"]))
    if kind == "element" and depth < 2:
        name = draw(st.sampled_from(INLINES))
        return f"<{name}{draw(attributes())}>{draw(inline(depth + 1))}</{name}>"
    if kind == "void":
        return draw(st.sampled_from(['<img src="/i.png" alt="A cat">', "<br>", "<br/>", "<wbr>"]))
    if kind == "code":
        return "<code>npm install</code>"
    if kind == "no":
        return '<span translate="no">Hugo</span>'
    if kind == "comment":
        return "<!-- note -->"
    return draw(words())


@st.composite
def content(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(inline(), min_size=1, max_size=4))
    # Blanks or a line break (with indentation) between the pieces of one text.
    return "".join(p + draw(st.sampled_from([" ", " ", "\n  ", "\n"])) for p in pieces).rstrip()


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["block", "block", "skipped", "input", "no"]))
    if kind == "skipped":
        return draw(
            st.sampled_from(
                [
                    '<script>let s = "words";</script>',
                    "<script>if (a<b) go();</script>",
                    "<style>p { color: red }</style>",
                ]
            )
        )
    if kind == "input":
        return '<input type="search" placeholder="Search the docs">'
    if kind == "no":
        return '<div translate="no">Never <b>this</b></div>'
    name = draw(st.sampled_from(BLOCKS))
    inner = [draw(content())]
    if depth < 2 and draw(st.booleans()):
        inner.append(draw(element(depth + 1)))
    sep = draw(st.sampled_from(["", "\n"]))
    return f"<{name}{draw(attributes())}>{sep}{sep.join(inner)}{sep}</{name}>"


@st.composite
def html_block(draw: st.DrawFn) -> list[str]:
    """The lines of one HTML block: it starts with a block tag and has no blank line."""
    name = draw(st.sampled_from(["div", "section", "p"]))
    inner = [draw(element()) for _ in range(draw(st.integers(1, 3)))]
    text = f"<{name}{draw(attributes())}>\n" + "\n".join(inner) + f"\n</{name}>"
    return text.split("\n")


@st.composite
def html_article(draw: st.DrawFn) -> str:
    """An article body of Markdown paragraphs and HTML blocks, some in containers."""
    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        lines = draw(html_block())
        place = draw(st.sampled_from(["top", "top", "quote", "list", "paragraph"]))
        if place == "quote":
            lines = ["> " + line for line in lines]
        elif place == "list":
            lines = ["- Item", ""] + ["  " + line for line in lines]
        elif place == "paragraph":
            lines = [f"A paragraph with <b>inline</b> HTML and {draw(words())}."]
        blocks.append("\n".join(lines))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    return eol.join("\n\n".join(blocks).split("\n")) + eol
