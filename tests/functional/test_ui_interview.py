"""The whole interview flow driven through the Textual pilot, asserting on screen and database."""

from __future__ import annotations

from reflect.models import SessionStatus
from reflect.store import Store
from reflect_tui.app import make_app
from reflect_tui.consent import ConsentDialog
from reflect_tui.home import HomeScreen
from reflect_tui.session import SessionScreen
from reflect_tui.story import StoryScreen
from tests.ui_helpers import rows, shown, table_rows, type_text, until

SIZE = (100, 36)



async def test_new_user_runs_a_whole_interview(engine, catalog):
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await until(pilot, lambda: "No stories yet" in shown(app, "#stories-empty"),
                    what="the empty home lists")

        # 2. create a story
        await pilot.press("n")
        await type_text(pilot, "Back to school")
        await pilot.press("tab")
        await type_text(pilot, "Family support")
        await pilot.press("tab")
        await type_text(pilot, "Attendance from 40% to 95%")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert rows(engine, "SELECT title, service, success_criteria FROM story") == [
            ("Back to school", "Family support", "Attendance from 40% to 95%")]
        assert "Back to school" in shown(app, "#story-info")

        # 3. add an informant by pseudonym and role
        await pilot.press("a")
        await type_text(pilot, "Maya")
        await pilot.press("tab", "enter", "down", "enter")
        await pilot.click("#add")
        await pilot.pause()
        assert rows(engine, "SELECT pseudonym, role FROM informant") == [
            ("Maya", "social_worker")]
        assert table_rows(app, "#informants")[0][:2] == ["Maya", "social worker"]

        # 4. the protocol matching the role comes first; consent gates the interview
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        assert "Learning-from-Success study" in shown(app, "#consent-body")
        assert "You are the expert on your own work" in shown(app, "#introduction")
        await pilot.click("#given")
        assert "interviewer's name" in shown(app, "#form-error")
        assert rows(engine, "SELECT count(*) FROM session") == [(0,)]
        await type_text(pilot, "Ana")
        await pilot.click("#given")  # consent to record is asked on its own (issue 28)
        assert "agree to be recorded" in shown(app, "#form-error")
        app.screen.query_one("#recording").value = "yes"
        await pilot.pause()  # the choice's Changed message reaches the dialog
        await pilot.click("#given")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), what="the interview")
        [(protocol_id, consent, method, by, recording)] = rows(
            engine, "SELECT protocol_id, consent_given, consent_method, consent_recorded_by, "
                    "recording_consent FROM session")
        assert (protocol_id, consent, method, by, recording) == (
            "lfs-practitioner", 1, "verbal", "Ana", 1)

        # 5. one question at a time, saved while typing
        await until(pilot, lambda: shown(app, "#prompt").startswith(
            "1. In a few sentences, what was the success"), what="the first question")
        assert "Who was involved" in shown(app, "#probes")
        assert "Interviewer:" in shown(app, "#guidance")
        assert "Stage 1/6: The success" in shown(app, "#stage-line")
        await type_text(pilot, "She went back to school")
        await until(pilot, lambda: rows(engine, "SELECT question_id, text FROM answer") == [
            ("success-what", "She went back to school")], what="the answer saved")

        await pilot.press("ctrl+n")
        assert shown(app, "#prompt").startswith("2. What makes this a success")
        assert "Q 2/14" in shown(app, "#topbar")
        await pilot.press("ctrl+o")  # skip: recorded as skipped, moves on
        assert shown(app, "#prompt").startswith("3. Describe the situation")
        assert rows(engine, "SELECT text, skipped FROM answer WHERE question_id = "
                            "'success-criteria'") == [("", 1)]
        await type_text(pilot, "Six children, no income")
        await pilot.press("ctrl+t", "ctrl+f")
        assert "quote" in shown(app, "#answer-status")
        assert "follow up" in shown(app, "#answer-status")
        assert rows(engine, "SELECT text, flag_quote, flag_follow_up FROM answer WHERE "
                            "question_id = 'before-situation'") == [
            ("Six children, no income", 1, 1)]
        outline = app.screen.query_one("#outline")
        marks = [str(outline.get_option_at_index(i).prompt) for i in range(4)]
        assert "✓" in marks[1] and "–" in marks[2]
        await pilot.press("ctrl+r")
        assert shown(app, "#prompt").startswith("2. What makes")
        assert "skipped" in shown(app, "#answer-status")

        # 6. leave and come back: resumes where it stopped
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert table_rows(app, "#interviews")[0][1] == "in progress"
        app.screen.query_one("#informants").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#prompt").startswith("2. What makes")

        # 7. finish: open required questions are listed before confirming
        await pilot.press("f10")  # every question on one screen first
        await pilot.pause()
        await pilot.press("f10")  # then finish from there
        await pilot.pause()
        assert "required questions are neither answered nor skipped" in shown(
            app, "#confirm-body")
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert table_rows(app, "#interviews")[0][1] == "completed"
        assert rows(engine, "SELECT status FROM session") == [("completed",)]
        assert rows(engine, "SELECT status FROM story") == [("interviewing",)]


async def test_refused_consent_records_and_opens_nothing(engine, catalog):
    store = Store(engine)
    story = store.create_story("A story")
    store.add_informant(story.id, "Rosa", "client")
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#items").get_option_at_index(0).id == "lfs-client|en"
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "Ana")
        await pilot.click("#refused")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert table_rows(app, "#interviews")[0][1:3] == ["consent refused",
                                                         "refused, verbal (Ana)"]
        [(status, given)] = rows(engine, "SELECT status, consent_given FROM session")
        assert (status, given) == ("declined", 0)
        app.screen.query_one("#interviews").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        assert rows(engine, "SELECT count(*) FROM answer") == [(0,)]


async def test_quit_saves_text_typed_just_before(engine, catalog, interview):
    _, _, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await type_text(pilot, "typed then quit")
        await pilot.press("ctrl+q")
    assert Store(engine).answers(session.id)["success-what"].text == "typed then quit"


async def test_home_lists_sessions_and_resumes(engine, catalog, interview):
    _, _, session = interview
    store = Store(engine)
    store.save_position(session.id, "after-situation", 600)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: table_rows(app, "#sessions"), what="the home lists")
        assert table_rows(app, "#stories")[0][0] == "Back to school"
        sessions = table_rows(app, "#sessions")
        assert sessions[0][1:4] == ["Maya (social worker)", "in progress", "0/14"]
        app.screen.query_one("#sessions").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#prompt").startswith("5. Describe the situation at the end")
        assert "0:10:0" in shown(app, "#topbar")


async def test_completed_interview_is_read_only_until_reopened(engine, catalog, interview):
    _, _, session = interview
    store = Store(engine)
    store.save_answer(session.id, "success-what", text="done")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        assert "read-only" in shown(app, "#answer-status")
        await type_text(pilot, "xyz")
        await pilot.pause()
        assert app.screen.query_one("#answer").text == "done"  # typing changed nothing
        await pilot.press("f9")
        await pilot.pause()
        await type_text(pilot, "!")
        await until(pilot, lambda: store.answers(session.id)["success-what"].text == "done!",
                    what="the reopened answer saved, without the xyz typed while read-only")
        assert store.session(session.id).status == SessionStatus.IN_PROGRESS


async def test_broken_protocol_file_is_shown_on_home(engine, isolated_data_dir):
    from reflect import paths
    from reflect.protocol.catalog import load_catalog
    from tests.conftest import PROMPTS

    (paths.user_protocols_dir() / "mine.yaml").write_text("id: mine\nkind: chat\n")
    catalog = load_catalog([PROMPTS, paths.user_protocols_dir()])
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE):
        banner = shown(app, "#protocol-problems")
        assert "Protocol files not loaded" in banner and "mine.yaml:2: kind:" in banner
    assert "lfs-client" in catalog.protocols


async def test_app_draws_home_then_opens_the_database_in_the_background(db_path, interview,
                                                                         engine):
    engine.dispose()
    app = make_app(db=str(db_path))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is not None and "lfs-client" in app.catalog.protocols
        assert table_rows(app, "#stories")[0][0] == "Back to school"
        assert table_rows(app, "#sessions")[0][1] == "Maya (social worker)"


async def test_a_database_that_cannot_open_is_explained_in_the_app(tmp_path):
    from reflect_tui.confirm import ConfirmDialog

    garbage = tmp_path / "notes.db"
    garbage.write_bytes(b"not a database at all" * 100)
    app = make_app(db=str(garbage))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "is not a SQLite database" in shown(app, "#confirm-body")
        await pilot.press("n")  # keys that need the database do nothing meanwhile
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 1
    assert garbage.read_bytes() == b"not a database at all" * 100


async def test_a_locked_interview_changes_only_with_a_recorded_reason(engine, catalog,
                                                                      interview):
    story, _, session = interview
    store = Store(engine)
    store.save_answer(session.id, "success-what", text="done")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert "completed, locked" in table_rows(app, "#interviews")[0][1]
        assert store.session(session.id).locked_at is not None

        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        assert "locked" in shown(app, "#topbar")
        await pilot.press("f9")
        await pilot.pause()
        assert "Why must it change" in str(app.screen.query_one("Label").render())
        await pilot.press("escape")  # no reason: nothing changes
        await pilot.pause()
        assert store.session(session.id).status == SessionStatus.COMPLETED
        await pilot.press("f9")
        await type_text(pilot, "Client corrected a date")
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "!")
        await until(pilot, lambda: store.answers(session.id)["success-what"].text == "done!")
    [(detail,)] = rows(engine, "SELECT detail FROM auditevent WHERE action = "
                               "'status:in_progress'")
    assert detail == "locked; reason: Client corrected a date"
