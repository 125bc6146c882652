"""One shortcode call's parameters, read and written the way Hugo's page lexer reads them.

Hugo's lexer (``parser/pageparser/pagelexer_shortcode.go``) decides what a parameter
value is: ``"…"`` may not hold a line break, and once it holds an escaped quote ``\\"``
*every* backslash in it is dropped; `` `…` `` is raw and may span lines; an unquoted
value is a run of letters, digits, ``_``, ``-`` and ``.`` (a positional one) or
anything up to the next blank (a named one), and reads as a bool or number when it
looks like one. ``parse_call`` follows the same rules and gives up, returning None,
wherever Hugo would fail or read the call in a way we do not model (an escaped quote
opening a value, named and positional parameters mixed, a comment call
``{{</* … */>}}``), so such a call simply stays protected markup. ``write_value``
is the reverse: a translation spelled so that Hugo reads back exactly that text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Call", "Param", "parse_call", "unwritable", "write_value"]

_SPACE = "\t\n\v\f\r "
# Hugo reads these unquoted values as a bool or a number, no longer as text.
_TYPED = re.compile(r"true|false|[-+]?[0-9]+|[-+]?[0-9]*\.[0-9]+")
# Never inside a written value: `{{` or an end delimiter would end or nest the call
# for Hugo's lexer or for our own masking (``hugo_markup``), which stops at the first.
_BREAKS_CALL = ("{{", ">}}", "%}}")


@dataclass(frozen=True)
class Param:
    """One parameter of a call."""

    key: str | int
    """The name of a named parameter, or the position (0, 1…) of a positional one."""
    value: str
    """The value as Hugo reads it: quotes gone, escapes resolved."""
    start: int
    """Offset of the value in the call text, its opening quote included."""
    end: int
    """Offset just past the value, its closing quote included."""

    def quote(self, call: str) -> str:
        """How the value is written in ``call``: ``"``, a backtick, or "" when unquoted."""
        first = call[self.start]
        return first if first in '"`' else ""


@dataclass(frozen=True)
class Call:
    """An opening or self-closing call, ``{{< name params >}}`` or ``{{% name params %}}``."""

    name: str
    """The shortcode's name, with its namespace (``hextra/feature-card``)."""
    params: tuple[Param, ...]
    """Its parameters in source order; all named or all positional."""


def _word_char(char: str) -> bool:
    # Go's unicode.IsLetter and unicode.IsDigit, as Hugo's isAlphaNumeric uses them.
    return char == "_" or unicodedata.category(char) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd")


def _param_char(char: str) -> bool:
    return _word_char(char) or char in "-."


class _Unreadable(Exception):
    """The call is one Hugo would refuse or read in a way not modelled here."""


class _Lexer:
    def __init__(self, call: str) -> None:
        self.text = call
        self.end = len(call) - 3  # the right delimiter
        self.pos = 3
        self.name = ""
        self.params: list[Param] = []
        self.named: bool | None = None

    def peek(self, offset: int = 0) -> str:
        at = self.pos + offset
        return self.text[at] if at < self.end else ""

    def run(self) -> Call | None:
        if self.text.startswith("/*", 3):
            return None  # `{{</* card */>}}` shows a call on the page without making one
        while self.pos < self.end:
            char = self.peek()
            if char in _SPACE:
                self.pos += 1
            elif char == "/":
                if not self.name:
                    return None  # a closing call: no parameters
                self.pos += 1  # self-closing
            elif self.name and (_word_char(char) or char in '-"`'):  # not `.`: Hugo refuses it here
                self.param()
            elif not self.name and _word_char(char):
                self.identifier()
            else:
                raise _Unreadable
        return Call(self.name, tuple(self.params)) if self.name else None

    def identifier(self) -> None:
        start = self.pos
        while self.pos < self.end and (_param_char(self.peek()) or self.peek() == "/"):
            self.pos += 1
        name = self.text[start : self.pos]
        if "." in name and not name.endswith(".inline"):
            raise _Unreadable
        self.name = name

    def param(self) -> None:
        if self.peek() in '"`':
            start, value = self.pos, self.quoted()
            self.add(len(self.params), value, start)
            return
        start = self.pos
        while self.pos < self.end and _param_char(self.peek()):
            self.pos += 1
        word = self.text[start : self.pos]
        if self.peek() != "=":
            self.add(len(self.params), word, start)
            return
        self.pos += 1
        while self.pos < self.end and self.peek() in _SPACE:
            self.pos += 1
        value_start = self.pos
        if self.peek() in '"`':
            value = self.quoted()
        elif self.peek() in ("", "\\"):
            raise _Unreadable  # `a=` at the end, or `a=\"…\"`
        else:
            while self.pos < self.end and self.peek() not in _SPACE:
                self.pos += 1
            if self.pos == self.end:
                raise _Unreadable  # Hugo would run the value on into `>}}`
            value = self.text[value_start : self.pos]
        self.add(word, value, value_start)

    def add(self, key: str | int, value: str, start: int) -> None:
        named = isinstance(key, str)
        if self.named is not None and self.named != named:
            raise _Unreadable  # Hugo refuses named and positional parameters together
        self.named = named
        self.params.append(Param(key, value, start, self.pos))

    def quoted(self) -> str:
        opening = self.peek()
        self.pos += 1
        start = self.pos
        if opening == "`":
            close = self.text.find("`", start, self.end)
            if close < 0:
                raise _Unreadable
            self.pos = close + 1
            return self.text[start:close]
        escaped = False
        while True:
            char = self.peek()
            if char in ("", "\n", "\r"):
                # Hugo stops at a line feed; a lone CR it keeps, but every line table here ends a line there.
                raise _Unreadable
            if char == "\\" and self.peek(1) == "`":
                raise _Unreadable  # "unrecognized escape character"
            if char == "\\" and self.peek(1) == '"':
                escaped = True
                self.pos += 2
                continue
            if char == '"':
                break
            self.pos += 1
        raw = self.text[start : self.pos]
        self.pos += 1
        # Hugo drops every backslash of a value that holds an escaped quote (issue #10236).
        return raw.replace("\\", "") if escaped else raw


def parse_call(call: str) -> Call | None:
    """The name and parameters of ``call`` (a whole ``{{< … >}}`` or ``{{% … %}}``), as Hugo
    reads them; None for a closing or comment call, and for one Hugo would not read that way."""
    if len(call) < 6 or (call[:3], call[-3:]) not in (("{{<", ">}}"), ("{{%", "%}}")):
        return None
    try:
        return _Lexer(call).run()
    except _Unreadable:
        return None


def _bare(text: str) -> str | None:
    # Letters, digits, `_`, `-` and `.` read the same named or positional; a leading `.` does not.
    if not text or text[0] == "." or _TYPED.fullmatch(text) or not all(_param_char(c) for c in text):
        return None
    return text


def _double(text: str) -> str | None:
    if "\n" in text or "\r" in text:
        return None
    if '"' in text:
        # Escaped quotes make Hugo drop every backslash, so none may be left to drop.
        return None if "\\" in text else '"' + text.replace('"', '\\"') + '"'
    if text.endswith("\\") or "\\`" in text:
        return None  # the closing quote would read as escaped; `\`` is an error
    return '"' + text + '"'


def _raw(text: str) -> str | None:
    return None if "`" in text else "`" + text + "`"


def unwritable(text: str) -> str | None:
    """Why no quoting can hold ``text`` as a shortcode value; None when one can."""
    for delimiter in _BREAKS_CALL:
        if delimiter in text:
            return f"{delimiter} would end or nest the shortcode call"
    if _double(text) is None and _raw(text) is None:
        return "no quoting holds it: it needs a backtick and a double quote or backslash that Hugo would misread"
    return None


def write_value(text: str, quote: str) -> str | None:
    """``text`` written as a parameter value that Hugo reads back as exactly ``text``.

    The source's quoting (``quote``) is kept where it can hold the text; otherwise double
    quotes (escaping ``"`` as ``\\"``), otherwise a raw string. None when none can.
    """
    if unwritable(text) is not None:
        return None
    forms = {"": _bare, '"': _double, "`": _raw}
    for style in (quote, '"', "`"):
        written = forms[style](text)
        if written is not None:
            return written
    return None
