"""Danish-aware ranked search over organisation documents, shared by both stores.

A query token matches a document by stem (name strongest, then aliases, KLE keywords,
description), synonym, compound part, typo or KLE number.  The score is the IDF-weighted
fraction of query tokens matched, plus a bonus for an exact name, rounded to 4 decimals;
ties break by id.  A word written as an acronym ("MUS") prefers the documents that write that
word, in any case, over those that merely share its stem ("Museer").
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from orgmodel.kle import is_kle_number
from orgmodel.text import (
    Speller,
    Synonyms,
    fold,
    load_synonyms,
    longest_written,
    spaced,
    stem,
    tokenize,
)

__all__ = ["EXACT_ALIAS", "READ_AS", "READ_AS_MIN_LETTERS", "SearchDoc", "SearchHit",
           "SearchIndex", "Synonyms", "acronyms", "load_synonyms"]

# Match strengths, strongest first; the order is the promise, the values are tuned.
_NAME, _ALIAS, _KEYWORD, _DESCRIPTION = 1.0, 0.85, 0.5, 0.3
_SYNONYM, _PART, _SHORT_PART, _QUERY_PART, _KLE_PREFIX = 0.8, 0.6, 0.45, 0.5, 0.8
_TYPO = {1: 0.7, 2: 0.55}
#: A typo's strength when it has one reading: a word no text and no KLE topic writes, one edit
#: from one word a document writes ("borgmster"), is read as that word ...
READ_AS = 0.9
#: ... when it has this many letters and begins as that word does: a short word one edit from
#: a data word is as often a word of its own ("mail" is no "rail", "sneen" no "Steen", "beder"
#: no "leder"), and so is a long one that differs in its first letter ("turister", "nederlag").
READ_AS_MIN_LETTERS = 8
_MIN_STEM_READ = 8  # a long word's stem is spelt too; a short stem meets stray words
_NAME_BONUS, _ALIAS_BONUS, _SCALE = 1.0, 0.05, 0.9  # an exact name scores 1
# A field's words weigh less the more of them it has (shorter texts say more about each).
_NORM_STEP, _NORM_WORDS = 0.02, 5
#: The least a query that is one of a document's aliases (or its English name), whole,
#: scores: a one-word alias 0.815, one of six words or more this.
EXACT_ALIAS = round(_ALIAS * (1.0 - _NORM_STEP * _NORM_WORDS) * _SCALE + _ALIAS_BONUS, 4)
_MIN_PART, _MIN_COMPOUND = 3, 7
_CACHE_SIZE, _MAX_TOKENS = 256, 16  # longer queries are questions pasted whole, not searches
_TIE_LIMIT = 64  # documents of one score whose names break the tie
#: An acronym's match in a document that does not write the word itself ("MUS" in "Museer").
_OTHER_SPELLING = 0.5
# Two to six capitals standing alone ("MUS", "IT" in "IT-support", "ØU"); a text all in
# capitals with more words than that is shouting, not acronyms.
_ACRONYM_RE = re.compile(r"(?<![^\W_])[A-ZÆØÅ]{2,6}(?![^\W_])")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_SHOUTING_WORDS = 2

# Document sets are bitmasks over index positions (id order): set algebra then runs in C over
# machine words, and the lowest bits are the first hits.  Sparse sets are kept as frozensets
# (less memory) and turned into masks when a query needs them.
Docs = int | frozenset[int]
Level = tuple[float, Docs]
_K = TypeVar("_K")
# words, stems, "#syn:" keys, length norm, words written as acronyms
Analysed = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], float, frozenset[str]]
Match = tuple[tuple[tuple[float, int], ...], int]  # disjoint masks by strength, and their union
_NONZERO = re.compile(rb"[^\x00]")
_BITS = tuple(tuple(b for b in range(8) if v >> b & 1) for v in range(256))


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows about one node."""

    id: str
    kind: str
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    keywords: tuple[str, ...] = ()
    kle: str | None = None


@dataclass(frozen=True)
class SearchHit:
    """A document id and its score in (0, 1], rounded to 4 decimals."""

    id: str
    score: float


def _add(postings: dict[_K, dict[int, float]], key: _K, doc: int, weight: float) -> None:
    posting = postings.setdefault(key, {})
    posting[doc] = max(posting.get(doc, 0.0), weight)


def _mask(docs: Docs | Iterable[int], size: int) -> int:
    if isinstance(docs, int):
        return docs
    buffer = bytearray(size // 8 + 1)
    for doc in docs:
        buffer[doc >> 3] |= 1 << (doc & 7)
    return int.from_bytes(buffer, "little")


def _members(mask: int) -> Iterator[int]:
    """Set bits of ``mask``, lowest first."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8, "little")
    for found in _NONZERO.finditer(data):
        for bit in _BITS[data[found.start()]]:
            yield found.start() * 8 + bit


def _levels(posting: dict[int, float], size: int) -> tuple[Level, ...]:
    by_value: dict[float, list[int]] = {}
    for doc, value in posting.items():
        by_value.setdefault(value, []).append(doc)
    # A mask costs size/8 bytes, a frozenset some 50 bytes a member.
    packed = [(v, _mask(d, size) if len(d) * 400 >= size else frozenset(d))
              for v, d in by_value.items()]
    return tuple(sorted(packed, key=lambda level: -level[0]))


def _scaled(levels: Iterable[Level], factor: float) -> list[Level]:
    return [(value * factor, docs) for value, docs in levels]


def _preferring(levels: Iterable[Level], written: int, size: int) -> list[Level]:
    """``levels`` with the documents outside ``written`` weakened to :data:`_OTHER_SPELLING`."""
    out: list[Level] = []
    for value, docs in levels:
        mask = _mask(docs, size)
        out += [(value, mask & written), (value * _OTHER_SPELLING, mask & ~written)]
    return [(value, docs) for value, docs in out if docs]


def acronyms(text: str) -> frozenset[str]:
    """The folded words that ``text`` writes as acronyms.

    Examples
    --------
    >>> sorted(acronyms("Hvem har ansvaret for MUS og IT-support i ØU?"))
    ['it', 'mus', 'ou']
    >>> acronyms("HVEM HAR ANSVARET FOR MUS"), acronyms("Løn og A4-papir")
    (frozenset(), frozenset())
    """
    return frozenset(_written_acronyms(text))


def _written_acronyms(text: str) -> dict[str, str]:
    """The acronyms ``text`` writes: folded word -> the letters as written, in lower case.

    Folding makes "ØU" (Økonomiudvalget) and "OU" (organisationsudvikling) one word, "ou"; the
    letters as written tell them apart.

    >>> _written_acronyms("hvem sidder i ØU? og OU")
    {'ou': 'ou'}
    >>> _written_acronyms("hvem sidder i ØU?")
    {'ou': 'øu'}
    """
    found = _ACRONYM_RE.findall(text)
    if not found or (text.isupper() and len(text.split()) > _SHOUTING_WORDS):
        return {}
    return {fold(word): word.lower() for word in found}


class SearchIndex:
    """An immutable index over documents; build once, query many times.

    Examples
    --------
    >>> docs = [SearchDoc("t:1", "Task", "Løn", name_en="Payroll", kle="81.15.00"),
    ...         SearchDoc("t:2", "Task", "Budgetopfølgning")]
    >>> index = SearchIndex(docs, Synonyms.from_groups([["løn", "salary"]]))
    >>> [h.id for h in index.search("salaries")], [h.id for h in index.search("budgetopfolgnig")]
    (['t:1'], ['t:2'])
    >>> index.search("loen")
    [SearchHit(id='t:1', score=1.0)]

    ``typos=False`` leaves typo matching out. Its index of deletions, the largest cost of
    building, is built when a word first needs it: a write to the embedded store builds a new
    index, and did not answer (nor let reads run) for half a second while it was made.
    ``known`` says which words no document writes are words all the same (the KLE
    catalogue's): they stay typos of a document's word, never read as it.
    """

    def __init__(
        self, docs: Iterable[SearchDoc], synonyms: Synonyms, *, typos: bool = True,
        known: Callable[[str], bool] | None = None,
    ) -> None:
        # Index order is id order, so ties between equal scores break by index.
        ordered = sorted(docs, key=lambda d: d.id)
        if twice := sorted({b.id for a, b in itertools.pairwise(ordered) if a.id == b.id}):
            raise ValueError(f"duplicate document ids: {', '.join(twice)}")
        self._synonyms, self._ids = synonyms, [d.id for d in ordered]
        self._known = known or (lambda word: False)
        # Each document's names as written, for breaking ties (see _tie_break), and folded:
        # folded when a tie first needs them, once, not on every search that ties.
        self._names = [(d.name, *((d.name_en,) if d.name_en else ()), *d.aliases) for d in ordered]
        self._folded_names: dict[int, tuple[str, ...]] = {}
        kinds: dict[str, list[int]] = {}
        # Stems, plus "#kle:NN.NN" and "#syn:GROUP" (multi-word synonyms found in documents):
        # "#" never survives folding, so these keys cannot meet a word.
        postings: dict[str, dict[int, float]] = {}
        exact: dict[tuple[str, ...], dict[int, float]] = {}  # analysed name -> bonus by doc
        capitals: set[str] = set()  # words some document writes as an acronym
        texts: list[tuple[int, tuple[str, ...], str]] = []  # each field's words and text
        self._surfaces = dict(synonyms.words)  # folded word -> stem
        analysed: dict[str, Analysed] = {}
        for idx, doc in enumerate(ordered):
            kinds.setdefault(doc.kind, []).append(idx)
            fields = [(doc.name, _NAME, _NAME_BONUS), (doc.name_en, _ALIAS, _ALIAS_BONUS)]
            fields += [(a, _ALIAS, _ALIAS_BONUS) for a in doc.aliases]
            fields += [(k, _KEYWORD, 0.0) for k in doc.keywords]
            fields.append((doc.description, _DESCRIPTION, 0.0))
            for text, field_weight, bonus in fields:
                words, stems, phrases, norm, in_capitals = self._analyse(text or "", analysed)
                capitals |= in_capitals
                texts.append((idx, words, text or ""))
                weight = field_weight * norm
                for key in stems + phrases:  # _add, inlined: this loop dominates building
                    posting = postings.get(key)
                    if posting is None:
                        postings[key] = {idx: weight}
                    elif posting.get(idx, 0.0) < weight:
                        posting[idx] = weight
                if bonus and stems:
                    _add(exact, stems, idx, bonus)
            numbers = doc.kle.split(".") if doc.kle else []
            for n in range(1, len(numbers) + 1):
                strength = 1.0 if n == len(numbers) else _KLE_PREFIX
                _add(postings, "#kle:" + ".".join(numbers[:n]), idx, strength)
        size = len(self._ids)
        self._by_kind = {k: _mask(v, size) for k, v in kinds.items()}
        self._terms = {k: _levels(p, size) for k, p in postings.items()}
        self._exact = {k: _levels(p, size) for k, p in exact.items()}
        # For each acronym, the documents that write the word itself, in any case: "kmd nova"
        # is KMD, "Museer" is not MUS; and by its letters as written ("øu" is not "ou").
        spelt: dict[str, set[int]] = {}
        spelt_as_written: dict[str, set[int]] = {}
        for idx, words, text in texts if capitals else ():
            if not (met := capitals.intersection(words)):
                continue
            for word in met:
                spelt.setdefault(word, set()).add(idx)
            for written in _LETTERS_RE.findall(text.lower()):
                if fold(written) in met:
                    spelt_as_written.setdefault(written, set()).add(idx)
        self._written = {k: _mask(v, size) for k, v in spelt.items()}
        self._written_as = {k: _mask(v, size) for k, v in spelt_as_written.items()}
        self._parts: dict[str, set[str]] = {}  # compound part -> whole stems containing it
        for word, word_stem in self._surfaces.items():
            if len(word) >= _MIN_COMPOUND and word_stem in self._terms:
                for cut in range(_MIN_PART, len(word_stem)):
                    self._parts.setdefault(word_stem[:cut], set()).add(word_stem)
                    self._parts.setdefault(word_stem[-cut:], set()).add(word_stem)
        self._typos, self._spelling = typos, threading.Lock()
        self._speller_built: Speller | None = None
        self._cache: dict[tuple[str, tuple[int, ...], int | None], Match] = {}

    def _analyse(self, text: str, analysed: dict[str, Analysed]) -> Analysed:
        # Texts repeat (tasks of one KLE topic share its keywords): analyse each once.
        if (entry := analysed.get(text)) is None:
            words = tokenize(text)
            stems = tuple(stem(w) for w in words)
            self._surfaces.update(zip(words, stems, strict=True))
            phrases = tuple(f"#syn:{g}" for *_, g in self._synonyms.spans(stems, phrases_only=True))
            # Shorter texts say more about each of their words.
            entry = analysed[text] = (tuple(words), stems, phrases,
                                      1.0 - _NORM_STEP * min(len(stems) - 1, _NORM_WORDS),
                                      acronyms(text))
        return entry

    def _speller(self) -> Speller:
        """The vocabulary's typo index, built on first use (once, whichever thread asks)."""
        if self._speller_built is None:
            with self._spelling:
                if self._speller_built is None:
                    self._speller_built = Speller(self._surfaces)
        return self._speller_built

    def __len__(self) -> int:
        """Return the number of indexed documents."""
        return len(self._ids)

    def search(
        self,
        query: str,
        *,
        kinds: Collection[str] | None = None,
        allowed: Callable[[str], bool] | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Rank the documents matching ``query``, best first (ties by id).

        Parameters
        ----------
        query : str
            Danish or English words, or a KLE number such as ``81.15``; stopwords are ignored.
        kinds, allowed, limit
            Keep at most ``limit`` documents of these kinds whose id ``allowed`` accepts
            (called lazily, best hit first).
        """
        words = tokenize(query)[:_MAX_TOKENS]
        if not words or limit <= 0 or not self._ids:
            return []
        stems = [stem(w) for w in words]
        groups: list[set[int]] = [set() for _ in stems]
        for start, end, gid in self._synonyms.spans(stems):
            for i in range(start, end):
                groups[i].add(gid)
        asked = _written_acronyms(query)
        written = {w: self._written_as.get(as_written) or self._written[w]
                   for w, as_written in asked.items() if w in self._written and w in words}
        # An acronym no document writes is no inflected word: its stem is another word
        # ("OPUS" cut to "opu" met the committee "ØPU" as its exact alias).
        cut = {w for w, s in zip(words, stems, strict=True)
               if w in asked and w not in self._written and s != w}
        tokens = zip(words, stems, groups, strict=True)
        matches = [self._match(w, s, tuple(sorted(g)), written.get(w)) for w, s, g in tokens]
        matches = [(tuple((value * _OTHER_SPELLING, docs) for value, docs in levels), union)
                   if w in cut else (levels, union)
                   for w, (levels, union) in zip(words, matches, strict=True)]
        # Rare tokens discriminate: a token matching few documents weighs more (IDF).
        size = len(self._ids)
        weights = [math.log(1.0 + size / (1.0 + union.bit_count())) for _, union in matches]
        scale = _SCALE / sum(weights)
        wanted = -1 if kinds is None else 0
        for kind in set(kinds or ()):
            wanted |= self._by_kind.get(kind, 0)
        # An exact name earns its bonus only if it writes the query's acronyms as they were.
        spelt = 0 if cut else functools.reduce(operator.and_, written.values(), -1)
        bonuses = [(extra, _mask(docs, size) & spelt)
                   for extra, docs in self._exact.get(tuple(stems), ())]
        bonuses.append((0.0, ~functools.reduce(operator.or_, (m for _, m in bonuses), 0)))
        by_score: dict[float, int] = {}
        for total, docs in self._combine(weights, matches):
            for extra, bonus_docs in bonuses:
                scored = docs & wanted & bonus_docs
                score = round(min(1.0, total * scale + extra), 4)
                if scored and score > 0:
                    by_score[score] = by_score.get(score, 0) | scored
        hits: list[SearchHit] = []
        for score in sorted(by_score, reverse=True):
            ids = (self._ids[d] for d in self._tie_break(by_score[score], query))
            chosen = ids if allowed is None else filter(allowed, ids)
            hits += [SearchHit(i, score) for i in itertools.islice(chosen, limit - len(hits))]
            if len(hits) >= limit:
                break
        return hits

    def _tie_break(self, docs: int, query: str) -> Iterable[int]:
        """The documents of one score, the one whose name the question writes most fully first.

        Stopwords leave "municipal director" the word "director", as "Director, Directorate 1"
        is called too: the name written whole in the question breaks the tie. Then by id.
        """
        if docs & (docs - 1) == 0 or docs.bit_count() > _TIE_LIMIT:
            return _members(docs)  # one document, or too many to read their names
        asked = spaced(query)

        def written(idx: int) -> int:
            names = self._folded_names.get(idx)
            if names is None:
                names = self._folded_names[idx] = tuple(map(fold, self._names[idx]))
            return longest_written(names, asked)

        return sorted(_members(docs), key=lambda idx: -written(idx))

    @staticmethod
    def _combine(weights: list[float], matches: list[Match]) -> list[tuple[float, int]]:
        """Partition the matched documents by their weighted total over the query tokens."""
        parts: dict[float, int] = {}  # total -> documents; equal totals share one mask
        covered = 0
        for weight, (levels, union) in zip(weights, matches, strict=True):
            refined: dict[float, int] = {}
            for total, docs in parts.items():
                for value, level in levels:
                    if both := docs & level:
                        key = total + weight * value
                        refined[key] = refined.get(key, 0) | both
                        docs ^= both
                refined[total] = refined.get(total, 0) | docs
            for value, level in levels:
                refined[weight * value] = refined.get(weight * value, 0) | (level & ~covered)
            covered |= union
            parts = refined
        return list(parts.items())

    def _match(self, word: str, word_stem: str, groups: tuple[int, ...],
               written: int | None) -> Match:
        """Documents matching one query token, as disjoint masks by strength (cached).

        A word the query writes as an acronym matches the documents outside ``written`` (those
        that write it, as the query does) more weakly.
        """
        key = (word, groups, written)
        cached = self._cache.get(key)
        if cached is None:
            by_value: dict[float, int] = {}
            for value, docs in self._candidates(word, word_stem, groups, typos=True,
                                                written=written):
                by_value[value] = by_value.get(value, 0) | _mask(docs, len(self._ids))
            seen, levels = 0, []
            for value in sorted(by_value, reverse=True):
                if level := by_value[value] & ~seen:
                    seen |= level
                    levels.append((value, level))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[key] = (tuple(levels), seen)
        return cached

    def _candidates(
        self, word: str, word_stem: str, groups: Sequence[int], *, typos: bool,
        written: int | None = None,
    ) -> list[Level]:
        terms, parts = self._terms, self._parts
        out = list(terms.get(word_stem, ()))
        if is_kle_number(word):
            out += terms.get("#kle:" + word, ())
        part_factor = _PART if len(word_stem) > _MIN_PART else _SHORT_PART
        for whole in parts.get(word_stem, ()):
            out += _scaled(terms[whole], part_factor)
        if written is not None:  # synonyms are other words: they keep their strength
            out = _preferring(out, written, len(self._ids))
        for gid in groups:
            out += _scaled(terms.get(f"#syn:{gid}", ()), _SYNONYM)
            for equivalent in self._synonyms.singles(gid):
                if equivalent != word_stem:
                    out += _scaled(terms.get(equivalent, ()), _SYNONYM)
                for whole in parts.get(equivalent, ()):
                    out += _scaled(terms[whole], _SYNONYM * _PART)
        if len(word) >= _MIN_COMPOUND:
            # The query may be the compound ("lønudbetaling") and a document its part ("løn").
            for size in range(_MIN_PART, len(word_stem)):
                factor = _QUERY_PART * (1.0 if size > _MIN_PART else _SHORT_PART / _PART)
                out += _scaled(terms.get(word_stem[:size], ()), factor)
                out += _scaled(terms.get(word_stem[-size:], ()), factor)
        if (typos and self._typos and word.isalpha()
                and not (word_stem in terms or word_stem in parts or groups)):
            speller = self._speller()
            found, by_stem = speller.near(word), False
            if not found and len(word_stem) >= _MIN_STEM_READ:
                # "økonmichefen" is three edits from "økonomichef", its stem one.
                found, by_stem = speller.near(word_stem), True
            readings = {self._surfaces[c] for c, distance in found if distance == 1}
            sure = (len(readings) == 1 and len(word) >= READ_AS_MIN_LETTERS
                    and not self._known(word))
            for candidate, distance in found:
                read = sure and distance == 1 and candidate[0] == word[0]
                if by_stem and not read:  # a stem alone meets stray words ("nederlag", "vederlag")
                    continue
                near_stem = self._surfaces[candidate]
                near_groups = [g for *_, g in self._synonyms.spans([near_stem])]
                near = self._candidates(candidate, near_stem, near_groups, typos=False)
                out += _scaled(near, READ_AS if read else _TYPO[distance])
        return out
