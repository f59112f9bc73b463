"""Who keeps a system that no task uses: what to say when ``owners`` has no answer.

``owners`` answers tasks, and a question that names a system reaches the tasks that use it
(``MemoryStore._tasks_using``). A system no task uses ("hvem har ansvaret for Aula?") leaves
``owners`` empty, yet the graph knows who operates, supports or supplies it. The CLI, the API
and the start page say so, as they name the KLE topic of a question outside the model.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> store = MemoryStore(Dataset.build(
...     [node(id="system:aula", kind="System", name="Aula"),
...      node(id="unit:it", kind="Unit", name="IT og Digitalisering", level="afdeling")],
...     [EdgeRecord.model_validate({"type": "SUPPORTS", "from": "unit:it", "to": "system:aula",
...                                 "source": "assumption", "confidence": "low"})]))
>>> found = tool_hint(store, "hvem har ansvaret for Aula?", as_of=date(2024, 6, 1))
>>> found.tool.name, [(k.type.value, k.node.name, k.confidence.value) for k in found.keepers]
('Aula', [('SUPPORTS', 'IT og Digitalisering', 'low')])
>>> found.text_da.split(". ")[1]
'IT og Digitalisering understøtter det (kilde: assumption, sikkerhed: low).'
>>> tool_hint(store, "budget", as_of=date(2024, 6, 1)) is None
True
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, computed_field

from orgmodel.contract import NodeRef, OrgStore, OwnersResult
from orgmodel.messages import Lang
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.semantics import USED_KINDS, WEAK_MATCH

__all__ = ["KEEPER_EDGES", "TOOL_HINT_MIN", "Keeper", "ToolHint", "hint_for", "tool_hint"]

#: The edges that say who keeps a system or asset, in the order a hint names them.
KEEPER_EDGES = (EdgeType.OPERATES, EdgeType.SUPPORTS, EdgeType.SUPPLIES)
#: A system is named by the question when it fits at least this well (as a KLE topic must).
TOOL_HINT_MIN = 0.5

_KIND_WORDS = {Kind.SYSTEM: ("et system", "a system"), Kind.ASSET: ("udstyr", "equipment")}
_VERBS = {
    EdgeType.OPERATES: ("driver", "operates"),
    EdgeType.SUPPORTS: ("understøtter", "supports"),
    EdgeType.SUPPLIES: ("leverer", "supplies"),
}
_PRONOUN = {Kind.SYSTEM: ("det", "it"), Kind.ASSET: ("det", "it")}


class Keeper(BaseModel):
    """A unit, post or organisation that operates, supports or supplies a system."""

    model_config = ConfigDict(frozen=True)

    type: EdgeType = Field(description="OPERATES, SUPPORTS or SUPPLIES.")
    node: NodeRef = Field(description="Who does it.")
    source: str = Field(description="Source of the edge.")
    confidence: Confidence = Field(description="How sure the edge is: high, medium or low.")


class ToolHint(BaseModel):
    """The system or asset a question names, which no task uses, and who keeps it."""

    model_config = ConfigDict(frozen=True)

    tool: NodeRef = Field(description="The system or asset the question names.")
    keepers: list[Keeper] = Field(description="Who operates, supports or supplies it.")

    @computed_field(description="The hint in a sentence, in Danish.")  # type: ignore[prop-decorator]
    @property
    def text_da(self) -> str:
        """The hint in Danish (also in the JSON of the API)."""
        return self.text("da")

    @computed_field(description="The hint in a sentence, in English.")  # type: ignore[prop-decorator]
    @property
    def text_en(self) -> str:
        """The hint in English (also in the JSON of the API)."""
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The hint as one sentence or two, in Danish or English."""
        da = lang == "da"
        name = self.tool.name if da or not self.tool.name_en else self.tool.name_en
        kind = _KIND_WORDS.get(self.tool.kind, ("en ressource", "a resource"))[0 if da else 1]
        first = (f"{name} er {kind}, som ingen opgave i modellen bruger." if da else
                 f"{name} is {kind} that no task in the model uses.")
        if not self.keepers:
            return first + (" Ingen enhed er registreret som den, der driver eller understøtter "
                            "det." if da else " No unit is recorded as operating or supporting it.")
        pronoun = _PRONOUN.get(self.tool.kind, ("det", "it"))[0 if da else 1]
        said = [self._keeper(keeper, pronoun, da) for keeper in self.keepers]
        return f"{first} {'; '.join(said)}."

    @staticmethod
    def _keeper(keeper: Keeper, pronoun: str, da: bool) -> str:
        node = keeper.node
        who = node.name if da or not node.name_en else node.name_en
        verb = _VERBS[keeper.type][0 if da else 1]
        sure = (f"kilde: {keeper.source}, sikkerhed: {keeper.confidence.value}" if da else
                f"source: {keeper.source}, confidence: {keeper.confidence.value}")
        return f"{who} {verb} {pronoun} ({sure})"


def tool_hint(store: OrgStore, query: str, *, as_of: date) -> ToolHint | None:
    """The system or asset ``query`` names and who keeps it; ``None`` if it names none.

    Meant for a question ``owners`` had no answer to. A system a task uses gives no hint:
    the question leads to that task, or if it fits a task better, the system is not what it
    asks about.
    """
    if not query.strip():
        return None
    hits = store.search(query, kinds=USED_KINDS, limit=1, as_of=as_of)
    if not hits or hits[0].score < TOOL_HINT_MIN:
        return None
    tool_id = hits[0].id
    near = store.neighbourhood(tool_id, edge_types=(*KEEPER_EDGES, EdgeType.USES), as_of=as_of)
    nodes = {n.id: n for n in near.nodes}
    if any(e.type is EdgeType.USES and e.target_id == tool_id
           and nodes[e.source_id].kind is Kind.TASK for e in near.edges):
        return None  # a task uses it: the task is the answer, and owners gives it
    edges = sorted((e for e in near.edges if e.target_id == tool_id and e.type in KEEPER_EDGES),
                   key=lambda e: (KEEPER_EDGES.index(e.type), e.source_id))
    return ToolHint(
        tool=_ref(nodes[tool_id]),
        keepers=[Keeper(type=e.type, node=_ref(nodes[e.source_id]), source=e.source,
                        confidence=e.confidence) for e in edges],
    )


def hint_for(store: OrgStore, query: str, results: list[OwnersResult], *,
             as_of: date) -> ToolHint | None:
    """The hint for a question ``owners`` answered with ``results``: when none fits it well.

    With no answer, or only weak ones (note ``weak_match``), the system the question names
    may be what it asks about ("AppWriter" meets the pupils' devices task only in part).
    """
    if any(result.score >= WEAK_MATCH for result in results):
        return None
    return tool_hint(store, query, as_of=as_of)


def _ref(node: NodeRef) -> NodeRef:
    return NodeRef(id=node.id, name=node.name, name_en=node.name_en, kind=node.kind)
