"""Reading TMX (1.4b, and 1.1–1.3 files that spell ``lang`` without ``xml:``) safely.

pyexpat from the standard library, driven directly so that the file cannot make us
do more than read it: an entity declaration (the way to the "billion laughs" and to
external files) is refused, parameter entities are never parsed, and nothing outside
the file is ever opened. A ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` line, which most
tools write, is accepted and not followed.

Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``) hold the original markup as
text, so a segment's text is all the character data inside ``<seg>``, in order: that
gives back the source text with its markup, as a PO msgid holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NoReturn
from xml.parsers import expat

from translate_flow.tmx.model import CONTEXT_PROP, REFERENCE_PROP, TmUnit, TmxError

__all__ = ["parse_tmx"]

_ALL = "*all*"


@dataclass
class _Tu:
    """A ``<tu>`` being read."""

    line: int
    tuid: str | None
    srclang: str | None
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tuvs: list[tuple[str, str]] = field(default_factory=list)


class _Reader:
    """Builds the units from pyexpat's events; only the elements a memory needs are kept."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.EntityDeclHandler = self._entity
        # An undefined entity in a file with an external DTD would otherwise vanish from the text.
        self.parser.SkippedEntityHandler = self._skipped
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._data
        self.stack: list[str] = []
        self.header_srclang: str | None = None
        self.tu: _Tu | None = None
        self.tuv_lang: str | None = None
        self.text: list[str] | None = None
        self.prop_type = ""
        self.found: list[_Tu] = []

    def fail(self, message: str) -> NoReturn:
        raise TmxError(message, self.name, self.parser.CurrentLineNumber)

    def _entity(self, name: str, *_: object) -> None:
        self.fail(f"entity declarations are not read (found {name!r}); TMX needs none")

    def _skipped(self, name: str, is_parameter: int) -> None:
        self.fail(f"undefined entity &{name};")

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        if not self.stack and tag != "tmx":
            self.fail(f"not a TMX file: the root element is <{tag}>")
        self.stack.append(tag)
        if self.text is not None:
            return  # inline codes inside <seg> or <note>: their text is read, the tags are not
        if tag == "header":
            self.header_srclang = attrs.get("srclang")
        elif tag == "tu":
            self.tu = _Tu(self.parser.CurrentLineNumber, attrs.get("tuid"), attrs.get("srclang"))
        elif self.tu is not None and tag == "tuv":
            self.tuv_lang = attrs.get("xml:lang") or attrs.get("lang")
            if not self.tuv_lang:
                self.fail("<tuv> without xml:lang")
        elif self.tu is not None and (tag == "seg" or (tag in ("note", "prop") and self.tuv_lang is None)):
            self.text = []
            self.prop_type = attrs.get("type", "")

    def _end(self, tag: str) -> None:
        self.stack.pop()
        if self.text is not None and tag in ("seg", "note", "prop") and tag not in self.stack:
            text, self.text = "".join(self.text), None
            if self.tu is None:
                return
            if tag == "seg" and self.tuv_lang is not None:
                self.tu.tuvs.append((self.tuv_lang, text))
            elif tag == "note":
                self.tu.notes.append(text)
            elif tag == "prop":
                self.tu.props.append((self.prop_type, text))
        elif tag == "tuv":
            self.tuv_lang = None
        elif tag == "tu" and self.tu is not None:
            self.found.append(self.tu)
            self.tu = None

    def _data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def read(self, data: bytes) -> list[_Tu]:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise TmxError(f"invalid XML: {expat.ErrorString(exc.code)}", self.name, exc.lineno) from exc
        return self.found


def _units(tu: _Tu, index: int, header_srclang: str | None, name: str) -> list[TmUnit]:
    srclang = tu.srclang or header_srclang
    if not tu.tuvs:
        return []
    if not srclang or srclang == _ALL:
        srclang = tu.tuvs[0][0]  # "*all*": any language may be the source; the first one is
    source = next((text for lang, text in tu.tuvs if lang.lower() == srclang.lower()), None)
    if source is None:
        return []
    context = next((text for kind, text in tu.props if kind == CONTEXT_PROP), None)
    references = tuple(text for kind, text in tu.props if kind == REFERENCE_PROP)
    origin = f"{name}, tuid {tu.tuid}" if tu.tuid else f"{name}, unit {index} (line {tu.line})"
    seen: set[str] = set()
    units: list[TmUnit] = []
    for lang, text in tu.tuvs:
        if lang.lower() == srclang.lower() or lang.lower() in seen:
            continue
        seen.add(lang.lower())
        units.append(TmUnit(srclang, source, lang, text, context, references, tuple(tu.notes), origin))
    return units


def parse_tmx(data: bytes, name: str) -> list[TmUnit]:
    """Every (source, translation) pair of the file, in file order; ``name`` is used in errors and origins."""
    reader = _Reader(name)
    found = reader.read(data)
    units: list[TmUnit] = []
    for index, tu in enumerate(found, start=1):
        units.extend(_units(tu, index, reader.header_srclang, name))
    return units
