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
from orgmodel.schema import Kind

__all__ = ["LISTS", "ListedKind"]


class ListedKind(NamedTuple):
    """A kind whose list a question may ask for."""

    #: The plurals that name it, in any spelling.
    nouns: tuple[str, ...]
    kind: Kind
    #: Which nodes of the kind are in it ("udvalg" are the committees, not the council).
    which: Callable[[NodeView], bool]
    #: What the list is called, in Danish and English.
    title: tuple[str, str]


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
}
