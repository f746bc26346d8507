"""Writing a bundle (format 3, reflect.exchange.bundle_zip) a row at a time, from batched
reads: memory stays flat whatever the size of the database (issue 18)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel

from reflect import __version__
from reflect.dates import iso_utc
from reflect.exchange.bundle_file import FORMAT, FORMAT_VERSION, TABLES, checksum
from reflect.exchange.bundle_zip import ZipBundleWriter
from reflect.exchange.progress import Progress, no_progress
from reflect.files import private_writer
from reflect.models import ProtocolSnapshot, Session, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor, redact_row
from reflect.store import Store
from reflect.store.words import Gate, gate


def primary_key(model: type[SQLModel]) -> str:
    return "content_hash" if model is ProtocolSnapshot else "id"


def plain_value(value: object) -> object:
    """A column value as bundle JSON holds it (what row_dict makes of it, without pydantic)."""
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _table_rows(db: DBSession, name: str, model: type[SQLModel], shown: Gate,
                hidden_answers: frozenset, progress: Progress) -> Iterator[dict]:
    """A table's rows as bundle dicts, read a batch at a time (never the whole table), by
    primary key; what an informant who withdrew said stays out, and so does their
    pseudonym (see `withdrawn_placeholder`)."""
    hidden = shown.sessions
    table = model.__table__
    total = db.exec(sa_select(func.count()).select_from(table)).one()[0]
    query = sa_select(table).order_by(table.c[primary_key(model)])
    rows = db.connection().execute(query.execution_options(yield_per=2000)).mappings()
    for done, row in enumerate(rows):
        if done % 10_000 == 0:
            progress(name, done, total)
        if hidden and name in ("answers", "interviewer_notes") and row["session_id"] in hidden:
            continue
        if hidden_answers and name == "evidence" and row["answer_id"] in hidden_answers:
            continue
        plain = {column: plain_value(value) for column, value in row.items()}
        if name == "informants" and not shown.shows_informant(row["id"]):
            plain["pseudonym"] = withdrawn_placeholder(row["id"])
        yield plain


def withdrawn_placeholder(informant_id: uuid.UUID) -> str:
    """What a bundle carries instead of the pseudonym of an informant who withdrew: their row
    travels (so the withdrawal reaches the other laptop), their name does not. The same in
    every bundle and every language (bundles of the same row carry the same row), and one
    per informant (two who withdrew stay apart where it is shown: the member check). The
    laptop where the withdrawal was recorded keeps the pseudonym (its row is as new); one
    that knew the informant before takes this name with the withdrawal, and gets the
    pseudonym back with the bundle that brings the informant back (approved again)."""
    return f"withdrawn-{informant_id.hex[:8]}"


def _parents_first(sessions: Iterable[dict]) -> Iterator[dict]:
    """Sessions ordered so a follow-up comes after the session it follows up (only the
    follow-ups, a few, are held back to be ordered)."""
    follow_ups = []
    for row in sessions:
        if row.get("follow_up_of") is None:
            yield row
        else:
            follow_ups.append(row)
    by_id = {row["id"]: row for row in follow_ups}

    def depth(row: dict) -> int:
        steps, seen = 0, set()
        while (parent := row.get("follow_up_of")) in by_id and parent not in seen:
            seen.add(parent)
            row, steps = by_id[parent], steps + 1
        return steps

    yield from sorted(follow_ups, key=depth)


def bundle_rows(db: DBSession, progress: Progress = no_progress,
                redactor: Redactor = NO_REDACTION) -> Iterator[tuple[str, Iterator[dict]]]:
    """(table, its rows) for every bundle table in insertion order, streamed and redacted."""
    shown = gate(db)  # the words of an informant who withdrew stay here
    hidden_answers = shown.answers(db)
    for name, model in TABLES.items():
        rows = _table_rows(db, name, model, shown, hidden_answers, progress)
        if model is Session:
            rows = _parents_first(rows)
        yield name, (redact_row(name, row, redactor) for row in rows)


def bundle_data(store: Store, redactor: Redactor = NO_REDACTION) -> dict:
    """Everything as one dict (bundle format 2's shape), in memory: for tests and small
    databases; export_bundle streams the same rows to a file."""
    with DBSession(store.engine) as db:
        tables = {name: list(rows) for name, rows in bundle_rows(db, redactor=redactor)}
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "exported_at": utcnow().isoformat(), "reflect_version": __version__,
            "counts": {name: len(rows) for name, rows in tables.items()},
            "tables": tables, "checksum": checksum(tables)}


def export_bundle(store: Store, path: Path, progress: Progress = no_progress,
                  redactor: Redactor = NO_REDACTION) -> dict:
    """Write the bundle file (format 3, a zip of JSON Lines) one row at a time; returns the
    counts per table."""
    with DBSession(store.engine) as db, private_writer(path) as out:
        writer = ZipBundleWriter(out, utcnow().isoformat(), __version__)
        try:
            for name, rows in bundle_rows(db, progress, redactor):
                writer.table(name, rows)
            writer.close()
        except BaseException:
            with contextlib.suppress(Exception):  # a full disk fails this too
                writer.zip.close()
            writer.zip.fp = None  # else its finalizer prints a traceback about the closed file
            raise
    progress("done", len(TABLES), len(TABLES))
    return writer.counts
