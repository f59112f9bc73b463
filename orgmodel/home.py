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

import re
from datetime import date

from orgmodel.asked_date import Asked
from orgmodel.contract import NodeView, OrgStore
from orgmodel.schema import EdgeType, Kind
from orgmodel.text import STOPWORDS, fold

__all__ = ["HOME_SPELLINGS", "HOME_WORDS", "WHERE_SPELLINGS", "asked_here", "home_name_words",
           "home_organisation", "names_home_alone", "without_home_name"]

#: How a question names the municipality itself.
HOME_SPELLINGS: tuple[str, ...] = ("kommune", "kommunen", "kommunens", "kommunes", "municipality")
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


#: The words that put what a question asks about in the municipality: "økonomichef i
#: Albertslund", "the CFO of Albertslund Municipality".
WHERE_SPELLINGS: tuple[str, ...] = ("i", "in", "of", "at", "for", "af", "på", "hos", "ved")
_WHERE = frozenset(fold(" ".join(WHERE_SPELLINGS)).split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def home_name_words(store: OrgStore, *, as_of: date) -> frozenset[str]:
    """The words (folded) of the municipality's own names that no stopword is: "albertslund".

    Empty when the data names no municipality (:func:`home_organisation`).
    """
    if (home := home_organisation(store, as_of=as_of)) is None:
        return frozenset()
    return _own_words(store.node(home, as_of=as_of))


def _own_words(node: NodeView) -> frozenset[str]:
    """The folded words of ``node``'s names that no stopword or word of "kommune" is."""
    return frozenset(word for name in (node.name, node.name_en or "", *node.aliases)
                     for word in fold(name).split()
                     if word not in STOPWORDS and word not in HOME_WORDS and not word.isdigit())


def without_home_name(query: str, names: frozenset[str]) -> str:
    """``query`` without the municipality's name where it only says where, else as it is.

    The model is of one municipality: "hvem er økonomichef i Albertslund?" asks who the
    finance chief is, and "Albertslund" met every task whose text names the town. Left out
    are its name before "kommune" ("Albertslund Kommunes …") and at the end of the question,
    after "i", "of" and the like or right after what it places ("CIO albertslund"); kept
    where it is part of another name ("Albertslund Centrum"), after a verb ("hvor mange
    indbyggere har Albertslund?"), and when nothing else would be left ("hvad er
    Albertslund?").

    >>> names = frozenset({"albertslund"})
    >>> without_home_name("who is the CFO of Albertslund?", names)
    'who is the CFO?'
    >>> without_home_name("hvem er kommunaldirektør i Albertslund Kommune?", names)
    'hvem er kommunaldirektør?'
    >>> without_home_name("CIO albertslund", names)
    'CIO'
    >>> without_home_name("hvem leder Albertslund Centrum?", names)
    'hvem leder Albertslund Centrum?'
    >>> without_home_name("hvad er Albertslund?", names)
    'hvad er Albertslund?'
    >>> without_home_name("hvem er albertslunds borgmester i dag", names)
    'hvem er borgmester i dag'
    """
    words = list(_WORD.finditer(query))
    folded = [fold(match[0]) for match in words]
    drop: set[int] = set()
    for i, word in enumerate(folded):
        if word not in names and word[:-1] in names and word.endswith("s") \
                and i + 1 < len(folded):
            drop.add(i)  # "albertslunds borgmester": whose, before what it names
            continue
        if word not in names:
            continue
        after = i + 1
        while after < len(folded) and folded[after] in names:  # a name of two words
            after += 1
        # "Albertslund Kommune(s)": the municipality by its whole name, anywhere
        home = after < len(folded) and folded[after] in HOME_WORDS
        end = after + home
        # "… i Albertslund (Kommune)" at the end: the place, with its preposition; or
        # right after what it places, as a search box is written to ("CIO albertslund",
        # "mayor albertslund" met the adoption of the budget, whose text says "I
        # Albertslund"), not after a verb ("hvor mange indbyggere har Albertslund?")
        preposition = i > 0 and folded[i - 1] in _WHERE
        where = end == len(folded) and i > 0 and (
            preposition or folded[i - 1] not in STOPWORDS)
        if home or where:
            drop.update(range(i - 1 if preposition and where else i, end))
    rest = [w for i, w in enumerate(folded) if i not in drop]
    if not drop or all(w in STOPWORDS or w in HOME_WORDS for w in rest):
        return query
    kept = query
    for i in sorted(drop, reverse=True):  # cut from the end, so the spans stay true
        start = words[i].start()
        while start and kept[start - 1] == " ":
            start -= 1
        kept = kept[:start] + kept[words[i].end():]
    return kept


def asked_here(store: OrgStore, question: Asked) -> Asked:
    """``question`` without the municipality's own name where it only says where.

    (:func:`without_home_name`, on the date the question is answered for.) Which
    organisation is the municipality is asked of the store (an edge read per organisation) only
    when the question writes a word of some organisation's names: most questions write none.
    """
    asked = {fold(word[0]) for word in _WORD.finditer(question.text)}
    asked |= {word[:-1] for word in asked if word.endswith("s")}  # "albertslunds borgmester"
    organisations = store.list_nodes(kind=Kind.ORGANISATION, limit=_MOST_ORGANISATIONS,
                                     as_of=question.when).items
    if not any(_own_words(organisation) & asked for organisation in organisations):
        return question
    names = home_name_words(store, as_of=question.when)
    return question._replace(text=without_home_name(question.text, names)) if names else question


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
