"""Every word the views show, in Danish (the default) and English.

The templates and the browser code read the same table: the server renders the page in one
language and hands the browser the strings it needs as JSON, so a string exists in one place.

Examples
--------
>>> ui("search", "da"), ui("search", "en")
('Søg', 'Search')
>>> edge_name("REPORTS_TO", "en")
'reports to'
>>> kind_name("Body", "da")
'Politisk organ'
"""

from __future__ import annotations

from orgmodel.messages import CONFIDENCE_NAMES, EDGE_NAMES, KIND_NAMES, Lang, edge_name, t

__all__ = ["EDGE_NAMES", "TEXT_MOST", "UI", "browser_texts", "edge_name", "kind_name", "lang_of",
           "ui"]

#: The most characters a question, search, name or id the pages send may have (as the API's).
TEXT_MOST = 200

#: UI strings: key -> (Danish, English).
UI: dict[str, tuple[str, str]] = {
    "app_title": ("{org} – organisationen", "{org} – the organisation"),
    "app_title_plain": ("Organisationen", "The organisation"),
    "start_title": ("Organisationen i overblik", "The organisation at a glance"),
    "who_owns": ("Hvem har ansvaret for …?", "Who is responsible for …?"),
    "for_example": ("fx", "e.g."),
    "who_owns_hint": ("fx løn, indkøb, budgetopfølgning, IT-support",
                      "e.g. payroll, procurement, budget follow-up"),
    "ask": ("Spørg", "Ask"),
    "answers_for": ("Svar på »{q}«", "Answers for “{q}”"),
    "answer_said": ("{count} svar på »{q}«.", "{count} answer for “{q}”."),
    "answers_said": ("{count} svar på »{q}«.", "{count} answers for “{q}”."),
    "site_as_of": ("Denne side viser organisationen pr. {date}, da den blev bygget: den svarer "
                   "ikke for {asked}.",
                   "This page holds the organisation as of {date}, when it was built: it does "
                   "not answer for {asked}."),
    "page_as_of": ("Siden viser organisationen pr. {date}.",
                   "This page shows the organisation as of {date}."),
    "page_ahead": ("Datoen ligger efter i dag: siden viser, hvad data i dag ved om den dag "
                   "(planlagte ændringer medregnet).",
                   "The date is after today: the page shows what the data knows today of that "
                   "day (planned changes included)."),
    "show_today": ("Vis i dag", "Show today"),
    "error_title": ("Siden kan ikke vises", "The page cannot be shown"),
    "error_did_you_mean": ("Mente du:", "Did you mean:"),
    "error_retry": ("Vis siden uden {what}", "Show the page without {what}"),
    "retry_as_of": ("datoen", "the date"),
    "retry_post": ("stillingen", "the post"),
    "retry_node": ("det valgte", "the selection"),
    "error_start": ("Til forsiden", "To the start page"),
    "error_no_view": ("Der er ingen visning, der hedder »{name}«.",
                      "There is no view called “{name}”."),
    "error_no_page": ("Der er ingen side på adressen »{path}«.",
                      "There is no page at the address “{path}”."),
    "error_no_post": ("Ingen stilling hedder »{name}«.", "No post is called “{name}”."),
    "error_post_not_on_date": ("Stillingen »{name}« gælder ikke pr. {day}, men {span}.",
                               "The post “{name}” does not hold on {day}; it holds {span}."),
    "map_of": ("Interessentkort for", "Stakeholder map of"),
    "view_empty": ("Visningen er tom: data har intet at vise her på denne dato.",
                   "The view is empty: the data has nothing to show here on this date."),
    # ... and what a view is drawn from, for the one who keeps the data
    "empty_case-route": ("Visningen er tom: data har ingen politisk sagsgang på denne dato "
                         "(ingen relation SUBMITS_TO, hvor et organ sender sager videre til et "
                         "andet).",
                         "The view is empty: the data has no political case route on this date "
                         "(no SUBMITS_TO relation, where a body sends cases on to another)."),
    "empty_collaboration": ("Visningen er tom: data har intet samarbejde på denne dato (ingen "
                            "relation COLLABORATES_WITH).",
                            "The view is empty: the data has no collaboration on this date (no "
                            "COLLABORATES_WITH relation)."),
    "empty_responsibilities": ("Visningen er tom: data har ingen opgaver med ejere på denne dato "
                               "(ingen relation RESPONSIBLE_FOR).",
                               "The view is empty: the data has no tasks with owners on this "
                               "date (no RESPONSIBLE_FOR relation)."),
    "no_posts_page": ("Data har ingen stillinger på denne dato, og et interessentkort tegnes for "
                      "en stilling.",
                      "The data has no posts on this date, and a stakeholder map is drawn for a "
                      "post."),
    "post_chosen": ("Ingen stilling angivet: stillingen med flest relationer er valgt. Angiv "
                    "en anden som POST, eller sæt ORGMODEL_DEFAULT_POST til den, kortet skal "
                    "vise, når ingen er angivet.",
                    "No post given: the post with the most relations is chosen. Name another "
                    "as POST, or set ORGMODEL_DEFAULT_POST to the one the map shows when none "
                    "is given."),
    "post_chosen_page": ("Ingen stilling valgt: visningen er tegnet for stillingen med flest "
                         "relationer, {name}.",
                         "No post chosen: the view is drawn for the post with the most "
                         "relations, {name}."),
    "no_posts": ("Data har ingen stillinger den {date}, og et interessentkort tegnes for en "
                 "stilling.",
                 "The data has no posts on {date}, and a stakeholder map is drawn for a post."),
    "post_twice": ("Angiv stillingen én gang: som POST eller med --post.",
                   "Give the post once: as POST or with --post."),
    "error_not_post": ("»{name}« er {kind}, ikke en stilling: et interessentkort tegnes for en "
                       "stilling.",
                       "“{name}” is {kind}, not a post: a stakeholder map is drawn for a post."),
    "error_no_node": ("Intet i organisationen har id'et »{name}«.",
                      "Nothing in the organisation has the id “{name}”."),
    "error_date": ("Datoen »{value}« kan ikke læses: skriv den som ÅÅÅÅ-MM-DD, fx 2024-06-01.",
                   "The date “{value}” cannot be read: write it as YYYY-MM-DD, e.g. 2024-06-01."),
    "error_no_day": ("Datoen »{value}« er ikke en dag i kalenderen.",
                     "The date “{value}” is not a day in the calendar."),
    "error_param": ("Adressen har en værdi, siden ikke kan bruge: {field} = »{value}« ({why}).",
                    "The address holds a value the page cannot use: {field} = “{value}” ({why})."),
    # why a value cannot be used, by pydantic's error type (viz.errors); others say pydantic's
    "why_string_too_long": ("højst {max_length} tegn", "at most {max_length} characters"),
    "why_string_too_short": ("mindst {min_length} tegn", "at least {min_length} characters"),
    "why_int_parsing": ("ikke et helt tal", "not a whole number"),
    "why_greater_than_equal": ("mindst {ge}", "at least {ge}"),
    "why_less_than_equal": ("højst {le}", "at most {le}"),
    "no_answer": ("Intet svar på »{q}«. Prøv andre ord.", "No answer for “{q}”. Try other words."),
    "only_weak": ("Ingen opgave i modellen passer på hele spørgsmålet; de nærmeste nedenfor "
                  "passer kun på en del af det.",
                  "No task in the model fits the whole question; the nearest below fit only "
                  "part of it."),
    "owner": ("Ansvarlig", "Owner"),
    "owners": ("Ansvarlige (RACI)", "Owners (RACI)"),
    "accountable_post": ("Ansvarlig stilling", "Accountable post"),
    "escalation": ("Eskalation", "Escalation"),
    "kle": ("KLE", "KLE"),
    "kle_group": ("KLE-hovedgruppe", "KLE main group"),
    "notes": ("Bemærk", "Notes"),
    "views": ("Visninger", "Views"),
    "view_org": ("Organisationsdiagram", "Organisation chart"),
    "view_org_intro": ("Fra det politiske niveau til teams, med stillinger.",
                       "From the political level down to teams, with posts."),
    "view_collaboration": ("Samarbejdsnetværk", "Collaboration network"),
    "view_collaboration_intro": (
        "Samarbejde, deltagelse og afhængigheder på tværs af afdelinger.",
        "Collaboration, participation and dependencies across departments."),
    "view_stakeholders": ("Interessentkort", "Stakeholder map"),
    "view_stakeholders_intro": (
        "En stillings netværk og interessenternes indflydelse og interesse.",
        "A post's network and its stakeholders' influence and interest."),
    "view_responsibilities": ("Ansvarskort", "Responsibility map"),
    # An answer's link: every answer's read "Ansvarskort" alike, out of context.
    "task_on_map": ("Se »{task}« på ansvarskortet", "See “{task}” on the responsibility map"),
    # ... and a hint's, to the view that draws what it names
    "node_on_org": ("Se »{name}« i organisationsdiagrammet", "See “{name}” in the org chart"),
    "node_on_collaboration": ("Se »{name}« i samarbejdsnetværket",
                              "See “{name}” in the collaboration network"),
    "view_responsibilities_intro": ("Opgaver og deres ansvarlige (RACI), ordnet efter KLE.",
                                    "Tasks and their owners (RACI), grouped by KLE."),
    "view_case_route": ("Politisk sagsgang", "Political case route"),
    "view_case_route_intro": (
        # The route the law gives every municipality, by its common nouns: the data names the
        # bodies ("Byrådet" where another says "Kommunalbestyrelsen").
        "Fagudvalg → økonomiudvalg → kommunalbestyrelse (byråd), og hvor stillingen og dens "
        "enheder deltager.",
        "Standing committee → finance committee → municipal council, and where the post and its "
        "units take part."),
    "route_post": ("Stillingen:", "The post:"),
    "route_post_apart": ("Stillingen tager ikke del i sagsgangen, så vidt data siger.",
                         "The post takes no part in the case route, as far as the data says."),
    "search": ("Søg", "Search"),
    "search_placeholder": ("Søg efter enhed, stilling, opgave …", "Search for unit, post, task …"),
    "search_none": ("Ingen træf i denne visning.", "No match in this view."),
    "search_empty": ("Skriv et navn eller ord at søge efter.",
                     "Type a name or word to search for."),
    "search_found": ("Fundet: {name}", "Found: {name}"),
    "search_results": ("Søgeresultater", "Search results"),
    "search_in_list": ("Listen viser dem, der er i visningen ({count}).",
                       "The list shows those that are in the view ({count})."),
    "png_caption": ("Pr. {date} · {url}", "As of {date} · {url}"),
    "png_saved": ("Billedet er gemt som {file}.", "The picture is saved as {file}."),
    "search_elsewhere": ("»{name}« er ikke i denne visning.", "\"{name}\" is not in this view."),
    "filters": ("Filtre", "Filters"),
    "kinds": ("Nodetyper", "Node kinds"),
    "edge_types": ("Relationstyper", "Relation types"),
    "filter_mode": ("Skjulte elementer", "Filtered items"),
    "mode_hide": ("skjul", "hide"),
    "mode_fade": ("ton ned", "fade"),
    "legend": ("Signaturforklaring", "Legend"),
    "low_confidence": ("Lav sikkerhed: ikke bekræftet", "Low confidence: not confirmed"),
    "focus": ("Fokus", "Focus"),
    "focus_depth": ("Afstand", "Depth"),
    "map_depth": ("Skridt fra stillingen", "Steps from the post"),
    # the static start page's answer to a question of yes or no naming two (viz.start_between)
    # as the command line says it (orgmodel.messages), one text for both
    "no_phone_numbers": (t("no_phone_numbers", "da"), t("no_phone_numbers", "en")),
    "no_amounts": (t("no_amounts", "da"), t("no_amounts", "en")),
    "not_who_not": (t("not_who_not", "da"), t("not_who_not", "en")),
    "between_held": ("Data har: {said}.", "The data holds: {said}."),
    "between_none": ("Data har ingen direkte relation mellem {one} og {other}.",
                     "The data holds no direct relation between {one} and {other}."),
    "between_as_post": ("som {post}", "as {post}"),
    "focus_clear": ("Vis alt", "Show all"),
    "focus_hint": ("Vælg en node og tryk Fokus.", "Select a node and press Focus."),
    "focus_parts": ("Noder under {name} i hierarkiet tæller som ét skridt: {count}.",
                    "Nodes under {name} in the hierarchy count as one step: {count}."),
    "focus_hidden": ("Skjult af filteret, så fokus ikke følger dem: {types}. Slå dem til under "
                     "Relationer.",
                     "Hidden by the filter, so the focus does not follow them: {types}. Turn "
                     "them on under Relations."),
    "path": ("Vej mellem to noder", "Path between two nodes"),
    "path_from": ("Fra", "From"),
    "path_to": ("Til", "To"),
    "path_show": ("Vis vej", "Show path"),
    "path_none": ("Ingen vej fundet.", "No path found."),
    "path_unknown": ("»{name}« er ikke i denne visning.", "\"{name}\" is not in this view."),
    "path_names": ("Skriv et navn i begge felter.", "Write a name in both fields."),
    "path_found": ("Vej: {steps}", "Path: {steps}"),
    "path_same": ("»{name}« er både start og mål: vælg to forskellige noder.",
                  "\"{name}\" is both start and end: choose two different nodes."),
    "as_of": ("Dato", "Date"),
    "as_of_apply": ("Vis på dato", "Show on date"),
    "permalink": ("Link til visningen", "Permalink"),
    "permalink_copied": ("Linket til denne visning er klar.", "The link to this view is ready."),
    "export_png": ("Gem som PNG", "Save as PNG"),
    "json_or_csv": ("Vælg --json eller --csv, ikke begge.", "Choose --json or --csv, not both."),
    "export_csv": ("Hent tabellen som CSV (regneark)",
                   "Download the table as CSV (spreadsheet)"),
    "language": ("English", "Dansk"),
    "table_twin": ("Tabel over noder og relationer", "Table of nodes and relations"),
    "table_link": ("Vis som tabel (tilgængelig)", "Show as table (accessible)"),
    "back_to_view": ("Tilbage til visningen", "Back to the view"),
    "nodes": ("Noder", "Nodes"),
    "edges": ("Relationer", "Relations"),
    "edges_hidden": ("Tegningen viser fra start {shown} af dem: disse relationstyper er skjult, "
                     "til de vælges i signaturforklaringen: {types}.",
                     "The drawing shows {shown} of them at first: these relation types are "
                     "hidden until chosen in the legend: {types}."),
    "twin_follows": ("Tabellerne følger tegningen: hvad filtre, fokus eller et emne skjuler i "
                     "tegningen, er skjult her også.",
                     "The tables follow the drawing: what filters, a focus or a topic hide in "
                     "the drawing is hidden here too."),
    "name": ("Navn", "Name"),
    "kind": ("Type", "Kind"),
    "source": ("Kilde", "Source"),
    "sources": ("Kilder", "Sources"),
    "view_written": ("{file}: {nodes} noder, {edges} relationer", "{file}: {nodes} nodes, "
                                                                   "{edges} edges"),
    "site_written": ("{folder}: {pages} sider, filer til siderne i {assets}",
                     "{folder}: {pages} pages, assets in {assets}"),
    "confidence": ("Sikkerhed", "Confidence"),
    "from": ("Fra", "From"),
    "to": ("Til", "To"),
    "relation": ("Relation", "Relation"),
    "details": ("Detaljer", "Details"),
    "description": ("Beskrivelse", "Description"),
    "shown_of": ("Viser {shown} af {total} noder. Dobbeltklik på en node (eller vælg den og "
                 "tryk Enter) for at folde den ud.",
                 "Showing {shown} of {total} nodes. Double-click a node (or select it and press "
                 "Enter) to expand it."),
    "filter_shown": ("Viser {shown} af {total} noder.", "Showing {shown} of {total} nodes."),
    "twin_shown": ("{shown} af {total} – som tegningen", "{shown} of {total} – as drawn"),
    "expanding": ("Henter …", "Loading …"),
    "grid": ("Indflydelse/interesse", "Influence/interest"),
    # said when the button switches (a screen reader heard nothing change)
    "grid_shown": ("Viser gitteret for indflydelse og interesse: interessenterne i fire felter "
                   "efter strategi.",
                   "Showing the influence/interest grid: the stakeholders in four quadrants by "
                   "strategy."),
    "network_shown": ("Viser netværket.", "Showing the network."),
    # How the grid's scores come about, said under its table (the new chief asked why a
    # stakeholder is where it is): orgmodel.analytics.
    "grid_explained": (
        "Indflydelse er gennemsnittet af den formelle placering i hierarkiet (det øverste "
        "politiske organ øverst, et trin mindre for hvert niveau; et udvalg eller forum har sit "
        "højeste medlems) "
        "og centraliteten i netværket, skaleret så den største er 100 %; ingen har mindre "
        "indflydelse end dem, der står under dem. Interesse er den stærkeste kæde af bånd til "
        "stillingen inden for to skridt; kolonnen Forbindelse viser den korteste (den stærkeste "
        "af dem), det, der binder den til stillingen i så få skridt som muligt. Strategien følger "
        "kvadranten: 50 % og derover er højt.",
        "Influence is the mean of the formal place in the hierarchy (the highest political body "
        "at the top, one step less a level; a committee or forum carries its most senior "
        "member's) "
        "and centrality in the network, scaled so that the greatest is 100 %; no one has less "
        "influence than those under them. Interest is the strongest chain of ties to the post "
        "within two steps; the Tie column shows the shortest (the strongest of those): what ties "
        "it to the post in as few steps as it takes. The strategy follows the quadrant: "
        "50 % and up is high."),
    "network": ("Netværk", "Network"),
    "influence": ("Indflydelse", "Influence"),
    "interest": ("Interesse", "Interest"),
    "quadrant": ("Strategi", "Strategy"),
    "q_manage": ("Håndter tæt", "Manage closely"),
    "q_satisfy": ("Hold tilfreds", "Keep satisfied"),
    "q_inform": ("Hold informeret", "Keep informed"),
    "q_monitor": ("Overvåg", "Monitor"),
    "steps": ("Skridt", "Steps"),
    "post": ("Stilling", "Post"),
    "change_post": ("Vis for stilling", "Show for post"),
    "topic": ("Emne", "Topic"),
    "all_topics": ("Alle emner", "All topics"),
    "strength": ("Styrke", "Strength"),
    "order": ("Trin", "Step"),
    "raci": ("RACI", "RACI"),
    "raci_A": ("Ansvarlig (accountable)", "Accountable"),
    "raci_R": ("Udførende (responsible)", "Responsible"),
    "raci_C": ("Rådgiver (consulted)", "Consulted"),
    "raci_I": ("Orienteres (informed)", "Informed"),
    "unowned": ("Uden ansvarlig", "No owner"),
    "skip_to_main": ("Spring til indholdet", "Skip to the content"),
    "skip_to_table": ("Spring til tabellen", "Skip to the table"),
    "skip_to_drawing": ("Spring til tegningen", "Skip to the drawing"),
    "drawing_role": ("tegning", "drawing"),
    "drawing_keys": ("Tastatur i tegningen: piletasterne vælger den nærmeste node i den "
                     "retning, Enter fokuserer på den valgte (eller henter mere af den) og Enter "
                     "igen viser alle, Escape fjerner valget, Skift og en piletast flytter "
                     "tegningen, + og − zoomer.",
                     "Keyboard in the drawing: the arrow keys select the nearest node that "
                     "way, Enter focuses on the one selected (or fetches more of it) and Enter "
                     "again shows all, Escape clears the selection, Shift and an arrow moves the "
                     "drawing, + and − zoom."),
    "key_none": ("Ingen node længere i den retning.", "No node further that way."),
    "key_cleared": ("Intet valgt.", "Nothing selected."),
    "key_nothing": ("Intet valgt: vælg en node med piletasterne først.",
                    "Nothing selected: select a node with the arrow keys first."),
    "key_hidden": ("{name} er skjult af et filter; vælg en synlig node med piletasterne.",
                   "{name} is hidden by a filter; select a shown node with the arrow keys."),
    "key_more": ("Enter henter mere.", "Enter fetches more."),
    "no_js": ("Diagrammet kræver JavaScript; tabellen nedenfor viser det samme.",
              "The diagram needs JavaScript; the table below shows the same."),
    "role": ("Rolle", "Role"),
    "via": ("Mødes i", "Meets in"),
    "tie": ("Forbindelse", "Tie"),
    **{f"conf_{level}": words for level, words in CONFIDENCE_NAMES.items()},
    "static_note": ("Statisk udgave; data fra {date}.", "Static edition; data as of {date}."),
}

_EXTRA_KINDS: dict[str, tuple[str, str]] = {"KleGroup": ("KLE-hovedgruppe", "KLE main group")}


def lang_of(value: str | None) -> Lang:
    """The language asked for (``en`` or else Danish), by a language tag in any case.

    Examples
    --------
    >>> lang_of("en"), lang_of("fr"), lang_of(None)
    ('en', 'da', 'da')
    >>> lang_of("en-GB"), lang_of("EN"), lang_of("en_US"), lang_of("english")
    ('en', 'en', 'en', 'da')
    """
    primary = (value or "").replace("_", "-").split("-")[0].lower()
    return "en" if primary == "en" else "da"


def ui(key: str, lang: Lang, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``values`` filled in."""
    da, en = UI[key]
    text = da if lang == "da" else en
    return text.format(**values) if values else text


def kind_name(kind: str, lang: Lang) -> str:
    """The display name of a node kind."""
    pair = KIND_NAMES.get(kind) or _EXTRA_KINDS.get(kind) or (kind, kind)
    return pair[0] if lang == "da" else pair[1]


def browser_texts(lang: Lang) -> dict[str, str]:
    """The strings the browser code needs, in one language."""
    keys = ("search_none", "search_empty", "search_found", "search_elsewhere", "search_in_list",
            "png_caption", "png_saved",
            "path_none", "path_unknown", "path_names", "path_same", "path_found",
            "permalink_copied", "expanding",
            "kind", "owner", "source", "confidence", "conf_high", "conf_medium", "conf_low",
            "low_confidence", "focus_hint", "influence", "interest", "quadrant", "via", "tie",
            "q_manage", "q_satisfy",
            "q_inform", "q_monitor", "description", "role", "topic", "strength", "order",
            "shown_of", "filter_shown", "focus_parts", "focus_hidden", "grid_shown",
            "network_shown", "twin_shown", "drawing_role", "key_none", "key_cleared",
            "key_nothing", "key_hidden", "key_more")
    return {key: ui(key, lang) for key in keys}
