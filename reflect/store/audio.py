"""Recordings (issue 34, point 1): a session's audio kept in the database, in chunks.

A recording is started (`start_recording`, behind the interviewee's consent to be recorded),
then its chunks arrive one short transaction each (`add_chunk`), about a second of audio
apiece, each encoded by itself (reflect.audio.codec): a crash loses only what was not yet
written. The audio is in the same database as the words, so it is in every backup and under
the same encryption, and in no other file.

Positions are milliseconds on the recording's timeline (reflect.models_audio.Recording): a
pause leaves a gap, which `read_pcm` gives back as silence, so that a time code always
points at the same place in the returned audio. Withdrawal applies as to the words
(reflect.store.words): a withdrawn informant's recordings are neither listed nor read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session as DBSession
from sqlmodel import col, delete, select

from reflect.audio import codec as audio_codec
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import Session, utcnow
from reflect.models_audio import LAPTOP, SOURCES, Recording, RecordingChunk
from reflect.store.base import StoreBase
from reflect.store.recording import refuse_unless_recording_agreed
from reflect.store.words import gate
from reflect.vocab import SessionStatus


@dataclass(frozen=True)
class RecordingInfo:
    """What a list of recordings shows and a player needs; never the audio."""

    id: uuid.UUID
    session_id: uuid.UUID
    source: str
    started_at: datetime | None
    offset_ms: int
    duration_ms: int
    codec: str
    sample_rate: int
    original_name: str


def _info(row: Recording) -> RecordingInfo:
    return RecordingInfo(id=row.id, session_id=row.session_id, source=row.source,
                         started_at=row.started_at, offset_ms=row.offset_ms,
                         duration_ms=row.duration_ms, codec=row.codec,
                         sample_rate=row.sample_rate, original_name=row.original_name)


def _shown_recording(db: DBSession, recording_id: uuid.UUID) -> Recording:
    recording = db.get(Recording, recording_id)
    if recording is None or not gate(db, among=[recording.session_id]).shows_session(
            recording.session_id):
        raise ReflectError(_("that recording no longer exists"))
    return recording


class AudioStore(StoreBase):
    """Recordings and their chunks."""

    def start_recording(self, session_id: uuid.UUID, *, source: str, sample_rate: int,
                        codec: str, started_at: datetime | None = None, offset_ms: int = 0,
                        original_name: str = "", actor: str = "") -> uuid.UUID:
        """A new, empty recording of a session whose interviewee agreed to be recorded.
        A recording made on this laptop needs the session in progress and its start
        (`started_at`): it becomes the session's `recording_started_at` when that is not set
        yet (time codes then count from it), and its `offset_ms` is worked out from it."""
        if source not in SOURCES:
            raise ReflectError(_("a recording comes from the laptop or an imported file"))
        if codec not in audio_codec.CODECS:
            raise ReflectError(_("unknown audio codec '{codec}'").format(codec=codec))
        if sample_rate <= 0:
            raise ValueError("a sample rate is positive")
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            refuse_unless_recording_agreed(session)
            if source == LAPTOP:
                if session.status != SessionStatus.IN_PROGRESS:
                    raise ReflectError(_("this session is {status}; reopen it to record")
                                       .format(status=session.status.value.replace("_", " ")))
                if started_at is None:
                    raise ValueError("a laptop recording has a start")
                if session.recording_started_at is None:
                    session.recording_started_at = started_at
                    session.updated_at = utcnow()
                    db.add(session)
                    self._audit(db, "session", session.id, "recording_started", actor=actor)
                offset_ms = round((started_at - session.recording_started_at)
                                  .total_seconds() * 1000)
            recording = Recording(session_id=session_id, source=source, codec=codec,
                                  sample_rate=sample_rate, started_at=started_at,
                                  offset_ms=offset_ms, original_name=original_name)
            db.add(recording)
            self._audit(db, "recording", recording.id, "create", actor=actor,
                        detail=f"{source} {codec} {sample_rate} Hz")
            db.commit()
            return recording.id

    def add_chunk(self, recording_id: uuid.UUID, seq: int, start_ms: int, duration_ms: int,
                  data: bytes) -> None:
        """Keep one chunk (one short transaction) and move the recording's end to it."""
        if seq < 0 or start_ms < 0 or duration_ms < 0:
            raise ValueError("a chunk's place and length are not negative")
        with self._db() as db:
            recording = db.get(Recording, recording_id)
            if recording is None:
                raise ReflectError(_("that recording no longer exists"))
            db.add(RecordingChunk(recording_id=recording_id, seq=seq, start_ms=start_ms,
                                  duration_ms=duration_ms, data=data))
            recording.duration_ms = max(recording.duration_ms, start_ms + duration_ms)
            db.add(recording)
            db.commit()

    def recordings(self, session_id: uuid.UUID) -> list[RecordingInfo]:
        """A session's recordings, oldest first; none when its informant withdrew."""
        with self._db() as db:
            if not gate(db, among=[session_id]).shows_session(session_id):
                return []
            rows = db.exec(select(Recording).where(Recording.session_id == session_id)
                           .order_by(col(Recording.created_at), col(Recording.id)))
            return [_info(row) for row in rows]

    def read_pcm(self, recording_id: uuid.UUID, from_ms: int = 0,
                 to_ms: int | None = None) -> tuple[bytes, int]:
        """The recording's audio from `from_ms` to `to_ms` (its end by default) as 16-bit
        mono PCM, and its sample rate: a gap (a pause) is silence, so byte offsets are
        positions on the timeline."""
        with self._db() as db:
            recording = _shown_recording(db, recording_id)
            rate = recording.sample_rate
            end = recording.duration_ms if to_ms is None else min(to_ms, recording.duration_ms)
            start = max(0, from_ms)
            if end <= start:
                return b"", rate
            rows = db.exec(select(RecordingChunk)
                           .where(RecordingChunk.recording_id == recording_id,
                                  col(RecordingChunk.start_ms) < end,
                                  col(RecordingChunk.start_ms) + col(RecordingChunk.duration_ms)
                                  > start)
                           .order_by(col(RecordingChunk.seq)))
            chunks = [(row.start_ms, row.data) for row in rows]
        width = audio_codec.SAMPLE_WIDTH
        first, count = start * rate // 1000, (end - start) * rate // 1000
        out = bytearray(count * width)
        for chunk_start, data in chunks:
            pcm, _rate = audio_codec.decode(data)
            at = chunk_start * rate // 1000 - first  # in samples, from the window's start
            skip = max(0, -at)
            take = min(len(pcm) // width - skip, count - max(at, 0))
            if take > 0:
                out[max(at, 0) * width:(max(at, 0) + take) * width] = \
                    pcm[skip * width:(skip + take) * width]
        return bytes(out), rate

    def delete_recording(self, recording_id: uuid.UUID, actor: str = "") -> None:
        """Delete a recording and all its audio (the caller has confirmed it)."""
        with self._db() as db:
            recording = db.get(Recording, recording_id)
            if recording is None:
                return
            db.exec(delete(RecordingChunk)
                    .where(col(RecordingChunk.recording_id) == recording_id))
            self._audit(db, "recording", recording.id, "delete", actor=actor)
            db.delete(recording)
            db.commit()
