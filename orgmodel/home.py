"""The municipality itself, as a question names it: "kommunen", "the municipality".

Those words are stopwords to the search (most questions say "i kommunen", and they would meet
every node whose name holds "kommune"), so a question that names nothing else ("hvad består
kommunen af?", "hvem leder kommunen?", "what are the departments of the municipality?")
found no node, or a stray one: the placeholder post whose name holds "leder". Such a question
means the organisation the model is of, which is the one its structure hangs from: the
organisation the most units, bodies and fora are part of (``PART_OF``), read from the data.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> from orgmodel.store.memory import MemoryStore
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def part_of(part, whole):
...     return EdgeRecord.model_validate({"type": "PART_OF", "from": part, "to": whole,
...                                       "source": "seed", "confidence": "high"})
>>> store = MemoryStore(Dataset.build(
...     [node(id="org:by", kind="Organisation", name="Byens Kommune"),
...      node(id="org:leverandor", kind="Organisation", name="Leverandøren A/S"),
...      node(id="unit:a", kind="Unit", name="Afdeling A", level="afdeling"),
...      node(id="unit:b", kind="Unit", name="Afdeling B", level="afdeling")],
...     [part_of("unit:a", "org:by"), part_of("unit:b", "org:by")]))
>>> names_home_alone("Hvilke er der i kommunen?")  # the frame's words left out
True
>>> names_home_alone("Hvilke er der i økonomi og stab?")
False
>>> home_organisation(store, as_of=date(2024, 6, 1))
'org:by'
"""

from __future__ import annotations

from datetime import date

from orgmodel.contract import OrgStore
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import STOPWORDS, fold

__all__ = ["HOME_SPELLINGS", "HOME_WORDS", "home_organisation", "names_home_alone"]

#: How a question names the municipality itself.
HOME_SPELLINGS: tuple[str, ...] = ("kommune", "kommunen", "kommunens", "municipality")
HOME_WORDS = frozenset(fold(" ".join(HOME_SPELLINGS)).split())
_MOST_ORGANISATIONS = 200  # an organisation is the municipality, a supplier, a neighbour


def names_home_alone(query: str) -> bool:
    """Whether ``query`` names the municipality and nothing else a search could find.

    The question's frame ("afdelinger", "leder") is left out of ``query`` before
    (:func:`orgmodel.question_frames.without`).
    """
    words = fold(query).split()
    return bool(HOME_WORDS.intersection(words)) and all(
        word in STOPWORDS or word in HOME_WORDS for word in words)


def home_organisation(store: OrgStore, *, as_of: date) -> str | None:
    """The id of the organisation that the most units, bodies and fora are part of.

    ``None`` when there is no such organisation, or two are part-of'd alike: which one a
    question means is then not guessed.
    """
    organisations = store.list_nodes(kind=Kind.ORGANISATION, limit=_MOST_ORGANISATIONS,
                                     as_of=as_of).items
    parts = sorted(((sum(edge.type is EdgeType.PART_OF and edge.target_id == org.id
                         for edge in store.edges_of(org.id, as_of=as_of)), org.id)
                    for org in organisations), reverse=True)
    if not parts or parts[0][0] == 0 or (len(parts) > 1 and parts[1][0] == parts[0][0]):
        return None
    return parts[0][1]
