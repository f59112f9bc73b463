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

__all__ = ["KLE_MAIN_GROUPS", "KLE_MAIN_GROUPS_EN", "group_label"]

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


#: English names of the main groups: KLE has none, so these are orgmodel's own translations,
#: for the pages' English version.
KLE_MAIN_GROUPS_EN: dict[str, str] = {
    "00": "Municipal governance",
    "01": "Spatial planning and nature conservation",
    "02": "Building",
    "03": "Housing",
    "04": "Parks, leisure and sports facilities, landscape care",
    "05": "Roads and traffic",
    "06": "Waste water and watercourses",
    "07": "Waste and recycling",
    "08": "Harbours and airports",
    "09": "Environmental protection",
    "13": "Utilities",
    "14": "Emergency services",
    "15": "Labour market and employment",
    "17": "Primary and lower secondary schooling",
    "18": "Adult education and youth schools",
    "19": "Cultural heritage institutions",
    "20": "Cultural activities",
    "21": "Libraries",
    "22": "Regulation of private business",
    "23": "Civil affairs",
    "24": "Business affairs",
    "25": "Taxation",
    "27": "Social services",
    "28": "Day care",
    "29": "Health",
    "30": "Tasks for other authorities",
    "32": "Cash benefits",
    "54": "Education",
    "81": "Municipal staff",
    "82": "Municipal buildings and premises",
    "83": "Municipal equipment and furniture",
    "84": "Public elections",
    "85": "Municipal administrative systems",
    "86": "Municipal self-supply and production",
    "87": "Municipal working environment",
    "88": "Municipal purchasing and tendering",
}


def group_label(group: str | None, lang: Lang = "da") -> str:
    """The heading of a main group: number and name (KLE's Danish, or orgmodel's English).

    >>> group_label("81", "en")
    '81 Municipal staff'
    """
    if group is None:
        return "Uden KLE" if lang == "da" else "No KLE"
    name = (KLE_MAIN_GROUPS_EN if lang == "en" else KLE_MAIN_GROUPS).get(group)
    return f"{group} {name}" if name else group
