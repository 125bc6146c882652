"""Reading a resource catalog's files, and rendering each file translated: the one place that
knows every kind of resource.

A kind of resource plugs in here with two functions: one that reads the texts of a parsed
file (``Reading``), and one that renders the file from a catalog's ``Translations``. Everything
else (discovery's catalogs and outputs, PO entries, the update rules, merge's ownership
record, check and status) works on ``Text``, ``Translations`` and ``Rendered`` alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from translate_flow.config import Config
from translate_flow.fsutil import read_regular
from translate_flow.project.ownership import Ownership
from translate_flow.reports import Notice
from translate_flow.resources.data_file import DataValue, data_texts, data_values, render_data
from translate_flow.resources.discover import read_resource
from translate_flow.resources.i18n_output import render_table
from translate_flow.resources.i18n_table import Table, read_table, texts_of
from translate_flow.resources.model import Rendered, Resource, ResourceCatalog, Text, Translations
from translate_flow.resources.parse import parse_document
from translate_flow.resources.site_config import config_files, read_config
from translate_flow.resources.site_output import render_site
from translate_flow.resources.site_strings import SiteStrings, site_strings
from translate_flow.resources.tree import Document

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
    site: SiteStrings | None = None
    """site: the strings and the whole configuration (other languages' settings too)."""
    notices: tuple[Notice, ...] = field(default=(), compare=False)
    """What was left out of the file, and why."""


def load_catalog(config: Config, catalog: ResourceCatalog) -> list[Reading]:
    """Every file of the catalog, in precedence order; ResourceError for one that cannot be read."""
    if catalog.kind == "site":
        return [_site_reading(config, catalog)]
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


def _site_reading(config: Config, catalog: ResourceCatalog) -> Reading:
    """The whole Hugo configuration, but for the settings files merge wrote: the target
    languages' own settings are read too, as merge must not write what the user sets."""
    main = catalog.resources[0]
    ownership = Ownership(config)
    files = []
    for file in config_files(config):
        if file.rel in {ownership.relative(p) for p in main.outputs.values()}:
            try:
                if ownership.ours(file.rel, read_regular(file.path)):
                    continue
            except OSError:
                continue  # gone meanwhile: nobody's settings
        files.append(file)
    site = read_config(config, files)
    source_key = config.language_keys.get(config.source_language, config.source_language)
    outputs = {
        language: (config.language_keys.get(language, language), ownership.relative(path))
        for language, path in main.outputs.items()
    }
    strings = replace(site_strings(config, site, source_key), outputs=outputs)
    doc = parse_document(read_resource(config, main), main.rel, main.format)
    return Reading(main, doc, tuple(item.text for item in strings.texts), site=strings)


def render_reading(reading: Reading, translations: Translations) -> Rendered:
    """The file translated into ``translations.language``."""
    if reading.site is not None:
        key, out_rel = reading.site.outputs[translations.language]
        return render_site(reading.site, translations, key, out_rel, reading.resource.format)
    if reading.table is not None:
        return render_table(reading.doc, reading.table, reading.hidden, translations)
    by_msgid = {msgid: text for (_, msgid), text in translations.texts.items()}
    return render_data(reading.doc, reading.values, by_msgid)
