"""The whole KLE catalogue: which municipal task a question is about when no task says.

``owners`` answers from the tasks in the model. A question about work the model holds no task
for ("sygefravær", "byggetilladelse") would otherwise get no answer, or a weak match on a
stray word given as if it were one ("byggesager" meeting "politiske sager"). Every OS2KLE
topic (number, title, weightiest keywords; ``data/kle/catalogue.json``) names the topic such a
question is about, and the topic says where to look (:func:`route`): a task with its number,
else the task for its group in general (``NN.NN.00``), else for its main group
(``NN.00.00``), KLE's "i almindelighed" topics. When the topics a question fits lie in main
groups where the model holds no task at all, the question is about work outside the model,
and weak matches on stray words are dropped rather than given as answers.

Written by ``python -m orgmodel.kle_catalogue OS2KLE.txt --out data/kle/catalogue.json``.

Examples
--------
>>> from orgmodel.search import Synonyms
>>> catalogue = KleCatalogue.of([
...     KleTopic("81.00.00", "Kommunens personale i almindelighed", ()),
...     KleTopic("81.28.00", "Sygdom og fravær, personale i almindelighed", ("sygefravær",)),
...     KleTopic("02.34.02", "Byggetilladelse", ("byggesag",))], Synonyms([]))
>>> [(hit.number, hit.score) for hit in catalogue.search("fravær")]
[('81.28.00', 0.864)]
>>> tasks = {"81.00.00": ["task:personale"]}
>>> def under(number): return tasks.get(number, []) if len(number) > 2 else (
...     [t for k, ts in tasks.items() if k.startswith(number + ".") for t in ts])
>>> [(task, score, [n.code for n in notes]) for task, score, notes in route(
...     "fravær", [], under, catalogue)]
[('task:personale', 0.6048, ['kle_nearest'])]
>>> route("byggetilladelse", [("task:stray", 0.09)], under, catalogue)
[]
"""

from __future__ import annotations

import argparse
import bisect
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from orgmodel.contract import Note
from orgmodel.dataset import Dataset
from orgmodel.exceptions import Problem
from orgmodel.kle import KleTopic, convert_os2kle, is_kle_number, useful_keywords
from orgmodel.search import SearchDoc, SearchIndex, Synonyms
from orgmodel.semantics import OWNER_MATCH_RATIO, note
from orgmodel.text import tokenize, without_lone_tokens, without_pronoun_it

__all__ = [
    "CATALOGUE_KEYWORDS", "KleCatalogue", "Matched", "TopicHit", "hint", "load_kle_catalogue",
    "route", "route_number", "write_kle_catalogue",
]

#: Keywords kept per topic: enough to name a topic, few enough to keep noise out.
CATALOGUE_KEYWORDS = 12
#: A question is routed by KLE only when its topic matches this well ...
ROUTE_MIN = 0.5
#: ... and better than the best task in the model by this much.
ROUTE_MARGIN = 0.15
#: Topics within this share of the best are equally good readings of the question.
NEAR = 0.9
#: A task matching this well met the question on its own words or their synonyms ("skærm" is
#: staff equipment), not on a stray one: a KLE topic outside the model does not void it.
OWN_WORDS = 0.7
#: Where a topic's task may be, nearest first: the topic itself, its group's general topic and
#: its main group's (the number cut to this many characters, padded with ".00"), and how much
#: of the topic's score an answer found there keeps.
_LEVELS = ((8, 1.0), (5, 0.85), (2, 0.7))
_GENERAL = " i almindelighed"  # KLE's suffix of a group's general topic; no word of a question

Matched = tuple[str, float, tuple[Note, ...]]
"""A task id, how well it matched, and the notes that say how it was found."""


@dataclass(frozen=True)
class TopicHit:
    """A KLE topic that fits a question, with a score in (0, 1]."""

    number: str
    title: str
    score: float


_LEAST_FIRST_PART = 5  # letters of a compound's first part that make it a word


class KleCatalogue:
    """Every KLE topic, searchable with the shared ranking (built on first use, thread-safe)."""

    def __init__(self, load: Callable[[], list[KleTopic]], synonyms: Synonyms) -> None:
        self._load, self._synonyms, self._lock = load, synonyms, threading.Lock()
        self._topics: dict[str, KleTopic] | None = None
        self._index: tuple[dict[str, KleTopic], SearchIndex] | None = None
        self._words: tuple[str, ...] | None = None

    @classmethod
    def of(cls, topics: Iterable[KleTopic], synonyms: Synonyms) -> KleCatalogue:
        """A catalogue of ``topics`` (for tests and small examples)."""
        kept = list(topics)
        return cls(lambda: kept, synonyms)

    @classmethod
    def from_file(cls, path: Path, synonyms: Synonyms) -> KleCatalogue:
        """The catalogue in ``path``, read when first searched."""
        return cls(lambda: load_kle_catalogue(path), synonyms)

    def topics(self) -> dict[str, KleTopic]:
        """Every topic by number, read on first use (without building the search index)."""
        if self._topics is None:
            with self._lock:
                if self._topics is None:
                    self._topics = {t.number: t for t in self._load()}
        return self._topics

    def _built(self) -> tuple[dict[str, KleTopic], SearchIndex]:
        if self._index is None:
            topics = self.topics()
            with self._lock:  # one build when several requests come first at once
                if self._index is None:
                    docs = [SearchDoc(f"kle:{t.number}", "KLE", t.title.removesuffix(_GENERAL),
                                      keywords=t.keywords, kle=t.number) for t in topics.values()]
                    # No typo matching: a misspelt word has had its chance in the model's own
                    # index, and the catalogue's 25,000 words would make this one slow to build.
                    self._index = topics, SearchIndex(docs, self._synonyms, typos=False)
        return self._index

    def knows(self, word: str) -> bool:
        """Whether a topic's title or keywords write the folded ``word``: a word, not a typo.

        A word that begins a longer one counts (its compound's first part: "grundlov" in
        "Grundlovsceremonier" is no misspelt "grundløn"), from five letters.

        >>> catalogue = KleCatalogue.of([KleTopic(number="05.05", title="Parkering",
        ...                                       keywords=("Grundlovsceremonier",))], Synonyms([]))
        >>> catalogue.knows("parkering"), catalogue.knows("grundlov"), catalogue.knows("park")
        (True, True, False)
        """
        words = self._words_in_order()
        at = bisect.bisect_left(words, word)  # the word itself, or the first word it begins
        return at < len(words) and (words[at] == word or (
            len(word) >= _LEAST_FIRST_PART and words[at].startswith(word)))

    def _words_in_order(self) -> tuple[str, ...]:
        """Every folded word of the topics' titles and keywords, sorted (read on first use)."""
        if self._words is None:
            texts = (text for t in self.topics().values() for text in (t.title, *t.keywords))
            words = tuple(sorted({w for text in texts for w in tokenize(text)}))
            with self._lock:
                self._words = words
        return self._words

    def topic(self, number: str) -> KleTopic | None:
        """The topic numbered ``number``, if any."""
        return self.topics().get(number)

    def unknown_numbers(self, dataset: Dataset) -> list[Problem]:
        """The KLE numbers of ``dataset``'s records that name no topic of the catalogue.

        Notices, not errors: a number newer than this copy of KLE is no mistake, but
        "99.99.99" would be shown as a KLE number everywhere and lead no question to its task.

        >>> from orgmodel.records import NODE_ADAPTER
        >>> catalogue = KleCatalogue.of([KleTopic("81.15.00", "Løn", ())], Synonyms([]))
        >>> task = NODE_ADAPTER.validate_python({"id": "task:x", "kind": "Task", "name": "X",
        ...     "kle": "99.99.99", "source": "seed", "confidence": "high"})
        >>> [p.message for p in catalogue.unknown_numbers(Dataset.build([task], []))]
        ['99.99.99 is no topic of the KLE catalogue: check the number']
        """
        return [dataset.problem(node.id, f"{kle} is no topic of the KLE catalogue: check the "
                                "number", record_id=node.id, field_name="kle")
                for node in dataset.nodes.values()
                if isinstance(kle := getattr(node, "kle", None), str)
                and self.topic(_padded(kle)) is None]

    def search(self, query: str, *, limit: int = 8) -> list[TopicHit]:
        """The topics ``query`` fits, best first."""
        topics, index = self._built()
        return [TopicHit(hit.id[4:], topics[hit.id[4:]].title, hit.score)
                for hit in index.search(query, limit=limit)]


def route(query: str, hits: Sequence[tuple[str, float]], tasks_under: Callable[[str], list[str]],
          catalogue: KleCatalogue) -> list[Matched]:
    """The tasks that answer ``query``: the model's own ``hits``, completed or corrected by KLE.

    Parameters
    ----------
    query : str
        The question, free text.
    hits : sequence of (task id, score)
        The tasks the model's search found, best first.
    tasks_under : callable
        Task ids (alive on the day asked about) classified with a KLE number (``NN.NN.NN``),
        or anywhere in a main group (``NN``).
    catalogue : KleCatalogue
        Every KLE topic.
    """
    own: list[Matched] = [(task, score, ()) for task, score in hits]
    best_task = hits[0][1] if hits else 0.0
    if best_task + ROUTE_MARGIN > 1.0:  # no topic can beat it (scores are at most 1)
        return own
    topics = catalogue.search(query)
    if not topics or topics[0].score < max(ROUTE_MIN, best_task + ROUTE_MARGIN):
        return own
    near = [t for t in topics if t.score >= topics[0].score * NEAR]
    for topic in near:
        if found := _nearest(topic, tasks_under, catalogue):
            # A task the question met on its own words (an alias written whole: "løn") was
            # not found through KLE, whatever the topic adds to its score: no note says so.
            mine = {task for task, score in hits if score >= OWN_WORDS}
            return _ranked(own + [(task, score, () if task in mine else notes)
                                  for task, score, notes in found])
    if best_task < OWN_WORDS and not any(tasks_under(t.number[:2]) for t in near):
        return []  # work outside the model: a match on a stray word is no answer
    return own


def route_number(number: str, tasks_under: Callable[[str], list[str]],
                 catalogue: KleCatalogue) -> list[Matched]:
    """The tasks for a KLE number no task is filed under: those one or two levels up.

    ``81.28`` or ``81.28.08`` without a task of their own lead to the task for the group in
    general (``81.28.00``), else for the main group (``81.00.00``), with a note saying so. A
    number that is no KLE topic leads nowhere.
    """
    topic = catalogue.topic(_padded(number))
    if topic is None:
        return []
    return _nearest(TopicHit(topic.number, topic.title, 1.0), tasks_under, catalogue)


def _nearest(topic: TopicHit, tasks_under: Callable[[str], list[str]],
             catalogue: KleCatalogue) -> list[Matched]:
    """The tasks filed under ``topic``, else under its group's or main group's general topic.

    Scored by the topic's score and the level, with a note on how they were found.
    """
    for level, (cut, share) in enumerate(_LEVELS):
        number = _padded(topic.number[:cut])
        if found := tasks_under(number):
            general = catalogue.topic(number)
            # (KLE's titles are Danish: quoted so in an English note)
            why = (note("kle_topic", topic.number, (topic.title, None)) if level == 0 else
                   note("kle_nearest", topic.number, (topic.title, None), number,
                        (general.title, None) if general else number))
            score = round(topic.score * share, 4)
            return [(task, score, (why,)) for task in found]
    return []


def hint(query: str, catalogue: KleCatalogue) -> TopicHit | None:
    """The KLE topic a question fits, for saying where it belongs when no task answers it.

    A KLE number is its own topic (a group or main group: its general topic); text needs a
    topic that fits well.

    Examples
    --------
    >>> from orgmodel.search import Synonyms
    >>> catalogue = KleCatalogue.of([KleTopic("02.34.00", "Byggetilladelse", ())], Synonyms([]))
    >>> hint("02.34", catalogue), hint("byggetilladelse", catalogue).number, hint("vej", catalogue)
    (TopicHit(number='02.34.00', title='Byggetilladelse', score=1.0), '02.34.00', None)
    """
    query = query.strip()
    if is_kle_number(query):
        topic = catalogue.topic(_padded(query))
        return TopicHit(topic.number, topic.title, 1.0) if topic else None
    # "1" alone names no work (it met "Industri- og lagerbygninger i 1 etage"), nor "it" in
    # "who fixes it" IT.
    query = without_pronoun_it(query)
    found = catalogue.search(query, limit=1) if without_lone_tokens(query).strip() else []
    return found[0] if found and found[0].score >= ROUTE_MIN else None


def _padded(number: str) -> str:
    """The topic that stands for a KLE number: 81 → 81.00.00, 81.28 → 81.28.00."""
    return number + ".00" * ((8 - len(number)) // 3)


def _ranked(matched: list[Matched]) -> list[Matched]:
    """Each task once (its best match), best first, ties by id, the weak ones dropped."""
    best: dict[str, Matched] = {}
    for entry in matched:
        if entry[0] not in best or entry[1] > best[entry[0]][1]:
            best[entry[0]] = entry
    ranked = sorted(best.values(), key=lambda entry: (-entry[1], entry[0]))
    return [entry for entry in ranked if entry[1] >= ranked[0][1] * OWNER_MATCH_RATIO]


def load_kle_catalogue(path: Path) -> list[KleTopic]:
    """Read a file written by :func:`write_kle_catalogue`.

    Raises
    ------
    OSError
        If the file cannot be read.
    ValueError
        If it is not a catalogue (the message names the file and the entry).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc}") from exc
    entries = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected an object with a 'topics' list")
    topics = []
    for i, entry in enumerate(entries, start=1):
        match entry:
            case [str(number), str(title), list(keywords)] if is_kle_number(number) and all(
                    isinstance(k, str) for k in keywords):
                topics.append(KleTopic(number, title, tuple(keywords)))
            case _:
                raise ValueError(f"{path}: topic {i}: expected [number, title, [keywords]]")
    return topics


def write_kle_catalogue(topics: Iterable[KleTopic], source: str) -> str:
    """Every topic as the catalogue's JSON, one topic a line (readable diffs).

    Examples
    --------
    >>> print(write_kle_catalogue([KleTopic("81.15.00", "Løn", ("ok01", "Lønning"))], "x"))
    {"source": "x", "licence": "MPL-2.0", "keywords": "the 12 weightiest per topic", "topics": [
    ["81.15.00", "Løn", ["Lønning"]]
    ]}
    """
    head = {"source": source, "licence": "MPL-2.0",
            "keywords": f"the {CATALOGUE_KEYWORDS} weightiest per topic"}
    lines = [json.dumps([t.number, t.title, useful_keywords(t)[:CATALOGUE_KEYWORDS]],
                        ensure_ascii=False) for t in sorted(topics, key=lambda t: t.number)]
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "topics": [\n' + ",\n".join(lines) + \
        "\n]}"


def main(argv: list[str] | None = None) -> int:
    """Command line: write the catalogue; 0 on success, 1 (and a message) if not."""
    parser = argparse.ArgumentParser(
        prog="python -m orgmodel.kle_catalogue",
        description="Write every topic of an OS2KLE file as the catalogue that routes "
        "questions no task in the model answers.",
        epilog="Example: python -m orgmodel.kle_catalogue ../shared/data/kle/OS2KLE.txt "
        "--out data/kle/catalogue.json",
    )
    parser.add_argument("source", type=Path, help="OS2KLE.txt (one topic a line)")
    parser.add_argument("--out", type=Path, required=True, help="JSON file to write")
    parser.add_argument("--label", default="OS2KLE v3.23 (KLE, February 2026)",
                        help="what the source is, written into the file")
    args = parser.parse_args(argv)
    return convert_os2kle(args.source, args.out, lambda topics: (
        write_kle_catalogue(topics, args.label) + "\n", len(topics)))

if __name__ == "__main__":
    raise SystemExit(main())
