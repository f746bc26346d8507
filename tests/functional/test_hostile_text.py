"""Stored text is only ever text: markup, escapes and control characters in titles,
pseudonyms, answers and principles are shown as written (controls made visible) in every
screen and in CLI output, and never stop the app."""

from __future__ import annotations

import sys

import pytest

from reflect import bidi
from reflect.cli import main
from reflect.store import ConsentRecord, Store
from reflect.text import visible
from reflect_tui.app import make_app
from reflect_tui.search import SearchScreen
from reflect_tui.session import SessionScreen
from reflect_tui.story import StoryScreen
from reflect_tui.themes import ThemesScreen
from reflect_tui.workshop import WorkshopScreen
from tests.backends import cli_db
from tests.ui_helpers import screen_lines, table_rows, until

TITLE = "Kay [/] [bold]loud[/bold] [link=https://x.test]click[/link] \x1b[2J\x0b end"
NAME = "Rosa [red]\x07"
ANSWER = "She said [/] and =HYPERLINK(\"http://x.test\") \x1b]8;;http://x.test\x07here\x9b2J"


def no_controls(text: str) -> bool:
    return not [line for line in text.splitlines() if any(ch in line for ch in "\x1b\x07\x9b\x0b")]


def screen_text(app) -> str:
    """Every character on the screen, row by row, as a person would see it."""
    return "\n".join(screen_lines(app))


def hostile(store: Store, catalog):
    story = store.create_story(TITLE, service="[b]team[/b]", success_criteria="[/]",
                               summary="\x1b[31mred")
    informant = store.add_informant(story.id, NAME, "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana [/]"))
    store.save_answer(session.id, "success-what", text=ANSWER, flag_quote=True)
    principle = store.add_principle(story.id, situation="[/] when", action="visit [bold]")
    theme = store.create_theme("Theme [/]\x1b")
    store.assign_theme([principle.id], theme.id)
    return story, session


def test_visible_shows_controls_and_keeps_text():
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("\x1b[2J\x0b\x00\x7f\x9b") == "␛[2J␋␀␡\\x9b"
    assert visible("[/] שלום عائلة 👋") == "[/] שלום عائلة 👋"
    assert visible("\ud800") == "\\ud800"


async def test_every_screen_shows_hostile_text_as_written(engine, catalog):
    store = Store(engine)
    story, session = hostile(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "Kay [/] [bold]loud[/bold]" in home and "\x1b" not in home
        app.push_screen(StoryScreen(story.id))
        await settled(pilot)
        text = screen_text(app)
        assert "Kay [/] [bold]loud[/bold] [link=https://x.test]click[/link] ␛[2J␋ end" in text
        assert "Rosa [red]␇" in text and "[b]team[/b]" in text and "␛[31mred" in text
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        text = screen_text(app)
        assert "Rosa [red]␇" in text
        assert no_controls(text), [line for line in text.splitlines() if visible(line) != line]
        app.push_screen(WorkshopScreen(story.id))
        await settled(pilot)
        text = screen_text(app)
        assert "[/] when" in text and "visit [bold]" in text
        assert no_controls(text), [line for line in text.splitlines() if visible(line) != line]
        app.push_screen(ThemesScreen())
        await settled(pilot)
        text = screen_text(app)
        assert "Theme [/]␛" in text
        app.push_screen(SearchScreen())
        await pilot.pause()
        app.screen.query_one("#query").value = "hyperlink"
        await pilot.press("enter")
        await settled(pilot)
        [row] = table_rows(app, "#results")
        assert row[0] == visible(TITLE) and "=HYPERLINK" in row[3] and "␛]8;;" in row[3]
        assert no_controls(screen_text(app))
        app.notify(f"Exported {TITLE}")
        await pilot.pause()


@pytest.mark.sqlite_only
def test_cli_output_shows_hostile_text_as_written(store, catalog, capsys):
    hostile(store, catalog)
    db = cli_db(store.engine)
    assert main(["--db", db, "search", "HYPERLINK"]) == 0
    out = capsys.readouterr().out
    assert "[/]" in out and "HYPERLINK" in out and "␛" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\x0b")
    assert main(["--db", db, "redact", "add", "[bold]Lotte\x1b"]) == 0
    assert main(["--db", db, "redact", "list"]) == 0
    out = capsys.readouterr().out
    assert "[bold]Lotte␛" in out and "\x1b" not in out


async def test_every_c0_and_c1_control_in_a_title_and_an_answer_stays_off_the_terminal(
        engine, catalog):
    controls = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)])
    store = Store(engine)
    story = store.create_story(f"All controls {controls} end")
    informant = store.add_informant(story.id, f"Who{controls}", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "change-what", text=f"said {controls} done")
    app = make_app(engine, catalog)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        assert "All controls ␀␁␂" in screen_text(app)
        for screen in (StoryScreen(story.id), SessionScreen(session.id)):
            app.push_screen(screen)
            await settled(pilot)
            text = screen_text(app)
            assert not [ch for ch in text if ch != "\n" and visible(ch) != ch], repr(text)


# Every screen and dialog, with text built to break markup or reach the terminal ------------
# (issue 29, point 6): markup tags, an unclosed bracket, a closing backslash, an escape
# sequence that would set the terminal's title and clear it, a bidi control, Hebrew, Arabic.

UNCLOSED = "when the rent [arrears grow"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"
SHOWN_ESCAPES = "␛]0;pwned␇␛[2J"
HEBREW, ARABIC = "שלום עולם", "مرحبا بالعالم"
HOSTILE = f"{UNCLOSED} [/] [link=x]here [b]bold {ESCAPES} \u202eflip end\\"
"""A stored text with every trap at once; on screen each of these pieces shows as written:"""
PIECES = ("[arrears", "[/]", "[link=x]here", "[b]bold", SHOWN_ESCAPES, "end\\")


async def settled(pilot) -> None:
    """Until the screen shown has read what it shows (screens read in workers)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def drawn(app) -> str:
    """The active screen as it goes to the terminal, checked line by line: no character
    a terminal would obey (escape, bell, C1 controls) comes from stored text."""
    lines = screen_lines(app)
    for line in lines:
        obeyed = [ch for ch in line if visible(ch) != ch]
        assert not obeyed, (line, obeyed)
    return "\n".join(lines)


def assert_shown(text: str, *pieces: str) -> None:
    """Each piece is on the screen as written (pieces hold no space: wrapping keeps them)."""
    missing = [piece for piece in pieces if piece not in text]
    assert not missing, f"{missing} not in:\n{text}"


def hostile_protocol(folder):
    """A protocol file whose every text (title, introduction, consent, stage, prompt, probes,
    help, choices, the note's label) holds the traps, in a user's protocols folder."""
    import yaml

    from reflect.protocol.catalog import load_catalog
    from tests.conftest import PROMPTS

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.yaml").write_text(yaml.safe_dump({
        "id": "hostile", "version": "1", "title": f"Hostile {ESCAPES} end\\", "kind": "interview",
        "roles": ["client"], "language": "en", "description": f"About {HOSTILE}",
        "introduction": f"Intro {HOSTILE}",
        "consent": {"version": "v[1", "text": f"Consent {HOSTILE}\nשלום עולם\nمرحبا بالعالم"},
        "stages": [{"id": "one", "title": f"Stage {UNCLOSED} end\\", "guidance": f"Guide {HOSTILE}",
                    "questions": [
                        {"id": "q-text", "prompt": f"Prompt {HOSTILE}",
                         "probes": [f"Probe {HOSTILE}"], "help": f"Help {HOSTILE}"},
                        {"id": "q-choice", "prompt": "Pick", "type": "choice",
                         "options": [f"One {UNCLOSED} end\\", f"Two {ESCAPES} [/]"],
                         "note": f"Label {UNCLOSED} {ESCAPES}:"},
                        {"id": "q-tick", "prompt": "Tick", "type": "checklist",
                         "options": ["Tick [/] [link=x]here", f"Tick {ESCAPES} end\\"]}]}],
    }, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog([PROMPTS, folder])
    assert catalog.problems == []
    return catalog


async def test_a_principle_with_an_unclosed_bracket_saves_and_reopens(engine, catalog):
    """The crash of issue 29: "when the rent [arrears grow" in a principle ended the app on
    save, and every time the workshop or the common principles opened afterwards."""
    from textual.widgets import Input, TextArea

    from reflect_tui.workshop import InterviewColumn

    store = Store(engine)
    story = store.create_story("Rent arrears \\", service="Housing [b", summary=HEBREW)
    informant = store.add_informant(story.id, "Rosa\\", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "change-what", text=f"We paid {HOSTILE}\n{HEBREW} {ARABIC}")
    app = make_app(engine, catalog)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        app.push_screen(WorkshopScreen(story.id))
        await settled(pilot)
        for part, value in (("situation", UNCLOSED), ("goal", "keep the flat [/]"),
                            ("action", "call [link=x]the landlord"),
                            ("rationale", f"debts grow {ESCAPES} end\\")):
            app.screen.query_one(f"#{part}", Input).value = value
        await pilot.pause()
        assert_shown(drawn(app), "[arrears", "[/],", "[link=x]the", SHOWN_ESCAPES, "end\\.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [principle] = store.principles(story.id)
        assert principle.situation == UNCLOSED and principle.rationale.endswith(ESCAPES + " end\\")
        text = drawn(app)
        assert_shown(text, "1. When when the", "[arrears", "(no evidence)", "Principle saved.",
                     "Rosa\\")
        assert "Rosa\\\\" not in text  # the closing backslash is not doubled
        # the answer's line, controls drawn one for one, attached as evidence: the excerpt is
        # the stored text (the offsets of what is shown are those of what is stored)
        area = app.screen.query_one(InterviewColumn).query_one(TextArea)
        assert_shown(text, f"[b]bold {SHOWN_ESCAPES}")
        area.focus()
        area.move_cursor((area.text.split("\n").index(
            f"We paid {HOSTILE}".replace("\x1b", "␛").replace("\x07", "␇")), 0))
        await pilot.press("shift+end", "ctrl+e")
        await pilot.pause()
        [evidence] = store.evidence([principle.id])[principle.id]
        assert evidence.excerpt == f"We paid {HOSTILE}"
        assert_shown(drawn(app), "“We", "[link=x]here", SHOWN_ESCAPES, "end\\”", "Rosa\\",
                     "(1 quote)")
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(WorkshopScreen(story.id))  # opened again: the crash came back here
        await settled(pilot)
        text = drawn(app)
        assert_shown(text, "[arrears", "[link=x]the", SHOWN_ESCAPES, "[link=x]here", "[b]bold")
        assert bidi.display_line(HEBREW) in text and bidi.display_line(ARABIC) in text
        theme = store.create_theme(f"Rent {UNCLOSED} end\\")
        store.assign_theme([principle.id], theme.id)
        app.push_screen(ThemesScreen())
        await settled(pilot)
        assert_shown(drawn(app), "[arrears", "Rent arrears \\:", "end\\")
        store.assign_theme([principle.id], None)
        app.screen.refresh_all()
        await pilot.pause()
        assert_shown(drawn(app), "[arrears", "Rent arrears \\:")
        app.push_screen(StoryScreen(story.id))
        await settled(pilot)
        text = drawn(app)
        assert_shown(text, "Rent arrears \\", "Housing [b", "Rosa\\")
        assert bidi.display_line(HEBREW) in text


async def test_interview_screens_and_dialogs_draw_protocol_and_stored_text_as_written(
        engine, tmp_path):
    """A hostile protocol file and hostile answers, notes and member check, through consent,
    the interview (prompt, probes, help, guidance, choices, checklist, note label, F2 note),
    the F10 review, the story, the member check, search and home."""
    from datetime import date

    from textual.widgets import Input

    from reflect_tui.consent import ConsentDialog
    from reflect_tui.home import HomeScreen
    from reflect_tui.member_check import MemberCheckDialog
    from reflect_tui.prompts import PickDialog, SplitDialog, TextPrompt

    catalog = hostile_protocol(tmp_path / "protocols")
    protocol = catalog.get("hostile")
    store = Store(engine)
    story = store.create_story(f"Story {UNCLOSED} end\\", summary=f"{HOSTILE}")
    informant = store.add_informant(story.id, "Ana [b", "client")
    app = make_app(engine, catalog)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        app.push_screen(ConsentDialog(protocol, "Ana [b (client)", "Ana"))
        await pilot.pause()
        text = drawn(app)
        assert_shown(text, *PIECES, "v[1", "[b", "Intro", "Consent")
        assert bidi.display_line(HEBREW) in text and bidi.display_line(ARABIC) in text
        app.pop_screen()

        session = store.start_interview(informant.id, protocol,
                                        ConsentRecord(True, "verbal", f"Ana {ESCAPES}"))
        store.save_answer(session.id, "q-text", text=f"Said {HOSTILE}")
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        text = drawn(app)
        assert_shown(text, *PIECES, "Prompt", "Probe", "Help", "Guide", "Ana [b")
        await pilot.press("f2")  # the interviewer's note: typed with the traps
        await pilot.pause()
        app.screen.query_one("#text", Input).value = f"Note {HOSTILE}"
        await pilot.press("enter")
        await pilot.pause()
        assert_shown(drawn(app), "Note", *PIECES, "Note kept")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert_shown(drawn(app), "○ One when the rent [arrears grow end\\", "[/]", "Label",
                     SHOWN_ESCAPES)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert_shown(drawn(app), "Tick [/] [link=x]here", f"Tick {SHOWN_ESCAPES} end\\")
        await pilot.press("f10")  # the review of every answer
        await until(pilot, lambda: "Note" in drawn(app))  # its table filled by its worker
        text = drawn(app)
        assert_shown(text, "Said", *PIECES, "Hostile", "Note")
        await pilot.press("escape")
        await pilot.pause()

        app.push_screen(WorkshopScreen(story.id))  # the topic is the stage's title
        await until(pilot, lambda: "Said" in drawn(app))  # read by its worker
        assert_shown(drawn(app), "Stage when the rent [arrears grow end\\", "Said", *PIECES)
        app.pop_screen()

        store.record_check(informant.id, "approved", date(2026, 5, 1),
                           how=f"by phone {HOSTILE}", note=f"note {HOSTILE}")
        app.push_screen(StoryScreen(story.id))
        await until(pilot, lambda: "Ana [b" in drawn(app))  # read by its worker
        assert_shown(drawn(app), "[arrears", "end\\", "Ana [b", "[link=x]here", SHOWN_ESCAPES)
        app.push_screen(MemberCheckDialog(store.informant(informant.id)))
        await pilot.pause()
        assert_shown(drawn(app), "Ana [b", "phone", *PIECES)
        app.screen.query_one("#checked-on", Input).value = f"[b {ESCAPES} end\\"
        app.screen.query_one("#record").press()
        await pilot.pause()
        assert_shown(drawn(app), f"'[b {SHOWN_ESCAPES} end\\' is not a date")
        app.pop_screen()
        await pilot.pause()

        for dialog in (TextPrompt(f"Title {HOSTILE}", f"Label {HOSTILE}"),
                       PickDialog(f"Merge '{HOSTILE}' into…", [("a", f"Item {HOSTILE}")]),
                       SplitDialog(f"Split '{HOSTILE}'", [("a", f"Item {HOSTILE}")])):
            app.push_screen(dialog)
            await pilot.pause()
            assert_shown(drawn(app), "Title" if isinstance(dialog, TextPrompt) else "Item",
                         *PIECES)
            app.pop_screen()

        app.push_screen(SearchScreen())
        await pilot.pause()
        app.screen.query_one("#query").value = "arrears"
        await pilot.press("enter")
        await settled(pilot)
        assert_shown(drawn(app), "[arrears")
        app.notify(f"Exported {HOSTILE}", title=f"Title {ESCAPES}")
        await pilot.pause()
        assert_shown(drawn(app), "Exported", *PIECES)
        while not isinstance(app.screen, HomeScreen):
            app.pop_screen()
        await pilot.pause()
        assert_shown(drawn(app), "Story", "[arrears", "Ana [b")


async def test_the_action_review_and_history_draw_stored_text_as_written(engine, catalog):
    from datetime import date, timedelta

    from reflect_tui.action_review import ReviewAction
    from reflect_tui.history import HistoryScreen

    store = Store(engine)
    protocol = catalog.get("gibbs")
    session = store.start_reflection(protocol, "Me [b", f"Case {UNCLOSED} end\\")
    item = store.add_action(session.id, f"Call {HOSTILE}", date.today() - timedelta(days=1))
    app = make_app(engine, catalog)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert_shown(drawn(app), "Call", "[arrears", "[link=x]here", SHOWN_ESCAPES)
        app.push_screen(ReviewAction(item, f"Gibbs {HOSTILE}"))
        await pilot.pause()
        assert_shown(drawn(app), "Call", "Gibbs", *PIECES)
        app.pop_screen()
        app.push_screen(HistoryScreen())
        await pilot.pause()
        assert_shown(drawn(app), "Case", "[arrears", "end\\")


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_the_terminal_receives_no_escape_from_an_answer(db_path, engine, interview):
    """The real app in a real terminal: the F10 review of an answer that holds an escape
    sequence setting the terminal's title draws it as visible characters; the terminal never
    receives the sequence itself."""
    from tests.terminal import interview_open

    _, _, session = interview
    Store(engine).save_answer(session.id, "success-what", text=f"Title {ESCAPES} {UNCLOSED}")
    engine.dispose()
    terminal = interview_open(db_path)
    try:
        terminal.type("\x1b[21~")  # F10: the review
        terminal.wait_for(b"F10 finishes")
        terminal.wait_for(SHOWN_ESCAPES.encode())
    finally:
        terminal.kill()
    assert b"\x1b]0;pwned" not in terminal.output and b"pwned\x07" not in terminal.output
