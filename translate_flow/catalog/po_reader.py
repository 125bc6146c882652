"""A PO text read into the ``polib.POFile`` that ``io.parse_catalog``'s polib path builds, faster.

``parse_catalog`` checks a text as msgfmt would (``syntax``), makes polib read it as msgfmt
does (``lexicon``), then lets polib 1.2 parse it line by line. That reading was a fifth of
a merge. This module reads, in one pass, the shape of file GNU gettext and translate-flow
write, and builds exactly what that path builds; for anything else it answers None and the
caller takes the old path, which also reports every error. So the grammar here is narrow
on purpose:

- no NUL, no character ``str.splitlines`` breaks at other than LF and CR LF (``lexicon``
  hides those from polib: a path of its own);
- no line starts with white space; keyword and string lines have no trailing white space;
- strings hold only the escapes ``\\\\ \\" \\n \\t \\r`` (every other one is msgfmt's to
  decode, in ``lexicon``);
- an entry's keyword lines (``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr`` or
  ``msgstr[N]`` with one digit) come in msgfmt's order, all live or all ``#~ ``, with no
  comment between them; comments and previous texts (``#| ``, ``#~| ``) come before;
- a comment ends with no backslash (GNU gettext would join it to the next line);
- the header, if any, is the first entry, live and without msgctxt, and no other live
  entry has an empty msgid.

Inside that grammar every polib quirk is kept, since the rest of the code reads polib's
objects: the first entry's ``linenum`` 0, header comments as polib joins them, ``obsolete``
as 0 or 1, occurrences split with ``str.isdigit``, a comment-only last line that drops the
entry before it, metadata continuations, ``metadata_is_fuzzy`` as the header's flag list.
tests/unit/catalog/test_po_reader.py holds it to the old path on random and mutated files.
"""

from __future__ import annotations

import codecs
import re

import polib

__all__ = ["fast_parse"]

# What the old path must handle: a NUL, or a line break polib sees and msgfmt does not
# (a CR not before an LF, too: see fast_parse).
_ODD = re.compile("[\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_STRING = r'"([^"\\]*(?:\\[\\"ntr][^"\\]*)*)"'
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[([0-9])\])?) " + _STRING)
_CONTINUATION = re.compile(_STRING)
_PREVIOUS = re.compile(r"(?:(msgctxt|msgid_plural|msgid) )?" + _STRING)
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPED = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
# polib's guess of the file's encoding, which it keeps as ``POFile.encoding``. polib's pattern
# starts with an optional quote, which changes neither what it finds nor the charset it reads.
_CHARSET = re.compile(r"Content-Type:.+? charset=([\w_\-:\.]+)")

# Where the current entry is: header comments only so far (polib's "st" and "he"), comments
# of an entry, after its msgctxt, msgid or msgid_plural, or complete (after a msgstr).
_START, _COMMENTS, _CTXT, _ID, _PLURAL, _STR, _STRX = range(7)
_COMPLETE = (_STR, _STRX)
_FIELD = {_CTXT: "msgctxt", _ID: "msgid", _PLURAL: "msgid_plural", _STR: "msgstr"}


_new_object = object.__new__
_DEFAULT_ENCODING: str = polib.default_encoding


class _Odd(Exception):
    """The text leaves the grammar this reader is sure of."""


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], value) if "\\" in value else value


def _new_entry(linenum: int) -> polib.POEntry:
    """``polib.POEntry(linenum=linenum)``: the same attributes in the same order, without the
    constructor's sixteen keyword look-ups (a tenth of this reader's time). The differential
    test compares ``vars()`` of every entry, so a polib that sets others shows at once."""
    entry: polib.POEntry = _new_object(polib.POEntry)
    entry.__dict__.update(
        msgid="",
        msgstr="",
        msgid_plural="",
        msgstr_plural={},
        msgctxt=None,
        obsolete=False,
        encoding=_DEFAULT_ENCODING,
        comment="",
        tcomment="",
        occurrences=[],
        flags=[],
        previous_msgctxt=None,
        previous_msgid=None,
        previous_msgid_plural=None,
        linenum=linenum,
    )
    return entry


class _Reader:
    """polib's state machine for the narrow grammar; raises _Odd outside it."""

    def __init__(self) -> None:
        self.entries: list[polib.POEntry] = []
        self.header = ""
        self.entry = _new_entry(0)  # polib numbers the first entry 0, wherever it starts
        self.state = _START
        self.obsolete = 0  # whether the current entry's keyword lines are #~ lines
        self.previous = ""  # the previous text a `#| "…"` line extends, right after its keyword
        self.index = 0  # the plural msgstr a continuation extends

    def _begin(self, number: int) -> polib.POEntry:
        """The entry a comment or previous text on line ``number`` belongs to."""
        state = self.state
        if state in _COMPLETE:
            self.entries.append(self.entry)
            self.entry = _new_entry(number)
        elif state != _START and state != _COMMENTS:
            raise _Odd  # a comment between an entry's keywords
        self.state = _COMMENTS
        return self.entry

    def comment(self, number: int, line: str) -> None:
        """A comment line other than a previous text; polib's reading of it."""
        last = line[-1]
        if last == "\\":
            raise _Odd
        mark = line[:3]
        if not last.isspace() and (mark == "#: " or mark == "#. "):
            # The usual lines, which polib's stripping and splitting below would leave as they are.
            if mark == "#: ":
                self._occurrences(number, line)
            else:
                entry = self._begin(number)
                entry.comment += ("\n" if entry.comment else "") + line[3:]
            self.previous = ""
            return
        text = line.strip()
        tokens = text.split(None, 2)
        first = tokens[0]
        if first == "#" or first.startswith("##"):
            if text == "#":
                text = "# "
            if self.state == _START:
                self.header += ("\n" if self.header else "") + text[2:]
                return
            entry = self._begin(number)
            comment = text.lstrip("#")
            entry.tcomment += ("\n" if entry.tcomment else "") + (comment[1:] if comment[:1] == " " else comment)
        elif first not in ("#:", "#,", "#."):
            raise _Odd  # polib refuses it
        elif len(tokens) == 1:
            return  # polib skips an empty one, leaving its state as it was
        elif first == "#:":
            self._occurrences(number, text)
        elif first == "#,":
            self._begin(number).flags += [flag.strip() for flag in text[3:].split(",")]
        else:
            entry = self._begin(number)
            entry.comment += ("\n" if entry.comment else "") + text[3:]
        self.previous = ""

    def _occurrences(self, number: int, text: str) -> None:
        occurrences = self._begin(number).occurrences
        for occurrence in text[3:].split():
            # polib's split: the part after the last colon is the line if it is all digits.
            path, colon, digits = occurrence.rpartition(":")
            occurrences.append((path, digits) if colon and digits.isdigit() else (occurrence, ""))

    def previous_text(self, number: int, rest: str) -> None:
        """A ``#| `` or ``#~| `` line, without that mark."""
        match = _PREVIOUS.fullmatch(rest)
        if match is None:
            raise _Odd
        name, value = match.group(1), _unescape(match.group(2))
        if name is None:
            if not self.previous:
                raise _Odd  # polib would add it to whatever it read last, or refuse it
            setattr(self.entry, self.previous, getattr(self.entry, self.previous) + value)
            return
        self.previous = "previous_" + name
        setattr(self._begin(number), self.previous, value)

    def keyword(self, number: int, rest: str, obsolete: int) -> None:
        match = _KEYWORD.fullmatch(rest)
        if match is None:
            raise _Odd
        keyword, digit, value = match.group(1), match.group(2), _unescape(match.group(3))
        state = self.state
        self.previous = ""
        if keyword == "msgctxt" or keyword == "msgid":
            if state in _COMPLETE:
                self.entries.append(self.entry)
                self.entry = _new_entry(number)
            elif state == _CTXT and keyword == "msgid":
                if obsolete != self.obsolete:
                    raise _Odd
            elif state != _START and state != _COMMENTS:
                raise _Odd
            self.obsolete = obsolete
            if keyword == "msgctxt":
                self.entry.msgctxt = value
                self.state = _CTXT
            else:
                self.entry.obsolete = obsolete
                self.entry.msgid = value
                self.state = _ID
            return
        if obsolete != self.obsolete:
            raise _Odd
        if keyword == "msgid_plural" and state == _ID:
            self.entry.msgid_plural = value
            self.state = _PLURAL
        elif keyword == "msgstr" and state == _ID:
            self.entry.msgstr = value
            self.state = _STR
        elif digit is not None and (state == _PLURAL or state == _STRX):
            self.index = int(digit)
            self.entry.msgstr_plural[self.index] = value
            self.state = _STRX
        else:
            raise _Odd

    def continuation(self, rest: str, obsolete: int) -> None:
        match = _CONTINUATION.fullmatch(rest)
        if match is None or obsolete != self.obsolete or self.state < _CTXT:
            raise _Odd
        value = _unescape(match.group(1))
        if self.state == _STRX:
            self.entry.msgstr_plural[self.index] += value
        else:
            name = _FIELD[self.state]
            setattr(self.entry, name, getattr(self.entry, name) + value)
        self.previous = ""

    def read(self, text: str) -> None:
        last_is_comment = True  # polib keeps the last entry only when the last line is not a comment
        for number, line in enumerate(text.split("\n"), 1):
            if not line:
                continue
            first = line[0]
            if first == "#":
                if line.startswith("#~ "):
                    rest = line[3:]
                    if rest[:1] == '"':
                        self.continuation(rest, 1)
                    else:
                        self.keyword(number, rest, 1)
                    last_is_comment = False
                    continue
                if line.startswith("#| "):
                    self.previous_text(number, line[3:])
                elif line.startswith("#~| "):
                    self.previous_text(number, line[4:])
                elif line[1:2] not in ("~", "|"):
                    self.comment(number, line)
                else:
                    raise _Odd
                last_is_comment = True
            elif first == '"':
                self.continuation(line, 0)
                last_is_comment = False
            elif first == "m":
                self.keyword(number, line, 0)
                last_is_comment = False
            else:
                raise _Odd
        if self.state in (_CTXT, _ID, _PLURAL):
            raise _Odd  # the last entry has no msgstr: an error, the old path's to report
        if self.state in _COMPLETE and not last_is_comment:
            self.entries.append(self.entry)


def _metadata(msgstr: str) -> dict[str, str]:
    """The header's fields as polib splits them: ``Name: value`` lines, other lines continuing the last."""
    metadata: dict[str, str] = {}
    key: str | None = None
    for line in msgstr.splitlines():
        name, colon, value = line.partition(":")
        if colon:
            key = name
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


def _encoding(text: str) -> str:
    """The charset the first Content-Type line names, if Python knows it; polib's default otherwise."""
    found = _CHARSET.search(text)
    if found is None:
        return _DEFAULT_ENCODING
    try:
        codecs.lookup(found.group(1))
    except LookupError:
        return _DEFAULT_ENCODING
    return found.group(1)


def fast_parse(text: str) -> polib.POFile | None:
    """``text`` (decoded, without BOM) as the polib path of ``parse_catalog`` reads it, or None
    when it leaves this module's grammar; then that path must read it (and report its errors).

    Whatever this returns, ``syntax.check_po_syntax`` accepts the text.
    """
    if _ODD.search(text):
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # both polib and msgfmt end a line at CR LF
        if "\r" in text:
            return None
    reader = _Reader()
    try:
        reader.read(text)
    except _Odd:
        return None
    entries = reader.entries
    header: polib.POEntry | None = None
    if entries and entries[0].msgid == "" and not entries[0].obsolete:
        header = entries[0]
        if header.msgctxt is not None:
            return None  # polib would still take it for the header
        entries = entries[1:]
    if any(entry.msgid == "" and not entry.obsolete for entry in entries):
        return None  # which one polib takes for the header is its own business
    po = polib.POFile(encoding=_encoding(text), check_for_duplicates=False)
    po.extend(entries)
    po.header = reader.header
    po.wrapwidth = 0
    if header is not None:
        po.metadata_is_fuzzy = header.flags
        po.metadata = _metadata(header.msgstr)
    return po
