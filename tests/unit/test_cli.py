"""The `orgmodel` command as a user runs it: exit codes, JSON shapes, clear messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, env_extra: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "orgmodel.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.parametrize("question", ["løn", "payroll", "lon"])
def test_who_owns_json_shape_and_answer(question: str) -> None:
    result = run("who-owns", question, "--json")
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    best = answers[0]
    assert set(best) >= {"task", "owners", "escalation"}
    assert set(best["task"]) == {"id", "name", "name_en", "kle"}
    assert all(set(o) == {"id", "name", "name_en", "kind", "raci", "confidence", "source"}
               for o in best["owners"])
    assert {"name": "Organisation og Politik", "name_en": "Organisation and Politics",
            "raci": "A"}.items() <= best["owners"][0].items()
    assert best["escalation"][0]["name_en"] == "Head of Finance and Staff"
    assert [e["name"] for e in best["escalation"]][:2] == [
        "Chef for Økonomi og Stab",
        "Kommunaldirektør",
    ]


def test_who_owns_table_names_owner_post_and_escalation() -> None:
    result = run("who-owns", "indkob")
    assert result.returncode == 0
    assert "Økonomi og Indkøb" in result.stdout
    assert "Enhedsleder for Økonomi og Indkøb" in result.stdout
    assert "Kommunaldirektør" in result.stdout


def test_english_toggle() -> None:
    result = run("who-owns", "payroll", "--lang", "en")
    assert "Accountable post" in result.stdout and "Escalation" in result.stdout
    # what the task is, in English where the data has it
    assert "  About: " in result.stdout and "  Om opgaven: " not in result.stdout


def test_list_names_what_the_data_only_assumes() -> None:
    # The new chief's probe: "hvad er usikkert i data?" met IT security; nothing listed it.
    listed = json.loads(run("list", "--confidence", "low", "--json").stdout)
    assert listed["total"] == len(listed["nodes"]) > 5
    assert {n["confidence"] for n in listed["nodes"]} == {"low"}
    table = run("list", "--kind", "Initiative", "--lang", "en")
    assert table.returncode == 0 and "initiative:erp-udbud-ishoj" in table.stdout
    assert table.stdout.splitlines()[0].split() == ["Name", "Kind", "Id", "Confidence", "Source"]
    wrong = run("list", "--kind", "Robot")
    assert wrong.returncode == 2 and "'Robot'" in wrong.stderr and "'Initiative'" in wrong.stderr
    none = run("list", "--kind", "Person", "--confidence", "low")
    assert none.returncode == 1 and "Ingen noder i data passer" in none.stderr


def test_who_owns_says_first_when_no_task_fits_the_whole_question() -> None:
    # Leadership's tenth probe: what the model does not hold was answered by a loosely
    # related task, the weak-match note under it only
    weak = run("who-owns", "hvem står for rengøring på rådhuset", "--lang", "en")
    assert weak.returncode == 0 and weak.stdout.startswith(
        "No task in the model fits the whole question; the nearest below fit only part of it.")
    assert "Task: " in weak.stdout
    assert not run("who-owns", "løn").stdout.startswith("Ingen opgave")
    # ... and whether there is one that nothing answers: the data names none (exit 1)
    none = run("who-owns", "har vi en DPO?")
    assert none.returncode == 1 and none.stdout == ""
    assert none.stderr.startswith("Data nævner ingen »DPO«.")
    # ... and a phone number, which no record holds, is said so before what the data has
    phone = run("who-owns", "what's the phone number of the IT helpdesk?", "--lang", "en")
    assert phone.stdout.startswith("The data holds no phone numbers: the model keeps no "
                                   "personal contact details.")
    assert "Task: " in phone.stdout


def test_who_owns_says_what_the_task_is() -> None:
    # "hvornår vedtages budgettet?" (the new chief's): the date is in the task's description,
    # which no answer printed.
    result = run("who-owns", "hvornår vedtages budgettet?")
    about = next(line for line in result.stdout.splitlines() if "Om opgaven:" in line)
    assert about.startswith("  Om opgaven: Økonomiudvalget udarbejder forslag til årsbudget")
    assert about.endswith("vedtagelse omkring 10. oktober.")
    # the systems it uses with who supplies them: "hvem leverer OPUS?" said nothing of KMD
    assert "  Bruger: OPUS løn (leveret af KMD)" in run("who-owns", "hvem står for løn?").stdout
    assert run("who-owns", "hvem leverer OPUS?").stdout.startswith(
        "OPUS løn leveres af: KMD (sikkerhed: middel")


def test_search_and_chain_json() -> None:
    hits = json.loads(run("search", "økonomiudvalget", "--json").stdout)
    assert hits[0]["id"] == "body:okonomiudvalget"
    assert set(hits[0]) == {"id", "name", "name_en", "kind", "score"}
    chain = json.loads(run("chain", "post:chef-okonomi-og-stab", "--json").stdout)
    assert [c["id"] for c in chain][:2] == ["post:chef-okonomi-og-stab", "post:kommunaldirektor"]
    assert chain[-1]["kind"] == "Body" and chain[-1]["name_en"] == "Municipal Council"


def test_show_prints_attributes_and_relations() -> None:
    result = run("show", "unit:okonomi-og-stab")
    assert result.returncode == 0
    assert "staff_count: 75" in result.stdout
    assert result.stdout.startswith("Økonomi og Stab  [Afdeling, unit:okonomi-og-stab]")
    # Each relation, in words, names the node at its other end and says how sure it is.
    line = next(x for x in result.stdout.splitlines() if "unit:okonomi-og-indkob" in x)
    assert line.split()[:2] == ["←", "omfatter"] and "Økonomi og Indkøb" in line
    assert line.rstrip().endswith("høj (seed)")
    assumed = run("show", "system:aula", "--lang", "en").stdout
    assert assumed.startswith("Aula (school and day-care communication platform)  [System,")
    assert "IT and Digitalisation  unit:it-og-digitalisering" in assumed
    assert "low (assumption)" in assumed


def test_show_says_a_responsibility_by_its_raci_role() -> None:
    # Every owner of a task was "varetages af" (carried out by), also the accountable unit.
    lines = run("show", "task:lon").stdout.splitlines()
    accountable = next(x for x in lines if "unit:organisation-og-politik " in x)
    assert accountable.split()[:4] == ["←", "ansvaret", "ligger", "hos"]
    carried = next(x for x in lines if "unit:organisation-og-politik-team-1" in x)
    assert carried.split()[:3] == ["←", "udføres", "af"]
    english = run("show", "unit:organisation-og-politik", "--lang", "en").stdout
    assert "→  is accountable for  Human resources" in english


def test_show_in_english_says_a_collaborations_topic_in_english() -> None:
    # The pages said "political cases"; show said "politiske sager".
    shown = run("show", "post:chef-okonomi-og-stab", "--lang", "en").stdout
    mayor = next(line for line in shown.splitlines() if "post:borgmester" in line)
    assert "political cases strength 4" in mayor and "politiske" not in mayor


def test_show_prints_the_notes_that_qualify_a_record_and_its_relations() -> None:
    # A date or a link that is an assumption is said so beside it, not only in --json.
    unit = run("show", "unit:organisation-og-politik").stdout
    note = json.loads(run("show", "unit:organisation-og-politik", "--json").stdout)["node"]["note"]
    assert note and f"  Bemærk: {note}" in unit.splitlines()
    director = run("show", "post:kommunaldirektor", "--lang", "en").stdout
    line = next(x for x in director.splitlines() if "post:direktor-1" in x)
    marker = line.split("[")[-1].split("]")[0]
    assert line.split()[:4] == ["←", "has", "as", "direct"]
    remark = next(x for x in director.splitlines() if x.startswith(f"  [{marker}] "))
    assert "Note:" in remark and "afledt" in remark
    assert director.startswith(
        "Municipal Director  [Post, post:kommunaldirektor]\n  da: Kommunaldirektør")


def test_chain_and_owners_say_which_links_are_assumptions() -> None:
    chain = run("chain", "post:chef-dagtilbud").stdout.splitlines()
    assert chain[1].strip().startswith("↳ refererer til Direktør for Direktørområde 2")
    assert chain[1].endswith("(sikkerhed: lav, kilde: assumption)")
    assert not chain[-1].endswith(")")  # the law's own link is certain: nothing added
    english = run("chain", "forum:chefforum", "--lang", "en").stdout.splitlines()
    assert english[1].strip().startswith("↳ part of Albertslund Municipality")
    assert english[2].strip().startswith("↳ headed by Municipal Director")
    # Each step names the relation it followed, not another between the same two nodes: the
    # Økonomiudvalget is part of the council (it also advises it), the mayor reports to it
    # (and chairs it).
    steps = [line.strip() for line in run("chain", "body:okonomiudvalget").stdout.splitlines()]
    assert steps[1].startswith("↳ del af Kommunalbestyrelsen")
    steps = [line.strip() for line in run("chain", "post:borgmester").stdout.splitlines()]
    assert steps[1].startswith("↳ refererer til Kommunalbestyrelsen")
    owners = run("who-owns", "payroll", "--lang", "en").stdout.splitlines()
    team = next(x for x in owners if "organisation-og-politik-team-1" in x)
    assert team.endswith("(confidence: low, source: assumption)")
    assert any(x.startswith("  A  Organisation and Politics  [Unit") and x.endswith("]")
               for x in owners)
    assert "Escalation: Head of Finance and Staff → Municipal Director" in "\n".join(owners)


def test_unknown_id_and_empty_answers_get_a_clear_message() -> None:
    for args in (("show", "unit:findes-ikke"), ("chain", "post:nope")):
        result = run(*args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"Ingen node har id'et eller navnet »{args[1]}«." in result.stderr
    # A typo is one step from the answer; a name or a lone alias is as good as the id.
    typo = run("show", "borgmster", "--lang", "en")
    assert typo.returncode == 1
    assert 'No node has the id or name “borgmster”. Did you mean: Mayor (post:borgmester)' \
        in typo.stderr
    # ... and in an id: read as words, "post:kommunaldirektr" met the recruitment task first,
    # and the director not at all.
    for mistyped, meant in (("post:kommunaldirektr", "Kommunaldirektør (post:kommunaldirektor)"),
                            ("task:lonn", "Løn (task:lon)")):
        said = run("chain", mistyped)
        assert said.returncode == 1 and f"Mente du: {meant}" in said.stderr, said.stderr
    # A name two nodes have is not guessed at; a node not valid on the date says so.
    shared = run("show", "Devices til medarbejdere")
    assert shared.returncode == 1 and "»Devices til medarbejdere« er navnet på flere: " in \
        shared.stderr and "(task:devices-medarbejdere)" in shared.stderr
    earlier = run("show", "unit:tidligere-enhed-1", "--as-of", "2026-01-01")
    assert earlier.returncode == 1
    assert "»unit:tidligere-enhed-1« gælder ikke den 2026-01-01, men til " in earlier.stderr
    assert "; et --as-of i det tidsrum viser den." in earlier.stderr
    for name in ("Borgmester", "mayor", "økonomichef"):  # name, English name, alias
        assert run("chain", name, "--json").returncode == 0, name
    assert json.loads(run("show", "Økonomichef", "--json").stdout)["node"]["id"] == \
        "post:chef-okonomi-og-stab"
    empty = run("who-owns", "xqzv wprt")
    assert empty.returncode == 1 and "Intet svar" in empty.stderr


def test_a_question_about_work_outside_the_model_says_where_it_belongs() -> None:
    result = run("who-owns", "byggetilladelse", "--lang", "en")
    assert result.returncode == 1 and not result.stdout
    assert 'No answer for "byggetilladelse"' in result.stderr
    assert 'KLE 02.34.02 "Byggetilladelse", which no task in the model covers' in result.stderr
    by_number = run("who-owns", "82.10")
    assert by_number.returncode == 1 and "KLE 82.10.00 »Kantiner i almindelighed«" in \
        by_number.stderr


def test_a_question_about_the_asker_says_what_to_ask_instead() -> None:
    # "hvem er min chef?" met three stray tasks; the model cannot know who asks.
    result = run("who-owns", "who is my boss?", "--lang", "en")
    assert result.returncode == 1 and not result.stdout
    assert result.stderr.startswith("The model does not know who you are. Ask about your post")
    assert "No answer" not in result.stderr and "KLE" not in result.stderr
    listed = run("who-owns", "hvem er min chef?", "--json")
    assert listed.returncode == 1 and json.loads(listed.stdout) == []
    assert "Modellen ved ikke, hvem du er." in listed.stderr
    vague = run("who-owns", "hvem er chef?")  # eight chiefs: which one?
    assert vague.returncode == 1 and vague.stderr.startswith(
        "Spørgsmålet nævner ikke, hvad der ledes.")


def test_a_question_about_what_is_not_a_task_says_who_is_in_charge_of_it() -> None:
    # The hint is the answer (on stdout, exit 0), not a footnote to none.
    result = run("who-owns", "hvem har ansvaret for Aula?")
    assert result.returncode == 0 and not result.stderr
    assert result.stdout == ("Aula er et system, som ingen opgave i modellen bruger. "
                             "Kommunikations- og samarbejdsplatform for folkeskoler og dagtilbud. "
                             "Understøttes af: IT og Digitalisering (sikkerhed: lav, kilde: "
                             "assumption).\n")
    # Tasks that only weakly meet the question give way to what it names clearly: the post,
    # not the staff matters "direktør" half meets; a system, not tasks sharing a stray word.
    post = run("who-owns", "hvem er kommunaldirektør?", "--lang", "en")
    assert post.returncode == 0
    assert post.stdout.startswith("Municipal Director is a post, not a task. ")
    assert ". Held by: Henrik Harder" in post.stdout
    weak = run("who-owns", "AppWriter", "--lang", "en")
    assert weak.returncode == 0 and "Devices for pupils" not in weak.stdout + weak.stderr
    assert "AppWriter (reading and writing support) is a system that no task" in weak.stdout
    # Who decides on something is answered by what decides it; "who decides the budget" still
    # by the task of adopting it, with no hint beside it.
    rail = run("who-owns", "hvem bestemmer over letbanen?")
    assert rail.stdout.startswith("Erhvervsområdet Hersted og letbanen er et initiativ, ikke en "
                                  "opgave. ")
    assert ". Besluttes af: Kommunalbestyrelsen" in rail.stdout
    budget = run("who-owns", "who decides the budget", "--lang", "en")
    assert budget.stdout.startswith("Task: Budget adoption (budget procedure)")
    head = run("who-owns", "hvem leder Økonomi og Stab")  # who heads it, said first
    assert head.stdout.startswith("Økonomi og Stab ledes af: Chef for Økonomi og Stab "
                                  "(sikkerhed: høj, kilde: seed). Økonomi og Stab er en afdeling, "
                                  "ikke en opgave. ")
    it_head = run("who-owns", "hvem leder IT?")  # the answer first, the tasks after it
    assert it_head.stdout.startswith("IT og Digitalisering ledes af: Enhedsleder for IT og "
                                     "Digitalisering")
    assert " er en enhed, ikke en opgave. " in it_head.stdout.splitlines()[0]
    # What it is answers who it is, where no one is in charge of it (leadership's probes:
    # "hvem er genitor" was said on stderr, exit 1, and a script took it for a failure)
    firm = run("who-owns", "hvem er genitor")
    assert firm.returncode == 0 and not firm.stderr
    assert firm.stdout.startswith("Genitor er en organisation, ikke en opgave. Rekrutteringsfirma")
    # With --json the list on stdout keeps its shape; the hints go to stderr.
    as_json = run("who-owns", "hvem har ansvaret for Aula?", "--json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout) == []
    assert "Aula er et system, som ingen opgave i modellen bruger." in as_json.stderr
    outside = run("who-owns", "byggetilladelse", "--json")
    assert json.loads(outside.stdout) == [] and "KLE 02.34.02" in outside.stderr


def test_output_cut_short_by_the_reader_is_not_an_error() -> None:
    # `orgmodel who-owns løn | head -0`: the reader has gone before the answer is written.
    with subprocess.Popen([sys.executable, "-m", "orgmodel.cli", "who-owns", "løn"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        code = process.wait(timeout=120)
        errors = process.stderr.read().decode()
    assert code == 0 and "Traceback" not in errors


def test_exit_codes_hold_when_run_as_python_m_orgmodel_cli() -> None:
    # Run as `python -m orgmodel.cli`, the module was loaded twice and an error raised by the
    # API's commands was no error of the CLI's: exit 1 instead of 3 and 2.
    out_of_reach = run("history", "--url", "http://127.0.0.1:9")
    assert out_of_reach.returncode == 3 and "kan ikke nå http://127.0.0.1:9" in out_of_reach.stderr
    assert run("history", "--url", "127.0.0.1:9").returncode == 2


def test_bad_arguments_are_usage_errors() -> None:
    # Said in the language of the answers: Danish unless English is asked for (argparse's
    # own words were English whatever the command spoke).
    result = run("who-owns", "løn", "--as-of", "31-12-2023")
    assert result.returncode == 2 and result.stderr.startswith("brug: orgmodel who-owns")
    assert result.stderr.endswith("orgmodel who-owns: fejl: argument --as-of: ikke en dato "
                                  "(skriv ÅÅÅÅ-MM-DD): '31-12-2023'\n")
    english = run("who-owns", "løn", "--as-of", "31-12-2023", "--lang", "en")
    assert english.returncode == 2 and english.stderr.startswith("usage: orgmodel who-owns")
    assert "error: argument --as-of: not a date (use YYYY-MM-DD)" in english.stderr
    assert "Traceback" not in result.stderr
    # Counts must be whole numbers of 1 or more (0 used to divide by zero in the load), and
    # not beyond what means anything (20 digits overflowed islice with a traceback).
    huge = "99999999999999999999"
    for args in (("who-owns", "løn", "--limit", "0"), ("load", "--neo4j", "--batch-size", "0"),
                 ("load", "--neo4j", "--workers", "-1"), ("load", "--neo4j", "--workers", "x"),
                 ("who-owns", "løn", "--limit", huge), ("search", "løn", "--limit", huge)):
        result = run(*args, env_extra={"ORGMODEL_LANG": "en"})
        assert result.returncode == 2, args
        assert "not a whole number from 1 to 1000000" in result.stderr, args
        assert "Traceback" not in result.stderr
    # A blank node is a usage error, as a blank question is (it was "no node has the id »«").
    for command in ("chain", "show"):
        blank = run(command, " ")
        assert blank.returncode == 2 and "tom: skriv en nodes id eller navn" in blank.stderr
    # The history asks the API for what one page holds: more was the API's raw 422.
    result = run("history", "--url", "http://127.0.0.1:9", "--limit", "5000")
    assert result.returncode == 2 and "ikke et helt tal fra 1 til 1000: '5000'" in result.stderr
    # Options a command would ignore are not offered: serve answers any date, in both
    # languages, per request; validating a folder has no date.
    for args, said in ((("serve", "--lang", "en"), "error: unrecognized arguments: --lang en"),
                       (("serve", "--as-of", "2024-01-01"), "fejl: ukendte argumenter: --as-of"),
                       (("validate", "--as-of", "2024-01-01"), "fejl: ukendte argumenter")):
        result = run(*args)
        assert result.returncode == 2 and said in result.stderr, args
    # An empty question is a mistake in the call, not a question without an answer.
    for args in (("who-owns", ""), ("search", "   ")):
        result = run(*args)
        assert result.returncode == 2, args
        assert "tom: skriv et ord, et opgave-id eller et KLE-nummer" in result.stderr, args
    # A command no one has, or none at all: argparse's words, in Danish.
    assert "fejl: argument COMMAND: ugyldigt valg: 'hvem'" in run("hvem", "løn").stderr
    assert "fejl: disse argumenter mangler: COMMAND" in run().stderr


def test_as_of_changes_the_answer() -> None:
    before = json.loads(run("chain", "unit:organisation-og-politik", "--json").stdout)
    assert before[0]["id"] == "unit:organisation-og-politik"
    gone = run("chain", "unit:organisation-og-politik", "--as-of", "2020-01-01")
    assert gone.returncode == 1 and "gælder ikke den 2020-01-01" in gone.stderr
    # By its name too: "no node has the name" came with the names of two other units.
    named = run("chain", "Organisation og Politik", "--as-of", "2022-06-01")
    assert named.returncode == 1
    assert "gælder ikke den 2022-06-01, men fra 2023-01-01" in named.stderr, named.stderr


def test_a_date_the_question_names_set_aside_by_as_of_is_said() -> None:
    # Leadership's seventh probe: "hvem var borgmester i 2019" with --as-of was answered for
    # the date given, today's mayor, with no word that the question's year was not asked.
    told = run("who-owns", "hvem var borgmester i 2019", "--as-of", "2026-11-01")
    assert told.returncode == 0 and "Lars Gravgaard Hansen" in told.stdout
    assert ("Bemærk: spørgsmålet nævner 2019-07-01, men svaret er pr. 2026-11-01 (--as-of)"
            in told.stderr)
    named = run("who-owns", "hvem var borgmester i 2019")
    assert "Steen Christiansen" in named.stdout and "--as-of" not in named.stderr
    # "tilbage i 2012" (leadership's eighth probe: "tilbage" met bookkeeping)
    assert "Steen Christiansen" in run("who-owns", "hvem var borgmestern tilbage i 2012").stdout
    # ... "sad som", and the municipality's name in the genitive (leadership's ninth probe)
    assert "Steen Christiansen" in run("who-owns", "hvem sad som borgmester i 2017").stdout
    assert run("who-owns", "hvem er albertslunds borgmester").stdout.startswith("Borgmester ")


def test_data_option_and_help(tmp_path: Path) -> None:
    result = run("who-owns", "løn", "--data", str(tmp_path))
    assert result.returncode == 1 and "ingen .yaml-datafiler i mappen" in result.stderr
    assert "who-owns" in run("--help").stdout


def test_a_data_folder_named_is_read_though_neo4j_uri_is_set(tmp_path: Path) -> None:
    # NEO4J_URI beat --data: "view org --data DIR" drew whatever graph the server held.
    away = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}  # nothing listens
    named = run("who-owns", "løn", "--data", "data/albertslund", "--json", env_extra=away,
                cwd=Path(__file__).resolve().parents[2])
    assert named.returncode == 0 and json.loads(named.stdout)[0]["task"]["id"] == "task:lon"
    assert run("who-owns", "løn", env_extra=away).returncode == 3  # the server, unreachable
    assert run("who-owns", "løn", "--neo4j", "--data", "data/albertslund",
               env_extra=away).returncode == 3  # --neo4j asks for it, whatever the folder
    out = tmp_path / "org.html"
    assert run("view", "org", "--data", "data/albertslund", "--out", str(out), env_extra=away,
               cwd=Path(__file__).resolve().parents[2]).returncode == 0 and out.exists()


def test_validate_counts_the_rest_of_many_problems_of_one_kind(tmp_path: Path) -> None:
    # The administrator's probe: 60,000 tasks without an owner printed 60,000 lines alike.
    common = "source: intern, confidence: high"
    tasks = "".join(f"  - {{id: task:t{i}, kind: Task, name: T{i}, {common}}}\n"
                    for i in range(25))
    (tmp_path / "d.yaml").write_text(
        "sources:\n  - {key: intern, title: Intern, confidence: high}\nnodes:\n" + tasks,
        encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "da")
    lines = done.stderr.splitlines()
    assert done.returncode == 1 and len(lines) == 12, lines
    assert lines[0].startswith("d.yaml:4: task:t0: opgaven har ingen ansvarlig")
    assert lines[10] == ("… og 15 problem(er) mere af samme slags: opgaven har ingen ansvarlig "
                         "(RESPONSIBLE_FOR med raci A)")
    assert lines[11].startswith("25 problem(er) i ")
    # ... every one of them for a machine
    as_json = json.loads(run("validate", str(tmp_path), "--json").stdout)
    assert len(as_json["problems"]) == 25


def test_validate_notes_a_kle_number_no_topic_has(tmp_path: Path) -> None:
    # "99.99.99" was valid, and shown as KLE 99.99.99 everywhere; a number of the catalogue
    # (two levels, "81.15", stands for 81.15.00) is not noted. Valid all the same: exit 0.
    common = "source: intern, confidence: high"
    (tmp_path / "d.yaml").write_text(f"""\
sources:
  - {{key: intern, title: Intern, confidence: high}}
nodes:
  - {{id: org:k, kind: Organisation, name: K, {common}}}
  - {{id: task:t, kind: Task, name: T, kle: "99.99.99", {common}}}
  - {{id: task:u, kind: Task, name: U, kle: "81.15", {common}}}
edges:
  - {{type: RESPONSIBLE_FOR, from: org:k, to: task:t, raci: A, {common}}}
  - {{type: RESPONSIBLE_FOR, from: org:k, to: task:u, raci: A, {common}}}
""", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0 and done.stdout.startswith("Data are valid: 3 nodes")
    assert done.stderr == ("notice: d.yaml:5: task:t: kle: 99.99.99 is no topic of the KLE "
                           "catalogue: check the number\n")
    as_json = json.loads(run("validate", str(tmp_path), "--json").stdout)
    assert as_json["valid"] and [n["record_id"] for n in as_json["notices"]] == ["task:t"]
    assert run("validate", "data/albertslund", cwd=Path(__file__).resolve().parents[2]
               ).stderr == ""
    # Said in Danish on a Danish command line (it was English whatever the language).
    assert run("validate", str(tmp_path), "--lang", "da").stderr == (
        "bemærk: d.yaml:5: task:t: kle: 99.99.99 er intet emne i KLE-kataloget: tjek nummeret\n")


def test_validate_notes_two_records_of_a_kind_named_alike_at_the_same_time(
        tmp_path: Path) -> None:
    # A unit written twice under two ids loaded without a word: every question naming it met
    # both. A successor of the same name (one ends before the other begins), a task and an
    # asset alike named, are no notice. Valid all the same: exit 0.
    common = "source: intern, confidence: high"
    (tmp_path / "d.yaml").write_text(f"""\
sources:
  - {{key: intern, title: Intern, confidence: high}}
nodes:
  - {{id: unit:lon, kind: Unit, name: Løn og Personale, level: enhed, {common}}}
  - {{id: unit:loen, kind: Unit, name: "løn og  personale", level: enhed, {common}}}
  - {{id: unit:it, kind: Unit, name: IT, level: enhed, valid_to: 2023-12-31, {common}}}
  - {{id: unit:it-ny, kind: Unit, name: IT, level: enhed, valid_from: 2024-01-01, {common}}}
  - {{id: task:it, kind: Task, name: IT, {common}}}
  - {{id: asset:it, kind: Asset, name: IT, {common}}}
  - {{id: org:k, kind: Organisation, name: Kommunen, {common}}}
edges:
  - {{type: RESPONSIBLE_FOR, from: unit:lon, to: task:it, raci: A, {common}}}
""" + "".join(f"  - {{type: PART_OF, from: unit:{unit}, to: org:k, {common}}}\n"
              for unit in ("lon", "loen", "it", "it-ny")), encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0 and done.stdout.startswith("Data are valid: 7 nodes")
    assert done.stderr == (
        "notice: d.yaml:5: unit:loen: name: the same name as unit:lon (at d.yaml:4), another "
        "Unit at the same time: a question naming it meets both; merge the two if they are "
        "one, or give each a name that tells them apart\n")
    assert run("validate", str(tmp_path)).stderr.startswith(
        "bemærk: d.yaml:5: unit:loen: name: samme navn som unit:lon (i d.yaml:4), en anden Unit "
        "på samme tid: et spørgsmål, der nævner navnet, møder begge; læg dem sammen")
    as_json = json.loads(run("validate", str(tmp_path), "--json").stdout)
    assert [(n["record_id"], n["field"]) for n in as_json["notices"]] == [("unit:loen", "name")]


def test_validate_notes_a_unit_or_post_that_belongs_to_nothing(tmp_path: Path) -> None:
    # A unit without a PART_OF loaded without a word, and the org chart left it out; so did
    # the parts of a unit that ended, from the day after, and a post placed only from a date.
    common = "source: intern, confidence: high"
    (tmp_path / "d.yaml").write_text(f"""\
sources:
  - {{key: intern, title: Intern, confidence: high}}
nodes:
  - {{id: org:k, kind: Organisation, name: Kommunen, {common}}}
  - {{id: unit:stab, kind: Unit, name: Stab, level: afdeling, valid_to: 2025-12-31, {common}}}
  - {{id: unit:lon, kind: Unit, name: Løn, level: enhed, {common}}}
  - {{id: unit:ny, kind: Unit, name: Ny, level: enhed, {common}}}
  - {{id: post:chef, kind: Post, name: Chef, {common}}}
  - {{id: forum:ledere, kind: Forum, name: Lederforum, {common}}}
edges:
  - {{type: PART_OF, from: unit:stab, to: org:k, {common}}}
  - {{type: PART_OF, from: unit:lon, to: unit:stab, {common}}}
  - {{type: POST_IN, from: post:chef, to: unit:lon, valid_from: 2024-01-01, {common}}}
""", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "notice: d.yaml:6: unit:lon: id: part of nothing from 2026-01-01: the org chart leaves "
        "it out and its reporting line stops at it; add a PART_OF edge from it to the unit or "
        "organisation it belongs to",
        "notice: d.yaml:7: unit:ny: id: part of nothing: the org chart leaves it out and its "
        "reporting line stops at it; add a PART_OF edge from it to the unit or organisation it "
        "belongs to",
        "notice: d.yaml:8: post:chef: id: in no unit until 2023-12-31: the org chart leaves it "
        "out and its reporting line stops at it; add a POST_IN edge from it to its unit (or "
        "body or forum)",
        "notice: d.yaml:9: forum:ledere: id: part of nothing: the org chart leaves it out and "
        "its reporting line stops at it; add a PART_OF edge from it to the unit or "
        "organisation it belongs to"]
    assert run("validate", str(tmp_path)).stderr.splitlines()[0] == (
        "bemærk: d.yaml:6: unit:lon: id: del af intet fra 2026-01-01: organisationsdiagrammet "
        "udelader den, og dens referencelinje stopper ved den; tilføj en PART_OF-relation fra "
        "den til den enhed eller organisation, den hører under")


def test_a_post_or_unit_in_two_places_or_two_heads_at_once_are_noticed(tmp_path: Path) -> None:
    # A post moved to another unit without an end on the edge it left, and a second head of
    # a unit, loaded without a word: who-owns named two leaders, the org chart one unit.
    common = "source: intern, confidence: high"
    (tmp_path / "d.yaml").write_text(f"""\
sources:
  - {{key: intern, title: Intern, confidence: high}}
nodes:
  - {{id: org:k, kind: Organisation, name: Kommunen, {common}}}
  - {{id: unit:lon, kind: Unit, name: Løn, level: enhed, {common}}}
  - {{id: unit:it, kind: Unit, name: IT, level: enhed, {common}}}
  - {{id: post:chef, kind: Post, name: Chef, {common}}}
  - {{id: post:ny, kind: Post, name: Ny chef, {common}}}
edges:
  - {{type: PART_OF, from: unit:lon, to: org:k, {common}}}
  - {{type: PART_OF, from: unit:it, to: org:k, valid_to: 2023-12-31, {common}}}
  - {{type: PART_OF, from: unit:it, to: unit:lon, valid_from: 2024-01-01, {common}}}
  - {{type: POST_IN, from: post:chef, to: unit:lon, {common}}}
  - {{type: POST_IN, from: post:ny, to: unit:lon, {common}}}
  - {{type: POST_IN, from: post:ny, to: unit:it, valid_from: 2026-07-01, {common}}}
  - {{type: HEADS, from: post:chef, to: unit:lon, valid_to: 2025-12-31, {common}}}
  - {{type: HEADS, from: post:ny, to: unit:lon, valid_from: 2025-06-01, {common}}}
""", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    # (the unit that moved with an end on the edge it left is no notice)
    assert done.stderr.splitlines() == [
        "notice: d.yaml:15: POST_IN:post:ny->unit:it: to: in two units from 2026-07-01: "
        "unit:lon and unit:it; the org chart draws it under one of them and its reporting line "
        "follows one; a post that moved: end the edge to the unit it left with valid_to",
        "notice: d.yaml:17: HEADS:post:ny->unit:lon: from: headed by two posts from 2025-06-01: "
        "post:chef and post:ny; who-owns names both as its leader; a new head: end the old "
        "HEADS edge with valid_to"]
    assert run("validate", str(tmp_path)).stderr.splitlines()[1] == (
        "bemærk: d.yaml:17: HEADS:post:ny->unit:lon: from: ledet af to stillinger fra "
        "2025-06-01: post:chef og post:ny; who-owns nævner begge som dens leder; en ny leder: "
        "afslut den gamle HEADS-relation med valid_to")


def test_an_edge_dated_outside_its_nodes_is_noticed(tmp_path: Path) -> None:
    # The administrator's probe: a holder from January of a post created in April was taken
    # without a word; queries read it from April, so nothing showed the slip.
    common = "source: intern, confidence: high"
    (tmp_path / "d.yaml").write_text(f"""\
sources:
  - {{key: intern, title: Intern, confidence: high}}
nodes:
  - {{id: org:k, kind: Organisation, name: Kommunen, {common}}}
  - {{id: unit:lon, kind: Unit, name: Løn, level: enhed, valid_to: 2030-12-31, {common}}}
  - {{id: post:chef, kind: Post, name: Chef, valid_from: 2026-04-01, {common}}}
  - {{id: person:a, kind: Person, name: A, {common}}}
edges:
  - {{type: PART_OF, from: unit:lon, to: org:k, {common}}}
  - {{type: POST_IN, from: post:chef, to: unit:lon, valid_to: 2031-06-30, {common}}}
  - {{type: HOLDS, from: person:a, to: post:chef, valid_from: 2026-01-01, {common}}}
""", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    said = done.stderr.splitlines()
    assert ("notice: d.yaml:10: POST_IN:post:chef->unit:lon: valid_to: ends 2031-06-30, after "
            "unit:lon does (2030-12-31): it holds until 2030-12-31; check the date") in said
    assert ("notice: d.yaml:11: HOLDS:person:a->post:chef: valid_from: begins 2026-01-01, "
            "before post:chef does (2026-04-01): it holds from 2026-04-01; check the date") in said
    assert not any("PART_OF" in line for line in said)  # an edge with no dates of its own
    assert "begynder 2026-01-01, før post:chef gør (2026-04-01)" in run(
        "validate", str(tmp_path)).stderr


def test_a_folder_whose_sources_file_is_gone_is_noticed(tmp_path: Path) -> None:
    # With sources.yaml deleted, every source key was taken as written: valid, without a word.
    (tmp_path / "d.yaml").write_text("""\
nodes:
  - {id: unit:lon, kind: Unit, name: Løn, level: enhed, source: seed, confidence: high}
  - {id: unit:it, kind: Unit, name: IT, level: enhed, source: sede, confidence: high,
     url: https://albertslund.dk}
""", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1:] == [
        "notice: d.yaml:2: unit:lon: source: the records cite 2 sources ('sede', 'seed') and "
        "the folder lists none: no source key is checked, and none has a title or an address; "
        "add a sources: list (e.g. sources.yaml)"]
    assert "mappen har ingen kildeliste" in run("validate", str(tmp_path)).stderr


def test_a_file_of_the_data_folder_that_is_not_read_is_noticed(tmp_path: Path) -> None:
    # A backup, a CSV copy and notes were left out without a word; documentation and hidden
    # files still are.
    (tmp_path / "d.yaml").write_text(
        "nodes:\n  - {id: unit:lon, kind: Unit, name: Løn, level: enhed, source: "
        "https://albertslund.dk, confidence: high}\n", encoding="utf-8")
    for name in ("d.yaml~", "medarbejdere.csv", "README.md", ".udkast.yaml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    done = run("validate", str(tmp_path), "--lang", "en")
    assert done.returncode == 0, done.stderr
    unread = [line for line in done.stderr.splitlines() if "not read" in line]
    assert unread == [
        "notice: d.yaml~: not read: data files end in .yaml, .yml or .jsonl (a copy or a "
        "backup? move it out of the data folder)",
        "notice: medarbejdere.csv: not read: data files end in .yaml, .yml or .jsonl (a copy or "
        "a backup? move it out of the data folder)"]
    assert "medarbejdere.csv: læses ikke: datafiler ender på .yaml" in run(
        "validate", str(tmp_path)).stderr


def test_schema_file_is_current() -> None:
    from orgmodel.jsonschema import data_file_schema_text

    committed = (
        Path(__file__).resolve().parents[2] / "data" / "schema" / "orgmodel-data.schema.json"
    )
    assert committed.read_text(encoding="utf-8") == data_file_schema_text(), (
        "run: orgmodel schema --out data/schema/orgmodel-data.schema.json"
    )


@pytest.mark.parametrize("command", ["who-owns", "search", "chain", "show", "view", "site"])
def test_every_example_in_a_commands_help_works(command: str, tmp_path: Path) -> None:
    # The examples under --help are what a new user copies first: each must work.
    import shlex

    help_text = run(command, "--help").stdout
    examples = [line.strip() for line in help_text.split("Examples:", 1)[1].splitlines()
                if line.strip().startswith("orgmodel ")]
    assert len(examples) >= 2, help_text
    for example in examples:
        done = run(*shlex.split(example)[1:], cwd=tmp_path)  # files go to a fresh folder
        assert done.returncode == 0 and (done.stdout.strip() or any(tmp_path.iterdir())), (
            example, done.stderr)


def test_an_answer_says_where_to_write_and_who_decides() -> None:
    payslip = run("who-owns", "who do I contact about my payslip?", "--lang", "en",
                  "--limit", "1").stdout
    assert "  Mailbox: loen@albertslund.dk\n" in payslip
    # in English where the data has it (it was said in Danish)
    assert "  Service goal: Letter of employment and registration in OPUS payroll" in payslip
    # ... and in which system the work is done (the task's USES edges)
    assert "  Uses: OPUS payroll (supplied by KMD)\n" in payslip
    budget = run("who-owns", "hvem vedtager budgettet?", "--limit", "1").stdout
    assert "  Besluttes af: Kommunalbestyrelsen\n" in budget


def test_a_question_that_names_a_year_is_answered_for_that_year() -> None:
    # Payroll moved to Organisation og Politik on 1 January 2023; the mayor changed in 2022.
    # Before, it lay in one of the department's two earlier units (which one: unknown), not
    # with the Finance Committee, as the parent task's owner once said.
    before = run("who-owns", "hvem havde ansvaret for løn i 2022?", "--limit", "1")
    assert before.returncode == 0
    assert before.stdout.startswith("Svar pr. 2022-07-01 (midt i det år, spørgsmålet nævner).")
    assert "A  Økonomi og Stab  [Afdeling, unit:okonomi-og-stab]  (sikkerhed: lav" in before.stdout
    after = run("who-owns", "hvem havde ansvaret for løn i 2024?", "--limit", "1")
    assert "A  Organisation og Politik" in after.stdout
    mayor = run("who-owns", "who was mayor in 2020", "--lang", "en")
    assert "Held by: Steen Christiansen" in mayor.stdout
    # --as-of decides when it is given; the year named then only leaves the question.
    told = run("who-owns", "hvem havde ansvaret for løn i 2022?", "--as-of", "2024-06-01")
    assert "Svar pr." not in told.stdout and "A  Organisation og Politik" in told.stdout


def test_a_question_that_says_next_or_last_year_is_answered_for_it() -> None:
    # "next year" was no date: the question was answered for today, as a weak match.
    from datetime import date

    year = date.today().year
    coming = run("who-owns", "who will own payroll next year?", "--limit", "1", "--lang", "en")
    assert coming.returncode == 0
    assert coming.stdout.startswith(f"Answer as of {year + 1}-07-01 (the middle of the year")
    assert "Weak match" not in coming.stdout
    last = run("who-owns", "hvem havde ansvaret for løn i fjor?", "--limit", "1")
    assert last.stdout.startswith(f"Svar pr. {year - 1}-07-01")


def test_search_names_hits_in_the_language_asked_for() -> None:
    english = run("search", "økonomi og stab", "--lang", "en").stdout.splitlines()
    hit = next(line for line in english if "unit:okonomi-og-stab" in line)
    assert hit.startswith("Finance and Staff ") and " Department " in hit
    danish = run("search", "økonomi og stab").stdout.splitlines()
    assert next(line for line in danish if "unit:okonomi-og-stab" in line).startswith(
        "Økonomi og Stab ")


def test_load_of_unsound_data_says_so_in_one_language(tmp_path: Path) -> None:
    # "… intet er indlæst." was followed by "orgmodel: nothing was written to Neo4j".
    (tmp_path / "d.yaml").write_text(
        "nodes:\n  - {id: task:x, kind: Task, name: X, source: seed, confidence: high}\n",
        encoding="utf-8")
    away = {"NEO4J_URI": "bolt://127.0.0.1:9"}  # checked before any server is asked
    danish = run("load", str(tmp_path), "--neo4j", env_extra=away)
    assert danish.returncode == 1
    assert danish.stderr.endswith("intet er indlæst.\norgmodel: intet er skrevet til Neo4j\n")
    english = run("load", str(tmp_path), "--neo4j", "--lang", "en", env_extra=away)
    assert english.stderr.endswith("nothing was loaded.\norgmodel: nothing was written to Neo4j\n")
    # Without --neo4j it writes nowhere, and says how to check the folder alone.
    bare = run("load", str(tmp_path))
    assert bare.returncode == 2 and bare.stderr.rstrip().endswith(
        "en datamappe alene tjekkes med orgmodel validate MAPPE")
    bare = run("load", str(tmp_path), "--lang", "en")
    assert bare.returncode == 2 and bare.stderr.rstrip().endswith(
        "to check a data folder alone: orgmodel validate DIR")


def test_who_owns_in_a_year_says_when_the_task_changed_hands(tmp_path: Path) -> None:
    import shutil

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "data"
    shutil.copytree(root / "data" / "albertslund", folder)
    tasks = folder / "opgaver.yaml"
    owner = ("  - {type: RESPONSIBLE_FOR, from: unit:okonomi-og-indkob, to: task:indkob, raci: A, "
             "source: seed, confidence: high}\n")
    text = tasks.read_text(encoding="utf-8")
    assert owner in text
    ended = owner.replace("raci: A,", "raci: A, valid_to: 2027-02-28,")
    successor = owner.replace("unit:okonomi-og-indkob", "unit:it-og-digitalisering").replace(
        "raci: A,", "raci: A, valid_from: 2027-03-01,")
    tasks.write_text(text.replace(owner, ended + successor), encoding="utf-8")
    done = run("who-owns", "hvem havde ansvaret for indkøb i 2027?", "--data", str(folder),
               "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert ("The accountable owner (A) changes during 2027: Finance and Procurement until 28 "
            "February → IT and Digitalisation from 1 March.") in done.stdout


def test_show_in_english_describes_a_relation_in_english() -> None:
    # The remarks under `show --lang en` gave each relation's description in Danish.
    done = run("show", "post:chef-okonomi-og-stab", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "The head reports to the municipal director." in done.stdout
    assert "Chefen refererer til kommunaldirektøren." not in done.stdout
    assert "Chefen refererer til kommunaldirektøren." in run(
        "show", "post:chef-okonomi-og-stab").stdout


def test_ctrl_c_while_the_commands_load_is_no_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The commands' modules load in the command's first half second: Ctrl-C there printed a
    # traceback through importlib (a load's Ctrl-C later was already "interrupted", 130).
    import orgmodel.cli as cli

    def interrupted() -> dict[str, object]:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_plugins", interrupted)
    assert cli.main(["validate"]) == 130
    assert capsys.readouterr().err == "orgmodel: interrupted\n"


def test_ctrl_c_before_the_command_line_has_loaded_is_no_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # The `orgmodel` command's entry point imports the command line itself (networkx,
    # pydantic …, half a second): a Ctrl-C then printed a traceback through importlib.
    import importlib.abc

    from orgmodel.launch import run

    class Interrupted(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, *_: object) -> None:
            if name == "orgmodel.cli":
                raise KeyboardInterrupt

    monkeypatch.delitem(sys.modules, "orgmodel.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupted(), *sys.meta_path])
    assert run() == 130
    assert capsys.readouterr().err == "orgmodel: interrupted\n"


def test_who_owns_an_unknown_id_names_the_id_meant() -> None:
    # "Intet svar på »task:lonn«" said nothing of the payroll task one letter away.
    done = run("who-owns", "task:lonn")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == ("orgmodel: Ingen node har id'et eller navnet »task:lonn«. Mente du: "
                           "Løn (task:lon)?\n")


def test_validate_says_which_folder_when_two_are_named_or_a_parent_is_given(
        tmp_path: Path) -> None:
    # "validate DIR --data OTHER" checked DIR without a word; the folder above the data (the
    # repository's data/) gave five problems and no word of the folder meant.
    data = Path(__file__).resolve().parents[2] / "data"
    done = run("validate", str(data / "albertslund"), "--data", str(tmp_path), "--lang", "en")
    assert done.returncode == 2 and "name two folders: name one" in done.stderr
    above = run("validate", str(data), "--lang", "en")
    assert above.returncode == 1
    assert above.stderr.splitlines()[-1] == (
        f"Did you mean the data folder {data / 'albertslund'}?")
