"""A node named on the command line: by its id, or by its name as people write it.

``orgmodel show Økonomichef`` should not need ``post:chef-okonomi-og-stab``: a text that is no
id is searched for, and a node whose name or English name is that text (case, accents and
Danish spellings aside) is the one meant; else the one node with that alias. Otherwise the
error names the nodes that come closest, so a typo is one step from the answer.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> from orgmodel.store.memory import MemoryStore
>>> store = MemoryStore(Dataset.build([NODE_ADAPTER.validate_python(
...     {"id": "post:borgmester", "kind": "Post", "name": "Borgmester", "name_en": "Mayor",
...      "source": "seed", "confidence": "high"})], []))
>>> [resolve_node(store, text, as_of=date(2025, 1, 1)) for text in ("post:borgmester", "MAYOR")]
['post:borgmester', 'post:borgmester']
>>> try:
...     resolve_node(store, "borgmster", as_of=date(2025, 1, 1))
... except UnknownNodeError as error:
...     print(error.text, [hit.id for hit in error.closest])
borgmster ['post:borgmester']
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import date

from orgmodel.contract import NodeRef, OrgStore
from orgmodel.exceptions import NotFoundError, NotValidOnDateError
from orgmodel.records import is_node_id
from orgmodel.schema import Kind
from orgmodel.text import fold, without_remark

__all__ = ["CLOSEST", "ID_NEAR", "UnknownNodeError", "check_written_id", "ids_near", "nodes_meant",
           "resolve_node"]

#: How many of the closest nodes an unknown id or name suggests, and how close they must be.
CLOSEST, CLOSEST_MIN = 3, 0.5
#: How alike (difflib's ratio) a mistyped id and a node's id are to be suggested.
ID_NEAR = 0.8


class UnknownNodeError(NotFoundError):
    """No one node has that id or name.

    ``closest`` are the nodes the text comes nearest to; ``ambiguous`` is set when several
    nodes have that name or alias (then they are the ``closest``), and one of their ids is
    needed.
    """

    def __init__(self, text: str, closest: Sequence[NodeRef], *, ambiguous: bool = False) -> None:
        self.text, self.closest, self.ambiguous = text, list(closest), ambiguous
        super().__init__(text, f"no node with the id or name {text!r}")


def resolve_node(store: OrgStore, text: str, *, as_of: date | None,
                 kinds: Sequence[Kind] | None = None) -> str:
    """The id of the node ``text`` names: its id, or its name, English name or alias.

    Raises
    ------
    NotValidOnDateError
        When ``text`` is the id of a node that does not hold on ``as_of``, or the name of one
        that holds today only.
    UnknownNodeError
        When no node (of ``kinds``) has that id or name, with the closest; or when several
        have that name or alias.
    """
    try:
        node = store.node(text, as_of=as_of)
        if kinds is None or node.kind in kinds:
            return node.id
    except NotValidOnDateError:
        raise  # it exists: the date is what is wrong, and the message says so
    except NotFoundError:
        pass
    wanted = fold(text)
    hits = store.search(text, kinds=list(kinds) if kinds else None, limit=20, as_of=as_of)
    nodes = [store.node(hit.id, as_of=as_of) for hit in hits]  # a NodeView is a NodeRef
    named = [n for n in nodes if wanted in (fold(n.name), fold(n.name_en or ""))]
    by_alias = [n for n in nodes if n not in named
                and wanted in (fold(alias) for alias in n.aliases)]
    # ... and a name without the remark in brackets after it: "Team 2 i Organisation og
    # Politik" is "Team 2 i Organisation og Politik (navn ikke bekræftet)".
    unremarked = [n for n in nodes if n not in named and n not in by_alias
                  and wanted in (fold(without_remark(name)) for name in (n.name, n.name_en)
                                 if name and without_remark(name))]
    for found in (named, by_alias, unremarked):  # a name before an alias
        if len(found) == 1:
            return found[0].id
        if found:  # "Devices til medarbejdere" is a task and an asset: which is meant?
            raise UnknownNodeError(text, found, ambiguous=True)
    today = date.today()
    if as_of is not None and as_of != today:
        # A name of today's organisation asked for a day it did not hold ("Organisation og
        # Politik" in 2022, before the merger): said with its dates, as its id would be, not
        # "no node has that name" beside the names of others.
        try:
            now = resolve_node(store, text, as_of=today, kinds=kinds)
        except NotFoundError:
            pass
        else:
            return store.node(now, as_of=as_of).id  # raises NotValidOnDateError
    closest = [node for hit, node in zip(hits, nodes, strict=True) if hit.score >= CLOSEST_MIN]
    raise UnknownNodeError(text, _ids_near(store, text, as_of, kinds, closest)[:CLOSEST])


def check_written_id(store: OrgStore, text: str, *, as_of: date | None) -> None:
    """Raise :class:`UnknownNodeError` if ``text`` is written as a node id that no node has.

    A question that is an id ("task:lonn") is answered by that node: one that does not exist
    got "no answer", where its closest ids say what was meant.

    Raises
    ------
    UnknownNodeError
        With the nodes whose ids are spelt nearly so.
    NotValidOnDateError
        When the node exists, but not on ``as_of``.
    """
    if is_node_id(text.strip()):
        resolve_node(store, text.strip(), as_of=as_of)


def ids_near(store: OrgStore, text: str, *, as_of: date | None,
             kinds: Sequence[Kind] | None = None) -> list[NodeRef]:
    """The nodes (at most :data:`CLOSEST`) whose ids are spelt nearly as ``text``, closest first.

    For an id no node has ("post:borgmestr"): the ids are read from the whole graph, so only
    on this path of a mistake.

    Examples
    --------
    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER
    >>> from orgmodel.store.memory import MemoryStore
    >>> mayor = NODE_ADAPTER.validate_python({"id": "post:borgmester", "kind": "Post",
    ...     "name": "Borgmester", "source": "seed", "confidence": "high"})
    >>> store = MemoryStore(Dataset.build([mayor], []))
    >>> [node.id for node in ids_near(store, "post:borgmestr", as_of=None)]
    ['post:borgmester']
    >>> ids_near(store, "unit:hr", as_of=None)
    []
    """
    if ":" not in text or any(c.isspace() for c in text.strip()):
        return []
    snapshot = store.snapshot(as_of=as_of)
    ids = [node_id for node_id, node in snapshot.nodes.items()
           if kinds is None or Kind(node.kind) in kinds]
    return [store.node(node_id, as_of=as_of)
            for node_id in difflib.get_close_matches(text.strip().lower(), ids, n=CLOSEST,
                                                     cutoff=ID_NEAR)]


def nodes_meant(store: OrgStore, text: str, *, as_of: date | None) -> list[NodeRef]:
    """The nodes ``text`` (an id no node has) may mean: by its spelling, or by name.

    "/api/v1/chain/borgmester" names the mayor's post by its name where an id was asked: it is
    told of post:borgmester, as "post:borgmestr" is.

    >>> from orgmodel.dataset import Dataset
    >>> from orgmodel.records import NODE_ADAPTER
    >>> from orgmodel.store.memory import MemoryStore
    >>> mayor = NODE_ADAPTER.validate_python({"id": "post:borgmester", "kind": "Post",
    ...     "name": "Borgmester", "source": "seed", "confidence": "high"})
    >>> store = MemoryStore(Dataset.build([mayor], []))
    >>> [n.id for n in nodes_meant(store, "borgmester", as_of=None)]
    ['post:borgmester']
    """
    if is_node_id(text.strip()):
        return ids_near(store, text, as_of=as_of)
    try:
        return [store.node(resolve_node(store, text, as_of=as_of), as_of=as_of)]
    except UnknownNodeError as exc:
        return list(exc.closest)
    except NotFoundError:  # a name of a node that does not hold on the day: not a suggestion
        return []


def _ids_near(store: OrgStore, text: str, as_of: date | None, kinds: Sequence[Kind] | None,
              found: Sequence[NodeRef]) -> list[NodeRef]:
    """``found``, after the nodes whose ids are spelt nearly as ``text`` where it is an id.

    A search reads "post:kommunaldirektr" as words, "post" among them, and met the recruitment
    task first; its id is one letter from the director's.
    """
    near = ids_near(store, text, as_of=as_of, kinds=kinds)
    return [*near, *(node for node in found if node.id not in {n.id for n in near})]
