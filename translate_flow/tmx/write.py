"""Writing TMX 1.4b: one bilingual ``<tu>`` per unit, stable bytes for the same units.

Written by hand rather than with ElementTree so that every character survives a
round trip: a carriage return would be read back as a line feed unless it is written
as ``&#13;``, and ElementTree writes it raw. No dates are written, so exporting the
same memory twice gives the same file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from translate_flow.tmx.model import CONTEXT_PROP, REFERENCE_PROP, TmUnit

__all__ = ["render_tmx", "xml_safe"]

# What XML 1.0 cannot hold at all, even as a character reference.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE = {**_TEXT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}


def xml_safe(text: str) -> bool:
    """True when ``text`` can be written to XML 1.0 (no control characters but tab and line ends)."""
    return _NOT_XML.search(text) is None


def _text(value: str) -> str:
    return "".join(_TEXT.get(ch, ch) for ch in value)


def _attribute(value: str) -> str:
    return "".join(_ATTRIBUTE.get(ch, ch) for ch in value)


def _unit(unit: TmUnit) -> list[str]:
    lines = [f'<tu srclang="{_attribute(unit.source_language)}">']
    # TMX 1.4b allows notes and props in any order before the tuvs; notes first suits every reader.
    lines += [f"  <note>{_text(note)}</note>" for note in unit.notes]
    if unit.context is not None:
        lines.append(f'  <prop type="{CONTEXT_PROP}">{_text(unit.context)}</prop>')
    lines += [f'  <prop type="{REFERENCE_PROP}">{_text(ref)}</prop>' for ref in unit.references]
    for language, text in ((unit.source_language, unit.source), (unit.target_language, unit.target)):
        lines.append(f'  <tuv xml:lang="{_attribute(language)}"><seg>{_text(text)}</seg></tuv>')
    lines.append("</tu>")
    return lines


def render_tmx(units: Iterable[TmUnit], source_language: str, tool_version: str) -> bytes:
    """A TMX 1.4b document of ``units``; ``source_language`` is the header's (``*all*`` when mixed).

    Every text must be ``xml_safe``: the caller decides what to do with the others.
    """
    header = (
        f'<header creationtool="translate-flow" creationtoolversion="{_attribute(tool_version)}" '
        f'datatype="plaintext" segtype="paragraph" adminlang="en" srclang="{_attribute(source_language)}" '
        'o-tmf="PO"/>'
    )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
        '<tmx version="1.4">',
        f"  {header}",
        "  <body>",
    ]
    for unit in units:
        lines += [f"    {line}" for line in _unit(unit)]
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines).encode("utf-8")
