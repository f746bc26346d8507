"""The fixed vocabularies of the data model, in a module light enough for the first screen.

reflect.models re-exports them; screens import them from here so that drawing the home screen
does not wait for SQLAlchemy to import.
"""

from __future__ import annotations

from enum import StrEnum


class StoryStatus(StrEnum):
    CANDIDATE = "candidate"
    SELECTED = "selected"
    INTERVIEWING = "interviewing"
    ANALYSED = "analysed"
    PUBLISHED = "published"


class SessionStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ABANDONED = "abandoned"
    DECLINED = "declined"
    """Consent was refused: no question may be asked or answered."""


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    DROPPED = "dropped"


class CheckOutcome(StrEnum):
    """What an informant said about their words as they will be quoted (member check)."""

    APPROVED = "approved"
    APPROVED_WITH_CHANGES = "approved_with_changes"
    WITHDRAWN = "withdrawn"


class DeletionKind(StrEnum):
    """What a deletion took away (the names the audit trail gives these rows)."""

    ACTION = "action"
    PRINCIPLE = "principle"
    EVIDENCE = "evidence"
    NOTE = "note"
    REDACTION = "redaction"
    WORDS = "words"
    """An informant's words (answers, notes, the evidence cut from them): the id is theirs."""


class DeletionAction(StrEnum):
    DELETED = "deleted"
    """Someone here deleted it (the UI confirms first)."""
    ERASED = "erased"
    """An informant's words erased here for good."""
    ERASURE_PENDING = "erasure_pending"
    """An erasure a bundle carried: the words hidden here, nothing deleted until someone here
    confirms it (issue 28)."""
