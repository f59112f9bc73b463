"""Questions the model answered asked one way and missed asked another, on both stores.

Leadership's eleventh probe: a word more or other than the tested phrasing ("i byen",
"nedsat", "hører … til", "it-systemer … bruger", "the … unit", "people work for") lost what
kind of question it was, and a task was given instead, or nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from orgmodel.node_hint import answers_and_hint

ON = date(2026, 11, 1)


def answered(store: Any, question: str) -> tuple[list[Any], Any]:
    """The tasks and the hint the CLI, the API and the start page give ``question``."""
    found = store.owners(question, limit=3, as_of=ON)
    return answers_and_hint(store, question, found, as_of=ON)


@pytest.mark.parametrize(("question", "said"), [
    # "hører … til" with the name between (with "under" it was answered)
    ("hvilket direktørområde hører Dagtilbud til?",
     "Dagtilbud hører under: Direktørområde 2 (navn ikke bekræftet)"),
    # the town for the municipality
    ("hvilke initiativer er i gang i byen?", "Initiativer i gang i Albertslund Kommune (8)"),
    # what a council has set up lies under it
    ("hvilke udvalg har kommunalbestyrelsen nedsat?", "Kommunalbestyrelsen har 6 udvalg i data"),
    # what the municipality uses is its list of systems
    ("hvilke it-systemer bruger kommunen?", "Systemer i Albertslund Kommune (7)"),
    ("which systems does the municipality use?", "Systemer i Albertslund Kommune (7)"),
    # the staff the municipality's record does not count, the data counts as a group
    ("hvor mange ansatte har kommunen?", "Medarbejdere: ca. 3.000."),
    ("how many people work for the municipality?", "Medarbejdere: ca. 3.000."),
    # ... and its inhabitants are still its own count
    ("hvor mange indbyggere har kommunen?", "Albertslund Kommune: ca. 28.000 indbyggere"),
])
def test_a_question_asked_another_way_is_read_as_the_same_question(
        store: Any, question: str, said: str) -> None:
    tasks, hint = answered(store, question)
    assert hint is not None and hint.text("da").startswith(said), (tasks, hint)
    assert tasks == []  # no task is where something lies, or a list, or a count


def test_a_unit_named_with_its_kind_noun_is_the_unit_not_a_team_of_it(store: Any) -> None:
    # "the Organisation and Politics unit" met Team 1, whose description holds "the unit's
    # four teams"; a team asked by "teamet" is still a team
    unit = answered(store, "who leads the Organisation and Politics unit?")[1]
    assert unit is not None and unit.node.id == "unit:organisation-og-politik"
    team = answered(store, "hvem leder teamet i OP")[1]
    assert team is not None and team.node.id == "unit:organisation-og-politik-team-1"
