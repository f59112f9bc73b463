"""What a sync did: added, changed, removed and moved counts, and the graph version after it.

Examples
--------
>>> report = SyncReport(nodes=Counts(added=2), version=3)
>>> print(report.summary())
nodes: 2 added, 0 changed, 0 removed
edges: 0 added, 0 changed, 0 removed
sources: 0 added, 0 changed, 0 removed
graph version 3
>>> SyncReport(version=3).summary()
'no changes (graph version 3)'
>>> print(report.summary("da").splitlines()[0])
noder: 2 tilføjet, 0 ændret, 0 fjernet
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orgmodel.messages import Lang

__all__ = ["Counts", "SyncReport"]


@dataclass
class Counts:
    """What a sync did to one sort of record."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    moved: int = 0  # only the file/line it was read from changed

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.moved)

    def __str__(self) -> str:
        return self.said("en")

    def said(self, lang: Lang) -> str:
        """The counts in words, in ``lang``."""
        added, changed, removed, moved = _WORDS["counts"][lang == "en"]
        text = f"{self.added} {added}, {self.changed} {changed}, {self.removed} {removed}"
        return text + (f" ({self.moved} {moved})" if self.moved else "")


_SHOWN = 10
_OVERWRITTEN = (
    "overskrevet af filerne: {count} post(er) rettet over API'et ({keys}); deres historik "
    "viser det (orgmodel history ID)",
    "overwritten by the files: {count} record(s) written over the API ({keys}); their "
    "history shows it (orgmodel history ID)")
_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "counts": (("tilføjet", "ændret", "fjernet", "flyttet i filerne"),
               ("added", "changed", "removed", "moved in the files")),
    "parts": (("noder", "relationer", "kilder", "grafversion", "ingen ændringer"),
              ("nodes", "edges", "sources", "graph version", "no changes")),
}


@dataclass
class SyncReport:
    """The outcome of a sync: counts per sort of record and the graph version after it."""

    nodes: Counts = field(default_factory=Counts)
    edges: Counts = field(default_factory=Counts)
    sources: Counts = field(default_factory=Counts)
    version: int = 0
    #: Records written over the API whose edit the load undid (each logged by ``load``).
    overwritten: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the sync wrote anything."""
        return bool(self.nodes or self.edges or self.sources)

    def summary(self, lang: Lang = "en") -> str:
        """A few lines for people, in ``lang``."""
        nodes, edges, sources, version, none = _WORDS["parts"][lang == "en"]
        if not self.changed:
            return f"{none} ({version} {self.version})"
        undone = ""
        if self.overwritten:
            shown = ", ".join(self.overwritten[:_SHOWN])
            more = len(self.overwritten) - _SHOWN
            undone = "\n" + _OVERWRITTEN[lang == "en"].format(
                count=len(self.overwritten), keys=shown + (f" (+{more})" if more > 0 else ""))
        return (f"{nodes}: {self.nodes.said(lang)}\n{edges}: {self.edges.said(lang)}\n"
                f"{sources}: {self.sources.said(lang)}\n{version} {self.version}{undone}")
