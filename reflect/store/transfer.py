"""Moving data in: a bundle's rows merged into this database, a batch at a time, in one
transaction (reflect.exchange.bundle reads the file and hands the rows over).

Merging is by id: rows not yet here are added, identical rows change nothing, and when both
sides hold a row the one edited later wins. The losing version is kept whole in
SupersededVersion and the replacement is recorded in the audit trail by hashes. Rows deleted
here (a `Deletion` row says so) are not brought back, nor what hangs on them; nor the words
of an informant erased here. Rows new here are inserted together, through the driver on
SQLite (reflect.store.transfer_bulk); a row both sides hold goes through the ORM.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, col, select

from reflect.dates import as_utc
from reflect.errors import ReflectError
from reflect.models import (
    ActionItem,
    Answer,
    AuditEvent,
    Deletion,
    Erasure,
    Evidence,
    Informant,
    InterviewerNote,
    Principle,
    ProtocolSnapshot,
    Session,
    SupersededVersion,
)
from reflect.store.base import StoreBase, digest
from reflect.store.engine import begin_now
from reflect.store.fulltext import answers_in_bulk
from reflect.store.line_ends import ImportLineEnds
from reflect.store.member_checks import (
    PendingErasure,
    informant_states,
    informants_with_words,
    settle_erasures,
)
from reflect.store.transfer_bulk import (
    Row,
    answered_here,
    insert_all_new,
    insert_rows,
    present_here,
    roomy_cache,
    where_in,
)
from reflect.store.transfer_rows import (
    canonical,
    plain_value,
    primary_key,
    row_dict,
    stories_among,
    withdrawn_placeholder,
)
from reflect.vocab import DeletionAction, DeletionKind

DELETABLE: dict[type[SQLModel], DeletionKind] = {
    ActionItem: DeletionKind.ACTION, Principle: DeletionKind.PRINCIPLE,
    Evidence: DeletionKind.EVIDENCE, InterviewerNote: DeletionKind.NOTE}
"""Tables whose rows can be deleted here, with the kind their deletions are recorded as."""

AUDIT_DELETIONS = {kind.value: kind for kind in DeletionKind if kind is not DeletionKind.WORDS}
"""Bundles written before deletions had a table of their own carry them as audit events:
'delete' by these entity names."""


@dataclass
class TableResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_local: int = 0
    """Rows edited here later than in the bundle: ours kept, the bundle's saved as superseded."""
    not_restored: int = 0
    """Rows deleted here: not brought back."""


class BrokenReference(ReflectError):
    """A bundle's row refers to something neither in the bundle nor here (the constraint
    the database named); nothing was imported."""

    def __init__(self, constraint: str):
        super().__init__(constraint)
        self.constraint = constraint


def _stamp(value: datetime | None) -> datetime:
    return as_utc(value) if value is not None else datetime.min.replace(tzinfo=UTC)


class Merge:
    """One import's merge, inside its transaction (`TransferStore.merging`)."""

    def __init__(self, db: DBSession, source: str):
        self.db = db
        self.source = source
        self.not_restored: set[uuid.UUID] = set()
        """Ids of rows deleted here; rows that hang on them stay out too."""
        self.answer_ids: dict[uuid.UUID, uuid.UUID] = {}
        """Bundle answer id -> local id, where both answered the same question separately."""
        self.erasures: list[uuid.UUID] = []
        """Informants the bundle's erasures name."""
        self.erased: set[uuid.UUID] = set()
        """Sessions whose informant's words were erased (here or by the bundle)."""
        self.empty: dict[str, bool] = {}
        """Tables that held no row when the import reached them."""
        self.deleted: set[uuid.UUID] = set()
        """Ids deleted here of the table being merged."""
        self.before = informant_states(db)
        self.line_ends = ImportLineEnds()

    # What the file's checks ask of this database ------------------------------------------
    def holds_real_work(self, demo_ids: frozenset[uuid.UUID]) -> bool:
        """Stories of someone's own here and no demo story (reflect.exchange.demo)."""
        demo, real = stories_among(self.db, demo_ids)
        return real > 0 and demo == 0

    def session_protocol(self, session_id: uuid.UUID) -> tuple[str, str, str] | None:
        """(snapshot hash, protocol id, version) of a session here, or None."""
        here = self.db.get(Session, session_id)
        return (here.protocol_hash, here.protocol_id, here.protocol_version) if here else None

    def snapshot_content(self, content_hash: str) -> str | None:
        snapshot = self.db.get(ProtocolSnapshot, content_hash)
        return snapshot.content if snapshot else None

    # Tables and batches -------------------------------------------------------------------
    @contextmanager
    def table(self, model: type[SQLModel], incoming: int) -> Iterator[None]:
        """Around the merging of one table's batches: what keeps rows out of it, and for
        many answers the search index rebuilt once at the end."""
        if model is Answer:  # sessions are in by now; erasures came before them
            self.erased = self._erased_sessions()
        kind = DELETABLE.get(model)
        self.deleted = self._deleted_here(kind) if kind is not None else set()
        bulk = answers_in_bulk(self.db.connection(), incoming) if model is Answer \
            else nullcontext()
        with bulk:
            yield

    def batch(self, name: str, model: type[SQLModel], rows: list[Row],
              result: TableResult) -> None:
        """Merge a batch of bundle rows (validated dicts). Rows new here, most of them in a
        first import, are inserted together in one statement; a row this database also
        holds goes through `merge`, one by one."""
        if model is Erasure:
            self.erasures += [row["informant_id"] for row in rows]
        self.line_ends.rows(model, rows)  # typed text as every write stores it
        self._batch(name, model, rows, result)
        self.db.flush()  # the next rows refer to these
        self.db.expunge_all()  # written to the transaction: memory stays flat

    def deletions_from_audit(self, rows: list[Row]) -> None:
        """A bundle written before deletions had a table: its 'delete' audit events (just
        merged) recorded as deletions here, once each."""
        found = {(AUDIT_DELETIONS[row["entity"]], uuid.UUID(row["entity_id"])): row
                 for row in rows if row["action"] == "delete" and row["entity"] in
                 AUDIT_DELETIONS and _is_uuid(row["entity_id"])}
        for kind in {kind for kind, _id in found}:
            known = self._deleted_here(kind)
            for (_kind, entity_id), row in found.items():
                if _kind is kind and entity_id not in known:
                    self.db.add(Deletion(kind=kind, entity_id=entity_id,
                                         action=DeletionAction.DELETED, at=row["at"],
                                         actor=row["actor"]))
        self.db.flush()

    def settle(self) -> tuple[list[tuple[str, str]], list[PendingErasure]]:
        """At the end: the bundle's erasures new here hide their informant's words (nothing
        is deleted); (pseudonym, story title) of the others it withdrew, and every erasure
        waiting for confirmation."""
        return settle_erasures(self.db, self.before, self.erasures, self.source)

    # The merge itself ---------------------------------------------------------------------
    def _deleted_here(self, kind: DeletionKind) -> set[uuid.UUID]:
        return set(self.db.exec(select(Deletion.entity_id).where(
            Deletion.kind == kind, Deletion.action == DeletionAction.DELETED)))

    def _erased_sessions(self) -> set[uuid.UUID]:
        """Sessions of informants whose erasure is done here (an erasure, here or in the
        bundle, and none of their words left): their words stay out. Words of an erasure
        waiting for confirmation come in, hidden with the rest."""
        erased = {e.informant_id for e in self.db.exec(select(Erasure))}
        erased |= set(self.erasures)
        erased -= informants_with_words(self.db, erased)
        if not erased:
            return set()
        return set(self.db.exec(select(Session.id).where(
            col(Session.informant_id).in_(erased))))

    def _load_rows(self, model: type[SQLModel], incoming: list[SQLModel]) -> None:
        """The rows already here that the bundle also holds, read 500 at a time rather than
        one query per row; for answers also those of the bundle's sessions by question."""
        key = primary_key(model)
        self.present: dict[Any, SQLModel] = {
            getattr(row, key): row for row in where_in(
                self.db, select(model), getattr(model, key), [getattr(r, key) for r in incoming])}
        self.answer_keys: dict[tuple[Any, ...], uuid.UUID] = {}
        if model is Answer:
            sessions = list({row.session_id for row in incoming})  # type: ignore[attr-defined]
            rows = where_in(self.db, select(Answer.session_id, Answer.question_id, Answer.id),
                             Answer.session_id, sessions)
            self.answer_keys = {(session, question): id_ for session, question, id_ in rows}

    def _local_row(self, model: type[SQLModel], incoming: SQLModel) -> SQLModel | None:
        key = getattr(incoming, primary_key(model))
        if key in self.present:
            return self.present[key]
        if isinstance(incoming, Answer):
            local_id = self.answer_keys.get((incoming.session_id, incoming.question_id))
            if local_id is not None:
                self.answer_ids[incoming.id] = local_id
                return self.db.get(Answer, local_id)
        return None

    def _keep_superseded(self, name: str, entity_id: str, row: dict[str, Any]) -> bool:
        """Store a losing version once; False if it was already kept (a repeated import)."""
        content = canonical(row).decode("utf-8")
        content_hash = hashlib.sha256(content.encode("utf-8")).hexdigest()
        already = self.db.exec(select(SupersededVersion.id).where(
            SupersededVersion.entity_id == entity_id,
            SupersededVersion.content_hash == content_hash)).first()
        if already is not None:
            return False
        self.db.add(SupersededVersion(entity=name, entity_id=entity_id, content=content,
                                      content_hash=content_hash, source=self.source))
        return True

    def _batch(self, name: str, model: type[SQLModel], rows: list[Row],
               result: TableResult) -> None:
        key = primary_key(model)
        table: Any = model.__table__  # type: ignore[attr-defined]
        if model is Evidence:
            for row in rows:
                row["answer_id"] = self.answer_ids.get(row["answer_id"], row["answer_id"])
        if self._first_rows(model, key) and insert_all_new(self.db, table, rows):
            result.added += len(rows)
            return
        here = present_here(self.db, model, key, [row[key] for row in rows])
        answer_keys: set[tuple[Any, ...]] = set()
        if model is Answer:  # the same question answered here separately
            answer_keys = answered_here(self.db, [(row["session_id"], row["question_id"])
                                                  for row in rows])
        known: list[SQLModel] = []
        fresh = rows  # a first import: every row is new, none is left out
        if here or answer_keys or self.deleted or self.erased or self.not_restored:
            fresh = []
            for row in rows:
                if row[key] in here or (model is Answer and
                                        (row["session_id"], row["question_id"]) in answer_keys):
                    known.append(model(**row))
                elif self._left_out(row, key):
                    self.not_restored.add(row[key])
                    result.not_restored += 1
                else:
                    fresh.append(row)
        if fresh:
            insert_rows(self.db.connection(), table, fresh)
            result.added += len(fresh)
        known = self._drop_identical(model, key, known, result)
        if known:
            self._load_rows(model, known)
            for incoming in known:
                self._merge(name, model, incoming, result)

    def _first_rows(self, model: type[SQLModel], key: str) -> bool:
        """Whether the table held no row when the import reached it, and nothing (a deletion
        here, an erasure) keeps rows out: then every row is new."""
        name = str(model.__tablename__)
        if name not in self.empty:
            self.empty[name] = self.db.exec(select(getattr(model, key)).limit(1)).first() is None
        return self.empty[name] and not (self.deleted or self.erased or self.not_restored)

    def _drop_identical(self, model: type[SQLModel], key: str, known: list[SQLModel],
                        result: TableResult) -> list[SQLModel]:
        """The rows that differ from the same row here (a second import of one bundle is
        mostly identical rows: compared as plain values, without the ORM)."""
        table: Any = model.__table__  # type: ignore[attr-defined]
        ours = {row[key]: row for row in self.db.connection().execute(
            sa_select(table).where(table.c[key].in_([getattr(r, key) for r in known])))
            .mappings()}
        differ = []
        for row in known:
            local = ours.get(getattr(row, key))
            if local is not None and all(plain_value(getattr(row, column)) == plain_value(value)
                                         for column, value in local.items()):
                result.unchanged += 1
            else:
                differ.append(row)
        return differ

    def _left_out(self, row: Row, key: str) -> bool:
        """A row new here that stays out: deleted here, hanging on something deleted here,
        or words of an informant erased."""
        return (row.get("session_id") in self.erased
                or row.get("answer_id") in self.not_restored
                or row.get("principle_id") in self.not_restored
                or row[key] in self.deleted)

    def _merge(self, name: str, model: type[SQLModel], incoming: SQLModel,
               result: TableResult) -> None:
        key = primary_key(model)
        if isinstance(incoming, Evidence) and incoming.answer_id in self.answer_ids:
            incoming.answer_id = self.answer_ids[incoming.answer_id]
        local = self._local_row(model, incoming)
        if local is None:
            parent = getattr(incoming, "principle_id", None)
            erased = getattr(incoming, "session_id", None) in self.erased or (
                isinstance(incoming, Evidence) and incoming.answer_id in self.not_restored)
            if erased or getattr(incoming, key) in self.deleted or (
                    parent is not None and parent in self.not_restored):
                self.not_restored.add(getattr(incoming, key))
                result.not_restored += 1
                return
            self.db.add(incoming)
            result.added += 1
            return
        if isinstance(incoming, Informant) and isinstance(local, Informant) and \
                incoming.pseudonym == withdrawn_placeholder(incoming.id):
            incoming.pseudonym = local.pseudonym  # a bundle never carries a withdrawn name
        theirs, ours = row_dict(incoming), row_dict(local)
        theirs_cmp = {k: v for k, v in theirs.items() if k != key}
        ours_cmp = {k: v for k, v in ours.items() if k != key}
        if theirs_cmp == ours_cmp or "updated_at" not in model.model_fields:
            result.unchanged += 1  # identical, or a row that is never edited
            return
        entity_id = str(getattr(local, key))
        edited: Any = incoming, local  # both have updated_at (checked above)
        if _stamp(edited[0].updated_at) > _stamp(edited[1].updated_at):
            self._keep_superseded(name, entity_id, ours)
            for column, value in incoming.model_dump().items():
                if column != key:
                    setattr(local, column, value)
            self.db.add(local)
            self.db.add(AuditEvent(entity=name, entity_id=entity_id, action="import:replaced",
                                   detail=self.source, old_hash=digest(ours_cmp),
                                   new_hash=digest(theirs_cmp)))
            result.updated += 1
        else:
            if not self._keep_superseded(name, entity_id, theirs):
                result.unchanged += 1  # this bundle's version was seen and kept before
                return
            self.db.add(AuditEvent(entity=name, entity_id=entity_id,
                                   action="import:kept-newer-local", detail=self.source,
                                   old_hash=digest(theirs_cmp), new_hash=digest(ours_cmp)))
            result.kept_local += 1


def _is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class TransferStore(StoreBase):
    """Moving data in: the merge of a bundle's rows, in one transaction."""

    @contextmanager
    def merging(self, source: str) -> Iterator[Merge]:
        """One transaction for a whole import: committed when the block ends, rolled back
        (nothing imported) when anything in it fails. A row that refers to what is neither
        here nor imported before it is a BrokenReference."""
        with self._db() as db:
            connection = db.connection()
            try:
                roomy_cache(connection, True)
                begin_now(connection)  # before the first savepoint
                yield Merge(db, source)
                db.commit()
            except IntegrityError as exc:
                db.rollback()
                raise BrokenReference(_constraint(exc)) from None
            except BaseException:
                db.rollback()
                raise
            finally:
                roomy_cache(db.connection(), False)


def _constraint(exc: IntegrityError) -> str:
    message = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
    return message.strip()
