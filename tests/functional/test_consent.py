"""Consent to record is its own answer, and the member check is not reversed by accident
(issue 28, points 5 and 6): the consent dialog records whether the interviewee agrees to a
recording; F4 is refused on a no and asks when nobody recorded the answer; the record, the
review, the CSV and bundles carry it; the member check opens on the informant's state, asks
before a withdrawal is taken back, shows the erasure warning whole; a second interview on a
completed protocol is asked for."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from reflect.errors import ReflectError
from reflect.exchange.bundle import bundle_data, export_bundle, import_bundle
from reflect.exchange.bundle_file import checksum
from reflect.exchange.markdown import session_markdown
from reflect.exchange.tables import export_csv
from reflect.method.session import SessionRun
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect_tui.app import make_app
from tests.ui_helpers import Told, rows, screen_lines, shown, until

pytestmark = pytest.mark.both_backends

HOSTILE = "Da[b]na[/b] \x1b[31m"
"""A pseudonym with markup and an escape sequence: shown as typed, never interpreted."""


FRAMES = str.maketrans(dict.fromkeys("█▌│▁▂▃▄▅▆▇▔▀", " "))
"""Frames and scrollbars: not words."""


def _drawn(app) -> str:
    """The screen's words in reading order, with the frames and wrapping gone."""
    lines = [line.translate(FRAMES) for line in screen_lines(app)]
    return " ".join(" ".join(lines).split())


def _inside(app, edge: str) -> str:
    """The words between the first and the last `edge` of every line that has two, as
    drawn, wrapping undone (what a dialog or a frame shows, without the screen behind)."""
    inside = [line[line.index(edge) + 1:line.rindex(edge)].translate(FRAMES)
              for line in screen_lines(app) if line.count(edge) >= 2]
    return " ".join(" ".join(inside).split())


def _in_frame(app) -> str:
    """The words inside the consent text's frame."""
    return _inside(app, "│")


def _dialog(app) -> str:
    """The words of the dialog on top (a thick frame)."""
    return _inside(app, "█")


def _interview(store, catalog, pseudonym="Dana", protocol="lfs-client", **consent):
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, pseudonym, "client")
    session = store.start_interview(informant.id, catalog.get(protocol),
                                    ConsentRecord(True, "verbal", "Ana", **consent))
    return story, informant, session


# The store ------------------------------------------------------------------------------------

def test_consent_to_record_is_kept_apart_and_a_no_refuses_every_recording(store, catalog, engine):
    _, informant, said_no = _interview(store, catalog, recording=False,
                                       recording_method="written")
    assert (said_no.recording_consent, said_no.recording_consent_method) == (False, "written")
    assert said_no.recording_consent_at is not None
    with pytest.raises(ReflectError, match="did not agree to be recorded"):
        SessionRun.resume(store, said_no.id).start_recording(0)
    with pytest.raises(ReflectError, match="not changed afterwards"):
        store.record_recording_consent(said_no.id, True, "verbal")
    assert store.session(said_no.id).recording_started_at is None

    unasked = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    assert unasked.recording_consent is None
    with pytest.raises(ReflectError, match="Nobody recorded whether"):
        SessionRun.resume(store, unasked.id).start_recording(0)
    with pytest.raises(ReflectError, match="consent method"):
        store.record_recording_consent(unasked.id, True, "telepathy")
    store.record_recording_consent(unasked.id, True, "recorded", actor="Ana")
    run = SessionRun.resume(store, unasked.id)
    run.start_recording(30)
    assert run.has_recording
    with pytest.raises(ReflectError, match="consent method"):
        store.start_interview(informant.id, catalog.get("lfs-client"), ConsentRecord(
            True, "verbal", "Ana", recording=True, recording_method="nod"))
    events = rows(engine, "SELECT action, actor, detail FROM auditevent WHERE action IN "
                          "('consent_given', 'recording_consent', 'recording_started') "
                          "ORDER BY at")
    assert events == [("consent_given", "Ana", "verbal; text lfs-consent-client-1; "
                                               "recording: no, written"),
                      ("consent_given", "Ana", "verbal; text lfs-consent-client-1"),
                      ("recording_consent", "Ana", "recording: yes, recorded"),
                      ("recording_started", "Ana", "")]


def test_a_database_from_before_has_no_answer_about_recording(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema_0011.db", path)
    store = Store(open_engine(str(path)))
    [story] = store.stories()
    [session] = store.sessions_for_story(story.id)
    assert (session.recording_consent, session.recording_consent_method,
            session.recording_consent_at) == (None, "", None)
    assert "- **Consent to record:** not asked" in session_markdown(store, session)


# What shows it ---------------------------------------------------------------------------------

def test_the_record_the_csv_and_a_bundle_carry_the_answer(store, catalog, tmp_path,
                                                         new_database):
    _, informant, said_yes = _interview(store, catalog, recording=True,
                                        recording_method="written")
    said_no = store.start_interview(informant.id, catalog.get("lfs-client"), ConsentRecord(
        True, "verbal", "Ana", recording=False, recording_method="verbal"))
    unasked = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    for session in (said_yes, said_no, unasked):
        store.save_answer(session.id, "change-what", text=f"answer of {session.id}")
    assert "- **Consent to record:** agreed (written)" in session_markdown(store, said_yes)
    assert "- **Consent to record:** refused (verbal)" in session_markdown(store, said_no)
    assert "- **Consent to record:** not asked" in session_markdown(store, unasked)

    export_csv(store, tmp_path / "csv")
    table = list(csv.DictReader(io.StringIO(
        (tmp_path / "csv" / "answers.csv").read_text(encoding="utf-8-sig"))))
    by_session = {row["session_id"]: (row["recording_consent"], row["recording_consent_how"])
                  for row in table}
    assert by_session == {str(said_yes.id): ("yes", "written"), str(said_no.id): ("no", "verbal"),
                          str(unasked.id): ("not asked", "")}

    export_bundle(store, tmp_path / "laptop.zip")
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "laptop.zip")
    for session in (said_yes, said_no, unasked):
        copied = other.session(session.id)
        assert (copied.recording_consent, copied.recording_consent_method,
                copied.recording_consent_at) == (session.recording_consent,
                                                 session.recording_consent_method,
                                                 session.recording_consent_at)
    assert import_bundle(other, tmp_path / "laptop.zip").changed == 0  # again: nothing new
    with pytest.raises(ReflectError, match="did not agree"):
        SessionRun.resume(other, said_no.id).start_recording(0)


def test_a_bundle_from_before_imports_as_not_asked(store, catalog, tmp_path, new_database):
    """A format 2 bundle written before issue 28 has no recording columns."""
    _, _, session = _interview(store, catalog)
    data = bundle_data(store)
    for row in data["tables"]["sessions"]:
        for column in ("recording_consent", "recording_consent_method", "recording_consent_at"):
            del row[column]
    data["checksum"] = checksum(data["tables"])
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "old.json")
    copied = other.session(session.id)
    assert (copied.recording_consent, copied.recording_consent_method) == (None, "")


# The consent dialog ----------------------------------------------------------------------------

async def test_the_consent_dialog_records_consent_to_record_on_its_own(engine, catalog, store):
    from reflect_tui.consent import ConsentDialog
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen

    story = store.create_story("A story")
    store.add_informant(story.id, HOSTILE, "client")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        await pilot.press(*"Ana")
        await pilot.click("#given")  # not asked yet: the interview does not start
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        assert "agree to be recorded" in shown(app, "#form-error")
        assert rows(engine, "SELECT count(*) FROM session") == [(0,)]
        assert "Consent to record" in _drawn(app) and "ask: not answered" in _drawn(app)
        app.screen.query_one("#recording").value = "no"
        app.screen.query_one("#recording-method").value = "written"
        await pilot.pause()
        assert "no recording" in _drawn(app)
        await pilot.click("#given")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    assert rows(engine, "SELECT consent_given, consent_method, recording_consent, "
                        "recording_consent_method FROM session") == [(1, "verbal", 0, "written")]


async def test_refused_consent_needs_no_answer_about_recording(engine, catalog, store):
    from reflect_tui.consent import ConsentDialog

    recorded = []
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConsentDialog(catalog.get("lfs-client"), "Dana", "Ana"), recorded.append)
        await pilot.pause()
        await pilot.click("#refused")
        await pilot.pause()
    [consent] = recorded
    assert (consent.given, consent.recording, consent.recording_method) == (False, None, "")


@pytest.mark.parametrize("protocol", ["lfs-client", "lfs-practitioner"])
async def test_the_consent_text_is_read_whole_at_80x24(engine, catalog, protocol):
    """The frame says more is below; PgDn (from the name field) brings every line of the
    text into view, and the frame says when the end is reached."""
    from reflect_tui.consent import ConsentDialog

    text = catalog.get(protocol).consent.text
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConsentDialog(catalog.get(protocol), "Dana", ""))
        await pilot.pause()
        assert "↓ more below: PgDn, or scroll" in _drawn(app)
        seen = _in_frame(app)
        for _ in range(12):
            await pilot.press("pagedown")
            await pilot.pause()
            seen += " " + _in_frame(app)
            if "end of the text" in _drawn(app):
                break
        assert "end of the text · PgUp goes back" in _drawn(app)
        for line in text.strip().splitlines():  # every line shown at some point
            words = line.split()
            assert " ".join(words[-3:]) in seen, line
        assert app.screen.query_one("#interviewer").has_focus  # typing went on undisturbed
        await pilot.press(*"Ana")
        assert app.screen.query_one("#interviewer").value == "Ana"
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 50)) as pilot:  # room enough: the whole text, no hint
        app.push_screen(ConsentDialog(catalog.get(protocol), "Dana", ""))
        await pilot.pause()
        assert "more below" not in _drawn(app)
        assert " ".join(text.strip().splitlines()[-1].split()) in _drawn(app)


async def test_the_consent_dialog_in_hebrew_reads_from_the_right(engine, catalog):
    from reflect import i18n
    from reflect_tui.consent import ConsentDialog

    i18n.use("he")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ConsentDialog(catalog.get("lfs-client", "he"), "מרים", "נועה"))
        await pilot.pause()
        await pilot.pause()
        row = app.screen.query_one("#recording-row")
        # kept in logical order (and tab order); drawn from the right (reflect_tui.mirror)
        assert [child.id for child in row.children] == [
            None, "recording", "recording-how", "recording-method"]
        drawn = sorted(row.children, key=lambda child: -child.region.x)
        assert [child.id for child in drawn] == [  # the label at the right
            None, "recording", "recording-how", "recording-method"]
        lines = screen_lines(app)
        assert any("↓" in line for line in lines)


# F4 ------------------------------------------------------------------------------------------

async def test_f4_is_refused_when_the_interviewee_said_no(engine, catalog, store):
    from reflect_tui.prompts import TextPrompt
    from reflect_tui.session import SessionScreen

    _, _, session = _interview(store, catalog, pseudonym=HOSTILE, recording=False,
                               recording_method="verbal")
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and not isinstance(app.screen, TextPrompt)
        said = " ".join(told.messages)
        assert "did not agree to be recorded" in said and "no recording may be made" in said
        assert "Da[b]na[/b]" in said  # the pseudonym as typed, not as markup
    assert rows(engine, "SELECT recording_started_at FROM session") == [(None,)]


@pytest.mark.parametrize("agrees", [True, False], ids=["agrees", "declines"])
async def test_f4_asks_when_nobody_recorded_the_answer(engine, catalog, store, agrees):
    from reflect_tui.consent import RecordingConsentDialog
    from reflect_tui.prompts import TextPrompt
    from reflect_tui.session import SessionScreen

    _, _, session = _interview(store, catalog)  # as an interview from before issue 28
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, RecordingConsentDialog)
        assert "does not say whether Dana agrees to be recorded" in _dialog(app)
        await pilot.press("enter")  # Cancel has the focus: nothing is recorded by one key
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert rows(engine, "SELECT recording_consent FROM session") == [(None,)]
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one("#recording-method").value = "written"
        await pilot.click("#agrees" if agrees else "#declines")
        await pilot.pause()
        if agrees:
            assert isinstance(app.screen, TextPrompt)  # then the recorder's time, as before
            await pilot.press("enter")
            await pilot.pause()
            assert "● 00:00:0" in shown(app, "#topbar")
        else:
            assert isinstance(app.screen, SessionScreen)
            await pilot.press("f4")  # asked once: a no now refuses
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            assert "did not agree" in " ".join(told.messages)
    [(consent, method, started)] = rows(
        engine, "SELECT recording_consent, recording_consent_method, recording_started_at "
                "FROM session")
    assert (bool(consent), method, started is not None) == (agrees, "written", agrees)


async def test_the_review_shows_consent_to_record(engine, catalog, store):
    from reflect_tui.review import ReviewScreen
    from reflect_tui.session import SessionScreen

    _, _, session = _interview(store, catalog, recording=True, recording_method="written")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Recording: agreed (written)" in _drawn(app)
        assert "Consent: given, verbal (Ana)" in _drawn(app)


# The member check ------------------------------------------------------------------------------

@pytest.fixture
def withdrawn(store, catalog):
    story, dana, session = _interview(store, catalog)
    store.save_answer(session.id, "change-what", text="It changed for us.")
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter",
                       note="private reason")
    return story, dana, session


def test_taking_back_a_withdrawal_needs_its_own_yes_and_is_audited(store, withdrawn, engine):
    _, dana, _ = withdrawn
    with pytest.raises(ReflectError, match="Dana withdrew: recording 'approved'"):
        store.record_check(dana.id, "approved", date(2026, 12, 5), "by phone")
    assert store.informant(dana.id).withdrawn
    store.record_check(dana.id, "approved", date(2026, 12, 5), "by phone", "they called back",
                       "Ana", reverse_withdrawal=True)
    assert not store.informant(dana.id).withdrawn
    [(actor, detail)] = rows(engine, "SELECT actor, detail FROM auditevent "
                                     "WHERE action = 'withdrawal_reversed'")
    assert (actor, detail) == ("Ana", "approved on 2026-12-05")
    dump = str(rows(engine, "SELECT * FROM auditevent"))
    assert "they called back" not in dump and "It changed" not in dump


async def test_the_member_check_opens_on_withdrawn_and_asks_before_taking_it_back(
        engine, catalog, store, withdrawn):
    from reflect_tui.confirm import ConfirmDialog
    from reflect_tui.member_check import MemberCheckDialog
    from reflect_tui.story import StoryScreen

    story, dana, _ = withdrawn
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MemberCheckDialog)
        assert app.screen.query_one("#outcome").value == "withdrawn"
        await pilot.click("#record")  # recording the state it is in changes nothing
        await pilot.pause()
        assert store.informant(dana.id).withdrawn
        app.screen.query_one("#outcome").value = "approved"
        # a button takes no second click while it shows the first (Textual's -active effect)
        await until(pilot, lambda: not app.screen.query_one("#record").has_class("-active"))
        await pilot.click("#record")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "brings their words back" in _dialog(app)
        await pilot.press("enter")  # the focus is on Cancel: one Enter does not reverse it
        await pilot.pause()
        assert isinstance(app.screen, MemberCheckDialog)
        assert store.informant(dana.id).withdrawn
        await until(pilot, lambda: not app.screen.query_one("#record").has_class("-active"))
        await pilot.click("#record")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MemberCheckDialog)
        assert "Now: approved" in _dialog(app)
    assert not store.informant(dana.id).withdrawn
    assert rows(engine, "SELECT count(*) FROM auditevent WHERE action = 'withdrawal_reversed'"
                ) == [(1,)]


async def test_a_member_check_never_done_opens_on_no_choice(engine, catalog, store):
    from reflect_tui.member_check import MemberCheckDialog

    story, dana, _ = _interview(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MemberCheckDialog(dana))
        await pilot.pause()
        assert app.screen.query_one("#outcome").is_blank()
        await pilot.click("#record")
        await pilot.pause()
        assert "Choose what they said" in shown(app, "#form-error")
    assert rows(engine, "SELECT count(*) FROM membercheck") == [(0,)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_erasure_warning_is_shown_whole(engine, catalog, store, withdrawn, size):
    from reflect_tui.member_check import EraseDialog, MemberCheckDialog

    _, dana, session = withdrawn
    app = make_app(engine, catalog)
    async with app.run_test(size=size) as pilot:
        app.push_screen(MemberCheckDialog(dana))
        await pilot.pause()
        await pilot.click("#erase")
        await pilot.pause()
        assert isinstance(app.screen, EraseDialog)
        assert ("Their answers, your notes on them and the evidence cut from them are deleted "
                "from this database and cannot be brought back. Type Dana to confirm."
                in _dialog(app))
        await pilot.press(*"Dana", "enter")
        await pilot.pause()
    assert store.answers(session.id) == {}


# A second interview ----------------------------------------------------------------------------

@pytest.mark.parametrize("choice", ["open", "another"])
async def test_a_completed_interview_is_offered_before_another_starts(engine, catalog, store,
                                                                     choice):
    from reflect.models import SessionStatus
    from reflect_tui.consent import ConsentDialog
    from reflect_tui.prompts import PickDialog
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen

    story, dana, session = _interview(store, catalog)
    store.save_answer(session.id, "change-what", text="It changed for us.")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # lfs-client, the protocol of the completed interview
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        assert ("Dana already has a completed interview with this protocol: open it, or start "
                "another?") in _dialog(app)
        if choice == "open":
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            assert app.screen.run.session.id == session.id
        else:
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ConsentDialog)
    assert rows(engine, "SELECT count(*) FROM session") == [(1,)]


async def test_another_protocol_starts_without_asking(engine, catalog, store):
    from reflect.models import SessionStatus
    from reflect_tui.consent import ConsentDialog
    from reflect_tui.story import StoryScreen

    story, dana, session = _interview(store, catalog, protocol="lfs-practitioner")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # lfs-client: Dana has none with it
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
