"""Names of the KLE main groups (hovedgrupper), the first two digits of a KLE number.

``data/kle/kle.yaml`` holds only the KLE topics the dataset uses (``81.15.00`` …), not the
main groups, so their names are kept here. Source: KLE-online's list of main groups (KL,
Kommunernes Landsforening), as reproduced in the OS2 and Digitaliseringsstyrelsen documents.

Examples
--------
>>> group_label("81"), group_label("42"), group_label(None)
('81 Kommunens personale', '42', 'Uden KLE')
"""

from __future__ import annotations

from orgmodel.messages import Lang

__all__ = ["KLE_MAIN_GROUPS", "group_label"]

KLE_MAIN_GROUPS: dict[str, str] = {
    "00": "Kommunens styrelse",
    "01": "Fysisk planlægning og naturbeskyttelse",
    "02": "Byggeri",
    "03": "Boliger",
    "04": "Parker, fritids-/idrætsanlæg og landskabspleje mv.",
    "05": "Veje og trafik",
    "06": "Spildevand og vandløb",
    "07": "Affald og genanvendelse",
    "08": "Havne og lufthavne",
    "09": "Miljøbeskyttelse",
    "13": "Forsyning",
    "14": "Beredskab",
    "15": "Arbejdsmarked og beskæftigelsesindsats",
    "17": "Folkeskoleundervisning",
    "18": "Folkeoplysning og ungdomsskoler",
    "19": "Kulturhistoriske institutioner",
    "20": "Kulturvirksomhed",
    "21": "Biblioteker",
    "22": "Regulering af private erhverv",
    "23": "Borgerlige forhold",
    "24": "Erhvervsforhold",
    "25": "Beskatning",
    "27": "Social service",
    "28": "Dagtilbud",
    "29": "Sundhed",
    "30": "Andre myndigheders opgaver",
    "32": "Kontante ydelser",
    "54": "Uddannelse",
    "81": "Kommunens personale",
    "82": "Kommunens ejendomme og lokaler",
    "83": "Kommunens driftsmidler og inventar",
    "84": "Offentlige valg",
    "85": "Kommunens administrative systemer",
    "86": "Kommunens selvforsyning og fremstillingsvirksomhed",
    "87": "Kommunens arbejdsmiljø",
    "88": "Kommunens indkøb og udbud",
}


def group_label(group: str | None, lang: Lang = "da") -> str:
    """The heading of a main group: number and name (Danish, as KLE has no English names)."""
    if group is None:
        return "Uden KLE" if lang == "da" else "No KLE"
    name = KLE_MAIN_GROUPS.get(group)
    return f"{group} {name}" if name else group
