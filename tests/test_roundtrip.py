"""The round trip: extract, translate, merge. Identity must be byte-exact; a real
translation must change the translated texts and nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hypothesis import given

from tests.conftest import REPO, fill, gaps, run
from tests.markdown_strategies import article
from translate_flow.document.article import Article, parse_article
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article

KEYS = ("title", "summary", "description")


def _parse(data: bytes) -> Article:
    return parse_article(data, Path("post.md"), "content/post.md", "en")


@given(article())
def test_identity_round_trip_is_byte_exact(case: tuple[bytes, bytes]) -> None:
    source, expected = case
    parsed = _parse(source)
    segments, skipped = segment_article(parsed, KEYS)
    assert not skipped
    identity = {(None, s.text): s.text for s in segments}
    result = merge_article(parsed, segments, identity, "fr")
    assert parsed.encode(result.text) == expected
    assert result.held == ()


def _translate(text: str) -> str:
    return "Tx " + text


@given(article())
def test_translation_changes_only_the_segments(case: tuple[bytes, bytes]) -> None:
    source, _ = case
    parsed = _parse(source)
    segments, _ = segment_article(parsed, KEYS)
    translations = {(None, s.text): _translate(s.text) for s in segments}
    result = merge_article(parsed, segments, translations, "fr")
    output = _parse(parsed.encode(result.text))
    again, skipped = segment_article(output, KEYS)
    assert not skipped
    # Re-extracting the output finds exactly the translations, in the same places and roles.
    assert [s.text for s in again] == [_translate(s.text) for s in segments]
    assert [s.kind for s in again] == [s.kind for s in segments]
    # Everything between the segments is untouched, except the lang value.
    before = gaps(parsed.text, segments)
    after = gaps(output.text, again)
    lang_fixed = [re.sub(r"\bfr\b", "en", gap) for gap in after]
    assert lang_fixed == before
    assert output.bom == parsed.bom


def test_identity_round_trip_over_the_sample_content(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "translate-flow.toml", root)
    for output in list((root / "content").rglob("*.*.md")):
        output.unlink()
    assert run(root, "extract", "-q").exit_code == 0
    pos = sorted((root / "locales").rglob("*.po"))
    assert pos
    for po in pos:
        fill(po, lambda msgid: msgid)
    assert run(root, "merge", "-q").exit_code == 0
    outputs = sorted((root / "content").rglob("*.*.md"))
    assert len(outputs) == len(pos)
    for output in outputs:
        stem, lang, _ = output.name.rsplit(".", 2)
        source = output.with_name(stem + ".md")
        original = source.read_bytes()
        merged = output.read_bytes()
        if merged != original:
            # Only the language may differ, and only in the lang value.
            old = _parse(original).language
            assert re.sub(rf"\b{re.escape(lang)}\b", old, merged.decode()) == original.decode(), output
