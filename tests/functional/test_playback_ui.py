"""Hearing any moment again (issue 34, point 3): in the F10 review (which is also the record of
a finished interview) and at the workshop's evidence, the highlighted answer plays from its
time code; space pauses and resumes two seconds back, ←/→ move five seconds, s slows down.
Played into the null output (REFLECT_AUDIO_OUTPUT=null): the position advances as on a sound
card."""

from __future__ import annotations

import math
import struct
import wave
from datetime import timedelta
from pathlib import Path

import pytest

from reflect.exchange.recording_file import recording_import
from reflect.models import utcnow
from reflect.store import ConsentRecord
from reflect_tui.app import make_app
from reflect_tui.playback import PlaybackBar
from reflect_tui.review import ReviewScreen
from reflect_tui.session import SessionScreen
from reflect_tui.workshop import WorkshopScreen
from tests.ui_helpers import screen_lines, until

RATE = 16000


@pytest.fixture(autouse=True)
def no_sound(monkeypatch):
    monkeypatch.setenv("REFLECT_AUDIO_OUTPUT", "null")


def tone_file(path: Path, seconds: int) -> Path:
    count = seconds * RATE
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{count}h", *(int(6000 * math.sin(i / 8))
                                                     for i in range(count))))
    return path


@pytest.fixture
def recorded(store, catalog, tmp_path):
    """An interview with a 60 s recording from a phone (F4 synced), answers asked at 00:00:20
    and 00:00:40, and a principle whose evidence is cut from the second."""
    story = store.create_story("Back to school")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    store.set_recording_start(session.id, utcnow() - timedelta(minutes=2))
    store.mark_opened(session.id, "success-what", 20, "recording")
    store.save_answer(session.id, "success-what", text="She went back to school in May.")
    store.mark_opened(session.id, "success-criteria", 40, "recording")
    answer = store.save_answer(session.id, "success-criteria", text="Attendance came back.")
    recording_import(store, store.session(session.id), tone_file(tmp_path / "phone.wav", 60))
    principle = store.add_principle(story.id, action="Call the school first")
    store.add_evidence(principle.id, answer.id, 0, len("Attendance"))
    return story, store.session(session.id)


def bar(app) -> PlaybackBar:
    return app.screen.query_one(PlaybackBar)


async def test_the_review_plays_the_highlighted_answer_from_its_time_code(
        engine, catalog, recorded):
    _story, session = recorded
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and bar(app).any_for())
        await until(pilot, lambda: "Play" in "\n".join(screen_lines(app)))  # the footer
        await pilot.press("space")
        await until(pilot, lambda: bar(app).player is not None and bar(app).player.playing)
        player = bar(app).player
        assert 20_000 <= player.position_ms < 22_000  # the first answer, asked at 00:00:20
        await until(pilot, lambda: player.position_ms > 20_300)  # it plays on
        await until(pilot, lambda: "▶ 00:00:2" in "\n".join(screen_lines(app)))
        await pilot.press("right")
        assert player.position_ms >= 25_000
        await pilot.press("left", "left")
        assert 15_000 <= player.position_ms < 17_000
        await pilot.press("s")
        assert player.speed == 0.75
        await until(pilot, lambda: "0.75×" in "\n".join(screen_lines(app)))
        await pilot.press("space")  # pause
        assert not player.playing
        paused = player.position_ms
        await until(pilot, lambda: "⏸" in "\n".join(screen_lines(app)))
        await pilot.press("space")  # resume, two seconds back
        await until(pilot, lambda: player.playing)
        assert paused - 2000 <= player.position_ms < paused
        await pilot.press("down")  # the next answer, asked at 00:00:40
        await pilot.press("space")
        await until(pilot, lambda: bar(app).player is not player
                    and bar(app).player is not None
                    and 40_000 <= bar(app).player.position_ms < 42_000)
        assert not player.playing  # the first one stopped


async def test_an_answer_without_a_time_code_says_why_it_cannot_play(
        engine, catalog, recorded, store):
    _story, session = recorded
    store.save_answer(session.id, "before-situation", text="No code on this one.")
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and bar(app).any_for())
        await pilot.press("down", "down")
        await pilot.press("space")
        await until(pilot, lambda: "has no time code" in "\n".join(screen_lines(app)))
        assert bar(app).player is None


async def test_no_play_key_without_a_recording(engine, catalog, interview):
    _story, _informant, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Play" not in screen_lines(app)[-1]
        await pilot.press("space")
        await pilot.pause()
        assert bar(app).player is None


async def test_the_workshop_plays_the_highlighted_evidence_excerpt(engine, catalog, recorded):
    story, _session = recorded
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(WorkshopScreen(story.id))
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen)
                    and bar(app).any_for() and app.screen.current is not None)
        evidence = app.screen.query_one("#evidence")
        evidence.focus()
        evidence.highlighted = 0
        await pilot.pause()
        await pilot.press("space")
        await until(pilot, lambda: bar(app).player is not None and bar(app).player.playing)
        assert 40_000 <= bar(app).player.position_ms < 42_000  # its answer, asked at 00:00:40
        await pilot.press("right")
        assert bar(app).player.position_ms >= 45_000
        await pilot.press("space")
        assert not bar(app).player.playing
