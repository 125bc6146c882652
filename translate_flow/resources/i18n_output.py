"""A translated i18n table: the source table with its values replaced, in its format and order.

Three kinds of edit, all on spans of the source text:

- a translated value replaces the source value, in the source's quoting style;
- a message without a usable translation is removed (with a group it empties), so Hugo
  falls back to its default language for it;
- a plural message gets the target language's CLDR categories: a category the source has
  keeps its place, one it lacks is written like its neighbour (same key syntax, same
  separator), one the target does not use is removed.

A member is removed together with the separator before the next member (or, the last one,
after the previous member), so the same rule fits a YAML block, a flow map, a TOML table
and a JSON object. The result is read back: a value that does not read as its translation
is written in the one style that holds any text, then held back; a table whose messages
still do not read back as meant is an error, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from translate_flow.errors import ResourceError
from translate_flow.resources.i18n_table import Message, Table, read_table, texts_of
from translate_flow.resources.model import Rendered, Translations
from translate_flow.resources.parse import parse_document
from translate_flow.resources.plurals import CATEGORIES
from translate_flow.resources.tree import Document, Member, Node

__all__ = ["render_table"]

UNFAITHFUL = "the translation would not read back as written in any style"
NO_OTHER = "the source has no form the target language uses"
NO_SYNTAX = "cannot tell how to write another plural form next to the source's"

_Edit = tuple[int, int, int, str]  # start, end, order among edits at one place, new text


@dataclass
class _Plan:
    """What one pass writes: the wanted forms per message, and how."""

    wanted: dict[str, dict[str, str]] = field(default_factory=dict)
    """Message id → CLDR category → text, for each message written."""
    safe: set[str] = field(default_factory=set)
    """Messages whose values go in the one style that holds any text."""
    held: dict[str, str] = field(default_factory=dict)
    """Message id → why its translation is kept out."""


def render_table(doc: Document, table: Table, hidden: frozenset[str], translations: Translations) -> Rendered:
    """The table in ``translations.language``; messages in ``hidden`` (an earlier table's) are left out."""
    plan = _Plan()
    shown = tuple(m for m in table.messages if m.id not in hidden)
    ids = {text.context for text in texts_of(doc, shown) if text.context is not None}
    extracted = [m for m in table.messages if m.id in ids]
    for message in extracted:
        forms = _forms(message, translations)
        if forms is not None:
            plan.wanted[message.id] = forms
    # Each pass either succeeds or moves a message one step towards the safe style, then
    # out: at most two passes per message, plus the last one.
    for _ in range(2 * len(plan.wanted) + 2):
        writer = _Writer(doc, table, plan, frozenset(ids), hidden)
        text = writer.text()
        wrong = _unfaithful(doc, text, plan) if not writer.failed else set()
        if not wrong and not writer.failed:
            break
        for name, reason in writer.failed.items():
            plan.held[name] = reason
            plan.wanted.pop(name, None)
        for name in wrong:
            if name in plan.safe:
                plan.held[name] = UNFAITHFUL
                del plan.wanted[name]
            plan.safe.add(name)
    else:
        raise ResourceError(f"cannot write the {translations.language} table in this file's layout", doc.rel)
    held = tuple(((m.id, m.singular), plan.held[m.id]) for m in extracted if m.id in plan.held)
    data = doc.encode(text) if plan.wanted else None
    return Rendered(data, len(extracted), len(plan.wanted), held)


def _forms(message: Message, translations: Translations) -> dict[str, str] | None:
    key = (message.id, message.singular)
    if not message.plural:
        text = translations.texts.get(key)
        return None if text is None else {name: text for name in message.forms}
    return dict(translations.plurals[key]) if key in translations.plurals else None


def _unfaithful(doc: Document, text: str, plan: _Plan) -> set[str]:
    """The messages the new text does not read back as wanted (all of them if it does not parse)."""
    try:
        again = read_table(parse_document(doc.encode(text), doc.rel, doc.format))
    except ResourceError:
        return set(plan.wanted)
    found = {m.id: {name: node.scalar.value for name, node in m.forms.items() if node.scalar} for m in again.messages}
    return {name for name, forms in plan.wanted.items() if found.get(name) != forms}


class _Writer:
    """The edits of one pass, applied to the source text."""

    def __init__(
        self, doc: Document, table: Table, plan: _Plan, extracted: frozenset[str], hidden: frozenset[str]
    ) -> None:
        self.doc = doc
        self.table = table
        self.plan = plan
        self.edits: list[_Edit] = []
        self.failed: dict[str, str] = {}
        """Messages this pass could not write, and why."""
        self.messages = {id(m.node): m for m in table.messages}
        # A message goes when an earlier table has its id, or when it has no usable translation;
        # one that was not extracted (no words in it) stays as it is.
        self.gone = {
            key for key, m in self.messages.items() if m.id in hidden or (m.id in extracted and m.id not in plan.wanted)
        }

    def text(self) -> str:
        self._container(self.doc.root)
        out: list[str] = []
        position = 0
        for start, end, _, new in sorted(self.edits):
            if start < position:
                raise ResourceError("cannot write a translated table in this file's layout", self.doc.rel)
            out.append(self.doc.text[position:start])
            out.append(new)
            position = end
        out.append(self.doc.text[position:])
        return "".join(out)

    def _container(self, node: Node) -> bool:
        """Edit a group (or the top) and what it holds; True when every member of it goes."""
        gone = []
        for member in node.members:
            message = self.messages.get(id(member.node))
            if message is not None:
                gone.append(id(member.node) in self.gone)
                if not gone[-1] and message.id in self.plan.wanted:
                    self._message(message)
            elif id(member.node) in self.table.groups:
                gone.append(self._container(member.node))
            else:
                gone.append(False)
        if node.members and all(gone):
            return True
        self._remove(node.members, gone)
        return False

    def _message(self, message: Message) -> None:
        forms = self.plan.wanted[message.id]
        safe = message.id in self.plan.safe
        for name, node in message.forms.items():
            if name in forms:
                self._replace(node, forms[name], safe)
        if message.table is None or not message.plural:
            return
        members = message.table.members
        kept = [i for i, m in enumerate(members) if _category(m) in forms]
        gone = [_category(m) is not None and _category(m) not in forms for m in members]
        if not kept:
            self.failed[message.id] = NO_OTHER
            return
        self._remove(members, gone)
        for order, name in enumerate(c for c in CATEGORIES if c in forms and c not in message.forms):
            if not self._insert(members, kept, name, forms[name], safe, order):
                self.failed[message.id] = NO_SYNTAX

    def _replace(self, node: Node, new: str, safe: bool) -> None:
        span = node.scalar
        assert span is not None
        if new != span.value:
            self.edits.append((span.start, self.doc.span_end(span), 0, self.doc.render(span, new, safe)))

    def _remove(self, members: Sequence[Member], gone: Sequence[bool]) -> None:
        """Remove each run of gone members with the separator that joins it to its neighbours."""
        i = 0
        while i < len(members):
            if not gone[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(members) and gone[j + 1]:
                j += 1
            if j + 1 < len(members):
                self.edits.append((members[i].start, members[j + 1].start, 0, ""))
            elif i > 0:
                self.edits.append((members[i - 1].node.end, members[j].node.end, 0, ""))
            i = j + 1

    def _insert(self, members: Sequence[Member], kept: list[int], name: str, new: str, safe: bool, order: int) -> bool:
        """Write a form the source lacks before the first kept form that CLDR orders after it
        (else after the last kept one), shaped like that neighbour."""
        later = [i for i in kept if CATEGORIES.index(_category(members[i]) or "other") > CATEGORIES.index(name)]
        anchor = later[0] if later else kept[-1]
        # The text between two members: the anchor's own, or (for the first) the one after it.
        before = anchor if anchor > 0 else 1
        separator = self.doc.text[members[before - 1].node.end : members[before].start]
        template = members[anchor]
        syntax = self.doc.text[template.start : template.node.start]
        at = syntax.rfind(str(template.key))
        span = template.node.scalar
        if at < 0 or span is None:
            return False
        entry = syntax[:at] + name + syntax[at + len(str(template.key)) :] + self.doc.render(span, new, safe)
        if later:
            self.edits.append((template.start, template.start, 1 + order, entry + separator))
        else:
            self.edits.append((template.node.end, template.node.end, -10 + order, separator + entry))
        return True


def _category(member: Member) -> str | None:
    name = str(member.key).lower()
    return name if name in CATEGORIES and member.node.kind == "str" else None
