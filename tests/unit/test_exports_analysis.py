"""CSV tables and the REFI-QDA project: readable by the tools researchers use, exact ranges."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reflect.cli import main
from reflect.exchange.demo import load_demo
from reflect.exchange.qdpx import NS, export_qdpx
from reflect.exchange.tables import export_csv
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parents[1] / "fixtures" / "refi-qda" /
                                         "Project.xsd")))
Q = {"q": NS}


@pytest.fixture
def demo(store, catalog):
    load_demo(store, catalog)
    return store


def read_csv(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: exact for R, pandas and csv
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def test_csv_tables_are_tidy_and_keep_multi_line_answers(demo, interview, tmp_path):
    _story, _informant, session = interview
    awkward = 'First line, with a comma\nsecond line with "quotes"\n\tand a tab; é ✓ שלום'
    demo.save_answer(session.id, "success-what", text=awkward)
    written = export_csv(demo, tmp_path)
    assert {p.name for p in written} == {"stories.csv", "informants.csv", "sessions.csv",
                                         "answers.csv", "principles.csv", "evidence.csv",
                                         "themes.csv", "action_items.csv"}
    answers = read_csv(tmp_path / "answers.csv")
    assert len(answers) == 72 == written[tmp_path / "answers.csv"]
    [mine] = [row for row in answers if row["session_id"] == str(session.id)]
    assert mine["text"] == awkward
    assert mine["story"] == "Back to school" and mine["role"] == "social worker"
    assert mine["protocol"] == "lfs-practitioner" and mine["stage"] == "success"
    assert mine["question_number"] == "1" and mine["type"] == "text"
    assert mine["question"].startswith("In a few sentences")
    assert set(answers[0]) >= {"story", "role", "protocol", "stage", "question", "type",
                               "value"}

    principles = read_csv(tmp_path / "principles.csv")
    evidence = read_csv(tmp_path / "evidence.csv")
    assert len(principles) == 13 and len(evidence) == 18
    counted = {row["principle_id"]: int(row["evidence_count"]) for row in principles}
    assert sum(counted.values()) == 18
    for row in evidence:
        assert row["excerpt"] and row["principle_id"] in counted and row["informant"]
    themes = read_csv(tmp_path / "themes.csv")
    assert len(themes) == 6 and all(int(row["principles"]) >= 1 for row in themes)


def test_csv_typed_answers_have_their_values(store, catalog, tmp_path):
    protocol = catalog.get("good-practice")
    session = store.start_reflection(protocol, "Dana", "Case K.")
    scale = next(q for q in protocol.questions if q.type == "scale")
    listed = next((q for q in protocol.questions if q.type in ("list", "checklist", "multi")),
                  None)
    store.save_answer(session.id, scale.id, value=4, text="An example")
    if listed is not None:
        value = listed.options[:2] if listed.options else ["one", "two"]
        store.save_answer(session.id, listed.id, value=value)
    store.add_action(session.id, "Call the school", None)
    export_csv(store, tmp_path)
    rows = {row["question_id"]: row for row in read_csv(tmp_path / "answers.csv")}
    assert rows[scale.id]["value"] == "4" and rows[scale.id]["text"] == "An example"
    assert rows[scale.id]["case"] == "Case K." and rows[scale.id]["kind"] == "reflection"
    if listed is not None:
        assert rows[listed.id]["value"].split("\n") == value
    [action] = read_csv(tmp_path / "action_items.csv")
    assert action["text"] == "Call the school" and action["status"] == "open"


def open_qdpx(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        sources = {name.removeprefix("sources/").removesuffix(".txt"):
                   archive.read(name).decode("utf-8")
                   for name in archive.namelist() if name.startswith("sources/")}
    return root, sources


def test_qdpx_is_valid_refi_qda_and_codes_the_exact_excerpts(demo, tmp_path):
    path = tmp_path / "demo.qdpx"
    summary = export_qdpx(demo, path)
    root, sources = open_qdpx(path)
    SCHEMA.assertValid(root)
    assert root.tag == f"{{{NS}}}Project"
    assert summary.sources == len(sources) == 10 and summary.unplaced == 0

    text_sources = root.findall("q:Sources/q:TextSource", Q)
    assert {s.get("plainTextPath") for s in text_sources} == {
        f"internal://{guid}.txt" for guid in sources}
    codes = {c.get("guid"): c for c in root.iter(f"{{{NS}}}Code")}
    principles = demo.principles()
    assert {str(p.id) for p in principles} <= set(codes)
    themes = root.findall("q:CodeBook/q:Codes/q:Code", Q)
    assert any(len(theme.findall("q:Code", Q)) >= 2 for theme in themes)  # principles nest

    excerpts = {str(e.id): e.excerpt for links in demo.evidence([p.id for p in principles])
                .values() for e in links}
    coded = 0
    for source in text_sources:
        text = sources[source.get("guid")]
        for selection in source.findall("q:PlainTextSelection", Q):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            [code_ref] = selection.findall("q:Coding/q:CodeRef", Q)
            assert code_ref.get("targetGUID") in codes
            if selection.get("guid") in excerpts:
                assert text[start:end] == excerpts[selection.get("guid")]
                coded += 1
    assert coded == len(excerpts) == 18

    cases = root.findall("q:Cases/q:Case", Q)
    assert len(cases) == 5 + 10  # the stories and the informants
    story_case = next(c for c in cases if c.get("name") == "A home of his own")
    assert len(story_case.findall("q:SourceRef", Q)) == 2
    values = {v.find("q:VariableRef", Q).get("targetGUID"): v for v in
              story_case.findall("q:VariableValue", Q)}
    assert len(values) == 3


def test_qdpx_counts_excerpts_no_longer_in_an_edited_answer(demo, tmp_path):
    link = next(e for links in demo.evidence([p.id for p in demo.principles()]).values()
                for e in links)
    answer = demo.answer_by_id(link.answer_id)
    session = demo.session(answer.session_id)
    demo.save_answer(session.id, answer.question_id, text="Rewritten entirely.")
    summary = export_qdpx(demo, tmp_path / "x.qdpx")
    assert summary.unplaced >= 1
    SCHEMA.assertValid(open_qdpx(tmp_path / "x.qdpx")[0])


def test_qdpx_of_an_empty_database_is_still_valid(store, tmp_path):
    summary = export_qdpx(store, tmp_path / "empty.qdpx")
    root, sources = open_qdpx(tmp_path / "empty.qdpx")
    SCHEMA.assertValid(root)
    assert summary.sources == 0 and sources == {}


def test_cli_csv_and_qdpx(demo, tmp_path, capsys):
    db = cli_db(demo.engine)
    assert main(["--db", db, "export", "csv", "--out", str(tmp_path / "tables")]) == 0
    out = capsys.readouterr().out
    assert "answers.csv (71 rows" in out and "principles.csv (13 rows" in out
    assert main(["--db", db, "export", "qdpx", "--out", str(tmp_path / "p.qdpx")]) == 0
    out = capsys.readouterr().out
    assert "10 interviews as text sources, 15 cases" in out
    assert "20 coded passages (18 evidence excerpts, 2 marked as quotes)" in out
