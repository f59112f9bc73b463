"""Danish-aware text normalisation, synonyms and spelling tolerance, for search and KLE.

Users type one Danish word in many spellings ("Løn", "loen", "lon"), so every comparison in
the project goes through :func:`fold`, :func:`tokenize` and :func:`stem`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import yaml

from orgmodel.verb_frames import (
    SYSTEM_WORDS,
    WORK_VERBS,
    without_system_frame,
    without_work_verb,
)

__all__ = [
    "ACRONYM_GENITIVE", "DIRECTION_CONTROLS", "ENGLISH_QUESTION_WORDS", "NO_WIDTH", "STOPWORDS",
    "STOPWORD_SPELLINGS", "Speller", "Synonyms", "analyse",
    "deletions", "edit_distance", "fold", "load_synonyms", "longest_written", "shortened", "spaced",
    "stem", "tokenize", "typo_budget", "visible",
    "without_acronym_genitive", "without_lone_tokens", "without_pronoun_it", "without_remark",
]

# Letters that NFKD does not decompose but that users routinely type in ASCII.
_LETTER_MAP = str.maketrans({"æ": "ae", "ø": "o", "ð": "d", "þ": "th", "ł": "l", "đ": "d"})
# Fast path for plain Danish text: the same result as the full Unicode route, far cheaper.
_DANISH_PAIRS = (("æ", "ae"), ("Æ", "ae"), ("ø", "o"), ("Ø", "o"), ("å", "a"), ("Å", "a"))
# Runs are collapsed (not single pairs) so that folding is idempotent: "aaa" -> "a".
_AA_RE = re.compile(r"a{2,}")
_OE_RE = re.compile(r"oe+")
_NON_WORD_RE = re.compile(r"[\W_]+")
# Two letters joined by "&" are one abbreviation: "O&P" (Organisation og Politik) is "OP".
_AMPERSAND_PAIR = re.compile(r"(?<![^\W_])([^\W\d_])&([^\W\d_])(?![^\W_])")

_RAW_STOPWORDS = """
    af alle at de dem den denne der det dette du eller en er et for fra har hos hvad hvem
    hvilke hvilken hvor hvordan i ind jeg kan man med mig min mit mv mm når og om omkring
    os på sig sin sit skal som til ved vi vores ansvaret ansvarlig ansvar
    står stå sørger sørge tager tage laver lave håndterer håndtere varetager varetage styrer
    spørge spørger henvende henvender kontakte kontakter mon gør gøre ny nye nyt
    vedligeholder vedligeholde administrerer administrere udarbejder udarbejde koordinerer
    koordinere skriver skrive holder holde sidder sidde sad siddet glemt glemte glemmer
    kommunen kommunens kommunal kommunale hjælpe hjælper bliver blive blev finder finde går
    hvilket ejer eje ejes ejede ejet driver mellem imellem tjek tjekker tjekke passer passe ikke
    hvis
    virker fungerer behandler behandle arbejder var været havde haft bag mødes hvornår ringer
    ringe svare svarer gælder gælde kommer komme nu kører køre over have besked mange svær
    svært hjalp træffer træffe kender kende hører retter rette brugt regler reglerne
    spørgsmål spørgsmålet spørgsmålene hedder hed hedde ud styr ska
    kontakt kontaktperson kontaktpersonen mail e-mail mailadresse mailadressen postkasse postkassen
    funktionspostkasse funktionspostkassen mailbox inbox
    a about an and are as at be by do does for from handles in is of on or our responsible
    the to what where which who whom owns own owned with handle manages deals deal charge takes
    looks after ask contact new maintains maintain administers administer prepares prepare
    writes write coordinates coordinate runs run forgot forgotten meets meet when
    i me my mine you your we us they them their he she his her municipal municipality
    can could go goes find keep keeps helps operates operate accountable between among
    check checks checking provide provides was were had did behind now will would fix fixes
    how many much has s whos am if there not doesn doesnt isn isnt aren arent don dont didn
    didnt owner email e-mail mail address need
    høres hørt konsulteres konsulteret informeres informeret orienteres orienteret inddrages
    inddraget consulted informed notified involved
    egentlig egentligt altså lige bare faktisk vel jo ca cirka hej tak please pls actually
    really basically just hi hello thanks tilbage dengang
"""


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Characters of no width, as a regular expression's class: a soft hyphen, spaces and joiners
#: of no width, direction marks, the byte order mark. The data refuses them
#: (:mod:`orgmodel.records`); what is read goes past them.
NO_WIDTH = "\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff"
#: Direction controls (embeddings, overrides, isolates), as a class: a text holding one shows
#: in another order than it is written.
DIRECTION_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Invisible format characters are not there for a reader: "lø\u00adn", pasted from a web
# page, is "løn" (the deprecated format characters too).
_INVISIBLE = re.compile(f"[{NO_WIDTH}{DIRECTION_CONTROLS}\u206a-\u206f]")
# Everything but letters and digits becomes a space; a dot survives only between two
# digits so KLE numbers like 81.15.00 stay one token.
_DROP_RE = re.compile(r"[^\w.]|_|(?<!\d)\.|\.(?!\d)")


def visible(text: str) -> str:
    """``text`` without invisible format characters, its letters composed: what a reader sees.

    A letter written as a base and a combining mark (NFD, as text pasted from macOS may be)
    is the one letter: "a\u030arsregnskab" is "årsregnskab" (it met the tasks at 0.52, split
    at the mark, where the search met them whole at 0.86).

    >>> visible("lø\u00adn\u200b"), visible("Løn"), visible("a\u030arsregnskab") == "årsregnskab"
    ('løn', 'Løn', True)
    """
    return text if text.isascii() else unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


#: An abbreviation in capitals with a genitive's "s" ("ØUs", "KB's"): the "s" is no letter
#: of the name ("ØUs medlemmer" met nothing: "ous" is no word).
#: An abbreviation's genitive, unless an English superior's word follows: "the CFO's boss"
#: asks whom the CFO reports to (question_frames.asks_superior reads the genitive), where
#: "ØUs medlemmer" names ØU's members and "ØS's chef" the head of ØS. The static start page
#: reads it too.
ACRONYM_GENITIVE = (r"(?<![\w'’])([A-ZÆØÅ]{2,})['’]?s(?![\w'’])"
                    r"(?!\s+(?:(?:immediate|direct)\s+)?(?:boss|manager|supervisor|superior)\b)")
_ACRONYM_GENITIVE = re.compile(ACRONYM_GENITIVE)


def without_acronym_genitive(text: str) -> str:
    """``text`` with an abbreviation's genitive ending left out.

    >>> without_acronym_genitive("ØUs medlemmer og KB's dagsorden, OPUS og ØS")
    'ØU medlemmer og KB dagsorden, OPUS og ØS'
    >>> without_acronym_genitive("who is the CFO's boss?")
    "who is the CFO's boss?"
    """
    return _ACRONYM_GENITIVE.sub(r"\1", text)


def fold(text: str) -> str:
    """Fold text to lower-case ASCII-ish words on which Danish spelling variants coincide.

    Accents are stripped, ``æ/ø/å`` transliterated, the ASCII spellings ``aa`` and ``oe``
    collapsed to ``a`` and ``o``; everything but letters and digits becomes a space, except
    dots between digits (KLE numbers).  Idempotent, and never fails.

    Examples
    --------
    >>> [fold(s) for s in ("Løn", "loen", "lon")]
    ['lon', 'lon', 'lon']
    >>> fold("Økonomi- og Indkøbsafdelingen, KLE 81.15.00!")
    'okonomi og indkobsafdelingen kle 81.15.00'
    >>> fold("Café Åen"), fold("lø\u00adn\u200b")
    ('cafe aen', 'lon')
    >>> fold("hvor mange teams har O&P?")  # two letters joined by "&": one abbreviation
    'hvor mange teams har op'
    """
    if "&" in text:
        text = _AMPERSAND_PAIR.sub(r"\1\2", text)
    if not text.isascii():
        text = visible(text)
        for letter, ascii_form in _DANISH_PAIRS:
            if letter in text:
                text = text.replace(letter, ascii_form)
    if text.isascii():
        text = text.lower()
    else:
        # NFKD can emit upper-case letters (e.g. from compatibility characters), hence twice;
        # and casefold() maps a few lower-case letters to upper case (Cherokee), hence lower().
        text = _strip_accents(_strip_accents(text).casefold()).casefold().lower()
        text = _strip_accents(text.translate(_LETTER_MAP))
    return " ".join(_fold_split(text))


def _fold_split(lowered: str) -> list[str]:
    # Regexes only where needed: this runs for every field of every indexed document.
    kept = _DROP_RE.sub(" ", lowered) if "." in lowered else _NON_WORD_RE.sub(" ", lowered)
    if "aa" in kept:
        kept = _AA_RE.sub("a", kept)
    if "oe" in kept:
        kept = _OE_RE.sub("o", kept)
    return kept.split()


STOPWORD_SPELLINGS: tuple[str, ...] = tuple(_RAW_STOPWORDS.split())
"""The stopwords as written, for code that folds words its own way (the static start page)."""
STOPWORDS: frozenset[str] = frozenset(fold(_RAW_STOPWORDS).split())
"""Folded Danish and English function words ignored by :func:`tokenize`.

"it" is deliberately absent: in this domain it nearly always means IT.
"""


# The first word of a hyphenated compound, as in "MED-udvalg" (not "of" in "line-of-business").
_HYPHENATED_RE = re.compile(r"(?<![\w-])([^\W\d_]+)-(?=[^\W\d_])")


def _join_stopword_prefix(match: re.Match[str]) -> str:
    return match[1] if fold(match[1]) in STOPWORDS else match[0]


# Two capitals are an acronym, not the stopword they fold to: "ØS" (Økonomi og Stab) is not
# "os" (us); unless the whole text shouts. Not three: "MED" (the works council) kept as "med"
# meets "medarbejdere" as a word's beginning, and the model has no node it names.
_CAPITALS_RE = re.compile(r"(?<![^\W_])[A-ZÆØÅ]{2}(?![^\W_])")
_SHOUTING_WORDS = 2


def _acronym_stopwords(text: str) -> frozenset[str]:
    found = _CAPITALS_RE.findall(text)
    if not found or (text.isupper() and len(text.split()) > _SHOUTING_WORDS):
        return frozenset()
    return frozenset(folded for word in found if (folded := fold(word)) in STOPWORDS)


def tokenize(text: str) -> list[str]:
    """Split text into folded tokens, in order, without stopwords.

    A hyphenated compound whose first part is a stopword is one word: "MED-udvalg" (the
    works council) is ``medudvalg``, not the committee word "udvalg" after a dropped "med".
    A stopword written in capitals is an acronym and stays: "chef for ØS" is ``chef os``.

    Examples
    --------
    >>> tokenize("Hvem har ansvaret for lønudbetaling til elever?")
    ['lonudbetaling', 'elever']
    >>> tokenize("Who owns IT-support?")
    ['it', 'support']
    >>> tokenize("Hvem holder MED-udvalgets møder?")
    ['medudvalgets', 'moder']
    >>> tokenize("hvem er chef for ØS?"), tokenize("HVEM ER CHEF FOR ØS")
    (['chef', 'os'], ['chef'])
    >>> tokenize("who works with payroll?"), tokenize("who chairs the works council?")
    (['payroll'], ['chairs', 'works', 'council'])
    >>> tokenize("hvilket IT-system bruges til løn?"), tokenize("hvem ejer lønsystemet?")
    (['lon'], ['lonsystemet'])
    """
    if "-" in text:
        text = _HYPHENATED_RE.sub(_join_stopword_prefix, text)
    acronyms = _acronym_stopwords(text)
    words = fold(text).split()
    if not WORK_VERBS.isdisjoint(words):  # tokenize reads every indexed text: test words only
        words = without_work_verb(words)
    if not SYSTEM_WORDS.isdisjoint(words):
        words = without_system_frame(words)
    return [tok for tok in words if tok not in STOPWORDS or tok in acronyms]


# Longest first so that "-erne" wins over "-e"; "-ies" is rewritten rather than cut.
_SUFFIXES = (("erne", ""), ("ies", "y"), ("ing", ""), ("ene", ""), ("ers", ""), ("er", ""),
             ("en", ""), ("et", ""), ("e", ""), ("s", ""))
_MIN_STEM = 3
_VOWELS = frozenset("aeiouy")


def _strip_once(token: str) -> str | None:
    for suffix, replacement in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            cut = token[: len(token) - len(suffix)] + replacement
            # Danish doubles a final consonant before endings ("budgetter"); undo it.
            if len(cut) > _MIN_STEM and cut[-1] == cut[-2] and cut[-1] not in _VOWELS:
                cut = cut[:-1]
            return cut
    return None


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Strip inflectional suffixes until none applies, keeping at least three characters.

    Deliberately aggressive and never shown to users: what matters is that inflections
    of one word meet in one stem.  Tokens that contain a digit are returned unchanged;
    ``stem(stem(t)) == stem(t)``.

    Examples
    --------
    >>> {stem(t) for t in ("elev", "elever", "elevers", "eleverne")}
    {'elev'}
    >>> stem("computere") == stem("computer"), stem("devices") == stem("device")
    (True, True)
    >>> stem("salaries"), stem("81.15.00")
    ('salary', '81.15.00')
    """
    if any(ch.isdigit() for ch in token):
        return token
    current = token
    while (cut := _strip_once(current)) is not None:
        current = cut
    return current


def analyse(text: str) -> list[str]:
    """Tokenize and stem: the form in which all search text is compared.

    >>> analyse("Lønudbetalinger til eleverne")
    ['lonudbetal', 'elev']
    """
    return [stem(t) for t in tokenize(text)]


def deletions(word: str, depth: int) -> set[str]:
    """Return ``word`` and every string made by deleting up to ``depth`` of its characters.

    Two words within ``d`` edits share a deletion of depth ``d``, so a dictionary keyed by
    deletions finds typos without scanning the vocabulary (symmetric-delete correction).
    """
    result, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


def edit_distance(a: str, b: str, bound: int) -> int:
    """Edit distance counting adjacent transpositions as one edit, capped at ``bound + 1``.

    >>> edit_distance("budgetopfolgnig", "budgetopfolgning", 2), edit_distance("abc", "xyz", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], bound + 1)


def typo_budget(word: str) -> int:
    """Edits tolerated in ``word``: none below 4 letters, 1 below 8, else 2."""
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


class Speller:
    """Vocabulary words within :func:`typo_budget` edits of a word, found via :func:`deletions`.

    >>> Speller(["budgetopfolgning", "lon", "elev"]).near("budgetopfolgnig")
    [('budgetopfolgning', 1)]
    """

    def __init__(self, words: Iterable[str], *, most_edits: int = 2) -> None:
        self._most = most_edits  # fewer edits, a smaller index (one: the static page's reading)
        self._index: dict[str, list[str]] = {}
        for word in dict.fromkeys(words):
            if word.isalpha() and (budget := self._budget(word)):
                for deleted in deletions(word, budget):
                    self._index.setdefault(deleted, []).append(word)

    def _budget(self, word: str) -> int:
        return min(typo_budget(word), self._most)

    def near(self, word: str) -> list[tuple[str, int]]:
        """Return ``(vocabulary word, distance)`` pairs, distance > 0, sorted by word."""
        budget, found = self._budget(word), {}
        for deleted in deletions(word, budget) if budget else ():
            for candidate in self._index.get(deleted, ()):
                bound = min(budget, self._budget(candidate))
                if candidate not in found and 0 < edit_distance(word, candidate, bound) <= bound:
                    found[candidate] = edit_distance(word, candidate, bound)
        return sorted(found.items())


class Synonyms:
    """Groups of equivalent terms in any spelling; a term may be several words.

    >>> syn = Synonyms([["løn", "payroll", "salaries"], ["HR", "human resources"]])
    >>> sorted(syn.expand("Salary")), sorted(syn.expand("hr"))
    (['lon', 'payroll', 'salary'], ['hr', 'human resourc'])
    """

    def __init__(self, groups: Iterable[Iterable[str]]) -> None:
        groups = [list(g) for g in groups]
        self._written = groups
        self.words = {w: stem(w) for g in groups for term in g for w in tokenize(term)}
        """Folded word -> stem, for every word of every term."""
        self._groups = [tuple(dict.fromkeys(t for t in map(tuple, map(analyse, g)) if t))
                        for g in groups]
        self._by_term: dict[tuple[str, ...], list[int]] = {}
        for gid, group in enumerate(self._groups):
            for term in group:
                self._by_term.setdefault(term, []).append(gid)
        self._max_len = max((len(t) for t in self._by_term), default=0)
        self._starts = {t[0] for t in self._by_term if len(t) > 1}

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> Synonyms:
        """Build from groups of terms in any spelling."""
        return cls(groups)

    def expand(self, token: str) -> frozenset[str]:
        """Folded, stemmed equivalents of ``token`` (words of a term joined by spaces)."""
        key = tuple(analyse(token))
        gids = self._by_term.get(key, [])
        found = {" ".join(key)} | {" ".join(t) for g in gids for t in self._groups[g]}
        return frozenset(found) if key else frozenset()

    @property
    def written(self) -> list[list[str]]:
        """Every group's terms as written, by group number."""
        return [list(group) for group in self._written]

    def groups_in(self, text: str) -> list[int]:
        """The numbers of the groups with a term in ``text``, in order.

        >>> synonyms = Synonyms([["løn", "payroll"], ["HR", "human resources"]])
        >>> [synonyms.written[g] for g in synonyms.groups_in("Lønnen i HR")]
        [['løn', 'payroll'], ['HR', 'human resources']]
        """
        return sorted({gid for *_, gid in self.spans(analyse(text))})

    def singles(self, gid: int) -> list[str]:
        """Return the one-word terms of group ``gid``."""
        return [t[0] for t in self._groups[gid] if len(t) == 1]

    def spans(
        self, stems: Sequence[str], *, phrases_only: bool = False
    ) -> list[tuple[int, int, int]]:
        """Return ``(start, end, group)`` for every term found in a sequence of stems."""
        found = []
        for start, first in enumerate(stems):
            if not phrases_only:
                found += [(start, start + 1, g) for g in self._by_term.get((first,), ())]
            if first in self._starts:
                for end in range(start + 2, min(len(stems), start + self._max_len) + 1):
                    key = tuple(stems[start:end])
                    found += [(start, end, g) for g in self._by_term.get(key, ())]
        return found


def load_synonyms(path: str | Path) -> Synonyms:
    """Read ``groups: [[løn, payroll, ...], ...]`` from a YAML file.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If it is not valid YAML of that shape.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and all(isinstance(t, str) for t in g) for g in groups
    ):
        raise ValueError(f"{path}: expected 'groups:' holding lists of strings")
    return Synonyms(groups)


# A lone letter or a one- or two-digit number names no work ("1", "a b c", the "1" in
# "<script>alert(1)</script>"): read as words, each met a stray task. "1." (a reading) and
# "A-kasse" stay.
_LONE_TOKEN = re.compile(r"(?<![\w.-])(?:\w|\d\d)(?![\w.-])")


def without_lone_tokens(question: str) -> str:
    """``question`` without the lone letters and one- or two-digit numbers, which name no work.

    Examples
    --------
    >>> without_lone_tokens("<script>alert(1)</script>").split()
    ['<script>alert(', ')</script>']
    >>> without_lone_tokens("1. behandling af A-kasse"), without_lone_tokens("a b 12").strip()
    ('1. behandling af A-kasse', '')
    """
    return _LONE_TOKEN.sub(" ", question)


_PRONOUN_IT = re.compile(r"(?<![\w-])[Ii]t(?![\w-])")
#: Words that make a question English (then "it" is a pronoun).
ENGLISH_QUESTION_WORDS = frozenset({"who", "whom", "whose", "what", "which", "where", "how"})


def without_pronoun_it(question: str) -> str:
    """An English ``question`` without the pronoun "it", which is no IT.

    "my pay slip is wrong, who fixes it" asks about payroll; "IT" in capitals, "it-support"
    and a Danish question ("hvem står for it?", where "it" can only mean IT) keep the word.

    Examples
    --------
    >>> without_pronoun_it("payroll, who handles it?")
    'payroll, who handles  ?'
    >>> without_pronoun_it("who runs IT?"), without_pronoun_it("hvem står for it?")
    ('who runs IT?', 'hvem står for it?')
    """
    if not ENGLISH_QUESTION_WORDS & set(fold(question).split()):
        return question
    return _PRONOUN_IT.sub(" ", question)


def spaced(question: str) -> str:
    """``question`` folded, its words between single spaces and one at each end.

    >>> spaced("Who is the  Municipal Director?")
    ' who is the municipal director '
    """
    return f" {' '.join(fold(question).split())} "


def longest_written(folded_names: Iterable[str], asked: str) -> int:
    """How long the longest of ``folded_names`` that ``asked`` (:func:`spaced`) writes whole is.

    Stopwords leave "municipal director" the word "director", as "Director, Directorate 1" is
    called too: the name written whole tells them apart. 0 when none is written whole.

    >>> asked = spaced("Who is the municipal director?")
    >>> longest_written(["director", "municipal director"], asked)
    18
    >>> longest_written(["director 1"], asked)
    0
    """
    return max((len(name) for name in folded_names if name and f" {name} " in asked), default=0)


def shortened(text: str, limit: int) -> str:
    """``text``, or as much of it as fits in ``limit`` characters, cut between words, with "…".

    A tooltip holds a description's start: cut inside a word ("I Albertslu") it reads as a
    fault, not as more to come.

    Examples
    --------
    >>> shortened("Økonomiudvalget fører tilsyn med kommunens økonomi.", 30)
    'Økonomiudvalget fører tilsyn…'
    >>> shortened("kort", 30)
    'kort'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:  # a word as long as half the limit is cut inside
        cut = cut[:space]
    return cut[:limit - 1].rstrip(" ,;:.–-") + "…"


# A remark in brackets at the end of a name: "(navn ikke bekræftet)", "(400+)".
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def without_remark(name: str) -> str:
    """``name`` without the remark in brackets at its end ("" when it has none).

    >>> without_remark("Team 2 i Organisation og Politik (navn ikke bekræftet)")
    'Team 2 i Organisation og Politik'
    >>> without_remark("Økonomi og Stab")
    ''
    """
    return _REMARK.sub("", name) if _REMARK.search(name) else ""
