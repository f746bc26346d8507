"""Looking over the whole interview before finishing it, and the words counted as an answer
is typed (issue 15, item 4)."""

from __future__ import annotations

from reflect_tui.app import make_app
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.review import ReviewScreen
from reflect_tui.session import SessionScreen
from tests.ui_helpers import rows, screen_lines, shown, table_rows, until


async def test_the_review_lists_every_question_and_finishing_is_done_from_it(
        engine, catalog, interview, store):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="She went back to school [/] in May.",
                      flag_quote=True)
    store.save_answer(session.id, "success-criteria", skipped=True)
    store.save_answer(session.id, "before-situation", text="חזרה לבית הספר", flag_follow_up=True)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        table = table_rows(app, "#review-table")
        assert len(table) == 14  # every question of the protocol, in its order
        assert table[0][0] == "1" and table[0][3] == "8" and table[0][4] == "★"
        assert table[0][2].startswith("She went back")  # hostile brackets shown as typed
        assert table[1][2] == "skipped" and table[1][3] == ""
        assert table[2][4] == "⚑" and table[3][2] == "not answered"
        text = "\n".join(screen_lines(app))
        assert "2 of 14 answered, 1 skipped; 11 words" in " ".join(text.split())
        assert "8 words" in text and "She went back to school [/] in May." in text
        await pilot.press("down", "down")
        await pilot.pause()
        assert "3 words" in "\n".join(screen_lines(app))  # the highlighted row's answer
        await pilot.press("enter")  # opens that question
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#prompt").startswith("3. ")
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("f10")  # finishing from the review
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
    assert rows(engine, "SELECT status FROM session") == [("completed",)]


async def test_the_words_of_an_answer_are_counted_as_it_is_saved(engine, catalog, interview):
    _, _, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press(*"one two three")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer") == [
            ("one two three",)] and "3 words" in shown(app, "#answer-status"))


def test_the_interview_record_has_every_question_in_order_as_markdown_and_docx(
        store, catalog, interview, tmp_path, capsys):
    from docx import Document

    from reflect.cli import main
    from tests.backends import cli_db

    _, _, session = interview
    store.save_answer(session.id, "before-situation", text="Dana was alone with six children.",
                      flag_quote=True)
    store.save_answer(session.id, "success-criteria", skipped=True)
    assert main(["--db", cli_db(store.engine), "export", "interview", str(session.id)[:8],
                 "--out", str(tmp_path)]) == 0
    md = next(tmp_path.glob("interview-*-maya-*.md")).read_text()
    assert md.startswith("# Learning from Success - practitioner interview\n")
    assert "- **Informant:** Maya (social worker)" in md
    assert "- **Consent:** given, verbal, recorded by Ana (text lfs-consent-1)" in md
    first, second, third = (md.index(f"### {n}. ") for n in (1, 2, 3))
    assert first < second < third  # protocol order, each question written out
    assert "### 2. What makes this a success?" in md and "_Skipped._" in md
    assert "Dana was alone with six children.\n\n_Flagged: quote._" in md
    assert md.count("_Not answered._") == 12
    document = Document(str(next(tmp_path.glob("interview-*.docx"))))
    texts = [p.text for p in document.paragraphs]
    assert "3. Describe the situation when you started working with this family." in texts
    assert "Dana was alone with six children." in texts


async def test_r_in_a_story_writes_the_highlighted_interview_record(engine, catalog, interview,
                                                                    isolated_data_dir):
    from reflect_tui.story import StoryScreen

    story, _, _ = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await app.workers.wait_for_complete()  # the story read by its worker
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = sorted(p.suffix for p in (isolated_data_dir / "exports").glob("interview-*"))
    assert written == [".docx", ".md", ".pdf"]
