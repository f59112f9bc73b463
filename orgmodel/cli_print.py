"""How the ``orgmodel`` command words its answers as text, in Danish or English.

What a reader must not miss is printed beside the fact it qualifies: a link that is an
assumption says so on its line, a record's note is shown with it, and names, kinds, relations
and confidence are in the language asked for.

Examples
--------
>>> from orgmodel.contract import NodeRef
>>> name(NodeRef(id="unit:a", name="Løn", name_en="Payroll", kind="Unit"), "en")
'Payroll'
>>> kind_label("Unit", {"level": "afdeling"}, "da"), kind_label("Unit", {"level": "team"}, "en")
('Afdeling', 'Team')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from orgmodel.contract import EdgeView, NodeRef, NodeView, OrgStore, OwnerEntry, OwnersResult
from orgmodel.messages import (
    CONFIDENCE_NAMES,
    Lang,
    certainty,
    edge_name,
    kind_label,
    name_in,
    role_in,
    t,
)
from orgmodel.node_attributes import node_attributes
from orgmodel.semantics import CHAIN_DOWN_EDGES, CHAIN_UP_EDGES
from orgmodel.task_facts import task_facts

__all__ = ["kind_label", "name", "print_chain", "print_node", "print_owners",
           "print_table", "value_text"]

def name(node: NodeRef, lang: Lang) -> str:
    """A node's name in ``lang`` (the Danish one when it has no English name)."""
    return name_in(node.name, node.name_en, lang)


def value_text(value: object, lang: Lang) -> str:
    """An attribute's value as text: yes/no in the language asked for, lists joined.

    >>> value_text(True, "da"), value_text(["a", "b"], "en"), value_text(3000, "da")
    ('ja', 'a, b', '3000')
    """
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def print_table(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> None:
    """Print rows as an aligned text table."""
    cells = [[str(c) for c in headers], *[[("" if c is None else str(c)) for c in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for number, row in enumerate(cells):
        line = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print(line.rstrip())
        if number == 0:
            print("  ".join("-" * width for width in widths))


def _weakest(records: Iterable[NodeView | EdgeView]) -> NodeView | EdgeView | None:
    return min(records, key=lambda r: r.confidence.rank, default=None)


def _unsure(record: NodeView | EdgeView | OwnerEntry | None, lang: Lang) -> str:
    """`` (sikkerhed: lav, kilde: …)`` for a record that is not certain, else nothing."""
    if record is None or record.confidence.value == "high":
        return ""
    return f"  ({certainty(record.confidence.value, record.source, lang)})"


def _link(edges: Sequence[EdgeView], lower: str, upper: str) -> EdgeView | None:
    """The edge a chain's step from ``lower`` up to ``upper`` followed, the least sure of several.

    None where the step has no edge of its own (from a post to its unit's parent). Only the
    relations a reporting line follows count: the Økonomiudvalget is part of the council,
    though it also advises it.
    """
    def followed(edge: EdgeView) -> bool:
        if edge.type in CHAIN_UP_EDGES:
            return (edge.source_id, edge.target_id) == (lower, upper)
        return edge.type in CHAIN_DOWN_EDGES and (edge.source_id, edge.target_id) == (upper, lower)

    found = _weakest(e for e in edges if followed(e))
    return found if isinstance(found, EdgeView) else None


def _relation(edge: EdgeView | None, lower: str, lang: Lang) -> str:
    if edge is None:
        return ""
    forward = edge.source_id == lower  # "refererer til" upward, or "ledes af" from below
    return edge_name(edge.type.value, lang, inverse=not forward) + " "


def chain_links(store: OrgStore, links: Sequence[NodeRef], *,
                as_of: Any) -> list[tuple[NodeView, EdgeView | None]]:
    """Each node of a reporting line with the edge that leads up to it (none for the first)."""
    found: list[tuple[NodeView, EdgeView | None]] = []
    for number, link in enumerate(links):
        edge = None
        if number:
            lower = links[number - 1].id
            edge = _link(store.edges_of(lower, as_of=as_of), lower, link.id)
        found.append((store.node(link.id, as_of=as_of), edge))
    return found


def print_chain(store: OrgStore, links: Sequence[NodeRef], *, as_of: Any, lang: Lang) -> None:
    """Print a reporting line, each step with its relation and any doubt about it."""
    for depth, (node, edge) in enumerate(chain_links(store, links, as_of=as_of)):
        lower = links[depth - 1].id if depth else node.id
        doubt = _unsure(_weakest(r for r in (node, edge) if r is not None), lang)
        step = f"{'  ' * depth}↳ {_relation(edge, lower, lang)}" if depth else ""
        print(f"{step}{name(node, lang)}"
              f"  [{kind_label(node.kind.value, node.attributes, lang)}, {node.id}]{doubt}")


def print_owners(store: OrgStore, result: OwnersResult, *, as_of: Any, lang: Lang) -> None:
    """Print one task's owners (each with any doubt about its edge), post and escalation."""
    task = result.task
    print(f"{t('task', lang)}: {name_in(task.name, task.name_en, lang)}"
          f"  ({task.id}" + (f", KLE {task.kle})" if task.kle else ")"))
    for owner in result.owners:
        kind = kind_label(owner.kind.value, node_attributes(store, owner.id, as_of), lang)
        doubt = _unsure(owner, lang)
        print(f"  {owner.raci.value}  {name(owner, lang)}  [{kind}, {owner.id}]{doubt}")
    if result.accountable_post:
        print(f"  {t('accountable_post', lang)}: {name(result.accountable_post, lang)}"
              f"  ({result.accountable_post.id})")
    if result.escalation:
        print(f"  {t('escalation', lang)}: " + " → ".join(name(e, lang) for e in result.escalation))
    for label, text in task_facts(store, task.id, as_of=as_of).lines(lang):
        print(f"  {label}: {text}")
    print(f"  {t('sources', lang)}: {', '.join(result.sources)}")
    for note in result.notes:
        print(f"  {t('note', lang)}: {note.text(lang)}")


def print_node(store: OrgStore, node: NodeView, edges: Sequence[EdgeView], *, as_of: Any,
               lang: Lang) -> None:
    """Print one node, its note, and its relations with their details and notes below."""
    other_name = node.name if lang == "en" else node.name_en
    print(f"{name(node, lang)}  [{kind_label(node.kind.value, node.attributes, lang)}, {node.id}]")
    if other_name and other_name != name(node, lang):
        print(f"  {'da' if lang == 'en' else 'en'}: {other_name}")
    description = node.description_en if lang == "en" and node.description_en else node.description
    if description:
        print(f"  {description}")
    for key, value in node.attributes.items():
        print(f"  {key}: {value_text(value, lang)}")
    print(f"  {certainty(node.confidence.value, node.source, lang).capitalize()}")
    if node.valid_from or node.valid_to:
        print(f"  {t('valid', lang)}: {node.valid_from or '…'} – {node.valid_to or '…'}")
    if node.note:
        print(f"  {t('note', lang)}: {node.note}")
    print(f"{t('edges', lang)}:")
    if not edges:
        print(f"  {t('none', lang)}")
        return
    # The names of the nodes at the other end, in one read (not one read per edge).
    names = {n.id: name(n, lang) for n in store.neighbourhood(node.id, as_of=as_of).nodes}
    rows: list[tuple[str, ...]] = []
    remarks: list[str] = []
    for edge in edges:
        outgoing = edge.source_id == node.id
        other = edge.target_id if outgoing else edge.source_id
        details = [x for x in (edge.raci and f"raci={edge.raci.value}",
                               edge.role and role_in(edge.role, lang),
                               edge.topic and role_in(edge.topic, lang),
                               edge.strength and f"{t('strength', lang)} {edge.strength}",
                               edge.via and f"via {names.get(edge.via, edge.via)}") if x]
        description = (edge.description_en if lang == "en" and edge.description_en
                       else edge.description)
        said = [x for x in (description, edge.note and f"{t('note', lang)}: {edge.note}") if x]
        if said:
            remarks.append(f"  [{len(remarks) + 1}] {' · '.join(said)}")
            details.append(f"[{len(remarks)}]")
        word = CONFIDENCE_NAMES.get(edge.confidence.value, ("", ""))[0 if lang == "da" else 1]
        relation = edge_name(edge.type.value, lang, inverse=not outgoing,
                             raci=edge.raci.value if edge.raci else None)
        rows.append(("→" if outgoing else "←", relation, names.get(other, ""), other,
                     " ".join(details), f"{word} ({edge.source})"))
    print_table(rows, ["", t("edge_type", lang), t("name", lang), t("id", lang),
                       t("detail", lang), t("confidence", lang)])
    for remark in remarks:
        print(remark)
