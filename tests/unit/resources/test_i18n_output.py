"""resources/i18n_output.py: a translated table keeps the source's format and order; only values
change, untranslated messages go (Hugo falls back), plural forms follow the target's CLDR categories."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translate_flow.resources.i18n_output import render_table
from translate_flow.resources.i18n_table import read_table
from translate_flow.resources.model import Translations
from translate_flow.resources.parse import parse_document
from translate_flow.resources.plurals import categories
from translate_flow.resources.tree import Document
from translate_flow.textutil import has_words

RU = {"one": "{{ .Count }} страница", "few": "{{ .Count }} страницы", "many": "{{ .Count }} страниц"}


def _render(
    text: str, fmt: str, language: str, texts: dict[str, str], plural: bool = True, hidden: frozenset[str] = frozenset()
) -> str | None:
    doc = parse_document(text.encode(), f"i18n/en.{fmt}", fmt)
    table = read_table(doc)
    singular = {(m.id, m.singular): texts[m.id] for m in table.messages if m.id in texts and not m.plural}
    forms = {c: RU.get(c, f"{c} form") if language == "ru" else f"{c} form" for c in categories(language)}
    plurals = {(m.id, m.singular): forms for m in table.messages if m.plural and plural}
    rendered = render_table(doc, table, hidden, Translations(language, singular, plurals))
    return rendered.data.decode() if rendered.data is not None else None


YAML = 'home: "Home"\nempty: Nothing\npages:\n  one: "One page"\n  other: "{{ .Count }} pages"\nnav:\n  docs: Docs\n'
TOML = 'home = "Home"\nempty = "Nothing"\n\n[pages]\none = "One page"\nother = "{{ .Count }} pages"\n\n[nav]\ndocs = "Docs"\n'
JSON = '{\n  "home": "Home",\n  "empty": "Nothing",\n  "pages": {"one": "One page", "other": "{{ .Count }} pages"},\n  "nav": {\n    "docs": "Docs"\n  }\n}\n'
LIST = '- id: home\n  translation: "Home"\n- id: empty\n  translation: Nothing\n- id: pages\n  translation:\n    one: "One page"\n    other: "{{ .Count }} pages"\n'


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        (
            YAML,
            "yaml",
            (
                'home: "Дом"\npages:\n  one: "{{ .Count }} страница"\n  few: "{{ .Count }} страницы"\n'
                '  many: "{{ .Count }} страниц"\n  other: "other form"\nnav:\n  docs: Доки\n'
            ),
        ),
        (
            TOML,
            "toml",
            (
                'home = "Дом"\n[pages]\none = "{{ .Count }} страница"\nfew = "{{ .Count }} страницы"\n'
                'many = "{{ .Count }} страниц"\nother = "other form"\n\n[nav]\ndocs = "Доки"\n'
            ),
        ),
        (
            JSON,
            "json",
            (
                '{\n  "home": "Дом",\n  "pages": {"one": "{{ .Count }} страница", "few": "{{ .Count }} страницы", '
                '"many": "{{ .Count }} страниц", "other": "other form"},\n  "nav": {\n    "docs": "Доки"\n  }\n}\n'
            ),
        ),
        (
            LIST,
            "yaml",
            (
                '- id: home\n  translation: "Дом"\n- id: pages\n  translation:\n    one: "{{ .Count }} страница"\n'
                '    few: "{{ .Count }} страницы"\n    many: "{{ .Count }} страниц"\n    other: "other form"\n'
            ),
        ),
    ],
    ids=["yaml", "toml", "json", "list"],
)
def test_russian_gets_its_four_forms_and_untranslated_messages_go(text: str, fmt: str, expected: str) -> None:
    assert _render(text, fmt, "ru", {"home": "Дом", "nav.docs": "Доки"}) == expected


def test_japanese_keeps_only_other_and_a_group_left_empty_goes() -> None:
    assert _render(YAML, "yaml", "ja", {"home": "ホーム"}) == 'home: "ホーム"\npages:\n  other: "other form"\n'
    assert (
        _render(TOML, "toml", "ja", {"nav.docs": "文書"}) == '[pages]\nother = "other form"\n\n[nav]\ndocs = "文書"\n'
    )


def test_forms_go_in_cldr_order_beside_a_flow_map_and_after_a_block_scalar() -> None:
    flow = "pages: {one: One page, other: Pages}\n"
    assert _render(flow, "yaml", "es", {}) == "pages: {one: one form, many: many form, other: other form}\n"
    block = "pages:\n  other: |-\n    Pages\n  one: >-\n    One page\n"
    # New forms go before the first source form CLDR orders after them, written like it.
    assert _render(block, "yaml", "ru", {}) == (
        "pages:\n  few: |-\n    {{ .Count }} страницы\n  many: |-\n    {{ .Count }} страниц\n"
        "  other: |-\n    other form\n  one: >-\n    {{ .Count }} страница\n"
    )


def test_nothing_translated_is_nothing_to_write_and_hidden_ids_go() -> None:
    assert _render(YAML, "yaml", "ru", {}, plural=False) is None
    # The site's own table has "home": the theme's output leaves it to the site's.
    assert _render(YAML, "yaml", "ru", {"home": "Дом", "nav.docs": "Доки"}, False, frozenset({"home"})) == (
        "nav:\n  docs: Доки\n"
    )


def test_the_same_words_in_the_same_categories_rebuild_the_table() -> None:
    text = "# comment\nhome: 'Home'   # kept\npages:\n  one: One page\n  other: '{{ .Count }} pages'\n"
    doc = parse_document(text.encode(), "i18n/en.yaml", "yaml")
    table = read_table(doc)
    plurals = {("pages", "One page"): {"one": "One page", "other": "{{ .Count }} pages"}}
    rendered = render_table(doc, table, frozenset(), Translations("en-GB", {("home", "Home"): "Home"}, plurals))
    assert rendered.data == text.encode() and (rendered.total, rendered.translated) == (2, 2)


def test_a_value_that_would_not_read_back_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse_document(b"a: A\nb: B\n", "i18n/en.yaml", "yaml")
    monkeypatch.setattr(Document, "render", lambda self, span, new, safe=False: "Lost" if new == "Бэ" else new)
    rendered = render_table(doc, read_table(doc), frozenset(), Translations("ru", {("a", "A"): "А", ("b", "B"): "Бэ"}))
    assert rendered.data == "a: А\n".encode()
    assert rendered.held == ((("b", "B"), "the translation would not read back as written in any style"),)


# --- property: any table, any subset translated, any target language ------------------------------

_IDS = st.text(st.sampled_from("abcxyz_"), min_size=1, max_size=6)
# A value that is only template actions (`{{a}}`) is no message: it is copied, not translated.
_WORDS = st.text(st.sampled_from("abc dé中'\"#:{}\\"), min_size=1, max_size=10).filter(
    lambda t: has_words(re.sub(r"\{\{.*?\}\}", " ", t, flags=re.DOTALL))
)
_MESSAGE = st.one_of(
    _WORDS, st.fixed_dictionaries({"one": _WORDS, "other": _WORDS}), st.fixed_dictionaries({"other": _WORDS})
)


def _write(table: dict[str, object], fmt: str, style: int) -> str:
    if fmt == "json":
        return json.dumps(table, ensure_ascii=style == 1, indent=None if style == 2 else 2) + "\n"
    if fmt == "toml":
        plain = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in table.items() if isinstance(v, str)]
        tables = [
            f"[{k}]\n" + "".join(f"{c} = {json.dumps(t, ensure_ascii=False)}\n" for c, t in v.items())
            for k, v in table.items()
            if isinstance(v, dict)
        ]
        return "\n".join(plain) + "\n\n" + "\n".join(tables)
    lines = []
    for key, value in table.items():
        if isinstance(value, str):
            lines.append(f"{key}: {json.dumps(value)}")
        elif style == 1:
            lines.append(f"{key}: {{" + ", ".join(f"{c}: {json.dumps(t)}" for c, t in value.items()) + "}")  # type: ignore[attr-defined]
        else:
            lines.append(f"{key}:" + "".join(f"\n  {c}: {json.dumps(t)}" for c, t in value.items()))  # type: ignore[attr-defined]
    return "\n".join(lines) + "\n"


@given(
    st.dictionaries(_IDS, _MESSAGE, min_size=1, max_size=6),
    st.sampled_from(["yaml", "toml", "json"]),
    st.integers(0, 2),
    st.sampled_from(["es", "ru", "ja", "ar", "en"]),
    st.data(),
)
def test_any_table_reads_back_as_exactly_its_translations(
    table: dict[str, object], fmt: str, style: int, language: str, data: st.DataObject
) -> None:
    doc = parse_document(_write(table, fmt, style).encode(), f"i18n/en.{fmt}", fmt)
    messages = read_table(doc).messages
    texts: dict[tuple[str | None, str], str] = {}
    plurals: dict[tuple[str | None, str], dict[str, str]] = {}
    wanted: dict[str, dict[str, str]] = {}
    for message in messages:
        if not data.draw(st.booleans()):
            continue
        if message.plural:
            forms = {c: data.draw(_WORDS) for c in categories(language)}
            plurals[(message.id, message.singular)] = forms
            wanted[message.id] = forms
        else:
            texts[(message.id, message.singular)] = data.draw(_WORDS)
            wanted[message.id] = dict.fromkeys(message.forms, texts[(message.id, message.singular)])
    rendered = render_table(doc, read_table(doc), frozenset(), Translations(language, texts, plurals))
    assert rendered.held == ()
    if not wanted:
        assert rendered.data is None
        return
    assert rendered.data is not None
    again = read_table(parse_document(rendered.data, doc.rel, fmt))
    found = {m.id: {c: n.scalar.value for c, n in m.forms.items() if n.scalar} for m in again.messages}
    assert found == wanted
