"""The CommonMark spec examples as a structure suite, not only a round trip.

Every example is an article body. Its segments get hostile translations (injected
headings, lists, fences, pipes, HTML, broken emphasis, new links); those the validator
lets through are merged, and the result must render to the same elements as the example
(line breaks aside). The identity translation must give back the example byte for byte.
The examples come from the registry (see tests/corpora/fetch_commonmark_spec.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO, REQUIRE_TOOLS
from tests.plugin_engine import INJECTIONS
from tests.test_structure import structure_of
from translate_flow.document.article import parse_article
from translate_flow.document.segmenter import segment_article
from translate_flow.document.splice import merge_article
from translate_flow.qa.validate import problems

CORPUS = REPO / ".cache" / "commonmark-spec.json"


def _examples() -> list[dict[str, object]]:
    if not CORPUS.exists():
        return []
    return list(json.loads(CORPUS.read_text(encoding="utf-8")))


EXAMPLES = _examples()


@pytest.fixture(autouse=True)
def _corpus() -> None:
    if not EXAMPLES:
        message = f"{CORPUS.relative_to(REPO)} is missing; run python3 tests/corpora/fetch_commonmark_spec.py"
        if REQUIRE_TOOLS:
            pytest.fail(f"{message} (TRANSLATE_FLOW_REQUIRE_TOOLS=1)")
        pytest.skip(message)


_EMPTY_FRONT_MATTER = "---\n---\n"


def _merge(markdown: str, translate: object) -> tuple[str, str]:
    """The example and its merged translation, both without the front matter that makes
    the example a body (an example may itself start with `---` or `+++`)."""
    page = parse_article((_EMPTY_FRONT_MATTER + markdown).encode("utf-8"), Path("spec.md"), "spec.md", "en")
    segments, _ = segment_article(page, ())
    kinds: dict[str, set[str]] = {}
    for segment in segments:
        kinds.setdefault(segment.text, set()).add(segment.kind)
    translations = {}
    for index, (msgid, used_as) in enumerate(kinds.items()):
        draft = translate(index, msgid)  # type: ignore[operator]
        if not problems(msgid, draft, used_as):
            translations[(None, msgid)] = draft
    merged = merge_article(page, segments, translations, "fr").text
    assert merged.startswith(_EMPTY_FRONT_MATTER)
    return page.text[len(_EMPTY_FRONT_MATTER) :], merged[len(_EMPTY_FRONT_MATTER) :]


def test_identity_gives_back_every_example() -> None:
    for example in EXAMPLES:
        source, merged = _merge(str(example["markdown"]), lambda _, msgid: msgid)
        assert merged == source, example["example"]


@pytest.mark.parametrize("offset", range(0, len(INJECTIONS), 4))
def test_no_published_translation_changes_an_examples_structure(offset: int) -> None:
    def hostile(index: int, msgid: str) -> str:
        return INJECTIONS[(index + offset) % len(INJECTIONS)].replace("{}", msgid.upper())

    failures = []
    for example in EXAMPLES:
        source, merged = _merge(str(example["markdown"]), hostile)
        if structure_of(merged) != structure_of(source):
            failures.append(example["example"])
    assert not failures, f"structure changed in spec examples {failures}"


def test_the_corpus_is_the_spec() -> None:
    assert len(EXAMPLES) > 600 and os.path.getsize(CORPUS) > 100_000
