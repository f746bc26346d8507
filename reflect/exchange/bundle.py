"""Bundles: one file that carries a whole database to another one and merges there.

Format 3 (reflect.exchange.bundle_zip, documented in the README, "Bundles"): a zip of one
JSON Lines file per table, in the order they must be inserted, and a manifest with each
table's SHA-256, written and read a batch of rows at a time. Formats 1 and 2 (one JSON
object, reflect.exchange.bundle_file) still import.

Import merges by id: rows not yet here are added, identical rows change nothing, and when
both sides hold a row the one edited later wins. The losing version is kept whole in
SupersededVersion and the replacement is recorded in the audit trail by hashes. Rows deleted
here (the audit trail says so) are not brought back. Everything happens in one transaction.

Nothing irreversible follows from a file (issue 28): an erasure it carries hides the words
and waits for someone here to confirm it (reflect.store.member_checks, `settle_erasures`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlalchemy import tuple_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, col, select

from reflect.dates import as_utc, iso_utc
from reflect.errors import ReflectError
from reflect.exchange.bulk import insert_all_new, insert_rows, roomy_cache
from reflect.exchange.bundle_export import (  # noqa: F401 - callers import them from here
    bundle_data,
    bundle_rows,
    export_bundle,
    plain_value,
    primary_key,
    withdrawn_placeholder,
)
from reflect.exchange.bundle_file import (  # noqa: F401 - checksum is read from here too
    FORMAT,
    FORMAT_VERSION,
    TABLES,
    canonical,
    checksum,
)
from reflect.exchange.bundle_zip import open_bundle
from reflect.exchange.demo import holds_real_work, refuse_demo_stories
from reflect.exchange.import_report import (  # noqa: F401 - callers import them from here
    ImportSummary,
    TableResult,
    UnexplainedAnswers,
)
from reflect.exchange.progress import Progress, no_progress
from reflect.i18n import _
from reflect.models import (
    Answer,
    AuditEvent,
    Erasure,
    Evidence,
    Informant,
    Session,
    SupersededVersion,
)
from reflect.store import Store, digest
from reflect.store.engine import begin_now
from reflect.store.fulltext import answers_in_bulk, index_forms
from reflect.store.member_checks import informant_states, informants_with_words, settle_erasures

DELETABLE = {"action_items": "action", "principles": "principle", "evidence": "evidence",
             "interviewer_notes": "note"}
"""Tables whose rows can be deleted here, with the entity name the audit trail uses."""


def row_dict(row: SQLModel) -> dict:
    """A row as JSON-ready values; times as UTC with an offset on every database."""
    data = row.model_dump(mode="python")
    for name, value in data.items():
        if isinstance(value, datetime):
            data[name] = iso_utc(value)
    return json.loads(json.dumps(data, default=str))


# Merging -------------------------------------------------------------------------------------

def _stamp(value: datetime | None) -> datetime:
    return as_utc(value) if value is not None else datetime.min.replace(tzinfo=UTC)


class _Merger:
    def __init__(self, db: DBSession, source: str):
        self.db = db
        self.source = source
        self.not_restored: set[uuid.UUID] = set()
        """Ids of rows deleted here; rows that hang on them stay out too."""
        self.answer_ids: dict[uuid.UUID, uuid.UUID] = {}
        """Bundle answer id -> local id, where both answered the same question separately."""
        self.erased: set[uuid.UUID] = set()
        """Sessions whose informant's words were erased (here or by the bundle)."""
        self.empty: dict[str, bool] = {}
        """Tables that held no row when the import reached them."""

    def deleted_here(self, entity: str) -> set[str]:
        query = select(AuditEvent.entity_id).where(AuditEvent.entity == entity,
                                                   AuditEvent.action == "delete")
        return set(self.db.exec(query))

    def _where_in(self, query, column, keys: list):
        """Rows of query whose column is one of keys, asking 500 keys at a time."""
        for start in range(0, len(keys), 500):
            yield from self.db.exec(query.where(column.in_(keys[start:start + 500])))

    def _present_here(self, model: type[SQLModel], key: str, keys: list) -> set:
        """Which of these keys are rows here already. On SQLite asked through the driver:
        the ORM's reading back of every key as a UUID was a tenth of an import's time."""
        column = getattr(model, key)
        connection = self.db.connection()
        if connection.dialect.name != "sqlite" or not isinstance(keys[0], uuid.UUID):
            return set(self._where_in(select(column), column, keys))
        found = set()
        for start in range(0, len(keys), 500):
            chunk = [k.hex for k in keys[start:start + 500]]
            marks = ", ".join("?" * len(chunk))
            found |= {uuid.UUID(hex_) for hex_ in connection.exec_driver_sql(
                f'SELECT "{key}" FROM "{model.__tablename__}" WHERE "{key}" IN ({marks})',
                tuple(chunk)).scalars()}
        return found

    def _answered_here(self, pairs: list[tuple[uuid.UUID, str]]) -> set[tuple]:
        """Which (session, question) pairs already have an answer here. SQLite scans the
        whole table for a row-value IN, so there each pair is looked up in the unique index
        through a join with the pairs as a VALUES list."""
        connection = self.db.connection()
        if connection.dialect.name != "sqlite":
            return set(self._where_in(select(Answer.session_id, Answer.question_id),
                                      tuple_(Answer.session_id, Answer.question_id), pairs))
        found = set()
        for start in range(0, len(pairs), 400):
            chunk = pairs[start:start + 400]
            values = ", ".join(["(?, ?)"] * len(chunk))
            params = tuple(v for session, question in chunk for v in (session.hex, question))
            rows = connection.exec_driver_sql(
                f"WITH pair(s, q) AS (VALUES {values}) SELECT a.session_id, a.question_id "
                "FROM pair JOIN answer a ON a.session_id = pair.s AND a.question_id = pair.q",
                params)
            found |= {(uuid.UUID(session), question) for session, question in rows}
        return found

    def load_rows(self, model: type[SQLModel], incoming: list[SQLModel]) -> None:
        """The rows already here that the bundle also holds, read 500 at a time rather than
        one query per row; for answers also those of the bundle's sessions by question."""
        key = primary_key(model)
        self.present: dict = {
            getattr(row, key): row for row in self._where_in(
                select(model), getattr(model, key), [getattr(r, key) for r in incoming])}
        self.answer_keys: dict[tuple, uuid.UUID] = {}
        if model is Answer:
            sessions = list({row.session_id for row in incoming})
            rows = self._where_in(select(Answer.session_id, Answer.question_id, Answer.id),
                                  Answer.session_id, sessions)
            self.answer_keys = {(session, question): id_ for session, question, id_ in rows}

    def local_row(self, model: type[SQLModel], incoming: SQLModel) -> SQLModel | None:
        key = getattr(incoming, primary_key(model))
        if key in self.present:
            return self.present[key]
        if model is Answer:
            local_id = self.answer_keys.get((incoming.session_id, incoming.question_id))
            if local_id is not None:
                self.answer_ids[incoming.id] = local_id
                return self.db.get(Answer, local_id)
        return None

    def keep_superseded(self, name: str, entity_id: str, row: dict) -> bool:
        """Store a losing version once; False if it was already kept (a repeated import)."""
        content = canonical(row).decode("utf-8")
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        already = self.db.exec(select(SupersededVersion.id).where(
            SupersededVersion.entity_id == entity_id,
            SupersededVersion.content_hash == digest)).first()
        if already is not None:
            return False
        self.db.add(SupersededVersion(entity=name, entity_id=entity_id, content=content,
                                      content_hash=digest, source=self.source))
        return True

    def erased_sessions(self, erasures: list[uuid.UUID]) -> set[uuid.UUID]:
        """Sessions of informants whose erasure is done here (an erasure, here or in the
        bundle, `erasures`, and none of their words left): their words stay out. Words of an
        erasure waiting for confirmation come in, hidden with the rest."""
        erased = {e.informant_id for e in self.db.exec(select(Erasure))}
        erased |= set(erasures)
        erased -= informants_with_words(self.db, erased)
        if not erased:
            return set()
        return set(self.db.exec(select(Session.id).where(
            col(Session.informant_id).in_(erased))))

    def merge_batch(self, name: str, model: type[SQLModel], rows: list[dict],
                    result: TableResult, deleted: set[str]) -> None:
        """Merge a batch of bundle rows (validated dicts). Rows new here, most of them in a
        first import, are inserted together in one statement; a row this database also
        holds goes through `merge`, one by one."""
        key = primary_key(model)
        if model is Evidence:
            for row in rows:
                row["answer_id"] = self.answer_ids.get(row["answer_id"], row["answer_id"])
        if self._first_rows(model, key, deleted) and insert_all_new(
                self.db, model.__table__, rows, lambda: self._indexed(model, rows)):
            result.added += len(rows)
            return
        here = self._present_here(model, key, [row[key] for row in rows])
        answer_keys: set[tuple] = set()
        if model is Answer:  # the same question answered here separately
            answer_keys = self._answered_here([(row["session_id"], row["question_id"])
                                               for row in rows])
        known, fresh = [], rows  # a first import: every row is new, none is left out
        if here or answer_keys or deleted or self.erased or self.not_restored:
            fresh = []
            for row in rows:
                if row[key] in here or (model is Answer and
                                        (row["session_id"], row["question_id"]) in answer_keys):
                    known.append(model(**row))
                elif self._left_out(row, key, deleted):
                    self.not_restored.add(row[key])
                    result.not_restored += 1
                else:
                    fresh.append(row)
        if fresh:
            insert_rows(self.db.connection(), model.__table__, fresh)
            result.added += len(fresh)
            self._indexed(model, fresh)
        known = self._drop_identical(model, key, known, result)
        if known:
            self.load_rows(model, known)
            for row in known:
                self.merge(name, model, row, result, deleted)

    def _first_rows(self, model: type[SQLModel], key: str, deleted: set[str]) -> bool:
        """Whether the table held no row when the import reached it, and nothing (a deletion
        here, an erasure) keeps rows out: then every row is new."""
        name = model.__tablename__
        if name not in self.empty:
            self.empty[name] = self.db.exec(select(getattr(model, key)).limit(1)).first() is None
        return self.empty[name] and not (deleted or self.erased or self.not_restored)

    def _indexed(self, model: type[SQLModel], rows: list[dict]) -> None:
        if model is Answer:  # the Hebrew and Arabic word forms of answers just inserted
            index_forms(self.db.connection(), [(row["id"], row["text"]) for row in rows])

    def _drop_identical(self, model: type[SQLModel], key: str, known: list[SQLModel],
                        result: TableResult) -> list[SQLModel]:
        """The rows that differ from the same row here (a second import of one bundle is
        mostly identical rows: compared as plain values, without the ORM)."""
        table = model.__table__
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

    def _left_out(self, row: dict, key: str, deleted: set[str]) -> bool:
        """A row new here that stays out: deleted here, hanging on something deleted here,
        or words of an informant erased."""
        return (row.get("session_id") in self.erased
                or row.get("answer_id") in self.not_restored
                or row.get("principle_id") in self.not_restored
                or str(row[key]) in deleted)

    def merge(self, name: str, model: type[SQLModel], incoming: SQLModel,
              result: TableResult, deleted: set[str]) -> None:
        if isinstance(incoming, Evidence) and incoming.answer_id in self.answer_ids:
            incoming.answer_id = self.answer_ids[incoming.answer_id]
        local = self.local_row(model, incoming)
        if local is None:
            parent = getattr(incoming, "principle_id", None)
            erased = getattr(incoming, "session_id", None) in self.erased or (
                isinstance(incoming, Evidence) and incoming.answer_id in self.not_restored)
            if erased or str(getattr(incoming, primary_key(model))) in deleted or (
                    parent is not None and parent in self.not_restored):
                self.not_restored.add(getattr(incoming, primary_key(model)))
                result.not_restored += 1
                return
            self.db.add(incoming)
            result.added += 1
            return
        if isinstance(incoming, Informant) and \
                incoming.pseudonym == withdrawn_placeholder(incoming.id):
            incoming.pseudonym = local.pseudonym  # a bundle never carries a withdrawn name
        theirs, ours = row_dict(incoming), row_dict(local)
        key = primary_key(model)
        theirs_cmp = {k: v for k, v in theirs.items() if k != key}
        ours_cmp = {k: v for k, v in ours.items() if k != key}
        if theirs_cmp == ours_cmp or "updated_at" not in model.model_fields:
            result.unchanged += 1  # identical, or a row that is never edited
            return
        entity_id = str(getattr(local, key))
        if _stamp(incoming.updated_at) > _stamp(local.updated_at):
            self.keep_superseded(name, entity_id, ours)
            for column, value in incoming.model_dump().items():
                if column != key:
                    setattr(local, column, value)
            self.db.add(local)
            self.db.add(AuditEvent(entity=name, entity_id=entity_id, action="import:replaced",
                                   detail=self.source, old_hash=digest(ours_cmp),
                                   new_hash=digest(theirs_cmp)))
            result.updated += 1
        else:
            if not self.keep_superseded(name, entity_id, theirs):
                result.unchanged += 1  # this bundle's version was seen and kept before
                return
            self.db.add(AuditEvent(entity=name, entity_id=entity_id,
                                   action="import:kept-newer-local", detail=self.source,
                                   old_hash=digest(theirs_cmp), new_hash=digest(ours_cmp)))
            result.kept_local += 1


def import_bundle(store: Store, path: Path, progress: Progress = no_progress) -> ImportSummary:
    """Merge a bundle file into the store's database in one transaction, a batch of rows at a
    time: whatever is wrong with the file, found on the way, rolls everything back."""
    bundle = open_bundle(path)
    total = sum(bundle.counts.values())
    summary = ImportSummary()
    done = 0
    source = f"{path.name} (exported {bundle.exported_at})"
    with DBSession(store.engine) as db:
        merger, check, erasures = _Merger(db, source), UnexplainedAnswers(db), []
        try:
            roomy_cache(db.connection(), True)
            begin_now(db.connection())  # before the first savepoint
            before, real_here = informant_states(db), holds_real_work(db)
            for name, model in TABLES.items():
                if name == "answers":  # sessions are in by now; erasures came before them
                    merger.erased = merger.erased_sessions(erasures)
                result = summary.tables.setdefault(name, TableResult())
                deleted = merger.deleted_here(DELETABLE[name]) if name in DELETABLE else set()
                bulk = answers_in_bulk(db.connection(), bundle.counts.get(name, 0)) \
                    if name == "answers" else nullcontext()
                with bulk:
                    for batch in bundle.batches(name):
                        check.see(name, batch)
                        if name == "erasures":
                            erasures += [row["informant_id"] for row in batch]
                        if name == "stories" and real_here:
                            refuse_demo_stories(path, batch)
                        merger.merge_batch(name, model, batch, result, deleted)
                        done += len(batch)
                        progress(name, done, total)
                        db.flush()  # the next rows refer to these
                        db.expunge_all()  # written to the transaction: memory stays flat
            summary.unexplained = check.found
            summary.withdrawn, summary.pending = settle_erasures(db, before, erasures, source)
            db.commit()
        except IntegrityError as exc:
            db.rollback()
            raise ReflectError(_("{path}: its rows refer to something that is neither in the "
                                 "bundle nor in this database ({_constraint}). Nothing was "
                                 "imported.").format(
                                   path=path, _constraint=_constraint(exc))) from None
        except BaseException:
            db.rollback()
            raise
        finally:
            roomy_cache(db.connection(), False)
            bundle.close()
    progress("done", total, total)
    return summary


def _constraint(exc: IntegrityError) -> str:
    message = str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__
    return message.strip()


def superseded_versions(store: Store) -> list[SupersededVersion]:
    """The versions that lost a merge, newest first (to read, or to copy back by hand)."""
    with DBSession(store.engine) as db:
        query = select(SupersededVersion).order_by(SupersededVersion.recorded_at.desc())
        return list(db.exec(query))
