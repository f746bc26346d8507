"""Nothing irreversible because a file said so (issue 28, point 3): an erasure (or a
withdrawal) that arrives in a bundle hides the informant's words, as a withdrawal does, and
waits; the words are destroyed only when someone here runs the erasure."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect.cli import main
from reflect.exchange.bundle import bundle_data, checksum, export_bundle, import_bundle
from reflect.exchange.tables import export_csv
from reflect.method.session import SessionRun
from reflect.models import (
    Answer,
    AuditEvent,
    Deletion,
    DeletionAction,
    DeletionKind,
    Evidence,
    InterviewerNote,
)
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect.store.search import search_answers
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends

SECRET = "Quetzalwords"
"""A word only Dana said: looked for in exports and in the file's bytes."""


@pytest.fixture
def voices(store, catalog):
    """A story with a worker (Maya) and a client (Dana) who never withdrew; each answered,
    with a note, and a principle rests on Dana's words."""
    story = store.create_story("Back [/] to school", "Family support", "Attendance")
    maya = store.add_informant(story.id, "Maya", "social_worker")
    dana = store.add_informant(story.id, "Dana", "client")
    sessions = {}
    for who, protocol, text in ((maya, "lfs-practitioner", "We met every week at her home."),
                                (dana, "lfs-client", f"She listened. {SECRET} at home.")):
        session = store.start_interview(who.id, catalog.get(protocol),
                                        ConsentRecord(True, "verbal", "Ana"))
        run = SessionRun.resume(store, session.id)
        run.save_text(text)
        run.add_note(f"note about {who.pseudonym}", code=(10, "clock"))
        sessions[who.pseudonym] = session
    principle = store.add_principle(story.id, situation="a family distrusts services",
                                    goal="build trust", action="meet at home weekly",
                                    rationale="trust grows from presence")
    answer = next(iter(store.answers(sessions["Dana"].id).values()))
    store.add_evidence(principle.id, answer.id, 0, 12)
    return story, maya, dana, sessions


def hostile_bundle(path: Path, informant_id: uuid.UUID) -> Path:
    """A bundle anyone can write: one erasure row, and a checksum made by its writer."""
    tables = {"erasures": [{"id": str(uuid.uuid4()), "informant_id": str(informant_id),
                            "erased_at": "2026-12-01T10:00:00+00:00", "erased_by": "x"}]}
    path.write_text(json.dumps({"format": "reflect-bundle", "format_version": 2,
                                "exported_at": "2026-12-01T10:00:00+00:00",
                                "counts": {"erasures": 1}, "tables": tables,
                                "checksum": checksum(tables)}))
    return path


def words(store: Store, session) -> tuple[list, list]:
    """What the database holds of a session, read past the gate (which hides a withdrawn
    informant's words from every reader): hidden is not destroyed."""
    with DBSession(store.engine) as db:
        answers = db.exec(select(Answer.text).where(Answer.session_id == session.id)).all()
        notes = db.exec(select(InterviewerNote.text)
                        .where(InterviewerNote.session_id == session.id)).all()
    return sorted(answers), sorted(notes)


def evidence_rows(store: Store) -> list:
    with DBSession(store.engine) as db:
        return sorted(str(link.id) for link in db.exec(select(Evidence)))


def test_a_400_byte_bundle_with_one_erasure_hides_the_words_and_deletes_nothing(
        store, voices, tmp_path):
    story, maya, dana, sessions = voices
    before = words(store, sessions["Dana"])
    links = evidence_rows(store)
    path = hostile_bundle(tmp_path / "erase-dana.json", dana.id)
    assert path.stat().st_size < 450

    summary = import_bundle(store, path)

    assert words(store, sessions["Dana"]) == before  # every answer and note in place
    assert evidence_rows(store) == links  # hidden (the gate), still here
    assert store.informant(dana.id).withdrawn and not store.informant(maya.id).withdrawn
    [pending] = summary.pending
    assert (pending.pseudonym, pending.story_title) == ("Dana", "Back [/] to school")
    assert pending.answers == 1 and pending.notes == 1
    assert pending.source.startswith("erase-dana.json (exported 2026-12-01")
    assert store.pending_erasures() == [pending]
    # hidden from every export, as a withdrawal is
    assert search_answers(store, SECRET) == []
    assert SECRET not in json.dumps(bundle_data(store)["tables"], default=str)
    csv = export_csv(store, tmp_path / "csv")
    assert all(SECRET not in path.read_text(encoding="utf-8-sig") for path in csv)
    with DBSession(store.engine) as db:
        [event] = db.exec(select(AuditEvent).where(
            AuditEvent.action == "import:erasure-pending")).all()
    assert event.entity_id == str(dana.id) and "erase-dana.json" in event.detail
    with DBSession(store.engine) as db:  # what the list of waiting erasures reads
        [waiting] = db.exec(select(Deletion)).all()
    assert (waiting.kind, waiting.entity_id, waiting.action) == (
        DeletionKind.WORDS, dana.id, DeletionAction.ERASURE_PENDING)
    assert waiting.source == pending.source
    # the same file again changes nothing and still destroys nothing
    again = import_bundle(store, path)
    assert again.changed == 0 and words(store, sessions["Dana"]) == before


def test_the_import_lists_the_waiting_erasure_and_reflect_erase_confirms_it(
        store, voices, tmp_path, capsys):
    story, maya, dana, sessions = voices
    db = cli_db(store.engine)
    path = hostile_bundle(tmp_path / "laptop-07.json", dana.id)

    assert main(["--db", db, "import", str(path)]) == 0
    out = capsys.readouterr().out
    summary_end = out.index("Imported")
    waiting = out[summary_end:]
    command = f"reflect erase {story.id.hex[:8]} Dana --confirm"
    assert "Erasures waiting for confirmation: 1." in waiting
    assert "Dana (Back [/] to school): 1 answers, 1 notes" in waiting
    assert "from laptop-07.json (exported 2026-12-01" in waiting and command in waiting

    assert main(["--db", db, "erase"]) == 0
    assert command in capsys.readouterr().out
    assert main(["--db", db, "erase", story.id.hex[:8], "dana"]) == 1  # no --confirm
    told = capsys.readouterr().err
    assert "deletes 1 answers, 1 interviewer's notes and 1 evidence links" in told
    assert "Nothing was deleted" in told and command in told
    assert words(store, sessions["Dana"])[0]
    assert main(["--db", db, "erase", story.id.hex[:8], "Maya", "--confirm"]) == 1
    assert "Maya has not withdrawn" in capsys.readouterr().err

    assert main(["--db", db, "erase", story.id.hex[:8], "Dana", "--confirm", "--by", "Ana"]) == 0
    assert "Erased for good: 1 answers, 1 notes, 1 evidence links of Dana" in \
        capsys.readouterr().out
    assert words(store, sessions["Dana"]) == ([], [])
    assert store.answers(sessions["Maya"].id)  # the other informant's words stay
    assert store.pending_erasures() == []
    assert len(store.erasures()) == 1  # the erasure it came with, not a second one
    with DBSession(store.engine) as reader:
        deletions = {(d.kind, d.entity_id, d.action) for d in reader.exec(select(Deletion))}
    assert deletions == {(DeletionKind.WORDS, dana.id, DeletionAction.ERASURE_PENDING),
                         (DeletionKind.WORDS, dana.id, DeletionAction.ERASED)}
    assert main(["--db", db, "erase"]) == 0
    assert "No erasure is waiting for confirmation." in capsys.readouterr().out


def test_confirmed_here_the_words_leave_the_file(store, voices, tmp_path, db_path):
    story, maya, dana, sessions = voices
    import_bundle(store, hostile_bundle(tmp_path / "e.json", dana.id))
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")
                   if p.is_file())
    assert SECRET.encode() in raw  # hidden, still here: nothing was destroyed by the file
    store.erase_informant(dana.id, actor="Ana")
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*")
                   if p.is_file())
    assert SECRET.encode() not in raw and b"note about Dana" not in raw
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM auditevent WHERE action = 'erase'"
                            ).fetchone() == (1,)


def test_an_erasure_made_here_arrives_pending_on_another_laptop(
        store, voices, tmp_path, new_database):
    story, maya, dana, sessions = voices
    export_bundle(store, tmp_path / "before.zip")  # sent before the withdrawal
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "before.zip")
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    store.erase_informant(dana.id, actor="Ana")
    export_bundle(store, tmp_path / "after.zip")

    summary = import_bundle(other, tmp_path / "after.zip")

    [pending] = summary.pending
    assert pending.pseudonym == "Dana" and pending.erased_by == "Ana"
    assert pending.source.startswith("after.zip (exported ")
    assert all(words(other, sessions["Dana"]))
    assert other.informant(dana.id).withdrawn and search_answers(other, SECRET) == []
    assert summary.withdrawn == []  # listed once, as the erasure waiting

    other.erase_informant(dana.id, actor="Ben")  # what `reflect erase --confirm` runs
    assert words(other, sessions["Dana"]) == ([], []) and other.pending_erasures() == []
    again = import_bundle(other, tmp_path / "before.zip")  # an old bundle: not brought back
    assert words(other, sessions["Dana"]) == ([], []) and again.pending == []
    assert other.answers(sessions["Maya"].id)


def test_a_withdrawal_in_a_bundle_hides_and_is_listed(store, voices, tmp_path, new_database,
                                                      capsys):
    story, maya, dana, sessions = voices
    other = Store(open_engine(new_database()))
    export_bundle(store, tmp_path / "a.zip")
    import_bundle(other, tmp_path / "a.zip")
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    export_bundle(store, tmp_path / "b.zip")
    assert main(["--db", cli_db(other.engine), "import", str(tmp_path / "b.zip")]) == 0
    out = capsys.readouterr().out
    assert "Dana (Back [/] to school) withdrew, says the bundle" in out
    assert "waiting for confirmation" not in out
    assert words(other, sessions["Dana"])[0] and search_answers(other, SECRET) == []


def test_an_approval_recorded_here_keeps_the_words_after_a_bundles_erasure(
        store, voices, tmp_path):
    story, maya, dana, sessions = voices
    path = hostile_bundle(tmp_path / "e.json", dana.id)
    import_bundle(store, path)
    store.record_check(dana.id, "approved", date(2026, 12, 4), "in person",
                       reverse_withdrawal=True)
    assert store.pending_erasures() == [] and search_answers(store, SECRET)
    import_bundle(store, path)  # the same file again does not hide them again
    assert not store.informant(dana.id).withdrawn and search_answers(store, SECRET)
