"""Danish-aware text normalisation shared by the KLE importer and the search index.

Users type the same Danish word in many spellings ("Løn", "loen", "lon"), so every
comparison in the project goes through :func:`fold`, :func:`tokenize` and :func:`stem`.
The functions are pure and cheap; callers may cache them freely.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

__all__ = [
    "STOPWORDS", "Synonyms", "analyse", "deletions", "edit_distance", "fold", "stem", "tokenize"
]

# Letters that NFKD does not decompose but that users routinely type in ASCII.
_LETTER_MAP = str.maketrans({"æ": "ae", "ø": "o", "ð": "d", "þ": "th", "ł": "l", "đ": "d"})
# Fast path for plain Danish text: the same result as the full Unicode route, far cheaper.
_DANISH_PAIRS = (("æ", "ae"), ("Æ", "ae"), ("ø", "o"), ("Ø", "o"), ("å", "a"), ("Å", "a"))
# Runs are collapsed (not single pairs) so that folding is idempotent: "aaa" -> "a".
_AA_RE = re.compile(r"a{2,}")
_OE_RE = re.compile(r"oe+")
_NON_WORD_RE = re.compile(r"[\W_]+")

_RAW_STOPWORDS = """
    af alle at de dem den denne der det dette du eller en er et for fra har hos hvad hvem
    hvilke hvilken hvor hvordan i ind jeg kan man med mig min mit mv mm når og om omkring
    os på sig sin sit skal som til ved vi vores ansvaret ansvarlig ansvar
    a about an and are as at be by do does for from handles in is of on or our responsible
    the to what where which who whom owns own with
"""


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Everything but letters and digits becomes a space; a dot survives only between two
# digits so KLE numbers like 81.15.00 stay one token.
_DROP_RE = re.compile(r"[^\w.]|_|(?<!\d)\.|\.(?!\d)")


def fold(text: str) -> str:
    """Fold text to a lower-case ASCII-ish form where Danish spelling variants coincide.

    Accents are stripped, ``æ/ø/å`` are transliterated, the ASCII spellings ``aa`` and
    ``oe`` are collapsed to ``a`` and ``o``, and every character that is neither a letter
    nor a digit becomes a space.  Dots between digits are kept (KLE numbers).

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        Space-separated folded words; ``""`` if nothing is left.

    Examples
    --------
    >>> [fold(s) for s in ("Løn", "loen", "lon")]
    ['lon', 'lon', 'lon']
    >>> fold("Økonomi- og Indkøbsafdelingen, KLE 81.15.00!")
    'okonomi og indkobsafdelingen kle 81.15.00'
    >>> fold("Café Åen")
    'cafe aen'
    """
    if not text.isascii():
        for letter, ascii_form in _DANISH_PAIRS:
            if letter in text:
                text = text.replace(letter, ascii_form)
    if text.isascii():
        text = text.lower()
    else:
        # NFKD can emit upper-case letters (e.g. from compatibility characters), hence twice.
        text = _strip_accents(_strip_accents(text).casefold()).casefold()
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


def _fold_words(words: str) -> frozenset[str]:
    return frozenset(fold(words).split())


STOPWORDS: frozenset[str] = _fold_words(_RAW_STOPWORDS)
"""Folded Danish and English function words ignored by :func:`tokenize`.

"it" is deliberately absent: in this domain it nearly always means IT.
"""


def tokenize(text: str) -> list[str]:
    """Split text into folded tokens without stopwords.

    Parameters
    ----------
    text : str
        Any text, e.g. a search query or a unit name.

    Returns
    -------
    list of str
        Folded tokens in their original order.

    Examples
    --------
    >>> tokenize("Hvem har ansvaret for lønudbetaling til elever?")
    ['lonudbetaling', 'elever']
    >>> tokenize("Who owns IT-support?")
    ['it', 'support']
    """
    return [tok for tok in fold(text).split() if tok not in STOPWORDS]


# Longest first so that "-erne" wins over "-e"; "-ies" is rewritten rather than cut.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("erne", ""),
    ("ies", "y"),
    ("ing", ""),
    ("ene", ""),
    ("ers", ""),
    ("er", ""),
    ("en", ""),
    ("et", ""),
    ("e", ""),
    ("s", ""),
)
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

    The stemmer is deliberately aggressive and only used for matching, never shown to
    users: what matters is that inflections of one word meet in one stem.  Tokens that
    contain a digit are returned unchanged.

    Parameters
    ----------
    token : str
        A folded token, as produced by :func:`tokenize`.

    Returns
    -------
    str
        The stem; ``stem(stem(t)) == stem(t)``.

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

    Examples
    --------
    >>> analyse("Lønudbetalinger til eleverne")
    ['lonudbetal', 'elev']
    """
    return [stem(t) for t in tokenize(text)]


def deletions(word: str, depth: int) -> set[str]:
    """All strings obtained by deleting up to ``depth`` characters (``word`` included).

    Two words within edit distance ``d`` share a deletion of depth ``d`` (symmetric-delete
    spelling correction), so a dictionary keyed by deletions finds typos without scanning.

    Examples
    --------
    >>> sorted(deletions("lon", 1))
    ['ln', 'lo', 'lon', 'on']
    """
    result, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


def edit_distance(a: str, b: str, bound: int) -> int:
    """Edit distance with adjacent transpositions, capped at ``bound + 1``.

    Examples
    --------
    >>> edit_distance("budgetopfolgnig", "budgetopfolgning", 2), edit_distance("lno", "lon", 1)
    (1, 1)
    >>> edit_distance("abc", "xyz", 1)
    2
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


class Synonyms:
    """Groups of equivalent terms; a term may be several words ("human resources").

    Terms are kept analysed (folded, stemmed, stopwords removed), so one entry covers all
    spellings and inflections of a word.

    Examples
    --------
    >>> syn = Synonyms.from_groups([["løn", "payroll", "salaries"], ["HR", "human resources"]])
    >>> sorted(syn.expand("Salary"))
    ['lon', 'payroll', 'salary']
    >>> sorted(syn.expand("hr"))
    ['hr', 'human resourc']
    """

    def __init__(self, groups: Sequence[Sequence[tuple[str, ...]]]) -> None:
        self._groups = [tuple(dict.fromkeys(t for t in g if t)) for g in groups]
        self._by_term: dict[tuple[str, ...], list[int]] = {}
        for gid, group in enumerate(self._groups):
            for term in group:
                self._by_term.setdefault(term, []).append(gid)
        self._max_len = max((len(t) for t in self._by_term), default=0)
        self._starts = {t[0] for t in self._by_term if len(t) > 1}
        self.words: dict[str, str] = {w: stem(w) for g in self._groups for t in g for w in t}
        """Every word of every term, mapped to its stem (for typo and compound look-ups)."""

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> Synonyms:
        """Build from groups of raw terms in any spelling."""
        return cls([[tuple(analyse(term)) for term in group] for group in groups])

    def expand(self, token: str) -> frozenset[str]:
        """Folded, stemmed equivalents of ``token`` (words of a term joined by spaces)."""
        key = tuple(analyse(token))
        if not key:
            return frozenset()
        gids = self._by_term.get(key, [])
        return frozenset({" ".join(key)} | {" ".join(t) for g in gids for t in self._groups[g]})

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
