"""The project's glossary (the ``glossary`` setting): read once per run, CSV or TBX by its extension."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from translate_flow.config import Config
from translate_flow.errors import UnsafePathError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.glossary.csv_file import read_csv
from translate_flow.glossary.model import Glossary, GlossaryError
from translate_flow.glossary.tbx_file import read_tbx
from translate_flow.project.memories import project_languages

__all__ = ["load_glossary"]


def load_glossary(config: Config, languages: Iterable[str] = ()) -> Glossary | None:
    """The glossary the config names, or None when it names none; GlossaryError when it cannot be read.

    Its languages are named as the project's (``Glossary.for_project``): the source language,
    the targets, the language folders under ``locales/``, and ``languages`` (the articles' own)."""
    if config.glossary is None:
        return None
    rel = config.glossary
    path = config.root / rel
    try:
        Confinement(config.root).check(path)
        data = read_regular(path)
    except UnsafePathError as exc:
        raise GlossaryError(exc.message, exc.path or rel) from exc
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", rel) from exc
    if path.suffix.lower() in (".tbx", ".xml"):
        names, terms = read_tbx(data, rel)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GlossaryError("not UTF-8", rel) from exc
        names, terms = read_csv(text, rel)
    glossary = Glossary(rel, names, terms, hashlib.sha256(data).hexdigest())
    return glossary.for_project((config.source_language, *config.languages, *project_languages(config), *languages))
