"""resources/validate.py: the article validator's rules, and Go template actions for i18n strings."""

from __future__ import annotations

import polib
import pytest

from translate_flow.resources.validate import entry_problems, template_problem


@pytest.mark.parametrize(
    ("source", "translation", "plural", "expected"),
    [
        ("{{ .Count }} pages", "{{ .Count }} páginas", False, None),
        ("{{ .Count }} pages", "páginas", False, "template actions differ from the source: missing {{ .Count }}"),
        (
            "{{ .Count }} pages",
            "{{ .Cuenta }} páginas",
            False,
            "template actions differ from the source: missing {{ .Count }}; unexpected {{ .Cuenta }}",
        ),
        ("Pages", "{{ páginas", False, "a {{ or }} outside a template action would break the string"),
        ("a {{ b", "x {{ y", False, None),  # the source's own stray braces may stay
        # A plural form may leave the count out, but bring in nothing new.
        ("One page\n{{ .Count }} pages", "Одна страница", True, None),
        (
            "One page\n{{ .Count }} pages",
            "{{ .N }} страница",
            True,
            "template actions differ from the source: unexpected {{ .N }}",
        ),
    ],
)
def test_template_actions(source: str, translation: str, plural: bool, expected: str | None) -> None:
    assert template_problem(source, translation, plural) == expected


def test_entry_problems_for_singular_and_plural_entries() -> None:
    entry = polib.POEntry(msgctxt="x", msgid="{{ .Count }} pages", msgstr="páginas", comment="i18n")
    assert [p.check for p in entry_problems(entry)] == ["template"]
    entry.flags.append("no-template-check")
    assert entry_problems(entry) == []
    # Only i18n strings are templates: a data value may say "{{" freely.
    data = polib.POEntry(msgid="Use {{ x }}", msgstr="Usa", comment="data: terms.*.definition")
    assert entry_problems(data) == []
    plural = polib.POEntry(
        msgctxt="p",
        msgid="One [page](/p)",
        msgid_plural="{{ .Count }} [pages](/p)",
        msgstr_plural={0: "Una [página](/p)", 1: "{{ .Cuenta }} [páginas](/p)", 2: ""},
        comment="i18n (plural)",
    )
    assert [(p.check, p.message) for p in entry_problems(plural)] == [
        ("template", "template actions differ from the source: unexpected {{ .Cuenta }}")
    ]
    plural.msgstr_plural[0] = "Una [página](/otra)"
    assert [p.check for p in entry_problems(plural)] == ["link", "template"]
    assert [p.check for p in entry_problems(plural, disabled=("link", "template"))] == []
