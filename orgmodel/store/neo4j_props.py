"""Records as Neo4j properties and back, losslessly.

A node's properties are its record's fields (``kind`` included; dates as Neo4j ``Date``;
``None`` and empty lists left out), plus internal ones that all start with ``_``: ``_file`` and
``_line`` (where the record was read from), ``_keywords`` (the KLE keywords of a task, for the
full-text index) and ``_hash`` (a digest of the content, so a sync can tell what changed
without reading every property). An edge's properties are its fields except the ends and the
type (the relationship has those), plus ``key`` and the same internal ones.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER
>>> node = NODE_ADAPTER.validate_python({"id": "task:lon", "kind": "Task", "name": "Løn",
...     "kle": "81.15.00", "valid_from": "2024-01-01", "source": "seed", "confidence": "high"})
>>> props = node_props(node, Origin("opgaver.yaml", 3), ("Lønudbetaling",))
>>> props["valid_from"], props["_file"], props["_keywords"]
(datetime.date(2024, 1, 1), 'opgaver.yaml', ['Lønudbetaling'])
>>> node_from_props(props) == node
True

What the properties hold is checked against their ``_hash`` (``orgmodel load --verify``):

>>> stored_hash(props) == props["_hash"]
True
>>> stored_hash({**props, "name": "Rettet i Browser"}) == props["_hash"]
False
>>> stored_hash({**props, "kle": "not a KLE number"}) is None
True
"""

from __future__ import annotations

import hashlib
import types
import typing
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel

from orgmodel.dataset import Origin
from orgmodel.records import NODE_ADAPTER, NODE_MODELS, AnyNode, EdgeRecord, SourceRecord
from orgmodel.vocabulary import Vocabulary

__all__ = [
    "content_hash",
    "edge_from_props",
    "edge_props",
    "node_from_props",
    "node_keywords",
    "node_props",
    "origin_from_props",
    "plain",
    "source_from_props",
    "source_props",
    "stored_hash",
]


def _date_fields(models: Iterable[type[Any]]) -> frozenset[str]:
    found = set()
    for model in models:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
            args = typing.get_args(annotation) if union else ()
            # IsoDate | None: the date is inside Annotated, inside the union.
            bare = {typing.get_args(a)[0] if typing.get_origin(a) is typing.Annotated else a
                    for a in (annotation, *args)}
            if date in bare:
                found.add(name)
    return frozenset(found)


#: Fields stored as Neo4j dates (every other value is a string, number, boolean or list);
#: stored as text, Cypher's date comparisons would find no record valid on any day.
DATE_FIELDS = _date_fields([*NODE_MODELS.values(), EdgeRecord])
_EDGE_IMPLIED = {"source_id", "target_id", "type"}


def plain(value: Any) -> Any:
    """A property value read from Neo4j as a Python value (Neo4j dates become ``date``)."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def content_hash(record: BaseModel, *extra: str) -> str:
    """A digest of a record's content (and ``extra`` derived values, such as KLE keywords)."""
    digest = hashlib.blake2b(record.model_dump_json(exclude_none=True).encode("utf-8"),
                             digest_size=16)
    for value in extra:
        digest.update(b"\x00" + value.encode("utf-8"))
    return digest.hexdigest()


def _with_dates(data: dict[str, Any]) -> dict[str, Any]:
    for name in DATE_FIELDS & data.keys():
        data[name] = date.fromisoformat(data[name])
    return {k: v for k, v in data.items() if v != []}


def _finish(props: dict[str, Any], digest: str, origin: Origin | None) -> dict[str, Any]:
    props["_hash"] = digest
    if origin is not None:
        props["_file"], props["_line"] = origin.file, origin.line
    return props


def node_keywords(node: AnyNode, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The KLE title and keywords of a task's KLE number (empty for other nodes)."""
    kle = getattr(node, "kle", None)
    topic = vocabulary.kle.get(kle) if kle else None
    return (topic.title, *topic.keywords) if topic else ()


def node_props(
    node: AnyNode, origin: Origin | None, keywords: Iterable[str] = ()
) -> dict[str, Any]:
    """The properties of a node record."""
    props = _with_dates(node.model_dump(mode="json", exclude_none=True))
    words = list(keywords)
    if words:
        props["_keywords"] = words
    return _finish(props, content_hash(node, *words), origin)


def edge_props(edge: EdgeRecord, origin: Origin | None) -> dict[str, Any]:
    """The properties of an edge record (its ends and type are the relationship's)."""
    props = _with_dates(edge.model_dump(mode="json", exclude_none=True, exclude=_EDGE_IMPLIED))
    props["key"] = edge.key
    return _finish(props, content_hash(edge, edge.key), origin)


def source_props(source: SourceRecord) -> dict[str, Any]:
    """The properties of a (:Source) node."""
    return _finish(source.model_dump(mode="json", exclude_none=True), content_hash(source), None)


def _fields(props: Mapping[str, Any]) -> dict[str, Any]:
    return {k: plain(v) for k, v in props.items() if not k.startswith("_")}


def node_from_props(props: Mapping[str, Any]) -> AnyNode:
    """The node record stored in ``props``."""
    return NODE_ADAPTER.validate_python(_fields(props))


def edge_from_props(
    props: Mapping[str, Any], edge_type: str, source_id: str, target_id: str
) -> EdgeRecord:
    """The edge record stored in a relationship's ``props``."""
    data = _fields(props)
    data.pop("key", None)
    return EdgeRecord.model_validate({**data, "type": edge_type, "from": source_id,
                                      "to": target_id})


def source_from_props(props: Mapping[str, Any]) -> SourceRecord:
    """The source record stored in a (:Source) node's ``props``."""
    return SourceRecord.model_validate(_fields(props))


def origin_from_props(props: Mapping[str, Any]) -> Origin | None:
    """Where the record was read from, if it came from a data file."""
    file, line = props.get("_file"), props.get("_line")
    return Origin(str(file), int(line)) if file is not None and line is not None else None


def stored_hash(props: Mapping[str, Any], edge: tuple[str, str, str] | None = None,
                *, source: bool = False) -> str | None:
    """The content hash of what ``props`` hold now, or ``None`` if they hold no valid record.

    It equals the stored ``_hash`` unless someone changed the properties around orgmodel (in
    Neo4j Browser, say): plain Cypher does not update ``_hash``. ``edge`` is a relationship's
    ``(type, source id, target id)``; ``source`` marks a (:Source) node.
    """
    try:
        if edge is not None:
            return content_hash(edge_from_props(props, *edge), str(props.get("key")))
        if source:
            return content_hash(source_from_props(props))
        return content_hash(node_from_props(props), *props.get("_keywords", ()))
    except (ValueError, TypeError):  # pydantic's ValidationError is a ValueError
        return None
