"""A strict syntax check of PO text, run before polib sees it.

polib accepts some broken files silently (an unterminated quote loads as a
truncated string), and a translator's file is too valuable to half-read.
"""

from __future__ import annotations

import re

from translate_flow.errors import CatalogError

_KEYWORD_RE = re.compile(r"(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+(.*)")
_STRING_RE = re.compile(r'"(?:[^"\\]|\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"[ \t]*')
# msgfmt ends lines at LF only (a CR before it belongs to the line end); a lone CR,
# U+2028 and the like are ordinary characters inside a string.
_LINE_RE = re.compile(r"\r?\n")
# What msgfmt skips between tokens; str.strip() would also drop U+2028 and the like.
_BLANK = " \t\r\f\v"

# Which keyword may follow which inside one entry.
_NEXT = {
    None: {"msgctxt", "msgid"},
    "msgctxt": {"msgid"},
    "msgid": {"msgstr", "msgid_plural"},
    "msgid_plural": {"msgstr[]"},
    "msgstr": {"msgctxt", "msgid"},
    "msgstr[]": {"msgstr[]", "msgctxt", "msgid"},
}


_PREVIOUS_RE = re.compile(r"(?:(?:msgctxt|msgid|msgid_plural)[ \t]+)?(.*)")


def _check_previous(line: str, path: str, number: int) -> None:
    match = _PREVIOUS_RE.fullmatch(line)
    if match is None or not _STRING_RE.fullmatch(match.group(1)):
        raise CatalogError(f"malformed previous msgid: {line[:40]}", path, number)


def check_po_syntax(text: str, path: str) -> None:
    """Raise CatalogError at the first line GNU msgfmt would reject as a syntax error."""
    nul = text.find("\x00")
    if nul >= 0:
        # msgfmt's strings end at a NUL byte, polib's do not: they would read different texts.
        raise CatalogError("NUL character", path, len(_LINE_RE.findall(text, 0, nul)) + 1)
    previous: str | None = None
    previous_obsolete: str | None = None
    last_obsolete = False  # whether the last keyword line was obsolete (#~)
    for number, raw in enumerate(_LINE_RE.split(text), 1):
        line = raw.strip(_BLANK)
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip(_BLANK)
        if line.startswith(("#|", "|")):
            # msgfmt parses the previous msgid (#| …) as strictly as the live one.
            _check_previous(line[1 + line.startswith("#|") :].strip(_BLANK), path, number)
            continue
        if line.startswith("#") or not line:
            if raw.endswith("\\"):
                # GNU gettext joins a line ending in a backslash with the next one, polib does not:
                # the two would read different entries from this file.
                raise CatalogError("a comment ends with a backslash, which joins it to the next line", path, number)
            continue
        state = previous_obsolete if obsolete else previous
        if line.startswith('"'):
            if state is None:
                raise CatalogError("string without a keyword before it", path, number)
            if obsolete != last_obsolete:
                raise CatalogError("inconsistent use of #~: a string continues the other kind of entry", path, number)
            if not _STRING_RE.fullmatch(line):
                raise CatalogError(f"malformed or unterminated string: {line[:40]}", path, number)
            continue
        match = _KEYWORD_RE.fullmatch(line)
        if match is None:
            raise CatalogError(f"not a comment, keyword or string: {line[:40]}", path, number)
        keyword = "msgstr[]" if match.group(1).startswith("msgstr[") else match.group(1)
        if keyword not in _NEXT[state]:
            raise CatalogError(f"'{match.group(1)}' is out of place", path, number)
        if not _STRING_RE.fullmatch(match.group(2)):
            raise CatalogError(f"malformed or unterminated string: {match.group(2)[:40]}", path, number)
        last_obsolete = obsolete
        if obsolete:
            previous_obsolete = keyword
        else:
            previous = keyword
    for state in (previous, previous_obsolete):
        if state in ("msgctxt", "msgid", "msgid_plural"):
            raise CatalogError("the last entry has no msgstr", path, None)
