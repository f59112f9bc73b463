"""KLE numbers, the OS2KLE parser, the project's KLE subset and its importer."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orgmodel.kle import (
    KleFormatError,
    KleTopic,
    import_main,
    is_kle_number,
    load_kle_subset,
    parse_os2kle,
    write_kle_subset,
)

REPO = Path(__file__).resolve().parents[2]
OS2KLE = REPO / ".." / "shared" / "data" / "kle" / "OS2KLE.txt"
SUBSET = REPO / "data" / "kle" / "kle.yaml"
REQUIRED = [
    "00.30.10", "00.30.14", "00.32.10", "81.15.00", "81.03.00", "81.02.05", "00.22.02",
    "00.22.04", "85.11.06", "85.15.02", "83.01.02", "88.12.03", "88.20.12",
]

LON = "KLENummer='81.15.00':KLETitel='Løn i almindelighed':Keywords[Weight]=Løn[5];lønning[10];"
ODD = (
    "KLENummer='81.03.00':KLETitel='Ansættelse [udgår 2026]':Keywords[Weight]="
    'Ansættelsesbrev neutral ("gl. løn")[5];tilskud, lån og garantier[5];a[b][5];ok01[1000];'
)
EMPTY = "KLENummer='00.75.00':KLETitel='Dataudveksling i almindelighed':Keywords[Weight]="


@pytest.mark.parametrize("number", ["81", "81.15", "81.15.00", "00.01.00"])
def test_kle_numbers(number: str) -> None:
    assert is_kle_number(number)


@pytest.mark.parametrize("text", ["", "8", "81.1", "81.15.0", "81.15.00.00", "ab.cd", " 81", "81."])
def test_not_kle_numbers(text: str) -> None:
    assert not is_kle_number(text)


def test_parse_orders_keywords_by_weight_and_keeps_odd_characters() -> None:
    lon, odd, empty = parse_os2kle("\n".join([LON, ODD, EMPTY]))
    assert lon == KleTopic("81.15.00", "Løn i almindelighed", ("lønning", "Løn"), (10, 5))
    assert odd.title == "Ansættelse [udgår 2026]"
    assert odd.keywords == (
        "ok01", 'Ansættelsesbrev neutral ("gl. løn")', "tilskud, lån og garantier", "a[b]"
    )
    assert empty.keywords == ()


def test_parse_accepts_bom_crlf_blank_lines_and_a_missing_final_semicolon() -> None:
    text = "\ufeff" + LON + "\r\n\r\n" + LON.replace("81.15.00", "81.15.03").rstrip(";") + "\r\n"
    assert [t.number for t in parse_os2kle(text)] == ["81.15.00", "81.15.03"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (LON + "\nnonsense", 2, "KLENummer"),
        (LON.replace("81.15.00", "81.1"), 1, "bad KLE number"),
        (LON.replace(":KLETitel='Løn i almindelighed'", ""), 1, "expected"),
        (LON.replace("lønning[10]", "lønning"), 1, "keyword without [weight]"),
        (LON.replace("[10]", "[ten]"), 1, "keyword without [weight]"),
        (LON + "\n\n" + LON, 3, "given twice"),
        (LON.replace("Løn i almindelighed", " "), 1, "empty title"),
    ],
)
def test_bad_lines_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(KleFormatError) as info:
        parse_os2kle(text, filename="kle.txt")
    assert info.value.filename == "kle.txt"
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"kle.txt:{line}: ")


@given(st.text())
def test_parse_raises_only_kle_format_errors(text: str) -> None:
    with contextlib.suppress(KleFormatError):
        parse_os2kle(text)


@given(st.lists(st.sampled_from([LON, ODD, EMPTY, "", "KLENummer='", "x[5];", "'"]), max_size=5))
def test_parse_raises_only_kle_format_errors_on_near_misses(lines: list[str]) -> None:
    with contextlib.suppress(KleFormatError):
        parse_os2kle("\n".join(lines))


def test_every_line_of_the_real_os2kle_file_parses() -> None:
    assert OS2KLE.exists(), f"OS2KLE is expected at {OS2KLE}"
    text = OS2KLE.read_text(encoding="utf-8")
    topics = parse_os2kle(text, filename=str(OS2KLE))
    assert len(topics) == len(text.splitlines()) == 2390
    by_number = {t.number: t for t in topics}
    assert by_number["81.15.00"].title == "Løn i almindelighed"
    assert all(is_kle_number(t.number) and t.title for t in topics)


def test_subset_round_trip_keeps_words_and_drops_codes() -> None:
    [odd] = parse_os2kle(ODD)
    many = KleTopic("81.15.00", "Løn", tuple(f"ord{chr(97 + i % 26)}{i // 26}x" for i in range(60)))
    words = KleTopic("00.01.00", "Styrelse", tuple(f"emne{'abcdefghij'[i % 10]}" * (1 + i // 10)
                                                     for i in range(60)))
    text = write_kle_subset([odd, many, words], ["81.03.00", "00.01.00"])
    assert "OS2KLE v3.23" in text and "MPL-2.0" in text
    path = Path(__import__("tempfile").mkdtemp()) / "kle.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_kle_subset(path)
    assert list(loaded) == ["00.01.00", "81.03.00"]
    assert loaded["81.03.00"].title == odd.title
    assert loaded["81.03.00"].keywords == (
        'Ansættelsesbrev neutral ("gl. løn")', "tilskud, lån og garantier", "a[b]"
    )
    assert loaded["00.01.00"].keywords == words.keywords[:40]


def test_subset_rejects_unknown_and_malformed_numbers() -> None:
    [lon] = parse_os2kle(LON)
    with pytest.raises(ValueError, match=r"unknown KLE numbers: 99\.99\.99"):
        write_kle_subset([lon], ["81.15.00", "99.99.99"])
    with pytest.raises(ValueError, match="not KLE numbers"):
        write_kle_subset([lon], ["81.1"])


@pytest.mark.parametrize(
    "content",
    ["topics: 3", "[1, 2]", "topics: [{number: 81.1, title: x}]", "topics: [{number: '81.15.00'}]",
     "topics: [{number: '81.15.00', title: x, keywords: [1]}]", "topics: [[", "topics: [7]"],
)
def test_load_subset_rejects_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "kle.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"kle\.yaml"):
        load_kle_subset(path)


def test_the_project_subset_holds_the_required_topics() -> None:
    topics = load_kle_subset(SUBSET)
    assert set(REQUIRED) <= set(topics)
    assert topics["81.15.00"].title == "Løn i almindelighed"
    assert all(len(t.keywords) <= 40 for t in topics.values())
    assert not any(k.lower().startswith("ok0") for t in topics.values() for k in t.keywords)


def test_importer_writes_the_subset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "OS2KLE.txt"
    source.write_text(LON + "\n" + ODD + "\n", encoding="utf-8")
    out = tmp_path / "out" / "kle.yaml"
    assert import_main([str(source), "--numbers", "81.15.00, 81.03.00", "--out", str(out)]) == 0
    assert set(load_kle_subset(out)) == {"81.15.00", "81.03.00"}
    assert "wrote 2 topics" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("lines", "numbers", "expected"),
    [
        (None, "81.15.00", "cannot read"),
        ([LON], "99.99.99", "unknown KLE numbers: 99.99.99"),
        ([LON, "garbage"], "81.15.00", "OS2KLE.txt:2:"),
    ],
)
def test_importer_reports_errors_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: list[str] | None, numbers: str,
    expected: str,
) -> None:
    source = tmp_path / "OS2KLE.txt"
    if lines is not None:
        source.write_text("\n".join(lines), encoding="utf-8")
    assert import_main([str(source), "--numbers", numbers]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_importer_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        import_main(["--help"])
    assert info.value.code == 0
    assert "--numbers" in capsys.readouterr().out
