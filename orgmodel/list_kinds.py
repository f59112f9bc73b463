"""The kinds a question may ask the list of, what names them and what their list is called.

Shared by :mod:`orgmodel.kind_list` (which reads the question and finds the nodes) and
:mod:`orgmodel.hint_model` (which says the list), which cannot import each other.

Examples
--------
>>> LISTS["committees"].title
('Udvalg', 'Committees')
>>> "fora" in LISTS["fora"].nouns
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from orgmodel.contract import NodeView
from orgmodel.schema import Confidence, Kind
from orgmodel.text import fold

__all__ = ["LISTS", "ListedKind"]


class ListedKind(NamedTuple):
    """A kind whose list a question may ask for."""

    #: The plurals that name it, in any spelling.
    nouns: tuple[str, ...]
    kind: Kind | None  # None: every kind (what the data only assumes)
    #: Which nodes of the kind are in it ("udvalg" are the committees, not the council).
    which: Callable[[NodeView], bool]
    #: What the list is called, in Danish and English.
    title: tuple[str, str]
    #: Whether the kind lies in the municipality's tree (``PART_OF``); if not (initiatives,
    #: systems), every node of the kind on the date is in the list, each by its own record.
    in_tree: bool = True


def _titled(*titles: str) -> Callable[[NodeView], bool]:
    """Whether a post's title holds one of ``titles`` as a word or a word's end.

    "Kommunaldirektør" and "Direktør for Direktørområde 1" are directors; the forum
    "Direktørforum" is no post.

    >>> from orgmodel.contract import NodeView
    >>> def post(name):
    ...     return NodeView(id="post:x", kind=Kind.POST, name=name, source="seed",
    ...                     confidence=Confidence.HIGH)
    >>> directors = _titled("direktør", "director")
    >>> directors(post("Kommunaldirektør")), directors(post("Chef for Økonomi og Stab"))
    (True, False)
    """
    endings = tuple(fold(title) for title in titles)
    return lambda node: any(word.endswith(endings) for name in (node.name, node.name_en or "")
                            for word in fold(name).split())


#: The lists by key (the key is the hint's ``listing``).
LISTS: dict[str, ListedKind] = {
    "committees": ListedKind(
        ("udvalg", "udvalgene", "fagudvalg", "fagudvalgene", "committees", "committee"),
        Kind.BODY, lambda n: n.attributes.get("classification") == "committee",
        ("Udvalg", "Committees")),
    "fora": ListedKind(("fora", "foraene", "forummer", "fori", "forums", "fora's"), Kind.FORUM,
                       lambda n: True, ("Fora", "Fora")),
    "departments": ListedKind(("afdelinger", "afdelingerne", "departments"), Kind.UNIT,
                              lambda n: n.attributes.get("level") == "afdeling",
                              ("Afdelinger", "Departments")),
    "units": ListedKind(("enheder", "enhederne", "units"), Kind.UNIT, lambda n: True,
                        ("Enheder", "Units")),
    "directorates": ListedKind(
        ("direktørområder", "direktørområderne", "directorates", "areas"), Kind.UNIT,
        lambda n: n.attributes.get("level") == "direktørområde",
        ("Direktørområder", "Director areas")),
    "teams": ListedKind(("teams", "teamene", "teamsene"), Kind.UNIT,
                        lambda n: n.attributes.get("level") == "team", ("Teams", "Teams")),
    "initiatives": ListedKind(
        ("initiativer", "initiativerne", "projekter", "projekterne", "initiatives", "projects"),
        Kind.INITIATIVE, lambda n: True, ("Initiativer", "Initiatives"), in_tree=False),
    # "hvor mange direktører har vi?", "hvilke chefer er der?": the posts of that title (it
    # named one director, and said the model gives no size)
    "directors": ListedKind(("direktører", "direktørerne", "directors"), Kind.POST,
                            _titled("direktør", "director"), ("Direktører", "Directors"),
                            in_tree=False),
    "chiefs": ListedKind(("chefer", "cheferne", "chiefs"), Kind.POST, _titled("chef"),
                         ("Chefer", "Chiefs"), in_tree=False),
    "unit_heads": ListedKind(("enhedsledere", "enhedslederne"), Kind.POST,
                             _titled("enhedsleder"), ("Enhedsledere", "Unit heads"),
                             in_tree=False),
    "team_leaders": ListedKind(("teamledere", "teamlederne"), Kind.POST, _titled("teamleder"),
                               ("Teamledere", "Team leaders"), in_tree=False),
    "systems": ListedKind(
        ("systemer", "systemerne", "it-systemer", "systems"), Kind.SYSTEM,
        lambda n: True, ("Systemer", "Systems"), in_tree=False),
    # "hvad er usikkert i data?": the records of low confidence, of every kind
    "uncertain": ListedKind(
        ("usikkert", "usikre", "usikker", "antagelser", "antaget", "antagelserne", "uncertain",
         "unsure", "assumptions", "assumed"), None,
        lambda n: n.confidence is Confidence.LOW,
        ("Usikre oplysninger (lav sikkerhed)", "Uncertain records (low confidence)"),
        in_tree=False),
}
