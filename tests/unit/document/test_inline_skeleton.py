"""document.inline_skeleton: a text's inline markup by kind, words left out."""

from __future__ import annotations

from collections import Counter

from translate_flow.document.hugo_markup import Markup
from translate_flow.document.inline_skeleton import inline_children, inline_skeleton


def test_plain_text_has_an_empty_skeleton() -> None:
    assert inline_skeleton("Just words, and more words.") == {}


def test_each_kind_of_markup_is_counted_as_a_multiset() -> None:
    skeleton = inline_skeleton(
        'A [link](/a "T") and [again](/a "T"), ![img](/i.png), `code`, <KBD>x</kbd>, a note[^1] and [ref][r].'
    )
    assert skeleton == {
        "link": Counter({"/a T": 2, "][r]": 1}),
        "image": Counter({"/i.png": 1}),
        "code": Counter({"`code`": 1}),
        "html": Counter({"<kbd>": 1, "</kbd>": 1}),
        "footnote": Counter({"[^1]": 1}),
    }


def test_the_words_do_not_count() -> None:
    source = "Read the [guide](/g) and run `make`."
    assert inline_skeleton(source) == inline_skeleton("Lisez le [guide complet](/g) puis `make`.")
    assert inline_skeleton(source) != inline_skeleton("Lisez le [guide](/fr/g) puis `make`.")


def test_emphasis_counts_as_it_renders() -> None:
    assert inline_skeleton("A **bold** word")["emphasis"] == Counter({"strong": 1})
    # A space after the opening marker: CommonMark renders the stars as text.
    assert "emphasis" not in inline_skeleton("A ** bold** word")
    assert inline_skeleton("**合并请求（PR）** 即可")["emphasis"] == Counter({"strong": 1})
    assert "emphasis" not in inline_skeleton("**合并请求（PR）**即可")


def test_hugo_markup_counts_as_itself_and_its_delimiters_on_their_own() -> None:
    skeleton = inline_skeleton('See {{< ref "a.md" >}} and $$x^2$$.', Markup(block=(("$$", "$$"),)))
    assert skeleton["shortcode"] == Counter({'{{< ref "a.md" >}}': 1, "{{<": 1, ">}}": 1})
    assert skeleton["math"] == Counter({"$$x^2$$": 1, "$$": 2})
    # Half a call still counts: joined with another text's half it would make one call.
    assert inline_skeleton("text {{< youtube")["shortcode"] == Counter({"{{<": 1})


def test_inline_children_are_the_tokens_of_one_paragraph() -> None:
    assert [t.type for t in inline_children("a *b*")] == ["text", "em_open", "text", "em_close"]
    assert inline_children("") == []
