"""The project's glossary (the ``glossary`` setting): read once per run, CSV or TBX by its extension."""

from __future__ import annotations

import hashlib

from translate_flow.config import Config
from translate_flow.errors import UnsafePathError
from translate_flow.fsutil import Confinement, read_regular
from translate_flow.glossary.csv_file import read_csv
from translate_flow.glossary.model import Glossary, GlossaryError
from translate_flow.glossary.tbx_file import read_tbx

__all__ = ["load_glossary"]


def load_glossary(config: Config) -> Glossary | None:
    """The glossary the config names, or None when it names none; GlossaryError when it cannot be read."""
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
        languages, terms = read_tbx(data, rel)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise GlossaryError("not UTF-8", rel) from exc
        languages, terms = read_csv(text, rel)
    return Glossary(rel, languages, terms, hashlib.sha256(data).hexdigest())
