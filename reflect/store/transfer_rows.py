"""Moving data out, and the demo in: a bundle's rows read a batch at a time (memory stays flat
whatever the size of the database, issue 18), the demo set's rows added in one transaction,
and the small questions the exchange code asks (which stories are the demo's, the versions
an import replaced).

A row leaves as plain JSON values (`plain_value`). What an informant who withdrew said
stays here, and so does their pseudonym (`withdrawn_placeholder`): the gate,
reflect.store.words.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Generator, Iterator, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, col, select

from reflect.dates import iso_utc
from reflect.errors import ReflectError
from reflect.models import ProtocolSnapshot, Story, SupersededVersion
from reflect.store.base import StoreBase
from reflect.store.words import Gate, gate

RowsProgress = Callable[[str, int, int], None]
"""Told (table, rows done, rows in the table) now and then while rows are read."""


def _no_progress(_table: str, _done: int, _total: int) -> None:
    return None


def primary_key(model: type[SQLModel]) -> str:
    return "content_hash" if model is ProtocolSnapshot else "id"


def canonical(value: object) -> bytes:
    """JSON as bundles and kept versions hold it: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


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


def row_dict(row: SQLModel) -> dict[str, Any]:
    """A row as JSON-ready values; times as UTC with an offset on every database."""
    data = row.model_dump(mode="python")
    for name, value in data.items():
        if isinstance(value, datetime):
            data[name] = iso_utc(value)
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


def withdrawn_placeholder(informant_id: uuid.UUID) -> str:
    """What a bundle carries instead of the pseudonym of an informant who withdrew: their row
    travels (so the withdrawal reaches the other laptop), their name does not. The same in
    every bundle and every language (bundles of the same row carry the same row), and one
    per informant (two who withdrew stay apart where it is shown: the member check). The
    laptop where the withdrawal was recorded keeps the pseudonym (its row is as new); one
    that knew the informant before takes this name with the withdrawal, and gets the
    pseudonym back with the bundle that brings the informant back (approved again)."""
    return f"withdrawn-{informant_id.hex[:8]}"


def stories_among(db: DBSession, ids: frozenset[uuid.UUID]) -> tuple[int, int]:
    """(stories with one of these ids, other stories) in the database."""
    count: Any = select(func.count()).select_from(Story)
    total: int = db.exec(count).one()
    among: int = db.exec(count.where(col(Story.id).in_(ids))).one() if ids else 0
    return among, total - among


def _table_rows(db: DBSession, name: str, model: type[SQLModel], shown: Gate,
                hidden_answers: frozenset[uuid.UUID],
                progress: RowsProgress,
                hidden_recordings: frozenset[uuid.UUID] = frozenset(),
                ) -> Iterator[dict[str, Any]]:
    """A table's rows as plain dicts, read a batch at a time (never the whole table), by
    primary key; what an informant who withdrew said stays out, and so does their
    pseudonym (see `withdrawn_placeholder`)."""
    hidden = shown.sessions
    table: Any = model.__table__  # type: ignore[attr-defined]
    total = db.connection().execute(sa_select(func.count()).select_from(table)).scalar_one()
    query = sa_select(table).order_by(*table.primary_key.columns)  # a recording's chunks: two
    rows = db.connection().execute(query.execution_options(yield_per=2000)).mappings()
    tablename = table.name
    for done, row in enumerate(rows):
        if done % 10_000 == 0:
            progress(name, done, total)
        if hidden and tablename in ("answer", "interviewernote") and \
                row["session_id"] in hidden:
            continue
        if hidden_answers and tablename == "evidence" and row["answer_id"] in hidden_answers:
            continue
        if hidden_recordings and (tablename == "recording" and row["id"] in hidden_recordings
                                  or tablename == "recording_chunk"
                                  and row["recording_id"] in hidden_recordings):
            continue  # a withdrawn informant's recording stays here with their words
        plain = {column: plain_value(value) for column, value in row.items()}
        if tablename == "informant" and not shown.shows_informant(row["id"]):
            plain["pseudonym"] = withdrawn_placeholder(row["id"])
        yield plain


class RealWorkHere(ReflectError):
    """The database holds stories of someone's own: the demo never goes beside them."""


class TransferRowsStore(StoreBase):
    """Rows out in batches, the demo in, and what the exchange code asks of the tables."""

    def iter_rows(self, tables: Mapping[str, type[SQLModel]],
                  progress: RowsProgress = _no_progress,
                  ) -> Generator[tuple[str, Iterator[dict[str, Any]]], None, None]:
        """(name, its rows as plain dicts) for every table in the order given, all read in
        one transaction (one consistent state), each table a batch at a time: consume each
        table's rows before asking for the next table, and close the iterator (or read it
        to the end) to end the transaction."""
        with self._db() as db:
            shown = gate(db)  # the words of an informant who withdrew stay here
            hidden_answers = shown.answers(db)
            hidden_recordings = frozenset[uuid.UUID]()
            if any(str(model.__tablename__) == "recording" for model in tables.values()):
                from reflect.store.transfer_audio import hidden_recordings as recordings_of

                hidden_recordings = recordings_of(db, shown.sessions)
            for name, model in tables.items():
                yield name, _table_rows(db, name, model, shown, hidden_answers, progress,
                                        hidden_recordings)

    def stories_among(self, ids: frozenset[uuid.UUID]) -> tuple[int, int]:
        """(stories with one of these ids, other stories): the demo's and the rest."""
        with self._db() as db:
            return stories_among(db, ids)

    def superseded_versions(self) -> list[SupersededVersion]:
        """The versions that lost a merge, newest first (to read, or to copy back by hand)."""
        with self._db() as db:
            query = select(SupersededVersion).order_by(col(SupersededVersion.recorded_at).desc())
            return list(db.exec(query))

    def add_demo(self, rows: list[SQLModel], marker: uuid.UUID,
                 demo_ids: frozenset[uuid.UUID]) -> bool:
        """Add the demo set's rows in one transaction; False (nothing done) when the story
        `marker` is here already (it was loaded before). RealWorkHere when the database
        holds stories of someone's own. A protocol snapshot already here is kept."""
        with self._db() as db:
            if db.get(Story, marker) is not None:
                return False
            demo, real = stories_among(db, demo_ids)
            if real > 0 and demo == 0:
                raise RealWorkHere("real work here")
            previous: type[SQLModel] | None = None
            for row in rows:
                if isinstance(row, ProtocolSnapshot) and \
                        db.get(ProtocolSnapshot, row.content_hash) is not None:
                    continue
                if type(row) is not previous:
                    db.flush()  # the rows before are what these refer to
                    previous = type(row)
                db.add(row)
            db.commit()
        return True
