"""The validator reads a translation in its page's dialect: a dialect's blocks and markup count."""

from __future__ import annotations

from translate_flow.document.dialects import DIALECTS
from translate_flow.document.hugo_markup import DEFAULT_MATH, Markup, with_dialect
from translate_flow.qa.validate import problems

MKDOCS = with_dialect(DEFAULT_MATH, DIALECTS["mkdocs"])
JEKYLL = with_dialect(DEFAULT_MATH, DIALECTS["jekyll"])
MDX = with_dialect(DEFAULT_MATH, DIALECTS["docusaurus"])


def _checks(msgid: str, msgstr: str, kind: str, markup: Markup) -> list[str]:
    return [p.check for p in problems(msgid, msgstr, [kind], math=markup)]


def test_a_translation_that_opens_an_admonition_or_a_definition_is_broken() -> None:
    assert _checks("Body text.", '!!! note "Title"', "admonition", MKDOCS) == ["structure"]
    assert _checks("Body text.", 'Texte\n=== "Onglet"', "admonition", MKDOCS) == ["structure"]
    assert _checks("Body text.", "Texte\n:   définition", "paragraph", MKDOCS) == ["structure"]
    assert _checks("Body text.", "Texte du corps.", "admonition", MKDOCS) == []
    # To Hugo the same line is a paragraph like any other.
    assert _checks("Body text.", '!!! note "Title"', "paragraph", DEFAULT_MATH) == []


def test_icons_keys_and_attribute_lists_must_stay() -> None:
    assert _checks("Press ++ctrl+c++ now.", "Appuyez sur Ctrl+C.", "paragraph", MKDOCS) == ["markup"]
    assert _checks("A :smile: face.", "Un visage.", "paragraph", MKDOCS) == ["markup"]
    assert _checks("[Go](#){ .md-button }", "[Aller](#)", "paragraph", MKDOCS) == ["attribute"]
    assert _checks("Press ++ctrl+c++ now.", "Appuyez ++ctrl+c++ maintenant.", "paragraph", MKDOCS) == []


def test_liquid_and_mdx_expressions_must_stay() -> None:
    assert _checks("Hello {{ page.title }}.", "Bonjour {{ page.titre }}.", "paragraph", JEKYLL) == ["markup"]
    assert _checks("Year {new Date().getFullYear()}.", "Année {year}.", "paragraph", MDX) == ["markup"]
    assert _checks("Hello {{ page.title }}.", "Bonjour {{ page.title }}.", "paragraph", JEKYLL) == []


def test_hugo_shortcode_delimiters_count_in_hugo_only() -> None:
    assert _checks("Text {{< x >}}.", "Texte.", "paragraph", DEFAULT_MATH) == ["shortcode"]
    assert _checks("Text about {{< and >}}.", "Texte sur.", "paragraph", MKDOCS) == []


def test_a_bare_brace_or_angle_bracket_in_mdx_is_syntax_that_must_keep_its_count() -> None:
    # `{` opens an MDX expression and `<` a JSX tag: one more stops the site's build.
    assert _checks("The tree is young.", "L'arbre est jeune. {{<", "paragraph", MDX) == ["markup"]
    assert _checks("The tree is young.", "L'arbre est jeune }", "paragraph", MDX) == ["markup"]
    assert _checks("Year {year}.", "Année {year} < 2000.", "paragraph", MDX) == ["markup"]
    # Kept as they were, or inside code, they are fine; in CommonMark they are words.
    assert _checks("Is a < b?", "Est-ce que a < b ?", "paragraph", MDX) == []
    assert _checks("The tree.", "L'arbre `{`.", "paragraph", MDX) == ["code"]
    assert _checks("The tree.", "L'arbre {<.", "paragraph", with_dialect(DEFAULT_MATH, DIALECTS["commonmark"])) == []
