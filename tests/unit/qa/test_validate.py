"""qa.validate: a translation may change the words, never the page's structure."""

from __future__ import annotations

import pytest

from translate_flow.document.hugo_markup import Markup
from translate_flow.qa.validate import problems

# (kind, msgid, msgstr, the checks that must fail; empty: the translation is safe)
CASES = [
    # Safe: words change, structure stays.
    ("paragraph", "Read the [guide](/g) now.", "Lisez le [guide](/g) maintenant.", []),
    ("paragraph", "One line.", "Première ligne.\nDeuxième ligne.", []),
    ("paragraph", "_You **can** combine them_", "_Vous **pouvez** les combiner_", []),
    ("paragraph", "**Merge request (PR)** is enough", "**合并请求（PR）** 即可", []),
    ("heading 2", "Install it", "L'installer\nvite", []),
    ("table cell", "~~old~~ text", "texte ~~ancien~~", []),
    ("list item", 'Use {{< ref "x.md" >}} here', 'Utilisez {{< ref "x.md" >}} ici', []),
    ("paragraph", "Costs 5 * 3", "Coûte 5 * 3", []),
    # A block appears.
    ("paragraph", "Some code follows.", "```\ncode", ["structure"]),
    ("paragraph", "A plain paragraph.", "# Un titre", ["structure"]),
    ("list item", "Item", "Élément\n- autre", ["structure"]),
    ("paragraph", "A year to remember.", "1986. Une année", ["structure"]),
    ("paragraph", "Text here.", "Texte\n---", ["structure"]),
    ("paragraph", "Text here.", "<div>\nTexte", ["html", "structure"]),
    ("paragraph", "Columns a and b.", "a | b\n--|--", ["structure"]),
    ("footnote", "The note.", "La note.\n[^2]: autre", ["footnote", "structure"]),
    ("image alt", "A cat", "Un chat] (x", ["structure"]),
    # Emphasis judged by how it renders.
    ("paragraph", "A **bold** word.", "Un mot ** gras**.", ["emphasis"]),
    ("paragraph", "**Merge request (PR)** is enough", "**合并请求（PR）**即可", ["emphasis"]),
    ("paragraph", "_You **can** combine them_", "_ ** Les** puedes combinar_", ["emphasis"]),
    ("table cell", "~~strikethrough~~", "tachado", ["emphasis"]),
    # The inline skeleton.
    ("paragraph", 'See {{< ref "docs/config.md" >}}.', 'Voir {{< ref "docs/configuración.md" >}}.', ["shortcode"]),
    ("paragraph", 'Steps.\n{class="no-step-marker"}', 'Pasos.\n{clase="ningún-paso"}', ["attribute"]),
    ("paragraph", "Area $$\\pi r^2$$ here.", "Zone $$\\Pi r^2$$ ici.", ["math"]),
    ("paragraph", "Run `make` now.", "Lancez `faire` maintenant.", ["code"]),
    ("paragraph", "A [link](/a).", "Un [lien](/b).", ["link"]),
    ("paragraph", "See <https://x.org>.", "Voir https://x.org.", ["link"]),
    ("paragraph", "An ![icon](/i.png).", "Une icône.", ["image"]),
    ("paragraph", "A note[^1].", "Une note.", ["footnote"]),
    ("paragraph", "Press <kbd>A</kbd>.", "Appuyez sur A.", ["html"]),
    ("paragraph", "Text.", " Texte.", ["whitespace"]),
    # Half a shortcode call: with the other half in another entry, Hugo would run one call.
    ("list item", "item one", "élément un {{< youtube", ["shortcode"]),
    ("list item", "item two", "0RKpf3rK57I >}} élément deux", ["shortcode"]),
    ("paragraph", "First **bold**", "Premier **gras** {{< ou pas.", ["shortcode"]),
    # A trailing backslash would escape the next cell's pipe.
    ("table cell", "Alice", "Alice\\", ["structure"]),
    # CommonMark ends lines at a lone CR too.
    ("paragraph", "First **bold**.", "Premier **gras**.\r# Titre injecté\r\r- liste", ["structure"]),
    # A shortcode value: any words, quoted as Hugo reads them, but never breaking its call.
    ("shortcode card: title", "Fast", 'Rápido "de verdad"', []),
    ("shortcode card: title", "Fast", "# Rápido", []),  # a value is no Markdown block
    ("shortcode card: title", "Fast", "Rápido\ny más", ["shortcode"]),
    ("shortcode figure: caption", "Two\nlines", "Dos\nlíneas", []),  # a raw string keeps its lines
    ("shortcode card: title", "Fast", "Rápido >}} {{< x", ["shortcode", "shortcode"]),  # the skeleton too
    ("shortcode card: title", "Fast", "Rápido }} {{ .Title", ["shortcode"]),
    ("shortcode card: title", "Fast", 'Rápido `"C:\\', ["shortcode"]),  # no quoting holds it
    ("shortcode card: title", "Fast [here](/a)", "Rápido [aquí](/b)", ["link"]),
    # A call in a paragraph may change only in the values of its translatable parameters.
    ("paragraph", 'A {{< card title="Fast" icon="bolt" >}} card.', 'Una {{< card title="Rápida" icon="bolt" >}}.', []),
    ("paragraph", "A {{< card title=Fast >}} card.", 'Una {{< card title="Muy rápida" >}}.', []),
    (
        "paragraph",
        'A {{< card title="Fast" icon="bolt" >}} card.',
        'Una {{< card title="Rápida" icon="rayo" >}}.',
        ["shortcode"],
    ),
    ("paragraph", 'A {{< card title="Fast" >}} card.', 'Una {{< card title="Rá"pida" >}}.', ["shortcode"]),
    ("paragraph", 'A {{< card title="Fast" >}} card.', 'Una {{< card subtitle="Rápida" >}}.', ["shortcode"]),
    ("paragraph", 'A {{< note title="Fast" >}} card.', 'Una {{< note title="Rápida" >}}.', ["shortcode"]),
]


@pytest.mark.parametrize(("kind", "msgid", "msgstr", "expected"), CASES)
def test_validator(kind: str, msgid: str, msgstr: str, expected: list[str]) -> None:
    assert sorted(p.check for p in problems(msgid, msgstr, [kind])) == expected


def test_a_text_used_in_several_places_is_checked_for_each() -> None:
    # In a cell the lines are joined and the pipes escaped; in a paragraph they make a table.
    assert problems("Columns", "a | b\n--|--", ["table cell"]) == []
    assert [p.check for p in problems("Columns", "a | b\n--|--", ["table cell", "paragraph"])] == ["structure"]


def test_a_cell_cannot_end_its_table() -> None:
    assert [p.check for p in problems("Hello", "# Bonjour", ["table cell"])] == ["structure"]


def test_checks_can_be_switched_off_one_by_one() -> None:
    assert problems("A [link](/a).", "Un [lien](/fr/a).", ["paragraph"], disabled={"link"}) == []
    assert problems("Text.", "# Texte.", ["paragraph"], disabled={"structure"}) == []


def test_inline_maths_is_checked_where_the_site_enables_it() -> None:
    dollar = Markup(inline=(("$", "$"),))
    assert [p.check for p in problems("If $x$ holds", "Si $y$ vaut", ["paragraph"], math=dollar)] == ["math"]
    assert problems("Costs $5 or $6", "Coûte 5 $ ou 6 $", ["paragraph"]) == []


def test_messages_say_what_the_page_would_become() -> None:
    (problem,) = problems("Text.", "# Texte.", ["paragraph"])
    assert problem.message == "the translation is read as heading h1 instead of paragraph"
    (problem,) = problems("A **b**.", "Un ** b**.", ["paragraph"])
    assert problem.message == "emphasis renders differently: strong 1 in the source, 0 in the translation"


def test_a_project_s_own_shortcode_parameters_count_in_paragraphs() -> None:
    from translate_flow.document.shortcode_params import BUILT_IN

    msgid, msgstr = 'A {{< note title="Fast" >}}.', 'Una {{< note title="Rápida" >}}.'
    assert [p.check for p in problems(msgid, msgstr, ["paragraph"])] == ["shortcode"]
    own = BUILT_IN.overridden({"note": ["title"]})
    assert problems(msgid, msgstr, ["paragraph"], shortcodes=own) == []
    assert problems(msgid, msgstr, ["paragraph"], disabled=["shortcode"]) == []


def test_shortcode_value_problems_say_why() -> None:
    (problem,) = problems("Fast", "Rápido\ny más", ["shortcode card: title"])
    assert problem.message == "a line break would split the shortcode call"
    (problem,) = problems("Fast", 'a`"\\', ["shortcode card: title"])
    assert problem.message.startswith("the translation cannot be a shortcode value: no quoting holds it")
