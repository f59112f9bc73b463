"""What the static start page says of two nodes a question of yes or no names.

"er borgmesteren formand for ØU?" is answered on the server by the relations between the two
(:mod:`orgmodel.yes_no`); the static page reads the question in the browser and cannot weigh
which relation was asked, so it says what the data holds between them, each relation as sure
as it is, or that it holds none directly. Each named entry carries who it is (its id, its
name, the post that heads it, the post a person holds) and its relations to the other
entries, said from it (:meth:`orgmodel.between.Between.relations`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.between import Between
from orgmodel.contract import NodeRef, NodeView, OrgStore
from orgmodel.hint_model import NodeHint, node_ref
from orgmodel.messages import Lang, name_in
from orgmodel.schema import EdgeType, Kind
from orgmodel.yes_no import ties_in
from viz.texts import ui

__all__ = ["identity", "with_between"]


def identity(named: NodeHint, node: NodeView, lang: Lang) -> dict[str, Any]:
    """Who an entry is: its id and name, the post that heads it, the one post a person holds."""
    heads = [r.node.id for r in named.relations
             if r.type is EdgeType.HEADS and not r.outward and r.node.kind is Kind.POST]
    held = [r.node.id for r in named.relations
            if r.type is EdgeType.HOLDS and r.outward] if node.kind is Kind.PERSON else []
    return {"id": node.id, "name": name_in(node.name, node.name_en, lang),
            "headPost": heads[0] if len(heads) == 1 else None,
            "holds": held[0] if len(held) == 1 else None}


def with_between(store: OrgStore, index: list[dict[str, Any]], *, as_of: date,
                 lang: Lang) -> list[dict[str, Any]]:
    """``index`` with each entry's relations to the other entries, as ``between``.

    ``between`` maps the other's id to the relations from this entry, said ("Borgmester leder
    Økonomiudvalget (sikkerhed: høj, kilde: …)"); an entry with none has none. A person has
    the relations of the post they hold too, said as theirs in it ("Lars Gravgaard Hansen
    (som Borgmester) leder Kommunalbestyrelsen …"), as the server answers for them.
    """
    entries = {entry["id"]: entry for entry in index if entry.get("id")}
    refs: dict[str, NodeRef] = {}

    def ref(node_id: str) -> NodeRef:
        if node_id not in refs:
            refs[node_id] = node_ref(store.node(node_id, as_of=as_of))
        return refs[node_id]

    def relations(of: str, one: str) -> dict[str, str]:
        edges = store.edges_of(of, as_of=as_of)  # once each: its ties are among them
        others = {edge.target_id if edge.source_id == of else edge.source_id
                  for edge in edges} & set(entries)
        return {other: Between(other=ref(other), ties=ties).relations(one, lang)
                for other in sorted(others - {of}) if (ties := ties_in(edges, of, other))}

    for node_id, entry in entries.items():
        said = relations(node_id, entry["name"])
        if (post := entry.get("holds")) is not None and post in entries:
            as_post = ui("between_as_post", lang, post=entries[post]["name"])
            said = relations(post, f"{entry['name']} ({as_post})") | said
        entry["between"] = said or None
    return index
