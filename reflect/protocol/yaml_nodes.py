"""Walking a protocol file's YAML node graph: line numbers for errors, and a bound on how far
aliases expand."""

from __future__ import annotations

import yaml

MAX_EXPANDED_NODES = 50_000
"""A protocol of 30 questions is about 500 YAML values; aliases that expand past this limit
are a "billion laughs" file, refused before anything walks it."""


def expands_too_far(root: yaml.Node) -> bool:
    """True when the node graph, with every alias followed, holds more than the limit."""
    pending, seen = [root], 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > MAX_EXPANDED_NODES:
            return True
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    return False


def node_at(root: yaml.Node, loc: tuple[int | str, ...]) -> yaml.Node:
    """The deepest YAML node along a pydantic error location (for its line number)."""
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                return node
            key, value = match
            node = value if part != loc[-1] else key
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node
