"""YAML resource files as a tree: PyYAML's safe loader composes the nodes, whose marks give
every key's and value's place."""

from __future__ import annotations

import yaml

from translate_flow.document.frontmatter import ScalarSpan
from translate_flow.document.frontmatter.nesting import check_yaml
from translate_flow.document.frontmatter.yaml_fm import block_content_end
from translate_flow.errors import ResourceError
from translate_flow.resources.tree import Member, Node

__all__ = ["read"]

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
# libyaml's safe loader when PyYAML was built with it: same marks, same errors, much faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(text: str, rel: str) -> Node:
    """The tree of a YAML file; an empty file is an empty map, as Hugo reads it."""
    check_yaml(text, rel, 1)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            # Constructing refuses what the safe loader refuses (``!!python/…`` tags).
            loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid"
        raise ResourceError(f"invalid YAML: {problem}", rel, mark.line + 1 if mark else 1) from exc
    except yaml.YAMLError as exc:
        raise ResourceError(f"invalid YAML: {exc}", rel, 1) from exc
    except RecursionError as exc:
        raise ResourceError("YAML is nested too deeply", rel, 1) from exc
    finally:
        loader.dispose()
    if node is None:
        return Node("map", 0, 0)
    return _Walk(text).node(node, False)


def _is_string(node: yaml.ScalarNode) -> bool:
    """A string as Hugo reads it. PyYAML reads YAML 1.1, where a plain ``yes``, ``no``, ``on``
    or ``off`` is a boolean; Hugo reads YAML 1.2, where only ``true`` and ``false`` are."""
    if node.tag == _STR:
        return True
    return node.tag == _BOOL and not node.style and node.value.lower() not in ("true", "false")


class _Walk:
    def __init__(self, text: str) -> None:
        self.text = text
        # Aliases make the node graph a DAG: a node met again is an alias, never edited there.
        self.seen: set[int] = set()

    def node(self, node: yaml.Node, in_flow: bool) -> Node:
        start, end = node.start_mark.index, node.end_mark.index
        if id(node) in self.seen or self.text.startswith(("&", "!"), start):
            # An alias, or a value with an anchor or a tag written before it: replacing the
            # span would drop the anchor (and change every alias of it) or the tag.
            return Node("alias", start, end)
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not _is_string(node):
                return Node("other", start, end)
            style = node.style or "plain"
            value = node.value.rstrip("\n") if style in ("|", ">") else node.value
            span = ScalarSpan(start, end, style, value, in_flow)
            return Node("str", start, block_content_end(self.text, span) if style in ("|", ">") else end, scalar=span)
        flow = in_flow or bool(getattr(node, "flow_style", False))
        members: list[Member] = []
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    members.append(Member(key.value, key.start_mark.index, self.node(value, flow)))
            kind = "map"
        else:
            assert isinstance(node, yaml.SequenceNode)
            for index, item in enumerate(node.value):
                child = self.node(item, flow)
                members.append(Member(index, child.start, child))
            kind = "list"
        if not getattr(node, "flow_style", False) and members:
            # A block collection's end mark is where the next token starts; its own text
            # ends with its last member's value.
            end = max(member.node.end for member in members)
        return Node(kind, start, end, tuple(members))
