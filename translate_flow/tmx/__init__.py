"""TMX 1.4b, the format translation memories travel in between tools: units, reader, writer."""

from translate_flow.tmx.model import TmUnit, TmxError
from translate_flow.tmx.read import parse_tmx
from translate_flow.tmx.write import render_tmx, xml_safe

__all__ = ["TmUnit", "TmxError", "parse_tmx", "render_tmx", "xml_safe"]
