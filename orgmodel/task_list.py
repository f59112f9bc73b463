"""Questions of what something's tasks are: "hvad er Økonomi og Stabs opgaver?".

Such a question names a unit, post, body or forum and asks for its tasks. It was answered by
the node's hint (who leads it, what lies under it), which names only the tasks the node
itself is accountable for: Økonomi og Stab holds none, its units hold them all. The answer is
the tasks of the node and of everything under it (``responsibilities`` with descendants), the
accountable holder of each where the data has one, as the node's hint (``asked_tasks``).

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def edge(kind, a, b, **kw):
...     return EdgeRecord.model_validate({"type": kind, "from": a, "to": b, "source": "seed",
...                                       "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="unit:stab", kind="Unit", name="Stab", level="afdeling"),
...      node(id="unit:lon", kind="Unit", name="Løn og HR", level="enhed"),
...      node(id="task:lon", kind="Task", name="Lønudbetaling")],
...     [edge("PART_OF", "unit:lon", "unit:stab"),
...      edge("RESPONSIBLE_FOR", "unit:lon", "task:lon", raci="A")]))
>>> asks_tasks(fold("hvad er Stabs opgaver?").split()), asks_tasks(["hvem", "har", "opgaven"])
(True, False)
>>> found, fit, alone = tasks_of(store, "hvad er Stabs opgaver?", as_of=date(2024, 6, 1))
>>> print(found.text("da"))
Opgaver i Stab og under den: Lønudbetaling (Løn og HR; sikkerhed: høj, kilde: seed).
"""

from __future__ import annotations

from datetime import date

from orgmodel.contract import NodeRef, NodeView, OrgStore, Responsibility
from orgmodel.hint_model import NodeHint, Relation, node_ref
from orgmodel.question_frames import without
from orgmodel.schema import Confidence, EdgeType, Kind, Raci
from orgmodel.text import fold

__all__ = ["HOLDING_KINDS", "RESPONSIBLE_SPELLINGS", "TASK_FRAME_SPELLINGS",
           "TASK_LIST_SPELLINGS", "asks_tasks", "tasks_hint", "tasks_of"]

#: Words that ask for the tasks of what the question names (plurals: "opgaven løn" asks for
#: one task's owner).
TASK_LIST_SPELLINGS: tuple[str, ...] = (
    "opgaver", "opgaverne", "arbejdsopgaver", "ansvarsområder", "ansvarsområderne", "tasks",
    "responsibilities", "duties")
#: The rest of such a question's frame, left out before the node is looked for.
TASK_FRAME_SPELLINGS: tuple[str, ...] = (
    "hvad", "hvilke", "hvilken", "har", "er", "laver", "løser", "varetager", "what", "which",
    "are", "does", "do", "has", "have", "handle", "handles", "of", "ny", "nye", "new", "jeg", "i",
    "am", "for", "sig", "af", "skal", "ligger", "bord", "bordet", "desk", "plate", "daglige",
    "dagligt", "daily")
_ASKING = frozenset(fold(" ".join(TASK_LIST_SPELLINGS)).split())
#: "hvad har jeg ansvaret for?" after "jeg er ny enhedsleder for Økonomi og Indkøb" (the post's
#: hint answered, without its unit's tasks): what a node is responsible for is its tasks.
RESPONSIBLE_SPELLINGS: tuple[str, ...] = (
    "ansvaret", "ansvar", "ansvarlig", "ansvarsområde", "responsible", "responsibility",
    "accountable", "charge",
    # "hvad skal økonomichefen tage sig af?", "hvad står teamlederen i OP for?", "what does
    # the head of HR own?" (the round 14 probe: the post's card, without its tasks)
    "tage", "tager", "står", "own", "owns", "cover", "covers")
_RESPONSIBLE = frozenset(fold(" ".join(RESPONSIBLE_SPELLINGS)).split())
_WHAT, _WHO = frozenset({"hvad", "what"}), frozenset({"hvem", "who", "whom"})
_FRAME = _ASKING | _RESPONSIBLE | frozenset(fold(" ".join(TASK_FRAME_SPELLINGS)).split())
#: What a question of tasks may name: what holds tasks, or has parts that do.
HOLDING_KINDS = (Kind.UNIT, Kind.POST, Kind.BODY, Kind.FORUM)
#: How well the node must be named by the rest of the question (its own words, as whom a
#: post reports to: orgmodel.hint_search.REPORTING_POST_MIN).
_NAMED_MIN = 0.75


def asks_tasks(words: list[str]) -> bool:
    """Whether folded ``words`` ask for the tasks of something.

    Or what it is responsible for: "what", not "who", with a word of responsibility.

    >>> asks_tasks(fold("hvad har enhedslederen for Økonomi og Indkøb ansvaret for").split())
    True
    >>> asks_tasks(fold("hvem har ansvaret for løn").split())
    False
    """
    return not _ASKING.isdisjoint(words) or (
        not _WHAT.isdisjoint(words) and _WHO.isdisjoint(words)
        and not _RESPONSIBLE.isdisjoint(words))


def tasks_of(store: OrgStore, query: str, *,
             as_of: date) -> tuple[NodeHint, float, bool] | None:
    """The hint listing the tasks of the node ``query`` names well, alone; else ``None``.

    ``None`` too for a node with no tasks, nor anything under it: its own hint answers.
    """
    rest = without(query, _FRAME)
    if not rest.strip():
        return None
    hits = store.search(rest, kinds=list(HOLDING_KINDS), limit=1, as_of=as_of)
    if not hits or hits[0].score < _NAMED_MIN:
        return None
    found = tasks_hint(store, store.node(hits[0].id, as_of=as_of), as_of=as_of)
    return (found, hits[0].score, True) if found else None


def tasks_hint(store: OrgStore, named: NodeView, *, as_of: date) -> NodeHint | None:
    """The hint listing the tasks of ``named`` and of everything under it; ``None`` if none.

    A post's tasks are those of what it heads too: the chief's are the department's. Of each
    task its accountable holder (a task no one there is accountable for, as it is held).
    """
    held = store.responsibilities(named.id, descendants=True, as_of=as_of)
    if not held:
        return None  # its own hint says what it is, and who leads it
    accountable = [r for r in held if r.raci is Raci.A]
    chosen = accountable or held
    relations = [_relation(store, r, named.id, as_of) for r in sorted(
        {r.task.id: r for r in reversed(chosen)}.values(), key=lambda r: fold(r.task.name))]
    return NodeHint(node=node_ref(named), relations=relations, as_of=as_of, asked_tasks=True)


def _relation(store: OrgStore, held: Responsibility, named: str, as_of: date) -> Relation:
    """The task ``held`` as a relation of the node named, with the holder under it."""
    edge = next((e for e in store.edges_of(held.task.id, as_of=as_of)
                 if e.type is EdgeType.RESPONSIBLE_FOR and e.source_id == held.holder.id
                 and e.raci is held.raci), None)
    task = NodeRef(id=held.task.id, name=held.task.name, name_en=held.task.name_en,
                   kind=Kind.TASK)
    return Relation(type=EdgeType.RESPONSIBLE_FOR, node=task, role=None, outward=True,
                    source=edge.source if edge else "",
                    confidence=edge.confidence if edge else Confidence.LOW,
                    via=None if held.holder.id == named else node_ref(held.holder))
