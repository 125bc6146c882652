"""Every merged front matter parses, and every translated value reads back as its translation."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import read_po, run, write_tree
from tests.markdown_strategies import article
from translate_flow.document.article import parse_article
from translate_flow.document.frontmatter import parse_front_matter
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article

KEYS = ("title", "summary", "description", "tags")
PIECES = [
    "Nouveau",
    " ",
    "\n",
    "\t",
    "+++",
    "---",
    "...",
    '"',
    "'",
    ":",
    "# ",
    "- ",
    "\\",
    "\x85",
    "\u2028",
    "{",
    "]",
    "é",
]


@given(article(), st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), min_size=1, max_size=6))
def test_translated_values_read_back_exactly(case: tuple[bytes, bytes | None], drafts: list[list[str]]) -> None:
    source, _ = case
    page = parse_article(source, Path("a.md"), "a.md", "en")
    segments, _ = segment_article(page, KEYS)
    values = [s for s in segments if s.fm_path is not None]
    translations = {}
    for index, segment in enumerate(values):
        draft = "x" + "".join(drafts[index % len(drafts)]) + "x"  # edges as the validator wants them
        translations[(None, segment.text)] = draft
    result = merge_article(page, segments, translations, "fr")
    merged = parse_front_matter(result.text, "a.md")  # never invalid
    assert (merged is None) == (page.front_matter is None)
    for segment in values:
        if segment.text in result.held or merged is None:
            continue
        assert merged.scalars[segment.fm_path].value == translations[(None, segment.text)]  # type: ignore[index]


def test_a_toml_value_with_a_delimiter_line_is_written_safely(project: Path) -> None:
    write_tree(
        project,
        {
            "translate-flow.toml": 'languages = ["fr"]\nmin_percent = 0\n',
            "content/a.md": "+++\ntitle = '''Old'''\n+++\n\nBody.\n",
        },
    )
    assert run(project, "extract", "-q").exit_code == 0
    path = project / "locales/fr/a.po"
    po = read_po(path)
    po.find("Old").msgstr = "Ligne un\n+++\nLigne deux"
    po.save(str(path))
    assert run(project, "merge", "-q").exit_code == 0
    text = (project / "content/a.fr.md").read_text(encoding="utf-8")
    assert text == '+++\ntitle = "Ligne un\\n+++\\nLigne deux"\n+++\n\nBody.\n'
