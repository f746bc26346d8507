"""The principles workshop and the common-principles screen, driven through the pilot."""

from __future__ import annotations

from docx import Document
from textual.widgets import OptionList, Select, TextArea

from reflect import paths
from reflect.exchange.demo import load_demo
from reflect.store import Store
from reflect_tui.app import make_app
from reflect_tui.book_dialog import BookDialog
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.prompts import PickDialog, SplitDialog, TextPrompt
from reflect_tui.story import StoryScreen
from reflect_tui.themes import ThemesScreen
from reflect_tui.workshop import InterviewColumn, WorkshopScreen
from tests.ui_helpers import rows, screen_lines, table_rows, type_text, until

SIZE = (140, 44)



def option_texts(app, selector: str) -> list[str]:
    listing = app.screen.query_one(selector, OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_workshop_formulates_a_principle_with_evidence(engine, catalog):
    store = Store(engine)
    load_demo(store, catalog)
    story = store.find_story("Back to school together")
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await app.workers.wait_for_complete()  # the story read by its worker
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        columns = list(app.screen.query(InterviewColumn))
        assert [c.record.informant.pseudonym for c in columns] == ["Sara", "Hana"]
        app.screen.query_one("#topic", Select).value = "What was done"
        await pilot.pause()
        worker_text = columns[0].query_one(TextArea).text
        client_text = columns[1].query_one(TextArea).text
        assert "I called a meeting with the school" in worker_text
        assert "She brought everyone to one table" in client_text
        assert "3. What did the worker do that helped you?" in client_text
        assert len(option_texts(app, "#principles")) == 3

        # a new principle, typed part by part, with its sentence
        await pilot.press("ctrl+n")
        await type_text(pilot, "a mother is afraid of her son")
        await pilot.press("tab")
        await type_text(pilot, "rebuild her confidence")
        await pilot.press("tab")
        await type_text(pilot, "meet her alone while the son is in a group")
        await pilot.press("tab")
        await type_text(pilot, "she needs her own space")
        assert app.screen.query_one("#sentence").content.markup.startswith(
            "[i]When a mother is afraid of her son, in order to rebuild")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert rows(engine, "SELECT action FROM principle WHERE situation = "
                            "'a mother is afraid of her son'") == [
            ("meet her alone while the son is in a group",)]
        assert "(no evidence)" in option_texts(app, "#principles")[-1]

        # select words in the worker's answer and attach them
        area = columns[0].query_one(TextArea)
        area.focus()
        await pilot.pause()
        line = area.text.split("\n").index(
            next(x for x in area.text.split("\n") if x.startswith("I called a meeting")))
        area.move_cursor((line, 0))
        await pilot.press(*["shift+right"] * 31)
        await pilot.press("ctrl+e")
        await pilot.pause()
        [(excerpt, start, end)] = rows(
            engine, "SELECT e.excerpt, e.start, e.end FROM evidence e JOIN principle p "
                    "ON p.id = e.principle_id WHERE p.situation = 'a mother is afraid of her son'")
        assert excerpt == "I called a meeting with the sch"
        assert (start, end) == (0, 31)
        assert "(1 quote)" in option_texts(app, "#principles")[-1]
        assert "— Sara (social worker)" in option_texts(app, "#evidence")[0]

        # selecting a question line is refused with a plain message
        area.move_cursor((line - 1, 0))
        await pilot.press("shift+end", "ctrl+e")
        await pilot.pause()
        assert rows(engine, "SELECT count(*) FROM evidence")[0][0] == 19

        # search across topics
        app.screen.query_one("#search").value = "evenings"
        await pilot.pause()
        assert "reachable by phone in the evenings" in columns[0].query_one(TextArea).text
        assert "no answer on this topic" in columns[1].query_one(TextArea).text

        # remove the evidence (confirmed)
        app.screen.query_one("#evidence").focus()
        app.screen.query_one("#evidence", OptionList).highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.pause()
        assert rows(engine, "SELECT count(*) FROM evidence")[0][0] == 18


def demo_workshop(engine, catalog):
    """The demo set, its story with two informants, and the app (not started)."""
    store = Store(engine)
    load_demo(store, catalog)
    return store, store.find_story("Back to school together"), make_app(engine, catalog)


async def open_workshop(pilot, app, story) -> list[InterviewColumn]:
    """The story's workshop, once its two interview columns are there."""
    app.push_screen(WorkshopScreen(story.id))
    await until(pilot, lambda: len(app.screen.query(InterviewColumn)) == 2)
    return list(app.screen.query(InterviewColumn))


async def test_workshop_at_80x24_one_informant_at_a_time_whole_evidence(engine, catalog):
    """At 80x24 the columns would be a dozen letters wide: one informant is shown at a time
    (ctrl+o: the next), the principles' side scrolls as one, and a two-line evidence excerpt
    is shown whole."""
    store, story, app = demo_workshop(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        columns = await open_workshop(pilot, app, story)
        await until(pilot, lambda: any("Sara (social worker)  1/2" in line
                                       for line in screen_lines(app)))
        assert [c.display for c in columns] == [True, False]
        await pilot.press("ctrl+o")
        await until(pilot, lambda: any("Hana (client)  2/2" in line
                                       for line in screen_lines(app)))
        assert [c.display for c in columns] == [False, True]
        assert app.screen.focused is columns[1].query_one(TextArea)

        # a long excerpt attached to the first principle: shown whole in the evidence list
        principle = store.principles(story.id)[0]
        answer = next(a for a in columns[0].record.answers.values()
                      if len(a.text) > 90)
        excerpt = answer.text[:90]
        store.add_evidence(principle.id, answer.id, 0, 90)
        app.screen.refresh_principles(principle.id)
        listing = app.screen.query_one("#evidence", OptionList)
        await until(pilot, lambda: any(excerpt in str(listing.get_option_at_index(i).prompt)
                                       for i in range(listing.option_count)))
        listing.focus()
        await pilot.press("end")  # the new excerpt is the last
        await pilot.pause()

        def side() -> str:
            return " ".join(" ".join(line.split("│")[-1].strip()
                                     for line in screen_lines(app)).split())

        await until(pilot, lambda: " ".join(excerpt.split()) in side(), what=side())


async def test_workshop_at_120x40_shows_informants_side_by_side(engine, catalog):
    _store, story, app = demo_workshop(engine, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        columns = await open_workshop(pilot, app, story)
        await until(pilot, lambda: any("Sara (social worker)" in line and "Hana (client)" in line
                                       for line in screen_lines(app)))
        assert all(c.display for c in columns)
        assert not any("1/2" in line for line in screen_lines(app))


async def test_themes_matrix_group_merge_split_and_book(engine, catalog, isolated_data_dir):
    store = Store(engine)
    load_demo(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ThemesScreen)
        matrix = table_rows(app, "#matrix")
        assert [row[1] for row in matrix] == ["3/5", "3/5", "2/5", "2/5", "2/5", "1/5"]
        assert matrix[0][0] == "Availability in crisis, backed by the department"
        assert matrix[0][2:] == ["●", "●", "·", "·", "●"]

        # take a principle out, then group it into a new theme
        app.screen.query_one("#members").focus()
        app.screen.query_one("#members", OptionList).highlighted = 0
        await pilot.press("delete")
        await pilot.pause()
        assert table_rows(app, "#matrix")[0][1] == "3/5"  # the other 'Faith' row leads now
        assert len(option_texts(app, "#loose")) == 1
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await type_text(pilot, "Acting fast")
        await pilot.press("enter")
        await pilot.pause()
        assert rows(engine, "SELECT count(*) FROM theme WHERE name = 'Acting fast'") == [(1,)]
        names = [row[0] for row in table_rows(app, "#matrix")]
        app.screen.query_one("#matrix").move_cursor(row=names.index("Acting fast"))
        app.screen.query_one("#loose").focus()
        app.screen.query_one("#loose", OptionList).highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        acting = next(row for row in table_rows(app, "#matrix") if row[0] == "Acting fast")
        assert acting[1] == "1/5"

        # merge 'Acting fast' into the availability theme
        names = [row[0] for row in table_rows(app, "#matrix")]
        app.screen.query_one("#matrix").move_cursor(row=names.index("Acting fast"))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        target = [key for key, label in app.screen.items
                  if label.startswith("Availability")][0]
        app.screen.query_one("#items", OptionList).highlighted = [
            key for key, _ in app.screen.items].index(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        matrix = table_rows(app, "#matrix")
        assert matrix[0][0].startswith("Availability") and matrix[0][1] == "3/5"
        assert all(row[0] != "Acting fast" for row in matrix)

        # split it again
        app.screen.query_one("#matrix").move_cursor(row=0)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SplitDialog)
        await pilot.press("space")
        await pilot.click("#name")
        await type_text(pilot, "Emergency budget")
        await pilot.press("enter")
        await pilot.pause()
        split = next(row for row in table_rows(app, "#matrix") if row[0] == "Emergency budget")
        assert split[1] == "1/5"

        await pilot.press("b")  # the title page first (issue 33), as remembered: the default
        await until(pilot, lambda: isinstance(app.screen, BookDialog))
        await pilot.press("ctrl+s")
        book = paths.data_dir() / "exports" / "book-learning-from-success.docx"
        await until(pilot, book.exists, timeout=60)
        await app.workers.wait_for_complete()
        await pilot.pause()
    headings = [p.text for p in Document(str(book)).paragraphs if p.style.name == "Heading 2"]
    assert "Emergency budget" in headings
