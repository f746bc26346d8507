"""Every key reaches the question it was typed into (issue 28, item 1).

A burst of characters followed at once by a moving key (next, previous, skip, go to, flag,
finish) used to be split: the session's bindings act before the answer field has taken the
keys queued before them, so the end of the sentence was saved under the next question.
"""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from reflect.store import ConsentRecord, Store
from reflect_tui.app import make_app
from reflect_tui.review import ReviewScreen
from reflect_tui.session import SessionScreen
from tests.ui_helpers import burst, rows

pytestmark = pytest.mark.both_backends

SENTENCE = ("She asked us to come on Thursdays, after school, when the children were home, and "
            "we kept to it for a whole year without missing one week")


def sentence(number: int) -> str:
    """A different sentence each round, so a word saved under the wrong question shows."""
    return f"{number:02d} {SENTENCE}"[:150]


def typed_answers(engine, session_id) -> dict[str, str]:
    return {question: text for question, text in rows(
        engine, f"SELECT question_id, text FROM answer WHERE session_id = '{session_id.hex}' "
                f"OR session_id = '{session_id}'") if text}


async def open_session(app, pilot, session_id) -> SessionScreen:
    app.push_screen(SessionScreen(session_id))
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)
    return app.screen


async def test_a_burst_then_ctrl_n_saves_every_sentence_under_its_own_question(
        engine, catalog, interview):
    _, _, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_session(app, pilot, session.id)
        questions = [question.id for question in screen.run.questions]
        for number in range(len(questions) - 1):
            await burst(pilot, sentence(number), "ctrl+n")
        assert screen.run.question.id == questions[-1]
    assert typed_answers(engine, session.id) == {
        question: sentence(number) for number, question in enumerate(questions[:-1])}


MOVES = ["first", "ctrl+n", "second", "ctrl+n", "third", "ctrl+r", " more", "ctrl+t",
         " flagged", "ctrl+f", " followed", "ctrl+n", "ctrl+o", "after skip", "ctrl+g", "up",
         "up", "enter", " jumped", "ctrl+n", "last words", "f10"]
"""Every moving key, each with words right before and right after it."""


async def answers_after(app, pilot, session_id, engine, fast: bool) -> list[tuple]:
    await open_session(app, pilot, session_id)
    if fast:
        await burst(pilot, *MOVES)
    else:
        for key in MOVES:
            await pilot.press(*([key] if key in ("up", "enter") or "+" in key
                                or key == "f10" else key))
            await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    await pilot.press("escape")
    await pilot.pause()
    return [tuple(row) for row in rows(
        engine, "SELECT question_id, text, skipped, flag_quote, flag_follow_up FROM answer "
                f"WHERE session_id IN ('{session_id.hex}', '{session_id}') "
                "ORDER BY question_id")]


async def test_bursts_with_every_moving_key_save_what_slow_typing_saves(
        engine, store, catalog, interview):
    """Previous, skip, go to, flags and finish wait for the keys typed before them, and keys
    typed right after them still go where the user meant (issue 17): a burst stores exactly
    what the same keys pressed one by one store."""
    story, _, slow = interview
    other = store.add_informant(story.id, "Noa", "social_worker")
    fast = store.start_interview(other.id, catalog.get("lfs-practitioner"),
                                 ConsentRecord(True, "verbal", "Ana"))
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        by_hand = await answers_after(app, pilot, slow.id, engine, fast=False)
        at_once = await answers_after(app, pilot, fast.id, engine, fast=True)
    assert at_once == by_hand
    texts = {question: text for question, text, *_ in by_hand if text}
    assert len(texts) == 3 and "first jumped" in texts.values()
    assert any(text.endswith("followedlast words") for text in texts.values())


@pytest.mark.sqlite_only
def test_a_real_terminal_keeps_each_sentence_with_its_question(db_path, engine, interview):
    """150 characters and ctrl+n (ctrl+r on the way back) in one write to a real pty, twenty
    times, through the app's own terminal driver."""
    from tests.terminal import eventually, interview_open

    _, _, session = interview
    questions = _question_ids(session)
    expected: dict[str, str] = {}
    place, step, writes = 0, 1, []
    for number in range(20):
        if place + step not in range(len(questions)):
            step = -step
        expected[questions[place]] = expected.get(questions[place], "") + sentence(number)
        writes.append(sentence(number) + ("\x0e" if step == 1 else "\x12"))
        place += step
    engine.dispose()
    terminal = interview_open(db_path)
    try:
        for write in writes:
            os.write(terminal.master, write.encode())
        eventually(lambda: _saved(engine, session) == expected, timeout=60,
                   what="every sentence saved with its question")
    finally:
        terminal.kill()
    assert _saved(engine, session) == expected


def _question_ids(session) -> list[str]:
    from reflect.protocol.catalog import load_catalog
    from tests.conftest import PROMPTS

    protocol = load_catalog([PROMPTS]).get(session.protocol_id)
    return [question.id for stage in protocol.stages for question in stage.questions]


def _saved(engine, session) -> dict[str, str]:
    return {question: answer.text for question, answer in Store(engine).answers(session.id)
            .items() if answer.text}


async def test_keys_typed_while_the_session_loads_wait_for_it(engine, catalog, interview,
                                                              monkeypatch):
    """The session is read by a worker once the screen is up (issue 30): the words, the
    Enter and the ctrl+n typed meanwhile wait for it, then each goes where it would have gone
    had the session been there at once (the Enter into the answer, not to the outline)."""
    from textual import events
    from textual.keys import _character_to_key

    from reflect.method.session import SessionRun
    from tests.ui_helpers import shown, until

    _, _, session = interview
    gate, resume = threading.Event(), SessionRun.resume
    monkeypatch.setattr(SessionRun, "resume", classmethod(
        lambda cls, store, session_id: gate.wait(10) and resume(store, session_id)))
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.run is None
        assert "Opening" in shown(app, "#topbar")
        for key in [*"first", "enter", *"words", "ctrl+n", *"second words"]:
            named = "+" in key or key == "enter"
            event = events.Key(key if named else _character_to_key(key),
                               None if named else key)
            event.set_sender(app)
            await app._post_message(event)  # noqa: SLF001 - queued as a terminal would
        for _ in range(50):  # the app takes them (the load cannot end before the gate)
            await asyncio.sleep(0)
        assert screen.run is None
        gate.set()
        await until(pilot, lambda: screen.run is not None and screen.run.index == 1)
        questions = [question.id for question in screen.run.questions]
        await until(pilot, lambda: typed_answers(engine, session.id) == {
            questions[0]: "first\nwords", questions[1]: "second words"})
