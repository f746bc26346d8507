"""The transcript table (issue 34, point 4): what a speech-recognition model heard at each
question of a recorded session, kept beside the typed answer, never in its place.

Apart from reflect.models (at its size limit) like reflect.models_audio; registered on
SQLModel.metadata whenever reflect.store is imported (reflect.store.transcripts imports it).

Where an answer's text came from a transcript is recorded on the transcript row (`used`,
`used_at`: accepted, merged or edited into the answer; its `model` says which model) and in the
answer's audit trail (an event naming the model, never the text): the answer row itself keeps
its shape, so bundles, the journal and the team's policies read it as before.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from reflect.models import UTCDateTime, utcnow

ACCEPTED = "accepted"
"""The answer's text was replaced by the transcript."""
MERGED = "merged"
"""The transcript was added after the answer's text."""
EDITED = "edited"
"""The transcript was edited, then put in the answer's place."""
USES = (ACCEPTED, MERGED, EDITED)


class Transcript(SQLModel, table=True):
    """What was said from one question's asked time until the next question's, in one
    recording, as a model heard it. A new transcription adds rows; the newest per question
    and recording is the one shown."""

    __table_args__ = (Index("ix_transcript_session_question", "session_id", "question_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id")
    question_id: str
    recording_id: uuid.UUID | None = Field(default=None, foreign_key="recording.id",
                                           ondelete="SET NULL", index=True)
    """The recording it was heard in (None once that recording is deleted)."""
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    model: str
    """The model that made it: its name (the folder's, or the model package's)."""
    language: str
    """The language it was transcribed in: the session's, always given, never detected."""
    start_ms: int
    """Where its span starts on the session's timeline (its question's time code)."""
    end_ms: int
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    used: str = ""
    """'' until taken into the answer: ACCEPTED, MERGED or EDITED."""
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
