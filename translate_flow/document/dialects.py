"""Markdown dialects: what each site generator adds to CommonMark, declared, not coded.

A dialect says three things, and the segmenter, the validator and the splice read them:

- **opaque markup** (``Opaque``): inline pieces hidden from markdown-it and never
  translated, such as Hugo shortcodes, MkDocs icons ``:octicons-16:`` and keys
  ``++ctrl+c++``, Liquid tags, MDX expressions. An *edge* piece (an attribute list, an
  icon) is trimmed off a text's ends; an inner one stays in the msgid like a word, and
  the validator checks that the translation keeps it.
- **containers** (``Container``): blocks whose inside is Markdown to translate, with an
  opener line (and a title, which is a text of its own) such as ``!!! note "Title"``,
  ``=== "Tab"``, ``:::tip Title`` or ``{% note %}``; their body is either the lines
  indented by four columns (MkDocs) or the lines up to a closer. A *code* container's
  body is code (``{% highlight %}``); ``{% raw %}`` is not one: Jekyll renders its body
  as Markdown with Liquid off, so it is prose on the page.
- **line markers** (``Marker``): a line start that makes the rest of the line a text of
  its own kind, such as a definition's ``:   `` or an abbreviation's ``*[HTML]:``.

``hugo`` is the default and changes nothing that translate-flow did before dialects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

__all__ = ["DIALECTS", "HUGO", "Container", "Dialect", "Marker", "Opaque"]


@dataclass(frozen=True)
class Opaque:
    """One kind of inline markup that is never translated."""

    kind: str
    """What it is (``shortcode``, ``attribute``, ``icon``…); the validator compares shortcodes and
    attributes under their own checks and every other kind under ``markup``."""
    pattern: re.Pattern[str]
    """Where it is (its group ``markup`` if it has one); blanks the match starts or ends with are not part of it."""
    edge: bool
    """Trimmed off a text's start and end (attributes, icons); else it stays inside the text."""
    early: bool = False
    """Read before Markdown (Hugo shortcodes, Liquid): it counts inside code spans too."""


@dataclass(frozen=True)
class Container:
    """A block whose opener line is markup (with an optional title) and whose body is Markdown."""

    kind: str
    """The segment kind of the texts of its body (``admonition``); its title's is ``… title``."""
    opener: re.Pattern[str]
    """The opener line after its indentation; a group named ``title`` (or ``title2``) is a text."""
    closer: re.Pattern[str] | None = None
    """The line that ends the body; None: the body is the following lines indented four more columns."""
    code: bool = False
    """The body is code, never translated."""
    default_title: bool = False
    """Without a title the generator shows its type, capitalized (group ``type``: ``!!! note`` shows
    "Note"): that is a text too, written as a title when translated."""


@dataclass(frozen=True)
class Marker:
    """A line start that is markup; the rest of the line (and its indented continuation) is a text."""

    kind: str
    """The segment kind of that text."""
    pattern: re.Pattern[str]
    """The marker, matched at the line's start after up to three blanks."""
    continued: bool
    """Lines indented four columns below it continue the text (definitions); else one line only."""


@dataclass(frozen=True)
class Dialect:
    """What one generator's Markdown adds to CommonMark."""

    name: str
    """The ``dialect`` setting's value."""
    opaque: tuple[Opaque, ...] = ()
    """Inline markup never translated, in order of precedence."""
    containers: tuple[Container, ...] = ()
    """Blocks with translatable Markdown inside."""
    markers: tuple[Marker, ...] = ()
    """Line starts that are markup."""
    shortcodes: bool = False
    """Hugo shortcodes: their translatable parameters become texts (``[shortcodes]``)."""
    indented_code: bool = True
    """Four-space indented lines are code (MDX has no indented code)."""
    attributes: tuple[str, ...] = ()
    """HTML/JSX attributes translated besides ``alt``, ``title``, ``aria-label`` and ``placeholder``."""
    bare_syntax: str = ""
    """Characters that are syntax wherever they stand bare in a text, outside code and the opaque
    markup (MDX: ``{`` opens an expression, ``<`` a JSX tag): a translation keeps their count, or
    one stray brace stops the site's build."""
    hint: str = ""
    """Characters at least one of which a text with any of this dialect's markup holds."""
    suffixes: tuple[str, ...] = (".md", ".markdown")
    """The file suffixes of its pages."""
    front_matter: tuple[str, ...] = ("yaml",)
    """Its front-matter formats (Hugo's TOML ``+++`` and JSON ``{`` too)."""
    data_dir: str = "data"
    """The folder ``[data]`` globs are relative to, without a Hugo site to name one (Docusaurus
    keeps its JSON UI strings under ``i18n/<locale>/``)."""


# Hugo: one call, on one line or several: `{{< name params >}}` or `{{% name params %}}`, with
# `{{</* … */>}}` (a call shown literally) too. It may not contain another opening `{{`.
HUGO_SHORTCODE = re.compile(r"\{\{<(?:(?!\{\{|>\}\}).)*>\}\}|\{\{%(?:(?!\{\{|%\}\}).)*%\}\}", re.DOTALL)
# Goldmark attributes: `{#id}`, `{.class}`, `{key="value"}`, and any mix of them, at the end of a
# heading line or alone on a line after a block.
_ATTR = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[\w.-]+))"""
_GOLDMARK_ATTRIBUTE = re.compile(rf"[ \t]*\{{[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}[ \t]*(?=\r\n|\r|\n|\Z)")
_TITLE = r'(?:[ \t]+"(?P<title>.*)")?[ \t]*$'
# Python-Markdown's attr_list and kramdown's IAL: `{ .md-button }`, `{: #id .class }`, anywhere.
_ATTR_LIST = rf"\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}|\{{:[ \t]*\}}"
# Liquid (Jekyll, Hexo): `{% tag %}` and `{{ output }}`, on one line or several.
_LIQUID = r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}"


def _liquid_block(name: str, kind: str, code: bool) -> Container:
    """``{% name … %}`` … ``{% endname %}``, alone on their lines."""
    opener = re.compile(rf"\{{%-?[ \t]*{name}\b(?:[^%]|%(?!\}}))*-?%\}}[ \t]*$")
    closer = re.compile(rf"\{{%-?[ \t]*end{name}[ \t]*-?%\}}[ \t]*$")
    return Container(kind, opener, closer, code)


HUGO = Dialect(
    "hugo",
    opaque=(
        Opaque("shortcode", HUGO_SHORTCODE, edge=False, early=True),
        Opaque("attribute", _GOLDMARK_ATTRIBUTE, True),
    ),
    shortcodes=True,
    hint="{$\\",
    front_matter=("yaml", "toml", "json"),
)
COMMONMARK = Dialect("commonmark", hint="$\\")

# The other dialects are built when a project names one: their thirty regular expressions
# would otherwise be compiled at every command's start-up.


def _mkdocs() -> Dialect:
    return Dialect(
        "mkdocs",
        opaque=(
            # Snippets: a `--8<--` line (one file), or the block form that lists files between two of them.
            Opaque(
                "snippet",
                re.compile(
                    r"^[ \t]*;?-{1,2}8<-{1,2}[ \t]*\r?\n(?:.*\r?\n)*?[ \t]*-{1,2}8<-{1,2}[ \t]*$|^[ \t]*;?-{1,2}8<-{1,2}.*$",
                    re.MULTILINE,
                ),
                edge=True,
            ),
            Opaque("attribute", re.compile(_ATTR_LIST), edge=True),
            # Icons and emoji (`:octicons-file-code-16:`, `:smile:`): a name between colons, not a time (10:30:).
            Opaque("icon", re.compile(r"(?<![\w:]):[a-z][a-z0-9_+-]*:(?![\w:])"), edge=True),
            # Keys: `++ctrl+alt+del++`.
            Opaque("keys", re.compile(r"\+\+[\w-]+(?:\+[\w-]+)*\+\+"), edge=False),
            # An HTML comment on one line with text after it (`:   <!-- md:default x --> Text`, how
            # Material's documentation tags its options): Python-Markdown reads it inline, in the
            # text's paragraph, where CommonMark would make the line an HTML block of its own and
            # cut the sentence in two.
            Opaque(
                "comment",
                re.compile(
                    r"^[ \t]*(?::[ \t]{1,3})?(?P<markup><!--(?:(?!-->)[^\n])*-->)(?=[ \t]*[^\s<])", re.MULTILINE
                ),
                edge=True,
            ),
        ),
        containers=(
            Container(
                "admonition",
                re.compile(r"(?:!!!|\?\?\?\+?)[ \t]*(?P<type>[\w-]+)(?:[ \t]+[\w-]+)*?" + _TITLE),
                default_title=True,
            ),
            Container("content tab", re.compile(r'={3}!?\+?[ \t]+"(?P<title>.*)"[ \t]*$')),
        ),
        markers=(
            Marker("definition", re.compile(r":[ \t]{1,3}(?=\S)"), continued=True),
            Marker("abbreviation", re.compile(r"\*\[[^\]\n]+\]:[ \t]*"), continued=False),
        ),
        hint="{$\\:+-",
    )


def _docusaurus() -> Dialect:
    return Dialect(
        "docusaurus",
        # MDX: ESM lines up to a blank line, and `{expressions}` (two levels of braces inside).
        opaque=(
            Opaque(
                "esm",
                re.compile(r"^(?:import|export)[ \t{*].*?(?=\r?\n[ \t]*\r?\n|\Z)", re.MULTILINE | re.DOTALL),
                edge=True,
            ),
            Opaque("expression", re.compile(r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"), edge=True),
        ),
        containers=(
            Container(
                "admonition",
                re.compile(r"(?P<fence>:{3,})[\w-]+(?:\[(?P<title>[^\]\n]*)\]|[ \t]+(?P<title2>\S.*?))?[ \t]*$"),
                re.compile(r":{3,}[ \t]*$"),
            ),
        ),
        indented_code=False,
        attributes=("label",),
        data_dir="i18n",
        suffixes=(".md", ".markdown", ".mdx"),
        bare_syntax="{}<",
        hint="{$\\",
    )


def _jekyll() -> Dialect:
    # kramdown's extensions: `{::comment}…{:/comment}`, `{::nomarkdown}…{:/}`, `{::options … /}`.
    kramdown = re.compile(
        r"\{::(?:comment|nomarkdown)[^}\n]*\}.*?\{:/(?:comment|nomarkdown)?\}|\{::options[^}\n]*/\}", re.DOTALL
    )
    return Dialect(
        "jekyll",
        opaque=(
            Opaque("liquid", re.compile(_LIQUID, re.DOTALL), edge=False, early=True),
            Opaque("kramdown", kramdown, edge=True),
            Opaque("attribute", re.compile(_ATTR_LIST), edge=True),
        ),
        containers=(
            _liquid_block("raw", "raw", code=False),
            _liquid_block("highlight", "code", code=True),
        ),
        hint="{$\\",
    )


def _hexo() -> Dialect:
    return Dialect(
        "hexo",
        opaque=(Opaque("liquid", re.compile(_LIQUID, re.DOTALL), edge=False, early=True),),
        containers=(
            _liquid_block("raw", "raw", code=False),
            _liquid_block("codeblock", "code", code=True),
            _liquid_block("code", "code", code=True),
            _liquid_block("note", "tag block", code=False),
            _liquid_block("blockquote", "tag block", code=False),
            _liquid_block("tab", "tag block", code=False),
            _liquid_block("tabs", "tag block", code=False),
        ),
        hint="{$\\",
    )


class _Dialects(Mapping[str, Dialect]):
    """Every dialect by its setting's name, each built on first use (once per process)."""

    def __init__(self, builders: dict[str, Callable[[], Dialect]]) -> None:
        self._builders = builders

    def __getitem__(self, name: str) -> Dialect:
        return _built(self._builders[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)


@cache
def _built(builder: Callable[[], Dialect]) -> Dialect:
    return builder()


DIALECTS: Mapping[str, Dialect] = _Dialects(
    {
        "hugo": lambda: HUGO,
        "mkdocs": _mkdocs,
        "docusaurus": _docusaurus,
        "jekyll": _jekyll,
        "hexo": _hexo,
        "commonmark": lambda: COMMONMARK,
    }
)
"""Every dialect by its setting's name."""
