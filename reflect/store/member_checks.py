"""Member checks, withdrawal and erasure (issue 15, items 6 and 7).

An informant's newest check is their state. Withdrawing hides their words from every
analysis view, export and bundle at once (`Informant.withdrawn`, read through the gate,
reflect.store.words) but deletes nothing; erasing deletes the words for good: answers, notes,
the evidence cut from them, the versions kept from merges, the search index entries, and the
hashes of the words in the audit trail. An `Erasure` row says only that it happened; bundles
carry it.

An erasure that arrives in a bundle destroys nothing (issue 28): the import hides the
informant's words as a withdrawal does, and the erasure waits for someone here to confirm
it (`reflect erase`, or the member-check dialog). Waiting is derived, not stored: an
`Erasure` row whose informant is withdrawn and still has words here (`pending_erasures`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session as DBSession
from sqlmodel import col, delete, select, update

from reflect.errors import ReflectError
from reflect.formats import number
from reflect.i18n import _, ngettext
from reflect.models import (
    Answer,
    AuditEvent,
    Deletion,
    Erasure,
    Evidence,
    Informant,
    InterviewerNote,
    MemberCheck,
    Session,
    Story,
    SupersededVersion,
    utcnow,
)
from reflect.models_transcript import Transcript
from reflect.store.base import StoreBase
from reflect.store.compaction import WAIT, Compaction, compact, finish, pending
from reflect.store.team import (
    counts_hidden_words,
    erase_words_as_owner,
    row_security,
    word_counts_as_owner,
)
from reflect.vocab import CheckOutcome, DeletionAction, DeletionKind

APPROVED = (CheckOutcome.APPROVED.value, CheckOutcome.APPROVED_WITH_CHANGES.value)


PENDING_ACTION = "import:erasure-pending"
"""The audit action of an informant hidden because a bundle carried their erasure (a
`Deletion` row, action erasure_pending, says it too, with the bundle: that row is read)."""


@dataclass(frozen=True)
class PendingErasure:
    """An erasure made elsewhere (a bundle carried it) whose words are still here, hidden."""

    informant_id: uuid.UUID
    pseudonym: str
    story_id: uuid.UUID
    story_title: str
    erased_at: datetime
    erased_by: str
    source: str
    """The bundle it came in (its name and export time), when the import recorded it."""
    answers: int
    notes: int


def informants_with_words(db: DBSession, informant_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these informants still have answers or interviewer's notes here."""
    informant_ids = list(informant_ids)
    if not informant_ids:
        return set()
    if counts_hidden_words(db.connection()):  # the team's coordinator: the words are hidden
        return {informant_id for informant_id in informant_ids
                if any(word_counts(db, informant_id).values())}
    found: set[uuid.UUID] = set()
    for table in (Answer, InterviewerNote):
        found |= {informant_id for informant_id in db.exec(
            select(col(Session.informant_id)).distinct()
            .join(table, col(table.session_id) == col(Session.id))
            .where(col(Session.informant_id).in_(informant_ids))) if informant_id is not None}
    return found


def hide_for_erasure(db: DBSession, informant_ids: Iterable[uuid.UUID],
                     source: str) -> list[uuid.UUID]:
    """Inside an import's transaction: the informants a bundle's erasure names who still have
    words here are withdrawn (their words hidden everywhere, audited), nothing deleted;
    returns them. The words go only when someone here confirms the erasure."""
    hidden = []
    for informant_id in sorted(informants_with_words(db, informant_ids)):
        informant = db.get(Informant, informant_id)
        if informant is None:
            continue
        if not informant.withdrawn:
            informant.withdrawn = True
            informant.updated_at = utcnow()  # newer than the bundles that still show them
            db.add(informant)
        db.add(AuditEvent(entity="informant", entity_id=str(informant_id),
                          action=PENDING_ACTION, detail=source))
        db.add(Deletion(kind=DeletionKind.WORDS, entity_id=informant_id,
                        action=DeletionAction.ERASURE_PENDING, source=source))
        hidden.append(informant_id)
    db.flush()
    return hidden


def informant_states(db: DBSession) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """Before an import: the informants erased here, and those withdrawn."""
    return (set(db.exec(select(Erasure.informant_id))),
            set(db.exec(select(Informant.id).where(col(Informant.withdrawn).is_(True)))))


def settle_erasures(db: DBSession, before: tuple[set[uuid.UUID], set[uuid.UUID]],
                    erasures: Iterable[uuid.UUID], source: str
                    ) -> tuple[list[tuple[str, str]], list[PendingErasure]]:
    """At the end of an import, in its transaction: the bundle's erasures new here hide their
    informant's words (nothing is deleted); returns (pseudonym, story title) of everyone else
    the bundle withdrew, and every erasure now waiting for confirmation."""
    erased_before, withdrawn_before = before
    hide_for_erasure(db, set(erasures) - erased_before, source)
    rows = db.exec(select(Informant.id, Informant.pseudonym, Story.title)
                   .join(Story, col(Story.id) == col(Informant.story_id))
                   .where(col(Informant.withdrawn).is_(True)))
    pending = pending_erasures(db)
    listed = withdrawn_before | {p.informant_id for p in pending}
    return sorted((who, title) for id_, who, title in rows if id_ not in listed), pending


def pending_erasures(db: DBSession) -> list[PendingErasure]:
    """Erasures waiting for confirmation here: an `Erasure` row whose informant is withdrawn
    and still has words in this database. Recording an approval instead (the member check)
    takes one off the list; the words stay."""
    erasures: dict[uuid.UUID, Erasure] = {}
    for erasure in db.exec(select(Erasure).order_by(col(Erasure.erased_at))):
        erasures.setdefault(erasure.informant_id, erasure)
    if not erasures:
        return []
    rows = db.exec(select(Informant, Story).join(Story, col(Story.id) == col(Informant.story_id))
                   .where(col(Informant.id).in_(list(erasures)),
                          col(Informant.withdrawn).is_(True)))
    waiting = [(informant, story) for informant, story in rows
               if informant.id in informants_with_words(db, [informant.id])]
    pending = []
    for informant, story in waiting:
        counts = word_counts(db, informant.id)
        source = db.exec(select(Deletion.source).where(
            Deletion.kind == DeletionKind.WORDS, Deletion.entity_id == informant.id,
            Deletion.action == DeletionAction.ERASURE_PENDING)
            .order_by(col(Deletion.at).desc())).first()
        erasure = erasures[informant.id]
        pending.append(PendingErasure(informant.id, informant.pseudonym, story.id, story.title,
                                      erasure.erased_at, erasure.erased_by, source or "",
                                      counts["answers"], counts["notes"]))
    return sorted(pending, key=lambda p: (p.story_title.casefold(), p.pseudonym.casefold()))


def word_counts(db: DBSession, informant_id: uuid.UUID) -> dict[str, int]:
    """How many answers, interviewer's notes and evidence links of an informant's are here."""
    if counts_hidden_words(db.connection()):  # the team's coordinator: the words are hidden
        return word_counts_as_owner(db.connection(), informant_id)
    sessions = list(db.exec(select(Session.id).where(Session.informant_id == informant_id)))
    answers = list(db.exec(select(Answer.id).where(col(Answer.session_id).in_(sessions))))
    notes = db.exec(select(InterviewerNote.id).where(col(InterviewerNote.session_id)
                                                     .in_(sessions)))
    evidence = db.exec(select(Evidence.id).where(col(Evidence.answer_id).in_(answers)))
    return {"answers": len(answers), "notes": len(list(notes)), "evidence": len(list(evidence))}


def erase_words(db: DBSession, informant_id: uuid.UUID) -> dict[str, int]:
    """Delete an informant's words inside the caller's transaction; return what went. A
    team member on PostgreSQL does not see them (row security): the coordinator's erasure
    goes through the database's own erasure function (reflect.store.team)."""
    if row_security(db.connection(), "answer"):
        return erase_words_as_owner(db.connection(), informant_id)
    sessions = list(db.exec(select(Session.id).where(Session.informant_id == informant_id)))
    answers = list(db.exec(select(Answer).where(col(Answer.session_id).in_(sessions))))
    notes = list(db.exec(select(InterviewerNote)
                         .where(col(InterviewerNote.session_id).in_(sessions))))
    evidence = list(db.exec(select(Evidence).where(
        col(Evidence.answer_id).in_([a.id for a in answers]))))
    gone = ([str(a.id) for a in answers] + [str(n.id) for n in notes]
            + [str(e.id) for e in evidence])
    for rows in (evidence, notes, answers):  # evidence first: it points at the answers
        for row in rows:
            db.delete(row)
        db.flush()
    # what was heard in their recordings is their words too (reflect.models_transcript)
    db.exec(delete(Transcript).where(col(Transcript.session_id).in_(sessions)))
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


def recording_count(db: DBSession, informant_id: uuid.UUID) -> int:
    """How many recordings of an informant's interviews are here (issue 34)."""
    from reflect.models_audio import Recording

    sessions = select(Session.id).where(Session.informant_id == informant_id)
    return len(list(db.exec(select(Recording.id).where(col(Recording.session_id)
                                                       .in_(sessions)))))


def erase_recordings(db: DBSession, informant_id: uuid.UUID) -> int:
    """Delete the recordings of an informant's interviews, their sound (every chunk) first,
    inside the caller's transaction; returns how many recordings went. Audio is data like
    the words (issue 34): an erasure destroys it with them."""
    from sqlmodel import delete

    from reflect.models_audio import Recording, RecordingChunk

    sessions = select(Session.id).where(Session.informant_id == informant_id)
    recordings = list(db.exec(select(Recording.id).where(col(Recording.session_id)
                                                         .in_(sessions))))
    if recordings:
        db.exec(delete(RecordingChunk).where(col(RecordingChunk.recording_id)
                                             .in_(recordings)))
        db.exec(delete(Recording).where(col(Recording.id).in_(recordings)))
        db.flush()
    return len(recordings)


def recordings_line(count: int, done: bool) -> str:
    """What an erasure does to the sound: the recordings of the informant's interviews."""
    if done:
        return ngettext("Destroyed for good: {count} recording of their interviews (every "
                        "second of its sound).",
                        "Destroyed for good: {count} recordings of their interviews (every "
                        "second of their sound).", count).format(count=number(count))
    return ngettext("The erasure also destroys {count} recording of their interviews, its "
                    "sound with it.",
                    "The erasure also destroys {count} recordings of their interviews, their "
                    "sound with them.", count).format(count=number(count))


class Erased(dict[str, int]):
    """What an erasure deleted (answers, notes, evidence: how many of each), and whether the
    words have left the database file yet (`compaction`; see reflect.store.compaction)."""

    compaction: Compaction
    recordings: int = 0
    """Recordings of the informant's interviews destroyed with the words (their sound)."""


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

    def erasures(self) -> list[Erasure]:
        with self._db() as db:
            return list(db.exec(select(Erasure)))

    def word_counts(self, informant_id: uuid.UUID) -> dict[str, int]:
        """What erasing this informant would delete: answers, notes, evidence links."""
        with self._db() as db:
            return word_counts(db, informant_id)

    def recording_count(self, informant_id: uuid.UUID) -> int:
        """What erasing this informant would destroy of sound: their interviews' recordings."""
        with self._db() as db:
            return recording_count(db, informant_id)

    def pending_erasures(self) -> list[PendingErasure]:
        """Erasures that came in a bundle and wait for someone here to confirm them."""
        with self._db() as db:
            return pending_erasures(db)

    def erase_informant(self, informant_id: uuid.UUID, actor: str = "") -> Erased:
        """Delete a withdrawn informant's words for good, then rewrite the file: when another
        program is still reading it, the rest is left marked (`Erased.compaction` says who
        holds it) and finished at the next opening or by `compact_now`."""
        with self._db() as db:
            informant = db.get(Informant, informant_id)
            if informant is None:
                raise ReflectError(_("that informant no longer exists"))
            if not informant.withdrawn:
                raise ReflectError(_("{who} has not withdrawn: record the withdrawal first "
                                     "(only a withdrawn informant's words can be erased)")
                                   .format(who=informant.pseudonym))
            counts = erase_words(db, informant.id)
            recordings = erase_recordings(db, informant.id)
            already = db.exec(select(Erasure.id).where(
                Erasure.informant_id == informant.id)).first()
            if already is None:  # a confirmed erasure from a bundle keeps the row it came with
                db.add(Erasure(informant_id=informant.id, erased_by=actor.strip()))
            self._audit(db, "informant", informant.id, "erase", actor=actor,
                        detail=", ".join(f"{n} {kind}" for kind, n in
                                         {**counts, "recordings": recordings}.items()
                                         if n or kind != "recordings"))
            db.add(Deletion(kind=DeletionKind.WORDS, entity_id=informant.id,
                            action=DeletionAction.ERASED, actor=actor.strip()))
            db.commit()
        erased = Erased(counts)
        erased.recordings = recordings
        erased.compaction = compact(self.engine)
        return erased

    def compact_now(self) -> Compaction:
        """Finish what an erasure left unfinished (or compact anyway), waiting a little for
        readers: `reflect erase --compact`."""
        return finish(self.engine, WAIT) or compact(self.engine)

    def compaction_pending(self) -> bool:
        return pending(self.engine)
