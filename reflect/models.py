"""SQLModel tables: the whole persistent data model (see shared/DESIGN.md).

All ids are UUIDs so databases from many laptops merge without collisions. Times are
timezone-aware UTC (`utcnow()`): every time column is a `UTCDateTime`, which stores naive UTC
and reads back aware UTC on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, DateTime, Enum, Index, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from reflect.i18n import N_, _
from reflect.vocab import (  # also re-exported
    ActionStatus,
    DeletionAction,
    DeletionKind,
    SessionStatus,
    StoryStatus,
)

SENTENCE_LEADS = (("situation", N_("When")), ("goal", N_("in order to")), ("action", N_("do")),
                  ("rationale", N_("because")))
"""How a principle's four parts read as one sentence, in the interface language."""


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A time stored as naive UTC, read back as aware UTC: the type of every time column.

    The columns stay plain `DateTime` (timestamp without time zone on PostgreSQL, text on
    SQLite) holding naive UTC, as every database written so far does: no data changes. An
    aware value in any zone is stored as the same instant in UTC. A naive value is taken to
    be UTC already, not refused: that is what the column holds, and what bundles from older
    versions and rows read through the driver carry; refusing it would make such a bundle's
    import fail half-way. reflect itself makes every time with `utcnow()` (aware)."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"a stored time must be a datetime, not {type(value).__name__}")
        if value.utcoffset() is None:
            return value.replace(tzinfo=None)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _by_value(vocabulary: type[StrEnum]) -> Enum:
    """A column of one of reflect.vocab's enums, stored by value ('in_progress'), as every
    other vocabulary (roles, member check outcomes) is stored (since revision 0016; the names,
    'IN_PROGRESS', before). A native enum type of the same name on PostgreSQL."""
    return Enum(vocabulary, name=vocabulary.__name__.lower(), validate_strings=True,
                values_callable=lambda members: [member.value for member in members])


def _time(**kwargs: Any) -> Any:
    """A time column (UTCDateTime); keyword arguments as for Field."""
    return Field(sa_type=UTCDateTime, **kwargs)


class _Timestamps(SQLModel):
    created_at: datetime = _time(default_factory=utcnow)
    updated_at: datetime = _time(default_factory=utcnow)


class _IndexedTimestamps(SQLModel):
    """For tables listed newest first (stories, sessions)."""

    created_at: datetime = _time(default_factory=utcnow)
    updated_at: datetime = _time(default_factory=utcnow, index=True)


class Story(_IndexedTimestamps, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    title: str
    service: str = ""
    success_criteria: str = Field(default="", sa_column=Column(Text, nullable=False))
    """Why this story was chosen: what makes it a success."""
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    status: StoryStatus = Field(default=StoryStatus.CANDIDATE, sa_type=_by_value(StoryStatus))
    tags: str = ""
    """Comma-separated free tags."""
    ready_for_book: bool = False
    """Marked ready: the book export includes it."""


class Informant(_Timestamps, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    story_id: uuid.UUID = Field(foreign_key="story.id", index=True)
    pseudonym: str
    role: str
    """A reflect.roles.Role value."""
    withdrawn: bool = Field(default=False, index=True)
    """Their latest member check withdrew: their words leave every analysis view, export
    and bundle (kept in the database until erased). Follows the newest MemberCheck."""


class MemberCheck(_Timestamps, table=True):
    """An informant's say on their own words before the story is published (issue 15): the
    newest one is their state."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    informant_id: uuid.UUID = Field(foreign_key="informant.id", index=True)
    outcome: str
    """A reflect.vocab.CheckOutcome value: approved, approved_with_changes, withdrawn."""
    checked_on: date
    how: str = ""
    """How they said it: in person, by phone, by letter..."""
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    recorded_by: str = ""


class Erasure(SQLModel, table=True):
    """That an informant's words were erased for good (never what they were). A bundle
    carries it, so every laptop that imports it erases them too."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    informant_id: uuid.UUID = Field(foreign_key="informant.id", index=True)
    erased_at: datetime = _time(default_factory=utcnow)
    erased_by: str = ""


class ProtocolSnapshot(SQLModel, table=True):
    """The exact protocol content a session used, stored once per content hash."""

    content_hash: str = Field(primary_key=True)
    protocol_id: str
    version: str
    content: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = _time(default_factory=utcnow)


class Session(_IndexedTimestamps, table=True):
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: str
    """'interview' or 'reflection' (the protocol's kind)."""
    story_id: uuid.UUID | None = Field(default=None, foreign_key="story.id", index=True)
    informant_id: uuid.UUID | None = Field(default=None, foreign_key="informant.id", index=True)
    protocol_id: str
    protocol_version: str
    protocol_hash: str = Field(foreign_key="protocolsnapshot.content_hash")
    interviewer: str = ""
    """Who ran the session: the interviewer, or the practitioner reflecting alone."""
    case_label: str = ""
    """For a reflection: the case it is about, by pseudonym only (optional)."""
    follow_up_of: uuid.UUID | None = Field(default=None, foreign_key="session.id")
    """The earlier reflection this one follows up (its answers are shown beside)."""
    consent_given: bool | None = None
    consent_method: str = ""
    consent_at: datetime | None = _time(default=None)
    consent_recorded_by: str = ""
    consent_text_version: str = ""
    recording_consent: bool | None = None
    """Whether the interviewee agreed to be recorded, asked apart from the interview's
    consent: None when nobody recorded the answer (sessions before 0015). No recording is
    started unless it is True."""
    recording_consent_method: str = Field(default="", sa_column_kwargs={"server_default": ""})
    """How they answered about the recording: verbal, written, recorded. (A server default
    too, as revision 0015 gives it: rows written by SQL that predates it stay valid.)"""
    recording_consent_at: datetime | None = _time(default=None)
    status: SessionStatus = Field(default=SessionStatus.IN_PROGRESS,
                                  sa_type=_by_value(SessionStatus))
    current_question_id: str | None = None
    """Where the person stopped; resuming starts here."""
    elapsed_seconds: int = 0
    started_at: datetime = _time(default_factory=utcnow, index=True)
    completed_at: datetime | None = _time(default=None)
    locked_at: datetime | None = _time(default=None)
    """Set when a completed session is locked: reopening it then needs a recorded reason."""
    locked_by: str = ""
    recording_started_at: datetime | None = _time(default=None)
    """When the recorder's 00:00:00 was, on this laptop's clock: time codes are counted from
    here. Set by 'recording started', or worked back from the recorder's time typed later."""

    # One kind's sessions newest first, a page at a time (the reflections' timeline): read
    # from this index, not by scanning every interview for the few reflections (0014)
    __table_args__ = (Index("ix_session_kind_started_at", "kind", "started_at", "id"),)


class SessionPerson(SQLModel, table=True):
    """Someone else present at an interview, named on its consent record (issue 15)."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id", index=True)
    name: str
    role: str
    """A reflect.roles.PresentRole value: interviewer, co-interviewer, observer, interpreter."""
    position: int = 0
    created_at: datetime = _time(default_factory=utcnow)


class Answer(_Timestamps, table=True):
    # Also the index for a session's answers (its first column): a second index on
    # session_id alone only cost every insert a third B-tree (dropped in 0014)
    __table_args__ = (UniqueConstraint("session_id", "question_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id")
    question_id: str
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    """Free text: the answer of a text question, or the note/example of a typed one."""
    value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    """JSON of a typed answer: a number (scale), a string (choice), a list (multi, list)."""
    skipped: bool = False
    """Explicitly skipped (different from not reached)."""
    flag_quote: bool = False
    flag_follow_up: bool = False
    opened_code: int | None = None
    """Time code (seconds) when the question was first opened; see `opened_kind`."""
    opened_kind: str = ""
    """'recording' (seconds into the recording) or 'clock' (the interview's own clock)."""
    typed_code: int | None = None
    """Time code when typing of the answer began."""
    typed_kind: str = ""

    @property
    def decoded_value(self) -> Any:
        """The typed value (number, string or list), or None."""
        return decoded_value(self.value)

    @property
    def has_content(self) -> bool:
        return has_content(self.text, self.value)


def decoded_value(value: str | None) -> Any:
    """An answer's typed value from its JSON (number, string or list), or None."""
    return json.loads(value) if value is not None else None


def has_content(text: str, value: str | None) -> bool:
    """Whether an answer holds anything: some text, or a typed value that is not empty."""
    decoded = decoded_value(value)
    return bool(text.strip()) or (decoded is not None and decoded != [])




class InterviewerNote(_Timestamps, table=True):
    """What the interviewer observed at a question (silence, tears, someone came in), kept
    apart from the informant's words: never in a story, a book or a review copy."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id", index=True)
    question_id: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    author: str = ""
    code: int | None = None
    """Time code (seconds) when the note was taken."""
    code_kind: str = ""


class ActionItem(_Timestamps, table=True):
    """A step a reflecting practitioner commits to, reviewed on an optional date."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="session.id", index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    review_on: date | None = Field(default=None, index=True)
    status: ActionStatus = Field(default=ActionStatus.OPEN, sa_type=_by_value(ActionStatus))
    review_note: str = Field(default="", sa_column=Column(Text, nullable=False))
    reviewed_at: datetime | None = _time(default=None)
    follow_up_session_id: uuid.UUID | None = Field(default=None, foreign_key="session.id")


class Theme(_Timestamps, table=True):
    """A common principle: groups similar principles from different stories. How many stories
    it spans is derived from its principles, never stored."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str
    description: str = Field(default="", sa_column=Column(Text, nullable=False))


class Principle(_Timestamps, table=True):
    """A principle of action for one story: when [situation], in order to [goal], do [action],
    because [rationale]."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    story_id: uuid.UUID = Field(foreign_key="story.id", index=True)
    situation: str = Field(default="", sa_column=Column(Text, nullable=False))
    goal: str = Field(default="", sa_column=Column(Text, nullable=False))
    action: str = Field(default="", sa_column=Column(Text, nullable=False))
    rationale: str = Field(default="", sa_column=Column(Text, nullable=False))
    theme_id: uuid.UUID | None = Field(default=None, foreign_key="theme.id", index=True)

    def sentence(self) -> str:
        """The one-sentence rendering of the principle."""
        parts = [(_(lead), getattr(self, field)) for field, lead in SENTENCE_LEADS]
        text = _(", ").join(f"{lead} {value.strip().rstrip('.')}" for lead, value in parts
                            if value.strip())
        return (text[0].upper() + text[1:] + ".") if text else ""


class Evidence(SQLModel, table=True):
    """A passage of an answer that a principle rests on: the excerpt and where it came from."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    principle_id: uuid.UUID = Field(foreign_key="principle.id", index=True)
    answer_id: uuid.UUID = Field(foreign_key="answer.id", index=True)
    excerpt: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    """Character offset of the excerpt in the answer text when it was attached."""
    end: int
    created_at: datetime = _time(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """Append-only record of who changed what; never holds answer text."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = _time(default_factory=utcnow)
    actor: str = ""
    entity: str
    entity_id: str
    action: str
    detail: str = ""
    """Names of changed fields, ids, statuses: never answer or principle text."""
    old_hash: str = ""
    """SHA-256 of the value before the change (empty when created)."""
    new_hash: str = ""
    """SHA-256 of the value after the change (empty when deleted)."""


class Deletion(SQLModel, table=True):
    """That a row was deleted (never what it held), written in the transaction that deleted
    it: imports leave such rows out (not brought back), and bundles carry these."""

    __table_args__ = (Index("ix_deletion_kind_entity_id", "kind", "entity_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    kind: DeletionKind = Field(sa_type=_by_value(DeletionKind))
    entity_id: uuid.UUID
    action: DeletionAction = Field(sa_type=_by_value(DeletionAction))
    at: datetime = _time(default_factory=utcnow)
    actor: str = ""
    source: str = ""
    """For an erasure a bundle carried, the bundle (name and export time)."""


class SupersededVersion(SQLModel, table=True):
    """A version of a row that lost a merge on import (the other side was edited later).

    Kept whole, so merging laptops never throws away something typed; the audit trail records
    the replacement by hashes only and points here by entity and id."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    entity: str
    """The bundle table the row belongs to: 'answers', 'principles', ..."""
    entity_id: str = Field(index=True)
    content: str = Field(sa_column=Column(Text, nullable=False))
    """The row as JSON, exactly as it was before it lost."""
    content_hash: str
    source: str = ""
    """Which import: the bundle's file name and export time."""
    recorded_at: datetime = _time(default_factory=utcnow)


class Redaction(SQLModel, table=True):
    """A name or place to hide in redacted exports: for one story, or for all (story_id
    None). Replaced by `replacement` (a pseudonym), or by [redacted] when that is empty."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    story_id: uuid.UUID | None = Field(default=None, foreign_key="story.id", index=True)
    term: str
    replacement: str = ""
    created_at: datetime = _time(default_factory=utcnow)



class SessionLease(SQLModel, table=True):
    """Who is editing a session now: one place at a time. A lease lasts a minute and the
    holder renews it while the session is open, so it lapses soon after a program dies."""

    session_id: uuid.UUID = Field(foreign_key="session.id", primary_key=True)
    holder: str
    """Which program where: 'the reflect app on laptop-07 (process 4242)'."""
    token: uuid.UUID
    """Changes each time the lease is taken, so only the taker can renew or release it."""
    taken_at: datetime = _time(default_factory=utcnow)
    expires_at: datetime = _time()
