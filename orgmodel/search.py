"""Danish-aware ranked search over organisation documents, shared by both stores.

Every field is analysed (folded, stemmed: :mod:`orgmodel.text`).  A query token matches a
document by exact stem (name strongest, then aliases, KLE keywords, description), through a
synonym group, as part of a Danish compound, with a typo, or as a KLE number.  A document's
score is the IDF-weighted fraction of query tokens it matches, plus a bonus for an exact
name.  Scores are rounded to 4 decimals and ties broken by id, so results are reproducible.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from orgmodel.kle import is_kle_number
from orgmodel.text import Synonyms, deletions, edit_distance, stem, tokenize

__all__ = ["SearchDoc", "SearchHit", "SearchIndex", "Synonyms", "load_synonyms"]

# Match strengths, strongest first; the order is the promise, the values are tuned.
_NAME, _ALIAS, _KEYWORD, _DESCRIPTION = 1.0, 0.85, 0.5, 0.3
_SYNONYM, _PART, _SHORT_PART, _QUERY_PART, _KLE_PREFIX = 0.8, 0.6, 0.45, 0.5, 0.8
_TYPO = {1: 0.7, 2: 0.55}
_NAME_BONUS, _ALIAS_BONUS, _SCALE = 0.1, 0.05, 0.9
_MIN_PART, _MIN_COMPOUND = 3, 7
_CACHE_SIZE = 4096

# Documents are held as sets grouped by match strength, so that queries run on C-level set
# operations instead of looping over documents in Python.
Level = tuple[float, frozenset[int]]


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


def load_synonyms(path: str | Path) -> Synonyms:
    """Read synonym groups from YAML: ``groups: [[løn, payroll, ...], ...]``.

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
    return Synonyms.from_groups(groups)


def _typo_budget(word: str) -> int:
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


def _add(postings: dict[str, dict[int, float]], key: str, doc: int, weight: float) -> None:
    posting = postings.setdefault(key, {})
    if posting.get(doc, 0.0) < weight:
        posting[doc] = weight


def _levels(posting: dict[int, float]) -> tuple[Level, ...]:
    by_value: dict[float, list[int]] = {}
    for doc, value in posting.items():
        by_value.setdefault(value, []).append(doc)
    return tuple((v, frozenset(by_value[v])) for v in sorted(by_value, reverse=True))


def _scaled(levels: Iterable[Level], factor: float) -> list[Level]:
    return [(value * factor, docs) for value, docs in levels]


def _disjoint(candidates: list[Level]) -> tuple[tuple[Level, ...], frozenset[int]]:
    """Keep each document only at its strongest level; also return all documents."""
    candidates.sort(key=lambda c: -c[0])
    seen: set[int] = set()
    out: list[Level] = []
    for value, docs in candidates:
        new = docs - seen
        if new:
            seen |= new
            if out and out[-1][0] == value:
                out[-1] = (value, out[-1][1] | new)
            else:
                out.append((value, new))
    return tuple(out), frozenset(seen)


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
    """

    def __init__(self, docs: Iterable[SearchDoc], synonyms: Synonyms) -> None:
        # Index order is id order, so ties between equal scores break by index.
        ordered = sorted(docs, key=lambda d: d.id)
        for before, after in itertools.pairwise(ordered):
            if before.id == after.id:
                raise ValueError(f"duplicate document id {after.id!r}")
        self._synonyms = synonyms
        self._ids = [d.id for d in ordered]
        kinds: dict[str, list[int]] = {}
        terms: dict[str, dict[int, float]] = {}
        concepts: dict[str, dict[int, float]] = {}  # multi-word synonym terms in documents
        kle: dict[str, dict[int, float]] = {}
        self._exact: dict[tuple[str, ...], dict[int, float]] = {}
        self._surfaces = dict(synonyms.words)  # folded word -> stem
        for idx, doc in enumerate(ordered):
            kinds.setdefault(doc.kind, []).append(idx)
            self._index_doc(idx, doc, terms, concepts)
            if doc.kle:
                numbers = doc.kle.split(".")
                for n in range(1, len(numbers) + 1):
                    strength = 1.0 if n == len(numbers) else _KLE_PREFIX
                    _add(kle, ".".join(numbers[:n]), idx, strength)
        self._by_kind = {k: frozenset(v) for k, v in kinds.items()}
        self._terms = {k: _levels(p) for k, p in terms.items()}
        self._concepts = {int(k): _levels(p) for k, p in concepts.items()}
        self._kle = {k: _levels(p) for k, p in kle.items()}
        self._parts: dict[str, set[str]] = {}  # compound part -> whole stems containing it
        self._typos: dict[str, list[str]] = {}  # deletion -> vocabulary words
        for word, word_stem in self._surfaces.items():
            if len(word) >= _MIN_COMPOUND and word_stem in self._terms:
                for size in range(_MIN_PART, len(word_stem)):
                    self._parts.setdefault(word_stem[:size], set()).add(word_stem)
                    self._parts.setdefault(word_stem[-size:], set()).add(word_stem)
            if word.isalpha():
                for deleted in deletions(word, _typo_budget(word)):
                    self._typos.setdefault(deleted, []).append(word)
        self._cache: dict[tuple[str, tuple[int, ...]], tuple[tuple[Level, ...], frozenset[int]]]
        self._cache = {}

    def _index_doc(
        self,
        idx: int,
        doc: SearchDoc,
        terms: dict[str, dict[int, float]],
        concepts: dict[str, dict[int, float]],
    ) -> None:
        fields = [(doc.name, _NAME, _NAME_BONUS), (doc.name_en, _ALIAS, _ALIAS_BONUS)]
        fields += [(a, _ALIAS, _ALIAS_BONUS) for a in doc.aliases]
        fields += [(k, _KEYWORD, 0.0) for k in doc.keywords]
        fields.append((doc.description, _DESCRIPTION, 0.0))
        for text, field_weight, bonus in fields:
            words = tokenize(text) if text else []
            stems = [stem(w) for w in words]
            # Shorter texts say more about each of their words.
            weight = field_weight * (1.0 - 0.02 * min(len(stems) - 1, 5))
            for word, word_stem in zip(words, stems, strict=True):
                self._surfaces[word] = word_stem
                _add(terms, word_stem, idx, weight)
            for _, _, gid in self._synonyms.spans(stems, phrases_only=True):
                _add(concepts, str(gid), idx, weight)
            if bonus and stems:
                exact = self._exact.setdefault(tuple(stems), {})
                exact[idx] = max(exact.get(idx, 0.0), bonus)

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
            Free text in Danish or English, or a KLE number such as ``81.15``.
        kinds : collection of str, optional
            Keep only documents of these kinds.
        allowed : callable, optional
            Keep only documents whose id it accepts (called lazily, best first).
        limit : int
            At most this many hits.

        Returns
        -------
        list of SearchHit
            Empty when the query has no words beyond stopwords.
        """
        words = tokenize(query)
        if not words or limit <= 0:
            return []
        stems = [stem(w) for w in words]
        groups: list[set[int]] = [set() for _ in stems]
        for start, end, gid in self._synonyms.spans(stems):
            for i in range(start, end):
                groups[i].add(gid)
        matches = [
            self._match(w, s, tuple(sorted(g)))
            for w, s, g in zip(words, stems, groups, strict=True)
        ]
        # Rare tokens discriminate: a token matching few documents weighs more (IDF).
        weights = [math.log(1.0 + len(self._ids) / (1.0 + len(union))) for _, union in matches]
        scale = _SCALE / sum(weights)
        wanted = None if kinds is None else [self._by_kind.get(k, frozenset()) for k in set(kinds)]
        bonus = self._exact.get(tuple(stems), {})
        by_score: dict[float, list[frozenset[int]]] = {}
        for total, docs in self._combine(weights, [levels for levels, _ in matches]):
            if bonus:
                docs = docs.difference(bonus)
            if wanted is not None:
                docs = frozenset().union(*(docs & of_kind for of_kind in wanted))
            score = round(min(1.0, total * scale), 4)
            if docs and score > 0:
                by_score.setdefault(score, []).append(docs)
        for doc, extra in bonus.items():
            if wanted is None or any(doc in of_kind for of_kind in wanted):
                total = 0.0
                for weight, (levels, _) in zip(weights, matches, strict=True):
                    total += next((weight * v for v, level in levels if doc in level), 0.0)
                by_score.setdefault(round(min(1.0, total * scale + extra), 4), []).append(
                    frozenset([doc])
                )
        return self._top(by_score, allowed, limit)

    def _top(
        self,
        by_score: dict[float, list[frozenset[int]]],
        allowed: Callable[[str], bool] | None,
        limit: int,
    ) -> list[SearchHit]:
        hits: list[SearchHit] = []
        for score in sorted(by_score, reverse=True):
            docs = frozenset().union(*by_score[score])
            need = limit - len(hits)
            if allowed is None:
                chosen = heapq.nsmallest(need, docs) if len(docs) > need else sorted(docs)
            else:
                chosen = [d for d in sorted(docs) if allowed(self._ids[d])][:need]
            hits += [SearchHit(self._ids[d], score) for d in chosen]
            if len(hits) >= limit:
                break
        return hits

    @staticmethod
    def _combine(
        weights: list[float], matches: list[tuple[Level, ...]]
    ) -> list[tuple[float, frozenset[int]]]:
        """Partition the matched documents by weighted total over the query tokens."""
        parts: list[tuple[float, frozenset[int]]] = []
        covered: frozenset[int] = frozenset()
        for weight, levels in zip(weights, matches, strict=True):
            refined = []
            for total, docs in parts:
                rest = docs
                for value, level in levels:
                    both = rest & level
                    if both:
                        refined.append((total + weight * value, both))
                        rest = rest - both
                        if not rest:
                            break
                if rest:
                    refined.append((total, rest))
            for value, level in levels:
                fresh = level - covered
                if fresh:
                    refined.append((weight * value, fresh))
            covered = covered.union(*(level for _, level in levels))
            parts = refined
        return parts

    def _match(
        self, word: str, word_stem: str, groups: tuple[int, ...]
    ) -> tuple[tuple[Level, ...], frozenset[int]]:
        """Documents matching one query token, by strength, and all of them."""
        key = (word, groups)
        cached = self._cache.get(key)
        if cached is None:
            cached = _disjoint(self._candidates(word, word_stem, groups, typos=True))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def _candidates(
        self, word: str, word_stem: str, groups: Iterable[int], *, typos: bool
    ) -> list[Level]:
        terms, parts = self._terms, self._parts
        out = list(terms.get(word_stem, ()))
        if is_kle_number(word):
            out += self._kle.get(word, ())
        part_factor = _PART if len(word_stem) > _MIN_PART else _SHORT_PART
        for whole in parts.get(word_stem, ()):
            out += _scaled(terms[whole], part_factor)
        groups = tuple(groups)
        for gid in groups:
            out += _scaled(self._concepts.get(gid, ()), _SYNONYM)
            for equivalent in self._synonyms.singles(gid):
                out += _scaled(terms.get(equivalent, ()), _SYNONYM)
                for whole in parts.get(equivalent, ()):
                    out += _scaled(terms[whole], _SYNONYM * _PART)
        if len(word) >= _MIN_COMPOUND:
            # The query may be the compound ("lønudbetaling") and a document its part ("løn").
            for size in range(_MIN_PART, len(word_stem)):
                factor = _QUERY_PART if size > _MIN_PART else _SHORT_PART * _QUERY_PART / _PART
                out += _scaled(terms.get(word_stem[:size], ()), factor)
                out += _scaled(terms.get(word_stem[-size:], ()), factor)
        known = word_stem in terms or word_stem in parts or groups
        if typos and not known and word.isalpha():
            for candidate, distance in self._near(word):
                near_stem = self._surfaces[candidate]
                near_groups = [g for _, _, g in self._synonyms.spans([near_stem])]
                near = self._candidates(candidate, near_stem, near_groups, typos=False)
                out += _scaled(near, _TYPO[distance])
        return out

    def _near(self, word: str) -> list[tuple[str, int]]:
        """Vocabulary words within the typo budget of ``word`` (symmetric-delete look-up)."""
        budget = _typo_budget(word)
        found: dict[str, int] = {}
        for deleted in deletions(word, budget) if budget else ():
            for candidate in self._typos.get(deleted, ()):
                bound = min(budget, _typo_budget(candidate))
                if candidate not in found and bound:
                    distance = edit_distance(word, candidate, bound)
                    if 0 < distance <= bound:
                        found[candidate] = distance
        return sorted(found.items())
