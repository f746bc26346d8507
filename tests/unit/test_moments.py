"""The interview as it happens (issue 15, items 1-3): time codes with and without a
recording, interviewer notes kept apart from the informant's words, everyone present."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from docx import Document

from reflect import timecodes
from reflect.errors import ReflectError
from reflect.exchange.book import export_book
from reflect.exchange.documents import export_story
from reflect.exchange.markdown import export_session_record, session_markdown
from reflect.method.session import SessionRun
from reflect.models import utcnow
from reflect.store import ConsentRecord
from reflect_tui.app import make_app
from reflect_tui.prompts import TextPrompt
from reflect_tui.session import SessionScreen
from tests.documents import document_text
from tests.ui_helpers import rows, screen_lines, shown, until


def test_recorder_times_are_read_as_a_recorder_shows_them():
    assert timecodes.parse_recorder_time("") == 0
    assert timecodes.parse_recorder_time("12:31") == 751
    assert timecodes.parse_recorder_time("1:02:03") == 3723
    assert timecodes.parse_recorder_time(" 45 ") == 45
    assert timecodes.parse_recorder_time("12:75") is None
    assert timecodes.parse_recorder_time("soon") is None
    assert timecodes.shown(751, timecodes.RECORDING, True) == "[00:12:31]"
    assert timecodes.shown(751, timecodes.CLOCK, False) == "[00:12:31]"
    assert timecodes.shown(751, timecodes.CLOCK, True) == "[⏱00:12:31]"
    assert timecodes.strip_stamps("[00:12:31] She came. [⏱01:00:00] Then") == "She came. Then"


def test_codes_use_the_interview_clock_until_a_recording_starts(store, interview):
    _, _, session = interview
    store.record_recording_consent(session.id, True, "verbal")  # asked apart (issue 28)
    run = SessionRun.resume(store, session.id)
    run.mark_opened(run.code_now(95))
    assert run.answer().opened_code == 95 and run.answer().opened_kind == "clock"
    run.save_text("She came back.", typed_code=run.code_now(100))
    run.mark_opened(run.code_now(400))  # a second opening keeps the first code
    now = utcnow()
    run.start_recording(751, now=now)  # the recorder shows 12:31 when F4 is pressed
    run.next(120)
    run.mark_opened(run.code_now(130, now=now + timedelta(seconds=9)))
    again = SessionRun.resume(store, session.id)
    first, second = again.answer("success-what"), again.answer("success-criteria")
    assert (first.opened_code, first.typed_code, first.typed_kind) == (95, 100, "clock")
    assert (second.opened_code, second.opened_kind) == (760, "recording")
    assert again.has_recording


def test_notes_and_codes_are_in_the_record_but_never_in_a_story_or_book(store, interview,
                                                                      tmp_path):
    story, informant, session = interview
    store.update_story(story.id, ready_for_book=True, status="analysed")
    store.record_check(informant.id, "approved", date(2026, 12, 1), "in person")
    run = SessionRun.resume(store, session.id)
    run.mark_opened((61, "clock"))
    run.save_text("She came back [00:05:10] to school.", typed_code=(75, "clock"))
    run.toggle_flag("quote")
    run.add_note("Long silence; she cried", code=(300, "clock"))
    assert [n.text for n in SessionRun.resume(store, session.id).notes] == [
        "Long silence; she cried"]
    assert run.answer().text == "She came back [00:05:10] to school."
    record = export_session_record(store, store.session(session.id), tmp_path / "record")
    markdown = next(p for p in record if p.suffix == ".md").read_text(encoding="utf-8")
    assert "- **Interviewer's note [00:05:00]:** Long silence; she cried" in markdown
    assert "- **Time codes:** asked [00:01:01], answered [00:01:15]" in markdown
    assert "the interview's own clock" in markdown
    docx = "\n".join(p.text for p in Document(next(p for p in record if p.suffix == ".docx"))
                     .paragraphs)
    assert "Long silence; she cried" in docx
    published = [*export_story(store, story.id, tmp_path / "story"),
                 *export_book(store, tmp_path / "book", "Stories")]
    for path in published:
        text = document_text(path)
        assert "She came back to school." in text, path
        assert "silence" not in text and "[00:05:10]" not in text, path


def test_three_people_on_one_consent_record(store, interview, catalog):
    story, informant, _ = interview
    consent = ConsentRecord(True, "written", "Ana", others=(
        ("Ben", "co_interviewer"), ("Dalia", "interpreter"), ("Eli", "observer")))
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"), consent)
    people = store.people_present(session.id)
    assert [(p.name, p.role) for p in people] == [
        ("Ben", "co_interviewer"), ("Dalia", "interpreter"), ("Eli", "observer")]
    record = session_markdown(store, session)
    assert ("- **Also present:** Ben (co-interviewer), Dalia (interpreter), Eli (observer)"
            in record)
    assert "recorded by Ana" in record
    with pytest.raises(ReflectError, match="not a role"):
        store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                              ConsentRecord(True, "verbal", "Ana", others=(("Gil", "boss"),)))


async def test_keys_start_the_recording_stamp_a_code_and_take_a_note(engine, catalog,
                                                                   interview, store):
    _, _, session = interview
    store.record_recording_consent(session.id, True, "verbal")  # asked apart (issue 28)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press(*"She came")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer") == [("She came",)])
        assert rows(engine, "SELECT opened_kind, typed_kind FROM answer") == [("clock", "clock")]
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("ctrl+u", *"12:31", "enter")  # the recorder shows 12:31
        await pilot.pause()
        assert "● 00:12:3" in shown(app, "#topbar")
        await pilot.press("f3")
        await pilot.press(*"back")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer")[0][0].endswith("back"))
        [(text,)] = rows(engine, "SELECT text FROM answer")
        assert text.startswith("She came [00:12:3") and text.endswith("] back")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"Silence [/] then tears", "enter")
        await pilot.pause()
        assert rows(engine, "SELECT text, code_kind, author FROM interviewernote") == [
            ("Silence [/] then tears", "recording", "Ana")]
        screen = "\n".join(screen_lines(app))
        assert "Silence [/] then tears" in screen and "Your note:" in screen
        assert "[00:12:3" in screen
        [(answer_text,)] = rows(engine, "SELECT text FROM answer")
        assert "Silence" not in answer_text


async def test_the_consent_dialog_names_everyone_present(engine, catalog, interview, store):
    from reflect_tui.consent import ConsentDialog

    story, informant, _ = interview
    app = make_app(engine, catalog)
    recorded = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConsentDialog(catalog.get("lfs-practitioner"), "Maya", "Ana"),
                        recorded.append)
        await pilot.pause()
        await pilot.click("#other-name")
        await pilot.press(*"Ben", "enter")  # Enter adds, with the role shown (co-interviewer)
        await pilot.press(*"Dalia")
        app.screen.query_one("#other-role").value = "interpreter"
        await pilot.click("#add-person")
        await pilot.press(*"Zed", "enter")
        await pilot.click("#remove-person")  # a mistake taken back
        await pilot.click("#other-name")
        await pilot.press(*"Eli")
        app.screen.query_one("#other-role").value = "observer"
        await pilot.pause()
        assert shown(app, "#present") == ("Also present: Ben (co-interviewer), "
                                          "Dalia (interpreter)")
        app.screen.query_one("#recording").value = "no"
        await pilot.click("#given")  # Eli typed but not added: added, not lost
        await pilot.pause()
    [consent] = recorded
    assert consent.recorded_by == "Ana" and consent.others == (
        ("Ben", "co_interviewer"), ("Dalia", "interpreter"), ("Eli", "observer"))
    assert (consent.recording, consent.recording_method) == (False, "verbal")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"), consent)
    assert len(store.people_present(session.id)) == 3


async def test_the_review_shows_time_codes_and_notes(engine, catalog, interview, store):
    from reflect_tui.review import ReviewScreen

    _, _, session = interview
    store.save_answer(session.id, "success-what", text="She came [00:01:30] back.",
                      typed_code=(75, "clock"))
    store.mark_opened(session.id, "success-what", 61, "clock")
    store.add_note(session.id, "success-what", "Tears [b]then[/b] a smile", "Ana", 80, "clock")
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = app.screen.query_one("#review-table")
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[4] == "✎1" and first[5] == "[00:01:01]"
        text = "\n".join(screen_lines(app))
        assert "asked [00:01:01] answered [00:01:15]" in text and "3 words" in text
        assert "✎ [00:01:20] Tears [b]then[/b] a smile" in text


def test_a_bundle_carries_people_notes_and_time_codes(store, catalog, interview, new_database,
                                                      tmp_path):
    from reflect.exchange.bundle import export_bundle, import_bundle
    from reflect.store import Store
    from reflect.store.engine import open_engine

    _, informant, _ = interview
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"), ConsentRecord(
        True, "verbal", "Ana", others=(("Ben", "observer"),), recording=True,
        recording_method="written"))
    run = SessionRun.resume(store, session.id)
    run.start_recording(30)
    run.mark_opened(run.code_now(5))
    run.add_note("ملاحظة [/]", code=run.code_now(6))
    export_bundle(store, tmp_path / "laptop.json")
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "laptop.json")
    assert [(p.name, p.role) for p in other.people_present(session.id)] == [("Ben", "observer")]
    assert [n.text for n in other.notes(session.id)] == ["ملاحظة [/]"]
    copied = SessionRun.resume(other, session.id)
    assert copied.has_recording and copied.answer().opened_kind == "recording"
    assert (copied.session.recording_consent, copied.session.recording_consent_method) == (
        True, "written")
    assert import_bundle(other, tmp_path / "laptop.json").changed == 0  # again: nothing new


async def test_the_moments_widget_tells_the_screen_with_its_own_messages(engine, catalog,
                                                                         interview):
    """F4 asks about the recording when nobody did, then its start; F2 keeps a note: each
    write is done off the UI thread and comes back as the widget's own message."""
    from reflect_tui.consent import RecordingConsentDialog
    from reflect_tui.moments import Moments

    _, _, session = interview
    seen: list[type] = []
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24),
                            message_hook=lambda message: seen.append(type(message))) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: app.screen.run is not None)
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, RecordingConsentDialog))
        await pilot.click("#agrees")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt))
        assert Moments.RecordingConsentRecorded in seen
        await pilot.press("enter")  # the recorder shows 0: it has just started
        await until(pilot, lambda: Moments.RecordingStarted in seen
                    and "● 00:00:0" in shown(app, "#topbar"))
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press(*"A long silence", "enter")
        await until(pilot, lambda: Moments.NoteTaken in seen
                    and "A long silence" in shown(app, "#notes"))
    assert rows(engine, "SELECT recording_consent FROM session") == [(1,)]
    assert rows(engine, "SELECT text, code_kind FROM interviewernote") == [
        ("A long silence", "recording")]
