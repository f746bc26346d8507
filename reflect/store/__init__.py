"""The store: the service layer between the tables and everything else.

Screens, the CLI and the exchange code call `Store`; nothing outside reflect/store/ writes SQL
or opens a database session (tests/unit/test_store_boundary.py), and every session the store opens
goes through `StoreBase._db` (its error mapping and same-file check). Each
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
| team.py         | a team on PostgreSQL: roles, logins, story assignments  |
| team_schema.py  | its row-level security policies, owner columns (0019)   |
| words.py        | the gate: whose words no reader may show (withdrawal)   |
| line_ends.py    | typed text stored with newline line ends (every write)  |
| home_lists.py   | the home screen's lists (SQL in home_lists.sql, also read early) |
| database_settings.py | what the database remembers for all (the book's title page) |
| audio.py        | recordings and their audio in chunks (issue 34)         |
| transcripts.py  | draft transcripts per question; taking one into an answer |
| tables_read.py  | counts the tables export needs (sessions per informant) |
| transfer*.py    | moving data in and out: bundle rows, merges, the        |
|                 | exports' batches, the demo set; deletions read there    |
| journal*.py     | a team server's saves kept on the laptop while it cannot |
|                 | be reached, and their replay (JournaledStore, store_for) |

Withdrawal is applied in one place: `words.gate`. Every reader of an informant's words (the
store's own readers of answers, notes, evidence, interviews and themes; the exports that read
in batches; search) goes through it, so no screen or file can show what an informant who
withdrew said, nor their pseudonym.
"""

from __future__ import annotations

from reflect.store.analysis import PRINCIPLE_PARTS, AnalysisStore, InterviewRecord, ThemeReach
from reflect.store.audio import AudioStore, RecordingInfo
from reflect.store.base import digest
from reflect.store.database_settings import DatabaseSettingStore
from reflect.store.interviews import CONSENT_METHODS, ConsentRecord, InterviewStore
from reflect.store.leases import LeaseStore
from reflect.store.member_checks import MemberCheckStore
from reflect.store.recording import RecordingStore
from reflect.store.redactions import RedactionStore
from reflect.store.reflections import ReflectionStore
from reflect.store.stories import StoryStore
from reflect.store.transcripts import TranscriptStore
from reflect.store.transfer import TransferStore
from reflect.store.transfer_corpus import TransferCorpusStore
from reflect.store.transfer_rows import TransferRowsStore
from reflect.store.words import Gate, shown_name, shown_who

__all__ = ["CONSENT_METHODS", "PRINCIPLE_PARTS", "ConsentRecord", "Gate", "InterviewRecord",
           "RecordingInfo", "Store", "ThemeReach", "digest", "shown_name", "shown_who"]


class Store(StoryStore, InterviewStore, RecordingStore, MemberCheckStore, LeaseStore,
            ReflectionStore, AnalysisStore, RedactionStore, TransferStore, TransferRowsStore,
            TransferCorpusStore, DatabaseSettingStore, AudioStore, TranscriptStore):
    """One object for every read and write; one short transaction per call."""
