"""Loading and validation: all or nothing, every problem located by file and line."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.dataset import check_dataset
from orgmodel.exceptions import DataValidationError
from orgmodel.loader import load_dataset
from orgmodel.problem_text import in_danish, problem_line

GOOD = """\
sources:
  - {key: seed, title: Seed, confidence: high}
nodes:
  - id: unit:a
    kind: Unit
    name: Enhed A
    level: enhed
    source: seed
    confidence: high
  - id: post:leder-a
    kind: Post
    name: Leder af A
    source: seed
    confidence: high
  - id: task:lon
    kind: Task
    name: Løn
    kle: "81.15.00"
    source: seed
    confidence: high
edges:
  - {type: HEADS, from: post:leder-a, to: unit:a, source: seed, confidence: high}
  - {type: RESPONSIBLE_FOR, from: unit:a, to: task:lon, raci: A, source: seed, confidence: high}
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        load_dataset(folder)
    return [str(p) for p in caught.value.problems]


def test_a_sound_folder_loads_with_origins(tmp_path: Path) -> None:
    write(tmp_path, "org.yaml", GOOD)
    ds = load_dataset(tmp_path)
    assert sorted(ds.nodes) == ["post:leder-a", "task:lon", "unit:a"]
    assert ds.origin("task:lon").line == 15
    assert ds.origin("RESPONSIBLE_FOR:unit:a->task:lon").line == 23


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    name: Enhed A\n",
            "    nam: Enhed A\n",
            "org.yaml:6: unit:a: nam: unknown field 'nam'",
        ),
        ("    level: enhed\n", "", "org.yaml:4: unit:a: level: missing required field 'level'"),
        ("    level: enhed\n", "    level: kontor\n", "org.yaml:7: unit:a: level: Input should be"),
        (
            "    kind: Unit\n",
            "    kind: Afdeling\n",
            "org.yaml:5: unit:a: kind: unknown kind 'Afdeling'",
        ),
        ('kle: "81.15.00"', 'kle: "8115"', "org.yaml:18: task:lon: kle: write a KLE number as 81"),
        (
            "to: unit:a,",
            "to: unit:b,",
            "org.yaml:22: HEADS:post:leder-a->unit:b: to: refers to 'unit:b', which does not exist",
        ),
        ("raci: A,", "raci: R,", "org.yaml:15: task:lon: task has no accountable owner"),
        (
            "type: HEADS, from: post:leder-a, to: unit:a",
            "type: HEADS, from: unit:a, to: post:leder-a",
            "org.yaml:22: HEADS:unit:a->post:leder-a: type: HEADS may not join Unit to Post: "
            "from and to swapped? It runs from Post to Unit",
        ),
        (
            "    confidence: high\n  - id: post:leder-a",
            "    confidence: high\n    valid_from: 2024-01-01\n    valid_to: 2023-01-01\n"
            "  - id: post:leder-a",
            "org.yaml:11: unit:a: valid_to: valid_to 2023-01-01 is before valid_from",
        ),
        (
            "source: seed, confidence: high}\n  - {type: RESP",
            "source: web, confidence: high}\n  - {type: RESP",
            "org.yaml:22: HEADS:post:leder-a->unit:a: source: unknown source 'web'",
        ),
        (
            "edges:\n",
            "edges:\n  - {type: HEADS, from: post:leder-a, to: unit:a, source: seed, "
            "confidence: high}\n",
            "org.yaml:23: HEADS:post:leder-a->unit:a: duplicate edge",
        ),
        (
            "  - id: post:leder-a\n    kind: Post\n",
            "  - id: unit:a\n    kind: Unit\n    level: team\n",
            "org.yaml:10: unit:a: id: duplicate id (first defined at org.yaml:4)",
        ),
        (  # an id's prefix says its kind
            "  - id: post:leder-a\n",
            "  - id: unit:leder-a\n",
            "org.yaml:10: unit:leder-a: id: the id of a Post starts with 'post:' "
            "(e.g. post:leder-a)",
        ),
        ("    name: Enhed A\n", "    name: [Enhed A\n", "org.yaml:"),
        (  # shaped like a date, but none: the line and field, not line 1 of the file
            "    confidence: high\n  - id: post:leder-a",
            "    confidence: high\n    valid_from: 2024-02-30\n  - id: post:leder-a",
            "org.yaml:10: unit:a: valid_from: 2024-02-30 is not a day in the calendar",
        ),
        (  # a year alone is no date (pydantic would read it as seconds since 1970)
            "    confidence: high\n  - id: post:leder-a",
            "    confidence: high\n    valid_from: 2023\n  - id: post:leder-a",
            "org.yaml:10: unit:a: valid_from: write the date as YYYY-MM-DD",
        ),
        (  # YAML reads NO as false: say so, and how to write it
            "    level: enhed\n",
            "    level: enhed\n    abbreviation: NO\n",
            "org.yaml:8: unit:a: abbreviation: Input should be a valid string (YAML reads 'NO' "
            "as False: write it in quotes, abbreviation: \"NO\")",
        ),
        (  # and "yes" as true, which a lax count would take for 1
            "    level: enhed\n",
            "    level: enhed\n    staff_count: yes\n",
            "org.yaml:8: unit:a: staff_count: Input should be a valid integer (YAML reads 'yes' "
            "as True)",
        ),
        ("  - id: unit:a\n", "  - id:\n", "org.yaml:4: id: has no value"),
        ("    name: Enhed A\n", "    name: '   '\n", "org.yaml:6: unit:a: name: is blank"),
        ("    name: Enhed A\n", "    name: \"Enhed\\x01 A\"\n",
         "org.yaml:6: unit:a: name: holds the control character U+0001"),
        # "Trojan Source": shown as "Enhed A", stored reversed; found by neither.
        ("    name: Enhed A\n", "    name: \"Enhed \\u202eA dehnE\"\n",
         "org.yaml:6: unit:a: name: holds the direction control U+202E"),
        ("    name: Enhed A\n", "    name: \"Enhed\\u200b A\"\n",
         "org.yaml:6: unit:a: name: holds the invisible character U+200B"),
        # a soft hyphen pasted from a web page: "Enhed A" shown, not found as written
        ("    name: Enhed A\n", "    name: \"En\u00adhed A\"\n",
         "org.yaml:6: unit:a: name: holds the invisible character U+00AD (soft hyphen)"),
        ("    name: Enhed A\n", "    name: \"Enhed\u200d A\"\n",
         "org.yaml:6: unit:a: name: holds the invisible character U+200D (zero width joiner)"),
        # the pages' own marks of Danish, or any private-use character (the code review)
        ("    name: Enhed A\n", "    name: \"Enhed \\ue000A\"\n",
         "org.yaml:6: unit:a: name: holds the private-use character U+E000"),
        ("    name: Enhed A\n", "    name: ' Enhed A'\n",
         "org.yaml:6: unit:a: name: ' Enhed A' begins or ends with a space: write 'Enhed A'"),
        ("    level: enhed\n", "    level: enhed\n    aliases: [A, B, A]\n",
         "org.yaml:8: unit:a: aliases: alias 3 ('A') repeats alias 1"),
        ("    level: enhed\n", "    level: enhed\n    aliases: [Enhed  A]\n",
         "org.yaml:8: unit:a: aliases: alias 1 ('Enhed  A') repeats the name"),
        ("    level: enhed\n", "    level: enhed\n    url: 'https://'\n",
         "org.yaml:8: unit:a: url: 'https://' names no site"),
        ("    level: enhed\n", "    level: enhed\n    url: https://albertslund.dk/om os\n",
         "org.yaml:8: unit:a: url: 'https://albertslund.dk/om os' holds a space"),
        ("    level: enhed\n", "    level: enhed\n    url: 'http://[::1'\n",
         "org.yaml:8: unit:a: url: 'http://[::1' is no web address"),
        (  # an id shaped as another edge's key was read as that edge's, in its history
            "edges:\n",
            "edges:\n  - {id: 'HEADS:post:x->unit:y', type: HEADS, from: post:leder-a, "
            "to: unit:a, source: seed, confidence: high}\n",
            "org.yaml:22: HEADS:post:leder-a->unit:a: id: holds '->', which names edges that "
            "have no id",
        ),
        (  # an edge from a node to itself: a copy-paste slip, drawn as a loop
            "edges:\n",
            "edges:\n  - {type: COLLABORATES_WITH, from: unit:a, to: unit:a, source: seed, "
            "confidence: high}\n",
            "org.yaml:22: COLLABORATES_WITH:unit:a->unit:a: to: is the same node as from "
            "(unit:a)",
        ),
        ("    kind: Unit\n", "    kind: [Unit]\n", "org.yaml:5: unit:a: kind: unknown kind"),
        ("    level: enhed\n", "    level: enhed\n    url: javascript:alert(1)\n",
         "org.yaml:8: unit:a: url: write a web address beginning with https:// or http://"),
        ("edges:\n", "---\nedges:\n", "org.yaml:21: YAML syntax error: a second document ('---'): "
         "a data file is one document; remove the line"),
        # An unclosed quote or bracket is named where it opens, not where libyaml gives up
        ("    name: Enhed A\n", "    name: \"Enhed A\n",
         "org.yaml:6: YAML syntax error: a quote opened on this line (column 11) closes only on "
         "line 18: is its closing quote missing? (libyaml noticed on line 18"),
        ("    level: enhed\n", "    level: enhed\n    aliases: [A, B\n",
         "org.yaml:8: YAML syntax error: a '[' opened on this line (column 14) is not closed"),
        ("    level: enhed\n", "    <<: {level: enhed}\n",
         "org.yaml:7: YAML merge keys (<<) are not allowed: write the fields out"),
        ("    name: Enhed A\n", "    name: Enhed A\u2028\n",
         "org.yaml:6: the invisible character U+2028 (LINE SEPARATOR)"),
        ("    name: Enhed A\n", "    name: Enhed A \x0b\n",
         "org.yaml:6: the character U+000B is not allowed in YAML"),
        ("    level: enhed\n", "    level: enhed\n    ~: 75\n",
         "org.yaml:8: a key must be a plain word, not '~'"),
        ("    level: enhed\n", "    level: enhed\n    ? [a, b]\n    : 75\n",
         "org.yaml:8: a key must be a plain word, not a list"),  # not "[ScalarNode(…), …]"
        ("    level: enhed\n", "    level: enhed\n    {a: 1}: 75\n",
         "org.yaml:8: a key must be a plain word, not a mapping"),
        # which entry of a list: the first too (its index was dropped: "aliases: must be text")
        ("    level: enhed\n", "    level: enhed\n    aliases: [[OPUS]]\n",
         "org.yaml:8: unit:a: aliases.0: "),
        ("edges:\n", "edges:\n  - HEADS post:leder-a -> unit:a\n",
         "org.yaml:22: each entry of edges must be a mapping"),
        (
            "edges:\n",
            "edges:\n  - {id: unit:a, type: HEADS, from: post:leder-a, to: unit:a, source: seed, "
            "confidence: high}\n",
            "org.yaml:22: unit:a: the edge's id is a node's id (the node at org.yaml:4)",
        ),
        ("    name: Leder af A\n",
         "    name: Leder af A\n    name_en: Head of A, tlf. 43.68.68.68.\n",
         "org.yaml:13: post:leder-a: name_en: '43.68.68.68' looks like a phone number"),
        (  # personal data: a post carries a functional mailbox, never a phone number
            "    name: Leder af A\n",
            "    name: Leder af A\n    description: Ring til lederen på 43 68 68 68\n",
            "org.yaml:13: post:leder-a: description: '43 68 68 68' looks like a phone number",
        ),
        ("    name: Leder af A\n",  # 4+4 is a year span too, but not after "tlf."
         "    name: Leder af A\n    description: Kontor på rådhuset, tlf. 4368 6868\n",
         "org.yaml:13: post:leder-a: description: 'tlf. 4368 6868' looks like a phone number"),
        (  # a private number is personal in any record: here on the edge to the unit's head
            "{type: HEADS, from: post:leder-a, to: unit:a, source: seed, confidence: high}",
            "{type: HEADS, from: post:leder-a, to: unit:a, source: seed, confidence: high, "
            "description: Lederens mobil 22 33 44 55}",
            "org.yaml:22: HEADS:post:leder-a->unit:a: description: 'mobil 22 33 44 55' is a "
            "private phone number"),
        ("    level: enhed\n",  # a CPR number, in any record
         "    level: enhed\n    description: Kontaktperson (cpr 0101701234)\n",
         "org.yaml:8: unit:a: description: 'cpr 0101701234' looks like a CPR number"),
        ("    name: Leder af A\n",
         "    name: Leder af A\n    description: Født 010170-1234\n",
         "org.yaml:13: post:leder-a: description: '010170-1234' looks like a CPR number"),
        # YAML 1.1 reads these as numbers and times; none is what a person means by a count
        # or a day (0x10 became 16 and 1_000 became 1000, a time of day a day)
        ("    level: enhed\n", "    level: enhed\n    staff_count: 0x10\n",
         "org.yaml:8: unit:a: staff_count: Input should be a valid integer (got '0x10')"),
        ("    level: enhed\n", "    level: enhed\n    staff_count: 1_000\n",
         "org.yaml:8: unit:a: staff_count: Input should be a valid integer (got '1_000')"),
        ("    level: enhed\n", "    level: enhed\n    valid_from: 2026-02-28T10:00:00\n",
         "org.yaml:8: unit:a: valid_from: write the date as YYYY-MM-DD"),
        ("    level: enhed\n",  # a field the record nearly has is named
         "    level: enhed\n    valid_until: 2026-12-31\n",
         "org.yaml:8: unit:a: valid_until: unknown field 'valid_until' (did you mean "
         "'valid_to'?)"),
        ("  - id: unit:a\n", "  - id: unit:Økonomi og Indkøb\n",  # the id it is written for
         "org.yaml:4: unit:Økonomi og Indkøb: id: an id is written prefix:name in a-z, 0-9, "
         "'.', '_' and '-' (no capitals, æ, ø, å or spaces): write 'unit:okonomi-og-indkob'"),
        ("{type: HEADS, from: post:leder-a, to: unit:a,",
         "{type: HEADS, form: post:leder-a, to: unit:a,",
         "org.yaml:22: HEADS:?->unit:a: form: unknown field 'form' (did you mean 'from'?)"),
        ("    name: Leder af A\n",  # a private mailbox: a post gives a functional one
         "    name: Leder af A\n    mailbox: steen.c@gmail.com\n",
         "org.yaml:13: post:leder-a: mailbox: 'steen.c@gmail.com' is a private mailbox"),
    ],
)
def test_each_kind_of_mistake_is_named_with_file_and_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in GOOD
    write(tmp_path, "org.yaml", GOOD.replace(old, new, 1))
    found = problems_of(tmp_path)
    assert any(p.startswith(expected) for p in found), found


def test_a_holding_carries_no_phone_number_of_its_holder(tmp_path: Path) -> None:
    # A phone number on the edge from a person to the post they hold is the person's: it was
    # refused on the person's record and accepted on their holding. Grouped any way after
    # "mobil" ("22 334 455"), it was accepted anywhere.
    holder = GOOD.replace("edges:\n", (
        "  - {id: person:a, kind: Person, name: Anna, source: seed, confidence: high}\n"
        "  - {id: person:b, kind: Person, name: Bo, description: \"Mobil: 22 334 455\", "
        "source: seed, confidence: high}\n"
        "edges:\n  - {type: HOLDS, from: person:a, to: post:leder-a, note: tlf. 22 33 44 55, "
        "source: seed, confidence: high}\n"), 1)
    write(tmp_path, "org.yaml", holder)
    assert problems_of(tmp_path) == [
        "org.yaml:22: person:b: description: 'Mobil: 22 334 455' is a private phone number "
        "(personal data): leave it out; a post gives a functional mailbox (got 'Mobil: 22 334 "
        "455')",
        "org.yaml:24: HOLDS:person:a->post:leder-a: note: note holds '22 33 44 55', which looks "
        "like a phone number; a holding links a person to a post and carries none (personal "
        "data): give the post a functional mailbox instead"]


def test_a_record_under_the_wrong_section_is_told_where_it_belongs(tmp_path: Path) -> None:
    # A node under edges: gave six problems of an edge "?:?->?" (no type, no from, …).
    write(tmp_path, "org.yaml", GOOD + (
        "  - {id: unit:b, kind: Unit, name: B, level: team, source: seed, confidence: high}\n"))
    assert problems_of(tmp_path) == [
        "org.yaml:24: unit:b: this record has 'kind' and no 'type': it is one of the nodes; "
        "move it under nodes:"]
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    assert problem_line(caught.value.problems[0], "da").endswith(
        "posten har 'kind' og intet 'type': den hører til under nodes; flyt den dertil")


def test_a_key_written_twice_refuses_its_record_and_hides_no_other_problem(
        tmp_path: Path) -> None:
    # The whole file was lost for it: its other problems, and the checks across records,
    # were not said until the key was mended.
    text = GOOD.replace("    name: Leder af A\n", "    name: Leder af A\n    name: Leder B\n", 1)
    text = text.replace("    kle: \"81.15.00\"\n", "    kle: \"81.15.00\"\n    staff: 3\n", 1)
    text = text.replace("to: unit:a, source: seed", "to: unit:a, source: sed", 1)
    write(tmp_path, "org.yaml", text)
    assert problems_of(tmp_path) == [
        "org.yaml:13: post:leder-a: name: duplicate key 'name': write it once",
        "org.yaml:20: task:lon: staff: unknown field 'staff'",
        "org.yaml:24: HEADS:post:leder-a->unit:a: source: unknown source 'sed' (add it to a "
        "sources: list; did you mean 'seed'?)"]
    # A section written twice loses the records of its second writing: said, and only that.
    write(tmp_path, "org.yaml", GOOD + "nodes:\n  - {id: unit:b}\n")
    assert problems_of(tmp_path) == [
        "org.yaml:24: duplicate key 'nodes': write each section once, with all its records "
        "under it"]


def test_every_piece_of_personal_data_in_a_text_is_named_in_either_language(
        tmp_path: Path) -> None:
    # Only the first was named (the CPR number here): an editor mended it, loaded again and
    # met the next; and the CPR and mailbox messages stayed English on a Danish command line.
    write(tmp_path, "org.yaml", GOOD.replace("    name: Leder af A\n", (
        "    name: Leder af A\n    description: Ring 43 68 68 68 (cpr 0101701234), "
        "skriv til a.b@gmail.com\n"), 1))
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    found = caught.value.problems
    assert [(p.line, p.field) for p in found] == [(13, "description")]
    english = problem_line(found[0], "en")
    assert english == (
        "org.yaml:13: post:leder-a: description: 'cpr 0101701234' looks like a CPR number "
        "(personal data): leave it out; also 'a.b@gmail.com' is a private mailbox (personal "
        "data): a post gives a functional one of the organisation's own domain; also "
        "'43 68 68 68' looks like a phone number; posts and persons carry none (personal "
        "data): give the post a functional mailbox instead (got 'Ring 43 68 68 68 (cpr "
        "0101701234), skriv til a.b@gmail.com')")
    assert problem_line(found[0], "da") == (
        "org.yaml:13: post:leder-a: description: 'cpr 0101701234' ligner et CPR-nummer "
        "(personoplysninger): udelad det; desuden 'a.b@gmail.com' er en privat postkasse "
        "(personoplysninger): en stilling har en funktionspostkasse på organisationens eget "
        "domæne; desuden '43 68 68 68' ligner et telefonnummer; stillinger og personer har "
        "ingen (personoplysninger): giv stillingen en funktionspostkasse i stedet (fik 'Ring "
        "43 68 68 68 (cpr 0101701234), skriv til a.b@gmail.com')")


def test_messages_say_what_is_wrong_and_nothing_that_is_not(tmp_path: Path) -> None:
    # Dates in the wrong order: no "(YAML reads '2023-12-31' as {the whole record})" after it.
    write(tmp_path, "org.yaml", GOOD.replace(
        "    level: enhed\n", "    level: enhed\n    valid_from: 2024-01-01\n"
        "    valid_to: 2023-12-31\n", 1))
    assert problems_of(tmp_path) == [
        "org.yaml:9: unit:a: valid_to: valid_to 2023-12-31 is before valid_from 2024-01-01"]
    # A list where a date belongs is shown as written, not as Python's datetime.date(...).
    write(tmp_path, "org.yaml", GOOD.replace("    level: enhed\n",
                                             "    level: enhed\n    valid_from: [2023-01-01]\n"))
    assert problems_of(tmp_path)[0].endswith("(got ['2023-01-01'])")
    # A stray NUL is named at its line, not at line 1.
    write(tmp_path, "org.yaml", GOOD.replace("Enhed A", "Enhed A\x00"))
    assert problems_of(tmp_path) == ["org.yaml:6: not a text file (it contains NUL bytes)"]
    # A broken reference to a task (a zero-width space in it) is the one problem: the task
    # it meant does not also "lack an accountable owner".
    write(tmp_path, "org.yaml", GOOD.replace("to: task:lon,", "to: \"task:lon\\u200b\","))
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("org.yaml:23: RESPONSIBLE_FOR:unit:a->task:lon\u200b: to: ")


def test_cycles_in_part_of_are_rejected(tmp_path: Path) -> None:
    write(
        tmp_path,
        "org.yaml",
        GOOD
        + (
            "  - {type: PART_OF, from: unit:a, to: unit:b, source: seed, confidence: high}\n"
            "  - {type: PART_OF, from: unit:b, to: unit:a, source: seed, confidence: high}\n"
        ).replace("\n", "\n")
        + "nodes2: []\n",
    )
    text = GOOD.replace(
        "edges:\n",
        "  - {id: unit:b, kind: Unit, name: B, level: team, source: seed, confidence: high}\n"
        "edges:\n  - {type: PART_OF, from: unit:a, to: unit:b, source: seed, confidence: high}\n"
        "  - {type: PART_OF, from: unit:b, to: unit:a, source: seed, confidence: high}\n",
    )
    write(tmp_path, "org.yaml", text)
    found = problems_of(tmp_path)
    assert any("PART_OF cycle: unit:a -> unit:b -> unit:a" in p for p in found), found
    # Every step's place: the edge added by mistake may be any of them.
    cycle = next(p for p in found if "cycle" in p)
    assert re.search(r"\(edges at org\.yaml:\d+, org\.yaml:\d+\)$", cycle), cycle



def test_a_hierarchy_that_turned_round_over_time_is_no_cycle(tmp_path: Path) -> None:
    # B under A until 2023, A under B from 2024: on no day is either under itself, and the
    # data said "PART_OF cycle". Overlapping by one day, it is one.
    def folder(b_under_a_until: str) -> Path:
        path = tmp_path / b_under_a_until
        path.mkdir()
        write(path, "org.yaml", GOOD.replace(
            "edges:\n",
            "  - {id: unit:b, kind: Unit, name: B, level: team, source: seed, confidence: high}\n"
            "edges:\n  - {type: PART_OF, from: unit:a, to: unit:b, valid_from: 2024-01-01, "
            "source: seed, confidence: high}\n"
            f"  - {{type: PART_OF, from: unit:b, to: unit:a, valid_to: {b_under_a_until}, "
            "source: seed, confidence: high}\n"))
        return path

    turned = folder("2023-12-31")
    assert load_dataset(turned).edges  # loads: no cycle on any day
    overlapping = problems_of(folder("2024-01-01"))
    assert any("PART_OF cycle: unit:a -> unit:b -> unit:a" in p for p in overlapping), overlapping


def test_an_emptied_file_is_its_one_problem_not_every_reference_to_its_records(
        tmp_path: Path) -> None:
    # A file cut short when saved: "filen er tom" was the 28th of 133 problems, the rest each
    # a reference to one of its records ("refers to '…', which does not exist").
    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "albertslund", folder)
    emptied = sorted(folder.glob("*.yaml"), key=lambda f: f.stat().st_size)[-1]
    emptied.write_text("", encoding="utf-8")
    assert problems_of(folder) == [f"{emptied.name}:1: the file is empty"]


def test_an_id_written_as_a_name_is_its_one_problem_not_every_edge_to_it(
        tmp_path: Path) -> None:
    # "id: post:chef økonomi og stab" is refused with "write 'post:chef-okonomi-og-stab'", and
    # each of the 32 edges to that id was blamed besides.
    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "albertslund", folder)
    written = folder / "okonomi-og-stab.yaml"
    text = written.read_text(encoding="utf-8")
    assert "  - id: post:chef-okonomi-og-stab\n" in text
    written.write_text(text.replace("  - id: post:chef-okonomi-og-stab\n",
                                    "  - id: post:chef økonomi og stab\n"), encoding="utf-8")
    found = problems_of(folder)
    assert len(found) == 1 and "write 'post:chef-okonomi-og-stab'" in found[0], found


def test_every_broken_file_is_reported_at_once(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", "")
    write(tmp_path, "c.yaml", b"\x00\x01binary")
    write(tmp_path, "d.yaml", "nodes: {not: a list}\n")
    write(tmp_path, "e.yaml", "- just a list\n")
    write(tmp_path, "f.yaml", "nodes:\n  - {id: unit:x, kind: Unit, name: X, level: team}\n")
    write(tmp_path, "g.yml", "extra: 1\n")
    write(tmp_path, "h.jsonl", '{"id": "unit:y", "kind": "Unit"\n')
    found = problems_of(tmp_path)
    for expected in (
        "b.yaml:1: the file is empty",
        "c.yaml:1: not a text file",
        "d.yaml:1: nodes must be a list",
        "e.yaml:1: the top level must be a mapping",
        "f.yaml:2: unit:x: source: missing required field 'source'",
        "g.yml:1: unknown top-level key 'extra'",
        "h.jsonl:1: JSON syntax error at column 32: Expecting ',' delimiter",
    ):
        assert any(p.startswith(expected) for p in found), (expected, found)


BROKEN_AND_INCONSISTENT = """\
sources:
  - {key: seed, title: Seed, confidence: high}
  - {key: broken, confidence: high}
nodes:
  - {id: unit:a, kind: Unit, level: enhed, name: A, source: seed, confidence: high}
  - {id: unit:a, kind: Unit, level: enhed, name: A again, source: seed, confidence: high}
  - {id: unit:b, kind: Unit, level: enhed, name: B, source: seed, confidence: hi}
  - {id: post:p, kind: Post, name: P, source: nosuch, confidence: high}
  - {id: post:q, kind: Post, name: Q, source: broken, confidence: high}
  - {id: task:t, kind: Task, name: T, source: seed, confidence: high}
  - {id: task:u, kind: Task, name: U, source: seed, confidence: high}
edges:
  - {from: unit:a, to: unit:zzz, type: PART_OF, source: seed, confidence: high}
  - {from: unit:a, to: unit:b, type: PART_OF, source: seed, confidence: high}
  - {from: unit:a, to: task:t, type: RESPONSIBLE_FOR, raci: X, source: seed, confidence: high}
  - {from: task:t, to: unit:a, type: HEADS, source: seed, confidence: high}
"""


def test_broken_records_and_what_is_wrong_across_records_come_in_one_run(
        tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", BROKEN_AND_INCONSISTENT)
    assert problems_of(tmp_path) == [
        "a.yaml:3: broken: title: missing required field 'title'",
        "a.yaml:6: unit:a: id: duplicate id (first defined at a.yaml:5)",
        "a.yaml:7: unit:b: confidence: Input should be 'high', 'medium' or 'low' (got 'hi')",
        "a.yaml:8: post:p: source: unknown source 'nosuch' (add it to a sources: list)",
        "a.yaml:11: task:u: task has no accountable owner (RESPONSIBLE_FOR with raci A)",
        "a.yaml:13: PART_OF:unit:a->unit:zzz: to: refers to 'unit:zzz', which does not exist",
        "a.yaml:15: RESPONSIBLE_FOR:unit:a->task:t: raci: Input should be 'R', 'A', 'C' or 'I' "
        "(got 'X')",
        "a.yaml:16: HEADS:task:t->unit:a: type: HEADS may not join Task to Unit",
    ]  # and not: the edge to the broken unit:b, post:q citing the broken source, task:t


def test_a_file_that_cannot_be_read_is_not_blamed_on_the_files_that_refer_to_it(
        tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", "edges:\n  - {type: PART_OF, from: unit:a, to: unit:c, "
                              "source: seed, confidence: high}\n")
    # unit:c is unreadable: its "{" never closes (named where it opens)
    write(tmp_path, "c.yaml", "nodes:\n  - {id: unit:c, kind: Unit\n")
    assert [p.split(": ", 1)[0] for p in problems_of(tmp_path)] == ["c.yaml:2"]


def test_yaml_aliases_and_tags_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "nodes: &x\n  - !!python/object:os.system {}\n")
    assert any("not allowed" in p for p in problems_of(tmp_path))


def test_the_albertslund_data_is_valid(albertslund) -> None:  # type: ignore[no-untyped-def]
    assert check_dataset(albertslund) == []
    assert len(albertslund.nodes) > 80


def test_validate_command_on_a_broken_copy_names_every_file_and_line(
    tmp_path: Path, data_dir: Path
) -> None:
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    files = sorted(copy.glob("*.yaml"))
    assert len(files) >= 3
    broken = {}
    first = files[0].read_text(encoding="utf-8").splitlines()
    first.insert(3, "  : : [unclosed")
    files[0].write_text("\n".join(first) + "\n", encoding="utf-8")
    broken[files[0].name] = 4
    second = files[1].read_text(encoding="utf-8")
    files[1].write_text(second.replace("confidence: high", "confidence: sure", 1), encoding="utf-8")
    broken[files[1].name] = None
    files[2].write_text("", encoding="utf-8")
    broken[files[2].name] = 1
    result = subprocess.run(
        [sys.executable, "-m", "orgmodel.cli", "validate", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name, line in broken.items():
        marker = f"{name}:{line}:" if line else f"{name}:"
        assert marker in result.stderr, (marker, result.stderr)
    # Said in the command line's language (Danish by default), in English with --lang en;
    # the JSON for machines keeps the English words.
    assert f"{files[2].name}:1: filen er tom\n" in result.stderr
    assert "confidence: skal være 'high', 'medium' eller 'low' (fik 'sure')" in result.stderr
    english = subprocess.run(
        [sys.executable, "-m", "orgmodel.cli", "validate", str(copy), "--lang", "en"],
        capture_output=True, text=True, check=False)
    assert f"{files[2].name}:1: the file is empty\n" in english.stderr
    as_json = subprocess.run(  # for machines: the same problems, as JSON on stdout
        [sys.executable, "-m", "orgmodel.cli", "validate", str(copy), "--json"],
        capture_output=True, text=True, check=False)
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["valid"] is False
    assert {(p["file"], p["line"]) for p in report["problems"]} >= {
        (name, line) for name, line in broken.items() if line}
    assert all(set(p) == {"file", "line", "message", "record_id", "field"}
               for p in report["problems"])
    ok = subprocess.run(
        [sys.executable, "-m", "orgmodel.cli", "validate", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    sound = subprocess.run(
        [sys.executable, "-m", "orgmodel.cli", "validate", str(data_dir), "--json"],
        capture_output=True, text=True, check=False)
    # The same shape as for invalid data: a machine reads `problems` either way.
    assert {**json.loads(sound.stdout), "nodes": 0, "edges": 0} == {
        "valid": True, "nodes": 0, "edges": 0, "problems": [], "notices": []}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    file_index=st.integers(min_value=0, max_value=50),
    position=st.floats(min_value=0, max_value=1),
    damage=st.sampled_from(["delete_line", "duplicate_line", "insert", "truncate", "replace"]),
    junk=st.text(min_size=1, max_size=12),
)
def test_random_damage_never_gives_a_traceback_or_a_partial_load(
    tmp_path_factory: pytest.TempPathFactory,
    data_dir: Path,
    file_index: int,
    position: float,
    damage: str,
    junk: str,
) -> None:
    copy = tmp_path_factory.mktemp("damaged")
    for path in data_dir.glob("*.yaml"):
        shutil.copy(path, copy / path.name)
    files = sorted(copy.glob("*.yaml"))
    target = files[file_index % len(files)]
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    at = int(position * (len(lines) - 1))
    if damage == "delete_line":
        del lines[at]
    elif damage == "duplicate_line":
        lines.insert(at, lines[at])
    elif damage == "insert":
        lines.insert(at, junk + "\n")
    elif damage == "truncate":
        lines = lines[:at]
    else:
        lines[at] = lines[at][: len(lines[at]) // 2] + junk + "\n"
    target.write_text("".join(lines), encoding="utf-8")
    try:
        ds = load_dataset(copy)
    except DataValidationError as exc:
        assert exc.problems
        assert all(p.file and p.line >= 0 for p in exc.problems)
    else:
        assert check_dataset(ds) == []


def test_data_files_are_found_whatever_their_suffix_case_and_json_is_named(
        tmp_path: Path) -> None:
    write(tmp_path, "org.YAML", GOOD.replace("confidence: high\n  - id: post",
                                             "confidence: hihg\n  - id: post", 1))
    write(tmp_path, "more.json", '{"nodes": []}')
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    found = problems_of(tmp_path)
    assert any(p.startswith("org.YAML:9: unit:a: confidence: Input should be") for p in found)
    assert any(p.startswith("more.json: JSON files are not read") for p in found), found
    assert any(p.startswith("gone.yaml: cannot read the file") for p in found), found


def test_json_lines_refuse_duplicate_keys_and_keep_line_separators_in_strings(
        tmp_path: Path) -> None:
    write(tmp_path, "org.yaml", GOOD)
    # A line ends at "\n" alone: the separators in a string are the string's (and refused in
    # it, as in any text field), not line ends that would put the line numbers off.
    record = ('{"id": "unit:b", "kind": "Unit", "name": "B", "level": "team", "source": "seed", '
              '"confidence": "low", "note": "a\u2028b\u0085c"}')
    write(tmp_path, "bulk.jsonl", "\n" + record + "\n")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("bulk.jsonl:2: unit:b: note: holds the control character U+2028")
    record = record.replace("a\u2028b\u0085c", "a b")
    write(tmp_path, "bulk.jsonl", record + "\n" + record.replace('"name": "B"',
                                                               '"name": "B", "name": "C"')
          .replace("unit:b", "unit:c") + "\n")
    # Refused by its id, as a YAML record is (the line was lost without one).
    assert problems_of(tmp_path) == ["bulk.jsonl:2: unit:c: name: duplicate key 'name': write "
                                     "it once"]
    write(tmp_path, "bulk.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    assert problems_of(tmp_path) == ["bulk.jsonl:1: the record is nested too deeply"]
    # Python reads no integer of 5,000 digits: that is a problem of the line, not a traceback.
    write(tmp_path, "bulk.jsonl", record + "\n" + record.replace("unit:b", "unit:c").replace(
        '"level": "team"', '"level": "team", "staff_count": ' + "9" * 5000) + "\n")
    assert problems_of(tmp_path) == [
        "bulk.jsonl:2: a number has more than 4,300 digits: no field takes one that long"]


def test_a_file_nested_thousands_deep_is_refused_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, "org.yaml", GOOD + "  - {type: HEADS, note: " + "[" * 3000 + "]" * 3000
          + "}\n")
    assert problems_of(tmp_path)[0].startswith("org.yaml:24: nested more than 32 levels deep")
    # libyaml itself recurses: 30,000 brackets deep it overflowed the C stack and the process
    # died (exit 139) before any check; the brackets are counted before it reads the file.
    write(tmp_path, "org.yaml", GOOD + "  - {type: HEADS, note: " + "[" * 30_000 + "]" * 30_000
          + "}\n")
    assert problems_of(tmp_path)[0].startswith("org.yaml:24: nested more than 32 levels deep")


def test_a_folder_of_no_nodes_is_refused(tmp_path: Path) -> None:
    # `orgmodel load` of such a folder would have deleted every node in Neo4j.
    write(tmp_path, "sources.yaml", "sources:\n  - {key: seed, title: Seed, confidence: high}\n")
    assert problems_of(tmp_path) == [
        f"{tmp_path}: the data files hold no nodes: is this the data folder?"]


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    write(tmp_path, "org.yaml", GOOD.encode("utf-16"))
    assert problems_of(tmp_path) == [
        "org.yaml:1: the file is UTF-16 text (Windows' \"Unicode\"); save it as UTF-8"]


def test_a_misspelt_kind_or_edge_type_names_the_one_meant(tmp_path: Path) -> None:
    # The message listed twelve kinds or twenty edge types and left the reader to find it.
    (tmp_path / "d.yaml").write_text("""\
sources:
  - {key: intern, title: Intern, confidence: high}
nodes:
  - {id: unit:a, kind: Unit, name: A, level: afdeling, source: intern, confidence: high}
  - {id: task:u, kind: Tsk, name: U, source: intern, confidence: high}
edges:
  - {type: reports_to, from: unit:a, to: unit:a, source: intern, confidence: high}
""", encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    messages = [p.message for p in caught.value.problems]
    assert any(m.endswith("; did you mean 'Task'?)") for m in messages), messages
    assert any(m.endswith("(got 'reports_to'; did you mean 'REPORTS_TO'?)") for m in messages)
    assert any(in_danish(m).endswith("(fik 'reports_to'; mente du 'REPORTS_TO'?)")
               for m in messages)


@pytest.mark.parametrize(("broken", "english", "danish"), [
    ("    name: Enhed A\n", "    name: Enhed A: den gamle\n",
     "et ':', hvor værdien ikke kan have et"),
    ("    level: enhed\n", "\tlevel: enhed\n", "et tabulatortegn: YAML indrykker med mellemrum"),
    ("    name: Enhed A\n", "    name: @enhed\n",
     "en værdi begynder med et tegn, YAML bruger selv"),
    ("    level: enhed\n", "   level: enhed\n", "indrykningen passer ikke til linjerne ovenfor"),
])
def test_a_yaml_mistake_is_said_as_what_to_mend(tmp_path: Path, broken: str, english: str,
                                               danish: str) -> None:
    # libyaml's own words ("mapping values are not allowed in this context", "found character
    # that cannot start any token") told an editor little, and stayed English in Danish.
    write(tmp_path, "org.yaml", GOOD.replace(broken, english, 1))
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    [problem] = caught.value.problems
    assert "libyaml" not in problem.message and "token" not in problem.message
    assert danish in problem_line(problem, "da")


@pytest.mark.parametrize(("english", "danish"), [
    ("    url: www.albertslund.dk\n",
     "skriv en webadresse, der begynder med https:// eller http://, ikke 'www.albertslund.dk'"),
    ("    url: https://\n", "'https://' nævner intet websted: skriv hele adressen, fx "),
    ("    url: https://albertslund.dk/a side\n",
     "'https://albertslund.dk/a side' indeholder et mellemrum: en webadresse har ingen"),
    ("    aliases: [A-enheden, A-enheden]\n",
     "alias 2 ('A-enheden') gentager alias 1: skriv hvert andet navn én gang"),
    ("    aliases: [Enhed A]\n",
     "alias 1 ('Enhed A') gentager navnet: skriv hvert andet navn én gang"),
    ("    name: ' Enhed A'\n",
     "' Enhed A' begynder eller slutter med et mellemrum: skriv 'Enhed A'"),
])
def test_a_broken_rule_of_a_record_is_said_wholly_in_danish(tmp_path: Path, english: str,
                                                            danish: str) -> None:
    # These rules had no Danish shape: validate's Danish lines said them in English.
    text = (GOOD.replace("    name: Enhed A\n", english, 1) if "name:" in english
            else GOOD.replace("    level: enhed\n", "    level: enhed\n" + english, 1))
    write(tmp_path, "org.yaml", text)
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    [problem] = caught.value.problems
    assert danish in problem_line(problem, "da"), problem_line(problem, "da")
    assert in_danish(problem.message) != problem.message


def test_a_kle_number_written_wrong_is_told_how_to_write_it(tmp_path: Path) -> None:
    # The rule's regular expression ("should match pattern '^\d{2}(\.\d{2}){0,2}$'") told an
    # editor nothing.
    write(tmp_path, "org.yaml", GOOD.replace('kle: "81.15.00"', 'kle: "81.5.0"'))
    with pytest.raises(DataValidationError) as caught:
        load_dataset(tmp_path)
    [problem] = caught.value.problems
    assert problem_line(problem, "en") == (
        "org.yaml:18: task:lon: kle: write a KLE number as 81, 81.15 or 81.15.00 (pairs of "
        "digits between dots) (got '81.5.0')")
    assert problem_line(problem, "da").endswith(
        "kle: skriv et KLE-nummer som 81, 81.15 eller 81.15.00 (par af cifre mellem punktummer) "
        "(fik '81.5.0')")


def test_a_misspelt_id_in_an_edge_names_the_one_meant(tmp_path: Path) -> None:
    write(tmp_path, "org.yaml", GOOD.replace("to: task:lon,", "to: task:lonn,"))
    assert any(problem.endswith("to: refers to 'task:lonn', which does not exist; did you mean "
                                "'task:lon'?") for problem in problems_of(tmp_path))
    # Only an id of the same kind is meant, and none when two are as near.
    write(tmp_path, "org.yaml", GOOD.replace("to: task:lon,", "to: unit:lon,"))
    assert any(problem.endswith("refers to 'unit:lon', which does not exist")
               for problem in problems_of(tmp_path))


@pytest.mark.parametrize(("written", "meant"), [
    ("confidence: middel", "medium"), ("confidence: Høj", "high"), ("raci: ansvarlig", "A")])
def test_a_choice_written_in_danish_names_the_one_meant(tmp_path: Path, written: str,
                                                        meant: str) -> None:
    field = written.partition(":")[0]
    good = "raci: A" if field == "raci" else "confidence: high"
    write(tmp_path, "org.yaml", GOOD.replace(good, written, 1))
    assert any(problem.endswith(f"; did you mean '{meant}'?)")
               for problem in problems_of(tmp_path) if f" {field}: " in problem)


def test_a_copied_file_is_said_once_as_a_copy(tmp_path: Path) -> None:
    # A copy beside its original gave one "duplicate id" per record, with the parallel edges'
    # advice.
    write(tmp_path, "org.yaml", GOOD)
    write(tmp_path, "org - kopi.yaml", GOOD)
    found = problems_of(tmp_path)
    assert "org.yaml:4: 5 records here are also in org - kopi.yaml, which is read first: is one " \
           "file a copy of the other? Remove the copy" in found, found
    assert not [p for p in found if "duplicate id" in p or "duplicate edge" in p]
    # A record or two written twice is still named each at its line.
    write(tmp_path, "org - kopi.yaml", GOOD.split("edges:")[0].replace(
        "  - id: post:leder-a", "  - id: post:leder-b"))
    assert any("duplicate id (first defined at" in p for p in problems_of(tmp_path))
