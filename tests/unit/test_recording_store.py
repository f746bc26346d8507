"""Recordings kept in the database (issue 34, point 1): chunks in, audio out, on SQLite and
PostgreSQL; the consent gate, the timeline with pauses, withdrawal, deletion, the revision."""

from __future__ import annotations

import math
import struct
from datetime import timedelta

import pytest

from reflect.audio import codec
from reflect.errors import ReflectError
from reflect.models import utcnow
from reflect.store import ConsentRecord

pytestmark = pytest.mark.both_backends

RATE = 16_000


def tone(ms: int, hz: float = 440.0, level: int = 8000) -> bytes:
    """A sine tone as 16-bit mono PCM."""
    count = ms * RATE // 1000
    return struct.pack(f"<{count}h", *(int(level * math.sin(2 * math.pi * hz * i / RATE))
                                       for i in range(count)))


def peak(pcm: bytes) -> int:
    values = codec.samples(pcm)
    return int(abs(values.astype("int32")).max()) if len(values) else 0


@pytest.fixture
def recorded(store, catalog):
    """An interview whose interviewee agreed to be recorded."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    return informant, session


def test_chunks_in_audio_out(store, recorded):
    _informant, session = recorded
    start = utcnow()
    rid = store.start_recording(session.id, source="laptop", sample_rate=RATE,
                                codec=codec.OPUS, started_at=start)
    for seq in range(3):
        store.add_chunk(rid, seq, seq * 1000, 1000, codec.encode(tone(1000), RATE))
    [info] = store.recordings(session.id)
    assert (info.id, info.source, info.codec, info.sample_rate, info.duration_ms,
            info.offset_ms) == (rid, "laptop", "opus", RATE, 3000, 0)
    pcm, rate = store.read_pcm(rid)
    assert rate == RATE and len(pcm) == 3 * RATE * 2
    assert 6000 < peak(pcm) < 10000  # lossy, but the tone is there
    middle, _ = store.read_pcm(rid, 1500, 2000)
    assert len(middle) == RATE and peak(middle) > 6000
    # the recording's start became the session's: time codes count from it now
    assert store.session(session.id).recording_started_at == start


def test_a_pause_is_silence_on_the_timeline(store, recorded):
    _informant, session = recorded
    rid = store.start_recording(session.id, source="laptop", sample_rate=RATE,
                                codec=codec.FLAC, started_at=utcnow())
    store.add_chunk(rid, 0, 0, 1000, codec.encode(tone(1000), RATE, codec.FLAC))
    store.add_chunk(rid, 1, 4000, 1000, codec.encode(tone(1000), RATE, codec.FLAC))
    pcm, _rate = store.read_pcm(rid)
    assert store.recordings(session.id)[0].duration_ms == 5000
    assert len(pcm) == 5 * RATE * 2
    assert pcm[:RATE * 2] == tone(1000)  # FLAC is lossless
    assert peak(pcm[RATE * 2:4 * RATE * 2]) == 0
    assert pcm[4 * RATE * 2:] == tone(1000)
    assert store.read_pcm(rid, 4500, 4600)[0] == tone(1000)[RATE:RATE + RATE // 5]
    assert store.read_pcm(rid, 6000)[0] == b""


def test_a_later_recording_is_placed_after_the_first(store, recorded):
    _informant, session = recorded
    first = utcnow()
    store.start_recording(session.id, source="laptop", sample_rate=RATE, codec=codec.OPUS,
                          started_at=first)
    store.start_recording(session.id, source="laptop", sample_rate=RATE, codec=codec.OPUS,
                          started_at=first + timedelta(seconds=90))
    imported = store.start_recording(session.id, source="import", sample_rate=44_100,
                                     codec=codec.FLAC, offset_ms=-2500,
                                     original_name="phone.m4a")
    offsets = [(r.source, r.offset_ms) for r in store.recordings(session.id)]
    assert offsets == [("laptop", 0), ("laptop", 90_000), ("import", -2500)]
    assert store.recordings(session.id)[2].original_name == "phone.m4a"
    assert store.session(session.id).recording_started_at == first
    assert imported


def test_no_recording_without_the_consent_to_record(store, interview):
    _story, _informant, session = interview  # consent to the interview, none to a recording
    with pytest.raises(ReflectError, match="agrees to be recorded"):
        store.start_recording(session.id, source="laptop", sample_rate=RATE,
                              codec=codec.OPUS, started_at=utcnow())
    store.record_recording_consent(session.id, False, "verbal")
    with pytest.raises(ReflectError, match="did not agree to be recorded"):
        store.start_recording(session.id, source="import", sample_rate=RATE,
                              codec=codec.OPUS)
    assert store.recordings(session.id) == []


def test_a_withdrawn_informants_recording_is_neither_listed_nor_read(store, recorded):
    informant, session = recorded
    rid = store.start_recording(session.id, source="laptop", sample_rate=RATE,
                                codec=codec.OPUS, started_at=utcnow())
    store.add_chunk(rid, 0, 0, 1000, codec.encode(tone(1000), RATE))
    store.record_check(informant.id, "withdrawn", utcnow().date())
    assert store.recordings(session.id) == []
    with pytest.raises(ReflectError):
        store.read_pcm(rid)


def test_deleting_a_recording_deletes_its_audio(store, recorded):
    _informant, session = recorded
    rid = store.start_recording(session.id, source="laptop", sample_rate=RATE,
                                codec=codec.OPUS, started_at=utcnow())
    store.add_chunk(rid, 0, 0, 1000, codec.encode(tone(1000), RATE))
    store.delete_recording(rid)
    assert store.recordings(session.id) == []
    with pytest.raises(ReflectError):
        store.read_pcm(rid)
    store.delete_recording(rid)  # gone already: nothing to do


def test_the_recordings_revision_goes_down_and_up(new_database):
    from alembic import command
    from sqlalchemy import inspect

    from reflect.store import Store, schema
    from reflect.store.engine import make_engine, open_engine

    db = new_database()
    Store(open_engine(db)).engine.dispose()
    engine = make_engine(db)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0021")
        conn.commit()
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        assert not tables & {"recording", "recording_chunk"}
    engine.dispose()
    store = Store(open_engine(db))  # opening upgrades it again
    with store.engine.connect() as conn:
        assert {"recording", "recording_chunk"} <= set(inspect(conn).get_table_names())
