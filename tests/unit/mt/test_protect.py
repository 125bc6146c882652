"""Placeholders: markup out before the engine, back in after, or the draft is refused."""

from __future__ import annotations

import re
from random import Random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.markdown_strategies import WORDS
from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, with_dialect
from translate_flow.document.shortcode_params import BUILT_IN, ShortcodeParams
from translate_flow.mt.protect import MARKUP, PlaceholderError, protect, restore, without_markup


@pytest.mark.parametrize(
    ("text", "engine_sees"),
    [
        ('See [the guide](https://x.org/a_(b) "T") now', "See ⟦0⟧the guide⟦1⟧ now"),
        ("Run `make` or ``a ` b``", "Run ⟦0⟧ or ⟦1⟧"),
        ("Image ![alt text](/i.png) here", "Image ⟦0⟧alt text⟦1⟧ here"),
        ("Visit https://example.org/x. Or <https://y.org>", "Visit ⟦0⟧. Or ⟦1⟧"),
        ("Press <kbd>K</kbd> &amp; go", "Press ⟦0⟧K⟦1⟧ ⟦2⟧ go"),
        ('{{< ref "x.md" >}} and note[^n]', "⟦0⟧ and note⟦1⟧"),
        ("Escaped \\*star\\* and [ref][r]", "Escaped ⟦0⟧star⟦1⟧ and ⟦2⟧ref⟦3⟧"),
        ("Our own ⟦0⟧ brackets", "Our own ⟦0⟧0⟦1⟧ brackets"),
        ("No markup at all", "No markup at all"),
        # Code and translate="no" elements go whole, content included: their words are not for the engine.
        ("Run <code>hugo server</code> on <b>Hugo</b>", "Run ⟦0⟧ on ⟦1⟧Hugo⟦2⟧"),
        ('Ask <span class="x" translate="no">Hugo <b>Pro</b></span> now', "Ask ⟦0⟧ now"),
        ('Not <span translate="nothing">this</span>', "Not ⟦0⟧this⟦1⟧"),
    ],
)
def test_what_the_engine_sees(text: str, engine_sees: str) -> None:
    protected = protect(text)
    assert protected.text == engine_sees
    assert restore(protected.text, protected) == text


@given(st.lists(st.sampled_from([*WORDS, "⟦", "⟧", "⟦3⟧", "`", "[", "]", "(", ")", "<", ">", "&", "\\"]), max_size=20))
def test_restore_inverts_protect(words: list[str]) -> None:
    text = " ".join(words)
    protected = protect(text)
    assert restore(protected.text, protected) == text


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        ("a ⟦0⟧ c", "missing ⟦1⟧"),
        ("a ⟦0⟧ ⟦0⟧ ⟦1⟧", "duplicated or unknown ⟦0⟧"),
        ("a ⟦0⟧ ⟦1⟧ ⟦2⟧", "duplicated or unknown ⟦2⟧"),
        ("a ⟦0⟧ ⟦ 1⟧", "missing ⟦1⟧"),
        ("a ⟦0⟧ ⟦1⟧ ⟦", "altered"),
    ],
)
def test_broken_drafts_are_refused(draft: str, message: str) -> None:
    with pytest.raises(PlaceholderError) as caught:
        restore(draft, protect("a `b` c `d`"))
    assert message in str(caught.value)


def test_hugo_markup_is_one_placeholder_each() -> None:
    text = 'See {{< card\n  title="Fast"\n>}} and $$a^2$$ here {.lead}'
    protected = protect(text)
    assert protected.tokens == ('{{< card\n  title="Fast"\n>}}', "$$a^2$$", "{.lead}")
    assert protected.text == "See ⟦0⟧ and ⟦1⟧ here ⟦2⟧"
    assert restore("Voir ⟦0⟧ et ⟦1⟧ ici ⟦2⟧", protected) == 'Voir {{< card\n  title="Fast"\n>}} et $$a^2$$ ici {.lead}'


def test_translatable_values_of_a_call_in_a_text_go_to_the_engine() -> None:
    text = 'Read the {{< card title="Inline card" icon="bolt" >}} and {{< card title=`**Raw**` >}}.'
    protected = protect(text, shortcodes=BUILT_IN)
    assert protected.text == "Read the ⟦0⟧Inline card⟦1⟧ and ⟦2⟧**Raw**⟦3⟧."
    assert protected.tokens == ('{{< card title="', '" icon="bolt" >}}', "{{< card title=`", "` >}}")
    draft = "Lea la ⟦0⟧tarjeta en línea⟦1⟧ y ⟦2⟧**Cruda**⟦3⟧."
    assert restore(draft, protected) == (
        'Lea la {{< card title="tarjeta en línea" icon="bolt" >}} y {{< card title=`**Cruda**` >}}.'
    )
    # Unlisted parameters, escaped values, bare values and values without words stay in the call's placeholder.
    for call in (
        '{{< card icon="bolt" >}}',
        '{{< card title="A \\"b\\"" >}}',
        "{{< card title=Bare >}}",
        '{{< card title="42" >}}',
    ):
        assert protect(f"x {call} y", shortcodes=BUILT_IN).tokens == (call,)
    assert protect(text).tokens[0] == '{{< card title="Inline card" icon="bolt" >}}'


def test_inline_maths_only_with_the_site_delimiters() -> None:
    assert protect("If $x$ holds").tokens == ()
    assert protect("If $x$ holds", Markup(inline=(("$", "$"),))).tokens == ("$x$",)


# Markup characters and whole constructs, so that generated texts are dense with markup.
_PIECES = [*"ab `[]()<>!&;#\\{}%$*_^:/.\n⟦⟧0123", "http://x.y", "{{<", ">}}", "{{%", "%}}", "$$", "&amp;", "中文"]
_MARKUP_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


# The prefilter's characters, a URL's parts, `!` (markup only beside `[`, `\\` or `<`) and
# pieces that are markup only whole.
_PREFILTER_PIECES = [*"ab 世界\n:/.h", "http", "ftp", "://", "`", "{{<", ">}}", "<b>", "[", "]", "(", ")", "!"]
_PREFILTER_PIECES += ["&amp;", "\\*", "⟦", "⟧", "<!--", "-->", "<a@b.c>"]


@given(st.one_of(st.lists(st.sampled_from(_PREFILTER_PIECES), max_size=40).map("".join), _MARKUP_TEXT, st.text()))
def test_without_markup_is_every_markup_piece_replaced_by_a_space(text: str) -> None:
    # Texts with none of the characters markup needs skip the pattern: they must hold no markup.
    assert without_markup(text) == MARKUP.sub(" ", text)


_CALL_TEXT = st.lists(st.sampled_from([*_PIECES, 'title="', "card ", "`", '"', " words "]), max_size=40).map("".join)


@given(st.one_of(st.text(), _MARKUP_TEXT, _CALL_TEXT), st.sampled_from([None, BUILT_IN]))
@example("$${{<>}}$$", None)  # a shortcode inside maths: once, inside the maths placeholder
def test_any_text_survives_the_round_trip_and_is_numbered_in_order(
    text: str, shortcodes: ShortcodeParams | None
) -> None:
    protected = protect(text, shortcodes=shortcodes)
    assert restore(protected.text, protected) == text
    # ⟦0⟧, ⟦1⟧… in reading order, each once: what restore checks a draft against.
    numbers = [int(n) for n in re.findall(r"⟦(\d+)⟧", protected.text)]
    assert numbers == list(range(len(protected.tokens)))


@given(_MARKUP_TEXT, st.randoms(use_true_random=False))
def test_an_engine_may_move_placeholders_and_each_token_follows_its_own(text: str, random: Random) -> None:
    protected = protect(text)
    order = list(range(len(protected.tokens)))
    random.shuffle(order)
    # A translation that reorders the sentence: new words, placeholders in another order.
    draft = "mot " + " mot ".join(f"⟦{n}⟧" for n in order) + " fin"
    expected = "mot " + " mot ".join(protected.tokens[n] for n in order) + " fin"
    assert restore(draft, protected) == expected


def test_a_destination_that_holds_markup_is_one_placeholder() -> None:
    jekyll = with_dialect(DEFAULT_MATH, DIALECTS["jekyll"])
    protected = protect("The first post, with a [link]({{ site.baseurl }}/about/).", jekyll)
    assert protected.text == "The first post, with a ⟦0⟧link⟦1⟧."
    assert protected.tokens == ("[", "]({{ site.baseurl }}/about/)")
    assert restore("Le premier billet, avec un ⟦0⟧lien⟦1⟧.", protected) == (
        "Le premier billet, avec un [lien]({{ site.baseurl }}/about/)."
    )
