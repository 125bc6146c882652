"""Status tables as text, JSON and a self-contained HTML page.

Each function returns a string; only the CLI prints.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from translate_flow import __version__
from translate_flow.render.check import JSON_SCHEMA_VERSION

if TYPE_CHECKING:
    from translate_flow.steps.status import GlossaryCoverage, StatusRow

__all__ = ["glossary_text", "status_html", "status_json", "status_text"]


def _bar(percent: float, width: int = 20) -> str:
    done = round(width * percent / 100)
    return "█" * done + "░" * (width - done)


def status_text(rows: Sequence[StatusRow], by_article: bool, bars: bool) -> str:
    head = ["language", "name"] + (["article"] if by_article else ["articles"])
    head += ["entries", "translated", "fuzzy", "untranslated", "done", "words left"]
    table = [head]
    for row in rows:
        c = row.counts
        cells = [row.language, row.name, row.article or "" if by_article else str(row.articles)]
        cells += [
            str(c.total),
            str(c.translated),
            str(c.fuzzy),
            str(c.untranslated),
            f"{c.percent:.0f}%",
            str(c.words_left),
        ]
        if bars:
            cells.append(_bar(c.percent))
        table.append(cells)
    widths = [max(len(r[i]) for r in table if i < len(r)) for i in range(len(table[0]))]
    numeric = set(range(3 if by_article else 2, len(head)))
    out = []
    for r in table:
        parts = [
            cell.rjust(widths[i])
            if i in numeric and i < len(widths)
            else cell.ljust(widths[i])
            if i < len(widths)
            else cell
            for i, cell in enumerate(r)
        ]
        out.append("  ".join(parts).rstrip())
    if not rows:
        out.append("(no PO files yet; run `translate-flow extract`)")
    return "\n".join(out)


def glossary_text(glossary: str | None, coverage: Sequence[GlossaryCoverage]) -> str:
    """One line per language: the glossary's entries for it, and how far reviewed translations follow it."""
    if glossary is None:
        return ""
    lines = [f"glossary {glossary}:"]
    for row in coverage:
        followed = (
            f"{row.followed} of {row.uses} term uses in reviewed translations follow it" if row.uses else "no uses yet"
        )
        lines.append(f"  {row.language}: {row.terms} of {row.source_terms} terms translated; {followed}")
    return "\n".join(lines)


def _row_dict(row: StatusRow) -> dict[str, Any]:
    c = row.counts
    return {
        "language": row.language,
        "name": row.name,
        "article": row.article,
        "articles": row.articles,
        "entries": c.total,
        "translated": c.translated,
        "fuzzy": c.fuzzy,
        "untranslated": c.untranslated,
        "obsolete": c.obsolete,
        "unmatched": c.unmatched,
        "percent": round(c.percent, 2),
        "words_left": c.words_left,
        "words_total": c.words_total,
    }


def status_json(
    languages: Sequence[StatusRow],
    articles: Sequence[StatusRow],
    glossary: str | None = None,
    coverage: Sequence[GlossaryCoverage] = (),
) -> str:
    document: dict[str, Any] = {
        "version": JSON_SCHEMA_VERSION,
        "languages": [_row_dict(r) for r in languages],
        "articles": [_row_dict(r) for r in articles],
    }
    if glossary is not None:
        document["glossary"] = {
            "file": glossary,
            "languages": [
                {
                    "language": r.language,
                    "terms": r.terms,
                    "source_terms": r.source_terms,
                    "uses": r.uses,
                    "followed": r.followed,
                }
                for r in coverage
            ],
        }
    return json.dumps(document, ensure_ascii=False, indent=2)


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;max-width:70rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid #e3e6ec;text-align:right;white-space:nowrap}
th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}
.bar{display:inline-block;width:8rem;height:.7rem;background:#e3e6ec;border-radius:.35rem;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:#2f8a4c}.bar .fz{background:#e0a526}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
"""


def _html_bar(row: StatusRow) -> str:
    c = row.counts
    total = c.total or 1
    done = 100 * c.translated / total
    fuzzy = 100 * c.fuzzy / total
    return (
        f'<span class="bar" role="img" aria-label="{c.percent:.0f}% translated">'
        f'<span style="width:{done:.1f}%;float:left"></span><span class="fz" style="width:{fuzzy:.1f}%;float:left"></span></span>'
    )


def status_html(
    languages: Sequence[StatusRow],
    articles: Sequence[StatusRow],
    project: str,
    glossary: str | None = None,
    coverage: Sequence[GlossaryCoverage] = (),
) -> str:
    """A self-contained page: inline CSS, no scripts, no external files."""
    e = html.escape
    terms = ""
    if glossary is not None:
        head = "<tr><th>language</th><th>terms translated</th><th>term uses</th><th>followed</th></tr>"
        body = "".join(
            f"<tr><td>{e(r.language)}</td><td>{r.terms} of {r.source_terms}</td><td>{r.uses}</td><td>{r.followed}</td></tr>"
            for r in coverage
        )
        terms = f"<h2>Glossary ({e(glossary)})</h2><table>{head}{body}</table>"

    def table(rows: Sequence[StatusRow], first: str) -> str:
        head = f"<tr><th>{first}</th><th>language</th><th>entries</th><th>translated</th><th>fuzzy</th><th>untranslated</th><th>words left</th><th>done</th><th></th></tr>"
        body = "".join(
            f"<tr><td>{e(r.article or r.name)}</td><td>{e(r.language)}</td><td>{r.counts.total}</td><td>{r.counts.translated}</td>"
            f"<td>{r.counts.fuzzy}</td><td>{r.counts.untranslated}</td><td>{r.counts.words_left}</td>"
            f"<td>{r.counts.percent:.0f}%</td><td>{_html_bar(r)}</td></tr>"
            for r in rows
        )
        return f"<table>{head}{body}</table>"

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Translation status: {e(project)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Translation status: {e(project)}</h1>"
        '<p class="legend"><span style="background:#2f8a4c"></span>translated<span style="background:#e0a526"></span>fuzzy'
        '<span style="background:#e3e6ec"></span>untranslated</p>'
        f"<h2>By language</h2>{table(languages, 'language name')}"
        f"<h2>By article</h2>{table(articles, 'article')}{terms}"
        f"<p><small>translate-flow {__version__}</small></p></body></html>\n"
    )
