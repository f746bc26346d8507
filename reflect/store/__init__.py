"""The store: the service layer between the tables and everything else.

Screens, the CLI and the exchange code call `Store`; nothing outside reflect/ writes SQL. Each
aggregate keeps its own module (a mixin over `StoreBase`, which holds the engine, the one-
transaction-per-call helper and the audit writer); `Store` joins them so that callers have one
object to hold and one name to import:

| module          | keeps                                                   |
|-----------------|---------------------------------------------------------|
| base.py         | transactions, audit events, protocol snapshots, digest  |
| stories.py      | stories, informants                                     |
| interviews.py   | sessions, consent, status and locks, answers            |
| reflections.py  | solo reflections, rating history, action items          |
| analysis.py     | interview records, principles, evidence, themes         |
| redactions.py   | redaction lists and the redactor built from them        |
| leases.py       | who is editing a session now (one place at a time)      |
| recording.py    | recording start, time codes, interviewer notes, people  |
| member_checks.py| member checks, withdrawal, erasure                      |
| engine.py       | engines, SQLite settings, schema migrations, backups    |
| search.py       | full-text search over answers and principles            |
"""

from __future__ import annotations

from reflect.store.analysis import PRINCIPLE_PARTS, AnalysisStore, InterviewRecord, ThemeReach
from reflect.store.base import digest
from reflect.store.interviews import CONSENT_METHODS, ConsentRecord, InterviewStore
from reflect.store.leases import LeaseStore
from reflect.store.member_checks import MemberCheckStore
from reflect.store.recording import RecordingStore
from reflect.store.redactions import RedactionStore
from reflect.store.reflections import ReflectionStore
from reflect.store.stories import StoryStore

__all__ = ["CONSENT_METHODS", "PRINCIPLE_PARTS", "ConsentRecord", "InterviewRecord", "Store",
           "ThemeReach", "digest"]


class Store(StoryStore, InterviewStore, RecordingStore, MemberCheckStore, LeaseStore,
            ReflectionStore, AnalysisStore, RedactionStore):
    """One object for every read and write; one short transaction per call."""
