"""YAML front matter: safe parsing with node positions, and style-keeping rendering."""

from __future__ import annotations

import re

import yaml

from translate_flow.document.frontmatter.model import FrontMatter, Path_, ScalarSpan, body_line_after, line_number
from translate_flow.document.frontmatter.nesting import check_yaml
from translate_flow.errors import ArticleError
from translate_flow.textutil import LINE_END_RE

_STR_TAG = "tag:yaml.org,2002:str"
# libyaml's safe loader when PyYAML was built with it: same marks, same errors, ten times faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, start: int, end: int, close_end: int, path: str) -> FrontMatter:
    inner = text[start:end]
    first_line = line_number(text, start)
    check_yaml(inner, path, first_line)
    loader = _Loader(inner)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        problem = exc.problem or exc.context or "invalid YAML"
        raise ArticleError(f"invalid YAML front matter: {problem}", path, line) from exc
    except yaml.YAMLError as exc:
        raise ArticleError(f"invalid YAML front matter: {exc}", path, first_line) from exc
    except RecursionError as exc:
        raise ArticleError("YAML front matter is nested too deeply", path, first_line) from exc
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError("front matter is not a mapping", path, first_line)
    scalars: dict[Path_, ScalarSpan] = {}
    if node is not None:
        _walk(node, start, scalars)
    return FrontMatter("yaml", body_line_after(text, close_end), data, scalars)


def _walk(root: yaml.Node, base: int, out: dict[Path_, ScalarSpan]) -> None:
    """Record every string scalar's span; iterative, so deep nesting cannot overflow the stack."""
    # Aliases make the node graph a DAG; visiting a node once keeps an alias bomb cheap.
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Path_, bool]] = [(root, (), False)]
    while stack:
        node, path, in_flow = stack.pop()
        if len(path) > 64:
            continue  # no translatable key lives this deep; bounded work on hostile input
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG and isinstance(node.value, str):
                style = node.style or "plain"
                value = node.value.rstrip("\n") if style in ("|", ">") else node.value
                out[path] = ScalarSpan(base + node.start_mark.index, base + node.end_mark.index, style, value, in_flow)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        flow = in_flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                if isinstance(key, yaml.ScalarNode):
                    stack.append((value, path + (key.value,), flow))
        elif isinstance(node, yaml.SequenceNode):
            for index in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[index], path + (index,), flow))


_PLAIN_UNSAFE_FLOW = set(",[]{}")


def _plain_ok(value: str, in_flow: bool) -> bool:
    if not value or value != value.strip() or "\n" in value or "\r" in value:
        return False
    if in_flow and _PLAIN_UNSAFE_FLOW & set(value):
        return False
    # libyaml, ten times faster, judges a value as PyYAML's own parser does (a property test holds
    # it to that), except that it takes a tab inside a plain value where PyYAML does not: a value
    # with a tab is left to the stricter one.
    loader = yaml.SafeLoader if "\t" in value else _Loader
    try:
        node = yaml.compose("k: " + value, Loader=loader)
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    scalar = node.value[0][1]
    return isinstance(scalar, yaml.ScalarNode) and scalar.tag == _STR_TAG and scalar.value == value


def double_quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar, every unsafe character escaped."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or ch in "\x85\u2028\u2029\ufeff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _printable_line(value: str) -> bool:
    return all(ch == "\t" or (ord(ch) >= 0x20 and ch not in "\x7f\x85\u2028\u2029\ufeff") for ch in value)


def block_content_end(text: str, span: ScalarSpan) -> int:
    """End of a block scalar's last content character; its line breaks stay in place."""
    end = span.end
    # CR-only files too: the header line ends at the first line end of any kind.
    line_end = LINE_END_RE.search(text, span.start)
    header_end = span.end if line_end is None else line_end.start()
    while end > header_end and text[end - 1] in " \t\r\n":
        end -= 1
    return max(end, header_end)


def render(text: str, span: ScalarSpan, new: str) -> str:
    style = span.style
    if style in ("|", ">"):
        match = re.compile(r"[^\r\n]*(\r\n|\r|\n)").match(text, span.start)
        if match is not None:
            header = text[span.start : match.end(1) - len(match.group(1))]
            eol = match.group(1)
            body_start = match.end()
            indent_match = re.compile(r"[ ]*").match(text, body_start)
            indent = indent_match.group() if indent_match else "  "
            if not indent:
                indent = "  "
            lines = new.split("\n")
            if style == ">":
                # In a folded scalar one line break is a space; a real break needs a blank line.
                spaced: list[str] = []
                for i, line in enumerate(lines):
                    if i:
                        spaced.append("")
                    spaced.append(line)
                lines = spaced
            return header + eol + eol.join(indent + line if line else "" for line in lines)
        style = '"'
    if style == "plain" and _plain_ok(new, span.in_flow):
        return new
    if style == "'" and "\n" not in new and _printable_line(new):
        return "'" + new.replace("'", "''") + "'"
    return double_quoted(new)
