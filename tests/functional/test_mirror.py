"""A Hebrew or Arabic interface mirrors the layout, as any right-to-left application does
(issue 32, point 2): the interview's outline at the right of the answer, a form's label at the
right of its field, a table's first column at the right (clicks and arrows following it), and
no letter under a scrollbar. English layouts stay as they were."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Label

from reflect import i18n
from reflect.bidi import display_line
from reflect.exchange.demo import load_demo
from reflect.i18n import _
from reflect.store import Store
from reflect_tui.app import make_app
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.home import HomeScreen
from reflect_tui.mirror import mirrored
from reflect_tui.reflection_start import StartReflection
from reflect_tui.session import SessionScreen
from reflect_tui.workshop import WorkshopScreen
from tests.ui_helpers import screen_lines, until

RTL = ["he", "ar"]


def _demo(engine, catalog) -> Store:
    store = Store(engine)
    load_demo(store, catalog)
    return store


def _first_interview(store: Store):
    story = store.find_story("Back to school together")
    return story, store.sessions_for_story(story.id)[0]


@pytest.mark.parametrize("language", [*RTL, "en"])
async def test_the_outline_stands_at_the_right_of_the_answer_in_hebrew_and_arabic(
        engine, catalog, language):
    store = _demo(engine, catalog)
    _, session = _first_interview(store)
    i18n.use(language)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        screen = app.screen
        await until(pilot, lambda: screen.query_one("#outline").region.width > 0)
        outline, answer = screen.query_one("#outline").region, screen.query_one("#answer").region
        if language == "en":  # as before: the outline at the left
            assert outline.x == 0 and answer.x >= outline.right
        else:
            assert mirrored() and app.has_class("-rtl")
            assert answer.x == 0 and outline.x >= answer.right and outline.right == 80


@pytest.mark.parametrize("language", [*RTL, "en"])
async def test_a_form_label_stands_at_the_right_of_its_field(engine, catalog, language):
    """The workshop's principle parts: "when", "do", ... beside their one-line fields; the
    reading pane and the principles' side swap."""
    store = _demo(engine, catalog)
    story, _session = _first_interview(store)
    i18n.use(language)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WorkshopScreen(story.id))
        screen = app.screen
        await until(pilot, lambda: screen.query(".part Input").first().region.width > 0)
        for part in screen.query(".part"):
            label, field = part.query_one(Label).region, part.query_one(Input).region
            if language == "en":
                assert label.right <= field.x
            else:
                assert field.right <= label.x
        reading, side = (screen.query_one(s).region for s in ("#reading", "#principle-side"))
        assert (reading.x < side.x) == (language == "en")


@pytest.mark.parametrize("language", RTL)
async def test_a_table_reads_from_the_right_and_a_click_selects_the_row_clicked(
        engine, catalog, language):
    """The home screen's stories: the first column (the story) at the right, its header
    over it; a click on a row's first cell highlights that row."""
    store = _demo(engine, catalog)
    i18n.use(language)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        table = screen.query_one("#stories", FitTable)
        await until(pilot, lambda: table.row_count == len(store.stories()) > 1)
        await pilot.pause()
        lines = screen_lines(app)
        region = table.region
        header = lines[region.y]
        story, status = display_line(_("Story")), display_line(_("Status"))
        assert header.index(story) > header.index(status)
        assert header.rstrip().endswith(story)  # the first column's header at the right
        last = table.get_row_at(table.row_count - 1)[0].plain
        y = next(y for y in range(region.y + 1, region.bottom)
                 if display_line(last) in lines[y])
        assert lines[y].index(display_line(last)) > region.x + region.width // 2
        await pilot.click(table, offset=(region.width - 3, y - region.y))
        assert table.cursor_row == table.row_count - 1


class CellTable(App[None]):
    """A table with a cell cursor, three columns."""

    def compose(self) -> ComposeResult:
        yield FitTable(Col("first"), Col("second"), Col("third"), cursor_type="cell")

    def on_mount(self) -> None:
        table = self.query_one(FitTable)
        table.add_row("a1", "b1", "c1")
        table.add_row("a2", "b2", "c2")


@pytest.mark.parametrize("language", [*RTL, "en"])
async def test_clicks_and_arrows_follow_the_mirrored_columns(language):
    i18n.use(language)
    app = CellTable()
    async with app.run_test(size=(40, 6)) as pilot:
        table = app.query_one(FitTable)
        await until(pilot, lambda: table.columns and list(table.columns.values())[0].width)
        await pilot.pause()
        line = screen_lines(app)[1]  # the first row, under the header
        order = sorted(("a1", "b1", "c1"), key=line.index)
        assert order == (["c1", "b1", "a1"] if language != "en" else ["a1", "b1", "c1"])
        # a click on the cell drawn "b1" selects (row 0, column 1), whatever its x
        await pilot.click(table, offset=(line.index("b1"), 1))
        assert tuple(table.cursor_coordinate) == (0, 1)
        await pilot.press("left")  # towards the column drawn at the left
        assert table.cursor_column == (2 if language != "en" else 0)
        await pilot.press("right", "right")
        assert table.cursor_column == (0 if language != "en" else 2)
        # the cell at the cursor is drawn highlighted where it stands
        region = table._get_cell_region(table.cursor_coordinate)
        assert line[region.x:region.right].strip() == ("a1" if language != "en" else "c1")


@pytest.mark.parametrize("language", [*RTL, "en"])
async def test_no_letter_of_a_picker_hides_under_its_scrollbar(engine, catalog, language):
    """The reflection picker at 80x24 scrolls; every protocol title is drawn whole, clear of
    the scrollbar (a right-to-left line starts where the scrollbar is)."""
    i18n.use(language)
    protocols = [catalog.get(p.id, language) or p for p in catalog.of_kind("reflection")]
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(StartReflection(protocols, []))
        await until(pilot, lambda: app.screen.query_one("#protocols").region.width > 0)
        picker = app.screen.query_one("#protocols")
        await until(pilot, lambda: picker.show_vertical_scrollbar)
        await pilot.pause()
        room = picker.scrollable_content_region
        for index in range(len(protocols)):
            picker.highlighted = index  # each option scrolled into view in turn
            await pilot.pause()
            title = display_line(protocols[index].title)
            lines = screen_lines(app)
            y = next((y for y in range(room.y, room.bottom) if title in lines[y]), None)
            assert y is not None, f"{title!r} not drawn whole"
            assert lines[y].index(title) + len(title) <= room.right


class Rows(App[None]):
    """A row wider than the screen, a right-aligned row of buttons (as in a dialog), and a
    label narrower than the screen."""

    CSS = """
    #label { width: auto; }
    #wide Static { width: 30; }
    #buttons { align: right middle; height: 1; }
    #buttons Static { width: 8; margin-left: 1; }
    """

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal
        from textual.widgets import Static

        yield Static("a label", id="label")
        with Horizontal(id="wide"):
            yield from (Static(name, id=name) for name in ("one", "two", "three"))
        with Horizontal(id="buttons"):
            yield from (Static(name, id=name) for name in ("ok", "cancel"))


@pytest.mark.parametrize("language", ["he", "en", "he-terminal"])
async def test_a_row_that_does_not_fit_is_cut_at_its_end_and_alignment_is_mirrored(
        language, monkeypatch):
    """A footer's keys: the first one whole at the right, the last ones cut at the left;
    buttons aligned to the right in English stand at the left in Hebrew, first at the right;
    a label narrower than its container stands at the right. A terminal that reorders lines
    itself (bidi mode `terminal`) mirrors them: reflect does not."""
    from reflect import bidi

    if language == "he-terminal":
        monkeypatch.setattr(bidi, "_MODE", ["terminal"])
    i18n.use(language[:2])
    app = Rows()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        one, two, three = (app.query_one(f"#{name}").region for name in ("one", "two", "three"))
        ok, cancel = (app.query_one(f"#{name}").region for name in ("ok", "cancel"))
        label = app.query_one("#label").region
        assert label.width == len("a label")
        assert (label.right == 80) == (language == "he") and (label.x == 0) != (language == "he")
        if language != "he":
            assert (one.x, two.x, three.x) == (0, 30, 60)  # the last one 10 cells past the edge
            assert cancel.right == 80 and ok.right < cancel.x
        else:
            assert (one.right, two.right, three.right) == (80, 50, 20)  # three cut at the left
            assert ok.x > cancel.x and cancel.x == 0
