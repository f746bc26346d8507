"""Member checks, withdrawal and erasure (issue 15, items 6 and 7).

An informant's newest check is their state. Withdrawing hides their words from every
analysis view, export and bundle at once (`Informant.withdrawn`, read by those views) but
deletes nothing; erasing deletes the words for good: answers, notes, the evidence cut from
them, the versions kept from merges, the search index entries, and the hashes of the words
in the audit trail. An `Erasure` row says only that it happened; bundles carry it.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import text
from sqlmodel import col, select, update

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import (
    Answer,
    AuditEvent,
    Erasure,
    Evidence,
    Informant,
    InterviewerNote,
    MemberCheck,
    Session,
    SupersededVersion,
    utcnow,
)
from reflect.store.base import StoreBase
from reflect.vocab import CheckOutcome

APPROVED = (CheckOutcome.APPROVED.value, CheckOutcome.APPROVED_WITH_CHANGES.value)


def withdrawn_sessions(db) -> set[uuid.UUID]:
    """Ids of the sessions whose informant withdrew (their words are hidden)."""
    query = (select(Session.id).join(Informant, col(Session.informant_id) == col(Informant.id))
             .where(col(Informant.withdrawn).is_(True)))
    return set(db.exec(query))


def erase_words(db, informant_id: uuid.UUID) -> dict[str, int]:
    """Delete an informant's words inside the caller's transaction; return what went."""
    sessions = list(db.exec(select(Session.id).where(Session.informant_id == informant_id)))
    answers = list(db.exec(select(Answer).where(col(Answer.session_id).in_(sessions))))
    notes = list(db.exec(select(InterviewerNote)
                         .where(col(InterviewerNote.session_id).in_(sessions))))
    evidence = list(db.exec(select(Evidence).where(
        col(Evidence.answer_id).in_([a.id for a in answers]))))
    gone = [str(row.id) for row in (*answers, *notes, *evidence)]
    for rows in (evidence, notes, answers):  # evidence first: it points at the answers
        for row in rows:
            db.delete(row)
        db.flush()
    for start in range(0, len(gone), 500):
        chunk = gone[start:start + 500]
        for kept in db.exec(select(SupersededVersion)
                            .where(col(SupersededVersion.entity_id).in_(chunk))):
            db.delete(kept)
        # the hashes of short words could be guessed back: the events stay, without them
        db.exec(update(AuditEvent).where(col(AuditEvent.entity_id).in_(chunk))
                .values(old_hash="", new_hash=""))
    db.flush()
    return {"answers": len(answers), "notes": len(notes), "evidence": len(evidence)}


def compact(engine) -> None:
    """Rewrite the database file so erased words leave its bytes (SQLite: the search
    indexes optimised, VACUUM, the write-ahead log emptied; PostgreSQL: VACUUM FULL)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for index in ("answer_fts", "answer_forms"):
                conn.execute(text(f"INSERT INTO {index}({index}) VALUES ('optimize')"))
            conn.execute(text("VACUUM"))
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    elif engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("VACUUM FULL answer, interviewernote, evidence, "
                              "supersededversion, auditevent"))


class MemberCheckStore(StoreBase):
    """Member checks (approved, with changes, withdrawn) and erasure."""

    def record_check(self, informant_id: uuid.UUID, outcome: str, checked_on: date,
                     how: str = "", note: str = "", recorded_by: str = "",
                     reverse_withdrawal: bool = False) -> MemberCheck:
        """Record what an informant said. Taking back a withdrawal (their words come back
        into every view and export) needs `reverse_withdrawal`, and is audited apart."""
        if outcome not in set(CheckOutcome):
            raise ReflectError(_("'{outcome}' is not a member-check outcome; use one of "
                                 "{outcomes}").format(outcome=outcome,
                                                      outcomes=", ".join(CheckOutcome)))
        with self._db() as db:
            informant = db.get(Informant, informant_id)
            if informant is None:
                raise ReflectError(_("that informant no longer exists"))
            reversing = informant.withdrawn and outcome != CheckOutcome.WITHDRAWN
            if reversing and not reverse_withdrawal:
                raise ReflectError(_("{who} withdrew: recording '{outcome}' brings their words "
                                     "back into every view and export; confirm it to go on")
                                   .format(who=informant.pseudonym, outcome=outcome))
            check = MemberCheck(informant_id=informant.id, outcome=outcome,
                                checked_on=checked_on, how=how.strip(), note=note.strip(),
                                recorded_by=recorded_by.strip())
            db.add(check)
            informant.withdrawn = outcome == CheckOutcome.WITHDRAWN
            informant.updated_at = utcnow()
            db.add(informant)
            self._audit(db, "informant", informant.id, f"member_check:{outcome}",
                        actor=recorded_by, detail=f"on {checked_on.isoformat()}",
                        new={"how": check.how, "note": check.note})
            if reversing:
                self._audit(db, "informant", informant.id, "withdrawal_reversed",
                            actor=recorded_by, detail=f"{outcome} on {checked_on.isoformat()}")
            db.commit()
        return check

    def latest_checks(self, informant_ids: list[uuid.UUID]) -> dict[uuid.UUID, MemberCheck]:
        """Each informant's newest check (those that have one)."""
        if not informant_ids:
            return {}
        with self._db() as db:
            query = (select(MemberCheck).where(col(MemberCheck.informant_id).in_(informant_ids))
                     .order_by(col(MemberCheck.checked_on), col(MemberCheck.created_at)))
            return {check.informant_id: check for check in db.exec(query)}

    def withdrawn_sessions(self) -> set[uuid.UUID]:
        with self._db() as db:
            return withdrawn_sessions(db)

    def withdrawn_answers(self, answer_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these answers belong to an informant who withdrew."""
        if not answer_ids:
            return set()
        with self._db() as db:
            hidden = withdrawn_sessions(db)
            return {a for a, session in db.exec(
                select(Answer.id, Answer.session_id).where(col(Answer.id).in_(answer_ids)))
                    if session in hidden}

    def erasures(self) -> list[Erasure]:
        with self._db() as db:
            return list(db.exec(select(Erasure)))

    def erase_informant(self, informant_id: uuid.UUID, actor: str = "") -> dict[str, int]:
        """Delete a withdrawn informant's words for good, then rewrite the file."""
        with self._db() as db:
            informant = db.get(Informant, informant_id)
            if informant is None:
                raise ReflectError(_("that informant no longer exists"))
            if not informant.withdrawn:
                raise ReflectError(_("{who} has not withdrawn: record the withdrawal first "
                                     "(only a withdrawn informant's words can be erased)")
                                   .format(who=informant.pseudonym))
            counts = erase_words(db, informant.id)
            db.add(Erasure(informant_id=informant.id, erased_by=actor.strip()))
            self._audit(db, "informant", informant.id, "erase", actor=actor,
                        detail=", ".join(f"{n} {kind}" for kind, n in counts.items()))
            db.commit()
        compact(self.engine)
        return counts
