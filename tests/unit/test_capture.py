"""The capture pipeline (issue 34, point 1) from a file source, the same one the microphone
feeds: chunks into the store, pause and resume on the timeline, a refused chunk kept and
tried again, the level, a missing device as a plain message, and no readable audio in an
encrypted database."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pytest

from reflect.audio import codec
from reflect.audio.capture import (
    RATE,
    FileSource,
    Level,
    MicrophoneSource,
    Recorder,
    level_of,
)
from reflect.errors import ReflectError, StorageError
from reflect.models import utcnow
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine


def tone_file(path: Path, seconds: float, hz: float = 440.0, level: int = 8000) -> bytes:
    """A WAV file of a tone at RATE; returns its PCM."""
    count = int(seconds * RATE)
    pcm = struct.pack(f"<{count}h", *(int(level * math.sin(2 * math.pi * hz * i / RATE))
                                      for i in range(count)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    return pcm


def agreed_session(store: Store, catalog):
    story = store.create_story("Back to school", "Family support")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    return store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))


def record_file(store: Store, session_id, path: Path, audio_codec: str) -> object:
    rid = store.start_recording(session_id, source="laptop", sample_rate=RATE,
                                codec=audio_codec, started_at=utcnow())
    source = FileSource(path, realtime=False)
    recorder = Recorder(source, lambda *chunk: store.add_chunk(rid, *chunk),
                        audio_codec=audio_codec)
    recorder.start()
    assert source.done.wait(30)
    recorder.stop()
    return rid


def test_a_file_recorded_through_the_pipeline_is_in_the_database(store, catalog, tmp_path):
    pcm = tone_file(tmp_path / "tone.wav", 3.5)
    session = agreed_session(store, catalog)
    rid = record_file(store, session.id, tmp_path / "tone.wav", codec.FLAC)
    [info] = store.recordings(session.id)
    assert info.duration_ms == 3500
    assert store.read_pcm(rid) == (pcm, RATE)  # FLAC: every sample as captured


def test_opus_chunks_keep_the_sound(store, catalog, tmp_path):
    tone_file(tmp_path / "tone.wav", 2.0)
    session = agreed_session(store, catalog)
    rid = record_file(store, session.id, tmp_path / "tone.wav", codec.OPUS)
    pcm, _rate = store.read_pcm(rid)
    assert len(pcm) == 2 * RATE * 2
    assert 0.2 < level_of(pcm).peak < 0.3 and level_of(pcm).rms > 0.15


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Blocks:
    """A source the test feeds by hand."""

    def __init__(self) -> None:
        self.deliver = None
        self.closed = False

    def open(self, deliver) -> None:
        self.deliver = deliver

    def close(self) -> None:
        self.closed = True


def test_a_pause_leaves_a_gap_on_the_timeline():
    chunks, clock, source = [], FakeClock(), Blocks()
    recorder = Recorder(source, lambda *chunk: chunks.append(chunk), clock=clock,
                        audio_codec=codec.FLAC)
    recorder.start()
    second = b"\x10\x00" * RATE
    source.deliver(second)
    clock.now += 1
    recorder.pause()
    source.deliver(second)  # while paused: not recorded
    clock.now += 5
    assert recorder.elapsed_ms == 1000  # stands still while paused
    recorder.resume()
    source.deliver(second[:RATE])  # half a second
    clock.now += 0.5
    recorder.stop()
    assert [(seq, start, duration) for seq, start, duration, _data in chunks] == [
        (0, 0, 1000), (1, 6000, 500)]
    assert source.closed and recorder.level == Level()


def test_a_refused_chunk_is_kept_and_tried_again():
    kept, refusing = [], [True]

    def sink(*chunk) -> None:
        if refusing[0]:
            raise StorageError("the database is locked")
        kept.append(chunk[:3])

    source = Blocks()
    recorder = Recorder(source, sink, audio_codec=codec.FLAC)
    recorder.start()
    source.deliver(b"\x01\x00" * RATE)
    recorder.pause()  # a flush: the writer has handled what came before
    recorder.resume()
    source.deliver(b"\x01\x00" * (RATE // 10))
    refusing[0] = False
    recorder.stop()
    assert [seq for seq, _start, _duration in kept] == [0, 1]
    assert recorder.error == "" and recorder.unsaved_chunks == 0


def test_the_level_follows_the_sound():
    assert level_of(b"") == Level()
    assert level_of(b"\x00\x00" * 100) == Level()
    loud = level_of(struct.pack("<4h", 16384, -16384, 16384, -16384))
    assert loud.peak == pytest.approx(0.5) and loud.rms == pytest.approx(0.5)


def test_a_missing_microphone_is_a_plain_message():
    with pytest.raises(ReflectError, match="No microphone could be opened"):
        MicrophoneSource("no-such-mic").open(lambda block: None)


def test_an_unreadable_file_is_a_plain_message(tmp_path):
    (tmp_path / "notes.wav").write_text("not audio")
    with pytest.raises(ReflectError, match="notes.wav could not be read as audio"):
        FileSource(tmp_path / "notes.wav").open(lambda block: None)


def test_an_encrypted_database_holds_no_readable_audio(tmp_path, catalog):
    db = tmp_path / "locked.db"
    pcm = tone_file(tmp_path / "tone.wav", 2.0)
    store = Store(open_engine(str(db), "seven green lanterns"))
    session = agreed_session(store, catalog)
    record_file(store, session.id, tmp_path / "tone.wav", codec.FLAC)
    flac_chunk = codec.encode(pcm[:RATE * 2], RATE, codec.FLAC)
    opus_chunk = codec.encode(pcm[:RATE * 2], RATE, codec.OPUS)
    assert store.read_pcm(store.recordings(session.id)[0].id)[0] == pcm
    on_disk = b"".join(p.read_bytes() for p in tmp_path.glob("locked.db*") if p.is_file())
    store.engine.dispose()
    on_disk += b"".join(p.read_bytes() for p in tmp_path.glob("locked.db*") if p.is_file())
    for readable in (b"fLaC", b"OggS", b"OpusHead", flac_chunk[-64:], opus_chunk[-64:],
                     pcm[RATE:RATE + 64]):
        assert readable not in on_disk
    # and the same recording unencrypted shows them: the check can see what it looks for
    plain = Store(open_engine(str(tmp_path / "plain.db")))
    record_file(plain, agreed_session(plain, catalog).id, tmp_path / "tone.wav", codec.FLAC)
    plain.engine.dispose()
    assert b"fLaC" in (tmp_path / "plain.db").read_bytes()
