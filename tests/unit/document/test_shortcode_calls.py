"""document.shortcode_calls: a call's parameters read, and values written, as Hugo's lexer reads them.

tests/test_shortcode_params.py checks the same readings against a real Hugo build.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.document.hugo_markup import find_markup
from translate_flow.document.shortcode_calls import Param, parse_call, unwritable, write_value


def _values(call: str) -> list[tuple[str | int, str]]:
    parsed = parse_call(call)
    assert parsed is not None, call
    return [(p.key, p.value) for p in parsed.params]


@pytest.mark.parametrize(
    ("call", "name", "values"),
    [
        ('{{< card title="Fast" icon=bolt >}}', "card", [("title", "Fast"), ("icon", "bolt")]),
        ('{{% details summary="More" %}}', "details", [("summary", "More")]),
        ('{{< tab "Windows" Mac >}}', "tab", [(0, "Windows"), (1, "Mac")]),
        ('{{< card\n  title=`Two\nlines`\n  subtitle="x"\n>}}', "card", [("title", "Two\nlines"), ("subtitle", "x")]),
        ('{{< figure src=a.png caption="Hi" />}}', "figure", [("src", "a.png"), ("caption", "Hi")]),
        ('{{<figure caption= "spaced">}}', "figure", [("caption", "spaced")]),
        ('{{< hextra/feature-card title="A" >}}', "hextra/feature-card", [("title", "A")]),
        ('{{< x a="b"c="d" >}}', "x", [("a", "b"), ("c", "d")]),
        ("{{< x >}}", "x", []),
        ('{{< t.inline "A" >}}', "t.inline", [(0, "A")]),
    ],
)
def test_calls_read_as_hugo_reads_them(call: str, name: str, values: list[tuple[str | int, str]]) -> None:
    parsed = parse_call(call)
    assert parsed is not None and parsed.name == name
    assert [(p.key, p.value) for p in parsed.params] == values


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ('"C:\\dir"', "C:\\dir"),  # no escaped quote: backslashes are kept
        ('"Say \\"hi\\""', 'Say "hi"'),
        ('"Say \\"hi\\" C:\\dir"', 'Say "hi" C:dir'),  # with one, Hugo drops every backslash
        ('`raw \\"as is\\"`', 'raw \\"as is\\"'),
        ('"a >}} b"', None),  # our masking ends the call at the first `>}}`: left alone
    ],
)
def test_escapes_are_resolved_as_hugo_resolves_them(written: str, value: str | None) -> None:
    page = f"{{{{< x a={written} >}}}}"
    calls = [page[s:e] for kind, s, e in find_markup(page) if kind == "shortcode"]
    parsed = parse_call(calls[0])
    assert (parsed.params[0].value if parsed is not None and parsed.params else None) == value


@pytest.mark.parametrize(
    "call",
    [
        "{{< /tab >}}",  # closing: no parameters
        '{{</* card title="x" */>}}',  # shown on the page, not called
        '{{< x a="1" b >}}',  # named and positional mixed: Hugo refuses
        '{{< x "a" b="1" >}}',
        '{{< x a="open >}}',  # unterminated
        '{{< x a="two\nlines" >}}',  # Hugo stops a quoted value at a line feed
        '{{< x a="bad \\` escape" >}}',
        "{{< x a= >}}",
        "{{< x a=b>}}",  # Hugo would run the value into `>}}`
        '{{< x title = "a" >}}',
        '{{< x a=\\"b\\" >}}',
        "{{< a.b >}}",
        "{{< badge .hidden >}}",  # a positional value may not start with `.`
        "{{< x ! >}}",
        "{{< card",
        '{{% x a="b" >}}',
    ],
)
def test_calls_hugo_refuses_or_reads_otherwise_are_left_alone(call: str) -> None:
    assert parse_call(call) is None


def test_a_param_knows_its_span_and_quote() -> None:
    call = '{{< card title="Fast" tag=`New` icon=bolt >}}'
    parsed = parse_call(call)
    assert parsed is not None
    spans = [(call[p.start : p.end], p.quote(call)) for p in parsed.params]
    assert spans == [('"Fast"', '"'), ("`New`", "`"), ("bolt", "")]
    assert parsed.params[0] == Param("title", "Fast", 15, 21)


@pytest.mark.parametrize(
    ("text", "quote", "written"),
    [
        ("Rápido", "", "Rápido"),
        ("Muy rápido", "", '"Muy rápido"'),
        ("true", "", '"true"'),  # unquoted, Hugo would read a bool
        ("12", "", '"12"'),
        (".x", "", '".x"'),
        ("Hola", '"', '"Hola"'),
        ("Hola", "`", "`Hola`"),
        ('Di "hola"', '"', '"Di \\"hola\\""'),
        ('Di "hola"', "`", '`Di "hola"`'),
        ("a`b", "`", '"a`b"'),  # a backtick in a raw string: double quotes instead
        ("C:\\dir", '"', '"C:\\dir"'),
        ('"C:\\dir"', '"', '`"C:\\dir"`'),  # escaped quotes would drop the backslash
        ("ends with \\", '"', "`ends with \\`"),
        ("a \\` b", '"', None),  # `\`` is an error in double quotes, a backtick ends a raw string
        ("two\nlines", '"', "`two\nlines`"),
        ("a }} b", '"', '"a }} b"'),
        ("a >}} b", '"', None),
        ("a {{ b", "`", None),
        ("50%}}", "", None),
        ('a`"b\\', '"', None),
    ],
)
def test_values_are_written_in_their_quoting_where_it_holds_them(text: str, quote: str, written: str | None) -> None:
    assert write_value(text, quote) == written
    assert (unwritable(text) is None) == (written is not None)


def test_unwritable_says_why() -> None:
    assert unwritable("a {{ b") == "{{ would end or nest the shortcode call"
    assert unwritable('`"\\') is not None and "no quoting holds it" in str(unwritable('`"\\'))
    assert unwritable("plain") is None


@given(st.text(max_size=40), st.sampled_from(["", '"', "`"]), st.booleans())
def test_a_written_value_reads_back_as_exactly_the_text(text: str, quote: str, positional: bool) -> None:
    written = write_value(text, quote)
    if written is None:
        assert unwritable(text) is not None
        return
    page = f"{{{{< x {written} >}}}}" if positional else f"{{{{< x a={written} >}}}}"
    # Our masking sees one call, over exactly these characters.
    calls = [(s, e) for kind, s, e in find_markup(page) if kind == "shortcode"]
    assert calls == [(0, len(page))]
    parsed = parse_call(page)
    assert parsed is not None and [(p.key, p.value) for p in parsed.params] == [(0 if positional else "a", text)]
