"""Questions the model answered asked one way and missed asked another, on both stores.

Leadership's eleventh probe: a word more or other than the tested phrasing ("i byen",
"nedsat", "hører … til", "it-systemer … bruger", "the … unit", "people work for") lost what
kind of question it was, and a task was given instead, or nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from orgmodel.asked_date import asked as read_question
from orgmodel.node_hint import answers_and_hint

ON = date(2026, 11, 1)


def answered(store: Any, question: str) -> tuple[list[Any], Any]:
    """The tasks and the hint the CLI, the API and the start page give ``question``.

    Read first as they read it (:func:`orgmodel.asked_date.asked`: its date and its polite
    frame set aside).
    """
    text = read_question(question, ON, ON).text
    found = store.owners(text, limit=3, as_of=ON)
    return answers_and_hint(store, text, found, as_of=ON)


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
    # a unit's systems, those it runs, supports or uses (the round 14 probe: tasks answered)
    ("hvilke systemer drifter Økonomi og Indkøb?", "Systemer i Økonomi og Indkøb (2): "),
    ("which systems does IT and Digitalisation support?", "Systemer i IT og Digitalisering (3): "),
    # what a post handles is its tasks (the round 14 probe: its card, without them)
    ("hvad skal økonomichefen tage sig af?", "Opgaver under Chef for Økonomi og Stab"),
    ("hvilke opgaver ligger på IT-chefens bord?",
     "Opgaver under Enhedsleder for IT og Digitalisering"),
    ("what does the head of HR own?", "Opgaver under Enhedsleder for Organisation og Politik"),
    # an adverb between reporting and its "to" keeps the direction (round 15: it opened with
    # whom the director reports to)
    ("hvem refererer direkte til kommunaldirektøren?",
     "Til Kommunaldirektør refererer: Chef for Økonomi og Stab"),
    # who decides, naming nothing decided: the council, which decides every case (the round
    # 14 probe: no answer, or the accounts)
    ("which body has the final say in Albertslund?", "Kommunalbestyrelsen er et politisk organ"),
    ("hvem træffer den endelige beslutning i kommunen?",
     "Kommunalbestyrelsen er et politisk organ"),
    ("who makes the final decisions in this municipality?",
     "Kommunalbestyrelsen er et politisk organ"),
    ("hvem tager de endelige beslutninger?", "Kommunalbestyrelsen er et politisk organ"),
    # the body written whole among the words of a case's route (the round 14 probe)
    ("hvilket udvalg skal se sagen lige før kommunalbestyrelsen",
     "Sager kommer til Kommunalbestyrelsen fra: Økonomiudvalget"),
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


@pytest.mark.parametrize(("question", "task"), [
    # a role said before the question is its frame, not what it asks
    ("Som ny chef for Økonomi og Stab vil jeg gerne vide, hvem i min afdeling der har ansvaret "
     "for den løbende budgetopfølgning over for fagudvalgene", "task:budgetopfolgning"),
    ("As the new CFO, I'd like to know who handles payroll", "task:lon"),
    # a role of RACI asked is no word of the task: "høres" met public consultation (høring)
    ("hvem skal høres når økonomisystemerne sættes op", "task:opsaetning-af-okonomisystemer"),
    ("who is consulted on the budget", "task:budget"),
    # "the last word" asks who decides: the task the council decides first (round 15)
    ("who has the last word on the annual accounts", "task:arsregnskab-godkendelse"),
    # "ud" is a particle: it met a KLE topic of music "ud over musikskole"
    ("hvem sørger for at dagsordenerne kommer ud?", "task:understottelse-direktion-og-kb"),
    # contracts with suppliers are procurement's, supplier invoices bookkeeping's
    ("hvem håndterer kontrakter med leverandørerne?", "task:indkob"),
    ("who processes supplier invoices?", "task:bogholderi"),
    # round 12: slang and a singular ("ska", "min pc"), a servicing verb, the year's closing
    ("hvem ska jeg ringe til når min pc ikke virker", "task:devices-medarbejdere"),
    ("who services the committees?", "task:udvalgsbetjening"),
    ("who closes the books at year end?", "task:regnskab"),
])
def test_a_task_asked_with_other_words_is_that_task(store: Any, question: str,
                                                    task: str) -> None:
    tasks, _hint = answered(store, question)
    assert [found.task.id for found in tasks][:1] == [task], tasks


def test_when_a_change_was_carried_out_is_its_first_day_with_its_records_note(
        store: Any) -> None:
    # "hvornår blev sammenlægningen … gennemført?" met the staff matters; and a day the data
    # assumes was said as sure as its record, with no word that it is assumed
    _tasks, hint = answered(
        store, "hvornår blev sammenlægningen til Organisation og Politik gennemført?")
    assert hint is not None and hint.node.id == "initiative:sammenlaegning-organisation-og-politik"
    assert hint.text("da").startswith(
        "Sammenlægning til Organisation og Politik gælder i data fra 2023-01-01 (sikkerhed: lav, "
        "kilde: seed). Sammenlægningen er sikker (seed); datoen 2023-01-01 er en antagelse")


def test_a_name_several_of_a_kind_share_is_not_one_side_of_a_question_of_two(
        store: Any) -> None:
    # Round 12: "enhedslederen" names three unit heads alike; it was taken as one side, the
    # unit after "for" as the other ("no relation between the head of IT and ØI")
    _tasks, hint = answered(
        store, "refererer enhedslederen for Økonomi og Indkøb til økonomichefen?")
    assert hint is not None and hint.text("da").startswith(
        "Ja: Enhedsleder for Økonomi og Indkøb refererer til Chef for Økonomi og Stab")


def test_a_framing_idiom_is_no_word_of_what_is_asked(store: Any) -> None:
    # "har styr på" (is in control of) met organisational development by "styr"
    _tasks, hint = answered(store, "hvem har styr på kontraktstyringen?")
    assert hint is not None and hint.node.id == "post:kontraktansvarlig"


@pytest.mark.parametrize("question", ["hvem udsteder parkeringstilladelser",
                                      "What happened to this unit?"])
def test_a_task_that_meets_next_to_nothing_of_a_question_is_no_answer(
        store: Any, question: str) -> None:
    # Round 12: parking permits met recruitment at 0.035, with only the weak-match note, as if
    # it were the answer (a word's ending met, nothing of what was asked)
    assert store.owners(question, limit=3, as_of=ON) == []


def test_an_abbreviations_superior_is_whom_it_reports_to(store: Any) -> None:
    # Round 12: "who is the CFO's boss?" lost its genitive with the abbreviation's ending
    # ("CFO boss") and gave the chief's hint without its line
    _tasks, hint = answered(store, "who is the CFO's boss?")
    assert hint is not None and hint.text("en").startswith(
        "Head of Finance and Staff reports to Municipal Director")


def test_who_signs_off_asks_who_approves(store: Any) -> None:
    # Round 12: "who signs off on new digital solutions?" did not put the deciding council
    # first, as "who approves …" does
    _tasks, hint = answered(store, "who signs off on new digital solutions?")
    assert hint is not None and hint.text("da").startswith(
        "Digitaliseringsrådet beslutter: Nye digitale løsninger og teknologier")


@pytest.mark.parametrize("question", [
    # round 13: the right task, under "no task of the model fits the whole question"
    "jeg skal bruge en kontakt til løn", "find owner of payroll", "what is the email for payroll",
    "hvad er mailadressen til løn",
    # round 15: "postkasse" met a KLE topic of letterboxes on the road, and no answer
    "hvilken postkasse skal jeg skrive til om løn", "which mailbox do I write to about payroll"])
def test_asking_for_a_contact_or_mailbox_frames_the_task(store: Any, question: str) -> None:
    tasks, _ = answered(store, question)
    assert tasks[0].task.id == "task:lon"
    assert not any(note.code == "weak_match" for note in tasks[0].notes), tasks[0].notes


@pytest.mark.parametrize(("question", "first_two"), [
    # round 13: the budget tasks and no procurement; a stray task before financial management
    ("who's responsible for budget and procurement", ["task:budget", "task:indkob"]),
    ("hvem har ansvaret for okonomistyring og indkob", ["task:okonomistyring", "task:indkob"]),
    ("hvem har ansvaret for løn og budget?", ["task:lon", "task:budget"]),
])
def test_two_tasks_asked_at_once_are_both_answered_first(
        store: Any, question: str, first_two: list[str]) -> None:
    tasks, hint = answered(store, question)
    assert hint is None and [r.task.id for r in tasks][:2] == first_two


@pytest.mark.parametrize(("question", "first"), [
    ("hvem står for løn- og personaleforhold", "task:lon-og-personaleforhold"),  # a name's "og"
    ("hvem står for budget i Økonomi og Indkøb", "task:budget"),  # a unit's name
])
def test_an_og_within_a_name_joins_no_two_tasks(store: Any, question: str, first: str) -> None:
    tasks, _ = answered(store, question)
    assert tasks[0].task.id == first
    assert "task:indkob" not in [r.task.id for r in tasks]


def test_a_union_rep_is_asked_of_as_a_tillidsrepraesentant(store: Any) -> None:
    # Round 13: "union rep" met budget follow-up by "rep"; the staff matters, where the data
    # places a tillidsrepræsentant's questions, come first as they do for the Danish word.
    english, _ = answered(store, "union rep")
    danish, _ = answered(store, "tillidsrepræsentant")
    assert [r.task.id for r in english][:1] == [r.task.id for r in danish][:1] == [
        "task:lon-og-personaleforhold"]


@pytest.mark.parametrize(("question", "node"), [
    ("hvem er systemejer for Aula", "system:aula"),
    ("Aula går ned – hvem skal skolerne kontakte, og hvem er systemejer", "system:aula"),
    ("hvilken afdeling har projektlederansvaret for Albertslund Centrum",
     "initiative:albertslund-centrum"),
    ("AppWriter – hvem supporterer det og hvem bruger det", "system:appwriter"),
    # ... and among many words, where nothing fits better (the round 15 probe: 0.31)
    ("jeg skal have fat i systemejeren på AppWriter, hvem er det", "system:appwriter"),
])
def test_a_system_or_initiative_written_whole_among_other_words_is_named(
        store: Any, question: str, node: str) -> None:
    # Leadership's fourteenth probe: the name alone was answered; with a frame around it
    # ("systemejer", "projektlederansvaret") the search scored it under the bar a hint must
    # clear (Aula 0.56, the best task 0.17), and a stray task was the answer.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == node, hint


def test_an_organ_written_whole_does_not_push_aside_the_task_asked_of(store: Any) -> None:
    # A committee's name holds the words of its servicing: the task answers first, alone.
    tasks, hint = answered(store, "hvem betjener Kultur- og Fritidsudvalget")
    assert hint is None and tasks[0].task.id == "task:udvalgsbetjening"


@pytest.mark.parametrize(("question", "task", "owner"), [
    # the round 14 probe: "sad" was read as sitting in what HR names (a unit of 2023)
    ("hvem sad med HR den 31.12.2022", "task:hr", "unit:okonomi-og-stab"),
    ("hvem sidder med løn", "task:lon", "unit:organisation-og-politik"),
])
def test_sitting_with_a_task_asks_who_handles_it(store: Any, question: str, task: str,
                                                 owner: str) -> None:
    asked = read_question(question, None, ON)
    found = store.owners(asked.text, limit=3, as_of=asked.when)
    tasks, hint = answers_and_hint(store, asked.text, found, as_of=asked.when)
    assert hint is None and tasks[0].task.id == task
    assert [o.id for o in tasks[0].owners if o.raci == "A"] == [owner]


def test_sitting_with_in_a_forum_still_asks_who_sits_in_it(store: Any) -> None:
    hint = answered(store, "hvem sidder med i Direktørforum")[1]
    assert hint is not None and hint.node.id == "forum:direktorforum"


def test_a_body_written_whole_in_a_long_question_of_other_things_is_no_route(store: Any) -> None:
    # "a council case about a new youth club and …" writes the council's alias among twenty
    # words of other things: its tasks answer, not the council's route.
    tasks, hint = answered(store, LONG_CASE)
    assert hint is None or not hint.asked_route
    assert tasks


LONG_CASE = ("We're preparing a council case about a new youth club and need both legal advice "
             "on whether it's lawful and someone to work out the financial consequences – which "
             "units do that and who is accountable overall")


@pytest.mark.parametrize(("question", "node"), [
    ("what does ØS stand for", "unit:okonomi-og-stab"),
    ("hvad betyder ØU", "body:okonomiudvalget"),
    ("hvad er forkortelsen ØI", "unit:okonomi-og-indkob"),
])
def test_an_abbreviation_asked_of_is_what_it_names(store: Any, question: str,
                                                   node: str) -> None:
    # The round 15 probe: "stand for", "betyder" were words to search by, and the servicing
    # of the committees answered.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == node


def test_a_role_of_raci_asked_that_the_task_has_no_one_in_is_said(store: Any) -> None:
    # Leadership's fourteenth probe: "who is consulted on the budget" showed the accountable
    # alone, as if the accountable were the one consulted.
    tasks, _ = answered(store, "who is consulted on the budget")
    assert tasks[0].task.id == "task:budget"
    assert "role_not_in_data" in [note.code for note in tasks[0].notes]
    assert tasks[0].notes[-1].text("da") == "Data nævner ingen, der skal høres (C), om opgaven."
    # ... and not where the task has someone in it
    tasks, _ = answered(store, "hvem skal orienteres om budgetopfølgning")
    assert tasks[0].task.id == "task:budgetopfolgning"
    assert "role_not_in_data" not in [note.code for note in tasks[0].notes]


@pytest.mark.parametrize(("question", "not_named"), [
    # "can" is no negation: the tasks, not whom to escalate to
    ("who can answer for Finance and Procurement?", "post:enhedsleder-okonomi-og-indkob"),
    # an alias that is a common word names nothing among other words
    ("hvem har ansvaret for klubber for ældre?", "initiative:fornyelse-af-klubber"),
    # "this" alone names something unsaid, not the municipality
    ("who decides this?", "body:kommunalbestyrelsen"),
])
def test_the_new_readings_do_not_fire_on_other_questions(store: Any, question: str,
                                                         not_named: str) -> None:
    # The code review of the round 14 and 15 readings, each reproduced.
    hint = answered(store, question)[1]
    assert hint is None or hint.node.id != not_named, hint
