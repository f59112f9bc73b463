"""User-facing words in Danish (the default) and English.

Examples
--------
>>> t("no_answer", "da", query="xyz")
'Intet svar på »xyz«.'
>>> t("no_answer", "en", query="xyz")
'No answer for "xyz".'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Literal

import yaml

__all__ = ["CONFIDENCE_NAMES", "DANISH_END", "DANISH_START", "EDGE_NAMES", "KIND_NAMES",
           "LEVEL_NAMES", "ROLES_FILE", "Lang", "certainty", "edge_name", "in_danish",
           "kind_label", "marked_danish", "marking_asked", "marking_danish", "name_in",
           "role_in", "role_names", "t", "unmarked"]

Lang = Literal["da", "en"]

_TEXTS: dict[str, tuple[str, str]] = {
    "no_answer": ("Intet svar på »{query}«.", 'No answer for "{query}".'),
    "only_weak": ("Ingen opgave i modellen passer på hele spørgsmålet; de nærmeste nedenfor "
                  "passer kun på en del af det.",
                  "No task in the model fits the whole question; the nearest below fit only "
                  "part of it."),
    # orgmodel list
    "none_listed": ("Ingen noder i data passer på det valgte på denne dato.",
                    "No node of the data fits what was chosen on this date."),
    "more_listed": ("Viser {shown} af {total}; --limit viser flere.",
                    "Showing {shown} of {total}; --limit shows more."),
    # orgmodel.asker: "hvem er min chef?" asks about the asker, whom the model does not know.
    # The example is a post of the data (orgmodel.asker.AskExample), or none.
    "ask_about_your_post": (
        "Modellen ved ikke, hvem du er. Spørg om din stilling{example}, eller find din enhed i "
        "organisationsdiagrammet og din stillings interessenter på interessentkortet.",
        "The model does not know who you are. Ask about your post{example}, or find your unit "
        "in the org chart and your post's stakeholders on the stakeholder map.",
    ),
    # by the unit the post heads: "Chef for …" is a title, not a phrase in a sentence
    "example_reports_to": (", fx »hvem refererer lederen af {unit} til?«",
                           ', e.g. "who does the head of {unit} report to?"'),
    # orgmodel.asker: "hvem er chef?" names no unit, committee or post.
    "not_in_data": (
        "Data nævner ingen »{what}«. Hedder det noget andet, så prøv med de ord.",
        'The data names no "{what}". If it is called something else, try those words.'),
    "name_what_is_led": (
        "Spørgsmålet nævner ikke, hvad der ledes. Nævn enheden, udvalget eller "
        "stillingen{example}.",
        "The question does not say what is led. Name the unit, committee or post{example}.",
    ),
    "example_head_of": (", fx »hvem er chef for {unit}?«", ', e.g. "who is the head of {unit}?"'),
    "kle_hint": (
        "Spørgsmålet ligner KLE {number} »{title}«, som ingen opgave i modellen dækker.",
        'The question looks like KLE {number} "{title}", which no task in the model covers.',
    ),
    # How the date was read from the question (orgmodel.asked_date.Reading).
    "answer_as_of_day": (
        "Svar pr. {date} (den dato, spørgsmålet nævner).",
        "Answer as of {date} (the date the question names).",
    ),
    "answer_as_of_month": (
        "Svar pr. {date} (midt i den måned, spørgsmålet nævner).",
        "Answer as of {date} (the middle of the month the question names).",
    ),
    "answer_as_of_year": (
        "Svar pr. {date} (midt i det år, spørgsmålet nævner).",
        "Answer as of {date} (the middle of the year the question names).",
    ),
    "answer_as_of_before_event": (
        "Svar pr. {date} (dagen før {event}, som spørgsmålet nævner).",
        "Answer as of {date} (the day before {event}, which the question names).",
    ),
    "answer_as_of_after_event": (
        "Svar pr. {date} (efter {event}, som spørgsmålet nævner).",
        "Answer as of {date} (after {event}, which the question names).",
    ),
    "answer_as_of_this_year": (
        "Svar pr. {date} (i dag: spørgsmålet nævner dette år).",
        "Answer as of {date} (today: the question names this year).",
    ),
    "as_of_set_aside": (
        "Bemærk: spørgsmålet nævner {named}, men svaret er pr. {as_of} (--as-of); udelad "
        "--as-of for at få svaret for den dato, spørgsmålet nævner.",
        "Note: the question names {named}, but the answer is as of {as_of} (--as-of); leave "
        "--as-of out for the answer on the date the question names.",
    ),
    "export_wrote": (
        "skrev {files} fil(er) i {folder}: {nodes} noder, {edges} relationer, {sources} kilder "
        "(gyldige)",
        "wrote {files} file(s) to {folder}: {nodes} nodes, {edges} edges, {sources} sources "
        "(valid)",
    ),
    "export_stale": (
        "{folder} har datafiler, som eksporten ikke skriver ({names}); de ville blive indlæst "
        "to gange: brug --replace eller en tom mappe",
        "{folder} has data files the export does not write ({names}); they would load twice: "
        "use --replace or an empty folder",
    ),
    "export_cannot_write": ("kan ikke skrive i {folder}: {reason}",
                            "cannot write {folder}: {reason}"),
    "export_relaid": (
        "bemærk: {names} kunne ikke læses post for post (fx en liste af poster, der ikke er en "
        "YAML-blokliste): skrevet i eksportens layout, uden deres kommentarer; sammenlign med "
        "git diff",
        "note: {names} could not be read record by record (e.g. a record list that is not a "
        "YAML block list): written in the export's layout, without their comments; compare "
        "with git diff",
    ),
    "export_replayed": (
        "{file}: {made} ændring(er) gjort igen over datamappen, {there} fandtes allerede, "
        "{skipped} sprunget over",
        "{file}: {made} write(s) made again over the data folder, {there} there already, "
        "{skipped} skipped",
    ),
    "not_audit_file": ("{path} er ikke en auditfil: ingen af dens {lines} linjer er en "
                       "auditpost (linje {line}: {reason})",
                       "{path} is not an audit file: none of its {lines} lines is an audit "
                       "entry (line {line}: {reason})"),
    "unreadable_audit": ("kan ikke læse auditfilen {path}: {reason}",
                         "cannot read the audit file {path}: {reason}"),
    "export_replay_skipped": ("  #{seq} ({record}) sprunget over: {reason}",
                              "  #{seq} ({record}) skipped: {reason}"),
    "export_replay_where": (
        "--audit-file gør en auditfils ændringer igen over datamappen: ikke sammen med "
        "--url (API'et har dem allerede) eller Neo4j (grafen har dem)",
        "--audit-file makes an audit file's edits again over the data folder: not with --url "
        "(the API holds them already) or Neo4j (the graph holds them)",
    ),
    "audit_not_in_graph": ("ikke lavet igen ved start, så den er ikke i grafen: {why}",
                           "not made again at start, so it is not in the graph: {why}"),
    "replay_gone": ("datamappen har ændret posten siden: den findes ikke længere",
                    "the data folder has changed the record since: it is gone"),
    "replay_exists": ("datamappen har ændret posten siden: den findes allerede",
                      "the data folder has changed the record since: it exists already"),
    "replay_changed": (
        "datamappen har ændret posten siden: den er ikke længere, som ændringen fandt den",
        "the data folder has changed the record since: it is no longer as the write found it"),
    "replay_empty": ("linjen har hverken posten før eller efter ændringen",
                     "the entry holds the record neither before nor after the write"),
    "replay_invalid": ("posten efter ændringen er ikke gyldig nu: {detail}",
                       "the record after the write is not valid now: {detail}"),
    "replay_other_key": ("posten efter ændringen er {detail}, ikke linjens",
                         "the record after the write is {detail}, not the entry's"),
    "replay_rule": ("ændringen ville nu bryde en af datamappens regler: {detail}",
                    "the write would now break a rule of the data folder: {detail}"),
    "replay_with": ("skrevet sammen med #{detail}, som springes over",
                    "written together with #{detail}, which is skipped"),
    "not_http_url": ("ikke en http(s)-adresse: {url!r}", "not an http(s) URL: {url!r}"),
    "cannot_reach": ("kan ikke nå {url}: {reason}", "cannot reach {url}: {reason}"),
    "data_folder_meant": ("Mente du datamappen {folder}?",
                          "Did you mean the data folder {folder}?"),
    "two_folders": ("DIR ({folder}) og --data ({data}) nævner to mapper: nævn én",
                    "DIR ({folder}) and --data ({data}) name two folders: name one"),
    "unreachable_refused": ("ingen svarer der (kører orgmodel serve, på den port?)",
                            "nothing answers there (is orgmodel serve running, on that port?)"),
    "unreachable_timeout": ("intet svar inden for 60 sekunder",
                            "no answer within 60 seconds"),
    "unreachable_host": ("værtsnavnet findes ikke (stavet rigtigt?)",
                         "no such host name (spelt right?)"),
    "token_refused": (
        "{url} afviste forespørgslen (HTTP {status}: {detail}): giv et gyldigt token med "
        "--token eller $ORGMODEL_TOKEN",
        "{url} refused the request (HTTP {status}: {detail}): give a valid token with --token "
        "or $ORGMODEL_TOKEN"),
    "try_search": (
        "Prøv `orgmodel search` med andre ord.",
        "Try `orgmodel search` with other words.",
    ),
    "task": ("Opgave", "Task"),
    "kle": ("KLE", "KLE"),
    "owners": ("Ansvarlige", "Owners"),
    "accountable_post": ("Ansvarlig stilling", "Accountable post"),
    "escalation": ("Eskalation", "Escalation"),
    "sources": ("Kilder", "Sources"),
    "note": ("Bemærk", "Note"),
    "id": ("Id", "Id"),
    "name": ("Navn", "Name"),
    "kind": ("Type", "Kind"),
    "score": ("Score", "Score"),
    "edges": ("Relationer", "Relations"),
    "edge_type": ("Relation", "Relation"),
    "detail": ("Detaljer", "Details"),
    "valid_data": (
        "Data er gyldige: {nodes} noder, {edges} relationer i {folder}.",
        "Data are valid: {nodes} nodes, {edges} edges in {folder}.",
    ),
    "unknown_node": (
        "Ingen node har id'et eller navnet »{text}«.",
        "No node has the id or name “{text}”.",
    ),
    "did_you_mean": (" Mente du: {names}?", " Did you mean: {names}?"),
    "ambiguous_name": (
        "»{text}« er navnet på flere: {names}. Skriv id'et på den, du mener.",
        "“{text}” names several: {names}. Give the id of the one you mean.",
    ),
    "not_valid_on": (
        "»{id}« gælder ikke den {date}; et andet --as-of viser den.",
        "“{id}” does not hold on {date}; another --as-of shows it.",
    ),
    "not_valid_on_span": (
        "»{id}« gælder ikke den {date}, men {span}; et --as-of i det tidsrum viser den.",
        "“{id}” does not hold on {date} but {span}; an --as-of within that time shows it.",
    ),
    "notice": ("bemærk", "notice"),
    "invalid_data": (
        "{count} problem(er) i {folder}; intet er indlæst.",
        "{count} problem(s) in {folder}; nothing was loaded.",
    ),
    "no_phone_numbers": (
        "Data har ingen telefonnumre: modellen rummer ingen personlige kontaktoplysninger. "
        "En opgaves postkasse står under den, hvor data har en.",
        "The data holds no phone numbers: the model keeps no personal contact details. A "
        "task's mailbox is shown under it, where the data has one.",
    ),
    "not_who_not": (
        "Data siger, hvem der har ansvaret, ikke hvem der ikke har: nedenfor står, hvem der har.",
        "The data says who is responsible, not who is not: below is who is.",
    ),
    "no_amounts": (
        "Data har ingen beløb: modellen rummer ingen budgetter, priser eller lønninger i kroner. "
        "Hvem der har opgaven, står nedenfor, hvor data har den.",
        "The data holds no amounts: the model has no budgets, prices or salaries in kroner. "
        "Who holds the task is shown below, where the data has it.",
    ),
    "more_alike": (
        "… og {count} problem(er) mere af samme slags: {message}",
        "… and {count} more problem(s) of the same kind: {message}",
    ),
    "load_needs_neo4j": (
        "load skriver til Neo4j: angiv --neo4j (serveren angives af NEO4J_URI, NEO4J_USER og "
        "NEO4J_PASSWORD, eller --uri/--user/--password-env); en datamappe alene tjekkes med "
        "orgmodel validate MAPPE",
        "load writes into Neo4j: pass --neo4j (the server comes from NEO4J_URI, NEO4J_USER "
        "and NEO4J_PASSWORD, or --uri/--user/--password-env); to check a data folder "
        "alone: orgmodel validate DIR"),
    "nothing_written": ("orgmodel: intet er skrevet til Neo4j",
                        "orgmodel: nothing was written to Neo4j"),
    "not_found": ("Ukendt id: {id}", "Unknown id: {id}"),
    "none": ("(ingen)", "(none)"),
    "source": ("Kilde", "Source"),
    "confidence": ("Sikkerhed", "Confidence"),
    "valid": ("Gyldig", "Valid"),
    "confidence_word": ("sikkerhed", "confidence"),
    "source_word": ("kilde", "source"),
    "strength": ("styrke", "strength"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
}

CONFIDENCE_NAMES: dict[str, tuple[str, str]] = {
    "high": ("høj", "high"), "medium": ("middel", "medium"), "low": ("lav", "low"),
}

#: A unit's level as a reader names it (the data's ``level`` values are Danish words).
LEVEL_NAMES: dict[str, tuple[str, str]] = {
    "direktørområde": ("Direktørområde", "Director area"),
    "afdeling": ("Afdeling", "Department"),
    "stab": ("Stabsfunktion", "Staff function"),
    "enhed": ("Enhed", "Unit"),
    "team": ("Team", "Team"),
}

#: Edge type -> (Danish, English) as read from its start node to its end node.
EDGE_NAMES: dict[str, tuple[str, str]] = {
    "PART_OF": ("del af", "part of"),
    "POST_IN": ("stilling i", "post in"),
    "HOLDS": ("bestrider", "holds"),
    "HEADS": ("leder", "heads"),
    "REPORTS_TO": ("refererer til", "reports to"),
    "MEMBER_OF": ("medlem af", "member of"),
    "RESPONSIBLE_FOR": ("ansvar for", "responsible for"),
    "SUPPORTS": ("understøtter", "supports"),
    "OPERATES": ("driver", "operates"),
    "USES": ("bruger", "uses"),
    "COLLABORATES_WITH": ("samarbejder med", "collaborates with"),
    "PARTICIPATES_IN": ("deltager i", "participates in"),
    "ADVISES": ("rådgiver", "advises"),
    "DECIDES": ("beslutter", "decides"),
    "SUBMITS_TO": ("indstiller til", "submits to"),
    "SERVES": ("betjener", "serves"),
    "DEPENDS_ON": ("afhænger af", "depends on"),
    "SUPPLIES": ("leverer til", "supplies"),
    "CONTRIBUTES_TO": ("bidrager til", "contributes to"),
    "RESULTED_FROM": ("opstod af", "resulted from"),
    "IN_GROUP": ("hører til", "belongs to"),
}

#: The same relations read from the end node back to the start node.
_INVERSE_EDGE_NAMES: dict[str, tuple[str, str]] = {
    "PART_OF": ("omfatter", "includes"),
    "POST_IN": ("har stillingen", "has the post"),
    "HOLDS": ("bestrides af", "held by"),
    "HEADS": ("ledes af", "headed by"),
    "REPORTS_TO": ("har som medarbejder", "has as direct report"),
    "MEMBER_OF": ("har som medlem", "has as member"),
    "RESPONSIBLE_FOR": ("varetages af", "owned by"),
    "SUPPORTS": ("understøttes af", "supported by"),
    "OPERATES": ("drives af", "operated by"),
    "USES": ("bruges af", "used by"),
    "COLLABORATES_WITH": ("samarbejder med", "collaborates with"),
    "PARTICIPATES_IN": ("har som deltager", "has as participant"),
    "ADVISES": ("rådgives af", "advised by"),
    "DECIDES": ("besluttes af", "decided by"),
    "SUBMITS_TO": ("modtager sager fra", "receives cases from"),
    "SERVES": ("betjenes af", "served by"),
    "DEPENDS_ON": ("er en forudsætning for", "is needed by"),
    "SUPPLIES": ("leveres af", "supplied by"),
    "CONTRIBUTES_TO": ("har bidrag fra", "has contributions from"),
    "RESULTED_FROM": ("førte til", "led to"),
    "IN_GROUP": ("omfatter", "includes"),
}

KIND_NAMES: dict[str, tuple[str, str]] = {
    "Organisation": ("Organisation", "Organisation"),
    "Body": ("Politisk organ", "Political body"),
    "Forum": ("Forum", "Forum"),
    "Unit": ("Enhed", "Unit"),
    "Post": ("Stilling", "Post"),
    "Person": ("Person", "Person"),
    "Task": ("Opgave", "Task"),
    "System": ("System", "System"),
    "Asset": ("Udstyr", "Asset"),
    "Initiative": ("Initiativ", "Initiative"),
    "Stakeholder": ("Interessent", "Stakeholder"),
    "Policy": ("Politik/strategi", "Policy"),
}


#: Around a part of an English text that is Danish (a name the data has no English for, a
#: record's note, a KLE title), where a page asks for it (:func:`marking_danish`): the page
#: marks that part ``lang="da"``, so that a screen reader reads it in Danish (WCAG 3.1.2).
#: Private-use characters, never data; :func:`unmarked` takes them away.
DANISH_START, DANISH_END = "\ue000", "\ue001"
_MARKING: ContextVar[bool] = ContextVar("orgmodel_marking_danish", default=False)


@contextmanager
def marking_danish() -> Iterator[None]:
    """Within it, the English texts made here mark their Danish parts (:func:`in_danish`).

    Only a page that turns the marks into ``lang="da"`` asks for them (``viz.start``); the
    command line and the API never do, and their texts have none.

    >>> with marking_danish():
    ...     name_in("Løn", None, "en") == DANISH_START + "Løn" + DANISH_END
    True
    >>> name_in("Løn", None, "en")
    'Løn'
    """
    token = _MARKING.set(True)
    try:
        yield
    finally:
        _MARKING.reset(token)


def marking_asked() -> bool:
    """Whether the texts made now mark their Danish parts (within :func:`marking_danish`)."""
    return _MARKING.get()


def marked_danish(text: str) -> str:
    """``text``, which is Danish, marked so (whatever is asked): a page's own composed text.

    >>> unmarked(marked_danish("Løn")), marked_danish("") == ""
    ('Løn', True)
    """
    return f"{DANISH_START}{text}{DANISH_END}" if text else text


def in_danish(text: str, lang: Lang) -> str:
    """``text``, which is Danish, as a text in ``lang`` says it.

    Marked in an English text within :func:`marking_danish`; as it is otherwise.
    """
    return marked_danish(text) if lang == "en" and marking_asked() else text


def unmarked(text: str) -> str:
    """``text`` without the marks of its Danish parts.

    >>> unmarked(f"Held by: {DANISH_START}Lars{DANISH_END}.")
    'Held by: Lars.'
    """
    return text.replace(DANISH_START, "").replace(DANISH_END, "")


def name_in(name: str, name_en: str | None, lang: Lang) -> str:
    """The name to show: English when asked for and known, else Danish.

    The Danish name in an English text is marked so within :func:`marking_danish`.

    >>> name_in("Løn", "Payroll", "en"), name_in("Løn", None, "en"), name_in("Løn", "Payroll", "da")
    ('Payroll', 'Løn', 'Løn')
    """
    return name_en if lang == "en" and name_en else in_danish(name, lang)


#: The roles the data gives most often, in English: an edge's role is free Danish text, and
#: these few words are most of it ("formand", "medlem"); others are shown as written.
#: Where the English of the relations' roles is kept: vocabulary, beside the synonyms.
ROLES_FILE = Path(__file__).resolve().parent.parent / "data" / "vocabulary" / "roles.yaml"


@functools.cache
def role_names() -> dict[str, str]:
    """Danish role -> English, from :data:`ROLES_FILE` (read once; none if it is missing)."""
    try:
        data = yaml.safe_load(ROLES_FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    roles = data.get("roles") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in roles.items()} if isinstance(roles, dict) else {}


def role_in(role: str, lang: Lang) -> str:
    """A relation's role as a reader of ``lang`` says it, where the vocabulary has its English.

    >>> role_in("formand", "en"), role_in("formand", "da"), role_in("udbudsregler", "en")
    ('chair', 'formand', 'procurement rules')
    >>> role_in("en rolle ingen har oversat", "en")
    'en rolle ingen har oversat'
    """
    if lang != "en":
        return role
    english = role_names().get(role)
    return english if english is not None else in_danish(role, lang)  # marked, where asked


def kind_label(kind: str, attributes: Mapping[str, object], lang: Lang) -> str:
    """The kind of a node as a reader says it: a unit by its level (afdeling, team, …)."""
    level = attributes.get("level") if kind == "Unit" else None
    if isinstance(level, str) and level in LEVEL_NAMES:
        return LEVEL_NAMES[level][0 if lang == "da" else 1]
    return KIND_NAMES[kind][0 if lang == "da" else 1]


def certainty(confidence: str, source: str, lang: Lang) -> str:
    """``sikkerhed: lav, kilde: …`` (or English): how sure a record is, and why.

    >>> certainty("low", "assumption", "da")
    'sikkerhed: lav, kilde: assumption'
    """
    word = CONFIDENCE_NAMES.get(confidence, (confidence, confidence))[0 if lang == "da" else 1]
    return f"{t('confidence_word', lang)}: {word}, {t('source_word', lang)}: {source}"


#: A responsibility by its RACI role, forward and read from the task: one informed of a task
#: does not carry it out.
_RACI_EDGE_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "R": (("udfører", "carries out"), ("udføres af", "carried out by")),
    "A": (("har ansvaret for", "is accountable for"), ("ansvaret ligger hos", "accountable")),
    "C": (("konsulteres om", "is consulted on"), ("konsulterer", "consults")),
    "I": (("orienteres om", "is informed of"), ("orienterer", "informs")),
}


def edge_name(edge_type: str, lang: Lang, *, inverse: bool = False,
              raci: str | None = None) -> str:
    """The display name of an edge type, read forward or (``inverse``) from its end node.

    A responsibility with its ``raci`` role says which.

    >>> edge_name("HEADS", "da"), edge_name("HEADS", "da", inverse=True)
    ('leder', 'ledes af')
    >>> edge_name("RESPONSIBLE_FOR", "da", inverse=True, raci="I")
    'orienterer'
    """
    if edge_type == "RESPONSIBLE_FOR" and raci in _RACI_EDGE_NAMES:
        pair = _RACI_EDGE_NAMES[raci][1 if inverse else 0]
    else:
        pair = (_INVERSE_EDGE_NAMES if inverse else EDGE_NAMES).get(edge_type,
                                                                    (edge_type, edge_type))
    return pair[0] if lang == "da" else pair[1]


def t(key: str, lang: Lang = "da", **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in."""
    da, en = _TEXTS[key]
    return (da if lang == "da" else en).format(**values)
