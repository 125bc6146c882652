"""The glossary as CSV: a header row of language codes, then one concept per row.

    en,es,zh-CN,note,case,dnt
    pull request,solicitud de incorporación,合并请求,a GitHub change request,,
    Hugo,,,the site generator,yes,yes

Any language column can be the source: an article in ``es`` takes its terms from
the ``es`` column. ``note``, ``case`` (``yes``: capitals count) and ``dnt`` (``yes``:
do not translate, every language keeps the term) are optional, in any order. An
empty cell means no entry for that language.
"""

from __future__ import annotations

import csv
import io

from translate_flow.glossary.model import GlossaryError, Term
from translate_flow.languages import parse_language

__all__ = ["read_csv"]

_OPTIONS = ("note", "case", "dnt")
_YES = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}


def read_csv(text: str, rel: str) -> tuple[tuple[str, ...], tuple[Term, ...]]:
    """The languages of the header and the entries of a glossary CSV file."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    languages: list[str] = []
    columns: dict[int, str] = {}
    terms: list[Term] = []
    read = 0  # lines read so far: a quoted cell may span lines
    try:
        for row in reader:
            start, read = read + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = row
                columns, languages = _header(row, rel, start)
                continue
            if len(row) > len(header):
                raise GlossaryError(f"{len(row)} cells for {len(header)} columns", rel, start)
            terms.append(_row(row, columns, rel, start))
    except csv.Error as exc:
        raise GlossaryError(f"not CSV: {exc}", rel, read + 1) from exc
    if header is None:
        raise GlossaryError("empty: the first row must name the languages (e.g. en,es,zh-CN)", rel)
    return tuple(languages), tuple(terms)


def _header(row: list[str], rel: str, line: int) -> tuple[dict[int, str], list[str]]:
    columns: dict[int, str] = {}
    languages: list[str] = []
    for number, cell in enumerate(row):
        name = cell.strip()
        if name.lower() in _OPTIONS:
            column = name.lower()
        else:
            try:
                column = parse_language(name).code
            except ValueError as exc:
                raise GlossaryError(
                    f"column {number + 1}: {exc}; columns are language codes, then note, case, dnt", rel, line
                ) from exc
            languages.append(column)
        if column in columns.values():
            raise GlossaryError(f"column {number + 1}: {name!r} is named twice", rel, line)
        columns[number] = column
    if not languages:
        raise GlossaryError("the header names no language (e.g. en,es,zh-CN)", rel, line)
    return columns, languages


def _row(row: list[str], columns: dict[int, str], rel: str, line: int) -> Term:
    texts: list[tuple[str, str]] = []
    options = {"note": "", "case": "", "dnt": ""}
    for number, cell in enumerate(row):
        column = columns[number]
        value = cell.strip()
        if column in options:
            options[column] = value
        elif value:
            texts.append((column, value))
    if not texts:
        raise GlossaryError("the row gives no term", rel, line)
    flags = {}
    for name in ("case", "dnt"):
        if options[name].lower() not in _YES:
            raise GlossaryError(f"{name}: {options[name]!r} is neither yes nor no", rel, line)
        flags[name] = _YES[options[name].lower()]
    if flags["dnt"] and len({text for _, text in texts}) > 1:
        raise GlossaryError("a dnt term keeps one spelling: leave the other languages empty", rel, line)
    return Term(tuple(texts), options["note"], flags["case"], flags["dnt"], line)
