"""The informant's say before anything is published (issue 15, items 6 and 7): the review
copy, approval gating the book, withdrawal hiding their words everywhere, and erasure
removing them from the file and from other laptops through a bundle."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect.errors import ReflectError
from reflect.exchange.book import export_book, left_out
from reflect.exchange.bundle import bundle_data, export_bundle, import_bundle
from reflect.exchange.corpus import Corpus
from reflect.exchange.documents import export_story
from reflect.exchange.markdown import export_session_record
from reflect.exchange.review_copy import export_review_copy
from reflect.method.session import SessionRun
from reflect.models import Answer
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect.store.search import search_answers, search_notes
from tests.documents import document_text

SECRET = "Zanzibarwords"
"""A word only the withdrawing informant said: looked for in files and bytes."""


@pytest.fixture
def two_voices(store, catalog):
    """A ready story with a worker (Maya) and a client (Dana), a principle resting on each."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    store.update_story(story.id, ready_for_book=True, status="analysed")
    maya = store.add_informant(story.id, "Maya", "social_worker")
    dana = store.add_informant(story.id, "Dana", "client")
    ids = {}
    for who, protocol, text in ((maya, "lfs-practitioner", "We met every week at her home."),
                                (dana, "lfs-client", f"She listened. {SECRET} [/] at home.")):
        session = store.start_interview(who.id, catalog.get(protocol),
                                        ConsentRecord(True, "verbal", "Ana"))
        run = SessionRun.resume(store, session.id)
        run.save_text(text)
        run.add_note(f"note about {who.pseudonym}", code=(10, "clock"))
        ids[who.pseudonym] = (session, run.answer())
    principle = store.add_principle(story.id, situation="a family distrusts services",
                                    goal="build trust", action="meet at home weekly",
                                    rationale="trust grows from presence")
    for _session, answer in ids.values():
        store.add_evidence(principle.id, answer.id, 0, 12)
    return story, maya, dana, ids, principle


def stored_answers(store, session_id) -> list[Answer]:
    """The answers kept in the database, as no reader sees them (past the gate)."""
    with DBSession(store.engine) as db:
        return list(db.exec(select(Answer).where(Answer.session_id == session_id)))


def _text(path: Path) -> str:
    return document_text(path)


def test_a_review_copy_holds_exactly_that_informants_quoted_words(store, two_voices, tmp_path):
    story, maya, dana, ids, principle = two_voices
    for path in export_review_copy(store, dana.id, tmp_path):
        text = _text(path)
        assert f"She listened. {SECRET} [/] at home." in text
        assert "She listened" in text and principle.sentence() in text
        assert "We met every week" not in text and "note about" not in text
        assert "Back to school" in text


def test_the_book_prints_only_stories_whose_informants_approved(store, two_voices, tmp_path):
    story, maya, dana, _, _ = two_voices
    with pytest.raises(ReflectError, match="Back to school: Maya: not checked yet, Dana"):
        export_book(store, tmp_path, "Stories")  # the only ready story waits
    store.record_check(maya.id, "approved", date(2026, 12, 1), "in person")
    markdown, _, _ = export_book(store, tmp_path, "Stories", draft=True)
    assert "We met every week" in markdown.read_text(encoding="utf-8")
    store.record_check(dana.id, "approved_with_changes", date(2026, 12, 2), "by phone")
    blocked = store.create_story("Six children")
    store.update_story(blocked.id, ready_for_book=True, status="analysed")
    lea = store.add_informant(blocked.id, "Lea", "client")
    session = store.start_interview(lea.id, SessionRun.resume(
        store, next(iter(two_voices[3].values()))[0].id).protocol,
        ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text="Things changed.")
    markdown, docx, pdf = export_book(store, tmp_path, "Stories")
    text = markdown.read_text(encoding="utf-8")
    assert "# Back to school" in text.replace("## Back", "# Back")
    assert "Not in the final book yet" not in text and "Six children" not in text  # drafts say
    assert "Things changed." not in text and "DRAFT" not in text
    assert [held.story.title for held in left_out(store)] == ["Six children"]
    draft_md, draft_docx, draft_pdf = export_book(store, tmp_path, "Stories", draft=True)
    assert draft_md.name.endswith("-draft.md")
    assert draft_md.read_text(encoding="utf-8").startswith("**DRAFT**")
    assert "Things changed." in draft_md.read_text(encoding="utf-8")
    assert "Not in the final book yet" in draft_md.read_text(encoding="utf-8")
    assert "Six children: Lea: not checked yet" in draft_md.read_text(encoding="utf-8")
    assert Document(draft_docx).sections[0].header.paragraphs[0].text == "DRAFT"


def test_withdrawal_hides_the_words_everywhere_at_once(store, two_voices, tmp_path):
    story, maya, dana, ids, principle = two_voices
    dana_session, _ = ids["Dana"]
    assert search_answers(store, SECRET)
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    assert search_answers(store, SECRET) == [] and search_notes(store, "Dana") == []
    assert [r.informant.pseudonym for r in store.interviews_of(story.id)] == ["Maya"]
    corpus = Corpus.read(store)
    assert dana_session.id not in {data.session.id for data in corpus.sessions()}
    assert all(str(ids["Dana"][1].id) != str(link.answer_id)
               for links in corpus.evidence.values() for link in links)
    bundle = bundle_data(store)
    assert SECRET not in str(bundle["tables"]) and "note about Dana" not in str(bundle["tables"])
    assert SECRET not in "".join(_text(p) for p in export_story(store, story.id, tmp_path))
    with pytest.raises(ReflectError, match="This informant withdrew"):  # not named
        SessionRun.resume(store, dana_session.id)
    with pytest.raises(ReflectError, match="This informant withdrew"):  # not named
        export_session_record(store, dana_session, tmp_path)
    with pytest.raises(ReflectError, match="nothing of theirs"):
        export_review_copy(store, dana.id, tmp_path)
    assert store.answers(dana_session.id) == {}  # the gate: read by no one
    assert stored_answers(store, dana_session.id)  # nothing deleted: only hidden


def test_erasure_removes_the_words_from_the_file_and_from_another_laptop(
        store, two_voices, tmp_path, db_path, new_database):
    story, maya, dana, ids, _ = two_voices
    export_bundle(store, tmp_path / "before.json")  # sent before the withdrawal
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "before.json")
    assert search_answers(other, SECRET)
    with pytest.raises(ReflectError, match="has not withdrawn"):
        store.erase_informant(dana.id)
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    counts = store.erase_informant(dana.id, actor="Ana")
    assert counts == {"answers": 1, "notes": 1, "evidence": 1}
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in Path(db_path).parent.glob(Path(db_path).name + "*")
                   if p.is_file())
    assert SECRET.encode() not in raw and b"note about Dana" not in raw
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT action, detail FROM auditevent WHERE action = 'erase'"
                            ).fetchall() == [("erase", "1 answers, 1 notes, 1 evidence")]
    export_bundle(store, tmp_path / "after.json")
    import_bundle(other, tmp_path / "after.json")
    assert search_answers(other, SECRET) == []  # hidden there, waiting for confirmation
    assert [p.pseudonym for p in other.pending_erasures()] == ["Dana"]
    other.erase_informant(dana.id)  # confirmed there (issue 28: a file alone erases nothing)
    assert other.answers(ids["Dana"][0].id) == {} and other.notes(ids["Dana"][0].id) == []
    import_bundle(other, tmp_path / "before.json")  # the old bundle does not bring them back
    assert other.answers(ids["Dana"][0].id) == {}
    assert store.answers(ids["Maya"][0].id)  # the other informant's words stay


async def test_the_story_screen_records_a_check_and_erases_after_the_name_is_typed(
        engine, catalog, store, two_voices):
    from reflect_tui.app import make_app
    from reflect_tui.member_check import MemberCheckDialog
    from reflect_tui.story import StoryScreen
    from reflect_tui.workshop import WorkshopScreen
    from tests.ui_helpers import screen_lines, table_rows

    story, maya, dana, ids, _ = two_voices
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        assert [row[3] for row in table_rows(app, "#informants")] == [
            "not checked yet", "not checked yet"]
        await pilot.press("down", "c")  # Dana
        await pilot.pause()
        assert isinstance(app.screen, MemberCheckDialog)
        app.screen.query_one("#outcome").value = "withdrawn"
        await pilot.click("#how")
        await pilot.press(*"by letter")
        await pilot.click("#record")
        await pilot.pause()
        assert "withdrawn" in "\n".join(screen_lines(app))
        await pilot.click("#erase")
        await pilot.pause()
        await pilot.press(*"Maya", "enter")  # the wrong name: nothing happens
        await pilot.pause()
        assert stored_answers(store, ids["Dana"][0].id)
        await pilot.click("#erase")
        await pilot.pause()
        await pilot.press(*"Dana", "enter")
        await pilot.pause()
        assert store.answers(ids["Dana"][0].id) == {}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        rows = table_rows(app, "#informants")
        assert rows[1][0] == "Withdrawn informant" and rows[1][3].startswith("withdrawn (")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        screen = "\n".join(screen_lines(app))
        assert SECRET not in screen and "We met every week" in screen


async def test_evidence_from_a_withdrawn_informant_is_flagged_on_its_principle(
        engine, catalog, store, two_voices):
    from reflect_tui.app import make_app
    from reflect_tui.workshop import WorkshopScreen
    from tests.ui_helpers import screen_lines

    story, maya, dana, ids, _ = two_voices
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(WorkshopScreen(story.id))
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "(1 quote) ⚠ 1 withdrawn" in screen
        assert "withdrawn by the informant" in screen and SECRET not in screen
