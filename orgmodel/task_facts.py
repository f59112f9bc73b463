"""What an answer about a task adds to its owners: what it is, where to write, who decides.

``owners`` answers who is responsible (R/A/C/I), who is accountable and where to escalate.
What the task is comes first (its description: "hvornår vedtages budgettet?" is answered by
when, in the description of budget adoption, which no answer printed). A person asking "who
do I contact about my payslip?" also needs the task's mailbox and service goal, "who
approves new IT projects?" the body that decides it (a ``DECIDES`` edge: the
Digitaliseringsrådet, not the unit that carries the work out), and "which system is used for
payroll?" the systems it ``USES``. Built on the contract's ``node`` and ``neighbourhood``, so
both stores give the same.

Examples
--------
>>> from datetime import date
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="task:lon", kind="Task", name="Løn", kle="81.15.00",
...           mailbox="loen@albertslund.dk"),
...      node(id="body:kb", kind="Body", name="Kommunalbestyrelsen", classification="council")],
...     [EdgeRecord.model_validate({"type": "DECIDES", "from": "body:kb", "to": "task:lon",
...                                 "source": "seed", "confidence": "high"})]))
>>> facts = task_facts(store, "task:lon", as_of=date(2024, 6, 1))
>>> facts.mailbox, [n.name for n in facts.decided_by]
('loen@albertslund.dk', ['Kommunalbestyrelsen'])
>>> facts.lines("en")
[('Mailbox', 'loen@albertslund.dk'), ('Decided by', 'Kommunalbestyrelsen')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from orgmodel.contract import NodeRef, OrgStore
from orgmodel.exceptions import NotFoundError
from orgmodel.messages import Lang, in_danish, name_in
from orgmodel.schema import EdgeType

__all__ = ["TaskFacts", "task_facts"]

_LABELS: dict[str, tuple[str, str]] = {
    "about": ("Om opgaven", "About"),  # its description: "hvornår vedtages budgettet?"
    "mailbox": ("Postkasse", "Mailbox"),
    "service_goal": ("Servicemål", "Service goal"),
    "decided_by": ("Besluttes af", "Decided by"),
    "uses": ("Bruger", "Uses"),  # its systems and equipment (assets)
}


@dataclass(frozen=True)
class TaskFacts:
    """A task's mailbox, service goal, the nodes that decide it and the systems it uses."""

    about: str | None = None  # the task's description (what it is, when, under which law)
    about_en: str | None = None
    mailbox: str | None = None
    service_goal: str | None = None
    service_goal_en: str | None = None  # said on English pages where the data has it
    decided_by: list[NodeRef] = field(default_factory=list)
    uses: list[NodeRef] = field(default_factory=list)
    # who supplies each system or equipment it uses ("hvem leverer OPUS?": KMD, which the
    # answer did not say)
    supplied_by: dict[str, list[NodeRef]] = field(default_factory=dict)

    def lines(self, lang: Lang) -> list[tuple[str, str]]:
        """The facts there are, as (label, text) in ``lang``, in the order to show them."""
        def label(key: str) -> str:
            return _LABELS[key][0 if lang == "da" else 1]

        # (an English page quotes the Danish where the data has no English: marked, if asked)
        goal = (self.service_goal_en or in_danish(self.service_goal or "", lang)) \
            if lang == "en" else self.service_goal
        about = (self.about_en or in_danish(self.about or "", lang)) if lang == "en" else self.about
        lines = [(label(key), value) for key, value in (("about", about),
                                                        ("mailbox", self.mailbox),
                                                        ("service_goal", goal))
                 if value]
        if self.decided_by:
            lines.append((label("decided_by"), ", ".join(name_in(n.name, n.name_en, lang)
                                                         for n in self.decided_by)))
        if self.uses:
            lines.append((label("uses"), ", ".join(self._used(n, lang) for n in self.uses)))
        return lines

    def _used(self, node: NodeRef, lang: Lang) -> str:
        """A system or equipment it uses, with who supplies it where the data says."""
        name = name_in(node.name, node.name_en, lang)
        suppliers = self.supplied_by.get(node.id)
        if not suppliers:
            return name
        who = ", ".join(name_in(n.name, n.name_en, lang) for n in suppliers)
        return f"{name} ({('leveret af', 'supplied by')[lang == 'en']} {who})"


def task_facts(store: OrgStore, task_id: str, *, as_of: date | None) -> TaskFacts:
    """The facts of task ``task_id`` on ``as_of`` (none when it is not valid then)."""
    try:
        task = store.node(task_id, as_of=as_of)
    except NotFoundError:
        return TaskFacts()
    # "which system is used for payroll?": the answer names it, beside who decides.
    # (two steps: who supplies what it uses)
    near = store.neighbourhood(task_id, depth=2, as_of=as_of,
                               edge_types=(EdgeType.DECIDES, EdgeType.USES, EdgeType.SUPPLIES))
    nodes = {n.id: n for n in near.nodes}
    deciders = sorted({e.source_id for e in near.edges
                       if e.type is EdgeType.DECIDES and e.target_id == task_id})
    used = sorted({e.target_id for e in near.edges
                   if e.type is EdgeType.USES and e.source_id == task_id})

    def text(key: str) -> str | None:
        value = task.attributes.get(key)
        return " ".join(str(value).split()) if value else None

    def said(value: str | None) -> str | None:
        return " ".join(value.split()) if value else None

    return TaskFacts(about=said(task.description), about_en=said(task.description_en),
                     mailbox=text("mailbox"), service_goal=text("service_goal"),
                     service_goal_en=text("service_goal_en"),
                     decided_by=[_ref(nodes[i]) for i in deciders if i in nodes],
                     uses=[_ref(nodes[i]) for i in used if i in nodes],
                     supplied_by={tool: [_ref(nodes[i]) for i in sorted(
                         e.source_id for e in near.edges
                         if e.type is EdgeType.SUPPLIES and e.target_id == tool)]
                         for tool in used if any(e.type is EdgeType.SUPPLIES
                                                 and e.target_id == tool for e in near.edges)})


def _ref(node: NodeRef) -> NodeRef:
    # A view carries more than an answer names.
    return NodeRef(id=node.id, name=node.name, name_en=node.name_en, kind=node.kind)
