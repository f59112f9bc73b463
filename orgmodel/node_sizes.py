"""How big a node is, in words: the counts its record holds (seats, staff, teams, devices …).

A question about a body, a unit or a fleet is often about its size ("hvor mange sidder i
kommunalbestyrelsen?", "hvor mange ansatte har Økonomi og Stab?"); the hint on the node says
the counts its record holds, each as the data says it (about, or more than).

Examples
--------
>>> counts = node_counts({"seats": 21, "classification": "council"})
>>> counts, size_text(counts, False, "da"), size_text(counts, False, "en")
({'seats': 21}, '21 medlemmer', '21 members')
>>> size_text(node_counts({"system_count": 400, "count_is_minimum": True}), True, "en")
'more than 400 systems'
>>> size_text({"inhabitants": 28000}, False, "da")
'ca. 28.000 indbyggere'
>>> size_text({"group_size": 300}, True, "da")  # a group counts what it is a group of
'over 300'
"""

from __future__ import annotations

from collections.abc import Mapping

from orgmodel.messages import Lang

__all__ = ["COUNTS", "node_counts", "size_text"]

#: The count attributes, in the order said, with their words (Danish, English) and whether the
#: data gives them as about so many.
COUNTS: dict[str, tuple[str, str, bool]] = {
    "seats": ("medlemmer", "members", False),
    "staff_count": ("medarbejdere", "staff", True),
    "team_count": ("teams", "teams", False),
    # a group of stakeholders counts what it is a group of: "Foreninger: over 300"
    "group_size": ("", "", True),
    "device_count": ("enheder", "devices", True),
    "system_count": ("systemer", "systems", True),
    "inhabitants": ("indbyggere", "inhabitants", True),
    "nationalities": ("nationaliteter", "nationalities", False),
}


def node_counts(attributes: Mapping[str, object]) -> dict[str, int]:
    """The counts among a node's attributes, in the order :data:`COUNTS` says them."""
    return {key: value for key in COUNTS
            if isinstance(value := attributes.get(key), int) and not isinstance(value, bool)}


def size_text(counts: Mapping[str, int], minimum: bool, lang: Lang) -> str:
    """The counts in words: "ca. 75 medarbejdere, 4 teams"; ``minimum``: "more than"."""
    said = []
    for key, value in counts.items():
        da, en, about = COUNTS[key]
        number = f"{value:,}".replace(",", "." if lang == "da" else ",")
        prefix = (("over " if lang == "da" else "more than ") if minimum
                  else ("ca. " if lang == "da" else "about ") if about else "")
        said.append(f"{prefix}{number} {da if lang == 'da' else en}".rstrip())
    return ", ".join(said)
