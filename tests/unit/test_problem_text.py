"""Data problems said in Danish on the command line (``orgmodel.problem_text``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.exceptions import DataValidationError
from orgmodel.loader import load_dataset
from orgmodel.problem_text import in_danish
from orgmodel.records import id_meant


@pytest.mark.parametrize(("english", "danish"), [
    ("missing required field 'name'", "mangler det påkrævede felt 'name'"),
    ("unknown source 'sed' (add it to a sources: list; did you mean 'seed'?)",
     "ukendt kilde 'sed' (tilføj den i en sources:-liste; mente du 'seed'?)"),
    ("unknown field 'valid_until' (did you mean 'valid_to'?)",
     "ukendt felt 'valid_until' (mente du 'valid_to'?)"),
    ("duplicate key 'name': write it once", "nøglen 'name' står to gange: skriv den én gang"),
    ("YAML syntax error: a tab: YAML indents with spaces",
     "YAML-syntaksfejl: et tabulatortegn: YAML indrykker med mellemrum"),
    ("refers to 'task:lonn', which does not exist", "henviser til 'task:lonn', som ikke findes"),
    ("task task:lon has two accountable owners from 2023-01-01: unit:a and unit:b; one holds A "
     "(raci A), the other R, C or I, or end one with valid_to",
     "opgaven task:lon har to ansvarlige (A) fra 2023-01-01: unit:a og unit:b; den ene har A "
     "(raci A), den anden R, C eller I, eller afslut den ene med valid_to"),
    ("Input should be a valid string (YAML reads 'NO' as False: write it in quotes, "
     "abbreviation: \"NO\")",
     "skal være en tekst (YAML læser 'NO' som False: skriv det i anførselstegn, "
     "abbreviation: \"NO\")"),
    ("the id of a Unit starts with 'unit:' (e.g. unit:x) (got 'task:x')",
     "id'et på en Unit begynder med 'unit:' (fx unit:x) (fik 'task:x')"),
    ("YAML syntax error: a quote opened on this line (column 9) is not closed (libyaml noticed "
     "on line 12: found unexpected end of stream)",
     "YAML-syntaksfejl: et anførselstegn åbnet på denne linje (kolonne 9) lukkes ikke (libyaml "
     "opdagede det på linje 12: found unexpected end of stream)"),
    ("YAML syntax error: did not find expected key",
     "YAML-syntaksfejl: did not find expected key"),  # libyaml's own words stay
    # ... but its words in plain English are said in Danish inside the message too (the
    # administrator's probe: "(libyaml opdagede det på linje 42: the indentation does …")
    ("YAML syntax error: a quote opened on this line (column 10) closes only on line 42: is "
     "its closing quote missing? (libyaml noticed on line 42: the indentation does not match "
     "the lines above: indent it as the field or list it belongs to)",
     "YAML-syntaksfejl: et anførselstegn åbnet på denne linje (kolonne 10) lukkes først på "
     "linje 42: mangler det afsluttende anførselstegn? (libyaml opdagede det på linje 42: "
     "indrykningen passer ikke til linjerne ovenfor: ryk den ind som det felt eller den liste, "
     "den hører til)"),
    # an invisible character named by its Unicode name (it was all English but "fik")
    ("holds the invisible character U+200B (zero width space): delete it (got 'Løn')",
     "indeholder det usynlige tegn U+200B (zero width space): slet det (fik 'Løn')"),
    # an edge from a node to itself, and a broken JSON line with where on it (both said in
    # English on a Danish command line, the JSON line without a column)
    ("is the same node as from (unit:a): an edge joins two different nodes",
     "er den samme node som from (unit:a): en relation forbinder to forskellige noder"),
    ("JSON syntax error at column 2: Expecting property name enclosed in double quotes",
     "JSON-syntaksfejl i kolonne 2: forventede et feltnavn i dobbelte anførselstegn"),
    # a message of no known shape stays as it was written
    ("something no check says", "something no check says"),
])
def test_a_problem_is_said_in_danish(english: str, danish: str) -> None:
    assert in_danish(english) == danish


def test_every_problem_of_a_broken_folder_has_danish_words(tmp_path: Path) -> None:
    # One file with many kinds of mistake: none of its problems is left in English.
    (tmp_path / "org.yaml").write_text(
        "sources:\n  - {key: seed, title: Seed, confidence: high}\n"
        "nodes:\n"
        "  - {id: unit:a, kind: Unit, name: '  ', level: galaxy, source: seeed, confidence: x}\n"
        "  - {id: task:a, kind: Task, name: A, kle: '81.15.00', source: seed, confidence: high,"
        " nmae: B}\n"
        "  - {id: task:b, kind: Task, name: B, kle: '81.15.00', source: seed, confidence: high,"
        " valid_from: 2024-01-01, valid_to: 2023-01-01}\n"
        "edges:\n"
        "  - {type: HEADS, from: task:a, to: unit:zz, source: seed, confidence: high}\n",
        encoding="utf-8")
    with pytest.raises(DataValidationError) as refused:
        load_dataset(tmp_path)
    messages = [p.message for p in refused.value.problems]
    assert len(messages) >= 5
    assert [m for m in messages if in_danish(m) == m] == []


def test_an_id_with_a_look_alike_letter_is_told_the_id_it_looks_like() -> None:
    # The administrator's probe: "task:lоn" (a Cyrillic o) was told to write "task:l-n", an id
    # no node has.
    assert id_meant("task:l\u043en") == "task:lon"
    assert id_meant("unit:\u0440olitik") == "unit:politik"  # a Cyrillic r that looks like p
