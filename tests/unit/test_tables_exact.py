"""Tables for code and tables for spreadsheets (issue 33, point 2): the CSV files hold every
cell exactly as stored (read back with the csv module and compared with the database, cell by
cell, for text that spreadsheets, terminals and line readers misread), every evidence range
points into its answer's text; the .xlsx workbook holds the same cells, every text cell a
string, never a formula; the sessions and informants tables; an informant who withdrew is in
no row and no count."""

from __future__ import annotations

import csv
import re
import uuid
import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect import i18n
from reflect.cli import main
from reflect.exchange.spreadsheet import CELL_LIMIT, export_xlsx
from reflect.exchange.tables import FILES, csv_field, export_csv
from reflect.models import ActionItem, Answer, Evidence, Informant, Principle, Session, Story, Theme
from reflect.store import ConsentRecord
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends

HOSTILE = [
    "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "=HYPERLINK(\"http://x.test\",\"click\")",
    "[/] [bold]not markup[/bold]", "first line\r\nsecond line", "one\rtwo", "a\u2028b\u2029c",
    "next\x85line", "\ttab first\tand inside", "controls \x01\x07\x1b[2J\x0b\x0c\x1c end",
    "שלום, עולם \"במרכאות\"", "مرحبا، يا عالم", "emoji 👩‍👧‍👦 ✓ 🇮🇱", "\"quoted\", with a comma",
    "  spaces around  ", "_x0041_ looks like Excel's own escape", "'already an apostrophe",
]
"""Stored text that spreadsheets run, terminals obey or line readers split."""

NUMERIC = {"informants", "interviews", "sessions", "answered", "skipped", "questions",
           "question_number", "evidence_count", "start", "end", "principles", "stories"}
"""The columns that hold counts and positions (numbers in the workbook)."""


def read_table(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no byte-order mark: R, csv, pandas alike
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def rows_of(store, model) -> list:
    with DBSession(store.engine) as db:
        return list(db.exec(select(model)))


@pytest.fixture
def hostile(store, catalog):
    """Every hostile text as a story (title, service, criteria, summary), an informant's
    pseudonym, an interview answer cut as evidence in two places, a principle's four parts,
    a theme, a reflection's case and action."""
    for number, text in enumerate(HOSTILE):
        story = store.create_story(f"{number} {text}", text, text, text)
        informant = store.add_informant(story.id, f"{text} {number}", "client")
        session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                        ConsentRecord(True, "verbal", "Ana"))
        answer = store.save_answer(session.id, catalog.get("lfs-client").questions[0].id,
                                   text=f"{text} | {text} and the rest", flag_quote=True)
        principle = store.add_principle(story.id, situation=text, goal=text, action=text,
                                        rationale=text)
        stored = next(a for a in rows_of(store, Answer) if a.id == answer.id).text
        store.add_evidence(principle.id, answer.id, 0, len(stored) // 2)
        store.add_evidence(principle.id, answer.id, len(stored) // 2, len(stored))
        theme = store.create_theme(f"{number} {text}", text)
        store.assign_theme([principle.id], theme.id)
        reflection = store.start_reflection(catalog.get("good-practice"), "Dana", text)
        store.add_action(reflection.id, f"{number} {text}")
    return store


def test_every_csv_cell_is_the_stored_text(hostile, tmp_path):
    written = export_csv(hostile, tmp_path)
    assert [p.name for p in written] == [f"{name}.csv" for name in FILES]
    tables = {name: read_table(tmp_path / f"{name}.csv") for name in FILES}
    assert all(len(tables[p.stem]) == rows for p, rows in written.items())

    stories = {row["story_id"]: row for row in tables["stories"]}
    for story in rows_of(hostile, Story):
        row = stories[str(story.id)]
        assert [row["title"], row["service"], row["success_criteria"], row["summary"]] == [
            story.title, story.service, story.success_criteria, story.summary]
    informants = {row["informant_id"]: row["informant"] for row in tables["informants"]}
    assert informants == {str(i.id): i.pseudonym for i in rows_of(hostile, Informant)}
    cases = {row["session_id"]: row["case"] for row in tables["sessions"]}
    assert cases == {str(s.id): s.case_label for s in rows_of(hostile, Session)}
    texts = {row["answer_id"]: row["text"] for row in tables["answers"]}
    assert texts == {str(a.id): a.text for a in rows_of(hostile, Answer)}
    parts = {row["principle_id"]: [row[k] for k in ("situation", "goal", "action", "rationale")]
             for row in tables["principles"]}
    assert parts == {str(p.id): [p.situation, p.goal, p.action, p.rationale]
                     for p in rows_of(hostile, Principle)}
    themes = {row["theme_id"]: (row["theme"], row["description"]) for row in tables["themes"]}
    assert themes == {str(t.id): (t.name, t.description) for t in rows_of(hostile, Theme)}
    actions = {row["action_id"]: row["text"] for row in tables["action_items"]}
    assert actions == {str(a.id): a.text for a in rows_of(hostile, ActionItem)}

    links = {str(e.id): e for e in rows_of(hostile, Evidence)}
    assert len(tables["evidence"]) == len(links) == 2 * len(HOSTILE)
    for row in tables["evidence"]:  # every range points into the answer's text as exported
        start, end = int(row["start"]), int(row["end"])
        assert texts[row["answer_id"]][start:end] == row["excerpt"] == links[
            row["evidence_id"]].excerpt
        assert (start, end) == (links[row["evidence_id"]].start, links[row["evidence_id"]].end)

    exported = {cell for table in tables.values() for row in table for cell in row.values()}
    for text in HOSTILE:  # nothing added in front of a formula, nothing stripped inside
        assert any(text.strip() in cell for cell in exported), text
    assert not any(cell.startswith("'=") or cell.startswith("'+") for cell in exported)


def test_a_line_break_of_any_kind_is_quoted_in_its_cell():
    for text in ("a\nb", "a\rb", "a\u2028b", "a\u2029b", "a\x85b", "a\x0bb", "a\x0cb",
                 "a\x1cb", "a,b", 'a"b'):
        field = csv_field(text)
        assert field == '"' + text.replace('"', '""') + '"'
        assert next(csv.reader([field])) == [text]
    assert csv_field("=1+1") == "=1+1" and csv_field(7) == "7" and csv_field("") == ""
    assert csv_field(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"


SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescaped(text: str) -> str:
    """A string as Excel reads it back: _xHHHH_ is that character (and _x005F_ a '_')."""
    return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def column_number(reference: str) -> int:
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


NUMBERS: dict[str, set[int]] = {}
"""Sheet name -> the columns where read_workbook found a number (the last workbook read)."""


def read_workbook(path: Path) -> dict[str, list[list[str]]]:
    """Each sheet's rows as text, checking on the way that no cell is a formula and every
    text cell is a string (shared or inline); the columns with numbers go to NUMBERS."""
    NUMBERS.clear()
    with zipfile.ZipFile(path) as archive:
        shared = [unescaped("".join(si.itertext())) for si in etree.fromstring(
            archive.read("xl/sharedStrings.xml")).iter(f"{SHEET}si")]
        names = [sheet.get("name") for sheet in etree.fromstring(
            archive.read("xl/workbook.xml")).iter(f"{SHEET}sheet")]
        sheets = {}
        for number, name in enumerate(names, start=1):
            xml = archive.read(f"xl/worksheets/sheet{number}.xml")
            root = etree.fromstring(xml)
            assert not list(root.iter(f"{SHEET}f")), name  # not one formula
            rows = []
            for row in root.iter(f"{SHEET}row"):
                cells: dict[int, str] = {}
                for cell in row.iter(f"{SHEET}c"):
                    kind, value = cell.get("t"), cell.findtext(f"{SHEET}v")
                    if kind == "s":
                        cells[column_number(cell.get("r"))] = shared[int(value)]
                    elif kind == "inlineStr":
                        cells[column_number(cell.get("r"))] = unescaped(
                            "".join(cell.find(f"{SHEET}is").itertext()))
                    else:
                        assert kind is None and value is not None and value.isdigit(), name
                        cells[column_number(cell.get("r"))] = value
                        NUMBERS.setdefault(name, set()).add(column_number(cell.get("r")))
                rows.append([cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)])
            sheets[name] = rows
    return sheets


def test_the_workbook_holds_the_same_cells_as_strings_never_formulas(hostile, tmp_path):
    export_csv(hostile, tmp_path / "csv")
    book = export_xlsx(hostile, tmp_path / "tables.xlsx")
    assert book.cut == 0 and list(book.rows) == list(FILES)
    sheets = read_workbook(tmp_path / "tables.xlsx")
    assert list(sheets) == list(FILES)
    for name in FILES:
        with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            expected = list(csv.reader(file))
        got = [row + [""] * (len(expected[0]) - len(row)) for row in sheets[name]]
        assert got == expected, name
        assert book.rows[name] == len(expected) - 1
        numbers = {expected[0][i] for i in NUMBERS.get(name, set())}
        assert numbers <= NUMERIC, name  # only counts and positions are numbers
    assert NUMBERS["answers"] == {sheets["answers"][0].index("question_number")}
    with zipfile.ZipFile(tmp_path / "tables.xlsx") as archive:
        assert "rightToLeft" not in archive.read("xl/worksheets/sheet4.xml").decode()


def test_a_right_to_left_interface_gives_right_to_left_sheets(store, interview, tmp_path):
    i18n.use("he")
    export_xlsx(store, tmp_path / "he.xlsx")
    with zipfile.ZipFile(tmp_path / "he.xlsx") as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist()
                  if n.startswith("xl/worksheets/")]
    assert len(sheets) == len(FILES) and all('rightToLeft="1"' in s for s in sheets)
    informants = read_workbook(tmp_path / "he.xlsx")["informants"]
    assert informants[1][3:5] == ["Maya", "עובד/ת סוציאלי/ת"]  # the role in the interface's


def test_text_longer_than_a_spreadsheet_cell_is_cut_there_and_counted(store, interview,
                                                                      tmp_path):
    _story, _informant, session = interview
    long = "=" + "x" * (CELL_LIMIT + 10)
    store.save_answer(session.id, "success-what", text=long)
    book = export_xlsx(store, tmp_path / "long.xlsx")
    assert book.cut == 1
    [row] = read_workbook(tmp_path / "long.xlsx")["answers"][1:]
    cell = row[read_workbook(tmp_path / "long.xlsx")["answers"][0].index("text")]
    assert cell == long[:CELL_LIMIT]
    export_csv(store, tmp_path / "csv")
    assert read_table(tmp_path / "csv" / "answers.csv")[0]["text"] == long  # whole here


def test_rows_past_a_sheets_limit_are_left_out_and_counted(store, catalog, tmp_path,
                                                           monkeypatch):
    from reflect.exchange import spreadsheet

    monkeypatch.setattr(spreadsheet, "ROW_LIMIT", 3)  # the header and two rows
    for title in ("A", "B", "C", "D"):
        store.create_story(title)
    book = export_xlsx(store, tmp_path / "t.xlsx")
    assert book.rows["stories"] == 2 and book.left_out == 2
    assert [row[1] for row in read_workbook(tmp_path / "t.xlsx")["stories"]] == [
        "title", "A", "B"]


def test_sessions_and_informants_tables(store, catalog, interview, tmp_path):
    story, maya, session = interview
    store.save_answer(session.id, "success-what", text="We met every week.")
    store.save_answer(session.id, "success-criteria", text="", skipped=True)
    quiet = store.add_informant(story.id, "Noa", "family_member")  # not interviewed yet
    reflection = store.start_reflection(catalog.get("good-practice"), "Dana", "Case K.")
    export_csv(store, tmp_path)
    informants = read_table(tmp_path / "informants.csv")
    assert [(r["informant"], r["role"], r["sessions"], r["story"]) for r in informants] == [
        ("Maya", "social worker", "1", "Back to school"),
        ("Noa", "family member", "0", "Back to school")]
    assert informants[1]["informant_id"] == str(quiet.id)
    sessions = {row["session_id"]: row for row in read_table(tmp_path / "sessions.csv")}
    mine = sessions[str(session.id)]
    assert (mine["kind"], mine["story"], mine["informant"], mine["role"], mine["status"]) == (
        "interview", "Back to school", "Maya", "social worker", "in_progress")
    assert (mine["answered"], mine["skipped"]) == ("1", "1")
    assert int(mine["questions"]) == len(catalog.get("lfs-practitioner").questions)
    assert mine["recording_consent"] == "not asked" and mine["completed_at"] == ""
    started = next(s for s in rows_of(store, Session) if s.id == session.id).started_at
    assert mine["started_at"].endswith("+00:00")
    assert mine["started_at"][:19] == started.strftime("%Y-%m-%dT%H:%M:%S")
    other = sessions[str(reflection.id)]
    assert (other["kind"], other["case"], other["informant"], other["role"]) == (
        "reflection", "Case K.", "", "")
    [row] = read_table(tmp_path / "stories.csv")
    assert (row["informants"], row["interviews"]) == ("2", "1")


TOKEN = "ZQXTABLESWITHDRAWN"


def test_an_informant_who_withdrew_is_in_no_row_and_no_count(store, catalog, interview,
                                                            tmp_path):
    story, maya, session = interview
    store.save_answer(session.id, "success-what", text="We met every week.")
    client = store.add_informant(story.id, f"Dana {TOKEN}", "client")
    theirs = store.start_interview(client.id, catalog.get("lfs-client"),
                                   ConsentRecord(True, "verbal", "Ana"))
    answer = store.save_answer(theirs.id, catalog.get("lfs-client").questions[0].id,
                               text=f"She listened. {TOKEN}")
    principle = store.add_principle(story.id, action="listen first")
    store.add_evidence(principle.id, answer.id, 0, 12)
    store.record_check(client.id, "withdrawn", date(2026, 12, 3), "by letter")
    export_csv(store, tmp_path / "csv")
    export_xlsx(store, tmp_path / "tables.xlsx")
    for path in (tmp_path / "csv").iterdir():
        assert TOKEN not in path.read_text(encoding="utf-8"), path.name
        assert str(client.id) not in path.read_text(encoding="utf-8"), path.name
        assert str(theirs.id) not in path.read_text(encoding="utf-8"), path.name
    with zipfile.ZipFile(tmp_path / "tables.xlsx") as archive:
        assert not any(TOKEN in archive.read(n).decode("utf-8") for n in archive.namelist())
    [row] = read_table(tmp_path / "csv" / "stories.csv")
    assert (row["informants"], row["interviews"]) == ("1", "1")  # Maya only
    assert [r["informant"] for r in read_table(tmp_path / "csv" / "informants.csv")] == ["Maya"]
    assert [r["session_id"] for r in read_table(tmp_path / "csv" / "sessions.csv")] == [
        str(session.id)]
    [principle_row] = read_table(tmp_path / "csv" / "principles.csv")
    assert principle_row["evidence_count"] == "0"
    assert read_table(tmp_path / "csv" / "evidence.csv") == []
    assert read_workbook(tmp_path / "tables.xlsx")["stories"][1][-2:] == ["1", "1"]


def test_the_commands(store, catalog, tmp_path, capsys):
    story = store.create_story("=1+1", "@team")
    informant = store.add_informant(story.id, "+Maya", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, catalog.get("lfs-client").questions[0].id, text="-1 day")
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "csv", "--out", str(tmp_path / "exact")]) == 0
    assert main(["--db", db, "export", "csv", "--raw-values", "--out",
                 str(tmp_path / "raw")]) == 0  # the old option is accepted and changes nothing
    for name in FILES:
        exact, raw = (tmp_path / "exact" / f"{name}.csv"), (tmp_path / "raw" / f"{name}.csv")
        assert exact.read_bytes() == raw.read_bytes()
    assert read_table(tmp_path / "exact" / "stories.csv")[0]["title"] == "=1+1"
    capsys.readouterr()
    assert main(["--db", db, "export", "xlsx", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    [path] = tmp_path.glob("reflect-*.xlsx")
    assert path.name in out.replace("\n", "") and "1 stories, 1 informants" in out
    assert read_workbook(path)["stories"][1][1] == "=1+1"
    assert main(["--db", db, "export", "xlsx", "--out", str(path)]) == 1  # exists: refused
    assert "--force" in capsys.readouterr().err
    assert main(["--db", db, "export", "xlsx", "--force", "--out", str(path)]) == 0
