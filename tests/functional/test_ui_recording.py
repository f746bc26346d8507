"""Recording on this laptop from the interview screen (issue 34, point 1): F5 starts, pauses
and resumes, F8 stops; only with the interviewee's consent to be recorded; the top bar shows
the recording's time and a live level meter; the chunks are in the database as it runs. The
sound comes from a file through the same capture pipeline as a microphone's."""

from __future__ import annotations

import pytest

from reflect.store import ConsentRecord
from reflect_tui.app import make_app
from reflect_tui.recorder import METER, LaptopRecording, meter
from tests.ui_helpers import Told, rows, shown, until
from tests.unit.test_capture import tone_file


def _interview(store, catalog, recording):
    story = store.create_story("Back to school", "Family support")
    informant = store.add_informant(story.id, "Dana", "social_worker")
    return store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=recording,
                      recording_method="verbal" if recording is not None else ""))


@pytest.fixture
def from_a_file(tmp_path, monkeypatch):
    from reflect.audio.capture import FileSource

    tone_file(tmp_path / "voice.wav", 30.0)
    monkeypatch.setattr(LaptopRecording, "make_source",
                        staticmethod(lambda: FileSource(tmp_path / "voice.wav")))


def _chunks(engine) -> int:
    return rows(engine, "SELECT count(*) FROM recording_chunk")[0][0]


async def test_f5_records_pauses_resumes_and_f8_stops(engine, catalog, store, from_a_file):
    from reflect_tui.session import SessionScreen

    session = _interview(store, catalog, recording=True)
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "Q 1/" in shown(app, "#topbar"))
        assert "⏱" in shown(app, "#topbar")  # the interview's clock: nothing recorded yet
        await pilot.press("f5")
        # the live meter: a tone at -12 dB lights most of its steps
        await until(pilot, lambda: METER[:4] in shown(app, "#topbar"), timeout=10,
                    what="the level meter")
        assert "● 00:00:0" in shown(app, "#topbar")
        await until(pilot, lambda: _chunks(engine) >= 2, timeout=10, what="two chunks stored")
        assert "Time codes now count from the recording." in told.messages
        await pilot.press("f4")  # a separate recorder's time would move the codes' 0
        await until(pilot, lambda: "Stop it (F8) before" in str(told))
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f5")
        await until(pilot, lambda: "paused" in shown(app, "#topbar"))
        paused_at = _chunks(engine)
        await pilot.press("f5")
        await until(pilot, lambda: METER[:4] in shown(app, "#topbar"))
        await until(pilot, lambda: _chunks(engine) > paused_at + 1, timeout=10)
        await pilot.press("f8")
        await until(pilot, lambda: any(m.startswith("Recording stopped")
                                       for m in told.messages), timeout=10)
        assert "●" not in shown(app, "#topbar").split("Q 1/")[1].split("answered")[0]
    [(duration, source, started)] = rows(
        engine, "SELECT duration_ms, source, started_at FROM recording")
    assert duration >= 3000 and source == "laptop"
    assert rows(engine, "SELECT recording_started_at FROM session") == [(started,)]


async def test_leaving_the_screen_stops_the_recording_and_keeps_it(engine, catalog, store,
                                                                   from_a_file):
    from reflect_tui.session import SessionScreen

    session = _interview(store, catalog, recording=True)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "Q 1/" in shown(app, "#topbar"))
        await pilot.press("f5")
        await until(pilot, lambda: _chunks(engine) >= 1, timeout=10)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, SessionScreen))
        written = _chunks(engine)
        await pilot.pause(0.3)  # were it still running, a chunk would come every second
    assert _chunks(engine) == written
    assert rows(engine, "SELECT count(*) FROM recording") == [(1,)]


@pytest.mark.parametrize("recording", [False, None], ids=["said-no", "not-asked"])
async def test_no_recording_without_the_consent_to_record(engine, catalog, store, from_a_file,
                                                          recording):
    from reflect_tui.session import SessionScreen

    session = _interview(store, catalog, recording=recording)
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "Q 1/" in shown(app, "#topbar"))
        await pilot.press("f5")
        await until(pilot, lambda: told.messages)
        said = " ".join(told.messages)
        assert ("did not agree to be recorded" in said if recording is False
                else "consent record does not say whether they agree to be recorded" in said)
        assert "●" not in shown(app, "#topbar")
    assert rows(engine, "SELECT count(*) FROM recording") == [(0,)]
    assert rows(engine, "SELECT recording_started_at FROM session") == [(None,)]


async def test_a_missing_microphone_is_said_plainly(engine, catalog, store, monkeypatch):
    from reflect.audio.capture import MicrophoneSource
    from reflect_tui.session import SessionScreen

    monkeypatch.setattr(LaptopRecording, "make_source",
                        staticmethod(lambda: MicrophoneSource("no such microphone")))
    session = _interview(store, catalog, recording=True)
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "Q 1/" in shown(app, "#topbar"))
        await pilot.press("f5")
        await until(pilot, lambda: "No microphone could be opened" in str(told), timeout=10)
        await until(pilot, lambda: "●" not in shown(app, "#topbar"))
    assert rows(engine, "SELECT count(*) FROM recording") == [(0,)]
    assert rows(engine, "SELECT recording_started_at FROM session") == [(None,)]


def test_the_meter_shows_silence_as_dots_and_a_voice_as_steps():
    from reflect.audio.capture import Level

    assert meter(Level()) == "······"
    assert meter(Level(peak=0.5, rms=0.25)) == "▁▂▃▄▅·"  # -12 dB
    assert meter(Level(peak=1.0, rms=1.0)) == METER
    assert meter(Level(peak=0.001, rms=0.0005)) == "······"  # -66 dB: below the floor
