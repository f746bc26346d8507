"""Run by tests/functional/test_pseudo_locale.py in a process of its own, with the pseudo-language
installed (tests/pseudo.py): every screen and dialog drawn over data and protocols written
only in Hebrew; any Latin word left on screen outside ⟦ ⟧ is a message nobody can translate."""

from __future__ import annotations

import re
from datetime import date

import pytest

from reflect import i18n
from reflect.protocol.catalog import ProtocolCatalog
from reflect.protocol.definition import Protocol
from reflect.store.interviews import ConsentRecord
from reflect_tui.app import make_app
from reflect_tui.story import StoryScreen
from tests.functional.test_screens_fit import engine_path, visit_every_screen
from tests.ui_helpers import on_screen, screen_lines

FILLER = "טקסט"
LETTERS = "אבגדהוזחטיכלמנסעפצקרשת" * 3
TEXT_FIELDS = {"title", "description", "introduction", "prompt", "probes", "guidance", "help",
               "note", "topic", "text", "ask_for_positive", "ask_for_negative", "options",
               "labels", "review"}
ALLOWED = {
    # key names, drawn by Textual's footer the same in every language
    "ctrl", "esc", "tab", "enter", "del", "shift", "up", "down", "left", "right", "pgup",
    "pgdn", "home", "end", "space", "backspace", "f1", "f2", "f9", "f10",
    # the program's name
    "reflect",
}


def hebrew_only(value, key=""):
    """A protocol's data with every text that people read replaced by Hebrew."""
    if isinstance(value, dict):
        return {k: (hebrew_only(v, k) if k in TEXT_FIELDS or isinstance(v, (dict, list))
                    else v) for k, v in value.items()}
    if isinstance(value, list):
        if key == "options":  # options must differ
            return [f"{FILLER} {LETTERS[i]}" for i in range(len(value))]
        return [hebrew_only(v, key) for v in value]
    if isinstance(value, str) and value and key in TEXT_FIELDS:
        return FILLER
    return value


@pytest.fixture
def hebrew_catalog(catalog):
    protocols = {pid: Protocol.model_validate(hebrew_only(p.model_dump()))
                 for pid, p in catalog.protocols.items()}
    return ProtocolCatalog(protocols=protocols, sources=dict(catalog.sources))


@pytest.fixture
def hebrew_store(store, hebrew_catalog):
    for title in ("חזרה לבית הספר", "בית משלו"):
        story = store.create_story(title, "שירותי רווחה", "הבן חזר ללימודים", "סיכום")
        for name, role in (("מרים", "social_worker"), ("נועה", "client")):
            informant = store.add_informant(story.id, name, role)
            protocol = hebrew_catalog.get("lfs-practitioner" if role == "social_worker"
                                          else "lfs-client")
            session = store.start_interview(informant.id, protocol,
                                            ConsentRecord(True, "verbal", "דנה"))
            store.save_answer(session.id, protocol.questions[0].id, text="סוף סוף שקט")
    reflection = store.start_reflection(hebrew_catalog.get("self-critique"), "סטודנטית",
                                        "מקרה א")
    store.add_action(reflection.id, "לקבוע פגישה עם המשפחה", date.today())
    first = hebrew_catalog.get("self-critique").questions[0]
    store.save_answer(reflection.id, first.id, text="חוזקה: הקשבה למשפחה")
    return store


async def reach_the_corners(pilot, app, store, look) -> None:
    """What visiting each screen does not show: a flagged quote in the status line, a
    search that finds a reflection, a toast, the workshop's new principle."""
    from reflect_tui.search import SearchScreen
    from reflect_tui.session import SessionScreen
    from reflect_tui.workshop import WorkshopScreen
    from tests.ui_helpers import until

    session = store.sessions_of_kind("interview")[0]
    app.push_screen(SessionScreen(session.id))
    await until(pilot, lambda: app.screen.query_one("#answer").has_focus)
    await pilot.press("ctrl+t")  # flag the answer as a quote: the status line says so
    await app.workers.wait_for_complete()
    await look("a flagged quote")
    app.notify(i18n._("Marked complete."), title=i18n._("Completed"))  # drawn as any toast
    await until(pilot, lambda: app.screen.query("Toast"))
    await look("a toast")
    app.pop_screen()
    app.push_screen(SearchScreen())
    await pilot.pause()
    await pilot.press(*"הקשבה", "enter")
    await until(pilot, lambda: app.screen.query_one("#results").row_count > 0)
    await look("a search that finds a reflection")
    app.pop_screen()
    story = next(s for s in store.stories() if s.title == "חזרה לבית הספר")
    app.push_screen(WorkshopScreen(story.id))
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+n")  # a new principle of action
    await look("the workshop's new principle")
    app.pop_screen()


def unmarked(text: str) -> list[str]:
    """The Latin words of a widget's text outside ⟦ ⟧ (a message may wrap over lines, be
    cut at the widget's edge or with an ellipsis, or hold other messages)."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
    text = re.sub(r"⟦[^⟦⟧\n]*(…|$)", " ", text, flags=re.MULTILINE)  # cut at an edge
    text = re.sub(r"^[^⟦⟧\n]*⟧", " ", text, flags=re.MULTILINE)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", text) if w not in ALLOWED]


def words_outside_the_catalogs(app, allowed: set[str]) -> list[str]:
    lines = screen_lines(app)
    found = []
    for widget in app.screen.walk_children():
        if not on_screen(app.screen, widget):
            continue
        if widget.children and not widget.__class__.__name__.endswith("Table"):
            continue  # what a container draws is its children's
        region = widget.region
        text = "\n".join(line[region.x:region.right] for line in lines[region.y:region.bottom])
        found += [w for w in unmarked(text) if w not in allowed]
    return found


async def test_no_english_is_left_outside_the_catalogs(engine, hebrew_catalog, hebrew_store):
    assert i18n._("Quit") == "⟦Quit⟧", "run by tests/functional/test_pseudo_locale.py"
    allowed = set(re.findall(r"[A-Za-z0-9]+", str(engine_path(engine))))  # the file's path
    problems: list[str] = []
    app = make_app(engine, hebrew_catalog)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        async def look(where: str) -> None:
            await pilot.pause()
            if words := words_outside_the_catalogs(app, allowed):
                problems.append(f"{where}: {' '.join(dict.fromkeys(words))}")

        await visit_every_screen(pilot, app, engine, hebrew_catalog, hebrew_store,
                                 ("חזרה לבית הספר",), look, long_text="טקסט ארוך")
        story = next(s for s in hebrew_store.stories() if s.title == "בית משלו")
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")  # the protocols offered for the highlighted informant
        await look("start an interview")
        assert "⟦" in " ".join(screen_lines(app)) and len(app.screen_stack) > 2
        while len(app.screen_stack) > 2:
            app.pop_screen()
        await reach_the_corners(pilot, app, hebrew_store, look)
    assert problems == [], "\n".join(problems)
