"""The recording tables (issue 34): a session's recordings and their audio in chunks.

Kept apart from reflect.models (at its size limit); registered on SQLModel.metadata whenever
reflect.store is imported (reflect.store.audio imports this module), as every table must be
before reflect.store.schema creates or compares tables.

Audio is data like answers: it lives in the same database (and under the same encryption) as
the words, in chunks of about a second, each one decodable by itself (reflect.audio.codec), so
that a recording cut off by a crash keeps every chunk written before it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from reflect.models import UTCDateTime, utcnow

LAPTOP = "laptop"
"""A recording made by reflect on this laptop's microphone."""
IMPORTED = "import"
"""A recording made elsewhere (a phone) and attached afterwards."""
SOURCES = (LAPTOP, IMPORTED)


class Recording(SQLModel, table=True):
    """One recording of one session. Its timeline is in milliseconds: a chunk's `start_ms`
    counts from the recording's 0 on the laptop's clock, so a pause leaves a gap and time
    codes (seconds from the session's `recording_started_at`) point into it at
    `code * 1000 - offset_ms`."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id", index=True)
    source: str
    """LAPTOP or IMPORTED."""
    codec: str
    """How each chunk's bytes are encoded: a reflect.audio.codec name ('opus', 'flac')."""
    sample_rate: int
    channels: int = 1
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    """The laptop's clock at the recording's first sample (None for an imported file)."""
    offset_ms: int = 0
    """Where the recording's 0 falls after the session's `recording_started_at`: an imported
    file's alignment, a later laptop recording's start."""
    original_name: str = ""
    """An imported file's name (never its folder)."""
    duration_ms: int = 0
    """The end of the last chunk on the timeline, kept up to date as chunks arrive."""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecordingChunk(SQLModel, table=True):
    """About a second of a recording, encoded by itself."""

    __tablename__ = "recording_chunk"

    recording_id: uuid.UUID = Field(foreign_key="recording.id", primary_key=True)
    seq: int = Field(primary_key=True)
    """0, 1, 2... in the order captured."""
    start_ms: int
    """Where it starts on the recording's timeline."""
    duration_ms: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
