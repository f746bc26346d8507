"""One gate on an informant's words (issue 28, item 2): once an informant withdraws, nothing
shows or prints what they said (answers, the interviewer's notes, the evidence cut from their
answers) nor their pseudonym, in any export or on any screen; a principle whose every passage
was withdrawn is held from the final book and listed with the reason in the draft."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange.book import export_book
from reflect.exchange.bundle import export_bundle
from reflect.exchange.documents import export_story
from reflect.exchange.markdown import export_session_record, export_sessions
from reflect.exchange.qdpx import export_qdpx
from reflect.exchange.review_copy import export_review_copy
from reflect.exchange.tables import export_csv
from reflect.method.session import SessionRun
from reflect.store import ConsentRecord
from tests.backends import cli_db
from tests.documents import document_text

pytestmark = pytest.mark.both_backends

TOKEN = "ZQXWITHDRAWNTOKEN"
"""Said only by (and in the name of) the informant who withdraws."""
PSEUDONYM = f"Dana {TOKEN} [/]"
HELD_REASON = ("Not in the final book: every passage it rested on was withdrawn by its "
               "informant.")
HELD = "ask the family what helped"
"""The action of the principle that rests only on the withdrawn informant's words."""


def squeezed(text: str) -> str:
    """Text without white space, hyphens or soft hyphens, in capitals: the token is found
    even where a PDF broke or hyphenated it."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text).upper()


def file_text(path: Path) -> str:
    """Everything a file says: documents as their text (PDF through pypdf, .docx through
    python-docx), archives (.qdpx, bundles) member by member, the rest as UTF-8."""
    if path.suffix in (".md", ".docx", ".pdf"):
        return document_text(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())
    return path.read_bytes().decode("utf-8-sig", "replace")


@pytest.fixture
def withdrawing(store, catalog):
    """A ready, analysed story: Maya (approved) and the client who will withdraw, each
    answered and noted; principle A rests on both, principle B only on the client's words;
    theme 'Trust' groups B alone, theme 'Presence' groups A."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    store.update_story(story.id, ready_for_book=True, status="analysed")
    maya = store.add_informant(story.id, "Maya", "social_worker")
    client = store.add_informant(story.id, PSEUDONYM, "client")
    sessions, answers = {}, {}
    for who, protocol, text in (
            (maya, "lfs-practitioner", "We met every week at her home."),
            (client, "lfs-client", f"She listened. {TOKEN} stayed at home [/] שלום عائلة.")):
        session = store.start_interview(who.id, catalog.get(protocol),
                                        ConsentRecord(True, "verbal", "Ana"))
        run = SessionRun.resume(store, session.id)
        run.save_text(text)
        run.toggle_flag("quote")  # quoted in the story, as the interviewer marked it
        run.add_note(f"note about {who.pseudonym}", code=(10, "clock"))
        sessions[who.id], answers[who.id] = session, run.answer()
    principle_a = store.add_principle(story.id, situation="a family distrusts services",
                                      action="meet at home weekly", rationale="presence")
    principle_b = store.add_principle(story.id, situation="a child stays home", action=HELD)
    store.add_evidence(principle_a.id, answers[maya.id].id, 0, 12)
    store.add_evidence(principle_a.id, answers[client.id].id, 0, 40)
    store.add_evidence(principle_b.id, answers[client.id].id, 14, 40)
    trust, presence = store.create_theme("Trust"), store.create_theme("Presence")
    store.assign_theme([principle_b.id], trust.id)
    store.assign_theme([principle_a.id], presence.id)
    store.record_check(maya.id, "approved", date(2026, 12, 1), "in person")
    return story, maya, client, sessions, (principle_a, principle_b), (trust, presence)


def withdraw(store, client) -> None:
    store.record_check(client.id, "withdrawn", date(2026, 12, 3), "by letter")


def every_export(store, story, maya, client, sessions, folder: Path) -> list[Path]:
    """Every export there is, into folder; the files written."""
    written = [*export_story(store, story.id, folder / "story"),
               *export_book(store, folder / "book", "Stories"),
               *export_book(store, folder / "book", "Stories", draft=True),
               *export_session_record(store, sessions[maya.id], folder / "record"),
               *export_sessions(store, store.each_session_of_kind(None), folder / "markdown"),
               *export_review_copy(store, maya.id, folder / "review")]
    written += list(export_csv(store, folder / "csv"))
    export_qdpx(store, folder / "project.qdpx")
    export_bundle(store, folder / "bundle.zip")
    return [*written, folder / "project.qdpx", folder / "bundle.zip"]


def test_before_the_withdrawal_the_token_is_found_in_every_format(
        store, withdrawing, tmp_path):
    """The check below is not empty: the same words are found when they may be shown
    (in the PDF and the .docx too), so their absence after the withdrawal means something."""
    story, maya, client, sessions, _, _ = withdrawing
    for path in export_story(store, story.id, tmp_path):
        assert TOKEN in squeezed(file_text(path)), path.suffix


def test_after_a_withdrawal_no_export_holds_their_words_or_name(
        store, withdrawing, tmp_path, capsys):
    story, maya, client, sessions, (principle_a, _), _ = withdrawing
    withdraw(store, client)
    files = every_export(store, story, maya, client, sessions, tmp_path)
    assert len(files) == 3 * 5 + 1 + 8 + 2  # one Markdown session: theirs is left out
    for path in files:
        assert TOKEN not in squeezed(file_text(path)), path
    book = file_text(tmp_path / "book" / "book-stories.md")
    # not empty (the principle in its four parts, in the common principles and the story)
    assert "We met every week" in book and book.count(principle_a.action) == 2
    assert "Withdrawn informant" not in book  # not quoted, not named: nowhere in the book
    for refused in (lambda: export_session_record(store, sessions[client.id], tmp_path),
                    lambda: SessionRun.resume(store, sessions[client.id].id)):
        with pytest.raises(ReflectError, match="withdrew their consent") as raised:
            refused()
        assert TOKEN not in str(raised.value)
    stories_csv = (tmp_path / "csv" / "stories.csv").read_text(encoding="utf-8-sig")
    assert stories_csv.splitlines()[1].endswith(",1,1")  # informants, interviews: Maya only
    db = cli_db(store.engine)
    assert main(["--db", db, "search", TOKEN]) == 1
    assert f"0 results for '{TOKEN}'" in capsys.readouterr().out  # only the words asked for
    assert main(["--db", db, "search", "listened"]) == 1
    assert main(["--db", db, "superseded"]) == 0
    assert main(["--db", db, "export", "review-copy", "Back", "Nobody"]) != 0
    out = capsys.readouterr()
    assert TOKEN not in squeezed(out.out + out.err)
    assert store.answers(sessions[client.id].id) == {} and store.notes(
        sessions[client.id].id) == []


def test_a_principle_resting_only_on_withdrawn_words_is_held_from_the_final_book(
        store, withdrawing, tmp_path):
    story, maya, client, sessions, (principle_a, principle_b), (trust, presence) = withdrawing
    draft_before = export_book(store, tmp_path / "before", "Stories", draft=True)[0]
    assert HELD in draft_before.read_text(encoding="utf-8")
    withdraw(store, client)
    assert store.held_principles() == {principle_b.id}
    reach = {r.theme.id: r for r in store.themes_by_reach()}
    assert reach[trust.id].story_ids == set()
    assert [p.id for p in reach[trust.id].held] == [principle_b.id]
    assert reach[presence.id].story_ids == {story.id}
    final = [file_text(p) for p in export_book(store, tmp_path / "final", "Stories")]
    for text in final:  # Markdown, .docx, PDF (Markdown marks the parts' leads in bold)
        assert principle_a.sentence() in text.replace("**", "")
        assert HELD not in text and HELD_REASON not in text
    draft = [file_text(p) for p in export_book(store, tmp_path / "draft", "Stories",
                                              draft=True)]
    for text in draft:  # the principle in its story, the reason right after it
        at = text.index(HELD)
        assert 0 < text.index(HELD_REASON, at) - at < len(HELD) + 5, text
    themes_csv = (export_csv(store, tmp_path / "csv"), tmp_path / "csv" / "themes.csv")[1]
    rows = themes_csv.read_text(encoding="utf-8-sig").splitlines()
    trust_row = next(row for row in rows if ",Trust," in row)
    assert trust_row.split(",")[3:5] == ["0", "0"]  # principles, stories


async def test_no_screen_shows_their_words_or_name(engine, catalog, store, withdrawing):
    from reflect_tui.app import make_app
    from reflect_tui.review import ReviewScreen
    from reflect_tui.search import SearchScreen
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen
    from reflect_tui.themes import ThemesScreen
    from reflect_tui.workshop import WorkshopScreen
    from tests.ui_helpers import Told, screen_lines, table_rows

    story, maya, client, sessions, (principle_a, principle_b), _ = withdrawing
    withdraw(store, client)
    seen: dict[str, str] = {}

    async def look(name: str) -> str:
        await pilot.pause()
        seen[name] = "\n".join(screen_lines(app)) + "\n" + str(told)
        return seen[name]

    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(120, 40), notifications=True, message_hook=told) as pilot:
        home = await look("home")
        assert "Withdrawn informant (client)" in home and "Maya" in home
        app.push_screen(StoryScreen(story.id))
        await look("story")
        assert [row[0] for row in table_rows(app, "#informants")] == [
            "Maya", "Withdrawn informant"]
        assert [row[0] for row in table_rows(app, "#interviews")] == [
            "Maya", "Withdrawn informant"]
        await pilot.press("down", "enter")  # their interview cannot be started again
        assert "no interview with them is opened" in await look("story: start")
        interviews = app.screen.query_one("#interviews")
        interviews.focus()
        interviews.move_cursor(row=1)
        await pilot.press("enter")  # nor opened
        assert "withdrew their consent" in await look("story: open")
        assert not isinstance(app.screen, SessionScreen)
        await pilot.press("p")
        workshop = await look("workshop")
        assert isinstance(app.screen, WorkshopScreen) and "We met every week" in workshop
        assert "quote) ⚠ 1 withdrawn" in workshop  # A: Maya's passage; theirs flagged
        assert "(no evidence) ⚠ 1" in workshop  # B: held
        assert "withdrawn by the informant" in workshop  # the flag, in place of the passage
        app.screen.query_one("#principles").highlighted = 1
        await look("workshop: B")
        app.push_screen(ThemesScreen())
        await look("themes")
        assert [row[:2] for row in table_rows(app, "#matrix")] == [["Presence", "1/1"],
                                                                   ["Trust", "0/1"]]
        await pilot.press("down")
        assert "held: its evidence was withdrawn" in await look("themes: held")
        app.push_screen(SearchScreen())
        await pilot.pause()
        found: dict[str, list[str]] = {}
        for words in (TOKEN, "listened", "note about", "every"):
            query = app.screen.query_one("#query")
            query.value = words
            query.focus()
            await pilot.press("enter")
            shown = await look(f"search {words}")
            # what was typed is on the screen (the field, the summary); nothing found is
            seen[f"search {words}"] = shown.replace(TOKEN, "(typed)")
            found[words] = [row[1] for row in table_rows(app, "#results")]
        assert found == {TOKEN: [], "listened": [], "note about": ["interviewer's note"],
                         "every": ["social worker"]}
        app.push_screen(SessionScreen(sessions[maya.id].id))
        await look("session")
        await pilot.press("f10")
        assert isinstance(app.screen, ReviewScreen)
        assert "We met every week" in await look("review")
    for name, text in seen.items():
        assert TOKEN not in squeezed(text), name
