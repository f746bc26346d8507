"""Bundles: one JSON file that carries a whole database to another one and merges there.

Format (documented in the README, "Bundles"): an object with `format` "reflect-bundle",
`format_version`, `exported_at`, `reflect_version`, `counts`, `tables` (one list of rows per
table, in the order they must be inserted) and `checksum` (SHA-256 of the canonical JSON of
`tables`), so a file damaged or edited after export is recognised before anything is written.

Import merges by id: rows not yet here are added, identical rows change nothing, and when
both sides hold a row the one edited later wins. The losing version is kept whole in
SupersededVersion and the replacement is recorded in the audit trail by hashes. Rows deleted
here (the audit trail says so) are not brought back. Everything happens in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, col, select

from reflect import __version__
from reflect.dates import as_utc, iso_utc
from reflect.errors import ReflectError
from reflect.exchange.bundle_file import (  # noqa: F401 - checksum is read from here too
    FORMAT,
    FORMAT_VERSION,
    TABLES,
    ParsedBundle,
    canonical,
    checksum,
    read_bundle,
)
from reflect.exchange.import_report import unexplained_answers
from reflect.exchange.progress import Progress, no_progress
from reflect.files import write_private
from reflect.i18n import _
from reflect.models import (
    Answer,
    AuditEvent,
    Erasure,
    Evidence,
    ProtocolSnapshot,
    Session,
    SupersededVersion,
    utcnow,
)
from reflect.privacy.redact import NO_REDACTION, Redactor, redact_row
from reflect.store import Store, digest
from reflect.store.member_checks import compact, erase_words, withdrawn_sessions

DELETABLE = {"action_items": "action", "principles": "principle", "evidence": "evidence",
             "interviewer_notes": "note"}
"""Tables whose rows can be deleted here, with the entity name the audit trail uses."""


def _primary_key(model: type[SQLModel]) -> str:
    return "content_hash" if model is ProtocolSnapshot else "id"


def row_dict(row: SQLModel) -> dict:
    """A row as JSON-ready values; times as UTC with an offset on every database."""
    data = row.model_dump(mode="python")
    for name, value in data.items():
        if isinstance(value, datetime):
            data[name] = iso_utc(value)
    return json.loads(json.dumps(data, default=str))


# Export --------------------------------------------------------------------------------------

def bundle_data(store: Store, progress: Progress = no_progress,
                redactor: Redactor = NO_REDACTION) -> dict:
    """Everything in the database as a bundle (a dict ready for JSON), redacted if asked."""
    tables: dict[str, list[dict]] = {}
    with DBSession(store.engine) as db:
        hidden = withdrawn_sessions(db)  # the words of an informant who withdrew stay here
        hidden_answers = {str(a) for a in db.exec(
            select(Answer.id).where(col(Answer.session_id).in_(hidden)))} if hidden else set()
        for done, (name, model) in enumerate(TABLES.items()):
            progress(name, done, len(TABLES))
            key = getattr(model, _primary_key(model))
            found = db.exec(select(model).order_by(key))
            if hidden and name in ("answers", "interviewer_notes"):
                found = (row for row in found if row.session_id not in hidden)
            elif hidden_answers and name == "evidence":
                found = (row for row in found if str(row.answer_id) not in hidden_answers)
            rows = [redact_row(name, row_dict(row), redactor) for row in found]
            if model is Session:
                rows = _parents_first(rows)
            tables[name] = rows
    progress("done", len(TABLES), len(TABLES))
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "exported_at": utcnow().isoformat(), "reflect_version": __version__,
            "counts": {name: len(rows) for name, rows in tables.items()},
            "tables": tables, "checksum": checksum(tables)}


def _parents_first(sessions: list[dict]) -> list[dict]:
    """Sessions ordered so a follow-up comes after the session it follows up."""
    by_id = {row["id"]: row for row in sessions}

    def depth(row: dict) -> int:
        steps, seen = 0, set()
        while (parent := row.get("follow_up_of")) in by_id and parent not in seen:
            seen.add(parent)
            row, steps = by_id[parent], steps + 1
        return steps

    return sorted(sessions, key=depth)


def export_bundle(store: Store, path: Path, progress: Progress = no_progress,
                  redactor: Redactor = NO_REDACTION) -> dict:
    """Write the bundle file; returns the counts per table."""
    data = bundle_data(store, progress, redactor)
    write_private(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return data["counts"]


# Merging -------------------------------------------------------------------------------------

@dataclass
class TableResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_local: int = 0
    """Rows edited here later than in the bundle: ours kept, the bundle's saved as superseded."""
    not_restored: int = 0
    """Rows deleted here: not brought back."""


@dataclass
class ImportSummary:
    tables: dict[str, TableResult] = field(default_factory=dict)
    unexplained: list[str] = field(default_factory=list)
    """Rows the bundle's own protocol snapshots cannot explain (imported all the same)."""

    @property
    def changed(self) -> int:
        return sum(r.added + r.updated for r in self.tables.values())


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

    def deleted_here(self, entity: str) -> set[str]:
        query = select(AuditEvent.entity_id).where(AuditEvent.entity == entity,
                                                   AuditEvent.action == "delete")
        return set(self.db.exec(query))

    def _where_in(self, query, column, keys: list):
        """Rows of query whose column is one of keys, asking 500 keys at a time."""
        for start in range(0, len(keys), 500):
            yield from self.db.exec(query.where(column.in_(keys[start:start + 500])))

    def load_rows(self, model: type[SQLModel], incoming: list[SQLModel]) -> None:
        """The rows already here that the bundle also holds, read 500 at a time rather than
        one query per row; for answers also those of the bundle's sessions by question."""
        key = _primary_key(model)
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
        key = getattr(incoming, _primary_key(model))
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

    def erased_sessions(self, erasures: list[Erasure]) -> set[uuid.UUID]:
        """Sessions of informants erased here or by the bundle: their words stay out."""
        erased = {e.informant_id for e in self.db.exec(select(Erasure))}
        erased |= {e.informant_id for e in erasures}
        if not erased:
            return set()
        return set(self.db.exec(select(Session.id).where(
            col(Session.informant_id).in_(erased))))

    def merge(self, name: str, model: type[SQLModel], incoming: SQLModel,
              result: TableResult, deleted: set[str]) -> None:
        if isinstance(incoming, Evidence) and incoming.answer_id in self.answer_ids:
            incoming.answer_id = self.answer_ids[incoming.answer_id]
        local = self.local_row(model, incoming)
        if local is None:
            parent = getattr(incoming, "principle_id", None)
            erased = getattr(incoming, "session_id", None) in self.erased or (
                isinstance(incoming, Evidence) and incoming.answer_id in self.not_restored)
            if erased or str(getattr(incoming, _primary_key(model))) in deleted or (
                    parent is not None and parent in self.not_restored):
                self.not_restored.add(getattr(incoming, _primary_key(model)))
                result.not_restored += 1
                return
            self.db.add(incoming)
            result.added += 1
            return
        theirs, ours = row_dict(incoming), row_dict(local)
        key = _primary_key(model)
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
    """Merge a bundle file into the store's database in one transaction."""
    bundle = read_bundle(path)
    total = sum(len(rows) for rows in bundle.rows.values())
    summary = ImportSummary()
    done = 0
    source = f"{path.name} (exported {bundle.exported_at})"
    with DBSession(store.engine) as db:
        merger = _Merger(db, source)
        try:
            for name, model in TABLES.items():
                if name == "answers":  # sessions are in by now; erasures came before them
                    merger.erased = merger.erased_sessions(bundle.rows["erasures"])
                result = summary.tables.setdefault(name, TableResult())
                deleted = merger.deleted_here(DELETABLE[name]) if name in DELETABLE else set()
                merger.load_rows(model, bundle.rows[name])
                for row in bundle.rows[name]:
                    merger.merge(name, model, row, result, deleted)
                    done += 1
                    if done % 500 == 0:
                        progress(name, done, total)
                db.flush()  # the next table's rows refer to these
            summary.unexplained = unexplained_answers(db, bundle.rows)
            erasing = summary.tables["erasures"].added
            for erasure in bundle.rows["erasures"] if erasing else ():
                erase_words(db, erasure.informant_id)  # words that came before the bundle
            db.commit()
        except IntegrityError as exc:
            db.rollback()
            raise ReflectError(_("{path}: its rows refer to something that is neither in the "
                                 "bundle nor in this database ({_constraint}). Nothing was "
                                 "imported.").format(
                                   path=path, _constraint=_constraint(exc))) from None
    if erasing:
        compact(store.engine)
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
