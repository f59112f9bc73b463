"""What a sound data folder holds that is still worth a look: notices, not errors.

``orgmodel validate`` prints them after "valid" (and ``--json`` lists them under
``notices``); they stop nothing from loading.

* A KLE number no topic of the catalogue has (:meth:`KleCatalogue.unknown_numbers`).
* Two records of one kind with the same name at the same time: a question or a search that
  names it meets both, and a reader cannot tell them apart. Often one record written twice
  under two ids; else two things that need names that tell them apart.

Examples
--------
>>> from orgmodel.dataset import Dataset
>>> from orgmodel.records import NODE_ADAPTER
>>> def unit(**kw):
...     return NODE_ADAPTER.validate_python({"kind": "Unit", "level": "enhed", "source": "seed",
...                                         "confidence": "high", **kw})
>>> twice = Dataset.build([unit(id="unit:lon", name="Løn"), unit(id="unit:loen", name="LØN"),
...                        unit(id="unit:it", name="IT", valid_to="2023-12-31"),
...                        unit(id="unit:it-2024", name="IT", valid_from="2024-01-01")], [])
>>> [(p.record_id, p.message[:63]) for p in same_names(twice)]
[('unit:loen', 'the same name as unit:lon (at <data>:0), another Unit at the sa')]
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from orgmodel.dataset import Dataset
from orgmodel.exceptions import Problem
from orgmodel.kle_catalogue import KleCatalogue
from orgmodel.records import AnyNode

__all__ = ["notices_of", "same_names"]


def notices_of(dataset: Dataset, catalogue: KleCatalogue) -> list[Problem]:
    """Every notice on ``dataset``, in the order of the kinds above."""
    return [*catalogue.unknown_numbers(dataset), *same_names(dataset)]


def same_names(dataset: Dataset) -> list[Problem]:
    """A notice on each record named as an earlier one of its kind while both hold.

    Names are compared as a reader sees them: case and runs of spaces aside. Records that
    follow one another (a unit that ends the day before its successor of the same name
    begins) are no notice.
    """
    named: dict[tuple[str, str], list[AnyNode]] = defaultdict(list)
    notices: list[Problem] = []
    for node in dataset.nodes.values():
        earlier = named[(node.kind, " ".join(node.name.casefold().split()))]
        if first := next((other for other in earlier if _overlap(other, node)), None):
            where = dataset.origin(first.id)
            notices.append(dataset.problem(
                node.id, f"the same name as {first.id} (at {where.file}:{where.line}), "
                f"another {node.kind} at the same time: a question naming it meets both; merge "
                "the two if they are one, or give each a name that tells them apart",
                record_id=node.id, field_name="name"))
        earlier.append(node)
    return notices


def _overlap(one: AnyNode, other: AnyNode) -> bool:
    return (max(one.valid_from or date.min, other.valid_from or date.min)
            <= min(one.valid_to or date.max, other.valid_to or date.max))
