"""The whole KLE catalogue: the shipped file, its writer, and how it routes questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.kle import KleTopic, parse_os2kle
from orgmodel.kle_catalogue import (
    KleCatalogue,
    hint,
    load_kle_catalogue,
    main,
    route,
    route_number,
    write_kle_catalogue,
)
from orgmodel.search import Synonyms
from orgmodel.vocabulary import DATA_ROOT

REPO = Path(__file__).resolve().parents[2]
OS2KLE = REPO / ".." / "shared" / "data" / "kle" / "OS2KLE.txt"
SHIPPED = DATA_ROOT / "kle" / "catalogue.json"

TOPICS = [
    KleTopic("81.00.00", "Kommunens personale i almindelighed", ("personale",)),
    KleTopic("81.28.00", "Sygdom og fravær, personale i almindelighed", ("sygefravær",)),
    KleTopic("81.28.05", "Langtidssygdom", ("langtidssyge",)),
    KleTopic("54.24.02", "Fravær og mødepligt", ("fravær",)),
    KleTopic("02.34.02", "Byggetilladelse", ("byggesag", "byggeri")),
    KleTopic("85.11.08", "Kommunikationsnetværk (telefoni)", ("telefoni",)),
]
CATALOGUE = KleCatalogue.of(TOPICS, Synonyms([]))
# The model's tasks by KLE number: staff in general, and a device task in 85.
TASKS = {"81.00.00": ["task:personale"], "85.15.00": ["task:devices"],
         "81.28.05": ["task:langtidssyge"]}


def under(number: str) -> list[str]:
    if len(number) == 2:
        return sorted(t for kle, ts in TASKS.items() if kle.startswith(number + ".") for t in ts)
    return TASKS.get(number, [])


def test_the_shipped_catalogue_is_every_os2kle_topic_as_written_from_it() -> None:
    topics = parse_os2kle(OS2KLE.read_text(encoding="utf-8"), filename=str(OS2KLE))
    shipped = load_kle_catalogue(SHIPPED)
    assert [(t.number, t.title) for t in shipped] == sorted((t.number, t.title) for t in topics)
    # Reproducible: the file is exactly what the writer makes of OS2KLE (no hand edits).
    label = "OS2KLE v3.23 (KLE, February 2026)"
    assert SHIPPED.read_text(encoding="utf-8") == write_kle_catalogue(topics, label) + "\n"


def test_a_question_the_model_has_a_task_for_is_left_to_the_model() -> None:
    own = [("task:devices", 0.8)]
    assert route("telefoni", own, under, CATALOGUE) == [("task:devices", 0.8, ())]


def test_the_task_of_the_topic_itself_is_found_and_says_so() -> None:
    [(task, score, notes)] = route("langtidssyge", [], under, CATALOGUE)
    assert task == "task:langtidssyge" and score > 0.5
    assert [n.code for n in notes] == ["kle_topic"] and "81.28.05" in notes[0].da



def test_a_task_met_on_its_own_words_is_not_said_to_be_found_through_kle() -> None:
    # The data author's probe: "løn", an alias of the task "Lønudbetaling" (0.815), was said
    # "Fundet via KLE-emnet 81.15.00", its topic's score being higher.
    [(task, score, notes)] = route("langtidssygdom", [("task:langtidssyge", 0.815)], under,
                                   CATALOGUE)
    assert task == "task:langtidssyge" and score > 0.815 and notes == ()
    # met less well by its own words, the topic is how it was found, and says so
    [(_, _, notes)] = route("langtidssygdom", [("task:langtidssyge", 0.4)], under, CATALOGUE)
    assert [n.code for n in notes] == ["kle_topic"]

def test_a_topic_without_a_task_is_answered_by_its_main_groups_general_task() -> None:
    # "fravær" fits school attendance (54) a little better than staff absence (81.28); only 81
    # holds tasks in the model, so the staff reading wins, and the answer says how it was found.
    [(task, _, notes)] = route("fravær", [], under, CATALOGUE)
    assert task == "task:personale"
    assert notes[0].code == "kle_nearest"
    assert "81.28.00" in notes[0].da and "81.00.00" in notes[0].da


def test_a_weak_match_on_a_stray_word_is_dropped_for_work_outside_the_model() -> None:
    assert route("byggetilladelse", [("task:stray", 0.3)], under, CATALOGUE) == []


def test_a_topic_in_a_main_group_the_model_covers_keeps_the_models_own_answer() -> None:
    # 85.11.08 has no task, nor has its group or main group in general; but the model holds
    # tasks in 85, so its own match stands rather than being dropped.
    own = [("task:devices", 0.4)]
    assert route("telefoni", own, under, CATALOGUE) == [("task:devices", 0.4, ())]


def test_routed_and_own_answers_are_merged_best_first_without_the_weak() -> None:
    found = route("langtidssygdom", [("task:personale", 0.7), ("task:other", 0.05)], under,
                  CATALOGUE)
    assert [task for task, _, _ in found] == ["task:langtidssyge", "task:personale"]


def test_a_kle_number_without_a_task_leads_to_the_general_task_above() -> None:
    [(task, score, notes)] = route_number("81.28", under, CATALOGUE)
    assert (task, score, notes[0].code) == ("task:personale", 0.7, "kle_nearest")
    assert route_number("02.34.02", under, CATALOGUE) == []  # nothing in 02
    assert route_number("81.99", under, CATALOGUE) == []  # no such topic


def test_nonsense_routes_nowhere() -> None:
    assert route("zzqx", [], under, CATALOGUE) == []
    assert hint("zzqx", CATALOGUE) is None


@pytest.mark.parametrize(("query", "number"), [("02.34.02", "02.34.02"), ("81.28", "81.28.00"),
                                               ("81", "81.00.00"), ("byggetilladelse", "02.34.02")])
def test_a_hint_names_the_topic_of_a_number_or_a_question(query: str, number: str) -> None:
    found = hint(query, CATALOGUE)
    assert found is not None and found.number == number


def test_a_hint_for_an_unknown_number_is_none() -> None:
    assert hint("99.99", CATALOGUE) is None


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not valid JSON"),
    ('{"topics": 3}', "expected an object with a 'topics' list"),
    ('{"topics": [["81.15.00", "Løn", []], ["8.1", "x", []]]}', "topic 2: expected"),
    ('{"topics": [["81.15.00", "Løn", [1]]]}', "topic 1: expected"),
])
def test_a_broken_catalogue_names_the_file_and_the_entry(tmp_path: Path, content: str,
                                                         message: str) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_kle_catalogue(path)
    assert str(path) in str(info.value)


def test_the_writer_command_writes_and_reports_errors_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "OS2KLE.txt"
    source.write_text("KLENummer='81.15.00':KLETitel='Løn i almindelighed':"
                      "Keywords[Weight]=Lønning[5];ok01[1000];\n", encoding="utf-8")
    out = tmp_path / "kle" / "catalogue.json"
    assert main([str(source), "--out", str(out)]) == 0
    assert [(t.number, t.keywords) for t in load_kle_catalogue(out)] == [
        ("81.15.00", ("Lønning",))]
    assert "wrote 1 topics" in capsys.readouterr().out
    source.write_text("garbage\n", encoding="utf-8")
    assert main([str(source), "--out", str(out)]) == 1
    assert main([str(tmp_path / "missing.txt"), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "OS2KLE.txt:1:" in err and "cannot read" in err and "Traceback" not in err
