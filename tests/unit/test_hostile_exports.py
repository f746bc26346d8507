"""Every export is valid for any text a user can type or paste: CSV cells keep text that a
spreadsheet would run as a formula exactly (the .xlsx export is for spreadsheets:
tests/unit/test_tables_exact.py), XML formats (.qdpx, .docx) hold only what XML allows."""

from __future__ import annotations

import csv
import io
import uuid

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.cli import main
from reflect.exchange.documents import export_story
from reflect.exchange.qdpx import export_qdpx
from reflect.exchange.tables import export_csv
from reflect.store import ConsentRecord
from reflect.text import line_ends, xml_text
from tests.backends import cli_db
from tests.unit.test_exports_analysis import SCHEMA, open_qdpx

FORMULAS = ["=HYPERLINK(\"http://x.test\",\"click\")", "+1+1", "-2+3", "@SUM(A1)",
            "\tindented", "\rcarriage"]


def interview_with(store, catalog, answer: str, title: str = "A story"):
    story = store.create_story(title)
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text=answer, flag_quote=True)
    return story, session


def answers_csv(folder) -> dict[str, str]:
    text = (folder / "answers.csv").read_bytes().decode("utf-8")
    return {row["session_id"] if "session_id" in row else str(i): row["text"]
            for i, row in enumerate(csv.DictReader(io.StringIO(text, newline="")))}


def test_csv_keeps_formula_cells_exactly_and_raw_values_changes_nothing(store, catalog,
                                                                         tmp_path):
    for formula in FORMULAS:
        interview_with(store, catalog, formula, title=formula)
    export_csv(store, tmp_path / "exact")
    texts = sorted(answers_csv(tmp_path / "exact").values())
    stored = sorted(line_ends(formula) for formula in FORMULAS)  # a pasted CR is a line end
    assert texts == stored
    stories = (tmp_path / "exact" / "stories.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" not in stories and ',"=HYPERLINK(""http' in stories
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "csv", "--raw-values", "--out",
                 str(tmp_path / "raw")]) == 0
    assert sorted(answers_csv(tmp_path / "raw").values()) == stored


def test_xml_text_keeps_positions():
    text = "a\x0bb\x0cc\x00d\x1b\ufffee\ud800"
    assert xml_text(text) == "a\nb\nc\ufffdd\ufffd\ufffde\ufffd"
    assert len(xml_text(text)) == len(text)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_any_text_gives_a_valid_qdpx_and_docx(store, catalog, tmp_path_factory, text):
    if "\x00" in text and store.engine.dialect.name != "sqlite":
        return
    story, _ = interview_with(store, catalog, text, title=text.strip() or "t")
    folder = tmp_path_factory.mktemp(uuid.uuid4().hex[:8])
    export_qdpx(store, folder / "p.qdpx")
    root, _sources = open_qdpx(folder / "p.qdpx")
    SCHEMA.assertValid(root)
    for path in export_story(store, story.id, folder):
        if path.suffix == ".docx":
            Document(str(path))  # opens: the XML is well formed


@pytest.mark.parametrize("control", ["\x0b", "\x1b[2J", "\x07", "\x0c"])
def test_a_pasted_control_character_keeps_the_exports_valid(store, catalog, tmp_path, control):
    story, _ = interview_with(store, catalog, f"pasted from Word{control}and more")
    export_qdpx(store, tmp_path / "p.qdpx")
    SCHEMA.assertValid(open_qdpx(tmp_path / "p.qdpx")[0])
    docx = [p for p in export_story(store, story.id, tmp_path) if p.suffix == ".docx"]
    assert docx and Document(str(docx[0]))
