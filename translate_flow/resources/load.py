"""Reading a resource catalog's files, and rendering each file translated: the one place that
knows every kind of resource.

A kind of resource plugs in here with two functions: one that reads the texts of a parsed
file (``Reading``), and one that renders the file from a catalog's ``Translations``. Everything
else (discovery's catalogs and outputs, PO entries, the update rules, merge's ownership
record, check and status) works on ``Text``, ``Translations`` and ``Rendered`` alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from translate_flow.config import Config
from translate_flow.reports import Notice
from translate_flow.resources.data_file import DataValue, data_texts, data_values, render_data
from translate_flow.resources.discover import read_resource
from translate_flow.resources.i18n_output import render_table
from translate_flow.resources.i18n_table import Table, read_table, texts_of
from translate_flow.resources.model import Rendered, Resource, ResourceCatalog, Text, Translations
from translate_flow.resources.tree import Document, parse_document

__all__ = ["Reading", "load_catalog", "render_reading"]


@dataclass(frozen=True)
class Reading:
    """One file of a catalog, parsed, with its texts."""

    resource: Resource
    doc: Document
    texts: tuple[Text, ...]
    table: Table | None = None
    """i18n: the file's messages."""
    hidden: frozenset[str] = frozenset()
    """i18n: the ids an earlier file of the catalog defines (Hugo uses that one's)."""
    values: tuple[DataValue, ...] = ()
    """data: the selected values."""
    notices: tuple[Notice, ...] = field(default=(), compare=False)
    """What was left out of the file, and why."""


def load_catalog(config: Config, catalog: ResourceCatalog) -> list[Reading]:
    """Every file of the catalog, in precedence order; ResourceError for one that cannot be read."""
    readings: list[Reading] = []
    defined: set[str] = set()
    for resource in catalog.resources:
        doc = parse_document(read_resource(config, resource), resource.rel, resource.format)
        if resource.kind == "i18n":
            table = read_table(doc)
            hidden = frozenset(m.id for m in table.messages if m.id in defined)
            texts = texts_of(doc, tuple(m for m in table.messages if m.id not in hidden))
            defined.update(m.id for m in table.messages)
            notices = tuple(Notice(doc.rel, line, reason) for line, reason in table.skipped)
            readings.append(Reading(resource, doc, tuple(texts), table, hidden, notices=notices))
        else:
            values = data_values(doc, resource.keys)
            readings.append(Reading(resource, doc, tuple(data_texts(doc, resource, values)), values=tuple(values)))
    return readings


def render_reading(reading: Reading, translations: Translations) -> Rendered:
    """The file translated into ``translations.language``."""
    if reading.table is not None:
        return render_table(reading.doc, reading.table, reading.hidden, translations)
    by_msgid = {msgid: text for (_, msgid), text in translations.texts.items()}
    return render_data(reading.doc, reading.values, by_msgid)
