"""The shared vocabulary of search: KLE topics and Danish↔English synonyms.

They live in the project's ``data/`` folder (``data/kle/kle.yaml``, the whole catalogue in
``data/kle/catalogue.json``, ``data/vocabulary/synonyms.yaml``), apart from any one
municipality's data, so a synthetic or another municipality's data folder searches with the
same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orgmodel.kle import KleTopic, load_kle_subset
from orgmodel.kle_catalogue import KleCatalogue
from orgmodel.records import AnyNode
from orgmodel.search import SearchDoc, Synonyms, load_synonyms
from orgmodel.text import without_remark

__all__ = ["DATA_ROOT", "DEFAULT_DATA_DIR", "Vocabulary", "load_vocabulary", "search_docs"]

#: The project's data folder (the package is installed in place, ``pip install -e .``).
DATA_ROOT = Path(__file__).resolve().parent.parent / "data"
DEFAULT_DATA_DIR = DATA_ROOT / "albertslund"


@dataclass(frozen=True)
class Vocabulary:
    """KLE topics by number and the synonym groups."""

    kle: dict[str, KleTopic]
    synonyms: Synonyms
    catalogue: KleCatalogue  # every KLE topic, read when a question first needs it


@lru_cache(maxsize=4)
def load_vocabulary(root: Path = DATA_ROOT) -> Vocabulary:
    """Read the KLE subset and the synonyms under ``root`` (cached: fixed at run time)."""
    synonyms = load_synonyms(root / "vocabulary" / "synonyms.yaml")
    return Vocabulary(
        kle=load_kle_subset(root / "kle" / "kle.yaml"),
        synonyms=synonyms,
        catalogue=KleCatalogue.from_file(root / "kle" / "catalogue.json", synonyms),
    )


def search_docs(nodes: Iterable[AnyNode], vocabulary: Vocabulary) -> list[SearchDoc]:
    """Search documents for ``nodes``; tasks get the keywords of their KLE topic.

    From the subset of topics the bundled data uses (40 keywords each), else, for another
    organisation's tasks, from the whole catalogue (12 each).
    """
    docs = []
    for node in nodes:
        kle = getattr(node, "kle", None)
        keywords: tuple[str, ...] = ()
        topic = (vocabulary.kle.get(kle) or vocabulary.catalogue.topics().get(kle)) if kle else None
        if topic is not None:
            keywords = (topic.title, *topic.keywords)
        docs.append(
            SearchDoc(
                id=node.id,
                kind=str(node.kind),
                name=node.name,
                name_en=node.name_en,
                # ... and its names without the remark in brackets after them: "Home Care
                # North" is "Home Care North (name not confirmed)"
                aliases=tuple(dict.fromkeys((*node.aliases, *filter(None, (
                    without_remark(node.name), without_remark(node.name_en or "")))))),
                description=node.description,
                keywords=keywords,
                kle=kle,
            )
        )
    return docs
