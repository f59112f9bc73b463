"""A data problem said in Danish: the command line's default language.

The checks (:mod:`orgmodel.loader`, :mod:`orgmodel.yamlsource`, :mod:`orgmodel.dataset`, the
pydantic models of :mod:`orgmodel.records`) word their problems in English, as the API and
``--json`` give them to machines. A person running ``orgmodel validate`` reads them in the
language of the command line: each message is matched against the shapes the checks write
(and pydantic's own, and the API's of a request: an unknown parameter, JSON that does not
parse), and said in Danish; one of no known shape stays as it is, never half in Danish.

Examples
--------
>>> from orgmodel.exceptions import Problem
>>> problem = Problem("opgaver.yaml", 12, "unknown field 'nmae'", record_id="task:lon",
...                   field="nmae")
>>> problem_line(problem, "da")
"opgaver.yaml:12: task:lon: nmae: ukendt felt 'nmae'"
>>> problem_line(problem, "en") == str(problem)
True
>>> in_danish("Input should be 'high', 'medium' or 'low' (got 'very high')")
"skal være 'high', 'medium' eller 'low' (fik 'very high')"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from orgmodel.exceptions import Problem
from orgmodel.messages import Lang
from orgmodel.personal_data import ALSO

__all__ = ["in_danish", "notice_in_danish", "problem_line"]

_Say = str | Callable[[re.Match[str]], str]


# What Python's JSON reader says of a broken line, in Danish.
_JSON_DA = {
    "Expecting property name enclosed in double quotes":
        "forventede et feltnavn i dobbelte anførselstegn",
    "Expecting value": "forventede en værdi", "Expecting ',' delimiter": "forventede et ','",
    "Expecting ':' delimiter": "forventede et ':'",
    "Unterminated string starting at": "en tekst uden afsluttende anførselstegn begynder her",
    "Extra data": "mere efter posten", "Invalid control character at": "et ugyldigt kontroltegn",
    "Invalid \\escape": "en ugyldig \\-sekvens",
    # the API's own (api/json_body.py)
    "nested too deep": "indlejret for dybt",
}
_REPEATED_KEY = re.compile(r"duplicate key (.+) in the object")
_LONG_NUMBER = re.compile(r"a number of more than (\d+) digits")


def _json_da(message: str) -> str:
    """Python's JSON error ``message`` in Danish (as written, where none is known)."""
    if repeated := _REPEATED_KEY.fullmatch(message):
        return f"nøglen {repeated[1]} står to gange i objektet"
    if long := _LONG_NUMBER.fullmatch(message):  # the API's own (api/json_body.py)
        return f"et tal med mere end {long[1]} cifre"
    return _JSON_DA.get(message, message)
_BELONGS_DA = {"part of nothing": "del af intet", "in no unit": "i ingen enhed"}
_TWO_DA = {"in two units": "i to enheder", "part of two units": "del af to enheder",
           "headed by two posts": "ledet af to stillinger"}
_TWO_REMEDY_DA = {
    "in two units": "organisationsdiagrammet tegner den under én af dem, og dens referencelinje "
                    "følger én; er stillingen flyttet: afslut relationen til den enhed, den "
                    "forlod, med valid_to",
    "part of two units": "organisationsdiagrammet tegner den under én af dem, og dens "
                         "referencelinje følger én; er enheden flyttet: afslut relationen til den "
                         "enhed, den forlod, med valid_to",
    "headed by two posts": "who-owns nævner begge som dens leder; en ny leder: afslut den gamle "
                           "HEADS-relation med valid_to",
}


def _days(phrase: str) -> str:
    # " from 2027-01-01", " until 2023-12-31" or " from … to …", in Danish.
    return (phrase.replace(" from ", " fra ").replace(" until ", " til og med ")
            .replace(" to ", " til og med "))


def _when(phrase: str) -> str:
    # "from 2024-06-01" or "on the same days", in Danish.
    return "på de samme dage" if phrase == "on the same days" else "fra " + phrase[5:]


# Each message's shape (a whole message, without the suffixes below) and its Danish words.
_SHAPES: list[tuple[str, _Say]] = [
    # records and fields
    (r"this record has '(\w+)' and no '(\w+)': it is one of the (\w+); move it under \3:",
     r"posten har '\1' og intet '\2': den hører til under \3; flyt den dertil"),
    (r"unknown field '(.+)' \(did you mean '(.+)'\?\)", r"ukendt felt '\1' (mente du '\2'?)"),
    (r"unknown field '(.+)'", r"ukendt felt '\1'"),
    (r"missing required field '(.+)'", r"mangler det påkrævede felt '\1'"),
    (r"missing field 'kind'", "mangler feltet 'kind'"),
    (r"unknown kind '(.+?)' \(one of (.+); did you mean (.+)\?\)",
     r"ukendt kind '\1' (en af \2; mente du \3?)"),
    (r"unknown kind '(.+?)' \(one of (.+)\)", r"ukendt kind '\1' (en af \2)"),
    (r"has no value", "har ingen værdi"),
    (r"Field required", "påkrævet felt"),
    # pydantic's, with or without its reason after a comma ("…, unable to parse string as
    # an integer")
    (r"Input should be a valid string(?:, .*)?", "skal være en tekst"),
    (r"Input should be a valid integer(?:, .*)?", "skal være et helt tal"),
    (r"Input should be a valid number(?:, .*)?", "skal være et tal"),
    (r"Input should be a valid boolean(?:, .*)?", "skal være true eller false"),
    (r"Input should be a valid list(?:, .*)?", "skal være en liste"),
    (r"Input should be a valid date(?: or datetime)?(?:, .*)?", "skal være en dato"),
    (r"Input should be a valid (?:dictionary|object)(?: or object to extract fields from)?",
     "skal være et JSON-objekt ({…})"),
    (r"Input should be greater than or equal to (\d+)", r"skal være mindst \1"),
    (r"Extra inputs are not permitted(?: \(did you mean (.+)\?\))?",  # pydantic's, in the API
     lambda m: "ukendt felt" + (f" (mente du {m[1]}?)" if m[1] else "")),
    (r"Input should be less than or equal to (\d+)", r"må højst være \1"),
    # one of the values it lists ("'high', 'medium' or 'low'"); other shapes stay English
    (r"Input should be ('.+)", lambda m: "skal være " + m[1].replace("' or '", "' eller '")),
    (r"String should have at most (\d+) characters?", r"må højst have \1 tegn"),
    (r"String should have at least (\d+) characters?", r"skal have mindst \1 tegn"),
    (r"List should have at most (\d+) items?.*", r"må højst have \1 elementer"),
    (r"List should have at least (\d+) items?.*",
     lambda m: f"skal have mindst {m[1]} element" + ("" if m[1] == "1" else "er")),
    (r"String should match pattern '(.+)'", r"skal passe til mønstret '\1'"),
    (r"an id is written prefix:name in a-z, 0-9, '\.', '_' and '-' \(no capitals, æ, ø, å or "
     r"spaces\): write (.+)", r"et id skrives præfiks:navn med a-z, 0-9, '.', '_' og '-' (ingen "
     r"store bogstaver, æ, ø, å eller mellemrum): skriv \1"),
    (r"an id is written prefix:name in a-z, 0-9, '\.', '_' and '-' \(no capitals, æ, ø, å or "
     r"spaces\)", r"et id skrives præfiks:navn med a-z, 0-9, '.', '_' og '-' (ingen store "
     r"bogstaver, æ, ø, å eller mellemrum)"),
    (r"the id of a (\w+) starts with '(\w+):' \(e\.g\. (.+?)\); (\w+): is a (\w+)'s id, and a "
     r"node's kind cannot change: create the node anew as a \w+ and delete the \w+",
     r"id'et på en \1 begynder med '\2:' (fx \3); \4: er id'et på en \5, og en knudes art kan "
     r"ikke ændres: opret knuden på ny som \1, og slet \5-knuden"),
    (r"the id of a (\w+) starts with '(\w+):' \(e\.g\. (.+)\)",
     r"id'et på en \1 begynder med '\2:' (fx \3)"),
    (r"an edge id is written in a-z, 0-9, '\.', '_', ':' and '-' \(no capitals, æ, ø, å, spaces "
     r"or '/'\), e\.g\. (.+)",
     r"et kant-id skrives med a-z, 0-9, '.', '_', ':' og '-' (ingen store bogstaver, æ, ø, å, "
     r"mellemrum eller '/'), fx \1"),
    # a succession asked wrongly (orgmodel.succession)
    (r"is (\S+)'s own id: a successor is a new node, with an id of its own",
     r"er \1s eget id: en efterfølger er en ny knude med sit eget id"),
    (r"is (\w+), and (\S+) is a (\w+): a successor is of its kind",
     r"er \1, og \2 er en \3: en efterfølger er af samme art"),
    (r"(\S+) holds (from \S+ to \S+|from \S+ on|until \S+|on every day): a successor from (\S+) "
     r"follows it only where it holds on (\S+) and (\S+)",
     lambda m: f"{m[1]} gælder {_held_days(m[2])}: en efterfølger fra {m[3]} følger kun efter den, "
               f"hvor den gælder {m[4]} og {m[5]}"),
    (r"is the id of a node that exists \((\S+)\): give the successor an id of its own",
     r"er id'et på en knude, der findes (\1): giv efterfølgeren sit eget id"),
    (r"a person is not handed over: end the holding \(HOLDS, valid_to\) and write the new "
     r"holder's", "en person overdrages ikke: afslut besættelsen (HOLDS, valid_to), og skriv den "
                  "nye indehavers"),
    (r"is set by the hand-over \(from the day to the node's own end\): leave it out",
     "sættes af overdragelsen (fra dagen til knudens egen slutning): udelad det"),
    (r"is not valid UTF-8 \(U\+FFFD stands for bytes that are no text\): send the text's UTF-8 "
     r"bytes, percent-encoded",
     "er ikke gyldig UTF-8 (U+FFFD står for bytes, der ikke er tekst): send tekstens UTF-8-bytes, "
     "procentkodet"),
    (r"is blank \(only spaces\)", "er tom (kun mellemrum)"),
    (r"holds the control character (U\+\w+), invisible in most editors: delete it",
     r"indeholder kontroltegnet \1, som de fleste editorer ikke viser: slet det"),
    (r"holds the direction control (U\+\w+), which shows the text in another order than it "
     r"is written: delete it",
     r"indeholder retningstegnet \1, som viser teksten i en anden rækkefølge, end den er "
     r"skrevet: slet det"),
    (r"holds the invisible character (U\+\w+) \(a space of no width\): delete it",
     r"indeholder det usynlige tegn \1 (et mellemrum uden bredde): slet det"),
    # ... by its Unicode name (a record's text: "zero width space", "soft hyphen")
    (r"holds the invisible character (U\+\w+) \(([a-z -]+)\): delete it",
     r"indeholder det usynlige tegn \1 (\2): slet det"),
    (r"holds a tab: a name is one line", "indeholder et tabulatortegn: et navn er én linje"),
    (r"holds a line break: a name is one line", "indeholder et linjeskift: et navn er én linje"),
    (r"holds a tab: a comment is one line",
     "indeholder et tabulatortegn: en kommentar er én linje"),
    (r"holds a line break: a comment is one line",
     "indeholder et linjeskift: en kommentar er én linje"),
    (r"(.+) looks like a phone number; posts and persons carry none \(personal data\): give "
     r"the post a functional mailbox instead",
     r"\1 ligner et telefonnummer; stillinger og personer har ingen (personoplysninger): giv "
     r"stillingen en funktionspostkasse i stedet"),
    (r"(\w+) holds (.+), which looks like a phone number; a holding links a person to a post "
     r"and carries none \(personal data\): give the post a functional mailbox instead",
     r"\1 indeholder \2, som ligner et telefonnummer; en besættelse forbinder en person med en "
     r"stilling og har intet (personoplysninger): giv stillingen en funktionspostkasse i stedet"),
    (r"(.+) is a private phone number \(personal data\): leave it out; a post gives a "
     r"functional mailbox",
     r"\1 er et privat telefonnummer (personoplysninger): udelad det; en stilling har en "
     r"funktionspostkasse"),
    (r"(.+) looks like a CPR number \(personal data\): leave it out",
     r"\1 ligner et CPR-nummer (personoplysninger): udelad det"),
    (r"(.+) is a private mailbox \(personal data\): a post gives a functional one of the "
     r"organisation's own domain",
     r"\1 er en privat postkasse (personoplysninger): en stilling har en funktionspostkasse "
     r"på organisationens eget domæne"),
    (r"(\S+) is no topic of the KLE catalogue: check the number",
     r"\1 er intet emne i KLE-kataloget: tjek nummeret"),
    (r"the same name as (\S+) \(at (.+?)\), another (\w+) at the same time: a question naming "
     r"it meets both; merge the two if they are one, or give each a name that tells them apart",
     r"samme navn som \1 (i \2), en anden \3 på samme tid: et spørgsmål, der nævner navnet, "
     r"møder begge; læg dem sammen, hvis de er én, eller giv hver et navn, der skelner dem"),
    (r"(part of nothing|in no unit)((?: from \S+)?(?: (?:to|until) \S+)?): the org chart leaves "
     r"it out and its reporting line stops at it; add a (PART_OF|POST_IN) edge .*",
     lambda m: f"{_BELONGS_DA[m[1]]}{_days(m[2])}: organisationsdiagrammet udelader den, og dens "
     f"referencelinje stopper ved den; tilføj en {m[3]}-relation fra den til "
     + ("den enhed eller organisation, den hører under" if m[3] == "PART_OF"
        else "dens enhed (eller organ eller forum)")),
    (r"no accountable owner((?: from \S+)?(?: (?:to|until) \S+)?): who-owns names no one "
     r"accountable then; add a RESPONSIBLE_FOR edge with raci A to it, or end the task",
     lambda m: f"ingen ansvarlig (A){_days(m[1])}: who-owns nævner da ingen ansvarlig; tilføj "
     "en RESPONSIBLE_FOR-relation med raci A til den, eller afslut opgaven"),
    (r"no accountable owner((?: from \S+)?(?: (?:to|until) \S+)?): who-owns names no one "
     r"accountable then; add a RESPONSIBLE_FOR edge with raci A to it, or let the task begin "
     r"when its owner does \(valid_from: (\S+)\)",
     lambda m: f"ingen ansvarlig (A){_days(m[1])}: who-owns nævner da ingen ansvarlig; tilføj "
     f"en RESPONSIBLE_FOR-relation med raci A til den, eller lad opgaven begynde, når dens "
     f"ansvarlige gør (valid_from: {m[2]})"),
    (r"write the date as YYYY-MM-DD, e\.g\. (\S+)", r"skriv datoen som ÅÅÅÅ-MM-DD, fx \1"),
    (r"write a KLE number as (\S+), (\S+) or (\S+) \(pairs of digits between dots\)",
     r"skriv et KLE-nummer som \1, \2 eller \3 (par af cifre mellem punktummer)"),
    (r"write a web address beginning with https:// or http://, not (.+)",
     r"skriv en webadresse, der begynder med https:// eller http://, ikke \1"),
    (r"(.+) holds a space: a web address has none \(write %20\)",
     r"\1 indeholder et mellemrum: en webadresse har ingen (skriv %20)"),
    (r"(.+) names no site: write the whole address, e\.g\. (\S+)",
     r"\1 nævner intet websted: skriv hele adressen, fx \2"),
    (r"(.+) is no web address \((.+)\)", r"\1 er ingen webadresse (\2)"),
    (r"(.+) begins or ends with a space: write (.+)",
     r"\1 begynder eller slutter med et mellemrum: skriv \2"),
    (r"alias (\d+) \((.+)\) repeats (.+): give each other name once",
     lambda m: f"alias {m[1]} ({m[2]}) gentager "
               f"{'navnet' if m[3] == 'the name' else m[3]}: skriv hvert andet navn én gang"),
    (r"holds '->', which names edges that have no id \(TYPE:from->to\): give the edge an id of "
     r"another shape, e\.g\. (\S+)",
     r"indeholder '->', som navngiver relationer uden id (TYPE:from->to): giv relationen et id "
     r"af en anden form, fx \1"),
    (r"(\S+) is not a day in the calendar", r"\1 er ikke en dag i kalenderen"),
    (r"valid_to (\S+) is before valid_from (\S+)", r"valid_to \1 ligger før valid_from \2"),
    (r"is the same node as from \((.+?)\): an edge joins two different nodes",
     r"er den samme node som from (\1): en relation forbinder to forskellige noder"),
    (r"a RESPONSIBLE_FOR edge needs raci \(R, A, C or I\)",
     "en RESPONSIBLE_FOR-relation skal have raci (R, A, C eller I)"),
    # the API's own words of a request
    (r"not a parameter of this endpoint \(it takes: (.+)\)",
     r"ikke en parameter til dette endpoint (det tager: \1)"),
    (r"not a parameter of this endpoint \(it takes no parameters\)",
     "ikke en parameter til dette endpoint (det tager ingen parametre)"),
    (r"given more than once; it takes one value", "angivet mere end én gang; den tager én værdi"),
    (r"empty or only spaces: give a word, a task id or a KLE number",
     "tom eller kun mellemrum: skriv et ord, et opgave-id eller et KLE-nummer"),
    (r"kind is missing: a node is one of (.+)", r"kind mangler: en node er en af \1"),
    (r"the record had (.+), which the one written leaves out: (it is|they are) gone \(a PUT "
     r"replaces the whole record; send every field to keep, or PATCH the fields to change\)",
     lambda m: f"posten havde {m[1]}, som den skrevne udelader: "
               f"{'det' if m[2] == 'it is' else 'de'} er væk (en PUT erstatter hele posten; send "
               "alle felter, der skal blive, eller PATCH de felter, der skal ændres)"),
    (r"a node already has the id (\S+): give the edge another id",
     r"en node har allerede id'et \1: giv relationen et andet id"),
    (r"('.*') is no kind of node: a node is one of (.+)",
     r"\1 er ingen slags node: en node er en af \2"),
    (r"JSON decode error(?:: (.+?))?(?: \(at character (\d+)\))?",
     lambda m: "JSON-fejl" + (f": {_json_da(m[1])}" if m[1] else "")
     + (f" (ved tegn {m[2]})" if m[2] else "")),
    (r"the body is (.+) but the path names (.+); to rename, create the new record and delete "
     r"the old one",
     r"kroppen har \1, men stien nævner \2; for at omdøbe: opret den nye post og slet den "
     r"gamle"),
    (r"a node's kind cannot change \((\w+)\): create the node anew as (.+), with an id to "
     r"match, and delete this one",
     r"en nodes kind kan ikke ændres (\1): opret noden på ny som \2, med et id, der passer, og "
     r"slet denne"),
    (r"the path names the edge with the id (.+) and the body has no id: add (.+)",
     r"stien nævner relationen med id'et \1, og kroppen har intet id: tilføj \2"),
    (r"(put_node|put_edge|delete) needs '(\w+)'", r"\1 skal have '\2'"),
    (r"(put_node|put_edge|delete) takes '(\w+)' \(and if_match\) only; leave out (.+)",
     r"\1 tager kun '\2' (og if_match); udelad \3"),
    (r"delete needs if_match: the ETag of the record as last read",
     "delete skal have if_match: postens ETag, som den sidst blev læst"),
    (r"if_match must be the one strong ETag you read \(no \*, W/\)",
     "if_match skal være den ene stærke ETag, du læste (ingen *, W/)"),
    # across records
    (r"refers to '(.+)', which does not exist; did you mean '(.+)'\?",
     r"henviser til '\1', som ikke findes; mente du '\2'?"),
    (r"refers to '(.+)', which does not exist", r"henviser til '\1', som ikke findes"),
    (r"(\w+) may not join (\w+) to (\w+): from and to swapped\? It runs from (\w+) to (\w+)",
     r"\1 må ikke forbinde \2 med \3: er from og to byttet om? Den går fra \4 til \5"),
    (r"(\w+) may not join (\w+) to (\w+)", r"\1 må ikke forbinde \2 med \3"),
    (r"field '(.+?)' is only allowed on (.+)", r"feltet '\1' må kun stå på \2"),
    (r"via must name a Forum", "via skal være et Forum"),
    (r"duplicate edge \(first at (.+?)\); give parallel edges an id",
     r"relationen findes allerede (første gang i \1); giv parallelle relationer et id"),
    (r"the edge's id is a node's id \(the node at (.+?)\); give the edge an id of its own",
     r"relationens id er en nodes id (noden i \1); giv relationen sit eget id"),
    (r"duplicate id \(first defined at (.+?)\)", r"id'et findes allerede (første gang i \1)"),
    (r"(\d+) records here are also in (.+), which is read first: is one file a copy of the "
     r"other\? Remove the copy",
     r"\1 poster her står også i \2, som læses først: er den ene fil en kopi af den anden? "
     r"Fjern kopien"),
    (r"JSON syntax error after a key given twice",
     "JSON-syntaksfejl efter en nøgle, der står to gange"),
    (r"duplicate key '(.+)': write it once", r"nøglen '\1' står to gange: skriv den én gang"),
    (r"duplicate key '(.+)': write each section once, with all its records under it",
     r"nøglen '\1' står to gange: skriv hver sektion én gang, med alle dens poster under"),
    (r"duplicate key '(.+)'", r"nøglen '\1' står to gange"),
    (r"duplicate source key '(.+)'", r"kildenøglen '\1' står to gange"),
    (r"unknown source '(.+?)' \(add it to a sources: list; did you mean '(.+)'\?\)",
     r"ukendt kilde '\1' (tilføj den i en sources:-liste; mente du '\2'?)"),
    (r"unknown source '(.+?)' \(add it to a sources: list\)",
     r"ukendt kilde '\1' (tilføj den i en sources:-liste)"),
    (r"(\w+) cycle: (.+?) \(edges at (.+)\)", r"kredsløb af \1: \2 (relationerne står i \3)"),
    (r"(\w+) cycle: (.+)", r"kredsløb af \1: \2"),
    (r"task has no accountable owner \(RESPONSIBLE_FOR with raci A\)",
     "opgaven har ingen ansvarlig (RESPONSIBLE_FOR med raci A)"),
    (r"task has no accountable owner \(RESPONSIBLE_FOR with raci A\): write the task and its "
     r"accountable edge \(or another in its place\) together in one POST /api/v1/changes",
     "opgaven har ingen ansvarlig (RESPONSIBLE_FOR med raci A): skriv opgaven og dens "
     "ansvarlige relation (eller en anden i dens sted) sammen i én POST /api/v1/changes"),
    (r"task (\S+) has two accountable owners (from \S+|on the same days): (\S+) and (\S+); one "
     r"holds A \(raci A\), the other R, C or I, or end one with valid_to",
     lambda m: f"opgaven {m[1]} har to ansvarlige (A) {_when(m[2])}: {m[3]} og {m[4]}; den ene "
               "har A (raci A), den anden R, C eller I, eller afslut den ene med valid_to"),
    (r"post (\S+) has two holders (from \S+|on the same days): (\S+) and (\S+); end the first "
     r"holding with valid_to",
     lambda m: f"stillingen {m[1]} har to indehavere {_when(m[2])}: {m[3]} og {m[4]}; afslut "
               "den første med valid_to"),
    (r"the records cite (\d+) sources \((.+)\) and the folder lists none: no source key is "
     r"checked, and none has a title or an address; add a sources: list \(e\.g\. (\S+)\)",
     r"posterne henviser til \1 kilder (\2), og mappen har ingen kildeliste: ingen kildenøgle "
     r"tjekkes, og ingen kilde har titel eller adresse; tilføj en sources:-liste (fx \3)"),
    (r"(in two units|part of two units|headed by two posts) (from \S+|on the same days): (\S+) "
     r"and (\S+); .*", lambda m: f"{_TWO_DA[m[1]]} {_when(m[2])}: {m[3]} og {m[4]}; "
     + _TWO_REMEDY_DA[m[1]]),
    (r"task (\S+) would have no accountable owner from (its first day|\S+)(?: \((\S+) (?:is "
     r"deleted|ends (\S+))\))?: give it another \(RESPONSIBLE_FOR with raci A\) in the same "
     r"change, or end the task too",
     lambda m: f"opgaven {m[1]} ville stå uden ansvarlig (A) fra "
     + ("sin første dag" if m[2] == "its first day" else m[2])
     + ("" if not m[3] else f" ({m[3]} slettes)" if not m[4] else f" ({m[3]} ophører {m[4]})")
     + ": giv den en anden (RESPONSIBLE_FOR med raci A) i samme ændring, eller afslut også "
       "opgaven"),
    (r"the accountable owner of task (\S+) begins too late: (\S+) begins (\S+), after (the task "
     r"begins|\S+), so the task would have no accountable owner from (its first day|\S+) to "
     r"(\S+)(?: \((\S+) (?:is deleted|ends (\S+))\))?; let it begin (?:on (\S+) at the latest "
     r"\(valid_from\)|with the task \(leave out valid_from\)), or give the task another "
     r"\(RESPONSIBLE_FOR with raci A\) for those days in the same change",
     lambda m: f"den ansvarlige (A) for opgaven {m[1]} begynder for sent: {m[2]} begynder {m[3]}, "
     + ("efter at opgaven begynder" if m[4] == "the task begins" else f"efter {m[4]}")
     + ", så opgaven ville stå uden ansvarlig (A) fra "
     + ("sin første dag" if m[5] == "its first day" else m[5]) + f" til {m[6]}"
     + ("" if not m[7] else f" ({m[7]} slettes)" if not m[8] else f" ({m[7]} ophører {m[8]})")
     + (f"; lad den begynde senest {m[9]} (valid_from)" if m[9]
        else "; lad den begynde med opgaven (udelad valid_from)")
     + ", eller giv opgaven en anden (RESPONSIBLE_FOR med raci A) for de dage i samme ændring"),
    (r"(name|title|name and title) changed: it holds on every date of the record, those "
     r"before the change too \(a record has one name\); for a change from a day, hand it over "
     r"to a successor with POST /api/v1/nodes/\{id\}/successor",
     lambda m: {"name": "navnet", "title": "titlen", "name and title": "navn og titel"}[m[1]]
     + " er ændret: det gælder på alle postens datoer, også dem før ændringen (en post har ét "
       "navn); for en ændring fra en dag: overdrag den til en efterfølger med POST "
       "/api/v1/nodes/{id}/successor"),
    (r"begins (\S+), before (\S+) does \((\S+)\): it holds from (\S+); check the date",
     r"begynder \1, før \2 gør (\3): den gælder fra \4; tjek datoen"),
    (r"ends (\S+), after (\S+) does \((\S+)\): it holds until (\S+); check the date",
     r"ophører \1, efter \2 gør (\3): den gælder til \4; tjek datoen"),
    (r"never holds: (\S+) ends (\S+), before the edge begins (\S+)",
     r"gælder aldrig: \1 ophører \2, før relationen begynder \3"),
    (r"never holds: it ends (\S+), before (\S+) begins (\S+)",
     r"gælder aldrig: den ophører \1, før \2 begynder \3"),
    # files and folders
    (r"not read: data files end in \.yaml, \.yml or \.jsonl \(a copy or a backup\? move it out "
     r"of the data folder\)",
     "læses ikke: datafiler ender på .yaml, .yml eller .jsonl (en kopi eller en sikkerhedskopi? "
     "flyt den ud af datamappen)"),
    (r"the file is empty", "filen er tom"),
    (r"the file holds no data", "filen indeholder ingen data"),
    (r"the file is UTF-16 text \(Windows' \"Unicode\"\); save it as UTF-8",
     "filen er UTF-16-tekst (Windows' \"Unicode\"); gem den som UTF-8"),
    (r"not a text file \(it contains NUL bytes\)", "ikke en tekstfil (den indeholder NUL-bytes)"),
    (r"not UTF-8 text", "ikke UTF-8-tekst"),
    (r"file too large \((\d+) bytes\)", r"filen er for stor (\1 bytes)"),
    (r"cannot read the file: (.+)", r"kan ikke læse filen: \1"),
    (r"not a folder \(or it does not exist\)", "ikke en mappe (eller den findes ikke)"),
    (r"no \.yaml data files in this folder", "ingen .yaml-datafiler i mappen"),
    (r"the data files hold no nodes: is this the data folder\?",
     "datafilerne indeholder ingen noder: er det den rigtige datamappe?"),
    (r"JSON files are not read: write the records as JSON Lines \(\.jsonl, one record a line\) "
     r"or YAML \(\.yaml\), or move the file out of the data folder",
     "JSON-filer læses ikke: skriv posterne som JSON Lines (.jsonl, én post pr. linje) eller "
     "YAML (.yaml), eller flyt filen ud af datamappen"),
    (r"the top level must be a mapping with keys sources, nodes, edges",
     "øverste niveau skal være en mapping med nøglerne sources, nodes, edges"),
    (r"unknown top-level key '(.+?)' \(expected one of (.+)\)",
     r"ukendt nøgle på øverste niveau '\1' (forventet en af \2)"),
    (r"(\w+) must be a list of records", r"\1 skal være en liste af poster"),
    (r"each entry of (\w+) must be a mapping", r"hver post i \1 skal være en mapping"),
    (r"each line must be a JSON object", "hver linje skal være et JSON-objekt"),
    (r"a record needs 'kind' \(node\), 'type' \(edge\) or 'key' \(source\)",
     "en post skal have 'kind' (node), 'type' (relation) eller 'key' (kilde)"),
    (r"a key must be a plain word, not (.+)", r"en nøgle skal være et almindeligt ord, ikke \1"),
    (r"the record is nested too deeply", "posten er indlejret for dybt"),
    (r"a number has more than 4,300 digits: no field takes one that long",
     "et tal har mere end 4.300 cifre: intet felt tager så langt et tal"),
    (r"nested more than (\d+) levels deep: data files hold records of fields, with lists at most",
     r"indlejret mere end \1 niveauer: datafiler indeholder poster med felter, højst med lister"),
    (r"JSON syntax error at column (\d+): (.+)",
     lambda m: f"JSON-syntaksfejl i kolonne {m[1]}: {_JSON_DA.get(m[2], m[2])}"),
    (r"JSON syntax error: (.+)", r"JSON-syntaksfejl: \1"),
    (r"YAML syntax error: a second document \('---'\): a data file is one document; remove "
     r"the line",
     "YAML-syntaksfejl: et dokument mere ('---'): en datafil er ét dokument; slet linjen"),
    # ... what libyaml noticed said in Danish too (the administrator's probe: it was English)
    (r"YAML syntax error: a quote opened on this line \(column (\d+)\) is not closed "
     r"\(libyaml noticed on line (\d+): (.+)\)",
     lambda m: f"YAML-syntaksfejl: et anførselstegn åbnet på denne linje (kolonne {m[1]}) "
               f"lukkes ikke (libyaml opdagede det på linje {m[2]}: {_noticed(m[3])})"),
    (r"YAML syntax error: a quote opened on this line \(column (\d+)\) closes only on line "
     r"(\d+): is its closing quote missing\? \(libyaml noticed on line (\d+): (.+)\)",
     lambda m: f"YAML-syntaksfejl: et anførselstegn åbnet på denne linje (kolonne {m[1]}) "
               f"lukkes først på linje {m[2]}: mangler det afsluttende anførselstegn? (libyaml "
               f"opdagede det på linje {m[3]}: {_noticed(m[4])})"),
    (r"YAML syntax error: a '([\[{])' opened on this line \(column (\d+)\) is not closed "
     r"\(libyaml noticed on line (\d+): (.+)\)",
     lambda m: f"YAML-syntaksfejl: en '{m[1]}' åbnet på denne linje (kolonne {m[2]}) lukkes "
               f"ikke (libyaml opdagede det på linje {m[3]}: {_noticed(m[4])})"),
    (r"YAML syntax error: a ':' where this value cannot have one: put a text that holds ': ' "
     r"in quotes, or mend the indentation above",
     "YAML-syntaksfejl: et ':', hvor værdien ikke kan have et: sæt en tekst med ': ' i "
     "anførselstegn, eller ret indrykningen ovenfor"),
    (r"YAML syntax error: a tab: YAML indents with spaces",
     "YAML-syntaksfejl: et tabulatortegn: YAML indrykker med mellemrum"),
    (r"YAML syntax error: a value begins with a character YAML keeps for itself \(@, `, %\): "
     r"put the text in quotes",
     "YAML-syntaksfejl: en værdi begynder med et tegn, YAML bruger selv (@, `, %): sæt teksten "
     "i anførselstegn"),
    (r"YAML syntax error: the indentation does not match the lines above: indent it as the "
     r"field or list it belongs to",
     "YAML-syntaksfejl: indrykningen passer ikke til linjerne ovenfor: ryk den ind som det felt "
     "eller den liste, den hører til"),
    (r"YAML syntax error: a '\*' names no '&' anchor: write the value out",
     "YAML-syntaksfejl: et '*' henviser ikke til noget '&'-anker: skriv værdien ud"),
    (r"YAML syntax error: (.+)", r"YAML-syntaksfejl: \1"),
    (r"YAML error: (.+)", r"YAML-fejl: \1"),
    (r"YAML aliases \(\*ref\) are not allowed", "YAML-aliaser (*ref) er ikke tilladt"),
    (r"YAML merge keys \(<<\) are not allowed: write the fields out",
     "YAML-fletnøgler (<<) er ikke tilladt: skriv felterne ud"),
    (r"YAML tag (.+) is not allowed", r"YAML-tagget \1 er ikke tilladt"),
    (r"the character (U\+\w+) is not allowed in YAML \(a control character, invisible in most "
     r"editors\): delete it",
     r"tegnet \1 er ikke tilladt i YAML (et kontroltegn, som de fleste editorer ikke viser): "
     r"slet det"),
    (r"the invisible character (U\+\w+) \((.+?)\), which YAML reads as a line break, is in this "
     r"line \(pasted text\?\): delete it",
     r"det usynlige tegn \1 (\2), som YAML læser som et linjeskift, står i denne linje "
     r"(indsat tekst?): slet det"),
]
_COMPILED = [(re.compile(shape, re.DOTALL), say) for shape, say in _SHAPES]
# What the loader adds after a message: the value as given, or as YAML read it.
_SUFFIX = re.compile(r"^(?P<core>.*?)(?P<suffix> \((?:got|YAML reads) .*\))?$", re.DOTALL)
_SUFFIXES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r" \(got (.*); did you mean (.*)\?\)$", re.DOTALL), r" (fik \1; mente du \2?)"),
    (re.compile(r" \(got (.*)\)$", re.DOTALL), r" (fik \1)"),
    (re.compile(r" \(YAML reads (.+?) as (.+?): write it in quotes, (.*)\)$", re.DOTALL),
     r" (YAML læser \1 som \2: skriv det i anførselstegn, \3)"),
    (re.compile(r" \(YAML reads (.+?) as (.*)\)$", re.DOTALL), r" (YAML læser \1 som \2)"),
]


def in_danish(message: str) -> str:
    """``message`` in Danish, if it has a shape the checks write; else as it is."""
    parts = _SUFFIX.match(message)
    core, suffix = (parts["core"], parts["suffix"] or "") if parts else (message, "")
    core = "; desuden ".join(_core_in_danish(part) for part in core.split(ALSO))
    for pattern, replacement in _SUFFIXES:
        if pattern.match(suffix):
            suffix = pattern.sub(replacement, suffix)
            break
    return core + suffix


def notice_in_danish(notice: str) -> str:
    """A write's notice in Danish: its message, or ``"id: message"`` of another record.

    >>> notice_in_danish("unit:x: part of nothing: the org chart leaves it out and its "
    ...                  "reporting line stops at it; add a PART_OF edge from it to the unit "
    ...                  "or organisation it belongs to")[:29]
    'unit:x: del af intet: organis'
    """
    if (danish := in_danish(notice)) != notice:
        return danish
    key, colon, message = notice.partition(": ")
    return f"{key}: {in_danish(message)}" if colon else notice


def _noticed(said: str) -> str:
    """What libyaml noticed, in Danish where its plain words have a Danish shape."""
    danish = _core_in_danish(f"YAML syntax error: {said}")
    return danish.removeprefix("YAML-syntaksfejl: ") if danish.startswith("YAML-") else said


def _core_in_danish(core: str) -> str:
    for shape, say in _COMPILED:
        if found := shape.fullmatch(core):
            return say(found) if callable(say) else found.expand(say)
    return core


def problem_line(problem: Problem, lang: Lang) -> str:
    """The problem as ``FILE:LINE: record: field: message``, the message in ``lang``."""
    return str(problem if lang == "en" else replace(problem, message=in_danish(problem.message)))


def _held_days(said: str) -> str:
    """The days a node holds, in a succession's message, in Danish ("from 2024-01-01 on")."""
    if said == "on every day":
        return "alle dage"
    words = said.split()
    if said.endswith(" on"):
        return f"fra {words[1]}"
    return f"til {words[1]}" if words[0] == "until" else f"fra {words[1]} til {words[3]}"
