"""Right-to-left text reads in reading order on screen; what is stored stays logical (issue 13).

The expected rows are written out by hand (reversed letters, mirrored brackets, Latin and
digits kept left to right) rather than computed by the code under test.
"""

from __future__ import annotations

import contextlib

import arabic_reshaper
import pytest

from reflect import bidi
from reflect.exchange.demo import load_demo
from reflect.store.interviews import ConsentRecord
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.ui_helpers import rows, screen_lines, until

HEBREW = "שלום עולם"
HEBREW_SHOWN = "םלוע םולש"
MIXED = "אמא של Sara, 3 ילדים (בבית)"
MIXED_SHOWN = "(תיבב) םידלי Sara, 3 לש אמא"  # UAX #9 W7: 3 follows Latin, stays with it
ARABIC = "مرحبا بالعالم"
_SHAPER = arabic_reshaper.ArabicReshaper(configuration={
    "delete_harakat": False, "support_ligatures": False, "shift_harakat_position": False})
ARABIC_SHOWN = _SHAPER.reshape(ARABIC)[::-1]  # joined forms, right to left


@pytest.mark.parametrize(("text", "shown"), [
    (HEBREW, HEBREW_SHOWN), (MIXED, MIXED_SHOWN), (ARABIC, ARABIC_SHOWN),
    ("Sara said שלום (today)", "Sara said םולש (today)"),
    ("בְּרֵאשִׁית", "תישִׁארֵבְּ"),  # niqqud stays on its letter
    ("plain English", "plain English"),
])
def test_a_line_in_reading_order(text, shown):
    assert bidi.display_line(text) == shown


def test_a_terminal_that_reorders_gets_logical_order(monkeypatch):
    monkeypatch.setattr(bidi, "_MODE", ["terminal"])
    assert bidi.display_line(HEBREW) == HEBREW


def area_rows(app, selector: str = "#answer") -> list[str]:
    """The rows of a widget's content area as drawn."""
    region = app.screen.query_one(selector).content_region
    lines = screen_lines(app)
    return [lines[y][region.x:region.right] for y in range(region.y, region.bottom)]


@contextlib.asynccontextmanager
async def interview_screen(engine, catalog, session):
    """The app at 80x24 with the interview open, and its pilot."""
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        yield app, pilot


@pytest.mark.parametrize(("text", "shown"), [(HEBREW, HEBREW_SHOWN), (MIXED, MIXED_SHOWN),
                                             (ARABIC, ARABIC_SHOWN)])
async def test_the_answer_editor_shows_typing_in_reading_order(engine, catalog, interview,
                                                                text, shown):
    async with interview_screen(engine, catalog, interview[2]) as (app, pilot):
        await pilot.press(*text)
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer") == [(text,)])
        first = area_rows(app)[0]
        width = len(first)
        # right-aligned, the cursor cell just left of the text
        assert first == " " * (width - len(shown)) + shown
        assert app.screen.query_one("#answer").cursor_screen_offset.x == \
            app.screen.query_one("#answer").content_region.right - len(shown) - 1
    assert rows(engine, "SELECT text FROM answer") == [(text,)]  # stored as typed


async def test_a_long_answer_wraps_in_logical_order_then_reads_right_to_left(engine, catalog,
                                                                            interview):
    _, _, session = interview
    text = " ".join(["מילה"] * 12) + " סוף"
    async with interview_screen(engine, catalog, session) as (app, pilot):
        app.screen.query_one("#answer").load_text(text)
        await pilot.pause()
        first, second = area_rows(app)[:2]
        assert first.rstrip().endswith("הלימ")  # the first word is on the right of row 1
        assert second.strip().startswith("ףוס")  # the last word at the left end of row 2
        assert second.rstrip().endswith("הלימ")  # and row 2 starts at the right too


async def test_arrows_move_the_way_they_point_and_typing_lands_there(engine, catalog,
                                                                    interview):
    async with interview_screen(engine, catalog, interview[2]) as (app, pilot):
        await pilot.press(*"אבג")
        area = app.screen.query_one("#answer")
        assert area.cursor_location == (0, 3)
        await pilot.press("right")  # towards the start of a right-to-left line
        assert area.cursor_location == (0, 2)
        await pilot.press("right", "right", "left")
        assert area.cursor_location == (0, 1)
        await pilot.press("X")
        assert area.text == "אXבג"
        assert area_rows(app)[0].rstrip().endswith("גבXא")


async def test_a_click_lands_on_the_letter_clicked(engine, catalog, interview):
    async with interview_screen(engine, catalog, interview[2]) as (app, pilot):
        await pilot.press(*"אבגד")
        area = app.screen.query_one("#answer")
        region = area.content_region
        # drawn "דגבא" at the right edge: the second cell from the right is ב (column 1)
        await pilot.click(area, offset=(region.right - area.region.x - 2, region.y
                                        - area.region.y))
        assert area.cursor_location == (0, 1)


async def test_outline_and_tables_show_hebrew_in_reading_order(engine, catalog, store):
    story = store.create_story(HEBREW, "שירות", MIXED)
    informant = store.add_informant(story.id, "מרים", "social_worker")
    store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                          ConsentRecord(True, "verbal", "נועה"))
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert HEBREW_SHOWN in screen and "םירמ" in screen and HEBREW not in screen
        session_row = next(line for line in screen.splitlines() if "םירמ" in line)
        # right-aligned in its column ("Story / case" is 12 wide, the title 9)
        assert session_row.startswith("    " + HEBREW_SHOWN)


async def test_search_results_and_workshop_in_reading_order(engine, catalog, store):
    from reflect_tui.search import SearchScreen
    from reflect_tui.workshop import WorkshopScreen

    load_demo(store, catalog)
    story = store.create_story("סיפור", "שירות")
    informant = store.add_informant(story.id, "מרים", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "נועה"))
    store.save_answer(session.id, "success-what", text=HEBREW)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SearchScreen())
        await pilot.pause()
        await pilot.press(*"שלום", "enter")
        await until(pilot, lambda: HEBREW_SHOWN in "\n".join(screen_lines(app)),
                    what="the Hebrew answer found and shown in reading order")
        app.pop_screen()
        app.push_screen(WorkshopScreen(story.id))
        await pilot.pause()
        assert HEBREW_SHOWN in "\n".join(screen_lines(app))


def test_a_drawn_line_with_vowel_marks_is_reordered_like_any_other():
    from rich.segment import Segment
    from textual.strip import Strip

    from reflect_tui.drawing import reorder_strip

    for text in ("بداخله (Del يُخرج)", "בְּרֵאשִׁית (Genesis)"):
        drawn = reorder_strip(Strip([Segment(text)]), align=False)
        assert drawn.text == bidi.display_line(text) != text


async def test_a_wrapped_right_to_left_paragraph_keeps_its_direction_on_latin_only_lines():
    from textual.app import App
    from textual.widgets import Static

    from reflect_tui import drawing

    drawing.install()  # as the app does: any Textual widget, drawn in reading order

    class One(App):
        def compose(self):
            yield Static("ראיות  (סמנו מילים משמאל, ctrl+e)")

    app = One()
    async with app.run_test(size=(28, 4)) as pilot:
        await pilot.pause()
        first, second = screen_lines(app)[:2]
        assert first.rstrip().endswith("תויאר")  # the paragraph starts on the right
        assert second.rstrip().endswith("ctrl+e") and second.startswith(" ")  # right-aligned


async def test_a_one_line_field_shows_hebrew_typed_into_it_in_reading_order(engine, catalog,
                                                                            store):
    """A story's title, a pseudonym, a search: typed in Hebrew, read right to left while
    typing, the cursor at the left end where the next letter goes; stored as typed."""
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # a new story: its form opens on the title
        await pilot.pause()
        await pilot.press(*MIXED)
        await pilot.pause()
        field = app.screen.query_one("#title")
        assert field.value == MIXED  # logical order, exactly as typed
        row = screen_lines(app)[field.region.y]
        drawn = row[field.region.x:field.region.right]
        assert drawn.rstrip().endswith(MIXED_SHOWN)  # reading order, at the right
        cursor = field.region.x + drawn.index(MIXED_SHOWN) - 1
        style = app.screen.get_style_at  # the cursor cell, left of the text, stands out
        assert style(cursor, field.region.y) != style(cursor - 2, field.region.y)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert rows(engine, "SELECT title FROM story") == [(MIXED,)]
