"""How fast could the parse step be? markdown-it-py against the faster parsers on PyPI.

    python -m bench.parsers [--articles 1000]

Issue 19 asks to measure the alternatives before adopting one. Each parser available in
the running environment parses the same synthetic articles (``bench.corpus``) from
their text; the script prints each one's time, its ratio to markdown-it-py, and whether it
reports what translate-flow needs to splice byte for byte: source offsets for blocks *and*
inline nodes. Nothing here is installed by the project: install a candidate into a scratch
environment to measure it (``pip install markdown-it-pyrs cmarkgfm mistletoe``).
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import generate


def _markdown_it_py() -> Callable[[str], object]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    return md.parse


def _markdown_it_pyrs() -> Callable[[str], object]:
    import markdown_it_pyrs

    md = markdown_it_pyrs.MarkdownIt("commonmark").enable("table")
    return md.tree


def _cmarkgfm() -> Callable[[str], object]:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    def parse(text: str) -> object:
        # cmark reports positions only as data-sourcepos attributes of its HTML output.
        return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_SOURCEPOS)

    return parse


def _mistletoe() -> Callable[[str], object]:
    import mistletoe

    return mistletoe.Document


CANDIDATES: list[tuple[str, str, Callable[[], Callable[[str], object]], str]] = [
    ("markdown-it-py", "markdown_it", _markdown_it_py, "block lines (0-based, end-exclusive); no inline offsets"),
    ("markdown-it-pyrs", "markdown_it_pyrs", _markdown_it_pyrs, "block and inline offsets (srcmap)"),
    ("cmarkgfm", "cmarkgfm", _cmarkgfm, "block line:column ranges in HTML attributes only; no inline"),
    ("mistletoe", "mistletoe", _mistletoe, "block line numbers only"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), args.articles, 7, ["en", "zh-CN"])
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp, "content").rglob("*.md"))]
    results: list[tuple[str, float, str]] = []
    for name, module, load, positions in CANDIDATES:
        if importlib.util.find_spec(module) is None:
            print(f"{name:18} not installed")
            continue
        parse = load()
        best = float("inf")
        for _ in range(args.rounds):
            started = time.perf_counter()
            for text in texts:
                parse(text)
            best = min(best, time.perf_counter() - started)
        results.append((name, best, positions))
    base = next((seconds for name, seconds, _ in results if name == "markdown-it-py"), None)
    for name, seconds, positions in results:
        ratio = f"{base / seconds:5.1f}x" if base else "  -  "
        print(f"{name:18} {seconds * 1000:8.1f} ms for {len(texts)} articles  {ratio}  positions: {positions}")


if __name__ == "__main__":
    main()
