"""Glossary files: CSV and TBX give the same entries; every mistake is one ``path:line: what`` error."""

from __future__ import annotations

import pytest

from translate_flow.glossary.csv_file import read_csv
from translate_flow.glossary.model import Glossary, GlossaryError, Term, TermPair
from translate_flow.glossary.tbx_file import read_tbx

CSV = (
    "en,es,zh-CN,note,case,dnt\n"
    "pull request,solicitud de incorporación,合并请求,a GitHub change,,\n"
    "\n"
    '"branch",rama,,"a line\nof work",no,\n'
    "Hugo,,,the generator,yes,yes\n"
)

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <descrip type="definition">a GitHub change</descrip>
  <langSet xml:lang="en"><tig><term>pull request</term></tig></langSet>
  <langSet xml:lang="es"><tig><term>solicitud de incorporación</term></tig><tig><term>PR</term></tig></langSet>
  <langSet xml:lang="zh-cn"><tig><term>合并请求</term></tig></langSet>
</termEntry>
<termEntry id="c2">
  <descrip type="case">yes</descrip><descrip type="dnt">yes</descrip><note>the generator</note>
  <langSet xml:lang="en"><tig><term>Hugo</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def test_csv_rows_become_entries_with_their_lines_and_options() -> None:
    languages, terms = read_csv(CSV, "g.csv")
    assert languages == ("en", "es", "zh-CN")
    assert terms == (
        Term(
            (("en", "pull request"), ("es", "solicitud de incorporación"), ("zh-CN", "合并请求")),
            "a GitHub change",
            False,
            False,
            2,
        ),
        Term((("en", "branch"), ("es", "rama")), "a line\nof work", False, False, 4),
        Term((("en", "Hugo"),), "the generator", True, True, 6),
    )


def test_tbx_basic_gives_the_same_entries_as_csv() -> None:
    languages, terms = read_tbx(TBX.encode(), "g.tbx")
    assert languages == ("en", "es", "zh-CN")
    # The first term of a language set is its preferred one; the second ("PR") is not the translation.
    assert terms[0].texts == (("en", "pull request"), ("es", "solicitud de incorporación"), ("zh-CN", "合并请求"))
    assert (terms[0].note, terms[0].line) == ("a GitHub change", 4)
    assert terms[1] == Term((("en", "Hugo"),), "the generator", True, True, 10)


def test_tbx_v3_concept_entries_are_read() -> None:
    data = (
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        '<conceptEntry id="1"><langSec xml:lang="en"><termSec><term>branch</term></termSec></langSec>'
        '<langSec xml:lang="fr"><termSec><term>branche</term></termSec></langSec></conceptEntry>'
        "</body></text></tbx>"
    )
    languages, terms = read_tbx(data.encode(), "g.tbx")
    assert languages == ("en", "fr") and terms[0].texts == (("en", "branch"), ("fr", "branche"))


def test_pairs_give_each_source_term_its_target_translation() -> None:
    languages, terms = read_csv(CSV, "g.csv")
    glossary = Glossary("g.csv", languages, terms, "x")
    assert glossary.pairs("en", "zh-CN") == (
        TermPair("pull request", "合并请求", "a GitHub change", False, False),
        TermPair("Hugo", "Hugo", "the generator", True, True),  # do not translate: no cell needed
    )
    # Any column can be the source: a Spanish article's terms come from the es column.
    assert glossary.pairs("es", "en")[1] == TermPair("rama", "branch", "a line\nof work", False, False)
    assert glossary.source_terms("en") == 3 and glossary.source_terms("zh-CN") == 1


@pytest.mark.parametrize(
    ("header", "project", "languages", "unused", "served"),
    [
        ("en,ja", ("en", "ja-JP"), ("en", "ja-JP"), (), "t1"),  # the project's only Japanese
        ("en,fr-FR", ("en", "fr"), ("en", "fr"), (), "t1"),  # a region the project does not name
        ("en,fr,fr-FR", ("en", "fr-FR"), ("en", "fr", "fr-FR"), ("fr",), "t2"),  # the exact column wins
        ("en,fr", ("en", "fr-FR", "fr-CA"), ("en", "fr"), ("fr",), None),  # which French? neither
        ("en-US,de", ("en", "es"), ("en", "de"), ("de",), None),
    ],
)
def test_columns_are_named_as_the_project_languages_they_mean(
    header: str, project: tuple[str, ...], languages: tuple[str, ...], unused: tuple[str, ...], served: str | None
) -> None:
    names, terms = read_csv(header + "\n" + ",".join(f"t{i}" for i in range(header.count(",") + 1)) + "\n", "g.csv")
    glossary = Glossary("g.csv", names, terms, "x").for_project(project)
    assert (glossary.languages, glossary.unused) == (languages, unused)
    assert [pair.translation for pair in glossary.pairs(project[0], project[1])] == ([served] if served else [])
    assert glossary.digest != "x"  # the mapping is part of what caches key on


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "g.csv: empty: the first row must name the languages (e.g. en,es,zh-CN)"),
        ("note,case\nx,yes\n", "g.csv:1: the header names no language (e.g. en,es,zh-CN)"),
        ("en,klingonish\n", "g.csv:1: column 2: unknown language code 'klingonish'; columns are language codes"),
        ("en,fr,EN\n", "g.csv:1: column 3: 'EN' is named twice"),
        ("en,fr\n\n\na,b,c\n", "g.csv:4: 3 cells for 2 columns"),
        ("en,fr,case\na,b,maybe\n", "g.csv:2: case: 'maybe' is neither yes nor no"),
        ("en,fr,dnt\nHugo,Hugues,yes\n", "g.csv:2: a dnt term keeps one spelling: leave the other languages empty"),
        ('en,fr,note\n"a\nb",c,\n,,only a note\n', "g.csv:4: the row gives no term"),
        ('en,fr\n"open,b\n', "g.csv:2: not CSV: unexpected end of data"),
    ],
)
def test_a_bad_csv_is_one_line_naming_the_line(text: str, error: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        read_csv(text, "g.csv")
    assert str(caught.value).startswith(error) and caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        # A "billion laughs" needs entity declarations: none is read.
        (
            '<?xml version="1.0"?>\n<!DOCTYPE m [\n<!ENTITY a "aaaaaaaa">\n<!ENTITY b "&a;&a;&a;">\n]>\n<m>&b;</m>',
            "g.tbx:3: entity declarations are not read (entity 'a')",
        ),
        ('<?xml version="1.0"?>\n<!DOCTYPE m [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]><m>&x;</m>', "g.tbx:3:"),
        ("<martif><text>\n<body></text>", "g.tbx:2: not XML: mismatched tag"),
        (
            '<martif><termEntry>\n<langSet xml:lang="xx-notalanguage"/></termEntry></martif>',
            "g.tbx:2: langSet: unknown language code 'xx-notalanguage'",
        ),
        (
            (
                '<martif><termEntry><descrip type="dnt">yes</descrip>\n<langSet xml:lang="en"><tig><term>Hugo</term>'
                '</tig></langSet><langSet xml:lang="fr"><tig><term>Hugues</term></tig></langSet></termEntry></martif>'
            ),
            "g.tbx:1: a dnt entry keeps one spelling",
        ),
    ],
)
def test_a_bad_or_hostile_tbx_is_refused(data: str, error: str) -> None:
    with pytest.raises(GlossaryError) as caught:
        read_tbx(data.encode(), "g.tbx")
    assert str(caught.value).startswith(error)
