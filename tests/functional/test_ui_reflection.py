"""Solo reflection driven through the pilot: typed answers, balance nudge, action plan, review
of a due action with a follow-up, history with ratings over time, Markdown export."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from reflect import paths
from reflect.method.session import SessionRun
from reflect.models import ActionStatus, SessionStatus
from reflect.store import Store
from reflect_tui.action_review import ReviewAction
from reflect_tui.app import make_app
from reflect_tui.history import HistoryScreen
from reflect_tui.home import HomeScreen
from reflect_tui.reflection_start import StartReflection
from reflect_tui.session import SessionScreen
from tests.ui_helpers import rows, shown, table_rows, type_text, until

SIZE = (100, 40)



async def lines(pilot, *items: str) -> None:
    for i, item in enumerate(items):
        if i:
            await pilot.press("enter")
        await type_text(pilot, item)


async def test_self_critique_from_start_to_follow_up(engine, catalog):
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, StartReflection)
        ids = [p.id for p in app.screen.protocols]
        assert set(ids) == {"self-critique", "good-practice", "family-preservation", "gibbs",
                            "after-action-review"}
        app.screen.query_one("#protocols", OptionList).highlighted = ids.index("self-critique")
        await pilot.press("enter")
        await type_text(pilot, "Sam")
        await pilot.press("tab")
        await type_text(pilot, "Family K")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert "Reflection: Family K" in shown(app, "#topbar")
        assert rows(engine, "SELECT kind, case_label, interviewer, consent_given FROM session") \
            == [("reflection", "Family K", "Sam", None)]

        await type_text(pilot, "A home visit that went wrong")
        await pilot.press("ctrl+n", "ctrl+n")
        assert shown(app, "#prompt").startswith("3. What did I do well?")
        assert "One item per line" in shown(app, "#note-label")
        await lines(pilot, "listened to the mother", "came back the next day", "kept calm")
        await until(pilot, lambda: rows(
            engine, "SELECT value FROM answer WHERE question_id = 'did-well'") == [
            ('["listened to the mother", "came back the next day", "kept calm"]',)]
            and "One-sided so far" in shown(app, "#balance"))
        assert "less well" in shown(app, "#balance")

        await pilot.press("ctrl+n", "ctrl+n")
        assert shown(app, "#prompt").startswith("5. What did I do less well?")
        await type_text(pilot, "arrived late")
        await until(pilot, lambda: "⚖ +3/−1" in shown(app, "#answer-status"))
        assert not app.screen.query_one("#balance").display

        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        assert shown(app, "#prompt").startswith("8. Taking everything into account")
        assert app.screen.query_one("#choices").has_focus
        await pilot.press("4")
        assert rows(engine, "SELECT value FROM answer WHERE question_id = 'overall'") == [("4",)]
        assert "● 4  well" in str(app.screen.query_one("#choices").get_option_at_index(3).prompt)
        await pilot.press("tab")
        await type_text(pilot, "mostly")
        await pilot.press("ctrl+n", "ctrl+n")
        assert rows(engine, "SELECT value, text FROM answer WHERE question_id = 'overall'") == [
            ("4", "mostly")]

        assert shown(app, "#prompt").startswith("10. What will I do?")
        await type_text(pilot, "Call the school")
        await pilot.press("tab")
        await type_text(pilot, "+0")
        await pilot.press("enter")
        await pilot.pause()
        today = date.today().isoformat()
        assert rows(engine, "SELECT text, review_on, status FROM actionitem") == [
            ("Call the school", today, "open")]
        assert table_rows(app, "#action-table") == [["Call the school", today, "open"]]

        await pilot.press("f10")  # every question on one screen first
        await pilot.pause()
        await pilot.press("f10")  # then finish from there
        await pilot.pause()
        body = shown(app, "#confirm-body")
        assert "required question" in body and "What happened, in order?" in body
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert rows(engine, "SELECT status FROM session") == [("completed",)]

        # the action is due today: review it and start a follow-up reflection
        assert table_rows(app, "#due")[0][:2] == [today, "Call the school"]
        app.screen.query_one("#due").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewAction)
        await pilot.click("#review-note")
        await type_text(pilot, "Met the head teacher")
        await pilot.click("#follow-up")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        [(status, note, follow_id)] = rows(
            engine, "SELECT status, review_note, follow_up_session_id FROM actionitem")
        assert (status, note) == ("done", "Met the head teacher") and follow_id
        assert "Earlier" in shown(app, "#earlier")
        assert "A home visit that went wrong" in shown(app, "#earlier")
        await pilot.press("ctrl+n", "ctrl+n")
        assert "listened to the mother" in shown(app, "#earlier")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#due").display


async def test_checklist_and_choice_answers(engine, catalog):
    store = Store(engine)
    session = store.start_reflection(catalog.get("family-preservation"), "Sam", "Family T")
    store.save_position(session.id, "family-valued", 0)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        assert app.screen.query_one("#ticks").has_focus
        await pilot.press("space", "down", "down", "space")
        await pilot.pause()
        run = SessionRun.resume(store, session.id)
        assert run.value("family-valued") == [
            "Building on their strengths", "Open, honest talk about what is and isn't acceptable"]
        await pilot.press("ctrl+n", "ctrl+n")
        assert shown(app, "#prompt").startswith("13. Did the family keep the same worker?")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert SessionRun.resume(store, session.id).value("continuity") == "One change of worker"
        assert "What did it mean for the family?" in shown(app, "#note-label")


async def test_history_shows_rating_changes_and_exports(engine, catalog, isolated_data_dir):
    store = Store(engine)
    for rating in (2, 3, 5):
        session = store.start_reflection(catalog.get("good-practice"), "Sam")
        store.save_answer(session.id, "goals", value=rating)
        store.save_answer(session.id, "home-visits", value=4)
        store.set_session_status(session.id, SessionStatus.COMPLETED)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        timeline = table_rows(app, "#timeline")
        assert len(timeline) == 3 and timeline[0][1].startswith("Good-practice")
        assert timeline[0][4] == "+2/−0"  # newest: goals 5 and home visits 4
        ratings = table_rows(app, "#ratings")
        goals = next(row for row in ratings if row[0].startswith("Goals are clear"))
        assert goals[1:] == ["2 3 5", "▃▅█", "+3"]
        assert "2 of 21 rated" in shown(app, "#ratings-title")
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list((paths.data_dir() / "exports").glob("*.md"))) == 1
        await pilot.press("a")  # the first file is there already: asked before replacing
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "from an earlier export" in shown(app, "#confirm-body")
        assert len(list((paths.data_dir() / "exports").glob("*.md"))) == 1
        await pilot.click("#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
    files = sorted((paths.data_dir() / "exports").glob("*.md"))
    assert len(files) == 3
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    assert "# Good-practice self-assessment" in files[0].read_text()
    assert store.due_actions(date.today()) == []
    assert ActionStatus.OPEN.value == "open"
