"""``orgmodel view`` and ``orgmodel site``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from orgmodel.cli import main
from viz.render import BUNDLE, asset_bytes


def test_view_writes_one_self_contained_file(tmp_path: Path, data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "org.html"
    assert main(["view", "org", "--out", str(out), "--data", str(data_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nodes"] == 53
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "default-src 'none'" in html
    assert "vis-network" in html


def test_view_of_a_post(tmp_path: Path, data_dir: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stakeholders.html"
    assert main(["view", "stakeholders", "--post", "post:borgmester", "--out", str(out),
                 "--data", str(data_dir), "--lang", "en"]) == 0
    assert "Stakeholder map" in out.read_text(encoding="utf-8")
    said = capsys.readouterr().out  # in the language asked for
    assert said.startswith(f"{out}: ") and " nodes, " in said and said.endswith(" edges\n")
    assert main(["view", "org", "--out", str(out), "--data", str(data_dir)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"{out}: 53 noder, ") and said.endswith(" relationer\n")


def test_view_of_a_post_by_name(tmp_path: Path, data_dir: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "stakeholders.html"
    assert main(["view", "stakeholders", "--post", "borgmester", "--out", str(out),
                 "--data", str(data_dir)]) == 0
    html = out.read_text(encoding="utf-8")
    config = json.loads(html.split('id="orgmodel-config">')[1].split("</script>")[0])
    assert [n["id"] for n in config["payload"]["nodes"] if n.get("ego")] == ["post:borgmester"]
    missing = tmp_path / "missing.html"
    assert main(["view", "stakeholders", "--post", "Ingen Sådan Stilling", "--out",
                 str(missing), "--data", str(data_dir)]) == 1
    assert "Ingen node har id'et eller navnet »Ingen Sådan Stilling«" in capsys.readouterr().err
    assert not missing.exists()
    # A blank --post is a mistake (a script's empty variable), not the default post.
    assert main(["view", "stakeholders", "--post", " ", "--out", str(missing),
                 "--data", str(data_dir)]) == 2
    assert "fejl: argument --post: skriv en stillings id eller navn" in capsys.readouterr().err
    assert not missing.exists()


def test_site_writes_pages_and_shared_assets(tmp_path: Path, data_dir: Path) -> None:
    assert main(["site", str(tmp_path), "--data", str(data_dir)]) == 0
    for name in ("index", "org", "collaboration", "stakeholders", "responsibilities",
                 "case-route"):
        assert (tmp_path / f"{name}.html").is_file()
        assert (tmp_path / "en" / f"{name}.html").is_file()
    assert (tmp_path / "static" / "vendor" / "vis-network" / "vis-network.min.js").is_file()
    assert (tmp_path / "static" / "vendor" / "vis-network" / "LICENSE-MIT").is_file()
    org = (tmp_path / "org.html").read_text(encoding="utf-8")
    assert 'src="static/js/orgview.bundle.js"' in org and "/static/" not in org
    assert (tmp_path / "static" / "js" / "orgview.bundle.js").read_bytes() == asset_bytes(BUNDLE)
    index = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert 'id="orgmodel-owners"' in index and 'src="../static/js/start.js"' in index


def test_unwritable_output_is_a_clear_error(tmp_path: Path, data_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Said before any work, as a usage error: a folder where a file belongs, a folder that
    # is not there (a typo made it before), a file where the site's folder belongs.
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for args, said in (
            (["view", "org", "--out", str(tmp_path)], "is a folder: give a file name"),
            (["view", "org", "--out", str(tmp_path / "typo" / "org.html")],
             f"no folder '{tmp_path / 'typo'}' to write org.html in: make it first"),
            (["site", str(tmp_path / "a-file")], "is a file, not a folder")):
        assert main([*args, "--data", str(data_dir), "--lang", "en"]) == 2, args
        assert said in capsys.readouterr().err, args
    # In Danish unless English is asked for, as the command's answers are.
    assert main(["view", "org", "--out", str(tmp_path), "--data", str(data_dir)]) == 2
    assert "er en mappe: skriv et filnavn" in capsys.readouterr().err
    assert not (tmp_path / "typo").exists()
    # A post for a view that draws no post was quietly ignored.
    assert main(["view", "org", "--post", "borgmester", "--out", str(tmp_path / "o.html"),
                 "--data", str(data_dir)]) == 2
    assert "--post is for stakeholders and case-route, not org" in capsys.readouterr().err


def test_stakeholders_lists_a_posts_stakeholders_by_strategy(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stakeholders", "--data", str(data_dir), "--as-of", "2024-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Chef for Økonomi og Stab (post:chef-okonomi-og-stab), 2024-06-01")
    manage, rest = out.split("Hold tilfreds")
    assert "Håndter tæt (" in manage and "Kommunaldirektør" in manage and "Borgmester" in manage
    assert "Hold informeret" in rest and "Overvåg" in rest
    # The same scores as the stakeholder map's grid, for scripts
    assert main(["stakeholders", "Kommunaldirektør", "--depth", "1", "--json",
                 "--data", str(data_dir), "--as-of", "2024-06-01"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["post"] == "post:kommunaldirektor"
    chief = next(s for s in answer["stakeholders"] if s["id"] == "post:chef-okonomi-og-stab")
    assert (chief["quadrant"], chief["distance"]) == ("manage", 1)
    assert {s["distance"] for s in answer["stakeholders"]} == {1}
    # Through which fora: the chief meets the municipal director in Chefforum, among others.
    assert "forum:chefforum" in chief["via"]
    # ... and why the chief is a stakeholder at all: reporting to the municipal director.
    assert chief["tie"] == [{"relation_da": "har som medarbejder",
                             "relation_en": "has as direct report", "type": "REPORTS_TO",
                             "inverse": True, "raci": None, "id": "post:chef-okonomi-og-stab"}]
    # ... as the API gives it (GET /api/v1/stakeholders/{post})
    assert answer["depth"] == 1 and chief["name_en"] == "Head of Finance and Staff"
    assert main(["stakeholders", "--lang", "en", "--data", str(data_dir)]) == 0
    english = capsys.readouterr().out
    assert english.startswith("Head of Finance and Staff (post:chef-okonomi-og-stab)")
    director = next(line for line in english.splitlines() if line.startswith("Municipal Director"))
    assert "Chiefs' Forum" in director and "Directors' Forum" in director
    # The chain that ties each stakeholder to the post, in words ("Tie"): the new chief saw
    # scores and fora, never why the mayor or a unit was there.
    assert "Tie" in english and "reports to Municipal Director" in director
    unit = next(line for line in english.splitlines() if line.startswith("Organisation and Pol"))
    assert "has as direct report Head of Organisation and Politics → heads Organisation and " \
        "Politics" in unit
    # A tie as long as the steps said: the mayor, one step away by their work together, was
    # tied through the municipal director (the stronger chain), and the review of political
    # cases the chief is a member of through the council (the new chief's probe).
    assert main(["stakeholders", "--json", "--data", str(data_dir)]) == 0
    mapped = {s["id"]: s for s in json.loads(capsys.readouterr().out)["stakeholders"]}
    assert all(len(s["tie"]) == s["distance"] for s in mapped.values())
    assert [step["type"] for step in mapped["post:borgmester"]["tie"]] == ["COLLABORATES_WITH"]
    review = mapped["forum:politisk-sagsgennemgang"]
    assert [(step["type"], step["inverse"]) for step in review["tie"]] == [("MEMBER_OF", False)]
    assert main(["stakeholders", "Ingen Sådan Stilling", "--data", str(data_dir)]) == 1
    assert "Ingen node har id'et eller navnet »Ingen Sådan Stilling«" in capsys.readouterr().err
    # A unit by its name is not "no node has that name": it is no post, and its head is meant.
    assert main(["stakeholders", "IT og Digitalisering", "--data", str(data_dir)]) == 1
    assert capsys.readouterr().err.startswith(
        "orgmodel: »IT og Digitalisering« er en enhed, ikke en stilling: et interessentkort "
        "tegnes for en stilling. Mente du: Enhedsleder for IT og Digitalisering "
        "(post:enhedsleder-it-og-digitalisering)")
    # --post, as `view stakeholders --post` takes it (it was an unknown argument), once.
    assert main(["stakeholders", "--post", "Borgmester", "--data", str(data_dir)]) == 0
    told = capsys.readouterr()
    assert told.out.startswith("Borgmester (post:borgmester)") and "valgt" not in told.out
    assert main(["stakeholders", "Borgmester", "--post", "Borgmester",
                 "--data", str(data_dir)]) == 2
    assert "Angiv stillingen én gang" in capsys.readouterr().err


def test_stakeholders_as_csv_for_a_spreadsheet(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The new chief's probe: no file of her map to work on in a spreadsheet.
    assert main(["stakeholders", "Kommunaldirektør", "--depth", "1", "--json",
                 "--data", str(data_dir), "--as-of", "2024-06-01"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert main(["stakeholders", "Kommunaldirektør", "--depth", "1", "--csv",
                 "--data", str(data_dir), "--as-of", "2024-06-01"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows[0] == ["Navn", "Indflydelse (%)", "Interesse (%)", "Strategi", "Afstand",
                       "Forbindelse", "Mødes i", "Id"]
    # every stakeholder the map places, in its order (whom to manage closely first)
    assert [row[-1] for row in rows[1:]] == [s["id"] for s in answer["stakeholders"]]
    chief = next(row for row in rows if row[-1] == "post:chef-okonomi-og-stab")
    assert chief[0] == "Chef for Økonomi og Stab" and chief[3] == "Håndter tæt"
    assert chief[1].isdigit() and chief[4] == "1" and "Chefforum" in chief[6]
    assert main(["stakeholders", "--csv", "--lang", "en", "--data", str(data_dir)]) == 0
    english = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert english[0][:4] == ["Name", "Influence (%)", "Interest (%)", "Strategy"]
    assert any(row[0] == "Municipal Director" for row in english)
    assert main(["stakeholders", "--csv", "--json", "--data", str(data_dir)]) == 2
    assert "Vælg --json eller --csv, ikke begge." in capsys.readouterr().err
    # A static site has the file beside its map, which links it.
    assert main(["site", str(tmp_path), "--data", str(data_dir)]) == 0
    written = (tmp_path / "stakeholders.csv").read_bytes()
    assert written.startswith("\ufeffNavn;".encode())  # Excel reads it as UTF-8
    assert (tmp_path / "en" / "stakeholders.csv").read_text(encoding="utf-8-sig").startswith(
        "Name,")
    assert 'href="stakeholders.csv" download' in (tmp_path / "stakeholders.html").read_text(
        encoding="utf-8")
    assert 'href="../en/stakeholders.csv" download' in (
        tmp_path / "en" / "stakeholders.html").read_text(encoding="utf-8")
