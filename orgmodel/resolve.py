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

from collections.abc import Sequence
from datetime import date

from orgmodel.contract import OrgStore, SearchResult
from orgmodel.exceptions import NotFoundError
from orgmodel.schema import Kind
from orgmodel.text import fold

__all__ = ["CLOSEST", "UnknownNodeError", "resolve_node"]

#: How many of the closest nodes an unknown id or name suggests, and how close they must be.
CLOSEST, CLOSEST_MIN = 3, 0.5


class UnknownNodeError(NotFoundError):
    """No node has that id or name; ``closest`` are the nodes the text comes nearest to."""

    def __init__(self, text: str, closest: Sequence[SearchResult]) -> None:
        self.text, self.closest = text, list(closest)
        super().__init__(text, f"no node with the id or name {text!r}")


def resolve_node(store: OrgStore, text: str, *, as_of: date | None,
                 kinds: Sequence[Kind] | None = None) -> str:
    """The id of the node ``text`` names: its id, or its name or English name.

    Raises
    ------
    UnknownNodeError
        When no node has that id or name (``kinds``: none of those kinds), with the closest.
    """
    try:
        node = store.node(text, as_of=as_of)
        if kinds is None or node.kind in kinds:
            return node.id
    except NotFoundError:
        pass
    wanted = fold(text)
    hits = store.search(text, kinds=list(kinds) if kinds else None, limit=20, as_of=as_of)
    by_alias = []
    for hit in hits:
        named = store.node(hit.id, as_of=as_of)
        if wanted in (fold(named.name), fold(named.name_en or "")):
            return hit.id
        if wanted in (fold(alias) for alias in named.aliases):
            by_alias.append(hit.id)
    if len(by_alias) == 1:  # an alias two nodes share ("head of finance") names neither
        return by_alias[0]
    raise UnknownNodeError(text, [h for h in hits if h.score >= CLOSEST_MIN][:CLOSEST])
