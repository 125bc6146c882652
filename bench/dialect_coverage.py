"""How much of a MkDocs site's pages reaches its PO files, measured on the rendered pages.

    python -m bench.dialect_coverage SITE docs/reference/*.md docs/setup/*.md [--lang fr] [--show]

Run `translate-flow extract` in SITE first. Each page is rendered with Python-Markdown and
the extensions (and their settings) SITE's mkdocs.yml names, as MkDocs renders it without
its plug-ins and hooks; every visible text of the result (``bench.rendered_text``) must be
part of a msgid of the page's PO file. The script prints, per page, the texts that are in
no msgid, and the msgids that hold dialect syntax a translator must not touch (an icon or
keys inside a sentence are counted apart: they stay in it by design). Needs the
test extra (mkdocs, mkdocs-material, pymdown-extensions).
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

import markdown
import polib
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from bench.rendered_text import missing_texts, read_rendered

# Dialect syntax, as the issue counted it: admonitions, tabs, attribute lists, icons, keys, snippets.
SYNTAX = {
    "!!!": re.compile(r"!!!"),
    "???": re.compile(r"\?\?\?[+ ]"),
    "===": re.compile(r"^===|\n===", re.MULTILINE),
    "{ .": re.compile(r"\{:? ?[.#]"),
    ":octicons-": re.compile(r":octicons-"),
    "++": re.compile(r"\+\+[\w+-]+\+\+"),
    "--8<--": re.compile(r"--8<--"),
}
# Icons and keys inside a sentence stay in its msgid by design, like inline code (the
# validator checks a translation keeps them); only at a msgid's start or end are they syntax.
_INLINE = re.compile(r":[a-z][a-z0-9_+-]*:|\+\+[\w+-]+\+\+")
_AT_EDGE = re.compile(r"^\s*(?::[a-z][a-z0-9_+-]*:|\+\+[\w+-]+\+\+)|(?::[a-z][a-z0-9_+-]*:|\+\+[\w+-]+\+\+)\s*$")


def _syntax(msgid: str) -> bool:
    """Whether a msgid (code spans left out) holds dialect syntax a translator must not touch."""
    return _AT_EDGE.search(msgid) is not None or any(
        pattern.search(msgid) for name, pattern in SYNTAX.items() if name not in (":octicons-", "++")
    )


_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")


def _extensions(site: Path) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions of SITE's mkdocs.yml, with their settings."""
    with (site / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    # MkDocs always adds these three, before the site's own.
    names: list[str] = ["toc", "tables", "fenced_code"]
    settings: dict[str, dict[str, object]] = {}
    for item in config.get("markdown_extensions", []):
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name not in names:
            names.append(name)
        settings[name] = dict(options or {})
    if "pymdownx.snippets" in settings:
        # Snippets are read from the site's root, as mkdocs does from its working folder.
        settings["pymdownx.snippets"].setdefault("base_path", [str(site)])
    return names, settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="+", type=Path, help="pages, relative to SITE")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--content-dir", default="docs")
    parser.add_argument("--show", action="store_true", help="print every missing text and every msgid with syntax")
    options = parser.parse_args()
    site: Path = options.site.resolve()
    names, settings = _extensions(site)
    os.chdir(site)  # extensions resolve their paths against the working folder, as under mkdocs
    missing_total = syntax_total = texts_total = inline_total = 0
    by_syntax = dict.fromkeys(SYNTAX, 0)
    for page in options.pages:
        relative = page.relative_to(options.content_dir) if page.parts[0] == options.content_dir else page
        source, _ = get_data(page.read_text(encoding="utf-8"))
        html = markdown.Markdown(extensions=names, extension_configs=settings).convert(source)
        texts = read_rendered(html).texts
        po = polib.pofile(str(Path("locales") / options.lang / relative.with_suffix(".po")))
        msgids = {entry.msgid for entry in po if not entry.obsolete}
        missing = missing_texts(texts, msgids)
        # Syntax written in a code span is the page's subject (`!!!`), not markup.
        bare = {m: _CODE_SPAN.sub("", m) for m in msgids}
        with_syntax = [m for m in sorted(msgids) if _syntax(bare[m])]
        inline = [m for m in sorted(msgids) if m not in with_syntax and _INLINE.search(bare[m])]
        inline_total += len(inline)
        for name, pattern in SYNTAX.items():
            by_syntax[name] += sum(1 for m in msgids if pattern.search(bare[m]))
        texts_total += len(texts)
        missing_total += len(missing)
        syntax_total += len(with_syntax)
        print(f"{page}: {len(texts)} texts, {len(missing)} in no msgid, {len(with_syntax)} msgids with syntax")
        if options.show:
            for text in missing:
                print(f"    missing: {text!r}")
            for msgid in with_syntax:
                print(f"    syntax:  {msgid!r}")
            for msgid in inline:
                print(f"    inline:  {msgid!r}")
    print(
        f"{len(options.pages)} pages: {texts_total} texts, {missing_total} in no msgid, {syntax_total} msgids with syntax"
    )
    print(f"{inline_total} msgids with icons or keys inside a sentence (kept by design, checked by the validator)")
    print("msgids per syntax, inside a sentence too: " + ", ".join(f"{n} {c}" for n, c in by_syntax.items()))


if __name__ == "__main__":
    main()
