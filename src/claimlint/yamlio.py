"""Load YAML while keeping the line and column of every mapping key and sequence item."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from claimlint.errors import LocatedError

if TYPE_CHECKING:
    import yaml

# PyYAML is imported only when a YAML file is read: a run with cached packs never needs it.

Mark = tuple[int, int]


class MarkedDict(dict[str, Any]):
    """A mapping that remembers where it and each of its keys/values start (1-based)."""

    mark: Mark = (1, 1)
    key_marks: dict[str, Mark]
    value_marks: dict[str, Mark]

    def where(self, key: str) -> Mark:
        """Position of ``key``; the mapping's own position if the key is absent."""
        return self.key_marks.get(key, self.mark)

    def where_value(self, key: str) -> Mark:
        """Position of the value stored under ``key``."""
        return self.value_marks.get(key, self.where(key))


class MarkedList(list[Any]):
    """A sequence that remembers where it and each item start (1-based)."""

    mark: Mark = (1, 1)
    item_marks: list[Mark]

    def where(self, index: int) -> Mark:
        """Position of item ``index``."""
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: yaml.Node, path: str) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode):
        result = MarkedDict()
        result.mark = _mark(node)
        result.key_marks = {}
        result.value_marks = {}
        for key_node, value_node in node.value:
            # Keys keep their literal text: YAML 1.1 would read ON/NO/YES as booleans.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(_construct(key_node, path))
            if key in result:
                line, col = _mark(key_node)
                raise LocatedError(path, line, col, f"duplicate key '{key}'")
            result[key] = _construct(value_node, path)
            result.key_marks[key] = _mark(key_node)
            result.value_marks[key] = _mark(value_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = MarkedList(_construct(item, path) for item in node.value)
        items.mark = _mark(node)
        items.item_marks = [_mark(item) for item in node.value]
        return items
    return _scalar(node)


@cache
def _scalars() -> yaml.SafeLoader:
    import yaml

    return yaml.SafeLoader("")


_BOOL_TAG = "tag:yaml.org,2002:bool"


def _scalar(node: yaml.Node) -> Any:
    # YAML 1.2 booleans: only true/false. YAML 1.1 would turn the words no/yes/on/off into
    # booleans, which silently breaks phrase lists such as [no, not, never].
    if node.tag == _BOOL_TAG and str(node.value).lower() not in ("true", "false"):
        return str(node.value)
    return _scalars().construct_object(node, deep=True)


def load_marked(text: str, path: str) -> Any:
    """Parse ``text`` into MarkedDict/MarkedList/scalars; syntax errors carry file:line:col."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is optional
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LocatedError(path, line, col, f"YAML syntax error: {exc.problem}") from exc
    if node is None:
        return None
    return _construct(node, path)
