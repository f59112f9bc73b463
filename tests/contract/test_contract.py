"""One contract, two stores: Albertslund in the embedded graph and in Neo4j, same answers.

Every test asks a question a user asks and runs on both stores (``store`` is parametrised over
memory and neo4j); the loops at the end ask both stores the same questions for every node and
demand equal answers, errors included.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from contract_support import outcome

from orgmodel.asked_date import asked as read_date
from orgmodel.asker import ask_example, ask_instead
from orgmodel.exceptions import NotFoundError
from orgmodel.home import asked_here
from orgmodel.kle_catalogue import hint as kle_hint
from orgmodel.node_hint import answers_and_hint, node_hint
from orgmodel.resolve import UnknownNodeError, resolve_node
from orgmodel.schema import Confidence, EdgeType, Kind
from orgmodel.store.without_persons import WithoutPersons
from orgmodel.text import fold
from orgmodel.vocabulary import load_vocabulary

BEFORE_MERGER = date(2022, 6, 1)
AFTER_MERGER = date(2024, 6, 1)
CHIEF = "post:chef-okonomi-og-stab"


# -- what users ask ------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["løn", "payroll", "lon", "LØN", "81.15.00", "task:lon"])
def test_who_owns_payroll_in_danish_english_kle_or_id(store: Any, question: str) -> None:
    answer = store.owners(question, as_of=AFTER_MERGER)[0]
    assert answer.task.id == "task:lon" and answer.task.kle == "81.15.00"
    assert [(o.id, o.raci.value) for o in answer.owners][:1] == [
        ("unit:organisation-og-politik", "A")]
    assert answer.accountable_post is not None
    assert answer.accountable_post.id == "post:enhedsleder-organisation-og-politik"
    assert [e.id for e in answer.escalation][-1] == "body:kommunalbestyrelsen"


def test_each_owner_says_how_sure_its_link_is_and_from_where(store: Any) -> None:
    # The team doing the payroll is an assumption (FACTS.md: shown as such); the unit is not.
    owners = {o.id: (o.raci.value, o.confidence.value, o.source)
              for o in store.owners("task:lon", as_of=AFTER_MERGER)[0].owners}
    assert owners["unit:organisation-og-politik-team-1"] == ("R", "low", "assumption")
    assert owners["unit:organisation-og-politik"][:2] == ("A", "high")


def test_procurement_without_the_danish_letters(store: Any) -> None:
    assert store.owners("indkob", as_of=AFTER_MERGER)[0].task.id == "task:indkob"


def test_a_question_in_plain_words(store: Any) -> None:
    answer = store.owners("computere til elever", as_of=AFTER_MERGER)
    assert answer[0].task.id == "task:devices-skoleelever"


def test_a_kle_group_finds_the_tasks_under_it(store: Any) -> None:
    answer = store.owners("81.15", as_of=AFTER_MERGER)
    assert answer and all((a.task.kle or "").startswith("81.15") for a in answer)


def test_the_recruitment_of_2023_is_no_tie_of_earlier_years(store: Any) -> None:
    # Its edges had an end and no beginning: "hvem var borgmester i 2015?" said the mayor took
    # part in the recruitment of the chief in 2023.
    recruitment = "initiative:rekruttering-chef-okonomi-og-stab"
    for when, there in ((date(2015, 6, 1), False), (date(2023, 10, 1), True)):
        near = store.neighbourhood("post:borgmester", depth=1, as_of=when)
        assert (recruitment in {n.id for n in near.nodes}) is there


@pytest.mark.parametrize("question", ["hvem har ansvaret for 81?", "kle 81", "KLE 81 tak"])
def test_a_main_group_named_by_its_number_in_a_question_finds_its_tasks(
        store: Any, question: str) -> None:
    # Two digits in a question were left out as a count, and the KLE hint, which read them,
    # said that no task covered 81.00.00: the model files its staff task there.
    answer = store.owners(question, as_of=AFTER_MERGER)
    assert answer and answer[0].task.kle == "81.00.00"
    assert all((a.task.kle or "").startswith("81") for a in answer)
    # A count elsewhere in a question is no group: "de sidste 10 år" names no KLE 10.
    assert not any((a.task.kle or "").startswith("10") for a in store.owners(
        "hvem har haft ansvaret for løn de sidste 10 år", as_of=AFTER_MERGER))


@pytest.mark.parametrize(("question", "topic"), [
    ("sygefravær", "81.28.00"), ("lederudvikling", "81.04.04"),
    ("who handles leadership development?", "81.04.04"), ("holiday", "81.27.01"),
    ("hvem har ansvaret for MUS?", "81.04.02"), ("hvem holder MED-udvalget?", "81.38.00"),
    ("onboarding af nye medarbejdere", "81.05.00"),
    ("hvem har ansvaret for plejeorlov?", "81.30.04")])
def test_a_task_the_model_lacks_is_answered_by_the_kle_level_above(
        store: Any, question: str, topic: str) -> None:
    # No task in the model is about sick leave or leadership development; KLE files both under
    # 81 (staff), whose general task the model holds: that task answers, and says why.
    answer = store.owners(question, as_of=AFTER_MERGER)
    assert answer[0].task.kle == "81.00.00"
    assert [n.code for n in answer[0].notes][:1] == ["kle_nearest"]
    assert topic in answer[0].notes[0].da and "81.00.00" in answer[0].notes[0].en
    assert answer[0].owners and answer[0].escalation


@pytest.mark.parametrize("question", ["barsel", "who handles maternity leave?"])
def test_staff_leave_is_the_staff_task_not_a_citizens_topic(store: Any, question: str) -> None:
    # KLE's "barsel" is first the citizens' maternity benefit (32.30.08); asked here, it is the
    # staff's leave, a personnel matter.
    assert store.owners(question, as_of=AFTER_MERGER)[0].task.id == "task:lon-og-personaleforhold"


@pytest.mark.parametrize("number", ["81.28", "81.28.08"])
def test_a_kle_number_without_a_task_is_answered_one_or_two_levels_up(
        store: Any, number: str) -> None:
    answer = store.owners(number, as_of=AFTER_MERGER)
    assert [a.task.kle for a in answer] == ["81.00.00"]
    assert answer[0].notes[0].code == "kle_nearest" and number in answer[0].notes[0].da
    # Outside the model, or no KLE topic at all: no answer.
    assert store.owners("02.34", as_of=AFTER_MERGER) == []
    assert store.owners("81.28.01", as_of=AFTER_MERGER) == []


def test_a_question_about_work_outside_the_model_gets_no_stray_match(store: Any) -> None:
    # "byggesager" shares only its last part with "politiske sager"; KLE says it is building
    # work (main group 02), where the model holds no task: no answer beats a wrong one.
    assert store.search("byggesager", kinds=[Kind.TASK])  # the stray match exists ...
    assert store.owners("byggesager", as_of=AFTER_MERGER) == []  # ... and is not an answer
    assert store.owners("byggetilladelse", as_of=AFTER_MERGER) == []
    assert store.owners("who owns building permits?", as_of=AFTER_MERGER) == []
    assert store.owners("hvem sørger for snerydning?", as_of=AFTER_MERGER) == []
    # ... in English too, and said where it belongs (a weak stray task answered it)
    assert store.owners("who is responsible for snow clearing?", as_of=AFTER_MERGER) == []
    snow = kle_hint("who is responsible for snow clearing?", load_vocabulary().catalogue)
    assert snow is not None and snow.number.startswith("05.07")
    assert store.owners("who runs elections?", as_of=AFTER_MERGER) == []
    assert store.owners("kommunalvalg", as_of=AFTER_MERGER) == []
    # "behandler" frames the question; it is not the budget's "behandlinger"
    assert store.owners("hvem behandler ansøgninger om kontanthjælp?", as_of=AFTER_MERGER) == []


@pytest.mark.parametrize("question", ["1", "a b c", "<script>alert(1)</script>", "x 12"])
def test_a_question_of_lone_letters_and_numbers_names_no_work(store: Any, question: str) -> None:
    # Each met a stray task before ("1" the budget's "1. behandling", "b" bookkeeping).
    assert store.owners(question, as_of=AFTER_MERGER) == []
    # Nor a hint: "1" alone named "Direktør for Direktørområde 1" and the KLE topic
    # "Industri- og lagerbygninger i 1 etage"; beside a word, a number still counts.
    assert node_hint(store, question, as_of=AFTER_MERGER) is None
    assert kle_hint(question, load_vocabulary().catalogue) is None
    area = node_hint(store, "direktørområde 2", as_of=AFTER_MERGER)
    assert area is not None and area.node.id == "unit:direktoromrade-2"
    # A reading's number and a compound's letter still count.
    assert store.owners("1. behandling af budgettet", as_of=AFTER_MERGER)[0].task.id == \
        "task:budgetvedtagelse"


def test_the_pronoun_it_names_no_it_in_the_hints_either(store: Any) -> None:
    # "who fixes it" has no subject: no IT unit, no KLE topic about IT tools.
    for question in ("who fixes it", "who is responsible for it?"):
        assert store.owners(question, as_of=AFTER_MERGER) == []
        assert node_hint(store, question, as_of=AFTER_MERGER) is None
        assert kle_hint(question, load_vocabulary().catalogue) is None
    # In capitals it is IT.
    assert node_hint(store, "who heads IT og Digitalisering", as_of=AFTER_MERGER) is not None


@pytest.mark.parametrize(("question", "task"), [
    ("hvem laver budgettet?", "task:budget"),
    ("hvem står for indkøbsaftaler?", "task:ski-indkobsaftaler"),
    ("hvem skal jeg spørge om ferie?", "task:lon-og-personaleforhold"),
    ("hvem håndterer sygemeldinger?", "task:lon-og-personaleforhold"),
    ("who is in charge of the annual budget?", "task:budget"),
    ("hvem vedligeholder fagsystemerne?", "task:adgang-til-fagsystemer"),
    ("who recruits new staff?", "task:rekruttering"),
    ("jeg har glemt mit password", "task:adgang-til-fagsystemer"),  # KLE 85.15.03 -> 85.15.00
    ("I forgot my password", "task:adgang-til-fagsystemer"),
    ("hvem sidder i Økonomiudvalget?", "task:udvalgsbetjening"),
    ("who approves the budget?", "task:budgetvedtagelse"),
    ("ledige stillinger", "task:rekruttering"),
    ("who handles complaints?", "task:juridisk-radgivning"),  # KLE 00.07.06 -> 00.07.00
    ("who handles the municipal budget?", "task:budget"),  # "municipal" says nothing here
    ("hvem følger op på budgettet?", "task:budgetopfolgning"),
    ("who runs the helpdesk?", "task:it-support"),
    ("hvem kan hjælpe mig med adgang til et fagsystem?", "task:adgang-til-fagsystemer"),
    ("hvem hjælper med ansættelse af en ny medarbejder?", "task:hr"),
    ("hvor finder jeg hjælp til budgetopfølgning?", "task:budgetopfolgning"),
    # framing words that once met stray tasks ("accountable" met "accounts", "passer" the
    # passport's KLE topic "Pas"), and compounds the vocabulary now names
    ("who is accountable for procurement?", "task:indkob"),
    ("hvem passer printerne?", "task:devices-medarbejdere"),
    ("hvem står for betalinger til leverandører?", "task:bogholderi"),
    ("hvem står for feriepenge?", "task:lon-og-personaleforhold"),
    ("who is responsible for employee relations?", "task:hr"),  # not PR: "relations"
    ("where do I report a data breach?", "task:it-sikkerhed"),
    ("who sets the budget framework?", "task:budget"),  # not SKI's framework agreements
    ("hvem skal jeg kontakte hvis min computer ikke virker?", "task:devices-medarbejdere"),
    ("hvem kan nulstille min kode?", "task:adgang-til-fagsystemer"),
    ("hvem servicerer udvalgene?", "task:udvalgsbetjening"),  # not the service desk
    ("who handles dismissals?", "task:lon-og-personaleforhold"),
    ("who decides the budget?", "task:budgetvedtagelse"),
    ("hvem sidder i ØU?", "task:udvalgsbetjening"),  # ØU is not OU (organisationsudvikling)
    ("hvem står for likviditetsstyring?", "task:kasse-og-regnskabsvaesen"),
    # words and phrases the vocabulary lacked, and framing words ("hvornår", "ringer")
    ("hvilken overenskomst gælder?", "task:lon-og-personaleforhold"),
    ("journalisten ringer – hvem svarer?", "task:kommunikation"),
    ("stillingsannoncer", "task:rekruttering"),
    ("tablets til skolebørnene", "task:devices-skoleelever"),
    ("brud på persondatasikkerheden", "task:it-sikkerhed"),
    ("hvem styrer facebooksiden?", "task:kommunikation"),
    ("hvem har ansvaret for rolle bi?", "task:bogholderi"),
    ("revisionsberetningen", "task:arsregnskab-godkendelse"),
    ("who decides the tax rate?", "task:budgetvedtagelse"),
    ("who manages public tenders?", "task:indkob"),
    ("hvem betaler regninger?", "task:bogholderi"),
    ("I need a new work phone", "task:devices-medarbejdere"),
    ("who keeps the chart of accounts?", "task:opsaetning-af-okonomisystemer"),
    ("hvem står for opsigelse af medarbejdere?", "task:lon-og-personaleforhold"),
    # invoices are approved in bookkeeping's RolleBi, not with the annual accounts; payroll
    # sends the employment letter (its service goal)
    ("where do I approve an invoice", "task:bogholderi"),
    ("hvem godkender fakturaer?", "task:bogholderi"),
    ("hvem står for ansættelsesbreve?", "task:lon"),
    # a word of the model's own vocabulary outweighs a KLE topic outside it that shares its
    # stem ("Skærmet enhed", a sheltered unit)
    ("min skærm virker ikke", "task:devices-medarbejdere"),
    ("hvem udbetaler kørselsgodtgørelse?", "task:lon"),
    ("mit skattekort", "task:lon"),
    # "it" the English pronoun is no IT (in capitals, or a Danish question, it is)
    ("my pay slip is wrong, who fixes it", "task:lon"),
    ("payroll, who handles it?", "task:lon"),
    ("who deals with firing staff", "task:lon-og-personaleforhold"),  # not staff devices
    ("who does comms", "task:kommunikation"),
    # everyday verbs that met stray tasks ("have", "hører" met "høringer")
    ("ny medarbejder skal have en pc", "task:devices-medarbejdere"),
    ("jeg har en sygemelding, hvem skal have besked", "task:lon-og-personaleforhold"),
    ("hvilken afdeling hører lønkontoret under", "task:lon"),
    ("hvem styrer kommunekassen", "task:kasse-og-regnskabsvaesen"),
    # "regler" and "spørgsmål" frame a question ("regler" met the political cases' quality)
    ("hvem kender reglerne for udbud", "task:indkob"),
    ("hvem kan svare på et juridisk spørgsmål om forvaltningsloven",
     "task:juridisk-radgivning"),
    ("who approves a new purchasing agreement", "task:indkob")])  # not the budget agreement
def test_questions_asked_as_people_ask_them(store: Any, question: str, task: str) -> None:
    # The words that frame a question ("hvem står for", "who is in charge of") are not
    # what it is about: they neither match stray tasks nor dilute the words that do.
    answer = store.owners(question, as_of=AFTER_MERGER)
    assert answer[0].task.id == task
    assert answer[0].score >= 0.4


def test_an_acronym_is_not_a_word_that_shares_its_stem(store: Any) -> None:
    # MUS (the staff appraisal) is no museum ("Museer" stems to "mus" too), and the MED
    # committee is not any committee ("med" is a stopword): both are staff matters (81).
    for question in ("MUS", "MED-udvalg"):
        answer = store.owners(question, as_of=AFTER_MERGER)
        assert answer[0].task.kle == "81.00.00", question
        assert "19.03" not in answer[0].notes[0].da


def test_a_weak_match_says_so(store: Any) -> None:
    # Only "løn" of "lønsedlen er forsvundet" meets the payroll tasks: still the answer, but
    # one to check, and the answer says so; a question a task fits well carries no such note
    # ("hvornår kommer lønsedlen?": its other words only frame the question).
    weak = store.owners("lønsedlen er forsvundet", as_of=AFTER_MERGER)
    assert weak and all(a.score < 0.3 for a in weak)
    assert all([n.code for n in a.notes][-1:] == ["weak_match"] for a in weak)
    assert "Svagt match" in weak[0].notes[-1].da and "weak match" in weak[0].notes[-1].en
    for question in ("løn", "81.15", "task:lon", "sygefravær", "hvornår kommer lønsedlen?"):
        answer = store.owners(question, as_of=AFTER_MERGER)
        assert not any(n.code == "weak_match" for a in answer for n in a.notes), question


@pytest.mark.parametrize(("question", "task", "tool"), [
    ("hvem ejer RolleBi?", "task:bogholderi", "Rollebaseret Indgang (RolleBi)"),
    ("hvem har ansvaret for OPUS", "task:lon", "OPUS løn"),
    ("who maintains the agenda system", "task:understottelse-direktion-og-kb", "Politiker Web"),
])
def test_a_question_naming_a_system_is_answered_by_the_task_that_uses_it(
        store: Any, question: str, task: str, tool: str) -> None:
    # People name the tool, not the work. Before, "hvem ejer RolleBi" met bookkeeping only on a
    # stray word (0.24, a weak match) and the agenda system drew three tasks.
    answer = store.owners(question, as_of=AFTER_MERGER)
    assert [a.task.id for a in answer] == [task]
    assert answer[0].score > 0.5
    assert [(n.code, n.da) for n in answer[0].notes] == [
        ("via_used", f"Fundet via {tool}, som opgaven bruger.")]


def test_a_system_only_leads_to_tasks_when_it_fits_better_than_they_do(store: Any) -> None:
    # "løn" names the payroll task itself (and the payroll system, OPUS løn): no detour.
    assert not store.owners("løn", as_of=AFTER_MERGER)[0].notes
    # "facebook" is read as "web" (one synonym group), which "Politiker Web" holds; the
    # communication task fits as well, and the agenda task does not come in through the system.
    answer = store.owners("facebook", as_of=AFTER_MERGER)
    assert [a.task.id for a in answer] == ["task:kommunikation"]
    # Aula is supported by a unit, but no task uses it: it answers nothing.
    assert store.owners("hvem har ansvaret for Aula?", as_of=AFTER_MERGER) == []


@pytest.mark.parametrize(("question", "named", "said"), [
    ("hvor tit mødes ØS-IT?", "forum:os-it-screening", "Mødes: hver 14. dag."),
    ("how often does the finance committee meet?", "body:okonomiudvalget",
     "Modellen angiver ikke, hvor ofte den mødes."),
])
def test_how_often_something_meets_is_its_hint(store: Any, question: str, named: str,
                                              said: str) -> None:
    # The data says ØS-IT meets every other week; the question met a stray task, and the
    # forum's hint left it out.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == named
    assert said in hint.text("da")
    # ... in English on English pages ("Meets: hver 14. dag." was Danish there)
    if named == "forum:os-it-screening":
        assert "Meets: every other week." in hint.text("en")
    # A meeting without a word of when is work: servicing the committee's meetings.
    assert first_task(store, "hvem betjener møderne i ØU?") == ["task:udvalgsbetjening"]


@pytest.mark.parametrize("question", ["hvem ledede Organisation og Politik?",
                                      "who headed Organisation and Politics?"])
def test_a_node_of_today_asked_of_a_day_before_it_says_when_it_holds(
        store: Any, question: str) -> None:
    # Asked of 2022, before the merger, the unit was not found on that day: a stray staff
    # task answered, or a former unit its description mentions it in.
    before = date(2022, 7, 1)
    results = store.owners(question, limit=3, as_of=before)
    found, hint = answers_and_hint(store, question, results, as_of=before)
    assert found == [] and hint is not None and hint.not_on_date
    assert hint.node.id == "unit:organisation-og-politik" and hint.relations == []
    assert hint.holds_from == date(2023, 1, 1)
    assert "Den gælder ikke pr. 2022-07-01, men fra 2023-01-01." in hint.text("da")
    # On a day it holds, its hint is the usual one.
    now = node_hint(store, question, as_of=AFTER_MERGER)
    assert now is not None and not now.not_on_date and now.relations


@pytest.mark.parametrize(("question", "post", "sits_in"), [
    ("which committees does the head of Finance and Staff attend?", CHIEF, "forum:chefforum"),
    ("hvilke fora sidder borgmesteren i?", "post:borgmester", "body:okonomiudvalget"),
    ("hvilke udvalg deltager kommunaldirektøren i?", "post:kommunaldirektor",
     "forum:direktorforum"),
    # round 13: every forum was listed (the title and "sit" are words of a list's frame too),
    # and "in" last was read as what lies in the mayor (none)
    ("which fora does the municipal director sit in", "post:kommunaldirektor",
     "forum:direktorforum"),
    ("which forums is the mayor in?", "post:borgmester", "body:okonomiudvalget"),
    ("hvilke udvalg er borgmesteren med i?", "post:borgmester", "body:okonomiudvalget")])
def test_what_a_post_sits_in_is_said_first(store: Any, question: str, post: str,
                                           sits_in: str) -> None:
    # "which committees does the head of Finance and Staff attend?" answered with the task of
    # servicing the committees.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == post
    assert hint.asked_line == "sits"
    assert hint.text_da.startswith(f"{hint.node.name} sidder i eller deltager i: ")
    first = hint.text_da.split(". ")[0]
    assert store.node(sits_in, as_of=AFTER_MERGER).name in first
    # Who sits in a committee is still its members.
    _, members = answered(store, "hvem sidder i Økonomiudvalget?")
    assert members is not None and members.node.id == "body:okonomiudvalget"


@pytest.mark.parametrize(("question", "named"), [
    ("hvem er borgmester?", "post:borgmester"), ("who is the mayor?", "post:borgmester"),
    ("hvem leder IT og Digitalisering?", "unit:it-og-digitalisering"),
    ("who leads the Finance Committee?", "body:okonomiudvalget")])
def test_tasks_far_below_a_node_named_whole_are_stray(store: Any, question: str,
                                                      named: str) -> None:
    # "hvem er borgmester?" gave two tasks at 0.45 whose texts mention the mayor, beside the
    # mayor's hint: a client showing the tasks first showed the wrong answer.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == named
    # Tasks the question names as well as the node stay ("who is KMD?": what it supplies).
    assert answered(store, "who is KMD?")[0]


@pytest.mark.parametrize(("question", "named", "task", "holder"), [
    ("hvad er Økonomi og Stabs opgaver?", "unit:okonomi-og-stab", "task:lon",
     "unit:organisation-og-politik"),
    ("what are the tasks of Finance and Staff?", "unit:okonomi-og-stab", "task:it-support",
     "unit:it-og-digitalisering"),
    ("hvilke opgaver har IT og Digitalisering?", "unit:it-og-digitalisering", "task:it-support",
     None),
    ("hvilke opgaver har chefen for Økonomi og Stab?", CHIEF, "task:lon",
     "unit:organisation-og-politik"),
])
def test_the_tasks_of_a_unit_or_post_are_those_under_it(store: Any, question: str, named: str,
                                                        task: str, holder: str | None) -> None:
    # "hvad er Økonomi og Stabs opgaver?" gave the department's hint: its leader and units,
    # and none of its tasks (its units hold them all).
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.asked_tasks
    assert hint.node.id == named
    held = {r.node.id: r for r in hint.relations}
    assert task in held and all(r.type is EdgeType.RESPONSIBLE_FOR for r in held.values())
    assert (held[task].via.id if held[task].via else None) == holder
    names = [r.node.name for r in hint.relations]
    assert names == sorted(names, key=fold)  # alphabetical, each once
    # One task's owner is no list: "hvem har ansvaret for opgaven løn?" names payroll.
    assert first_task(store, "hvem har ansvaret for opgaven løn?") == ["task:lon"]


@pytest.mark.parametrize(("question", "listing", "among", "not_among"), [
    ("hvilke udvalg er der?", "committees", "body:okonomiudvalget", "body:kommunalbestyrelsen"),
    ("what fora are there?", "fora", "forum:ledelsesteam-okonomi-og-stab", None),
    ("hvilke afdelinger er der?", "departments", "unit:okonomi-og-stab",
     "unit:it-og-digitalisering"),
    ("list all units", "units", "unit:it-og-digitalisering", None),
    # how many there are: a count asks for the list too ("how many departments are there?"
    # met the payroll task)
    ("how many departments are there?", "departments", "unit:okonomi-og-stab", None),
    ("hvor mange udvalg er der?", "committees", "body:okonomiudvalget", None),
    # the new chief's: "hvilke initiativer kører?" met two tasks as weak matches, and
    # initiatives lie under no unit (each is listed by its own record)
    ("hvilke initiativer kører?", "initiatives", "initiative:erp-udbud-ishoj", None),
    ("hvor mange initiativer er der?", "initiatives", "initiative:erp-udbud-ishoj", None),
    ("hvad hedder direktørområderne?", "directorates", "unit:direktoromrade-2",
     "unit:okonomi-og-stab"),
    ("which director areas are there?", "directorates", "unit:direktoromrade-1", None),
    ("hvilke teams er der?", "teams", "unit:organisation-og-politik-team-1",
     "unit:organisation-og-politik"),
    ("hvilke IT-systemer findes der?", "systems", "system:opus-lon", "task:lon"),
    # what the data only assumes: it met IT security ("usikkert" half met "sikkerhed")
    ("hvad er usikkert i data?", "uncertain", "unit:organisation-og-politik-team-1",
     "body:okonomiudvalget"),
    ("what is uncertain in the model?", "uncertain", "post:leder-stabsfunktion",
     "post:borgmester"),
    # the municipality's own name and words say where: "how many departments does albertslund
    # have" counted the four right under it (the director areas among them)
    ("how many departments does albertslund have", "departments", "unit:dagtilbud",
     "unit:direktoromrade-1"),
    ("hvilke systemer har kommunen?", "systems", "system:aula", None),
    ("hvor mange stående udvalg er der", "committees", "body:okonomiudvalget",
     "body:kommunalbestyrelsen"),
])
def test_which_of_a_kind_there_are_is_a_list(store: Any, question: str, listing: str,
                                             among: str, not_among: str | None) -> None:
    # "hvilke udvalg er der?" met the task of servicing the committees; the fora under Økonomi
    # og Stab are listed with those under the municipality (at any depth).
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.listing == listing
    listed = [r.node.id for r in hint.relations]
    assert among in listed and not_among not in listed
    # A kind's word alone is searched for, as before; with a place named, what lies there.
    assert first_task(store, "udvalg") == ["task:udvalgsbetjening"]
    there = node_hint(store, "hvilke enheder er der i Økonomi og Stab?", as_of=AFTER_MERGER)
    assert there is not None and there.listing is None
    # The list says how many it holds.
    assert hint.text("da").split(": ")[0].endswith(f" ({len(listed)})")


def test_a_list_says_how_sure_each_is_by_the_less_sure_of_record_and_place(store: Any) -> None:
    # The generality probe: a team whose name is an assumption (its record: low) was listed
    # as its PART_OF edge says (high).
    teams = answered(store, "hvilke teams er der?")[1]
    assert {r.confidence.value for r in teams.relations} == {"low"}
    assert "Team 1 i Organisation og Politik (navn ikke bekræftet) (sikkerhed: lav, kilde: " \
        "assumption)" in teams.text("da")
    committees = {r.node.id: r for r in answered(store, "hvilke udvalg er der?")[1].relations}
    assert committees["body:okonomiudvalget"].confidence.value == "high"


def test_initiatives_under_way_and_the_status_of_one(store: Any) -> None:
    # Leadership's and the generality probe: "hvilke initiativer kører?" listed a completed
    # merger; "hvad er status på letbanen?" met payroll by "status".
    running = answered(store, "hvilke initiativer kører?")[1]
    every = answered(store, "hvilke initiativer er der?")[1]
    assert running.listing_running and not every.listing_running
    assert running.text("da").startswith("Initiativer i gang i Albertslund Kommune (")
    assert {r.node.id for r in running.relations} < {r.node.id for r in every.relations}
    statuses = {r.node.id: store.node(r.node.id, as_of=AFTER_MERGER).attributes.get("status")
                for r in every.relations}
    assert {statuses[r.node.id] for r in running.relations} <= {"active", None}
    assert "completed" in statuses.values()
    results, hint = answered(store, "hvad er status på letbanen?")
    assert not results and hint is not None and hint.node.id == "initiative:hersted-letbane"
    assert " Status: i gang." in hint.text("da") and " Status: under way." in hint.text("en")
    # a list of a kind with no status is no list "under way"
    assert not answered(store, "hvilke aktive udvalg er der?")[1].listing_running


@pytest.mark.parametrize("question", ["hvad er mine opgaver", "what are my tasks",
                                      "hvad er mit ansvar?", "hvad har jeg ansvaret for?",
                                      "what am I responsible for?"])
def test_the_askers_own_tasks_are_a_question_about_the_asker(store: Any, question: str) -> None:
    # Leadership's third probe: "hvad er mine opgaver" met budgets as a weak match.
    assert answered(store, question) == ([], None)
    advice = ask_instead(question)
    assert advice is not None and advice.code == "asks_about_self"


@pytest.mark.parametrize("question", ["hvem er mine direkte underordnede?",
                                      "hvem er mine underordnede", "who are my subordinates?"])
def test_the_askers_subordinates_are_a_question_about_the_asker(store: Any,
                                                                question: str) -> None:
    # The new chief's probe: "hvem er mine direkte underordnede?" was told it looked like the
    # KLE topic of direct exports; "hvem er mine medarbejdere?" was already understood.
    assert answered(store, question) == ([], None)
    advice = ask_instead(question)
    assert advice is not None and advice.code == "asks_about_self"


@pytest.mark.parametrize(("question", "first"), [
    ("hvad beslutter ØU selv", "Økonomiudvalget beslutter: Kasse- og regnskabsvæsen"),
    ("what does the Digitalisation Council decide?",
     "Digitaliseringsrådet beslutter: Nye digitale løsninger og teknologier"),
    ("hvad beslutter Chefforum?", "Data siger ikke, hvad Chefforum beslutter.")])
def test_what_a_body_or_forum_decides_is_said_first(store: Any, question: str,
                                                    first: str) -> None:
    # Leadership's third probe: "hvad beslutter ØU selv" met the servicing of the committee;
    # the data's DECIDES out of a body or forum was in no hint.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.text("da").startswith(first)
    # who decides something is still asked of what is decided
    assert answered(store, "hvem bestemmer over letbanen?")[1].node.id == \
        "initiative:hersted-letbane"


@pytest.mark.parametrize("question", ["hvad leverer KMD til os", "who does KMD supply",
                                      "what does KMD deliver?"])
def test_what_an_outside_party_supplies_is_its_hint(store: Any, question: str) -> None:
    # Leadership's third probe: these met the set-up of the finance systems (a task using a
    # KMD system), with no word of what KMD supplies.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == "org:kmd"
    assert (EdgeType.SUPPLIES, True) in [(r.type, r.outward) for r in hint.relations]


@pytest.mark.parametrize(("question", "system", "first"), [
    ("hvem leverer OPUS?", "system:opus-lon", "OPUS løn leveres af: KMD"),
    ("who supplies OPUS", "system:opus-lon", "OPUS løn leveres af: KMD"),
    ("hvem leverer det nye økonomisystem", "system:kmd-okonomi-og-lonsystem",
     "Nyt økonomi- og lønsystem (KMD) leveres af: KMD"),
    ("hvem leverer rollebi", "system:rollebi",
     "Data nævner ingen leverandør af Rollebaseret Indgang (RolleBi).")])
def test_who_supplies_a_system_a_task_uses_is_said_first(store: Any, question: str,
                                                         system: str, first: str) -> None:
    # Leadership's fourth probe: "hvem leverer opus" answered payroll, which uses it, with
    # KMD only in its "Bruger:" line.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == system
    assert hint.text("da").startswith(first)


def test_what_a_system_a_task_uses_is_said_beside_the_task(store: Any) -> None:
    # Leadership's fourth probe: "hvad er RolleBi" answered bookkeeping alone (its score was
    # the system's), and no word of what the system is.
    for question in ("hvad er RolleBi?", "what is OPUS"):
        results, hint = answered(store, question)
        assert hint is not None and hint.node.kind is Kind.SYSTEM, question
        assert results, question  # the task that uses it, beside
    said = answered(store, "what is OPUS")[1].text("en")
    assert said.startswith("OPUS payroll is a system. The municipality's payroll system.")
    assert "Used by: Payroll" in said and "no task" not in said
    # A name alone still asks for the task that uses it
    assert answered(store, "OPUS")[1] is None


@pytest.mark.parametrize(("question", "named"), [
    ("ØUs medlemmer", "body:okonomiudvalget"), ("KB's medlemmer", "body:kommunalbestyrelsen"),
    ("hvem er ØS's chef", "post:chef-okonomi-og-stab")])
def test_an_abbreviations_genitive_names_the_abbreviation(store: Any, question: str,
                                                            named: str) -> None:
    # Leadership's fourth probe: "ØUs medlemmer" met the quality assurance of political
    # cases: "ØUs" folded to "ous", no word of anything.
    text = read_date(question, AFTER_MERGER, date.today()).text
    hint = answered(store, text)[1]
    assert hint is not None and hint.node.id == named


@pytest.mark.parametrize(("question", "first"), [
    ("hvor mange fagsystemer har vi", "Fagsystemer (400+): over 400 systemer."),
    ("how many specialist systems do we have", "Fagsystemer (400+): over 400 systemer."),
    ("hvor mange computere har medarbejderne", "Devices til medarbejdere: ca. 3.000 enheder."),
    ("how many devices do the staff have", "Devices til medarbejdere: ca. 3.000 enheder.")])
def test_the_size_of_what_a_task_uses_is_said_where_its_record_counts_it(
        store: Any, question: str, first: str) -> None:
    # Leadership's fourth probe: "hvor mange fagsystemer har vi" answered access to the
    # systems, with "400+" in its description only; and the staff's devices were said with
    # "the model gives no number of staff" first, though the devices were asked for.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.text("da").startswith(first)


@pytest.mark.parametrize("question", ["hvem vedtog visionen", "hvem har vedtaget vision 2030",
                                      "who adopted the vision"])
def test_who_adopted_a_policy_names_the_policy(store: Any, question: str) -> None:
    # Leadership's fourth probe: "vedtog" was no word of deciding, and "hvem vedtog visionen"
    # met the approval of the annual accounts.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == "policy:vision-2022-2030"
    assert any(r.type is EdgeType.DECIDES and r.node.id == "body:kommunalbestyrelsen"
               for r in hint.relations)
    # ... and the budget's adoption is still asked of its task
    assert first_task(store, "hvem vedtager budgettet") == ["task:budgetvedtagelse"]


@pytest.mark.parametrize("question", ["how many council members are there",
                                      "how many members does the council have",
                                      "hvor mange medlemmer er der i kommunalbestyrelsen"])
def test_the_verbs_of_a_size_question_name_nothing(store: Any, question: str) -> None:
    # Leadership's fourth probe: "how many council members are there" met the support of the
    # council (a task): "are" and "there" were words to find, and the council fit at 0.14.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.text("en").startswith(
        "Municipal Council: 21 members.")


@pytest.mark.parametrize(("question", "named"), [
    ("hvem deltager i ØU møderne", "body:okonomiudvalget"),
    ("hvem deltager i møderne i Økonomiudvalget", "body:okonomiudvalget"),
    ("who takes part in the meetings of Chefforum", "forum:chefforum")])
def test_who_takes_part_in_its_meetings_takes_part_in_it(store: Any, question: str,
                                                          named: str) -> None:
    # Leadership's fourth probe: "hvem deltager i ØU møderne" met the servicing of the
    # committees' meetings ("møderne" was a word to find the committee by).
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == named


@pytest.mark.parametrize(("question", "head"), [
    ("hvem eskalerer jeg til hvis IT ikke svarer", "post:enhedsleder-it-og-digitalisering"),
    ("who do I escalate to if IT doesn't respond", "post:enhedsleder-it-og-digitalisering"),
    ("who do I escalate to in Finance and Procurement", "post:enhedsleder-okonomi-og-indkob"),
    # without the word, and a post named by its own words (the round 14 probe: no answer)
    ("hvis enhedslederen for OP ikke svarer, hvem går jeg så til",
     "post:enhedsleder-organisation-og-politik"),
    ("if the OP unit head doesn't answer, who do I go to",
     "post:enhedsleder-organisation-og-politik"),
    # ... and no condition, no verb of going: someone silent, and who is next (round 15)
    ("IT-chefen vender ikke tilbage, hvem er den næste jeg kan kontakte",
     "post:enhedsleder-it-og-digitalisering"),
    ("the head of finance and procurement isn't getting back to me, who is above her",
     "post:enhedsleder-okonomi-og-indkob")])
def test_whom_to_escalate_to_is_the_head_of_the_unit_and_their_superior(
        store: Any, question: str, head: str) -> None:
    # Leadership's fourth probe: "hvem eskalerer jeg til hvis IT ikke svarer" answered IT
    # security, the chain only in its "Eskalation:" line.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == head
    assert hint.text("da").split(" (sikkerhed")[0].endswith(
        "refererer til Chef for Økonomi og Stab")
    # ... something that does not work is not someone who does not answer: IT's tasks
    assert answered(store, "hvis IT ikke virker, hvem kontakter jeg")[1] is None
    # ... a task named is asked of the task, whose answer holds its escalation
    assert first_task(store, "hvem eskalerer jeg til hvis lønkontoret ikke svarer") == [
        "task:lon"]


@pytest.mark.parametrize(("question", "task"), [
    ("who handles the budget if the finance chief is not there", "task:okonomistyring"),
    ("who approves IT projects if the council does not", "task:nye-digitale-losninger"),
    ("who is there for payroll", "task:lon")])
def test_if_there_and_not_are_no_words_to_find(store: Any, question: str, task: str) -> None:
    # "if", "there" and "not" were words to find, as "hvis", "der" and "ikke" were not: they
    # met nothing (or "(name not confirmed)"), and a task met by all the question's words was
    # said to be a weak match, met by only a part of it.
    results = answered(store, question)[0]
    assert [r.task.id for r in results][:1] == [task]
    assert not any(n.code == "weak_match" for n in results[0].notes)


@pytest.mark.parametrize("question", ["hvem står for lønudbetaling til medarbejderne",
                                      "who handles payroll for staff", "løn til de ansatte"])
def test_the_staffs_pay_is_payroll_not_staff_matters(store: Any, question: str) -> None:
    # Leadership's fifth probe: "medarbejderne" and "staff" met "personale" in the staff
    # matters the Finance Committee is accountable for, which came before payroll.
    assert first_task(store, question) == ["task:lon"]
    assert first_task(store, "hvem har ansvaret for personaleforhold") == [
        "task:lon-og-personaleforhold"]


@pytest.mark.parametrize(("question", "named"), [
    ("CIO albertslund", "post:enhedsleder-it-og-digitalisering"),
    ("mayor albertslund", "post:borgmester"), ("borgmester Albertslund", "post:borgmester"),
    # after a verb the municipality is what is asked about
    ("hvor mange indbyggere har albertslund", "org:albertslund-kommune")])
def test_the_municipalitys_name_after_what_it_places_only_says_where(
        store: Any, question: str, named: str) -> None:
    # Leadership's fifth probe: "CIO albertslund" and "mayor albertslund" met the adoption of
    # the budget, whose text says "I Albertslund"; "CIO i Albertslund" was already read so.
    read = asked_here(store, read_date(question, None, AFTER_MERGER))
    results, hint = answered(store, read.text)
    assert not results and hint is not None and hint.node.id == named


@pytest.mark.parametrize("question", ["hvor mange indbyggere er der i albertslund",
                                      "how many nationalities in albertslund",
                                      "hvor mange nationaliteter er der?",
                                      # leadership's sixth probe: "bor" was a word to find
                                      "hvor mange nationaliteter bor her",
                                      "how many people live in albertslund"])
def test_a_count_only_the_municipality_holds_is_its_own(store: Any, question: str) -> None:
    # Leadership's fifth probe: "indbyggere" met citizen involvement, once "i albertslund" was
    # read as where; "nationalities" was no noun of a count, and nothing answered.
    read = asked_here(store, read_date(question, None, AFTER_MERGER))
    results, hint = answered(store, read.text)
    assert not results and hint is not None and hint.node.id == "org:albertslund-kommune"
    assert hint.text("da").startswith("Albertslund Kommune: ca. 28.000 indbyggere, 106 ")
    # ... a count it does not hold is not read as its own
    members = answered(store, "hvor mange medlemmer er der?")[1]
    assert members is None or members.node.id != "org:albertslund-kommune"


@pytest.mark.parametrize("question", ["hvem godkender it-projekter",
                                      "who approves new IT projects",
                                      "hvem beslutter nye it-systemer?"])
def test_who_approves_a_task_is_the_one_that_decides_it_said_first(store: Any,
                                                                  question: str) -> None:
    # Leadership's fifth probe: "hvem godkender it-projekter" was answered by IT, accountable
    # for new digital solutions; the Digitalisation Council only in its "Besluttes af" line.
    results, hint = answered(store, question)
    assert results and results[0].task.id == "task:nye-digitale-losninger"
    assert hint is not None and hint.node.id == "forum:digitaliseringsradet"
    assert hint.text("da").startswith(
        "Digitaliseringsrådet beslutter: Nye digitale løsninger og teknologier (")
    # ... an invoice approved is still bookkeeping, and the council that approves the
    # accounts, accountable for it, is said by its "A"
    assert first_task(store, "hvem godkender fakturaer?") == ["task:bogholderi"]
    assert answered(store, "hvem godkender årsregnskabet")[1] is None


@pytest.mark.parametrize("word", ["årsregnskab", "godkendelse af årsregnskab", "lön"])
def test_a_letter_written_with_a_combining_mark_is_the_letter(store: Any, word: str) -> None:
    # The API client's probe: "a\u030arsregnskab" (NFD, as pasted from macOS) met the tasks at
    # 0.52, split at the mark, where "årsregnskab" met them at 0.86; "lo\u0308n" met nothing.
    decomposed = unicodedata.normalize("NFD", word)
    assert decomposed != word
    composed = store.owners(word, limit=3, as_of=AFTER_MERGER)
    assert [(r.task.id, r.score) for r in store.owners(decomposed, limit=3, as_of=AFTER_MERGER)
            ] == [(r.task.id, r.score) for r in composed]
    assert first_task(store, unicodedata.normalize("NFD", "lön")) == ["task:lon"]


@pytest.mark.parametrize(("question", "system", "first"), [
    ("hvem drifter Politiker Web", "system:politiker-web",
     "Politiker Web drives af: Organisation og Politik ("),
    ("politikerweb hvem drifter", "system:politiker-web",
     "Politiker Web drives af: Organisation og Politik ("),
    ("who runs RolleBi", "system:rollebi", "Rollebaseret Indgang (RolleBi) drives af: ")])
def test_who_runs_a_system_a_task_uses_is_said_first(store: Any, question: str, system: str,
                                                     first: str) -> None:
    # Leadership's fifth probe: "politikerweb hvem drifter" met IT support by "drifter"; "hvem
    # drifter Politiker Web" answered the task that uses it, whose "A" happened to run it.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == system
    assert hint.text("da").startswith(first)
    # ... one no one is said to run is asked of the task that uses it, as before
    assert first_task(store, "hvem drifter OPUS") == ["task:lon"]


@pytest.mark.parametrize(("question", "task"), [
    ("økonomistyring ØS", "task:okonomistyring"),
    ("hvem har ansvaret for økonomistyring i ØS", "task:okonomistyring"),
    ("hvem står for løn i Organisation og Politik", "task:lon"),
    ("løn OP", "task:lon"), ("indkøb i ØI", "task:indkob"),
    # round 10: "økonomistyring" is an alias of Økonomi og Indkøb as well as its task's name
    ("økonomistyring ØI", "task:okonomistyring")])
def test_a_task_asked_of_the_unit_that_holds_it_is_the_task(store: Any, question: str,
                                                            task: str) -> None:
    # Leadership's fifth probe: "økonomistyring ØS" was answered by the department alone (its
    # name fit 0.75, the task 0.25); "hvem står for løn i Organisation og Politik" put the
    # unit first and the staff matters it only carries out before payroll.
    results, hint = answered(store, question)
    assert hint is None and [r.task.id for r in results][:1] == [task]
    # ... a question of another frame about the unit is still the unit's
    for other in ("hvem leder ØS", "hvilke enheder har ØS", "hvor mange ansatte har OP"):
        assert answered(store, other)[1] is not None, other


@pytest.mark.parametrize(("question", "named"), [
    ("hvad hedder enhedslederen for ØI", "post:enhedsleder-okonomi-og-indkob"),
    ("hvad hedder borgmesteren", "post:borgmester")])
def test_what_a_post_is_called_is_its_hint(store: Any, question: str, named: str) -> None:
    # Leadership's sixth probe: "hedder" was a word to find, met in "IT-sikkerhed", and IT
    # security answered; the post's hint says who holds it, or that the data names no one.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == named
    assert " Besat af: " in hint.text("da")


@pytest.mark.parametrize(("question", "named"), [
    ("hvem er med i letbaneprojektet", "initiative:hersted-letbane"),
    ("nyt plejecenter projekt hvem", "initiative:nyt-plejecenter")])
def test_an_initiative_called_a_project_is_the_initiative(store: Any, question: str,
                                                          named: str) -> None:
    # Leadership's probes: "projekt" met the new digital solutions' "IT-projekter" and the
    # organisational development projects; the initiative was not named.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == named


def test_the_chiefs_tasks_asked_with_the_acronym_apart(store: Any) -> None:
    # Leadership's sixth probe: "ØS chefens opgaver" met the specialist systems; "ØS-chefens"
    # (one word) was understood.
    hint = answered(store, "ØS chefens opgaver")[1]
    assert hint is not None and hint.node.id == CHIEF and hint.asked_tasks


@pytest.mark.parametrize("question", ["kontrakt", "who handles contracts"])
def test_contracts_are_the_contract_managers(store: Any, question: str) -> None:
    # The intranet probe: "kontrakt" met the access to the specialist systems and IT support
    # (read as a typo of "kontakt"); the contract manager was never named.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == "post:kontraktansvarlig"


def test_who_supports_the_directors_is_their_support(store: Any) -> None:
    # Leadership's fifth probe: "hvem støtter direktionen" was told it looked like the KLE
    # topic of direct support to farmers ("støtter" met nothing of "Understøttelse").
    assert first_task(store, "hvem støtter direktionen") == [
        "task:understottelse-direktion-og-kb"]


@pytest.mark.parametrize("question", ["list the units in finance and staff",
                                      "vis enhederne i Økonomi og Stab"])
def test_a_request_to_list_what_lies_under_something_is_answered_by_it(
        store: Any, question: str) -> None:
    # Leadership's fourth probe: "list the units in finance and staff" met staff matters
    # ("list" and "the" were words to find Finance and Staff by, and its leadership team won).
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == "unit:okonomi-og-stab"


def test_a_task_met_by_its_own_words_comes_before_one_met_through_kle(store: Any) -> None:
    # The generality probe: "hvem har ansvaret for snerydning?" answered the aids of a KLE
    # topic whose keywords hold the word (0.73) before winter service (0.72), whose own
    # description says it; here organisational development (0.36) came after the staff
    # matters met only through KLE's topic (0.50).
    results = answered(store, "who handles leadership development?")[0]
    assert [r.task.id for r in results][:2] == ["task:tvaergaende-organisationsudvikling",
                                                 "task:lon-og-personaleforhold"]
    assert any(n.code == "kle_nearest" for n in results[1].notes)
    # ... but a task met much less well keeps its place ("hvem kan nulstille min kode?")
    assert first_task(store, "hvem kan nulstille min kode?") != ["task:hr"]


@pytest.mark.parametrize(("question", "title", "posts"), [
    ("hvor mange direktører har vi", "Direktører", {"post:kommunaldirektor", "post:direktor-1",
                                                    "post:direktor-2"}),
    ("how many directors are there", "Direktører", {"post:kommunaldirektor", "post:direktor-1",
                                                    "post:direktor-2"}),
    ("hvilke enhedsledere er der?", "Enhedsledere", {
        "post:enhedsleder-it-og-digitalisering", "post:enhedsleder-okonomi-og-indkob",
        "post:enhedsleder-organisation-og-politik"})])
def test_the_posts_of_a_title_are_listed(store: Any, question: str, title: str,
                                         posts: set[str]) -> None:
    # Leadership's fifth probe: "hvor mange direktører har vi" named one director and said
    # the model gives no size; three posts are directors (the municipal director too).
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.listing is not None
    assert {r.node.id for r in hint.relations} == posts
    assert hint.text("da").startswith(f"{title} i Albertslund Kommune ({len(posts)}): ")
    chiefs = answered(store, "hvor mange chefer er der?")[1]
    assert chiefs is not None and CHIEF in {r.node.id for r in chiefs.relations}
    assert all(r.node.name.startswith("Chef for ") for r in chiefs.relations)



@pytest.mark.parametrize(("question", "node", "first"), [
    ("hvor mange teams er der i organisation og politik", "unit:organisation-og-politik",
     "Organisation og Politik har 4 teams i data: "),
    ("hvor mange stående udvalg har kommunalbestyrelsen", "body:kommunalbestyrelsen",
     "Kommunalbestyrelsen har 6 udvalg i data: "),
    ("hvor stor er økonomi og stab målt i medarbejdere", "unit:okonomi-og-stab",
     "Økonomi og Stab: ca. 75 medarbejdere."),
    ("how many unit heads are there in Økonomi og Stab", "unit:okonomi-og-stab",
     "Enhedsledere i Økonomi og Stab (3): "),
    # "O&P" is "OP" (leadership's eighth probe: no answer)
    ("hvor mange teams har O&P", "unit:organisation-og-politik",
     "Organisation og Politik har 4 teams i data: ")])
def test_how_many_is_answered_by_the_count_whatever_words_surround_it(
        store: Any, question: str, node: str, first: str) -> None:
    # Leadership's seventh probe: "hvor mange … er der i" read "hvor" as where (the team
    # leader's place answered), "stående udvalg" met the servicing of the standing
    # committees, "målt" a stray task, and "unit heads" the leadership team, chief and all.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == node, hint
    assert hint.text("da").startswith(first)


@pytest.mark.parametrize(("question", "node", "first"), [
    # filler words and "nowadays" (leadership's eighth probe: a task of servicing the
    # directors answered, by "egentlig" and "dage")
    ("hvem er egentlig med i direktørforummet", "forum:direktorforum",
     "Direktørforum er et forum"),
    ("hvad laver chefforum egentlig", "forum:chefforum", "Chefforum er et forum"),
    # a group of stakeholders its record counts (the oversight of the administration answered)
    ("hvor mange foreninger er der", "stakeholder:foreninger", "Foreninger: over 300."),
    ("how many associations are there", "stakeholder:foreninger", "Foreninger: over 300."),
    # ... the municipality's staff, as its group of stakeholders counts them (the head of a
    # staff function answered, that the model gives no size)
    ("how many staff", "stakeholder:medarbejdere", "Medarbejdere: ca. 3.000."),
    # round 13: no answer
    ("what's the headcount of the municipality", "stakeholder:medarbejdere",
     "Medarbejdere: ca. 3.000."),
    ("hvad er medarbejdertallet i kommunen", "stakeholder:medarbejdere",
     "Medarbejdere: ca. 3.000."),
    ("what is the headcount of Finance and Staff", "unit:okonomi-og-stab",
     "Økonomi og Stab: ca. 75 medarbejdere."),
    # leadership's ninth probe: "folk", "tæller", "samlet set", "albertslunds", "sad som"
    ("hvilke folk er med i direktørforum egentlig", "forum:direktorforum",
     "Direktørforum er et forum"),
    ("foreningslivet – hvor mange foreninger tæller det", "stakeholder:foreninger",
     "Foreninger: over 300."),
    ("hvor mange ansatte er der samlet set", "stakeholder:medarbejdere",
     "Medarbejdere: ca. 3.000."),
    # (which of them said first, since leadership's tenth probe)
    ("which standing committees does the council have", "body:kommunalbestyrelsen",
     "Kommunalbestyrelsen har 6 udvalg i data: Børne- og Skoleudvalget")])
def test_what_surrounds_a_name_leaves_it_named(store: Any, question: str, node: str,
                                               first: str) -> None:
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == node, hint
    assert hint.text("da").startswith(first)


def test_mileage_by_any_of_its_names_is_payroll(store: Any) -> None:
    # Leadership's seventh probe: "kørepenge" (the task's alias "kørselsgodtgørelse" in
    # other words) met bookkeeping by "betaler".
    assert first_task(store, "kørepenge, hvem betaler dem ud") == ["task:lon"]
    assert first_task(store, "who pays mileage") == ["task:lon"]


@pytest.mark.parametrize(("question", "unit", "posts"), [
    ("hvilke enhedsledere er der i ØS?", "unit:okonomi-og-stab", {
        "post:enhedsleder-it-og-digitalisering", "post:enhedsleder-okonomi-og-indkob",
        "post:enhedsleder-organisation-og-politik"}),
    ("hvor mange teamledere er der i Organisation og Politik?",
     "unit:organisation-og-politik", {"post:teamleder-organisation-og-politik"}),
    ("hvilke chefer er der i Økonomi og Stab", "unit:okonomi-og-stab", {CHIEF})])
def test_the_posts_of_a_title_in_a_unit_are_listed(store: Any, question: str, unit: str,
                                                   posts: set[str]) -> None:
    # "hvilke enhedsledere er der i ØS?" got no answer: the unit's name kept it from being
    # the list of a title, and no task or node met "enhedsledere ØS".
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.listing is not None
    assert hint.node.id == unit and {r.node.id for r in hint.relations} == posts
    assert f"i {hint.node.name} ({len(posts)}): " in hint.text("da")
def test_a_list_says_what_its_records_note(store: Any) -> None:
    # The new chief's probe: eight departments where the seed names seven, and the committees
    # of the 2018–2021 term listed as today's, with no word of what their records note.
    departments = answered(store, "hvilke afdelinger er der?")[1]
    said = departments.text("da")
    assert " Bemærk: " in said and "så mindst ét navn er forældet." in said
    [shared] = [g for g in departments.listing_notes if g.note.startswith("Navn fra afdelings")]
    assert len(shared.nodes) > 1 and said.count("Navn fra afdelingslisten 2014") == 1
    committees = answered(store, "hvilke udvalg er der?")[1].text("en")
    assert " Note: " in committees and "Set i valgperioden 2018–2021" in committees


@pytest.mark.parametrize("question", ["hvor mange enheder har Økonomi og Stab?",
                                      "how many units does Finance and Staff have?",
                                      # "ØS" in capitals is no stopword "os": it listed the
                                      # municipality's 18 units
                                      "hvor mange enheder har ØS"])
def test_how_many_of_a_kind_lie_under_a_unit_is_said_first(store: Any, question: str) -> None:
    # It was answered by the department's staff, "Størrelse: ca. 75 medarbejdere", with its
    # units named in the middle of the hint, uncounted.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == "unit:okonomi-og-stab"
    assert hint.text("da").startswith("Økonomi og Stab har 3 enheder i data: IT og Digitalisering")
    assert hint.text("en").startswith("Finance and Staff has 3 units in the data: ")


def test_a_service_goal_is_said_in_the_language_asked(store: Any) -> None:
    # English answers said the payroll's service goal in Danish: the data had no English.
    from orgmodel.task_facts import task_facts

    facts = task_facts(store, "task:lon", as_of=AFTER_MERGER)
    english, danish = dict(facts.lines("en")), dict(facts.lines("da"))
    assert english["Service goal"].startswith("Letter of employment and registration")
    assert danish["Servicemål"].startswith("Ansættelsesbrev og oprettelse")


def test_a_count_the_record_lacks_is_not_answered_by_another(store: Any) -> None:
    # "hvor mange medarbejdere har kommunen?" said "Størrelse: ca. 28.000 indbyggere", as if
    # the municipality's inhabitants were its staff; then that the model counts no staff,
    # where the data counts them as a group (round 11).
    staff = node_hint(store, "hvor mange medarbejdere har kommunen?", as_of=AFTER_MERGER)
    assert staff is not None and staff.node.id == "stakeholder:medarbejdere"
    assert staff.text("da").startswith("Medarbejdere: ca. 3.000.")
    assert "indbyggere" not in staff.text("da")
    # ... and a unit whose record counts no staff says so
    unit_staff = node_hint(store, "hvor mange ansatte har IT og Digitalisering?",
                           as_of=AFTER_MERGER)
    assert unit_staff is not None
    assert "Modellen angiver ikke antallet af medarbejdere." in unit_staff.text("da")
    assert "The model does not give the number of staff." in unit_staff.text("en")
    people = node_hint(store, "hvor mange indbyggere har kommunen?", as_of=AFTER_MERGER)
    assert people is not None and "angiver ikke antallet" not in people.text("da")
    unit = node_hint(store, "hvor mange ansatte har Økonomi og Stab?", as_of=AFTER_MERGER)
    assert unit is not None and "ca. 75 medarbejdere" in unit.text("da")
    assert "angiver ikke antallet" not in unit.text("da")


def test_a_post_no_one_is_recorded_in_says_so(store: Any) -> None:
    # "hvem er chef for Økonomi og Stab?" named the post and never said that the data names
    # no one in it; the mayor's holder is named.
    chief = node_hint(store, "hvem er chef for Økonomi og Stab?", as_of=AFTER_MERGER)
    assert chief is not None and chief.node.id == CHIEF
    assert "Besat af: ingen person i data." in chief.text("da")
    assert "Held by: no person in the data." in chief.text("en")
    mayor = node_hint(store, "hvem er borgmester?", as_of=AFTER_MERGER)
    assert mayor is not None and "ingen person i data" not in mayor.text("da")


@pytest.mark.parametrize(("question", "named"), [
    ("hvem er med i ØU?", "body:okonomiudvalget"),
    ("who's on the finance committee?", "body:okonomiudvalget"),
    ("hvem er med i direktionen?", "forum:direktorforum"),
    ("who is on the municipal council?", "body:kommunalbestyrelsen"),
])
def test_who_is_in_something_is_asked_of_its_members(store: Any, question: str,
                                                     named: str) -> None:
    # "er med i" and "who's on" have no word of membership: the tasks of servicing the
    # committee or the top management answered alone ("hvem sidder i ØU?" was answered).
    found = node_hint(store, question, as_of=AFTER_MERGER)
    assert found is not None and found.node.id == named
    assert any(r.type in (EdgeType.MEMBER_OF, EdgeType.HEADS) for r in found.relations)
    # Taking part in work is not membership of a body: "med i arbejdet med løn" names no node.
    assert node_hint(store, "hvem er med i arbejdet med løn?", as_of=AFTER_MERGER) is None


@pytest.mark.parametrize(("question", "named"), [
    ("hvem er borgmster?", "post:borgmester"),  # one letter left out
    ("hvem er kommunaldirktøren?", "post:kommunaldirektor"),
    ("hvem er økonmichefen?", CHIEF),  # three edits from "økonomichef"; its stem one
    ("hvem sidder i økonomiudvalgt?", "body:okonomiudvalget"),
])
def test_a_misspelt_name_names_what_it_misspells(store: Any, question: str, named: str) -> None:
    # A word no text writes, one edit from one word the data writes, is read as that word:
    # it met the post at 0.63, under the bar of naming (a typo counted 0.7 of a match).
    found = node_hint(store, question, as_of=AFTER_MERGER)
    assert found is not None and found.node.id == named


@pytest.mark.parametrize("question", [
    # KLE words: "forsaltning" (salt in ground water) is no misspelt "forvaltning", "digitalt"
    # no "digital" (Digitaliseringsrådet); they are read at a typo's strength, naming nothing.
    "hvem står for forsaltning?", "hvem står for digitalt?",
    # short words and another first letter are as often words of their own: "mail" is no
    # "rail" (the light rail), "sneen" (the snow) no "Steen", "beder" no "leder"
    "hvem står for mail?", "hvem står for sneen?", "hvem beder jeg om en ny computer?",
])
def test_a_real_word_is_not_read_as_a_misspelt_name(store: Any, question: str) -> None:
    assert node_hint(store, question, as_of=AFTER_MERGER) is None


def test_a_word_kle_writes_is_known_with_its_compounds() -> None:
    catalogue = load_vocabulary().catalogue
    assert catalogue.knows("forsaltning") and catalogue.knows("grundlov")  # "Grundlovs…"
    assert not catalogue.knows("borgmster")


def test_what_is_not_a_task_is_answered_with_who_is_in_charge_of_it(store: Any) -> None:
    # Both stores give the same hint (it is built on the contract's search and neighbourhood).
    found = node_hint(store, "who is responsible for Aula", as_of=AFTER_MERGER)
    assert found is not None and found.node.id == "system:aula"
    assert [(r.type, r.node.id) for r in found.relations] == [
        (EdgeType.SUPPORTS, "unit:it-og-digitalisering")]
    assert node_hint(store, "hvem ejer RolleBi", as_of=AFTER_MERGER) is None  # a task uses it
    # A task that fits the question well leaves nothing to hint at ("Spilleregler for
    # budgetudarbejdelse …" is a policy, but "budget" asks for the budget task).
    answer = store.owners("budget", as_of=AFTER_MERGER)
    assert answer
    assert answers_and_hint(store, "budget", answer, as_of=AFTER_MERGER) == (answer, None)
    # Who heads a unit, on either side of the merger that created Organisation og Politik.
    head = node_hint(store, "hvem leder Organisation og Politik", as_of=AFTER_MERGER)
    assert head is not None and [(r.type, r.node.id) for r in head.relations][:1] == [
        (EdgeType.HEADS, "post:enhedsleder-organisation-og-politik")]
    # ... and the tasks it is accountable for (A), not those it only carries out or advises on.
    tasks = {r.node.id for r in head.relations if r.type is EdgeType.RESPONSIBLE_FOR}
    assert {"task:lon", "task:hr"} <= tasks and "task:lon-og-personaleforhold" not in tasks
    assert all(r.outward for r in head.relations if r.type is EdgeType.RESPONSIBLE_FOR)
    assert "Ansvarlig for: " in head.text("da") and "Accountable for: " in head.text("en")
    # "boss" and "manager" ask who leads as "leder" does (they met stray tasks).
    boss = node_hint(store, "who is the boss of Finance and Staff?", as_of=AFTER_MERGER)
    assert boss is not None and boss.node.id == "unit:okonomi-og-stab"
    # Before the merger the unit did not hold: it is said so, with none of today's relations.
    before = node_hint(store, "hvem leder Organisation og Politik", as_of=BEFORE_MERGER)
    assert before is not None and before.not_on_date and before.relations == []
    # Another node's id names that node, not the tasks its words meet ("system"); an id no
    # node has names nothing (it met "Budgetter" at 0.05, a wrong owner said with exit 0).
    assert store.owners("system:aula", as_of=AFTER_MERGER) == []
    for unknown in ("task:does-not-exist", "unit:nope"):
        assert store.owners(unknown, as_of=AFTER_MERGER) == []
        assert node_hint(store, unknown, as_of=AFTER_MERGER) is None
    by_id = node_hint(store, "system:aula", as_of=AFTER_MERGER)
    assert by_id is not None and by_id.node.id == "system:aula"
    # Who holds a post, on the date asked about.
    for when, holder in ((AFTER_MERGER, "person:steen-christiansen"),
                         (date(2026, 6, 1), "person:lars-gravgaard-hansen")):
        mayor = node_hint(store, "hvem er borgmester?", as_of=when)
        assert mayor is not None and mayor.node.id == "post:borgmester"
        assert [(r.type, r.node.id) for r in mayor.relations][:1] == [(EdgeType.HOLDS, holder)]
    # A post no one is recorded as holding is named by who reports to it, what it heads,
    # whom it reports to, and the fora and bodies it sits or takes part in ("which fora does
    # the chief sit in?" got a task: the post's hint named none).
    chief = node_hint(store, "hvem er økonomichef?", as_of=AFTER_MERGER)
    assert chief is not None and chief.node.id == "post:chef-okonomi-og-stab"
    assert [(r.type, r.node.id, r.outward) for r in chief.relations][:5] == [
        (EdgeType.REPORTS_TO, "post:enhedsleder-it-og-digitalisering", False),
        (EdgeType.REPORTS_TO, "post:enhedsleder-okonomi-og-indkob", False),
        (EdgeType.REPORTS_TO, "post:enhedsleder-organisation-og-politik", False),
        (EdgeType.HEADS, "unit:okonomi-og-stab", True),
        (EdgeType.REPORTS_TO, "post:kommunaldirektor", True)]
    sits = {(r.type, r.node.id) for r in chief.relations if r.outward}
    assert {(EdgeType.MEMBER_OF, "forum:chefforum"),
            (EdgeType.PARTICIPATES_IN, "body:okonomiudvalget")} <= sits
    fora = node_hint(store, "which fora does the head of Finance and Staff sit in?",
                     as_of=AFTER_MERGER)
    assert fora is not None and "Member of: Chiefs' Forum" in fora.text("en")
    assert "Direkte underordnede: Enhedsleder for IT og Digitalisering" in chief.text("da")
    assert "Direct reports: Head of IT and Digitalisation" in chief.text("en")
    assert "Leder: Økonomi og Stab" in chief.text("da")
    # Who a person is: the posts they hold on that date (none after they left).
    person = node_hint(store, "hvem er Steen Christiansen", as_of=AFTER_MERGER)
    assert person is not None and person.node.id == "person:steen-christiansen"
    assert [(r.type, r.node.id) for r in person.relations] == [
        (EdgeType.HOLDS, "post:borgmester")]
    assert person.text("en").endswith("Holds: Mayor (confidence: medium, source: wikipedia).")
    later = node_hint(store, "hvem er Steen Christiansen", as_of=date(2026, 6, 1))
    assert later is not None and later.relations == []
    # The date is said: "the date asked about" told nothing when no date was asked.
    assert "bestrider ingen stilling i modellen pr. 2026-06-01." in later.text("da")
    assert later.text("en").endswith("holds no post in the model on 2026-06-01.")
    # A stray task half met by a name ("Steen" meets KLE keywords of accounting) gives way
    # to the person clearly named, though they hold no post then.
    asked = "who is Steen Christiansen"
    found = store.owners(asked, limit=3, as_of=date(2026, 6, 1))
    assert "task:bogholderi" in [r.task.id for r in found]
    assert answers_and_hint(store, asked, found, as_of=date(2026, 6, 1))[0] == []
    # What it is, from its description; and a committee's place on the case route.
    council = node_hint(store, "hvad er Digitaliseringsrådet?", as_of=AFTER_MERGER)
    assert council is not None and council.text("da").startswith(
        "Digitaliseringsrådet er et forum, ikke en opgave. Godkender nye IT-projekter")
    committee = node_hint(store, "hvem sidder i Økonomiudvalget?", as_of=AFTER_MERGER)
    assert committee is not None and (EdgeType.SUBMITS_TO, "body:kommunalbestyrelsen", True) in [
        (r.type, r.node.id, r.outward) for r in committee.relations]
    assert "Sender sager videre til: Kommunalbestyrelsen" in committee.text("da")
    # A unit's units and teams under it, and a council's committees.
    teams = {r.node.id for r in head.relations if r.type is EdgeType.PART_OF}
    assert "unit:organisation-og-politik-team-1" in teams and len(teams) == 4
    assert "Under sig: Team 1 i Organisation og Politik" in head.text("da")
    # ... its fora said apart from its units, and the council's committees as political
    # bodies, not as a municipality's units or fora.
    department = node_hint(store, "hvad har Økonomi og Stab under sig?", as_of=AFTER_MERGER)
    assert department is not None
    units, fora = department.text("da").split("Under sig: ")[1].split(" Fora: ")
    assert "Økonomi og Indkøb" in units and "Ledelsesteamet" not in units
    assert fora.startswith("Ledelsesteamet i Økonomi og Stab")
    assert ". Fora: " in department.text("en")
    body = node_hint(store, "hvem er Kommunalbestyrelsen?", as_of=AFTER_MERGER)
    assert body is not None and "Political bodies under it: " in body.text("en")
    assert "Politiske organer under sig: Børne- og Skoleudvalget" in body.text("da")
    # A body's or unit's size, as its record counts it.
    council = node_hint(store, "hvor mange sidder i kommunalbestyrelsen?", as_of=AFTER_MERGER)
    assert council is not None and council.counts == {"seats": 21}
    # asked for it, said first, and its description left out (it buried the size)
    assert council.text("da").startswith("Kommunalbestyrelsen: 21 medlemmer. Kommunalbestyrelsen "
                                         "er et politisk organ, ikke en opgave. Ledes af: ")
    unit = node_hint(store, "how many employees does Finance and Staff have?", as_of=AFTER_MERGER)
    assert unit is not None and unit.text("en").startswith("Finance and Staff: about 75 staff.")
    # not asked for it, its size follows what it is
    plain = node_hint(store, "hvem er Kommunalbestyrelsen?", as_of=AFTER_MERGER)
    assert plain is not None and ". Størrelse: 21 medlemmer. Ledes af: Borgmester" in \
        plain.text("da")
    # "ØS" in capitals names Økonomi og Stab (folded, it is the stopword "os": us).
    led = node_hint(store, "hvem er chef for ØS?", as_of=AFTER_MERGER)
    assert led is not None and led.node.id == "unit:okonomi-og-stab"
    # An organisation by what it supplies and takes part in, and who heads it.
    supplier = node_hint(store, "hvem er KMD?", as_of=AFTER_MERGER)
    assert supplier is not None and supplier.node.id == "org:kmd"
    assert (EdgeType.SUPPLIES, "system:opus-lon", True) in [
        (r.type, r.node.id, r.outward) for r in supplier.relations]
    assert supplier.text("en").startswith(
        "KMD is an organisation, not a task. IT supplier of OPUS payroll")
    assert ". Supplies: " in supplier.text("en")
    # ... also beside the tasks that use its systems (0.86: no hint was given, the name whole
    # at 1.0 fell short of their score and the margin)
    asked = "hvem er KMD?"
    found = store.owners(asked, limit=3, as_of=AFTER_MERGER)
    given, supplier = answers_and_hint(store, asked, found, as_of=AFTER_MERGER)
    assert given and supplier is not None and supplier.node.id == "org:kmd"
    # Asked what it is, a node named by its alias is named beside a task that fits about as
    # well ("hvem er ØU?" gave the committee's servicing alone, 0.75 against the alias's 0.815;
    # "hvad er SKI?" the task of its agreements); asked who does it, the task alone ("OU" is
    # organisational development too; "who is responsible for procurement?" is no "who is").
    for asked, named, english in (
            ("hvem er ØU?", "body:okonomiudvalget", "Finance Committee"),
            ("what is the Economic Committee?", "body:okonomiudvalget", "Finance Committee"),
            ("hvad er SKI?", "org:ski", "National Procurement")):
        given, body = answers_and_hint(store, asked, store.owners(asked, limit=3,
                                                                  as_of=AFTER_MERGER),
                                       as_of=AFTER_MERGER)
        assert body is not None and body.node.id == named, asked
        assert body.text("en").startswith(english), asked
    for asked, task in (("hvem står for OU?", "task:tvaergaende-organisationsudvikling"),
                        ("who is responsible for procurement?", "task:indkob")):
        given, none = answers_and_hint(store, asked, store.owners(asked, limit=3,
                                                                  as_of=AFTER_MERGER),
                                       as_of=AFTER_MERGER)
        assert none is None and given[0].task.id == task, asked
    asked = "hvad er Albertslund Kommune?"
    found = store.owners(asked, limit=3, as_of=AFTER_MERGER)
    given, home = answers_and_hint(store, asked, found, as_of=AFTER_MERGER)
    assert given == [] and home is not None and home.node.id == "org:albertslund-kommune"
    assert (EdgeType.HEADS, "post:kommunaldirektor") in [(r.type, r.node.id)
                                                         for r in home.relations]
    # Who supports or runs a system no task uses: the system's hint alone (the verb met the
    # tasks of support: "hvem understøtter Aula?" named the support of top management).
    for asked in ("hvem understøtter Aula?", "who supports AppWriter?", "hvem drifter Aula?"):
        given, system = answered(store, asked)
        assert given == [] and system is not None and system.node.kind is Kind.SYSTEM, asked
        assert "IT og Digitalisering" in system.text("da"), asked
    # ... but the verb asks for a task where no system is named so
    assert first_task(store, "who supports the mayor?") == ["task:understottelse-direktion-og-kb"]
    assert first_task(store, "who supports OPUS?") == ["task:lon"]  # a task uses it
    # How big something is: its hint alone, its size first or the word that the model gives
    # none ("ansatte" met the staff's devices; "how many staff" the staff matters).
    for asked, named, size in (
            ("hvor mange ansatte har Økonomi og Stab?", "unit:okonomi-og-stab",
             "Økonomi og Stab: ca. 75 medarbejdere."),
            ("how many staff does Finance and Procurement have?", "unit:okonomi-og-indkob",
             "Modellen angiver ikke antallet af medarbejdere."),
            ("hvor mange medlemmer har kommunalbestyrelsen?", "body:kommunalbestyrelsen",
             "Kommunalbestyrelsen: 21 medlemmer."),
            ("hvor stor er Organisation og Politik?", "unit:organisation-og-politik",
             "Organisation og Politik: 4 teams."),
            # the municipality by its name, or by "kommunen" alone ("indbyggere" met a task)
            ("hvor mange indbyggere har Albertslund?", "org:albertslund-kommune", "indbyggere"),
            ("hvor mange indbyggere har kommunen?", "org:albertslund-kommune", "indbyggere"),
            # a forum the data counts no size of, but names the members of: "no size" stood
            # above a list of twelve members
            ("hvor mange sidder i Chefforum?", "forum:chefforum",
             "Data nævner 12 medlemmer; modellen angiver ikke, om det er alle.")):
        given, sized = answered(store, asked)
        assert given == [] and sized is not None and sized.node.id == named, asked
        assert size in sized.text("da"), asked
    assert answered(store, "how many employees are in IT and Digitalisation?")[1].text(
        "en").startswith("The model does not give the number of staff.")
    assert "The model does not give its size." in answered(
        store, "how big is IT and Digitalisation?")[1].text("en")
    # A question of size that names what a task uses is answered by its count, where its
    # record has one (leadership's fourth probe), in English too: "staff" named the staff
    # function's head (0.68) before the devices a task uses (0.81)
    for asked in ("hvor mange devices har medarbejderne?", "how many devices do the staff have?"):
        hint = answered(store, asked)[1]
        assert hint is not None and hint.node.id == "asset:devices-medarbejdere", asked
    # ... and one that counts nothing is asked of the task that uses it
    assert first_task(store, "hvor mange brugere har RolleBi?") == ["task:bogholderi"]


def answered(store: Any, question: str) -> tuple[list[Any], Any]:
    """The tasks and the hint the CLI, the API and the start page give ``question``."""
    found = store.owners(question, limit=3, as_of=AFTER_MERGER)
    return answers_and_hint(store, question, found, as_of=AFTER_MERGER)


def first_task(store: Any, question: str) -> list[str]:
    """The id of the first task given as ``question``'s answer (none: an empty list)."""
    return [r.task.id for r in answered(store, question)[0]][:1]


@pytest.mark.parametrize(("question", "post", "above"), [
    ("hvem refererer økonomichefen til?", CHIEF, "post:kommunaldirektor"),
    ("who does the head of Finance and Staff report to?", CHIEF, "post:kommunaldirektor"),
    ("hvem refererer IT-chefen til", "post:enhedsleder-it-og-digitalisering", CHIEF),
    # "ØS" is an acronym, not the stopword "os"; its hyphen keeps it with "chefen"
    ("hvem refererer ØS-chefen til?", CHIEF, "post:kommunaldirektor"),
    # "municipal director" is "director" without its stopword: the whole name breaks the tie
    ("who does the municipal director report to?", "post:kommunaldirektor", "post:borgmester"),
    # a post named by the unit it heads, not by a name of its own ("chief" was no leader's
    # word, and the budget follow-up's "reporting" answered)
    ("who does the chief of Finance and Staff report to", CHIEF, "post:kommunaldirektor"),
    ("hvem refererer chefen for ØS til?", CHIEF, "post:kommunaldirektor"),
    ("who does the head of IT and Digitalisation report to?",
     "post:enhedsleder-it-og-digitalisering", CHIEF),
])
def test_whom_a_post_reports_to_is_answered_by_the_post(store: Any, question: str, post: str,
                                                        above: str) -> None:
    # "report" met the budget follow-up's "variance reporting"; "head" was taken for a
    # question of who leads something, and the post's own name lost it.
    results, named = answered(store, question)
    assert results == [] and named is not None and named.node.id == post
    assert (EdgeType.REPORTS_TO, above) in [(r.type, r.node.id) for r in named.relations]
    # The answer first: it was a phrase in some 800 characters of the post's hint.
    above_name = store.node(above, as_of=AFTER_MERGER).name
    assert named.text_da.startswith(f"{named.node.name} refererer til {above_name} (")
    # Who reports to it is asked the other way round, and answered first too.
    _, below = answered(store, f"hvem refererer til {named.node.name}?")
    assert below is not None and below.asked_line == "down"
    reports = [r.node.name for r in below.relations
               if r.type is EdgeType.REPORTS_TO and not r.outward]
    assert below.text_da.startswith(f"Til {named.node.name} refererer: {reports[0]} (" if reports
                                    else f"Ingen refererer til {named.node.name} i data. ")
    # Reporting on a task is still the task's ("budget reporting": the follow-up), and where to
    # report something is not whom a post reports to.
    assert first_task(store, "budget reporting") == ["task:budgetopfolgning"]
    assert first_task(store, "who do I report a data breach to?") == ["task:it-sikkerhed"]


@pytest.mark.parametrize(("question", "post"), [
    ("hvem er direkte underordnet borgmesteren", "post:borgmester"),
    ("hvem er økonomichefens underordnede", CHIEF),
    ("who are the direct reports of the head of Finance and Staff", CHIEF),
    ("who are the subordinates of the municipal director?", "post:kommunaldirektor")])
def test_who_is_under_a_post_is_who_reports_to_it(store: Any, question: str,
                                                   post: str) -> None:
    # The new chief's probe: "underordnede" was no word of reporting ("hvem er direkte
    # underordnet borgmesteren" met the support of the council), and "direct reports" asked
    # whom the post reports to.
    results, named = answered(store, question)
    assert results == [] and named is not None and named.node.id == post
    assert named.asked_line == "down" and named.text_da.startswith(
        f"Til {named.node.name} refererer: ")


@pytest.mark.parametrize(("question", "post", "first"), [
    ("dagtilbudschefens nærmeste leder", "post:chef-dagtilbud",
     "Chef for Dagtilbud refererer til Direktør for Direktørområde 2 ("),
    ("hvem står borgmesteren til ansvar overfor", "post:borgmester",
     "Borgmester refererer til Kommunalbestyrelsen ("),
    ("hvem står til ansvar overfor borgmesteren", "post:borgmester",
     "Til Borgmester refererer: Kommunaldirektør ("),
    ("informationssikkerhedskoordinatoren refererer til hvem",
     "post:koordinator-informationssikkerhed",
     "Koordinator for informationssikkerhed refererer til Enhedsleder for Organisation og "
     "Politik (")])
def test_whom_a_post_reports_to_asked_another_way(store: Any, question: str, post: str,
                                                  first: str) -> None:
    # Leadership's sixth probe: "nærmeste" between the genitive and "leder" hid the superior
    # (the specialist systems answered); "… refererer til hvem" was read as who reports to it.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == post
    assert hint.text("da").startswith(first)


@pytest.mark.parametrize("question", ["who do the unit heads report to?",
                                      "who do unit heads report to"])
def test_whom_the_unit_heads_report_to_is_the_chief(store: Any, question: str) -> None:
    # "unit heads" named no post: "report" met the budget follow-up's "variance reporting".
    results, named = answered(store, question)
    assert results == [] and named is not None
    assert named.node.id.startswith("post:enhedsleder-")
    assert (EdgeType.REPORTS_TO, CHIEF) in [(r.type, r.node.id) for r in named.relations]


_PART, _MEMBER, _TASK = EdgeType.PART_OF, EdgeType.MEMBER_OF, EdgeType.RESPONSIBLE_FOR


@pytest.mark.parametrize(("question", "named", "relation", "in_it"), [
    ("hvilke enheder hører under Økonomi og Stab?", "unit:okonomi-og-stab", _PART,
     "unit:it-og-digitalisering"),
    ("what does Finance and Staff consist of?", "unit:okonomi-og-stab", _PART,
     "unit:okonomi-og-indkob"),
    ("hvad har Organisation og Politik under sig?", "unit:organisation-og-politik", _PART,
     "unit:organisation-og-politik-team-1"),
    ("hvilke udvalg hører under Kommunalbestyrelsen?", "body:kommunalbestyrelsen", _PART,
     "body:okonomiudvalget"),
    ("what is the council made up of", "body:kommunalbestyrelsen", _PART, "body:okonomiudvalget"),
    # its departments, at any depth (the director areas right under it are none)
    ("which departments are there in Albertslund Kommune?", "org:albertslund-kommune", _PART,
     "unit:skole-og-uddannelse"),
    # "kommunen" alone is the municipality (a stopword, it found nothing or a stray post)
    # (its departments, at any depth: orgmodel.kind_list)
    ("Hvilke afdelinger er der i kommunen?", "org:albertslund-kommune", _PART,
     "unit:okonomi-og-stab"),
    ("hvad består kommunen af?", "org:albertslund-kommune", _PART, "body:kommunalbestyrelsen"),
    ("what are the departments of the municipality?", "org:albertslund-kommune", _PART,
     "unit:okonomi-og-stab"),
    ("hvordan er kommunen organiseret?", "org:albertslund-kommune", _PART,
     "unit:direktoromrade-2"),
    ("hvordan er Økonomi og Stab organiseret", "unit:okonomi-og-stab", _PART,
     "unit:it-og-digitalisering"),
    # a forum is made of its members, a unit's work of its tasks
    ("hvad består direktørforum af", "forum:direktorforum", _MEMBER, "post:kommunaldirektor"),
    ("hvilke opgaver hører under Organisation og Politik", "unit:organisation-og-politik", _TASK,
     "task:lon"),
])
def test_what_lies_under_a_unit_is_answered_by_its_parts(
        store: Any, question: str, named: str, relation: EdgeType, in_it: str) -> None:
    # "enheder" met three stray tasks, and an organisation's hint named who heads it only.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == named
    assert (relation, in_it) in [(r.type, r.node.id) for r in hint.relations]
    # A task asked about "under" a unit, or the teams that do a task, is the task's.
    for asked in ("hvem har ansvaret for løn under Organisation og Politik?",
                  "which teams in Organisation og Politik work with payroll?",
                  # the task named beside the unit by words of its own (the unit fit better)
                  "which teams in Organisation og Politik handle payroll?"):
        assert first_task(store, asked) == ["task:lon-og-personaleforhold"], asked
    # A post named better is what the question is about, not a forum its name half meets:
    # what it heads and who reports to it (a stray task answered).
    results, mayor = answered(store, "hvad hører under borgmesteren")
    assert results == [] and mayor is not None and mayor.node.id == "post:borgmester"
    assert (EdgeType.REPORTS_TO, "post:kommunaldirektor", False) in [
        (r.type, r.node.id, r.outward) for r in mayor.relations]


@pytest.mark.parametrize(("question", "post", "reporting"), [
    ("who reports to the municipal director?", "post:kommunaldirektor", "post:direktor-1"),
    ("hvem refererer til chefen for Økonomi og Stab?", "post:chef-okonomi-og-stab",
     "post:enhedsleder-okonomi-og-indkob"),
    ("hvem har kommunaldirektøren under sig?", "post:kommunaldirektor",
     "post:chef-okonomi-og-stab"),
])
def test_who_reports_to_a_post_is_named_by_its_direct_reports(
        store: Any, question: str, post: str, reporting: str) -> None:
    # The post's hint named whom it reports to, the opposite of what was asked, or a stray task.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == post
    assert (EdgeType.REPORTS_TO, reporting, False) in [
        (r.type, r.node.id, r.outward) for r in hint.relations]


@pytest.mark.parametrize(("question", "named", "partner"), [
    ("hvem samarbejder IT og Digitalisering med?", "unit:it-og-digitalisering", "unit:dagtilbud"),
    ("who does Økonomi og Indkøb collaborate with?", "unit:okonomi-og-indkob",
     "org:ishoj-kommune"),
    ("hvem samarbejder med Ishøj Kommune?", "org:ishoj-kommune", "unit:okonomi-og-indkob"),
    # a unit that works with no one itself answers by its head's collaborations
    ("hvilke interessenter har Økonomi og Stab?", "post:chef-okonomi-og-stab", "post:borgmester"),
    ("who are the stakeholders of Finance and Staff?", "post:chef-okonomi-og-stab",
     "post:direktor-1"),
    # "work with" after "do": it met the alias "work phone" of staff devices (0.5-0.6)
    ("who does IT and Digitalisation work with?", "unit:it-og-digitalisering",
     "unit:skole-og-uddannelse"),
    ("who does the mayor work closely with?", "post:borgmester", "post:chef-okonomi-og-stab"),
    # "units" asks the kind of partner: it met the unit's head ("enhedsleder") first
    ("which units does IT and Digitalisation collaborate with?", "unit:it-og-digitalisering",
     "unit:dagtilbud"),
    ("whom does the head of Finance and Staff work with?", "post:chef-okonomi-og-stab",
     "post:borgmester"),
    # how close or important names nothing (leadership's sixth probe: stray tasks answered)
    ("hvem er økonomichefens vigtigste samarbejdspartnere", "post:chef-okonomi-og-stab",
     "post:borgmester"),
    ("hvem arbejder IT tættest sammen med", "unit:it-og-digitalisering",
     "unit:skole-og-uddannelse"),
])
def test_whom_something_works_with_is_its_collaborations(
        store: Any, question: str, named: str, partner: str) -> None:
    # They met stray tasks at 0.1-0.2 ("Økonomistyring", "Kommunikation"): no task answers.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == named
    together = [r for r in hint.relations if r.type is EdgeType.COLLABORATES_WITH]
    assert partner in [r.node.id for r in together]
    assert all(r.role for r in together)  # each with what it is about (its topic)
    assert len({r.node.id for r in together}) == len(together)  # each partner once
    # Who answers for a task stays a task's answer, collaboration word or not.
    assert first_task(store, "hvem samarbejder om løn?")[0] in (
        "task:lon", "task:lon-og-personaleforhold")


@pytest.mark.parametrize("question", ["hvem samarbejder Økonomi og Stab med?",
                                      "who does Finance and Staff work with?"])
def test_a_department_works_through_its_units_and_its_head(store: Any, question: str) -> None:
    # The new chief's probe: the department was answered by its head's collaborations alone
    # ("Chef for Økonomi og Stab er en stilling …"), none of its units' (IT's with the
    # schools, Finance and Procurement's with Ishøj), though the units hold its work.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == "unit:okonomi-og-stab"
    through = {(r.node.id, r.via.id if r.via else None) for r in hint.relations
               if r.type is EdgeType.COLLABORATES_WITH}
    assert {("org:ishoj-kommune", "unit:okonomi-og-indkob"),
            ("unit:skole-og-uddannelse", "unit:it-og-digitalisering"),
            ("post:borgmester", CHIEF)} <= through
    assert all(via for _partner, via in through)
    assert "Ishøj Kommune (gennem Økonomi og Indkøb: " in hint.text("da")
    assert " (through Finance and Procurement: joint tender" in hint.text("en")


@pytest.mark.parametrize("question", [
    "hvem samarbejder Økonomi og Indkøb med om budgetter?",
    "who does Finance and Procurement work with on budgets?"])
def test_whom_something_works_with_on_a_topic_is_those_collaborations(
        store: Any, question: str) -> None:
    # What it is about lowered the unit's fit: tasks answered ("Nye digitale løsninger").
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == "unit:okonomi-og-indkob"
    together = [r for r in hint.relations if r.type is EdgeType.COLLABORATES_WITH]
    assert together and all("budget" in (r.role or "") for r in together)
    everyone = answered(store, "hvem samarbejder Økonomi og Indkøb med?")[1]
    assert len(together) < len([r for r in everyone.relations
                                if r.type is EdgeType.COLLABORATES_WITH])

@pytest.mark.parametrize("question", ["hvilke eksterne samarbejdspartnere har Økonomi og Stab?",
                                      "who are the external partners of Finance and Staff?"])
def test_the_external_partners_are_those_outside_the_organisation(
        store: Any, question: str) -> None:
    # It met stray tasks on "eksterne" (Økonomistyring, Løn, Kommunikation as weak matches).
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == "unit:okonomi-og-stab"
    partners = {r.node.id for r in hint.relations}
    assert {"org:ishoj-kommune", "stakeholder:borgere"} <= partners
    assert all(r.node.kind in (Kind.ORGANISATION, Kind.STAKEHOLDER) for r in hint.relations)
    everyone = answered(store, "hvem samarbejder Økonomi og Stab med?")[1]
    assert any(r.node.kind is Kind.UNIT for r in everyone.relations)


@pytest.mark.parametrize(("question", "task"), [
    # "system" after "which" is the question's: it met "Adgang til fagsystemer" first
    ("which system is used for payroll?", "task:lon"), ("hvilket IT-system bruges til løn?",
                                                         "task:lon"),
    ("which systems are used for budgets?", "task:budget"),
    ("who works with payroll?", "task:lon"), ("who works on budgets?", "task:budget"),
    ("who is working with communications?", "task:kommunikation"),
    ("who works with HR?", "task:hr"),
])
def test_the_questions_own_words_leave_the_task_it_names(
        store: Any, question: str, task: str) -> None:
    # "works" met the alias "work phone" of staff devices, which came first (0.47 against
    # payroll's 0.29); a name keeps the word ("the works council").
    assert first_task(store, question) == [task]


@pytest.mark.parametrize("question", ["hvem leder kommunen?", "who heads the municipality?"])
def test_who_leads_the_municipality_is_its_head(store: Any, question: str) -> None:
    # It named the placeholder "Leder af stabsfunktionen" ("leder" in its name) at 0.7.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == "org:albertslund-kommune"
    assert (EdgeType.HEADS, "post:kommunaldirektor") in [
        (r.type, r.node.id) for r in hint.relations]
    # ... and who holds that post, as one asking "who leads" expects a person's name
    head = next(r for r in hint.relations if r.node.id == "post:kommunaldirektor")
    assert head.held_by is not None and head.held_by.name == "Henrik Harder"
    assert "Kommunaldirektør, besat af Henrik Harder (" in hint.text("da")


def test_who_holds_a_post_is_said_as_surely_as_the_holding_is(store: Any) -> None:
    # "held by Lars Gravgaard Hansen (confidence: high, source: law:styrelsesloven)": the
    # chair is the mayor's by law, but who is mayor comes from Wikipedia (medium).
    hint = node_hint(store, "who chairs the finance committee?", as_of=date(2026, 6, 1))
    assert hint is not None and hint.node.id == "body:okonomiudvalget"
    assert ("Mayor, held by Lars Gravgaard Hansen (confidence: high, source: "
            "law:styrelsesloven; the holder: confidence: medium, source: wikipedia)"
            in hint.text("en"))


@pytest.mark.parametrize("question", ["what does the IT and Digitalisation unit do",
                                      "what is the IT and Digitalisation unit?"])
def test_a_unit_named_with_the_word_unit_is_named_not_its_head(store: Any, question: str) -> None:
    # "unit" met the head's alias "unit manager": the post came first (0.78 against 0.74).
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == "unit:it-og-digitalisering"


def test_tasks_met_only_through_kle_give_way_to_a_node_the_question_names(store: Any) -> None:
    # "who handles udligning?" answered bookkeeping by KLE's nearest topic, while a policy's
    # alias is "udligning" (and its record says no one in the model owns it): it is named
    # beside those tasks, which keep their note.
    results, hint = answered(store, "who handles udligning?")
    assert hint is not None and hint.node.id == "policy:kommunal-udligning"
    assert results and all(any(n.code == "kle_nearest" for n in r.notes) for r in results)


@pytest.mark.parametrize(("question", "first"), [
    ("hvem er teamlederens chef?", "Teamleder i Organisation og Politik refererer til "
     "Enhedsleder for Organisation og Politik"),
    ("who is the team leader's boss?", "Teamleder i Organisation og Politik refererer til "
     "Enhedsleder for Organisation og Politik"),
    ("hvem er økonomichefens chef?", "Chef for Økonomi og Stab refererer til Kommunaldirektør")])
def test_a_posts_superior_is_whom_it_reports_to_said_first(store: Any, question: str,
                                                           first: str) -> None:
    # "hvem er teamlederens chef?" gave the team leader's hint, its line the last phrase.
    hint = answered(store, question)[1]
    assert hint is not None and hint.text("da").startswith(first)


@pytest.mark.parametrize("question", [
    "hvem er de vigtigste interessenter for chefen for Økonomi og Stab?",
    "who are the key stakeholders of the head of Finance and Staff?",
    "hvilke interessenter har Økonomi og Stab?"])
def test_a_posts_stakeholders_are_those_its_map_says_to_manage_closely(
        store: Any, question: str) -> None:
    # The new chief's probe: these met the post's hint, its description and relations, with
    # no word of the stakeholder map that answers them.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == "post:chef-okonomi-og-stab"
    said = hint.text("da")
    assert said.startswith("Interessenter for Chef for Økonomi og Stab at håndtere tæt (")
    close = [node.id for node in hint.stakeholders]
    assert {"post:kommunaldirektor", "post:borgmester", "body:okonomiudvalget"} <= set(close)
    # the boss before a unit leader under the chief (the map's order, strongest first)
    assert close.index("post:kommunaldirektor") < close.index(
        "post:enhedsleder-organisation-og-politik")
    assert hint.stakeholders_more > 0 and "orgmodel stakeholders post:chef-okonomi-og-stab" \
        in said
    # about the asker, the model still says it does not know who asks
    assert answered(store, "hvem er mine vigtigste interessenter?") == ([], None)


@pytest.mark.parametrize(("question", "named"), [
    ("hvad sker der i Ledelsesteamet i Økonomi og Stab?", "forum:ledelsesteam-okonomi-og-stab"),
    ("what happens in the Chiefs' Forum?", "forum:chefforum"),
    ("hvad foregår der i Økonomiudvalget?", "body:okonomiudvalget")])
def test_what_goes_on_in_something_is_its_hint(store: Any, question: str, named: str) -> None:
    # They met stray tasks (financial management, support of the council) by "sker"/"happens".
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.node.id == named


def test_what_goes_on_with_a_task_is_still_the_task(store: Any) -> None:
    # ... weighed without "sker": "løn" met a unit by its description at 0.75, payroll at 0.29
    results, hint = answered(store, "hvad sker der med løn?")
    assert results and results[0].task.id == "task:lon" and hint is None


@pytest.mark.parametrize(("question", "named"), [
    ("hvem er borgmester lige nu", "post:borgmester"),
    ("who is currently mayor", "post:borgmester"),
    ("nuværende borgmester", "post:borgmester"),
    ("hvem er kommunaldirektør pt", "post:kommunaldirektor"),
    ("who heads ØS at the moment", "unit:okonomi-og-stab"),
    ("hvem er formand for ØU i øjeblikket", "body:okonomiudvalget")])
def test_a_question_of_right_now_is_asked_of_today(store: Any, question: str,
                                                   named: str) -> None:
    # Leadership's third probe: "lige nu", "pt", "currently", "at the moment" met stray tasks
    # (the servicing of the council, financial management, pay and staff matters).
    text = read_date(question, None, date.today()).text
    hint = answered(store, text)[1]
    assert hint is not None and hint.node.id == named


def test_a_hint_says_what_something_does_in_whole_sentences(store: Any) -> None:
    # "hvad beslutter Chefforum?" was told "Kommunens chefer og direktører." alone; the chief's
    # post broke off at "nøglespiller i forhold til…".
    forum = answered(store, "hvad beslutter Chefforum?")[1]
    assert forum is not None and "Kommunens chefer og direktører. Den stærke administrative " \
        "ledelseskraft" in forum.text("da")
    chief = answered(store, "hvem er chef for Økonomi og Stab?")[1]
    assert chief is not None and "nøglespiller i forhold til Direktørforum." in chief.text("da")


def test_members_named_are_not_said_to_be_all(store: Any) -> None:
    # "hvem sidder i Kommunalbestyrelsen?" named the mayor alone, as if the council had one
    # member, beside "Størrelse: 21 medlemmer"; Økonomiudvalget counts no seats.
    council = answered(store, "hvem er medlem af Kommunalbestyrelsen?")[1]
    assert council is not None and "Medlemmer: Borgmester (formand; sikkerhed: høj, kilde: " \
        "law:styrelsesloven). Data nævner 1 af de 21 medlemmer." in council.text("da")
    assert "The data names 1 of the 21 members." in council.text("en")
    committee = answered(store, "hvem sidder i Økonomiudvalget?")[1]
    said = "Data nævner 1 medlem; modellen angiver ikke, om det er alle."
    assert committee is not None and said in committee.text("da")
    # ... once, when its size is what was asked
    sized = answered(store, "hvor mange sidder i Økonomiudvalget?")[1]
    assert sized is not None and sized.text("da").count(said) == 1
    # A forum's members are posts the data names by what they are: not said to be partial.
    forum = answered(store, "hvem sidder i Chefforum?")[1]
    assert forum is not None and "Data nævner" not in forum.text("da")


@pytest.mark.parametrize(("question", "first"), [
    ("hvilket direktørområde hører Skole og Uddannelse under?",
     "Skole og Uddannelse hører under: Direktørområde 2 (navn ikke bekræftet) (sikkerhed: lav, "
     "kilde: assumption) → Albertslund Kommune"),
    ("which director area does Schools and Education belong to?",
     "Skole og Uddannelse hører under: Direktørområde 2"),
    ("under hvilket direktørområde ligger Økonomi og Stab?",
     "Økonomi og Stab hører under: Albertslund Kommune"),
    ("hvad hører Økonomiudvalget under?",
     "Økonomiudvalget hører under: Kommunalbestyrelsen"),
    ("hvem er Team 1 i Organisation og Politik underlagt?",
     "Team 1 i Organisation og Politik (navn ikke bekræftet) hører under: Organisation og "
     "Politik (sikkerhed: høj, kilde: seed) → Økonomi og Stab"),
    ("hvilken afdeling hører økonomichefen under?",
     "Chef for Økonomi og Stab er en stilling i: Økonomi og Stab"),
    # where in the organisation (leadership's sixth probe: the staff matters answered)
    ("hvor ligger ØS i organisationen", "Økonomi og Stab hører under: Albertslund Kommune")])
def test_what_something_lies_under_is_said_first(store: Any, question: str, first: str) -> None:
    # "hvilket direktørområde hører Skole og Uddannelse under?" answered the pupils' devices
    # (by "skole"): the line upward, through what contains it, is the answer, step by step.
    results, hint = answered(store, question)
    assert not results and hint is not None and hint.text("da").startswith(first)


@pytest.mark.parametrize(("question", "named"), [
    ("hvad hører under Økonomi og Stab?", "unit:okonomi-og-stab"),  # what lies under it
    ("hvad hedder teamene i Organisation og Politik?", "unit:organisation-og-politik")])
def test_what_lies_under_a_unit_is_not_what_it_lies_under(store: Any, question: str,
                                                          named: str) -> None:
    # Written before the name, "under" asks what lies under it; "hvad hedder teamene i …?"
    # named one team by "i Organisation og Politik" ("hedder" kept the unit under the bar).
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == named and not hint.asked_place
    assert "Under sig: " in hint.text("da")


def test_a_task_asked_where_it_lies_is_answered_by_its_owners(store: Any) -> None:
    # "hvilken enhed hører løn under?" asks who owns payroll: no unit is named by "løn".
    results, hint = answered(store, "hvilken enhed hører løn under?")
    assert results and results[0].task.id == "task:lon" and hint is None


@pytest.mark.parametrize(("question", "first"), [
    ("hvem er formand for Børne- og Skoleudvalget?",
     "Data nævner ingen, der leder Børne- og Skoleudvalget."),
    ("who chairs Direktørforum?", "Data nævner ingen, der leder Direktørforum."),
    ("hvem leder IT og Digitalisering?",
     "IT og Digitalisering ledes af: Enhedsleder for IT og Digitalisering")])
def test_who_heads_something_is_said_first_or_that_no_one_is_named(
        store: Any, question: str, first: str) -> None:
    # The committee's hint never said that the data names no chair; who heads a unit was a
    # phrase in the middle of its hint.
    hint = answered(store, question)[1]
    assert hint is not None and hint.text("da").startswith(first)
    # Who is in it is not who heads it: the members' question has no such first sentence.
    members = answered(store, "hvem sidder i Direktørforum?")[1]
    assert members is not None and not members.text("da").startswith("Data nævner ingen")


@pytest.mark.parametrize("question", ["what does the finance committee do?",
                                      "What does the Finance Committee do?", "ØU"])
def test_what_a_committee_does_or_its_name_alone_names_it(store: Any, question: str) -> None:
    # "what does …" never read as a question of what something is ("does" folds to "dos"),
    # and "ØU" alone met the task of servicing the committee: the committee was not named.
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == "body:okonomiudvalget"
    # A name alone gives way to a task it names better: "indkøb" is the task.
    assert answered(store, "indkøb")[1] is None


@pytest.mark.parametrize(("question", "body", "first"), [
    # where they go, asked, said first (the parity probe: where they come from came first)
    ("hvor går sagerne hen efter Økonomiudvalget?", "body:okonomiudvalget",
     "Fra Økonomiudvalget går sagerne videre til: Kommunalbestyrelsen"),
    ("how does a case get to the city council?", "body:kommunalbestyrelsen",
     "Sager kommer til Kommunalbestyrelsen fra: Økonomiudvalget"),
    ("hvilke udvalg sender sager til Økonomiudvalget?", "body:okonomiudvalget",
     "Sager kommer til Økonomiudvalget fra: "),
    # a committee by its acronym, and the route's own words (leadership's sixth probe: the
    # quality assurance of political cases answered)
    ("sagsgang for en MBU sag", "body:miljo-og-byudvalget",
     "Fra Miljø- og Byudvalget går sagerne videre til: Økonomiudvalget"),
    ("hvor går MBU sager hen bagefter", "body:miljo-og-byudvalget",
     "Fra Miljø- og Byudvalget går sagerne videre til: Økonomiudvalget")])
def test_a_question_of_cases_is_answered_by_the_route(store: Any, question: str, body: str,
                                                     first: str) -> None:
    # The route is in the data (SUBMITS_TO), but "sager" met the tasks of servicing the
    # committees, and "get" the set-up of finance systems.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == body
    assert hint.text("da").startswith(first)
    assert "Fra Økonomiudvalget går sagerne videre til: Kommunalbestyrelsen" in answered(
        store, "hvor går sagerne hen efter Økonomiudvalget?")[1].text("da")
    # A case of a task is still the task's.
    assert first_task(store, "hvem behandler sager om løn?") == ["task:lon"]


@pytest.mark.parametrize(("question", "body"), [
    ("hvordan kommer en sag fra BSU til kommunalbestyrelsen", "body:borne-og-skoleudvalget"),
    ("what is the case route for the environment committee", "body:miljo-og-byudvalget"),
    ("skal en sag fra miljø- og byudvalget forbi økonomiudvalget inden KB",
     "body:miljo-og-byudvalget"),
    # where a case starts, said so (leadership's ninth probe: a task answered)
    ("en sag starter i BSU – hvilken vej går den til KB", "body:borne-og-skoleudvalget"),
    ("sagsgang fra Børne- og Skoleudvalget til KB", "body:borne-og-skoleudvalget")])
def test_a_case_route_is_said_to_its_end(store: Any, question: str, body: str) -> None:
    # Leadership's seventh probe: a route named only its next step (Økonomiudvalget), and a
    # question from one committee to the council met the quality assurance of cases.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == body
    assert [b.id for b in hint.route_onward] == ["body:kommunalbestyrelsen"]
    assert "går sagerne videre til: Økonomiudvalget" in hint.text("da")
    assert "Derfra går de videre til: Kommunalbestyrelsen." in hint.text("da")
    assert "From there they go on to: Municipal Council." in hint.text("en")
    # the council sends on to no one: nothing onward
    council = answered(store, "how does a case get to the city council?")[1]
    assert council is not None and council.route_onward == []


@pytest.mark.parametrize(("question", "node", "first"), [
    ("hvem udgør direktørforum", "forum:direktorforum", "Direktørforum er et forum"),
    ("hvem er kommunaldirektørens foresatte", "post:kommunaldirektor",
     "Kommunaldirektør refererer til Borgmester"),
    ("hvem deltog i det fælles erp-udbud med ishøj", "initiative:erp-udbud-ishoj", ""),
    ("hvad er chefforums rolle", "forum:chefforum", "Chefforum er et forum"),
    ("who uses RolleBi", "system:rollebi", "Rollebaseret Indgang (RolleBi) er et system"),
    ("hvem fra administrationen deltager i ØU", "body:okonomiudvalget", "Økonomiudvalget"),
    ("who attends the political case review meetings with the mayor",
     "forum:politisk-sagsgennemgang", "Gennemgang af politiske sager"),
    ("jeg er ny enhedsleder for økonomi og indkøb, hvad har jeg ansvaret for",
     "post:enhedsleder-okonomi-og-indkob", "Opgaver under Enhedsleder for Økonomi og Indkøb: "),
    ("hvem bruger RolleBi", "system:rollebi", ""),
    # (the merger that made it: what the data knows of the units before it)
    ("hvilke enheder blev slået sammen til organisation og politik",
     "initiative:sammenlaegning-organisation-og-politik", "Sammenlægning til Organisation"),
    ("which units were merged into Organisation og Politik",
     "initiative:sammenlaegning-organisation-og-politik", "Sammenlægning til Organisation"),
    # a post named first, its superior asked by a pronoun (leadership's ninth probe)
    ("teamlederen i Organisation og Politik, hvem er hans chef",
     "post:teamleder-organisation-og-politik",
     "Teamleder i Organisation og Politik refererer til Enhedsleder for Organisation og "),
    # what a policy is about (leadership's eighth probe: organisational development answered)
    ("hvad går én kommune én organisation ud på", "policy:en-kommune-en-organisation",
     "Én kommune – én organisation er en politik")])
def test_the_words_of_a_question_about_a_node_name_the_node(store: Any, question: str,
                                                            node: str, first: str) -> None:
    # Leadership's seventh probe: "udgør", "foresatte", "deltog", "rolle" and "uses" were no
    # words of any frame, and stray tasks answered (the servicing of the directors, the staff
    # matters, the set-up of finance systems, recruitment, the access to specialist systems).
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == node, hint
    assert hint.text("da").startswith(first)
    # ... and a task some are involved in is still the task's
    assert first_task(store, "hvem er involveret i løn") == ["task:lon"]


@pytest.mark.parametrize("question", ["who decides on new IT systems?",
                                      "hvem beslutter nye it-systemer?"])
def test_asked_who_decides_the_tasks_that_say_who_decides_them_come_first(
        store: Any, question: str) -> None:
    # Access to the specialist systems (0.45) came before the new digital solutions the
    # Digitalisation Council decides (0.40).
    assert first_task(store, question) == ["task:nye-digitale-losninger"]
    assert first_task(store, "who decides the budget?") == ["task:budgetvedtagelse"]


@pytest.mark.parametrize(("question", "post"), [
    ("who is the head of Finance and Staff?", CHIEF),
    ("who was the head of Finance and Staff in 2023?", CHIEF),
    ("hvem er chef for Økonomi og Stab?", CHIEF)])
def test_the_longest_title_a_question_writes_names_its_post(store: Any, question: str,
                                                            post: str) -> None:
    # Two posts go by "head of finance": the question that writes the chief's whole English
    # title named neither, and the unit answered beside three stray tasks.
    results, hint = answered(store, question)
    assert results == [] and hint is not None and hint.node.id == post
    # Who holds it is said first, before what the post does: it came last, after ~1,000
    # characters.
    assert hint.text("da").split(". ")[1] == "Besat af: ingen person i data"
    mayor = answered(store, "who is the mayor?")[1]
    assert mayor is not None and mayor.text("en").split(". ")[1].startswith(
        "Held by: Steen Christiansen (")


@pytest.mark.parametrize("question", ["hvem er IT-chef?", "hvem er IT-chefen?",
                                      "who is the head of IT?"])
def test_a_post_named_by_its_title_is_named_not_the_unit_its_other_words_name(
        store: Any, question: str) -> None:
    # "chef" left out as the leader's word, "IT" named the unit, beside three stray tasks.
    results, hint = answered(store, question)
    assert results == [] and hint is not None
    assert hint.node.id == "post:enhedsleder-it-og-digitalisering"


def test_a_post_named_by_its_leaders_word_is_named_when_one_post_has_it(store: Any) -> None:
    # "director" is a word that asks who leads; left out, "municipal" named nothing and only a
    # task answered "who is the municipal director?".
    _, hint = answered(store, "who is the municipal director?")
    assert hint is not None and hint.node.id == "post:kommunaldirektor"
    # Two area directors go by "direktør" alike, eight chiefs by "chef" nearly so: which one
    # is not guessed, nor are the tasks "chef" met (stray, at 0.60); the question is told to
    # name what is led, and that example is answered.
    example_of_data = ask_example(store, as_of=date.today())
    # "who leads" named the team leader post ("leads" met "leder" by its stem, no other near);
    # elsewhere "hvem er chef?" named "Leder af Regnskab og Budget" ("chef" is "leder").
    for vague in ("hvem er direktør?", "hvem er chef", "who is the boss?", "who leads",
                  "hvem er chefens chef?"):
        assert answered(store, vague) == ([], None), vague
        advice = ask_instead(vague, example_of_data)
        assert advice is not None and advice.code == "names_no_one", vague
    example = advice.da.split("»")[1].split("«")[0]
    assert answered(store, example)[1] is not None and ask_instead(example) is None
    # Who decides the budget is its adoption ("bestemmer" is "beslutter", not a stray word).
    assert first_task(store, "hvem bestemmer over budgettet") == ["task:budgetvedtagelse"]


@pytest.mark.parametrize("question", [
    "hvem er min chef?", "who is my boss?", "hvem er min nærmeste leder?",
    "who is my line manager?", "hvem refererer jeg til?", "who do I report to?",
    "who's my line manager?", "hvem er chefen min", "who is my boss's boss",
    "hvem er jeg ansat under", "who am i reporting to", "whos my supervisor",
    # those under the asker: "mine enhedsledere" named one of three
    "hvem er mine enhedsledere?", "who are my direct reports?",
    # where the asker sits and whom they should know: every forum was listed, stray tasks met
    # "interessenter" and "refererer"
    "hvem er lederne under mig?", "hvem refererer til mig?", "hvilke fora sidder jeg i?",
    "which councils and committees do I serve?", "hvem er mine vigtigste interessenter?",
    "who are my most important stakeholders?", "hvem skal jeg kende?", "who do I work with?"])
def test_a_question_about_the_asker_is_told_to_ask_about_a_post(store: Any,
                                                               question: str) -> None:
    # "hvem er min chef?" met three stray tasks at 0.60 ("chef" in their owners' titles).
    assert answered(store, question) == ([], None)
    advice = ask_instead(question, ask_example(store, as_of=date.today()))
    assert advice is not None and advice.code == "asks_about_self"
    # The question the advice gives as its example, a post of the data, is answered by its
    # line.
    for example in (advice.da.split("»")[1].split("«")[0], advice.en.split('"')[1]):
        given, hint = answered(store, example)
        assert given == [] and hint is not None and hint.node.kind is Kind.POST, example
        assert EdgeType.REPORTS_TO in [r.type for r in hint.relations], example
    # Naming something beside the asker's boss is a question about it.
    assert ask_instead("hvem er min chef i Løn?") is None
    # A Danish "i" is "in": who sits in the committees is no question about the asker.
    assert ask_instead("hvem sidder i udvalgene?") is None
    assert ask_instead("hvilke fora sidder borgmesteren i?") is None


def test_a_good_match_in_the_model_is_not_overruled_by_kle(store: Any) -> None:
    # "telefoni" fits KLE 85.11.08 better than any task, but no task is filed there or above
    # it, and the model's own answer (the staff devices task) stands, without a KLE note.
    answer = store.owners("telefoni", as_of=AFTER_MERGER)
    assert answer[0].task.id == "task:devices-medarbejdere"
    assert not any(n.code.startswith("kle") for a in answer for n in a.notes)


def test_nothing_matches_nonsense(store: Any) -> None:
    assert store.owners("zzzqqq xyzzy") == []
    assert store.search("zzzqqq xyzzy") == []


def test_search_ranks_the_payroll_task_first(store: Any) -> None:
    hits = store.search("lønudbetaling", as_of=AFTER_MERGER)
    assert hits[0].id.startswith("task:lon")


def test_search_filters_by_kind(store: Any) -> None:
    hits = store.search("økonomi", kinds=[Kind.UNIT], as_of=AFTER_MERGER)
    assert hits and {h.kind for h in hits} == {Kind.UNIT}


def test_chain_runs_to_the_council(store: Any) -> None:
    ids = [n.id for n in store.chain(CHIEF, as_of=AFTER_MERGER)]
    assert ids[0] == CHIEF and ids[-1] == "body:kommunalbestyrelsen"
    assert "post:kommunaldirektor" in ids


def test_merged_unit_does_not_exist_before_the_merger(store: Any) -> None:
    # ... and when it does: a record that begins later is read (and edited) within it.
    with pytest.raises(NotFoundError, match="not valid on 2022-06-01: it holds from "
                                            "2023-01-01; ask for a day within it"):
        store.node("unit:organisation-og-politik", as_of=BEFORE_MERGER)
    assert store.node("unit:organisation-og-politik", as_of=AFTER_MERGER).kind is Kind.UNIT


def test_unknown_ids_are_not_found(store: Any) -> None:
    with pytest.raises(NotFoundError):
        store.node("unit:findes-ikke")
    with pytest.raises(NotFoundError):
        store.chain("unit:findes-ikke")


def test_members_of_a_forum(store: Any) -> None:
    members = store.members("forum:chefforum", as_of=AFTER_MERGER)
    assert CHIEF in {m.node.id for m in members}
    assert CHIEF in {m.node.id for m in store.members("forum:chefforum", as_of=AFTER_MERGER)}
    assert "forum:chefforum" in {m.node.id for m in store.memberships(CHIEF, as_of=AFTER_MERGER)}


def test_responsibilities_with_descendants_include_the_units_below(store: Any) -> None:
    own = store.responsibilities("unit:okonomi-og-stab", as_of=AFTER_MERGER)
    below = store.responsibilities("unit:okonomi-og-stab", descendants=True, as_of=AFTER_MERGER)
    assert len(below) > len(own)
    assert "task:lon" in {r.task.id for r in below}
    # Below a post is what it heads: the chief's are the department's (the new chief's probe:
    # the API gave the chief's post one task, the command line and the start page 24).
    chief = store.responsibilities(CHIEF, descendants=True, as_of=AFTER_MERGER)
    assert [(r.task.id, r.holder.id, r.raci) for r in chief] == [
        (r.task.id, r.holder.id, r.raci) for r in below]
    assert len(store.responsibilities(CHIEF, as_of=AFTER_MERGER)) < len(chief)
    # ... and a post that heads nothing has its own alone
    contracts = "post:kontraktansvarlig"
    assert store.responsibilities(contracts, descendants=True, as_of=AFTER_MERGER) == \
        store.responsibilities(contracts, as_of=AFTER_MERGER)


def test_neighbourhood_depth_kinds_and_edge_types(store: Any) -> None:
    one = store.neighbourhood(CHIEF, as_of=AFTER_MERGER)
    two = store.neighbourhood(CHIEF, depth=2, as_of=AFTER_MERGER)
    assert {n.id for n in one.nodes} < {n.id for n in two.nodes}
    posts = store.neighbourhood(CHIEF, depth=2, kinds=[Kind.POST], as_of=AFTER_MERGER)
    assert {n.kind for n in posts.nodes} == {Kind.POST}
    reports = store.neighbourhood(CHIEF, depth=2, edge_types=[EdgeType.REPORTS_TO],
                                  as_of=AFTER_MERGER)
    assert {e.type for e in reports.edges} == {EdgeType.REPORTS_TO}


def test_paths_between_two_posts(store: Any) -> None:
    paths = store.paths(CHIEF, "post:borgmester", as_of=AFTER_MERGER)
    assert paths and all(p[0].id == CHIEF and p[-1].id == "post:borgmester" for p in paths)
    assert len({len(p) for p in paths}) == 1


def test_subtree_of_the_department(store: Any) -> None:
    tree = store.subtree("unit:okonomi-og-stab", as_of=AFTER_MERGER)
    ids = {n.id for n in tree.nodes}
    assert {"unit:organisation-og-politik", "post:enhedsleder-organisation-og-politik"} <= ids
    assert all(e.source_id in ids and e.target_id in ids for e in tree.edges)


def test_list_nodes_pages_in_id_order_and_by_text(store: Any) -> None:
    page = store.list_nodes(kind=Kind.TASK, limit=5, as_of=AFTER_MERGER)
    assert [n.id for n in page.items] == sorted(n.id for n in page.items)
    assert page.total > 5
    found = store.list_nodes(text="løn", limit=3, as_of=AFTER_MERGER)
    assert found.items[0].id == "task:lon"


def test_a_name_is_found_without_the_remark_in_brackets_after_it(store: Any) -> None:
    # The new chief's `chain 'Team 2 i Organisation og Politik'` exited 1: the stored name
    # ends in "(navn ikke bekræftet)".
    assert resolve_node(store, "Team 2 i Organisation og Politik", as_of=AFTER_MERGER) == \
        "unit:organisation-og-politik-team-2"
    assert resolve_node(store, "Leder af stabsfunktionen", as_of=AFTER_MERGER) == \
        "post:leder-stabsfunktion"
    with pytest.raises(UnknownNodeError):  # the remark's words alone name nothing
        resolve_node(store, "navn ikke bekræftet", as_of=AFTER_MERGER)



def test_list_nodes_by_how_sure_their_records_are(store: Any) -> None:
    # The new chief's probe: "what is uncertain in the data?" had no answer to list it by.
    low = store.list_nodes(confidence=Confidence.LOW, limit=500, as_of=AFTER_MERGER)
    assert low.total == len(low.items) > 5
    assert all(n.confidence is Confidence.LOW for n in low.items)
    assert "unit:organisation-og-politik-team-1" in [n.id for n in low.items]
    every = store.list_nodes(limit=1000, as_of=AFTER_MERGER)
    assert low.total == sum(n.confidence is Confidence.LOW for n in every.items)
    posts = store.list_nodes(kind=Kind.POST, confidence=Confidence.LOW, limit=500,
                             as_of=AFTER_MERGER)
    assert posts.items and all(n.kind is Kind.POST for n in posts.items)
    assert {n.id for n in posts.items} < {n.id for n in low.items}
    by_text = store.list_nodes(text="team", confidence=Confidence.LOW, limit=500,
                               as_of=AFTER_MERGER)
    assert by_text.items and all(n.confidence is Confidence.LOW for n in by_text.items)


# -- the same answers -----------------------------------------------------------------------------


def test_snapshots_are_equal(stores: dict[str, Any]) -> None:
    for when in (None, BEFORE_MERGER, AFTER_MERGER):
        assert stores["neo4j"].snapshot(as_of=when) == stores["memory"].snapshot(as_of=when)


def test_the_whole_dataset_comes_back_with_origins(stores: dict[str, Any],
                                                   albertslund: Any) -> None:
    assert stores["neo4j"].dataset() == albertslund


QUESTIONS = ["løn", "payroll", "lon", "indkob", "computere til elever", "81.15", "81.15.00",
             "it-support", "budget", "borgmester", "økonomiudvalget", "kmd", "hr", "ledelse",
             "sygefravær", "aktindsigt", "byggesager", "klager"]


@pytest.mark.parametrize("when", [None, BEFORE_MERGER, AFTER_MERGER])
def test_same_search_and_owners_answers(stores: dict[str, Any], when: date | None) -> None:
    memory, neo4j = stores["memory"], stores["neo4j"]
    for q in QUESTIONS:
        assert neo4j.search(q, as_of=when) == memory.search(q, as_of=when), q
        assert neo4j.owners(q, as_of=when) == memory.owners(q, as_of=when), q
        assert neo4j.list_nodes(text=q, limit=7, as_of=when) == memory.list_nodes(
            text=q, limit=7, as_of=when), q
    for kind in (None, *Kind):
        assert neo4j.list_nodes(kind=kind, offset=2, limit=9, as_of=when) == memory.list_nodes(
            kind=kind, offset=2, limit=9, as_of=when)
    for sure in Confidence:
        assert neo4j.list_nodes(confidence=sure, offset=1, limit=9, as_of=when) == \
            memory.list_nodes(confidence=sure, offset=1, limit=9, as_of=when)


def _questions(node_id: str, kind: str) -> dict[str, Any]:
    asks = {
        "node": lambda s, w: s.node(node_id, as_of=w),
        "edges_of": lambda s, w: s.edges_of(node_id, as_of=w),
        "chain": lambda s, w: s.chain(node_id, as_of=w),
        "members": lambda s, w: s.members(node_id, as_of=w),
        "memberships": lambda s, w: s.memberships(node_id, as_of=w),
        "responsibilities": lambda s, w: s.responsibilities(node_id, as_of=w),
        "responsibilities+": lambda s, w: s.responsibilities(node_id, descendants=True, as_of=w),
        "neighbourhood": lambda s, w: s.neighbourhood(node_id, as_of=w),
        "neighbourhood2": lambda s, w: s.neighbourhood(
            node_id, depth=2, kinds=[Kind.POST, Kind.UNIT, Kind.BODY], as_of=w),
        "neighbourhood-types": lambda s, w: s.neighbourhood(
            node_id, depth=3, edge_types=[EdgeType.PART_OF, EdgeType.HEADS], as_of=w),
        "subtree": lambda s, w: s.subtree(node_id, as_of=w),
        "paths": lambda s, w: s.paths(node_id, CHIEF, as_of=w),
    }
    if kind == "Task":
        asks["owners"] = lambda s, w: s.owners(node_id, as_of=w)
    return asks


@pytest.mark.parametrize("when", [None, BEFORE_MERGER])
def test_same_answers_for_every_node(stores: dict[str, Any], albertslund: Any,
                                     when: date | None) -> None:
    memory, neo4j = stores["memory"], stores["neo4j"]
    differences = []
    for node_id, node in sorted(albertslund.nodes.items()):
        for name, ask in _questions(node_id, node.kind).items():
            expected = outcome(lambda: ask(memory, when))  # noqa: B023
            if outcome(lambda: ask(neo4j, when)) != expected:  # noqa: B023
                differences.append(f"{name}({node_id})")
    assert differences == []


def test_without_persons_a_store_answers_as_if_it_held_none(store: Any) -> None:
    # Pages and exports may leave the holders of posts out: the posts stay, the people go,
    # from every answer of the contract, on either store.
    hidden = WithoutPersons(store)
    when = date(2026, 6, 1)
    with pytest.raises(NotFoundError):
        hidden.node("person:henrik-harder", as_of=when)
    assert "person:henrik-harder" not in {h.id for h in hidden.search("Henrik Harder",
                                                                       as_of=when)}
    assert all(e.source_id != "person:henrik-harder"
               for e in hidden.edges_of("post:kommunaldirektor", as_of=when))
    near = hidden.neighbourhood("post:kommunaldirektor", depth=2, as_of=when)
    assert near.nodes and not [n.id for n in near.nodes if n.id.startswith("person:")]
    whole = hidden.subtree("org:albertslund-kommune", as_of=when)
    assert "post:borgmester" in {n.id for n in whole.nodes}
    assert not [n.id for n in whole.nodes if n.id.startswith("person:")]
    snapshot = hidden.snapshot(as_of=when)
    assert not [i for i in snapshot.nodes if i.startswith("person:")]
    assert not [e for e in snapshot.edges.values() if e.source_id.startswith("person:")]
    people = hidden.list_nodes(kind=Kind.PERSON, as_of=when)
    assert people.total == 0 and people.items == []
    every = hidden.list_nodes(limit=1000, as_of=when)
    assert every.total == len(every.items) == len(snapshot.nodes)
    mayor = node_hint(hidden, "hvem er borgmester?", as_of=when)
    assert mayor is None or "Gravgaard" not in mayor.text("da")  # no holder to name
    # The store itself still has them.
    assert store.node("person:henrik-harder", as_of=when).name == "Henrik Harder"


@pytest.mark.parametrize("question", ["hvornår vedtages budgettet?", "when is the budget adopted?",
                                      "who approves the budget?"])
def test_the_budget_adopted_is_its_adoption_in_either_language(store: Any, question: str) -> None:
    # "adopted" met nothing of "Budget adoption": the general budget task came first, 0.29.
    assert first_task(store, question) == ["task:budgetvedtagelse"]


@pytest.mark.parametrize(("question", "node", "first"), [
    # leadership's tenth probe: each met stray tasks or put the answer last
    ("hvem supporterer aula", "system:aula", "Aula er et system"),
    ("which committees does the municipal director attend", "post:kommunaldirektor",
     "Kommunaldirektør sidder i eller deltager i: Chefforum"),
    ("hvilke udvalg hører under KB", "body:kommunalbestyrelsen",
     "Kommunalbestyrelsen har 6 udvalg i data: Børne- og Skoleudvalget"),
    # a unit's abbreviation beside a post's words names the post of that unit
    ("teamlederen i OP refererer til hvem", "post:teamleder-organisation-og-politik",
     "Teamleder i Organisation og Politik refererer til Enhedsleder for Organisation og "),
    ("teamlederen i OP - hvem er hendes leder", "post:teamleder-organisation-og-politik",
     "Teamleder i Organisation og Politik refererer til Enhedsleder for Organisation og "),
])
def test_a_frame_reads_its_verbs_and_says_what_it_asked_first(
        store: Any, question: str, node: str, first: str) -> None:
    hint = answered(store, question)[1]
    assert hint is not None and hint.node.id == node, hint
    assert hint.text("da").startswith(first), hint.text("da")
