"""The stakeholder map's table as CSV, to work on in a spreadsheet.

The new chief maps her stakeholders in a spreadsheet as much as on the map: the map's table
(whom to manage closely first, then keep satisfied, keep informed, monitor) is offered as a
file, served (``/views/stakeholders/csv``), beside a static site's map
(``stakeholders.csv``) and by ``orgmodel stakeholders --csv``.

Danish files are written as a Danish spreadsheet reads them: ``;`` between fields (the comma
is the decimal sign there), English ones with ``,``. Shares are whole percentages, so that no
decimal sign is needed. A cell that begins as a formula would (``=``, ``+``, ``-``, ``@``) gets
a ``'`` before it: text from the data is never run as a formula.

Examples
--------
>>> from viz.builders import ViewGraph
>>> graph = ViewGraph("stakeholders", [{"id": "post:d", "label": "Direktør"}], [], {}, 1,
...                   table=[{"id": "post:d", "influence": 0.964, "interest": 1.0,
...                           "quadrant": "manage", "distance": 1, "via": ["Chefforum"],
...                           "tie": "refererer til Direktør"}])
>>> for line in stakeholders_csv(graph, "da").splitlines():
...     print(line)
Navn;Indflydelse (%);Interesse (%);Strategi;Afstand;Forbindelse;Mødes i;Id
Direktør;96;100;Håndter tæt;1;refererer til Direktør;Chefforum;post:d
"""

from __future__ import annotations

import csv
import io

from orgmodel.messages import Lang, unmarked
from viz.builders import ViewGraph
from viz.texts import ui

__all__ = ["BOM", "CSV_MEDIA_TYPE", "csv_cell", "stakeholders_csv"]

#: What a CSV file is served as (with its character set: Danish letters).
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"

#: Before a file's first field: without it a spreadsheet opened by a double click reads the
#: file in the machine's old code page, and "Økonomi" comes out as "Ã˜konomi".
BOM = "\ufeff"

#: What a spreadsheet reads as the start of a formula (and a tab or return, which some do).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    r"""``text`` as a spreadsheet shows it and never runs it: a formula's start made text.

    >>> csv_cell('=HYPERLINK("x")'), csv_cell("Borgmester"), csv_cell("-")
    ('\'=HYPERLINK("x")', 'Borgmester', "'-")
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def stakeholders_csv(graph: ViewGraph, lang: Lang) -> str:
    """The stakeholder map's table (``graph.table``) as CSV, a header and a row a stakeholder."""
    labels = {node["id"]: node["label"] for node in graph.nodes}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "da" else ",", lineterminator="\r\n")
    writer.writerow([ui("name", lang), ui("influence", lang) + " (%)",
                     ui("interest", lang) + " (%)", ui("quadrant", lang),
                     ui("focus_depth", lang), ui("tie", lang), ui("via", lang), "Id"])
    for score in graph.table or []:
        writer.writerow([csv_cell(labels.get(score["id"], score["id"])),
                         round(score["influence"] * 100), round(score["interest"] * 100),
                         ui("q_" + score["quadrant"], lang), score["distance"],
                         # (without the marks of their Danish names: viz.builders.said_of)
                         csv_cell(unmarked(score["tie"])),
                         csv_cell(unmarked(", ".join(score["via"]))),
                         csv_cell(score["id"])])
    return out.getvalue()
