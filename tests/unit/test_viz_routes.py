"""The views' HTTP routes, in a bare app and as the API's plugin."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import re
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import httpx
import pytest

from orgmodel.store.memory import MemoryStore
from viz.render import SCRIPTS, STATIC_DIR
from viz.routes import create_views_app, register

Check = Callable[[httpx.AsyncClient], Coroutine[Any, Any, None]]


def run(app: Any, check: Check) -> None:
    """Run ``check`` against ``app`` in a thread of its own: Playwright's sync API (browser
    tests in the same session) keeps an event loop running in the main thread."""
    async def main() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            await check(client)

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, main).result()


def config_of(html: str) -> dict[str, Any]:
    found = re.search(r'id="orgmodel-config">(.*?)</script>', html, re.S)
    assert found is not None
    result: dict[str, Any] = json.loads(found.group(1))
    return result


def test_headings_go_down_one_level_at_a_time(memory_store: MemoryStore) -> None:
    # A screen reader's outline of the page: the table page went from h1 straight to h3.
    async def check(client: httpx.AsyncClient) -> None:
        for path in ("/", "/views/org/table", "/views/responsibilities/table",
                     "/views/stakeholders/table", "/views/case-route"):
            levels = [int(level) for level in
                      re.findall(r"<h([1-6])[\s>]", (await client.get(path)).text)]
            assert levels and levels[0] == 1, path
            assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (
                path, levels)

    run(create_views_app(memory_store), check)


def test_a_description_without_english_is_marked_danish_on_english_pages(
        albertslund: Any) -> None:
    # Screen readers pronounce it as Danish; the data now has English for every node, so one
    # is taken away here.
    from orgmodel.dataset import Dataset

    nodes = [n.model_copy(update={"description_en": None}) if n.id == "unit:okonomi-og-stab"
             else n for n in albertslund.nodes.values()]
    store = MemoryStore(Dataset.build(nodes, albertslund.edges.values(),
                                      albertslund.sources.values()))

    async def check(client: httpx.AsyncClient) -> None:
        table = (await client.get("/views/org/table?lang=en")).text
        assert table.count('class="desc" lang="da"') == 1
        assert table.count('class="desc">') == 52

    run(create_views_app(store), check)


def without_english_names(albertslund: Any, *ids: str) -> MemoryStore:
    """The Albertslund data with the English names of ``ids`` taken away (it has them all,
    but for the persons')."""
    from orgmodel.dataset import Dataset

    nodes = [n.model_copy(update={"name_en": None}) if n.id in ids else n
             for n in albertslund.nodes.values()]
    return MemoryStore(Dataset.build(nodes, albertslund.edges.values(),
                                     albertslund.sources.values()))


def before_scripts(page: str) -> str:
    """A page's HTML before its data (JSON in <script>): what the reader gets as markup."""
    return page.split('<script type="application/json"')[0]


DANISH_MARKS = ("\ue000", "\ue001")  # orgmodel.messages.DANISH_START, DANISH_END


def test_danish_names_on_english_views_and_tables_are_marked_danish(albertslund: Any) -> None:
    # WCAG 3.1.2 (the accessibility probe): a name the data has no English for was read with
    # English pronunciation on an English page; a name in English must not be marked.
    store = without_english_names(albertslund, "unit:okonomi-og-stab",
                                  "post:chef-okonomi-og-stab", "forum:direktorforum")

    async def check(client: httpx.AsyncClient) -> None:
        table = (await client.get("/views/org/table?lang=en")).text
        assert ('data-node="unit:okonomi-og-stab" lang="da">Økonomi og Stab</a>' in table)
        assert 'data-node="unit:it-og-digitalisering">IT and Digitalisation</a>' in table
        # ... in the relations (from, to) and as an owner
        assert ('<th scope="row"><span lang="da">Økonomi og Stab</span></th><td>part of</td>'
                in table)
        assert '<td>heads</td><td><span lang="da">Økonomi og Stab</span></td>' in table
        assert ('<td>Department</td><td><span lang="da">Chef for Økonomi og Stab</span></td>'
                in table)
        assert '<td>reports to</td><td>Municipal Director</td>' in table  # English: unmarked
        # A person's name is Danish too (the data has no English for persons).
        assert 'data-node="person:henrik-harder" lang="da">Henrik Harder</a>' in table
        # The stakeholder map's: whose map, the names, the ties and the fora.
        grid = (await client.get("/views/stakeholders/table?lang=en")).text
        assert ('Stakeholder map of <strong><span lang="da">Chef for Økonomi og Stab</span>'
                '</strong>') in grid
        assert '<td>participates in <span lang="da">Direktørforum</span></td>' in grid
        assert 'Finance Committee, <span lang="da">Direktørforum</span>, Review of' in grid
        assert '<td>collaborates with Mayor</td>' in grid
        # ... the responsibility map's RACI matrix, the case route's post, the post picker
        raci = (await client.get("/views/responsibilities/table?lang=en")).text
        assert '<td>Finance Committee</td><td><span lang="da">Økonomi og Stab</span></td>' in raci
        route = (await client.get("/views/case-route?lang=en")).text
        assert ('The post: <strong><span lang="da">Chef for Økonomi og Stab</span></strong>'
                in route)
        view = (await client.get("/views/stakeholders?lang=en")).text
        assert '<option value="Chef for Økonomi og Stab" lang="da">' in view
        assert '<option value="Mayor">' in view
        for page in (table, grid, raci, route, view):
            assert not any(mark in before_scripts(page) for mark in DANISH_MARKS)
        # The drawing's data: the browser marks its tooltips and status line from it.
        data = (await client.get("/views/org/data?lang=en")).json()
        nodes = {node["id"]: node for node in data["nodes"]}
        assert nodes["unit:okonomi-og-stab"]["label"] == "Økonomi og Stab"
        assert nodes["unit:okonomi-og-stab"]["label_lang"] == "da"
        assert "label_lang" not in nodes["unit:it-og-digitalisering"]
        assert nodes["unit:okonomi-og-stab"]["owner"] == "\ue000Chef for Økonomi og Stab\ue001"
        # The Danish pages mark nothing: the whole page is Danish.
        danish = (await client.get("/views/org/table")).text
        assert '<span lang="da">' not in danish and 'node-link" lang' not in danish
        assert "label_lang" not in (await client.get("/views/org/data")).text
        # ... nor does the stakeholder map's CSV file, which is text.
        csv_file = (await client.get("/views/stakeholders/csv?lang=en")).text
        assert "Direktørforum" in csv_file
        assert not any(mark in csv_file for mark in DANISH_MARKS)
        # A page that goes wrong names the node, and the posts perhaps meant, so too.
        wrong = (await client.get("/views/stakeholders",
                                  params={"post": "unit:okonomi-og-stab", "lang": "en"})).text
        assert ('role="alert">“<span lang="da">Økonomi og Stab</span>” is a unit, not a post'
                in wrong)
        meant = (await client.get("/views/stakeholders",
                                  params={"post": "chef for økonomi", "lang": "en"})).text
        assert 'post=post%3Achef-okonomi-og-stab" lang="da">Chef for Økonomi og Stab</a>' in meant
        assert not any(mark in said for said in (wrong, meant) for mark in DANISH_MARKS)

    run(create_views_app(store), check)


def test_danish_text_in_an_english_start_pages_answer_is_marked_danish(albertslund: Any) -> None:
    # Owners, the accountable post, the escalation chain, hints and notes: names the data has
    # no English for, records' notes and KLE titles were read as English.
    store = without_english_names(albertslund, "unit:organisation-og-politik", "post:borgmester",
                                  "unit:okonomi-og-stab")

    async def check(client: httpx.AsyncClient) -> None:
        page = (await client.get("/", params={"q": "payroll", "lang": "en"})).text
        answer = page.split('<article class="answer"')[1]
        assert ('<th scope="row">A</th><td><span lang="da">Organisation og Politik</span></td>'
                in answer)
        assert "<td>Team 1, Organisation and Politics (name not confirmed)</td>" in answer
        assert "<li>Municipal Director</li><li><span lang=\"da\">Borgmester</span></li>" in answer
        second = page.split('<article class="answer"')[2]
        assert '<dt>Accountable post</dt><dd><span lang="da">Borgmester</span></dd>' in second
        # the hint: the post's name and its holder's
        mayor = (await client.get("/", params={"q": "who is the mayor", "lang": "en"})).text
        assert ('<p class="node-hint"><span lang="da">Borgmester</span> is a post, not a task. '
                'Held by: <span lang="da">Lars Gravgaard Hansen</span> (confidence') in mayor
        assert 'See “<span lang="da">Borgmester</span>” in the org chart</a>' in mayor
        # a note quoting KLE's titles, and records' own notes in a list
        sick = html.unescape((await client.get("/", params={"q": "sygefravær",
                                                            "lang": "en"})).text)
        assert ('The question fits KLE 81.28.00 "<span lang="da">Sygdom og fravær, personale i '
                'almindelighed</span>", which no task in the model has') in sick
        listed = (await client.get("/", params={"q": "which departments are there",
                                                "lang": "en"})).text
        assert ('Day Care; Operations and Service; Culture, Leisure and Preventive Health; '
                'Environment and Technical Services; Health, Nursing and Care: <span lang="da">'
                'Navn fra afdelingslisten 2014; ikke bekræftet for 2023.</span>') in listed
        # ... advice that names an example
        advice = html.unescape((await client.get(
            "/", params={"q": "hvem er min chef", "lang": "en"})).text)
        assert ('e.g. "who does the head of <span lang="da">Økonomi og Stab</span> report to?"'
                in advice)
        for said in (page, mayor, sick, listed, advice):
            assert not any(mark in before_scripts(said) for mark in DANISH_MARKS)
        # The Danish page marks nothing, and the title holds no markup.
        danish = (await client.get("/", params={"q": "løn"})).text
        assert '<span lang="da">' not in danish
        assert "<title>Answers for “payroll”" in page

    run(create_views_app(store), check)


def test_a_danish_name_marked_on_an_english_page_stays_text(albertslund: Any) -> None:
    # The mark makes a <span>, never the name: markup in the data stays text.
    from orgmodel.dataset import Dataset

    evil = '<img src=x onerror="alert(1)">&amp; O&P'
    nodes = [n.model_copy(update={"name": evil, "name_en": None})
             if n.id == "unit:organisation-og-politik" else n for n in albertslund.nodes.values()]
    store = MemoryStore(Dataset.build(nodes, albertslund.edges.values(),
                                      albertslund.sources.values()))
    escaped = '<span lang="da">&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&amp;amp; O&amp;P</span>'

    async def check(client: httpx.AsyncClient) -> None:
        page = (await client.get("/", params={"q": "payroll", "lang": "en"})).text
        assert f"<td>{escaped}</td>" in page
        table = (await client.get("/views/responsibilities/table?lang=en")).text
        assert escaped in table
        for said in (page, table):
            assert "<img" not in before_scripts(said)

    run(create_views_app(store), check)


def test_the_api_says_no_marks_when_the_pages_mark(api_app: Callable[..., Any]) -> None:
    # The marks are the pages' alone: asked after an English page in the same app, the API's
    # hint and notes are plain text (the store keeps its answers).
    async def check(client: httpx.AsyncClient) -> None:
        for q in ("who is the mayor", "sygefravær"):
            page = await client.get("/", params={"q": q, "lang": "en"})
            assert '<span lang="da">' in page.text
            answer = await client.get("/api/v1/owners", params={"q": q},
                                      headers={"Authorization": "Bearer read-token-0123456789"})
            assert answer.status_code == 200, answer.text
            assert not any(mark in answer.text for mark in DANISH_MARKS)
        assert "Lars Gravgaard Hansen" in answer.text or "Sygdom og fravær" in answer.text

    run(api_app(), check)


def test_pages_data_and_static(memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        for path in ("/", "/?q=l%C3%B8n", "/views/org", "/views/collaboration",
                     "/views/stakeholders", "/views/responsibilities", "/views/case-route",
                     "/views/org/table", "/views/org?lang=en&as_of=2024-01-01"):
            response = await client.get(path)
            assert response.status_code == 200, path
            assert response.headers["content-type"].startswith("text/html")
            assert response.headers["cache-control"] == "no-cache"
        page = await client.get("/views/org", headers={"accept-encoding": "gzip"})
        assert page.headers["content-encoding"] == "gzip"
        config = config_of(page.text)
        assert config["urls"]["search"].startswith("/views/api/search")
        assert config["payload"] is None  # served pages fetch their graph
        data = (await client.get(config["urls"]["data"])).json()
        assert data["total"] == len(data["nodes"]) == 53 and not data["partial"]
        assert 'href="/views/org/table"' in page.text  # 228 rows: a table page of its own
        # named as every other page is, with the organisation (it alone lacked it)
        table = (await client.get("/views/org/table")).text
        # "Relationer (184)" beside a drawing of 54 lines: the table says which it hides
        drawn = [e for e in data["edges"] if e["type"] not in data["hiddenTypes"]]
        assert f"Tegningen viser fra start {len(drawn)} af dem: " in table
        assert "medlem af" in table.split('id="edges-hidden">')[1].split("</p>")[0]
        assert "<title>Organisationsdiagram – Tabel over noder og relationer – Albertslund " \
            "Kommune – organisationen</title>" in table
        # A table of another post and day says whose and which: every post's and date's table
        # had the same title and heading.
        theirs = (await client.get("/views/stakeholders/table",
                                   params={"post": "post:borgmester", "as_of": "2025-01-01"})).text
        assert "<title>Interessentkort: Borgmester (2025-01-01) – Tabel over noder" in theirs
        assert "Interessentkort for <strong>Borgmester</strong>" in theirs
        assert "Siden viser organisationen pr. 2025-01-01." in theirs
        view = (await client.get("/views/stakeholders", params={"post": "post:borgmester"})).text
        assert "<title>Interessentkort: Borgmester – Albertslund Kommune" in view
        route = (await client.get("/views/case-route")).text
        assert 'id="nodes-heading"' in route  # 30 rows: the table on the page
        assert "Stillingen: <strong>Chef for Økonomi og Stab</strong>" in route
        asset = re.search(r'src="(/static/js/orgview.bundle.js\?v=\w+)"', page.text)
        assert asset is not None
        static = await client.get(asset.group(1))
        assert static.status_code == 200
        assert "immutable" in static.headers["cache-control"]
        # The page's six scripts, one after another, in one file.
        sources = [(STATIC_DIR / script).read_text(encoding="utf-8") for script in SCRIPTS]
        assert static.text == "\n".join(sources)
        hits = (await client.get("/views/api/search", params={"q": "løn"})).json()
        assert hits["results"][0]["id"] == "task:lon"
        paths = (await client.get("/views/api/paths", params={
            "from": "unit:okonomi-og-stab", "to": "body:okonomiudvalget"})).json()
        assert paths["paths"][0][0]["id"] == "unit:okonomi-og-stab"
        answer = await client.get("/", params={"q": "løn"})
        assert "Enhedsleder for Organisation og Politik" in answer.text

    run(create_views_app(memory_store), check)


def main_text(page: str) -> str:
    found = re.search(r'<main id="main">(.*?)</main>', page, re.S)
    assert found is not None
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))).strip()


def test_a_page_that_goes_wrong_answers_as_a_page_in_the_visitors_language(
        memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        cases = [  # (path, params, status, words on the page)
            ("/views/nothing", {}, 404, "Der er ingen visning, der hedder »nothing«."),
            ("/views/stakeholders", {"post": "post:x"}, 404, "Ingen stilling hedder »post:x«."),
            ("/views/org", {"as_of": "not-a-date"}, 422,
             "Datoen »not-a-date« kan ikke læses: skriv den som ÅÅÅÅ-MM-DD"),
            # Written as asked, it is the day that does not exist (not "write it as …").
            ("/views/org/table", {"as_of": "2023-02-30", "lang": "en"}, 422,
             "The date “2023-02-30” is not a day in the calendar."),
            ("/views/org", {"as_of": "2027-02-30"}, 422,
             "Datoen »2027-02-30« er ikke en dag i kalenderen."),
            ("/", {"q": "løn", "as_of": "2024"}, 422, "Datoen »2024« kan ikke læses"),
            ("/views/stakeholders", {"post": "task:lon", "lang": "en"}, 404,
             "“Payroll” is a task, not a post"),
            # A unit by its name, as by its id (it was "no post is called …").
            ("/views/stakeholders", {"post": "IT og Digitalisering"}, 404,
             "»IT og Digitalisering« er en enhed, ikke en stilling"),
            ("/views/stakeholders", {"post": "borgmeste", "lang": "en"}, 404,
             "Did you mean: Mayor"),
            # The reason in the page's language ("String should have at most 200 characters").
            ("/", {"q": "løn " * 75}, 422, "(højst 200 tegn)"),
            ("/", {"q": "løn " * 75, "lang": "en"}, 422, "(at most 200 characters)"),
        ]
        for path, params, status, words in cases:
            response = await client.get(path, params=params)
            assert response.status_code == status, (path, params)
            assert response.headers["content-type"].startswith("text/html"), (path, params)
            assert words in main_text(response.text), (path, params, main_text(response.text))
        # A post with a typo: the posts meant are offered, each a link to its map.
        typo = await client.get("/views/stakeholders", params={"post": "borgmeste"})
        assert "Mente du: Borgmester" in main_text(typo.text)
        assert 'href="/views/stakeholders?post=post%3Aborgmester"' in typo.text
        # The way back drops the bad value and keeps the rest.
        dated = await client.get("/views/org", params={"as_of": "x", "lang": "en"})
        assert 'href="/views/org?lang=en">Show the page without the date' in dated.text
        assert "Vis siden uden stillingen" in typo.text  # without what: "uden det" said not
        # Titled with the organisation, as every other page ("Organisationen" alone before).
        assert "<title>The page cannot be shown – Albertslund Municipality" in dated.text
        # The JSON the pages fetch keeps the API's problem documents.
        data = await client.get("/views/org/data", params={"as_of": "x"})
        assert data.status_code == 422 and "json" in data.headers["content-type"]
        # The boxes take no more than a page can send.
        start = await client.get("/")
        assert 'id="q" name="q" type="search" maxlength="200"' in start.text
        # A form's empty date field is no date: today.
        assert (await client.get("/views/org", params={"as_of": ""})).status_code == 200

    run(create_views_app(memory_store), check)


def test_stakeholder_map_reaches_as_many_steps_as_asked(memory_store: MemoryStore) -> None:
    # The new chief's probe: ?depth=1 and ?depth=99 both drew the two-step map without a word,
    # and the page had no way to reach further (the CLI's --depth).
    async def check(client: httpx.AsyncClient) -> None:
        counts = {}
        for depth in (1, 2, 3):
            page = await client.get("/views/stakeholders", params={"depth": depth})
            assert page.status_code == 200
            data = config_of(page.text)["urls"]["data"]
            assert f"depth={depth}" in data
            assert re.search(rf"<option selected>{depth}</option>", page.text)
            counts[depth] = len((await client.get(data)).json()["nodes"])
        assert counts[1] < counts[2] < counts[3], counts
        for wrong in ("99", "0", "to"):
            refused = await client.get("/views/stakeholders", params={"depth": wrong})
            assert refused.status_code == 422, wrong
            assert "depth" in main_text(refused.text)
        # ... on the map alone: another view takes no depth into its links
        org = await client.get("/views/org", params={"depth": 3})
        assert "depth" not in config_of(org.text)["urls"]["data"]

    run(create_views_app(memory_store), check)


def test_stakeholder_page_offers_the_posts(memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        html = (await client.get("/views/stakeholders")).text
        assert re.search(r'<input id="post-input" name="post"[^>]*value="Chef for Økonomi og Stab"',
                         html)
        assert '<option value="Borgmester">' in html
        # The picker sends what the visitor typed: a post's name leads to its map, whatever
        # the case and accents; its id still does.
        for post in ("borgmester", "BORGMESTER", "post:borgmester"):
            page = await client.get("/views/stakeholders", params={"post": post})
            assert page.status_code == 200, post
            assert 'value="Borgmester"' in page.text.split('id="post-input"')[1].split(">")[0]
            assert config_of(page.text)["urls"]["data"].endswith("post=post%3Aborgmester")
        missing = await client.get("/views/stakeholders", params={"post": "Ingen Sådan Stilling"})
        assert missing.status_code == 404
        assert "Ingen Sådan Stilling" in main_text(missing.text)
        # In English, a post's English name leads to it too.
        mayor = await client.get("/views/stakeholders", params={"post": "Mayor", "lang": "en"})
        assert config_of(mayor.text)["urls"]["data"].endswith("post=post%3Aborgmester")
        # ... and the English page's picker offers the posts by their English names.
        assert 'value="Mayor"' in mayor.text.split('id="post-input"')[1].split(">")[0]
        assert '<option value="Head of Finance and Staff">' in mayor.text
        # A person's name, or id, leads to the map of the post they hold (it was a 404, "no
        # post is called Henrik Harder").
        for person in ("Henrik Harder", "person:henrik-harder"):
            held = await client.get("/views/stakeholders", params={"post": person})
            assert held.status_code == 200, person
            assert config_of(held.text)["urls"]["data"].endswith("post=post%3Akommunaldirektor")

    run(create_views_app(memory_store), check)


def test_the_start_page_says_where_a_question_outside_the_model_belongs(
        memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        danish = (await client.get("/", params={"q": "kantine"})).text
        assert "Intet svar på »kantine«" in danish
        assert ('<p class="kle-hint">Spørgsmålet ligner KLE 82.10.00 »Kantiner i almindelighed«'
                in danish)
        english = (await client.get("/", params={"q": "byggetilladelse", "lang": "en"})).text
        # (KLE's title is Danish: said so, lang="da")
        assert ('KLE 02.34.02 "<span lang="da">Byggetilladelse</span>", which no task in the '
                'model covers' in html.unescape(english))
        # A task found through KLE says so in the answer's notes; no hint then.
        answered = (await client.get("/", params={"q": "sygefravær"})).text
        assert "Løn- og personaleforhold" in answered and "kle-hint" not in answered
        assert "KLE 81.28.00 »Sygdom og fravær, personale i almindelighed«" in answered

    run(create_views_app(memory_store), check)


def test_the_start_page_says_who_is_in_charge_of_what_is_not_a_task(
        memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        page = html.unescape((await client.get("/", params={"q": "Hvem har ansvaret for Aula?"}))
                             .text)
        assert "Intet svar" not in page  # the hint answers it
        # The tab and the browser's history name the question asked.
        assert "<title>Svar på »Hvem har ansvaret for Aula?« – " in page
        assert ('<p class="node-hint">Aula er et system, som ingen opgave i modellen bruger. '
                "Kommunikations- og samarbejdsplatform for folkeskoler og dagtilbud. "
                "Understøttes af: IT og Digitalisering") in page
        # Tasks meeting a stray word of the question give way to the post it names; the KLE
        # topic it half fits is not offered either.
        post = html.unescape((await client.get("/", params={"q": "hvem er kommunaldirektør?"}))
                             .text)
        assert '<p class="node-hint">Kommunaldirektør er en stilling' in post
        assert 'class="answer"' not in post and 'class="kle-hint"' not in post
        answered = (await client.get("/", params={"q": "hvem ejer RolleBi"})).text
        assert "Bogholderi" in answered and "node-hint" not in answered
        assert "Fundet via Rollebaseret Indgang (RolleBi), som opgaven bruger." in \
            html.unescape(answered)

    run(create_views_app(memory_store), check)


def test_a_hint_on_the_start_page_links_to_the_view_that_draws_it(
        memory_store: MemoryStore) -> None:
    # The intranet probe: "hvem er leder af IT-afdelingen", "hvem er borgmester" named a post
    # or a unit, and linked nowhere; only a task's answer linked to the responsibility map.
    async def check(client: httpx.AsyncClient) -> None:
        page = (await client.get("/", params={"q": "hvem er borgmester?"})).text
        assert ('<p class="node-link"><a href="/views/org#sel=post%3Aborgmester">'
                "Se »Borgmester« i organisationsdiagrammet</a></p>") in page
        english = (await client.get("/", params={"q": "who runs AppWriter?", "lang": "en"})).text
        assert 'class="node-link"' not in english  # a system: no view draws it alone
        chefforum = (await client.get("/", params={"q": "hvad er Chefforum?"})).text
        assert '/views/collaboration#sel=forum%3Achefforum">' in chefforum
        # a list of a kind names many: no one link
        listed = (await client.get("/", params={"q": "hvilke udvalg er der?"})).text
        assert 'class="node-link"' not in listed

    run(create_views_app(memory_store), check)


def test_the_start_page_says_where_to_write_and_who_decides(memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        payroll = (await client.get("/", params={"q": "lønseddel"})).text.split(
            'class="answer"')[1]
        # a link to write to (the intranet probe: the address was plain text)
        assert ('<dt>Postkasse</dt><dd><a href="mailto:loen@albertslund.dk">'
                'loen@albertslund.dk</a></dd>') in payroll
        assert "<dt>Servicemål</dt><dd>Ansættelsesbrev og oprettelse i OPUS løn" in payroll
        # The council that approves new IT projects, not only the unit that runs them.
        projects = (await client.get("/", params={"q": "who approves new IT projects?",
                                                  "lang": "en"})).text.split('class="answer"')[1]
        assert "<dt>Decided by</dt><dd>Digitalisation Council</dd>" in projects
        # What the task is, first: "hvornår vedtages budgettet?" is answered by its description
        # (the new chief's probe: no answer printed it, the date was there)
        budget = (await client.get("/", params={"q": "hvornår vedtages budgettet?"})).text.split(
            'class="answer"')[1]
        assert re.search(r"<dt>Om opgaven</dt><dd>Økonomiudvalget udarbejder forslag til "
                         r"årsbudget[^<]*vedtagelse omkring 10\. oktober\.</dd>", budget)
        assert budget.index("<dt>Om opgaven</dt>") < budget.index("<dt>Besluttes af</dt>")
        assert 'class="no-answer no-amount"' not in budget
        # An amount is said to be in no record, before who holds the task (round 13)
        amount = (await client.get("/", params={"q": "hvad er budgettet for Økonomi og Stab?"}
                                   )).text
        said = amount.index('<p class="no-answer no-amount">Data har ingen beløb')
        assert said < amount.index('class="answer"')
        # ... and so is who does not: the data says who does
        not_who = (await client.get("/", params={"q": "hvem har IKKE ansvaret for løn?"})).text
        assert '<p class="no-answer who-not">Data siger, hvem der har ansvaret' in not_who
        assert 'class="no-answer who-not"' not in amount

    run(create_views_app(memory_store), check)


def test_the_start_page_answers_for_the_year_a_question_names(
        memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        page = (await client.get("/", params={"q": "hvem havde ansvaret for løn i 2022?"})).text
        assert ('<p class="as-of-note">Svar pr. 2022-07-01 (midt i det år, spørgsmålet nævner).</p>'
                in page)
        assert "Økonomi og Stab" in page.split('class="answer"')[1].split("Ansvarlig stilling")[0]
        now = (await client.get("/", params={"q": "hvem har ansvaret for løn?"})).text
        assert "as-of-note" not in now and "Økonomi og Stab" not in now.split(
            'class="answer"')[1].split("Ansvarlig stilling")[0]
        # The answer's link opens the map on the date it was answered for.
        assert 'href="/views/responsibilities?as_of=2022-07-01#sel=task%3Alon"' in page
        assert 'href="/views/responsibilities#sel=task%3Alon"' in now

    run(create_views_app(memory_store), check)


def test_a_start_page_on_another_date_says_so_and_leads_back_to_today(
        memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        # A view's links carry its date to the start page: its answers are for that date.
        page = (await client.get("/", params={"q": "løn", "as_of": "2020-01-01"})).text
        assert "Siden viser organisationen pr. 2020-01-01. Vis i dag" in main_text(page)
        assert '<a href="/?q=l%C3%B8n">Vis i dag</a>' in page
        assert "page-as-of" not in (await client.get("/", params={"q": "løn"})).text

    run(create_views_app(memory_store), check)


def test_served_views_preload_their_graph(memory_store: MemoryStore) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        html = (await client.get("/views/collaboration")).text
        data = config_of(html)["urls"]["data"]
        # The graph is asked for at once, with the request the page's script makes later.
        assert f'<link rel="preload" as="fetch" crossorigin href="{data}">' in html.replace(
            "&amp;", "&")

    run(create_views_app(memory_store), check)


@pytest.fixture
def api_app(data_dir: Any) -> Callable[..., Any]:
    from api.app import create_app
    from api.settings import Settings

    def make(**overrides: Any) -> Any:
        settings = Settings(env="development", neo4j_uri=None, use_neo4j=False,
                            data_dir=data_dir, write_tokens={"w": "write-token-0123456789"},
                            read_tokens={"r": "read-token-0123456789"}, **overrides)
        return create_app(settings, plugins=[register])

    return make


def test_in_the_api_the_views_use_its_search_and_headers(api_app: Callable[..., Any]) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        page = await client.get("/views/org")
        assert page.status_code == 200
        config = config_of(page.text)
        assert config["urls"]["search"].startswith("/api/v1/search?q=")
        assert config["urls"]["paths"].startswith("/api/v1/paths?from=")
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert (await client.get("/api/v1/search", params={"q": "løn"})).status_code == 200

    run(api_app(), check)


def test_pages_without_persons_search_without_them_in_the_api_too(
        api_app: Callable[..., Any]) -> None:
    # The review: in the API app the pages searched through /api/v1/search, which has persons,
    # so a holder's name typed in a view's search box found them.
    async def check(client: httpx.AsyncClient) -> None:
        config = config_of((await client.get("/views/org")).text)
        search = config["urls"]["search"].replace("{q}", "Henrik Harder")
        found = (await client.get(search)).json()["results"]
        assert not [hit for hit in found if hit["kind"] == "Person"], found
        paths = config["urls"]["paths"].format(source="person:henrik-harder",
                                               target="post:borgmester")
        assert (await client.get(paths)).status_code == 404  # as if there were no such node
        director = (await client.get(config["urls"]["search"].replace("{q}", "direktør"))).json()
        assert "post:kommunaldirektor" in [hit["id"] for hit in director["results"]]

    run(api_app(pages_without_persons=True), check)


def test_views_need_a_token_when_reads_do(api_app: Callable[..., Any]) -> None:
    async def check(client: httpx.AsyncClient) -> None:
        assert (await client.get("/views/org")).status_code == 401
        assert (await client.get("/")).status_code == 401
        ok = await client.get("/views/org",
                              headers={"Authorization": "Bearer read-token-0123456789"})
        assert ok.status_code == 200
        assert (await client.get("/static/css/views.css")).status_code == 200  # no data

    run(api_app(read_requires_token=True), check)


def test_a_mistyped_address_is_a_page_to_a_browser_and_a_problem_to_a_client(
        api_app: Callable[..., Any]) -> None:
    # The intranet's visitor got the API's problem document as raw JSON for "/vews/org".
    async def check(client: httpx.AsyncClient) -> None:
        html = {"Accept": "text/html,application/xhtml+xml"}
        page = await client.get("/vews/org", params={"lang": "en"}, headers=html)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "There is no page at the address “/vews/org”." in main_text(page.text)
        assert 'href="/?lang=en"' in page.text  # the way back to the start page
        evil = await client.get("/<script>alert(1)</script>", headers=html)
        assert evil.status_code == 404 and "<script>alert(1)" not in evil.text
        # A path that starts "//" named another site in the page's links (the review).
        for path in ("//evil.example/x", "/\\evil.example/x"):
            elsewhere = await client.get(f"http://test{path}", headers=html)
            assert elsewhere.status_code == 404, path
            links = re.findall(r'href="([^"]*)"', elsewhere.text)
            assert links and all(re.match(r"/(?![/\\])|#|data:", link) for link in links), links
            assert re.search(r'href="/(%5C)?evil.example/x\?lang=en"', elsewhere.text), path
        for path, accept in (("/vews/org", "application/json"), ("/api/v1/nope", "text/html")):
            problem = await client.get(path, headers={"Accept": accept})
            assert problem.status_code == 404, path
            assert problem.headers["content-type"] == "application/problem+json", path

    run(api_app(), check)


def test_pages_can_leave_the_holders_of_posts_out(memory_store: MemoryStore) -> None:
    # FACTS: views must be able to leave person names out; the posts stay.
    async def check(client: httpx.AsyncClient) -> None:
        for path, params in (("/", {"q": "hvem er borgmester?"}), ("/", {"q": "kommunaldirektør"}),
                             ("/views/org", {}), ("/views/stakeholders", {}),
                             ("/views/org/table", {}), ("/views/stakeholders/table", {})):
            page = html.unescape((await client.get(path, params=params)).text)
            for name in ("Henrik Harder", "Lars Gravgaard Hansen", "Steen Christiansen"):
                assert name not in page, (path, params, name)
        org = html.unescape((await client.get("/views/org/table")).text)
        assert "Borgmester" in org and "Kommunaldirektør" in org
        asked = (await client.get("/", params={"q": "hvem er Henrik Harder?"})).text
        assert "node-hint" not in asked  # no one by that name, as far as the page knows

    run(create_views_app(memory_store, without_persons=True), check)

    async def shown(client: httpx.AsyncClient) -> None:  # and by default they are there
        assert "Henrik Harder" in html.unescape((await client.get("/views/org/table")).text)

    run(create_views_app(memory_store), shown)


def test_the_start_page_says_which_owners_are_assumed(memory_store: MemoryStore) -> None:
    # An owner whose link is an assumption says so beside it, as the CLI does.
    async def check(client: httpx.AsyncClient) -> None:
        page = html.unescape((await client.get("/", params={"q": "løn"})).text)
        row = next(line for line in page.splitlines() if "Team 1 i Organisation og Politik" in line)
        assert "<td class=\"src\">lav (assumption)</td>" in row
        assert "<th scope=\"col\">Sikkerhed</th>" in page
        # Each answer's link names its task: "Ansvarskort" under every answer read alike.
        assert ">Se »Løn« på ansvarskortet</a>" in page
        # The question is a heading (its label), where heading navigation finds the page's task.
        assert '<h2 class="who-owns-heading"><label for="q">Hvem har ansvaret for …?</label></h2>' \
            in page

    run(create_views_app(memory_store), check)


def test_a_language_tag_in_any_case_asks_for_english(memory_store: MemoryStore) -> None:
    # "?lang=en-GB" was a 422 page in Danish, "?lang=EN" silently Danish.
    async def check(client: httpx.AsyncClient) -> None:
        for tag in ("en-GB", "EN", "en_US"):
            page = await client.get("/views/org", params={"lang": tag})
            assert page.status_code == 200 and "<h1>Organisation chart</h1>" in page.text, tag
        assert "<h1>Organisationsdiagram</h1>" in (await client.get(
            "/views/org", params={"lang": "fr"})).text

    run(create_views_app(memory_store), check)


def test_the_stakeholder_grid_says_how_its_scores_come_about(memory_store: MemoryStore) -> None:
    # The new chief could not tell why a stakeholder was where it was.
    async def check(client: httpx.AsyncClient) -> None:
        for lang, said in (("da", "Indflydelse er gennemsnittet af den formelle placering"),
                           ("en", "Influence is the mean of the formal place in the hierarchy")):
            page = await client.get("/views/stakeholders/table", params={"lang": lang})
            assert page.status_code == 200
            assert re.search(r'<table class="data" aria-labelledby="grid-heading" '
                             r'aria-describedby="grid-explained">', page.text)
            assert said in main_text(page.text)
        # ... and why each one is a stakeholder: the chain of ties, in its own column
        page = await client.get("/views/stakeholders/table")
        assert '<th scope="col">Forbindelse</th>' in page.text
        row = next(row for row in page.text.split("<tr>") if "post:kommunaldirektor" in row)
        assert "<td>refererer til Kommunaldirektør</td>" in row

    run(create_views_app(memory_store), check)


def test_a_page_of_a_day_after_today_says_what_it_shows(memory_store: MemoryStore) -> None:
    # The views probe: 2099-12-31 showed today's organisation without a word
    async def check(client: httpx.AsyncClient) -> None:
        ahead = (await client.get("/views/org", params={"as_of": "2099-12-31"})).text
        assert "Siden viser organisationen pr. 2099-12-31. Datoen ligger efter i dag: siden " \
            "viser, hvad data i dag ved om den dag (planlagte ændringer medregnet)." in ahead
        before = (await client.get("/views/org", params={"as_of": "2022-06-01"})).text
        assert "Siden viser organisationen pr. 2022-06-01." in before
        assert "Datoen ligger efter i dag" not in before
        english = (await client.get("/", params={"as_of": "2099-12-31", "lang": "en"})).text
        assert "The date is after today" in english

    run(create_views_app(memory_store), check)


def test_the_stakeholder_maps_table_comes_as_a_spreadsheet_file(
        memory_store: MemoryStore) -> None:
    # The new chief's probe: no file of her map to work on in a spreadsheet.
    async def check(client: httpx.AsyncClient) -> None:
        page = (await client.get("/views/stakeholders",
                                 params={"post": "borgmester", "depth": 1})).text
        link = html.unescape(re.search(r'<a id="csv-link" href="([^"]+)" download', page)[1])
        assert link == "/views/stakeholders/csv?post=post%3Aborgmester&depth=1"
        got = await client.get(link)
        assert got.status_code == 200
        assert got.headers["content-type"] == "text/csv; charset=utf-8"
        assert got.headers["content-disposition"] == \
            'attachment; filename="interessenter-borgmester.csv"'
        assert got.text.startswith("\ufeffNavn;Indflydelse (%);")
        rows = list(csv.reader(io.StringIO(got.text.lstrip("\ufeff")), delimiter=";"))
        data = (await client.get(config_of(page)["urls"]["data"])).json()
        placed = {n["id"] for n in data["nodes"] if "quadrant" in n}
        assert {row[-1] for row in rows[1:]} == placed and len(rows) == len(placed) + 1
        assert rows[1][3] == "Håndter tæt"  # whom to manage closely first
        # The table's own page and the English map offer it too, in their own language.
        table = (await client.get("/views/stakeholders/table", params={"lang": "en"})).text
        assert 'href="/views/stakeholders/csv?lang=en" download' in html.unescape(table)
        english = await client.get("/views/stakeholders/csv", params={"lang": "en"})
        assert english.text.startswith("\ufeffName,Influence (%),")
        assert 'filename="stakeholders-chef-okonomi-og-stab.csv"' in \
            english.headers["content-disposition"]
        missing = await client.get("/views/stakeholders/csv", params={"post": "Ingen Sådan"})
        assert missing.status_code == 404
        # The other views have no such table: their csv is no page.
        assert (await client.get("/views/org/csv")).status_code == 404

    run(create_views_app(memory_store), check)
