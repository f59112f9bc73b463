"""The words that frame a question about the organisation rather than a task.

"Hvem leder …", "hvem bestemmer over …", "hvem refererer … til", "hvilke enheder hører under
…": these words say what kind of answer is wanted, and name nothing themselves, so the node the
question names is looked for without them (:mod:`orgmodel.node_hint`). The static start page
reads questions with the same lists (``viz/static/js/start-read.js``, ``start-hints.js``).

Examples
--------
>>> asks_structure("hvilke enheder hører under økonomi og stab".split())
True
>>> without("Hvem refererer ØS-chefen til?", REPORTING_WORDS)
'Hvem  ØS-chefen til?'
"""

from __future__ import annotations

import itertools
import re

from orgmodel.text import STOPWORDS, fold

__all__ = [
    "ADMINISTRATION_SPELLINGS",
    "ADMINISTRATION_WORDS",
    "APPROVING_SPELLINGS",
    "APPROVING_WORDS",
    "ARTICLES",
    "CASE_SPELLINGS",
    "CASE_WORDS",
    "COLLABORATION_FRAME",
    "COLLABORATION_FRAME_SPELLINGS",
    "COLLABORATION_SPELLINGS",
    "COLLABORATION_WORDS",
    "DECIDER_FRAME",
    "DECIDER_SPELLINGS",
    "DECIDING_SPELLINGS",
    "DECIDING_WORDS",
    "DEFINING_OPENINGS",
    "DEFINING_SPELLINGS",
    "DO_WORK_WITH",
    "EXTERNAL_SPELLINGS",
    "EXTERNAL_WORDS",
    "HAPPENING_SPELLINGS",
    "HAPPENING_WORDS",
    "HEAD_SPELLINGS",
    "HEAD_WORDS",
    "HOME_POINTER_SPELLINGS",
    "IN_IT_SPELLINGS",
    "LEADERSHIP_SPELLINGS",
    "LEADERSHIP_WORDS",
    "MEETING_SPELLINGS",
    "MEETING_WORDS",
    "MERGER_SPELLINGS",
    "MERGER_WORDS",
    "NEAREST_SPELLINGS",
    "NEAREST_WORDS",
    "NOT_DEFINING",
    "NOT_DEFINING_SPELLINGS",
    "PLACE_ASKED_KIND",
    "PLACE_ENDINGS",
    "PLACE_FRAME",
    "PLACE_FRAME_SPELLINGS",
    "PLACE_SPELLINGS",
    "PLACE_SPLIT_ENDING",
    "PLACE_WHERE_SPELLINGS",
    "PLACE_WHICH",
    "REPORTED_TO_SPELLINGS",
    "REPORTING_ADVERB_SPELLINGS",
    "REPORTING_FRAME",
    "REPORTING_FRAME_SPELLINGS",
    "REPORTING_SPELLINGS",
    "REPORTING_WORDS",
    "REWORDED_PHRASES",
    "ROLE_SPELLINGS",
    "ROLE_WORDS",
    "ROUTE_FRAME",
    "ROUTE_FRAME_SPELLINGS",
    "SAT_IN_LAST",
    "SITTING_SPELLINGS",
    "SITTING_WORDS",
    "SIZE_ASK",
    "SIZE_NOUNS",
    "SIZE_NOUN_COUNTS",
    "SIZE_NOUN_SPELLINGS",
    "SIZE_SPELLINGS",
    "SIZE_WORDS",
    "STAKEHOLDER_FRAME",
    "STAKEHOLDER_FRAME_SPELLINGS",
    "STAKEHOLDER_SPELLINGS",
    "STAKEHOLDER_WORDS",
    "STRUCTURE_FRAME",
    "STRUCTURE_FRAME_SPELLINGS",
    "STRUCTURE_SPELLINGS",
    "STRUCTURE_WORDS",
    "SUBORDINATE_SPELLINGS",
    "SUPERIOR_SPELLINGS",
    "SUPPLY_SPELLINGS",
    "SUPPLY_WORDS",
    "SUPPORTING_SPELLINGS",
    "SUPPORTING_WORDS",
    "TOPIC_SPELLINGS",
    "UNDER_SPELLINGS",
    "USING_OPENINGS",
    "USING_SPELLINGS",
    "USING_VERBS",
    "as_reporting",
    "asks_collaboration",
    "asks_escalation",
    "asks_head",
    "asks_meeting",
    "asks_merger",
    "asks_place",
    "asks_reporting",
    "asks_sitting",
    "asks_size",
    "asks_structure",
    "asks_superior",
    "asks_what_it_is",
    "reporting_direction",
    "reworded",
    "split_topic",
    "without",
    "without_asked_kind",
]

_LETTERS = re.compile(r"[^\W\d_]+")

#: Words that ask who leads or sits in something ("hvem er formand for Økonomiudvalget?"): no
#: task is that answer, and they are left out when the node is looked for (they name no unit
#: or body).
_LEADERSHIP = """
    leder lederen lederens ledere lede ledes ledede ledet chef chefen chefens direktør direktøren
    direktørens formand formanden formandens
    næstformand medlem medlemmer medlemmerne sidder sidde deltager deltage deltagere stilling
    stillingen head heads headed lead leads led leader leaders director chair chairs chaired
    chairman chairperson
    boss bosses manager managers supervisor chief chiefs
    member members sits sit participates participate participants part holds hold held post
    foresat foresatte deltog deltaget participated attend attends attended attendees sad
"""
LEADERSHIP_SPELLINGS: tuple[str, ...] = tuple(_LEADERSHIP.split())
LEADERSHIP_WORDS = frozenset(fold(" ".join(LEADERSHIP_SPELLINGS)).split())
#: Those of them that ask who heads something, not who is in it ("hvem er formand for …?"):
#: the hint says who heads it first, or that the data names no one.
HEAD_SPELLINGS: tuple[str, ...] = (
    "leder", "lederen", "ledes", "chef", "chefen", "direktør", "direktøren", "formand",
    "formanden", "head", "heads", "headed", "lead", "leads", "leader", "director", "chair",
    "chairs", "chaired", "chairman", "chairperson", "boss", "manager", "chief")
HEAD_WORDS = frozenset(fold(" ".join(HEAD_SPELLINGS)).split())
#: ... and those that ask who is in it, which a question of its head does not have.
IN_IT_SPELLINGS: tuple[str, ...] = (
    "medlem", "medlemmer", "medlemmerne", "sidder", "sidde", "deltager", "deltage", "deltagere",
    "member", "members", "sits", "sit", "participates", "participate", "participants",
    # "hvem deltog i det fælles erp-udbud med ishøj" (it met the set-up of finance systems)
    "deltog", "deltaget", "participated",
    # "who attends the political case review meetings with the mayor" (it met a task)
    "attend", "attends", "attended", "attendees")
_IN_IT = frozenset(fold(" ".join(IN_IT_SPELLINGS)).split())


#: Who of them a question of who takes part asks for ("hvem fra administrationen deltager i
#: ØU?" named nothing by "administrationen", and the committee's servicing answered): the
#: node's hint says who takes part, and these are left out when it is looked for.
ADMINISTRATION_SPELLINGS: tuple[str, ...] = (
    "administrationen", "forvaltningen", "embedsværket", "embedsmænd", "embedsmændene",
    "administration", "officials",
    # "hvilke folk er med i direktørforum" (it met HR by "folk")
    "folk", "personer", "people", "persons")
ADMINISTRATION_WORDS = frozenset(fold(" ".join(ADMINISTRATION_SPELLINGS)).split())


#: The words of a post's superior, after whose it is ("teamlederens chef", "the team leader's
#: boss"): whom that post reports to is the answer, said first.
SUPERIOR_SPELLINGS: tuple[str, ...] = (
    "chef", "chefen", "boss", "manager", "leder", "lederen", "supervisor", "overordnede",
    "superior",
    # "hvem er kommunaldirektørens foresatte" (it met the staff matters)
    "foresat", "foresatte")
_SUPERIOR = frozenset(fold(" ".join(SUPERIOR_SPELLINGS)).split())
#: ... and the words that may stand between the genitive and it ("dagtilbudschefens nærmeste
#: leder" met the access to the specialist systems), left out when the post is looked for.
NEAREST_SPELLINGS: tuple[str, ...] = (
    "nærmeste", "direkte", "øverste", "nearest", "direct", "immediate", "closest", "line")
NEAREST_WORDS = frozenset(fold(" ".join(NEAREST_SPELLINGS)).split())


def asks_superior(words: list[str]) -> bool:
    """Whether folded ``words`` ask for the superior of whoever the word before names.

    A Danish genitive ("teamlederens chef") or an English one (folded, "leader's" is "leader
    s"): the word before ends in "s", or is it.

    >>> asks_superior("hvem er teamlederens chef".split())
    True
    >>> asks_superior("who is the team leader s boss".split()), asks_superior(["chef"])
    (True, False)
    >>> asks_superior("hvem er chef for it".split())
    False
    >>> asks_superior("dagtilbudschefens naermeste leder".split())
    True
    """
    def genitive(at: int) -> bool:
        while at > 0 and words[at - 1] in NEAREST_WORDS:  # "… nærmeste leder"
            at -= 1
        before = words[at - 1] if at else ""
        return before == "s" or (before.endswith("s") and len(before) > 3
                                 and before not in STOPWORDS)

    return any(word in _SUPERIOR and at and genitive(at) for at, word in enumerate(words))


def asks_head(words: list[str]) -> bool:
    """Whether folded ``words`` ask who heads something, and not who is in it.

    >>> asks_head("hvem er formand for bsu".split()), asks_head("hvem sidder i ou".split())
    (True, False)
    """
    return not HEAD_WORDS.isdisjoint(words) and _IN_IT.isdisjoint(words)

#: Phrases a question is read in other words, patterns (case aside) and their replacements,
#: which the page's script reads too. Those that ask who takes part in something with no word
#: of :data:`LEADERSHIP_WORDS` ("hvem er med i ØU?", "who's on the finance committee?") are
#: read with "medlem"/"members" ("hvem sidder i ØU?" was answered, these met the tasks of
#: servicing the committee alone).
REWORDED_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\ber\s+med\s+i\b", "er medlem i"),
    (r"\bvar\s+med\s+i\b", "var medlem i"),
    (r"\bwho(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s+on\b", "who are members of"),
    # "who has the final say?", "hvem har det sidste ord?", "hvem træffer den endelige
    # beslutning?" ask who decides, without its verb (the round 14 probe: no answer)
    (r"\b(?:the\s+)?(?:final|last)\s+(?:say|word|decisions?)\b", "decides"),
    (r"\b(?:det\s+)?sidste\s+ord\b", "bestemmer"),
    (r"\b(?:den\s+|de\s+)?endelige\s+(?:beslutning|afgørelse)(?:en|er|erne)?\b",
     "bestemmer"),
    # "hvem sad med HR i 2022?" asks who handled it, not who sat in it (the round 14 probe:
    # HR, an alias of a unit, was read as what was sat in); "sidder med i ØU" still sits in
    (r"\b(?:sidder|sidde|sad|siddet)\s+med\b(?!\s+i\b)", "har"),
)
_REWORDED = tuple((re.compile(pattern, re.IGNORECASE), said)
                  for pattern, said in REWORDED_PHRASES)


def reworded(query: str) -> str:
    """``query`` with each phrase of :data:`REWORDED_PHRASES` in its other words.

    >>> reworded("hvem er med i ØU?"), reworded("Who's on the Finance Committee")
    ('hvem er medlem i ØU?', 'who are members of the Finance Committee')
    >>> reworded("hvem står for løn?")
    'hvem står for løn?'
    >>> reworded("hvem sad med HR?"), reworded("hvem sidder med i ØU?")
    ('hvem har HR?', 'hvem sidder med i ØU?')
    >>> reworded("which body has the final say?")
    'which body has decides?'
    """
    for pattern, said in _REWORDED:
        query = pattern.sub(said, query)
    return query


#: A post named first, then whose superior is asked with a possessive pronoun ("teamlederen i
#: OP - hvem er hendes leder?", "the head of IT, who is his boss?"): read as whom it reports
#: to (it met the access to the specialist systems).
_PRONOUN_SUPERIOR = re.compile(
    r"^\s*(?P<named>.+?)\s*[-–—,:;]\s*(?:hvem|who)\s+(?:er|is|'s|’s)\s+"
    r"(?:hans|hendes|dens|dets|deres|his|her|its|their)\s+(?:nærmeste\s+|direct\s+|"
    r"immediate\s+)?(?:chef|leder|overordnede|foresatte|boss|manager|superior|line\s+manager)"
    r"\s*\??\s*$", re.IGNORECASE)


def as_reporting(query: str) -> str:
    """``query`` asking a named post's superior by a pronoun, as whom that post reports to.

    >>> as_reporting("teamlederen i OP - hvem er hendes leder")
    'hvem refererer teamlederen i OP til?'
    >>> as_reporting("hvem er min leder")
    'hvem er min leder'
    """
    found = _PRONOUN_SUPERIOR.match(query)
    return f"hvem refererer {found['named']} til?" if found else query


#: Words that ask how often or when a forum or body meets ("hvor tit mødes ØS-IT?", "how often
#: does the finance committee meet?"): a verb of meeting and a word of when, both. Its hint
#: says it (``meets``); the tasks the rest meets are stray. Without a word of when, a meeting
#: is work ("hvem betjener møderne i ØU?" asks for the servicing task).
MEETING_SPELLINGS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("mødes", "møde", "møder", "møderne", "mødet", "meet", "meets", "meeting", "meetings"),
    ("tit", "ofte", "hyppigt", "hvornår", "often", "frequently", "when"),
)
MEETING_WORDS: tuple[frozenset[str], frozenset[str]] = (
    frozenset(fold(" ".join(MEETING_SPELLINGS[0])).split()),
    frozenset(fold(" ".join(MEETING_SPELLINGS[1])).split()),
)


def asks_meeting(words: list[str]) -> bool:
    """Whether folded ``words`` ask how often or when something meets.

    >>> asks_meeting("hvor tit modes os it".split()), asks_meeting("hvem betjener moderne".split())
    (True, False)
    """
    return not MEETING_WORDS[0].isdisjoint(words) and not MEETING_WORDS[1].isdisjoint(words)


#: Words that ask what goes on in something ("hvad sker der i Ledelsesteamet i Økonomi og
#: Stab?", "what happens in the Chiefs' Forum?"): its hint says what it is and who takes part;
#: the tasks "sker" and "happens" met were stray. Left out when it is looked for.
HAPPENING_SPELLINGS: tuple[str, ...] = (
    "sker", "skete", "foregår", "foregik", "happens", "happen", "happened", "happening",
    "goes", "going",
    # ... or how it stands ("hvad er status på letbanen?" met payroll by "status")
    "status", "stade", "stadie", "fremdrift", "progress")
HAPPENING_WORDS = frozenset(fold(" ".join(HAPPENING_SPELLINGS)).split())


#: Words that ask what an outside party supplies ("hvad leverer KMD til os?", "who does KMD
#: supply?"): the organisation's hint says it (SUPPLIES), and the task that uses its system
#: met its name. Left out when it is looked for.
SUPPLY_SPELLINGS: tuple[str, ...] = (
    "leverer", "levere", "leveres", "leveret", "leverede", "leverandør", "leverandøren",
    "supplies", "supply", "supplied", "supplier", "delivers", "deliver", "delivered",
    "provides", "provide", "provided", "provider")
SUPPLY_WORDS = frozenset(fold(" ".join(SUPPLY_SPELLINGS)).split())


#: Words that ask what a unit was made from ("hvilke enheder blev slået sammen til
#: Organisation og Politik?" met the staff matters): the change that made it answers, with
#: what the data knows of the units before it. "sammen" alone is working together: it counts
#: after "slået" or "lagt".
MERGER_SPELLINGS: tuple[str, ...] = (
    "sammenlagt", "sammenlagde", "sammenlægning", "sammenlægningen", "fusioneret",
    "fusionerede", "fusion", "fusionen", "merged", "merger", "merging", "amalgamated")
MERGER_WORDS = frozenset(fold(" ".join(MERGER_SPELLINGS)).split())
_PUT_TOGETHER = frozenset(fold("slået slaaet slog lagt lagde").split())


def asks_merger(words: list[str]) -> bool:
    """Whether folded ``words`` ask what something was merged from.

    >>> asks_merger(fold("hvilke enheder blev slået sammen til organisation og politik").split())
    True
    >>> asks_merger("hvem arbejder sammen med it".split())
    False
    """
    return not MERGER_WORDS.isdisjoint(words) or any(
        word in _PUT_TOGETHER and after == "sammen" for word, after in itertools.pairwise(words))


#: Words that ask who decides: no node is named by them ("hvem bestemmer over letbanen?" names
#: the initiative alone), but a task may be ("who decides the budget": its adoption), so the
#: node must still fit better than any task.
DECIDING_SPELLINGS: tuple[str, ...] = (
    "bestemmer", "bestemme", "bestemmes", "bestemte", "besluttede", "beslutter", "beslutte",
    "besluttes", "vedtog", "vedtaget", "vedtager", "vedtage", "vedtages", "decides", "decide",
    "decided", "adopted", "adopts", "adopt")
DECIDING_WORDS = frozenset(fold(" ".join(DECIDING_SPELLINGS)).split())
#: ... and the words that ask which one decides, naming nothing it decides ("which body
#: decides?", "hvilket organ bestemmer i kommunen?"): the council, which decides them all.
DECIDER_SPELLINGS: tuple[str, ...] = (
    "body", "bodies", "organ", "organet", "organer", "politisk", "politiske", "political",
    "myndighed", "myndigheden", "authority", "træffer", "makes", "make", "everything", "alt",
    "alting", "ultimately", "sidst", "sidste", "ende", "til", "syvende")
#: ... and the words that put the municipality itself before its noun ("in this
#: municipality"); alone, "who decides this?" names something, unsaid.
HOME_POINTER_SPELLINGS: tuple[str, ...] = ("this", "our", "denne", "vores")
DECIDER_FRAME = DECIDING_WORDS | frozenset(fold(" ".join(DECIDER_SPELLINGS)).split())
#: Words of approving ("hvem godkender it-projekter?" was answered by IT, accountable, with
#: the council that decides in a later line): the one that decides the task met first is
#: said first, as with :data:`DECIDING_SPELLINGS`; but the tasks keep their order, as an
#: invoice approved is bookkeeping, not the council's approval of the accounts.
APPROVING_SPELLINGS: tuple[str, ...] = (
    "godkender", "godkende", "godkendes", "godkendte", "approves", "approve", "approved",
    # "who signs off on new digital solutions?" (round 12: the deciding council not first)
    "signs", "sign", "signed")
APPROVING_WORDS = frozenset(fold(" ".join(APPROVING_SPELLINGS)).split())

#: The words of a political case ("hvor går sagerne hen efter Økonomiudvalget?", "how does a
#: case get to the city council?"): where a body's cases come from and go (``SUBMITS_TO``) is
#: the answer, said first; the tasks of servicing the cases met "sager" alone.
CASE_SPELLINGS: tuple[str, ...] = (
    "sag", "sagen", "sager", "sagerne", "case", "cases",
    # "sagsgang for en MBU sag" (it met the quality assurance of political cases)
    "sagsgang", "sagsgangen", "sagsforløb", "sagsforløbet")
CASE_WORDS = frozenset(fold(" ".join(CASE_SPELLINGS)).split())
#: ... and these are left out with them when the body is looked for (they name no body).
ROUTE_FRAME_SPELLINGS: tuple[str, ...] = (
    *CASE_SPELLINGS, "hen", "efter", "videre", "vej", "vejen", "sendes", "sender", "sendt",
    "får", "modtager", "send", "sends", "sende", "get", "gets", "reach", "reaches", "sent",
    "passes", "route", "way", "after", "next", "receives", "receive", "comes", "come",
    "bagefter", "derefter", "afterwards", "then",
    # "hvilke udvalg sender sager til Økonomiudvalget?": which kind of body, no name (the
    # static page, without the server's weighting, named no committee); a Danish committee's
    # name is one word ("Økonomiudvalget"), an English one's is not ("Finance Committee")
    "udvalg", "udvalgene", "fagudvalg", "fagudvalgene")
ROUTE_FRAME = frozenset(fold(" ".join(ROUTE_FRAME_SPELLINGS)).split())

#: Words that ask who supports or runs a system or equipment ("hvem drifter Aula?", "who
#: supports Aula?"): the system's hint says it (SUPPORTS, OPERATES into it), and the tasks of
#: support they meet ("Understøttelse af direktion …", "IT support") are stray. Only a system
#: or asset the rest of the question names well is read so: "who supports the mayor?" asks
#: for a task.
SUPPORTING_SPELLINGS: tuple[str, ...] = (
    "understøtter", "understøtte", "understøttes", "drifter", "drifte", "driftes",
    "supporterer", "supportere", "supporteres",
    "vedligeholder", "vedligeholde", "vedligeholdes", "supports", "support", "supported",
    "supporting", "runs", "run", "operates", "operate", "operated", "maintains", "maintain",
    "maintained")
SUPPORTING_WORDS = frozenset(fold(" ".join(SUPPORTING_SPELLINGS)).split())

#: Words that ask whom a post reports to ("hvem refererer økonomichefen til?", "who does the
#: head of Finance and Staff report to?"): the post's hint says it, and no task is the answer
#: (without this, "report" met the budget follow-up's "variance reporting").
REPORTING_SPELLINGS: tuple[str, ...] = (
    "refererer", "referere", "refererede", "reporterer", "report", "reports", "reported",
    "reporting",
    # "hvem står borgmesteren til ansvar overfor?" (it met the political cases' review)
    "overfor")
#: Words that ask who is under a post, whatever their place ("hvem er direkte underordnet
#: borgmesteren?" met the support of the council; the post's hint has them as "Direkte
#: underordnede") ...
SUBORDINATE_SPELLINGS: tuple[str, ...] = (
    "underordnet", "underordnede", "subordinate", "subordinates")
SUBORDINATE_WORDS = frozenset(fold(" ".join(SUBORDINATE_SPELLINGS)).split())
REPORTING_WORDS = frozenset(fold(" ".join(REPORTING_SPELLINGS)).split()) | SUBORDINATE_WORDS
#: ... and these are left out with the reporting words when the post is looked for: "direkte
#: underordnede", "direct reports" (they name no post).
REPORTING_FRAME_SPELLINGS: tuple[str, ...] = ("direkte", "direct", "directly")
REPORTING_FRAME = REPORTING_WORDS | frozenset(fold(" ".join(REPORTING_FRAME_SPELLINGS)).split())

#: Words that ask whom to escalate to ("hvem eskalerer jeg til, hvis IT ikke svarer?"): the
#: head of the unit named, and whom that post reports to, said first (the tasks met "IT").
ESCALATION_SPELLINGS: tuple[str, ...] = (
    "eskalere", "eskalerer", "eskaleres", "eskaleret", "eskalering", "eskalation", "escalate",
    "escalates", "escalated", "escalation", "escalating")
ESCALATION_WORDS = frozenset(fold(" ".join(ESCALATION_SPELLINGS)).split())
#: ... or without the word: someone who does not answer, and who to turn to then ("hvis
#: enhedslederen for OP ikke svarer, hvem går jeg så til?", "IT-chefen vender ikke tilbage,
#: hvem er den næste?", "the head of finance isn't getting back to me, who is above her?": no
#: answer, or the tasks, in the round 14 and 15 probes). A negation and a word of answering;
#: "hvis IT ikke virker, hvem kontakter jeg?" asks for the task of IT support.
ESCALATION_NOT_SPELLINGS: tuple[str, ...] = (
    "ikke", "not", "doesnt", "dont", "wont", "isnt", "hasnt", "havent", "cannot", "cant",
    "never", "aldrig", "intet")
#: ... and the stems of English contractions, a negation only before their "t" ("doesn't",
#: "can't"): "who can answer for procurement?" asked for its tasks (the code review).
ESCALATION_NOT_STEM_SPELLINGS: tuple[str, ...] = (
    "doesn", "don", "won", "isn", "hasn", "haven", "can", "aren", "didn", "wasn")
ESCALATION_ANSWER_SPELLINGS: tuple[str, ...] = (
    "svarer", "svare", "svaret", "svar", "reagerer", "reagere", "reageret", "tilbage",
    "answer", "answers", "answering", "answered", "respond", "responds", "responding",
    "responded", "reply", "replies", "replying", "replied", "back")
_ESCALATION_NOT, _ESCALATION_NOT_STEMS, _ESCALATION_ANSWER = (
    frozenset(fold(" ".join(spellings)).split()) for spellings in (
        ESCALATION_NOT_SPELLINGS, ESCALATION_NOT_STEM_SPELLINGS, ESCALATION_ANSWER_SPELLINGS))
_WHO_ASKED = frozenset({"hvem", "who", "whom"})
#: The words of turning to someone then, left out when what is escalated from is looked for.
ESCALATION_TURN_SPELLINGS: tuple[str, ...] = (
    "går", "gå", "henvender", "henvende", "vender", "vende", "go", "turn", "videre", "næste",
    "next", "over", "above", "kontakte", "kontakter", "contact", "getting", "get", "fat")
#: ... and these are left out with them when the unit is looked for (they name no unit; the
#: search leaves its stopwords out itself: "hvem", "svarer", "ikke", "who", "do", …).
ESCALATION_FRAME_SPELLINGS: tuple[str, ...] = (
    *ESCALATION_SPELLINGS, *ESCALATION_TURN_SPELLINGS, *ESCALATION_ANSWER_SPELLINGS, "help",
    "t", "should", "så", "then", "min", "mail", "me")
ESCALATION_FRAME = frozenset(fold(" ".join(ESCALATION_FRAME_SPELLINGS)).split())


def asks_escalation(words: list[str]) -> bool:
    """Whether folded ``words`` ask whom to turn to when someone does not answer.

    >>> asks_escalation("hvem eskalerer jeg til".split())
    True
    >>> asks_escalation("hvis enhedslederen for op ikke svarer hvem gar jeg sa til".split())
    True
    >>> asks_escalation("it chefen vender ikke tilbage hvem er den naeste".split())
    True
    >>> asks_escalation("hvem gar jeg til med lon".split())  # a task's owner: no one silent
    False
    >>> asks_escalation("hvis it ikke virker hvem kontakter jeg".split())  # IT support's
    False
    >>> asks_escalation("who can answer for procurement".split())  # no negation
    False
    >>> asks_escalation("if it can t answer who is next".split())
    True
    """
    if not ESCALATION_WORDS.isdisjoint(words):
        return True
    negated = not _ESCALATION_NOT.isdisjoint(words) or any(
        word in _ESCALATION_NOT_STEMS and words[at + 1:at + 2] == ["t"]
        for at, word in enumerate(words))
    return negated and not (_ESCALATION_ANSWER.isdisjoint(words)
                            or _WHO_ASKED.isdisjoint(words))


#: Words that ask what lies under a unit, body or organisation ("hvilke enheder hører under
#: Økonomi og Stab?", "what does Finance and Staff consist of?"): its hint lists them, and no
#: task is the answer (without this, "enheder" met three stray tasks) ...
STRUCTURE_SPELLINGS: tuple[str, ...] = (
    "enheder", "enhederne", "afdelinger", "afdelingerne", "teams", "teamene", "underenheder",
    "direktørområder", "direktørområderne", "udvalg", "udvalgene", "fora", "består", "bestå",
    "units", "subunits", "departments", "sections", "divisions", "committees", "forums",
    "directorates", "consists", "consist", "comprises", "comprise", "composed", "composition",
    "sammensat", "sammensætning", "opgaver", "opgaverne", "tasks", "organiseret", "organised",
    "organized", "opbygget", "structured",
    # "hvem udgør direktørforum" (it met the servicing of the directors)
    "udgør", "udgøres", "udgjorde")
STRUCTURE_WORDS = frozenset(fold(" ".join(STRUCTURE_SPELLINGS)).split())
#: "under" asks it only after these ("hvad har Økonomi og Stab under sig?", "hvem hører under
#: …", "what is under …"): "hvem har ansvaret for løn under Organisation og Politik?" asks
#: for a task.
UNDER_SPELLINGS: tuple[str, ...] = ("sig", "hører", "ligger", "er", "is", "are", "lies")
_UNDER = (fold("under"), frozenset(fold(" ".join(UNDER_SPELLINGS)).split()))
_MADE = frozenset({"made", "make", "makes"})
#: ... and these are left out with them when the node is looked for (they name no unit).
STRUCTURE_FRAME_SPELLINGS: tuple[str, ...] = (
    "hører", "hørende", "sig", "up", "made", "opdelt", "inddelt", "divided", "into",
    "belong", "belongs",
    # "hvad hedder teamene i Organisation og Politik?" named one team by the rest
    "hedder", "hed", "navn", "navne", "navnene", "called", "named", "name", "names",
    # "list the units in finance and staff" named the leadership team of it by the rest
    "list", "liste", "oplist", "show", "vis",
    # "hvilke udvalg har kommunalbestyrelsen nedsat?" (round 11: it met a task list)
    "nedsat", "nedsatte", "nedsætter", "set", "established")
STRUCTURE_FRAME = STRUCTURE_WORDS | frozenset(
    fold(" ".join((*STRUCTURE_FRAME_SPELLINGS, "under", *UNDER_SPELLINGS))).split())


#: How a question of what a unit, body, forum or post lies under ends ("hvilket direktørområde
#: hører Skole og Uddannelse under?", "what is Finance and Staff part of?", "which area does
#: Schools and Education belong to?"): its line upward is the answer (:mod:`orgmodel.place`);
#: it met the pupils' devices by "skole". Written before the name, these ask what lies under
#: it instead ("hvad hører under Økonomi og Stab?").
PLACE_ENDINGS: tuple[tuple[str, ...], ...] = (
    ("under",), ("del", "af"), ("part", "of"), ("belong", "to"), ("belongs", "to"),
    ("hører", "til"), ("høre", "til"), ("hørte", "til"),
    # "hvor hører ØS-IT screeningen hjemme?", "where does it belong?" (it met communication)
    ("hjemme",), ("belong",), ("belongs",))
#: ... or end with the second of these with the first before the name ("hvilket direktørområde
#: hører Dagtilbud til?": it met a task) ...
PLACE_SPLIT_ENDING: tuple[tuple[str, ...], str] = (("hører", "høre", "hørte"), "til")
_SPLIT_BEFORE = frozenset(fold(" ".join(PLACE_SPLIT_ENDING[0])).split())
#: ... or that have one of these anywhere ("hvem er Skole og Uddannelse underlagt?") ...
PLACE_SPELLINGS: tuple[str, ...] = ("underlagt", "underlagte", "subordinate", "placeret",
                                    "placering", "placeringen", "placed", "located")
#: ... or "under" before one of these ("under hvilket direktørområde hører …?").
PLACE_WHICH: tuple[str, ...] = ("hvilket", "hvilken", "hvilke", "hvad", "hvem", "which", "what",
                                "whom", "who")
_PLACE_ENDINGS = tuple(tuple(fold(word) for word in ending) for ending in PLACE_ENDINGS)
_PLACE_WORDS = frozenset(fold(" ".join(PLACE_SPELLINGS)).split())
_WHICH = frozenset(fold(" ".join(PLACE_WHICH)).split())
#: ... and "where" with the whole it asks the place in asks it too (the static page reads
#: them).
PLACE_WHERE_SPELLINGS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("hvor", "where"),
    ("organisationen", "organizationen", "hierarkiet", "organisationsdiagrammet", "organisation",
     "organization", "hierarchy"))
_WHERE, _IN_THE_TREE = (frozenset(fold(" ".join(words)).split())
                        for words in PLACE_WHERE_SPELLINGS)
#: After "hvor", the words that make it ask how much, not where.
_HOW_MUCH = frozenset(fold("mange stor store meget tit ofte længe langt").split())
#: The words left out with them when the node is looked for (they name nothing).
PLACE_FRAME_SPELLINGS: tuple[str, ...] = (
    "hører", "høre", "hørte", "ligger", "lå", "sorterer", "er", "var", "is", "are", "was",
    "does", "do", "did", "lie", "lies", "fall", "falls", "come", "comes", "sit", "sits",
    "under", "del", "af", "en", "part", "of", "a", "belong", "belongs", "to", "til", "i", "in",
    # "hvor i organisationen ligger …?" ("organisation" alone is a word of names: "Organisation
    # og Politik")
    "organisationen", "organizationen", "hierarkiet", "organisationsdiagrammet", "hvor",
    "where", "organization", "hierarchy", "hjemme")
PLACE_FRAME = frozenset(fold(" ".join((*PLACE_FRAME_SPELLINGS, *PLACE_SPELLINGS,
                                       *PLACE_WHICH))).split())
#: The kind a question asks the place to be of, after its "which" ("hvilket direktørområde",
#: "which department"): left out too, or "direktørområde" named Direktørområde 2 itself. A
#: pattern (case aside) the page's script reads too.
PLACE_ASKED_KIND = (
    r"(?<![\w-])(hvilke[tn]?|which|what)\s+(direktørområde[t]?|område[t]?|afdeling(?:en)?|"
    r"enhed(?:en)?|forvaltning(?:en)?|udvalg(?:et)?|forum|director\s+area|area|directorate|"
    r"department|unit|division|section|committee|body)(?![\w-])")
_ASKED_KIND = re.compile(PLACE_ASKED_KIND, re.IGNORECASE)


def asks_place(words: list[str]) -> bool:
    """Whether folded ``words`` ask what the node they name lies under.

    >>> asks_place(fold("hvilket direktørområde hører Skole og Uddannelse under").split())
    True
    >>> asks_place(fold("what is Finance and Staff part of").split())
    True
    >>> asks_place(fold("hvad hører under Økonomi og Stab").split())  # what lies under it
    False
    >>> asks_place(fold("hvilket direktørområde hører Dagtilbud til").split())
    True
    >>> asks_place(fold("hvor ligger ØS i organisationen").split())
    True
    >>> asks_place(fold("hvor mange teams er der i organisation og politik").split())
    False
    """
    # "hvor mange", "hvor stor": how many or how big, not where ("hvor mange teams er der i
    # Organisation og Politik?" was answered by where its team leader sits)
    where = [word for word, after in itertools.pairwise([*words, ""])
             if word in _WHERE and after not in _HOW_MUCH]
    return any(tuple(words[-len(ending):]) == ending for ending in _PLACE_ENDINGS) or not (
        _PLACE_WORDS.isdisjoint(words)) or (
        words[-1:] == [PLACE_SPLIT_ENDING[1]] and not _SPLIT_BEFORE.isdisjoint(words[:-1])) or any(
        word == "under" and after in _WHICH for word, after in itertools.pairwise(words)) or (
        # "hvor ligger ØS i organisationen?", "where does IT sit in the organisation?"
        bool(where) and not _IN_THE_TREE.isdisjoint(words))


def without_asked_kind(query: str) -> str:
    """``query`` without the kind its "which" asks for ("hvilket direktørområde" is "hvilket").

    >>> without_asked_kind("Hvilket direktørområde hører Skole og Uddannelse under?")
    'Hvilket hører Skole og Uddannelse under?'
    """
    return _ASKED_KIND.sub(lambda m: m[1], query)


#: Words that ask how big something is ("hvor mange ansatte har Økonomi og Indkøb?", "how many
#: staff does IT and Digitalisation have?", "hvor stor er Organisation og Politik?"): the
#: node's hint says its size as its record counts it, or that the model does not count it;
#: "ansatte" met the staff's devices. ``SIZE_SPELLINGS`` are left out when the node is looked
#: for, then ``SIZE_NOUNS`` too ("devices til medarbejdere" names the staff's devices).
#: Nouns that ask a size alone, of staff ("what's the headcount of the municipality?" had no
#: answer in round 13): size words, which name nothing, and nouns of the count they ask.
_STAFF_SIZES = ("headcount", "headcounts", "medarbejdertal", "medarbejdertallet",
                "medarbejderantal", "medarbejderantallet", "personaletal", "personaletallet")
SIZE_SPELLINGS: tuple[str, ...] = (
    "hvor", "mange", "stor", "store", "størrelse", "størrelsen", "how", "many", "big", "large",
    "size", "number", "antal", "antallet",
    # "hvor stor er økonomi og stab målt i medarbejdere" (it met a task by "målt")
    "målt", "measured", "counted", "regnet", "opgjort", "tæller", "tælles", "set",
    # "hvor mange medarbejdere har kommunen i alt"
    "alt", "total", "samlet", "samlede", "altogether", *_STAFF_SIZES)
SIZE_NOUN_SPELLINGS: tuple[str, ...] = (
    "ansatte", "ansat", "medarbejdere", "medarbejderne", "personer", "folk", "mennesker",
    "arbejder", "medlemmer", "sidder", "pladser", "indbyggere", "borgere", "staff",
    "employees", "employee", "people", "persons", "work", "works", "employed", "members",
    "seats", "sit", "inhabitants", "residents", "citizens", "nationaliteter", "nationalities",
    # "hvor mange bor i Albertslund?", "hvor mange nationaliteter bor her?"
    "bor", "live", "lives", "living", "here")
SIZE_WORDS = frozenset(fold(" ".join(SIZE_SPELLINGS)).split())
#: The count a size noun asks for (orgmodel.node_sizes.COUNTS): "hvor mange medarbejdere har
#: kommunen?" asks for staff, which the municipality's inhabitants do not answer.
SIZE_NOUN_COUNTS: dict[str, str] = {
    **dict.fromkeys(fold(" ".join(("ansatte ansat medarbejdere medarbejderne staff employees "
                                   "employee employed arbejder work works", *_STAFF_SIZES))
                         ).split(), "staff_count"),
    **dict.fromkeys(fold("medlemmer sidder pladser members seats").split(), "seats"),
    **dict.fromkeys(fold("indbyggere borgere inhabitants residents citizens bor live lives "
                         "living").split(), "inhabitants"),
    **dict.fromkeys(fold("nationaliteter nationalities").split(), "nationalities"),
}

SIZE_NOUNS = frozenset(fold(" ".join(SIZE_NOUN_SPELLINGS)).split())
#: How a question asks it: a word of the first two in a row, or one of the third alone (the
#: static start page reads them too).
SIZE_ASK: tuple[tuple[str, ...], ...] = (
    ("hvor", "how"), ("mange", "stor", "store", "many", "big", "large"),
    ("størrelse", "størrelsen", "size", "antal", "antallet", *_STAFF_SIZES))
_HOW, _MUCH, _SIZE_ALONE = (frozenset(fold(" ".join(words)).split()) for words in SIZE_ASK)


def asks_size(words: list[str]) -> bool:
    """Whether folded ``words`` ask how big something is: "hvor mange", "how big", "size".

    >>> asks_size(fold("hvor mange ansatte har økonomi og indkøb").split())
    True
    >>> asks_size(fold("how big is Finance and Staff").split())
    True
    >>> asks_size(fold("hvor ligger løn").split())
    False
    """
    return bool(_SIZE_ALONE.intersection(words)) or any(
        word in _HOW and after in _MUCH for word, after in itertools.pairwise(words))


#: Words that ask whom a unit, post or forum works with, or who its stakeholders are ("hvem
#: samarbejder Økonomi og Stab med?", "who are the stakeholders of the head of Finance and
#: Staff?"): its collaborations answer, not the stray tasks the rest of the question meets.
COLLABORATION_SPELLINGS: tuple[str, ...] = (
    "samarbejder", "samarbejde", "samarbejdet", "samarbejdspartner", "samarbejdspartnere",
    "samarbejdsrelationer", "sammen", "interessent", "interessenter", "interessenterne",
    "netværk", "collaborate", "collaborates", "collaborating", "collaboration",
    "collaborators", "partners", "stakeholder", "stakeholders", "together", "closely")
COLLABORATION_WORDS = frozenset(fold(" ".join(COLLABORATION_SPELLINGS)).split())
#: ... and these are left out with them when the node is looked for: how close or important
#: ("hvem er økonomichefens vigtigste samarbejdspartnere", "hvem arbejder IT tættest sammen
#: med" named nothing well, and stray tasks answered).
COLLABORATION_FRAME_SPELLINGS: tuple[str, ...] = (
    "vigtigste", "vigtige", "tættest", "tætteste", "tæt", "nærmeste", "mest", "oftest",
    "closest", "most", "important", "key", "main", "often")
#: Words that ask for the partners outside the organisation only ("hvilke eksterne
#: samarbejdspartnere har Økonomi og Stab?" met stray tasks on "eksterne").
EXTERNAL_SPELLINGS: tuple[str, ...] = (
    "eksterne", "ekstern", "eksternt", "udefra", "external", "externally", "outside")
EXTERNAL_WORDS = frozenset(fold(" ".join(EXTERNAL_SPELLINGS)).split())
COLLABORATION_FRAME = COLLABORATION_WORDS | EXTERNAL_WORDS | frozenset(
    fold(" ".join(COLLABORATION_FRAME_SPELLINGS)).split())


#: The words of those who matter to a post ("hvem er de vigtigste interessenter for chefen for
#: Økonomi og Stab?"): the stakeholder map's answer, said first (they met the post's hint).
STAKEHOLDER_SPELLINGS: tuple[str, ...] = (
    "interessent", "interessenter", "interessenterne", "interessentkort", "interessentkortet",
    "stakeholder", "stakeholders")
STAKEHOLDER_WORDS = frozenset(fold(" ".join(STAKEHOLDER_SPELLINGS)).split())
#: ... left out with them when the post is looked for.
STAKEHOLDER_FRAME_SPELLINGS: tuple[str, ...] = (
    *STAKEHOLDER_SPELLINGS, "vigtigste", "største", "centrale", "vigtige", "key", "main",
    "most", "important", "biggest", "primary", "major")
STAKEHOLDER_FRAME = frozenset(fold(" ".join(STAKEHOLDER_FRAME_SPELLINGS)).split())


#: "who does X work with?": a word of each, in this order ("do" before "work", "with" just
#: after it), asks whom X works with (the static start page reads them too).
DO_WORK_WITH: tuple[tuple[str, ...], ...] = (
    ("do", "does", "did"), ("work", "works", "working"), ("with", "closely", "together",
                                                          "alongside"))
# Folded, as the words they meet: "does" folds to "dos".
_DO, _WORK, _WITH = (frozenset(fold(" ".join(words)).split()) for words in DO_WORK_WITH)


def asks_collaboration(words: list[str]) -> bool:
    """Whether folded ``words`` ask whom something works with, or who its stakeholders are.

    "who does X work with?" asks it; "who works with payroll?" asks who does the work.

    >>> asks_collaboration("hvem samarbejder okonomi og stab med".split())
    True
    >>> asks_collaboration(fold("who does the mayor work closely with").split())
    True
    >>> asks_collaboration("hvem har ansvaret for lon".split())
    False
    >>> asks_collaboration(fold("who works with payroll").split())
    False
    """
    if any(word in COLLABORATION_WORDS for word in words):
        return True
    return any(word in _WORK and after in _WITH and _DO.intersection(words[:at])
               for at, (word, after) in enumerate(itertools.pairwise(words)))


#: Words before what a collaboration is about ("hvem samarbejder Økonomi og Indkøb med om
#: budgetter?", "who does Finance and Procurement work with on budgets?").
TOPIC_SPELLINGS: tuple[str, ...] = (
    "om", "omkring", "vedrørende", "angående", "on", "about", "regarding", "concerning")
_TOPIC_WORD = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(TOPIC_SPELLINGS) + r")(?![\w-])")


def split_topic(query: str) -> tuple[str, str]:
    """``query`` cut before its last topic word, and what follows it ("" if none).

    >>> split_topic("hvem samarbejder Økonomi og Indkøb med om budgetter?")
    ('hvem samarbejder Økonomi og Indkøb med', 'budgetter?')
    >>> split_topic("hvem samarbejder IT med?")
    ('hvem samarbejder IT med?', '')
    """
    found = list(_TOPIC_WORD.finditer(query))
    if not found or not query[found[-1].end():].strip():
        return query, ""
    return query[:found[-1].start()].strip(), query[found[-1].end():].strip()


def without(query: str, words: frozenset[str]) -> str:
    """``query`` without ``words`` (folded), and otherwise as written.

    Its capitals ("ØS") and hyphens ("ØS-chefen") still tell the search what it names.

    >>> without("Hvem refererer ØS-chefen til?", REPORTING_WORDS)
    'Hvem  ØS-chefen til?'
    """
    return _LETTERS.sub(lambda m: "" if fold(m[0]) in words else m[0], query)


#: How a question of what or who something is opens ("hvem er ØU?", "what is SKI?").
DEFINING_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("hvem", "er"), ("hvad", "er"), ("who", "is"), ("what", "is"), ("who", "are"),
    ("what", "are"), ("hvad", "betyder"), ("what", "does"),
    # "hvad hedder enhedslederen for ØI?" (it met IT security)
    ("hvad", "hedder"), ("hvem", "hedder"),
    # "hvad går én kommune én organisation ud på?", "hvad handler vision 2030 om?" (they met
    # organisational development and bookkeeping)
    ("hvad", "går"), ("hvad", "handler"))
#: ... folded, as the words they are compared with ("does" folds to "dos": it was never met)
DEFINING_OPENINGS = frozenset((fold(first), fold(second)) for first, second in DEFINING_SPELLINGS)


#: Words that, after the opening, make it a question of who does something ("who is
#: responsible for …", "hvem er med i …"), not of what a name names.
_NOT_DEFINING = """
responsible accountable ansvarlig ansvarlige working arbejder in i med on with for of
involved consulted informed konsulteret informeret handling doing behind bag over under
på paa about om"""
NOT_DEFINING_SPELLINGS = tuple(_NOT_DEFINING.split())
NOT_DEFINING = frozenset(fold(word) for word in NOT_DEFINING_SPELLINGS)
ARTICLES = frozenset({"the", "a", "an", "den", "det", "de", "en", "et"})


#: Words that ask what something is for ("hvad er chefforums rolle?" met recruitment by
#: "rolle"): asked after the opening of :func:`asks_what_it_is`, what it is answers them, and
#: they are left out when it is looked for.
ROLE_SPELLINGS: tuple[str, ...] = (
    "rolle", "rollen", "role", "formål", "formålet", "purpose", "funktion", "funktionen",
    "function", "mandat", "mandatet", "kommissorium", "kommissoriet", "remit",
    # ... and the rest of "hvad går X ud på?", "hvad handler X om?", "what is X about?"
    "ud", "handler", "about",
    # ... and of an abbreviation asked of: "hvad betyder ØU?", "what does ØS stand for?" (the
    # round 15 probe: the committees' servicing answered)
    "betyder", "betyde", "stand", "stands", "mean", "means", "forkortelse", "forkortelsen",
    "abbreviation", "short")
ROLE_WORDS = frozenset(fold(" ".join(ROLE_SPELLINGS)).split())


#: How a question of who uses a system opens ("who uses RolleBi", "hvem bruger OPUS"): as
#: with "hvad er RolleBi?", the system's hint (who runs it, who uses it) and the tasks that
#: use it answer; "uses" alone met the access to the specialist systems.
USING_SPELLINGS: tuple[tuple[str, str], ...] = tuple(
    (who, verb) for who in ("hvem", "who", "hvad", "what") for verb in (
        "bruger", "bruges", "anvender", "anvendes", "uses", "use", "used"))
USING_OPENINGS = frozenset((fold(who), fold(verb)) for who, verb in USING_SPELLINGS)
USING_VERBS = frozenset(verb for _who, verb in USING_OPENINGS)


def asks_what_it_is(words: list[str]) -> bool:
    """Whether folded ``words`` ask what or who something is, by name (or who uses it).

    >>> asks_what_it_is("hvem er ou".split()), asks_what_it_is("hvem star for ou".split())
    (True, False)
    >>> asks_what_it_is("who is responsible for procurement".split())
    False
    >>> asks_what_it_is("who uses rollebi".split())
    True
    """
    if tuple(words[:2]) in USING_OPENINGS:
        return len(words) > 2
    if tuple(words[:2]) not in DEFINING_OPENINGS:
        return False
    rest = [word for word in words[2:] if word not in ARTICLES]
    return bool(rest) and rest[0] not in NOT_DEFINING


def asks_reporting(words: list[str]) -> bool:
    """Whether folded ``words`` ask whom a post reports to."""
    return any(word in REPORTING_WORDS for word in words)


#: Words that ask what a post sits in ("which committees does the head of Finance and Staff
#: attend?", "hvilke fora sidder borgmesteren i?"): a verb of sitting and a plural of what is
#: sat in, both.
SITTING_SPELLINGS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("sidder", "sidde", "deltager", "deltage", "attend", "attends", "sit", "sits", "serve",
     "serves", "belong", "belongs", "member"),
    ("fora", "forummer", "forums", "udvalg", "udvalgene", "committees", "råd", "councils",
     "organer", "bodies", "møder", "meetings", "grupper", "groups"))
SITTING_WORDS = tuple(frozenset(fold(" ".join(words)).split()) for words in SITTING_SPELLINGS)


#: ... or a preposition last, which leaves what is sat in to the plural ("which forums is the
#: mayor in?", "hvilke udvalg er borgmesteren med i?": the mayor's parts were counted, none).
SAT_IN_LAST: tuple[str, ...] = ("in", "on", "i")
_SAT_IN_LAST = frozenset(SAT_IN_LAST)


def asks_sitting(words: list[str]) -> bool:
    """Whether folded ``words`` ask what something sits in.

    >>> asks_sitting("which committees does the mayor attend".split())
    True
    >>> asks_sitting("which forums is the mayor in".split())
    True
    >>> asks_sitting("hvem sidder i okonomiudvalget".split())  # its members: no plural
    False
    >>> asks_sitting("hvilke enheder er der i okonomi og stab".split())  # its parts
    False
    """
    last = words[-1] if words else ""
    sits = not SITTING_WORDS[0].isdisjoint(words) or last in _SAT_IN_LAST
    return sits and not SITTING_WORDS[1].isdisjoint(words)


#: After a reporting verb, the words that make the question ask who reports to the node
#: ("hvem refererer til økonomichefen?", "who reports to the mayor?").
REPORTED_TO_SPELLINGS: tuple[str, ...] = ("til", "to", "overfor")
_REPORTED_TO = frozenset(REPORTED_TO_SPELLINGS)


def reporting_direction(words: list[str]) -> str:
    """"down" if folded ``words`` ask who reports to the node, else "up" (whom it reports to).

    >>> reporting_direction("hvem refererer okonomichefen til".split())
    'up'
    >>> reporting_direction("who reports to the mayor".split())
    'down'
    >>> reporting_direction("who does the mayor report to".split())
    'up'
    >>> reporting_direction("hvem er underordnet borgmesteren".split())
    'down'
    >>> reporting_direction("who are the direct reports of the mayor".split())
    'down'
    >>> reporting_direction("koordinatoren refererer til hvem".split())
    'up'
    >>> reporting_direction("hvem star borgmesteren til ansvar overfor".split())
    'up'
    >>> reporting_direction("hvem refererer direkte til kommunaldirektoren".split())
    'down'
    """
    if not SUBORDINATE_WORDS.isdisjoint(words) or any(
            word == "direct" and words[at + 1:at + 2] == ["reports"]
            for at, word in enumerate(words)):
        return "down"
    # "… report to?" ends the question: whom it reports to; so does "… til hvem?" (only a
    # question's words after it: "informationssikkerhedskoordinatoren refererer til hvem" was
    # answered by who reports to the coordinator)
    def named_after(start: int) -> bool:
        return any(after not in STOPWORDS for after in words[start:])

    def to_after(at: int) -> int:  # where "til"/"to" may stand: "refererer direkte til"
        while at < len(words) and words[at] in _REPORTING_ADVERBS:
            at += 1
        return at

    # "… overfor borgmesteren": the word of reporting is its "to" too
    return "down" if any(word in REPORTING_WORDS and (
        (words[to_after(at + 1):to_after(at + 1) + 1]
         and words[to_after(at + 1)] in _REPORTED_TO and named_after(to_after(at + 1) + 1))
        or (word in _REPORTED_TO and named_after(at + 1)))
        for at, word in enumerate(words)) else "up"


#: Words between reporting and its "to" ("hvem refererer direkte til kommunaldirektøren?"
#: opened with whom the director reports to: the round 15 probe).
REPORTING_ADVERB_SPELLINGS: tuple[str, ...] = (
    "direkte", "directly", "straight", "formelt", "formally", "officielt", "officially")
_REPORTING_ADVERBS = frozenset(fold(" ".join(REPORTING_ADVERB_SPELLINGS)).split())


def asks_structure(words: list[str]) -> bool:
    """Whether folded ``words`` ask what lies under something.

    >>> asks_structure("hvad har okonomi og stab under sig".split())
    True
    >>> asks_structure("hvem har ansvaret for lon under organisation og politik".split())
    False
    """
    under, after = _UNDER
    return any(word in STRUCTURE_WORDS for word in words) or any(
        (word == under and ({*words[i - 1:i], *words[i + 1:i + 2]} & after))
        or (word in _MADE and words[i + 1:i + 2] == ["up"])  # "what is the council made up of?"
        for i, word in enumerate(words))
