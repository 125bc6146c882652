"""The glossary as TBX (TBX-Basic's ``termEntry``/``langSet``/``tig``, or TBX v3's ``conceptEntry``/``langSec``/``termSec``).

Read with the standard library's expat, safely: entity declarations are refused
(no "billion laughs"), external entities and DTDs are never fetched.

TBX has no standard mark for case sensitivity or "do not translate": an entry is
case-insensitive, unless a ``<descrip type="case">yes</descrip>`` (or ``termNote``) says
otherwise, and ``<descrip type="dnt">yes</descrip>`` marks a do-not-translate entry,
the same words as the CSV columns. A ``definition`` or ``note`` is the entry's note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from translate_flow.glossary.model import GlossaryError, Term
from translate_flow.languages import parse_language

__all__ = ["read_tbx"]

_ENTRY = {"termEntry", "conceptEntry"}
_LANG = {"langSet", "langSec"}
_YES = {"yes", "true", "1"}


@dataclass
class _Entry:
    line: int
    texts: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)


class _Reader:
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.parser = expat.ParserCreate()
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.EntityDeclHandler = self._refuse_entity
        self.parser.ExternalEntityRefHandler = self._refuse_external
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.entry: _Entry | None = None
        self.language: str | None = None
        self.text: list[str] | None = None
        self.kind: str | None = None
        self.entries: list[_Entry] = []
        self.languages: dict[str, None] = {}

    def _error(self, message: str) -> GlossaryError:
        return GlossaryError(message, self.rel, self.parser.CurrentLineNumber)

    def _refuse_entity(self, name: str, *args: object) -> None:
        raise self._error(f"entity declarations are not read (entity {name!r})")

    def _refuse_external(self, *args: object) -> int:
        raise self._error("external entities are not read")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(":")[2]
        if local in _ENTRY:
            self.entry = _Entry(self.parser.CurrentLineNumber)
        elif local in _LANG and self.entry is not None:
            code = attributes.get("xml:lang") or attributes.get("lang") or ""
            try:
                self.language = parse_language(code).code
            except ValueError as exc:
                raise self._error(f"{local}: {exc}") from exc
            self.languages[self.language] = None
        elif self.entry is not None and local in ("term", "descrip", "termNote", "note"):
            self.text, self.kind = [], local if local == "term" else attributes.get("type", "note")

    def _text(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def _end(self, name: str) -> None:
        local = name.rpartition(":")[2]
        entry = self.entry
        if entry is None:
            return
        if self.text is not None and local in ("term", "descrip", "termNote", "note"):
            value = " ".join("".join(self.text).split())
            if self.kind == "term":
                if self.language is None:
                    raise self._error("a term outside a language set")
                entry.texts.setdefault(self.language, value)  # the first term of a language is its preferred one
            elif self.kind in ("definition", "note"):
                entry.notes.append(value)
            elif self.kind in ("case", "dnt"):
                entry.flags[self.kind] = value.lower()
            self.text = self.kind = None
        elif local in _LANG:
            self.language = None
        elif local in _ENTRY:
            self.entries.append(entry)
            self.entry = None

    def read(self, data: bytes) -> tuple[tuple[str, ...], tuple[Term, ...]]:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise GlossaryError(f"not XML: {expat.ErrorString(exc.code)}", self.rel, exc.lineno) from exc
        terms = []
        for entry in self.entries:
            if not entry.texts:
                continue
            dnt = entry.flags.get("dnt", "") in _YES
            if dnt and len(set(entry.texts.values())) > 1:
                raise GlossaryError("a dnt entry keeps one spelling: give its term once", self.rel, entry.line)
            texts = tuple(entry.texts.items())
            terms.append(Term(texts, " ".join(entry.notes), entry.flags.get("case", "") in _YES, dnt, entry.line))
        return tuple(self.languages), tuple(terms)


def read_tbx(data: bytes, rel: str) -> tuple[tuple[str, ...], tuple[Term, ...]]:
    """The languages and the entries of a TBX file."""
    return _Reader(rel).read(data)
