"""Another organisation's data: no Chef for Økonomi og Stab, no posts, no collaborations.

The views and the stakeholder list must work for any organisation's data folder, not only
Albertslund's: a default that is not there gives way, and a view with nothing to draw says so.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx
import pytest
from test_viz_routes import run

from orgmodel.cli import main
from orgmodel.loader import load_dataset
from orgmodel.messages import t
from orgmodel.store.memory import MemoryStore
from viz.routes import create_views_app

_COMMON = "source: intern, confidence: high"
#: A utility company: two departments and two tasks, no post, no collaboration.
NO_POSTS = f"""\
sources:
  - {{key: intern, title: Intern oversigt, confidence: high}}
nodes:
  - {{id: org:forsyning, kind: Organisation, name: Nordfjord Forsyning, {_COMMON}}}
  - {{id: unit:kundeservice, kind: Unit, name: Kundeservice, level: afdeling, {_COMMON}}}
  - {{id: unit:drift, kind: Unit, name: Drift, level: afdeling, {_COMMON}}}
  - {{id: task:fakturering, kind: Task, name: Fakturering, kle: "00.32.00", {_COMMON}}}
  - {{id: task:korekort, kind: Task, name: Borgerservice, kle: "23.09.04", {_COMMON}}}
edges:
  - {{type: PART_OF, from: unit:kundeservice, to: org:forsyning, {_COMMON}}}
  - {{type: PART_OF, from: unit:drift, to: org:forsyning, {_COMMON}}}
  - {{type: RESPONSIBLE_FOR, from: unit:kundeservice, to: task:fakturering, raci: A, {_COMMON}}}
  - {{type: RESPONSIBLE_FOR, from: unit:kundeservice, to: task:korekort, raci: A, {_COMMON}}}
"""
#: The same with two posts: the director (three relations) and a head of unit (one).
WITH_POSTS = NO_POSTS.replace("edges:\n", f"""\
  - {{id: post:direktor, kind: Post, name: Direktør, {_COMMON}}}
  - {{id: post:afdelingsleder, kind: Post, name: Afdelingsleder for Drift, {_COMMON}}}
edges:
  - {{type: HEADS, from: post:direktor, to: org:forsyning, {_COMMON}}}
  - {{type: REPORTS_TO, from: post:afdelingsleder, to: post:direktor, {_COMMON}}}
  - {{type: HEADS, from: post:afdelingsleder, to: unit:drift, {_COMMON}}}
  - {{type: HEADS, from: post:direktor, to: unit:kundeservice, {_COMMON}}}
""")


@pytest.fixture(autouse=True)
def _the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands read the folder given (with NEO4J_URI set, as in CI, they would ask Neo4j)."""
    monkeypatch.delenv("NEO4J_URI", raising=False)


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "data.yaml").write_text(text, encoding="utf-8")
    return folder


def _config(page: Path) -> dict[str, object]:
    html = page.read_text(encoding="utf-8")
    found: dict[str, object] = json.loads(
        html.split('id="orgmodel-config">')[1].split("</script>")[0])
    return found


def test_every_view_and_the_site_work_without_posts_or_collaborations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(_folder(tmp_path, "forsyning", NO_POSTS))
    for view in ("org", "collaboration", "stakeholders", "responsibilities", "case-route"):
        out = tmp_path / f"{view}.html"
        assert main(["view", view, "--out", str(out), "--data", data]) == 0, view
    # Nothing collaborates and nobody holds a post: the pages say the view is empty, and why.
    collaboration = (tmp_path / "collaboration.html").read_text(encoding="utf-8")
    assert 'class="empty-note"' in collaboration
    # ... what it is drawn from, not the date alone ("intet at vise her på denne dato").
    assert "data har intet samarbejde på denne dato (ingen relation COLLABORATES_WITH)" \
        in collaboration
    route = (tmp_path / "case-route.html").read_text(encoding="utf-8")
    assert "data har ingen politisk sagsgang på denne dato (ingen relation SUBMITS_TO" in route
    # The title names this organisation, not Albertslund.
    assert "– Nordfjord Forsyning – organisationen</title>" in collaboration
    stakeholders = (tmp_path / "stakeholders.html").read_text(encoding="utf-8")
    assert "Data har ingen stillinger på denne dato" in stakeholders
    assert main(["site", str(tmp_path / "site"), "--data", data]) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    capsys.readouterr()
    # The list of stakeholders has nothing to list, and says why instead of naming a post id.
    assert main(["stakeholders", "--data", data, "--lang", "en"]) == 1
    assert capsys.readouterr().err == ("orgmodel: The data has no posts on "
                                       f"{date.today().isoformat()}, "
                                       "and a stakeholder map is drawn for a post.\n")


def test_without_the_chief_the_map_opens_on_the_best_connected_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(_folder(tmp_path, "forsyning", WITH_POSTS))
    out = tmp_path / "stakeholders.html"
    assert main(["view", "stakeholders", "--out", str(out), "--data", data]) == 0
    payload = _config(out)["payload"]
    assert isinstance(payload, dict)
    assert [n["id"] for n in payload["nodes"] if n.get("ego")] == ["post:direktor"]
    # The page names whose map it is, and that the post was chosen for the reader (the
    # command line said so; the page did not).
    page = out.read_text(encoding="utf-8")
    assert "Interessentkort for <strong>Direktør</strong>" in page
    assert ("Ingen stilling valgt: visningen er tegnet for stillingen med flest relationer, "
            "Direktør.") in page
    asked = tmp_path / "asked.html"
    assert main(["view", "stakeholders", "--out", str(asked), "--data", data,
                 "--post", "post:direktor"]) == 0
    assert "flest relationer" not in asked.read_text(encoding="utf-8")  # asked for: no choice
    capsys.readouterr()
    assert main(["stakeholders", "--data", data]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("Direktør (post:direktor), ")
    # ... and says the post was chosen for the reader (it was chosen without a word)
    # (the data author's probe: it named Albertslund's chief in another organisation's data)
    assert listed[1].startswith("Ingen stilling angivet: stillingen med flest relationer er "
                                "valgt.") and "Økonomi og Stab" not in listed[1]
    # The case route (none in these data: the page says it is empty) names no department of
    # Albertslund.
    route = tmp_path / "case-route.html"
    assert main(["view", "case-route", "--out", str(route), "--data", data]) == 0
    page = route.read_text(encoding="utf-8")
    assert 'class="empty-note"' in page and "Økonomi og Stab" not in page


def test_the_default_post_of_another_organisation_is_set_by_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The data author's probe: another organisation could not say which post its map opens
    # on (the chief of Økonomi og Stab, else the best-connected post, was all there was).
    data = str(_folder(tmp_path, "forsyning", WITH_POSTS))
    monkeypatch.setenv("ORGMODEL_DEFAULT_POST", "Afdelingsleder for Drift")
    assert main(["stakeholders", "--data", data]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("Afdelingsleder for Drift (post:afdelingsleder), ")
    assert "flest relationer" not in "\n".join(listed)  # named: no choice made for the reader
    out = tmp_path / "stakeholders.html"
    assert main(["view", "stakeholders", "--out", str(out), "--data", data]) == 0
    payload = _config(out)["payload"]
    assert isinstance(payload, dict)
    assert [n["id"] for n in payload["nodes"] if n.get("ego")] == ["post:afdelingsleder"]
    assert "flest relationer" not in out.read_text(encoding="utf-8")
    # A name the data does not hold gives way to the best-connected post, said so.
    monkeypatch.setenv("ORGMODEL_DEFAULT_POST", "post:findes-ikke")
    capsys.readouterr()
    assert main(["stakeholders", "--data", data]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("Direktør (post:direktor), ") and "flest relationer" in listed[1]


def test_served_pages_are_titled_with_the_organisation_and_say_when_a_map_is_empty(
    tmp_path: Path
) -> None:
    with_posts = create_views_app(MemoryStore(load_dataset(
        _folder(tmp_path, "med", WITH_POSTS))))
    no_posts = create_views_app(MemoryStore(load_dataset(_folder(tmp_path, "uden", NO_POSTS))))

    async def titled(client: httpx.AsyncClient) -> None:
        for path in ("/", "/views/org", "/views/org/table", "/views/stakeholders"):
            page = (await client.get(path)).text
            assert ">Nordfjord Forsyning – organisationen</a>" in page, path  # the header
            assert "Albertslund" not in page, path
        assert "Nordfjord Forsyning – the organisation" in (await client.get("/?lang=en")).text
        # The search box's examples are this organisation's own tasks, not Albertslund's
        # "løn, indkøb" (which these data do not have).
        start = (await client.get("/")).text
        assert 'placeholder="fx Fakturering, Borgerservice"' in start
        # The served map says that its post was chosen for the reader, in the page's language.
        english = (await client.get("/views/stakeholders?lang=en")).text
        # ... its Danish name said so (lang="da": WCAG 3.1.2)
        assert ('the view is drawn for the post with the most relations, '
                '<span lang="da">Direktør</span>.') in english

    async def empty_map(client: httpx.AsyncClient) -> None:
        page = await client.get("/views/stakeholders")
        assert page.status_code == 200
        assert "Data har ingen stillinger på denne dato" in page.text
        assert 'id="post-input"' not in page.text  # no post to change to

    run(with_posts, titled)
    run(no_posts, empty_map)


def test_a_task_on_a_kle_topic_albertslund_does_not_use_is_found_by_its_keywords(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 23.09.04 "Kørekort" is outside data/kle/kle.yaml (the topics the bundled data uses): its
    # keywords come from the whole catalogue, and "Færdselsloven" is one of them.
    data = str(_folder(tmp_path, "forsyning", NO_POSTS))
    assert main(["who-owns", "færdselsloven", "--data", data, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["task"]["id"] == "task:korekort"


def test_advice_to_a_question_it_cannot_answer_names_this_organisations_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It named Albertslund's "Økonomi og Stab" and "IT-chefen", whatever the data.
    with_posts = _folder(tmp_path, "med", WITH_POSTS)
    assert main(["who-owns", "hvem er chef?", "--data", str(with_posts)]) == 1
    assert capsys.readouterr().err.endswith("fx »hvem er chef for Drift?«.\n")
    assert main(["who-owns", "who is my boss?", "--data", str(with_posts), "--lang", "en"]) == 1
    assert 'e.g. "who does the head of Drift report to?"' in capsys.readouterr().err
    # ... which is answered ("who does Afdelingsleder for Drift report to?" read as a title)
    assert main(["who-owns", "who does the head of Drift report to?", "--data",
                 str(with_posts), "--lang", "en"]) == 0
    assert "reports to" in capsys.readouterr().out
    # ... the served page and the static site too; with no post, the advice names none.
    app = create_views_app(MemoryStore(load_dataset(with_posts)))

    async def advised(client: httpx.AsyncClient) -> None:
        page = (await client.get("/", params={"q": "hvem er chef?"})).text
        assert "»hvem er chef for Drift?«" in page and "Økonomi og Stab" not in page

    run(app, advised)
    assert main(["site", str(tmp_path / "site"), "--data", str(with_posts)]) == 0
    site = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "hvem er chef for Drift?" in site and "Økonomi og Stab" not in site
    no_posts = _folder(tmp_path, "uden", NO_POSTS)
    assert main(["who-owns", "hvem er chef?", "--data", str(no_posts)]) == 1
    assert capsys.readouterr().err.endswith("Nævn enheden, udvalget eller stillingen.\n")


#: A school department: a task and an initiative share a name's word.
SCHOOLS = f"""\
sources:
  - {{key: intern, title: Intern oversigt, confidence: high}}
nodes:
  - {{id: body:byradet, kind: Body, name: Byrådet, classification: council, {_COMMON}}}
  - {{id: body:buu, kind: Body, name: Børne- og Ungeudvalget, classification: committee,
     {_COMMON}}}
  - {{id: task:skolestruktur, kind: Task, name: Skolestruktur, kle: 17.01.04, {_COMMON}}}
  - {{id: initiative:ny-skolestruktur, kind: Initiative, name: Ny skolestruktur 2027,
     {_COMMON}}}
edges:
  - {{type: PART_OF, from: body:buu, to: body:byradet, {_COMMON}}}
  - {{type: RESPONSIBLE_FOR, from: body:buu, to: task:skolestruktur, raci: A, {_COMMON}}}
  - {{type: DECIDES, from: body:buu, to: task:skolestruktur, {_COMMON}}}
  - {{type: DECIDES, from: body:byradet, to: initiative:ny-skolestruktur, {_COMMON}}}
"""


@pytest.mark.parametrize("question", ["hvem bestemmer skolestruktur?",
                                      "who decides the school structure?"])
def test_who_decides_a_task_named_whole_is_the_task_not_an_initiative_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str) -> None:
    # "bestemmer" is no word of the task: it met the task at 0.32, and the initiative named
    # "Ny skolestruktur 2027" (0.88) was the answer alone.
    data = str(_folder(tmp_path, "skoler", SCHOOLS))
    assert main(["who-owns", question, "--data", data]) == 0
    out = capsys.readouterr().out
    # (the English question meets the task's Danish name only in part: said first, then it)
    assert out.removeprefix(t("only_weak", "da") + "\n\n").startswith(
        "Opgave: Skolestruktur  (task:skolestruktur, KLE 17.01.04)")
    assert "Besluttes af: Børne- og Ungeudvalget" in out
    # The initiative is still what its own name asks about.
    assert main(["who-owns", "hvem bestemmer Ny skolestruktur 2027?", "--data", data]) == 0
    assert capsys.readouterr().out.startswith("Ny skolestruktur 2027 er et initiativ")


#: A team whose names carry a remark in brackets, in both languages.
TEAMS = NO_POSTS.replace("edges:\n", f"""\
  - {{id: unit:drift-nord, kind: Unit, name: Drift Nord (navn ikke bekræftet),
     name_en: Operations North (name not confirmed), level: team, {_COMMON}}}
edges:
  - {{type: PART_OF, from: unit:drift-nord, to: unit:drift, {_COMMON}}}
""")


@pytest.mark.parametrize(("question", "lang"), [
    ("what is Operations North part of?", "en"), ("hvad hører Drift Nord under?", "da")])
def test_a_name_is_asked_without_the_remark_in_brackets_after_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], question: str, lang: str) -> None:
    # The generality probe: "what is Home Care North part of?" met stray tasks; its English
    # name ends in "(name not confirmed)".
    data = str(_folder(tmp_path, "drift", TEAMS))
    assert main(["who-owns", question, "--data", data, "--lang", lang]) == 0
    assert capsys.readouterr().out.startswith(
        ("Drift Nord (navn ikke bekræftet) hører under: Drift",
         "Operations North (name not confirmed) is part of: Drift")[lang == "en"])
