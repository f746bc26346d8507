"""The gate on an informant's words (issue 28, item 2): the one place withdrawal is applied.

An informant who withdrew (their newest member check; `Informant.withdrawn`) keeps their
words in the database until they are erased, but nothing shows or prints them: not their
answers, not the interviewer's notes on their interviews, not the passages cut from their
answers as evidence, and not their pseudonym. Every reader asks `gate(db)` who that is and
reads through what it answers:

- the store's readers (`answers`, `answer_by_id`, `notes`, `evidence`, `interviews_of`,
  `themes_by_reach`) leave those words out, so the screens and documents built on them
  (story, book, interview records, review copies, the workshop, the themes matrix) cannot
  show them;
- the readers that go to the tables in batches (CSV, .qdpx, bundles, search) filter with the
  same gate (`Gate.sessions`, `Gate.answers`, `WITHDRAWN_SESSIONS_SQL`);
- a name goes through `shown_name` / `shown_who` (kept in reflect.roles so that the home
  screen's first glance, which never imports SQLAlchemy, uses them too): a withdrawn
  informant is shown as "Withdrawn informant (client)", never by their pseudonym, where a
  screen must still list them so that the team can act (the member check, the erasure).

A principle whose every supporting passage was withdrawn is *held* (`held_principles`): the
final book leaves it out, a draft lists it with the reason, and it no longer counts in the
reach of its common principle.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, true
from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.i18n import N_
from reflect.models import Answer, Evidence, Informant, InterviewerNote, Session
from reflect.roles import shown_name, shown_who
from reflect.store.base import READ_ONLY, StoreBase

WITHDRAWN_SESSIONS_SQL = ("SELECT s.id FROM informant i JOIN session s "
                          "ON s.informant_id = i.id WHERE i.withdrawn = TRUE")
"""The gate's sessions as SQL, for queries written as text (the search over the FTS5
indexes). Written so that SQLite starts from the index on withdrawn (the few who withdrew),
not from every session; TRUE is 1 in SQLite and a boolean in PostgreSQL."""


@dataclass(frozen=True)
class Gate:
    """Who withdrew, read once by a reader: whose words it must leave out."""

    informants: frozenset[uuid.UUID]
    """Informants who withdrew."""
    sessions: frozenset[uuid.UUID]
    """Their sessions: the answers and notes of these are never shown."""

    def __bool__(self) -> bool:
        return bool(self.informants)

    def shows_session(self, session_id: uuid.UUID | None) -> bool:
        return session_id not in self.sessions

    def shows_informant(self, informant_id: uuid.UUID | None) -> bool:
        return informant_id not in self.informants

    def answers(self, db: DBSession) -> frozenset[uuid.UUID]:
        """Ids of the answers it hides (evidence cut from them is hidden with them)."""
        if not self.sessions:
            return frozenset()
        return frozenset(db.exec(select(Answer.id).where(
            col(Answer.session_id).in_(list(self.sessions)))))

    def session_kept(self, column: object) -> ColumnElement[bool]:
        """A condition on a session id column: only sessions whose words may be shown."""
        return col(column).not_in(list(self.sessions)) if self.sessions else true()


def gate(db: DBSession, among: list[uuid.UUID] | None = None) -> Gate:
    """The gate, read in the caller's transaction: every informant who withdrew and their
    sessions (only those among `among` when given, for a reader of a few sessions). In the
    read-only transaction of Store.reading(), read once (every withdrawn informant and their
    sessions) and each later gate taken from that (the rows cannot change meanwhile)."""
    if among is not None and not among:
        return Gate(frozenset(), frozenset())
    query = (select(Informant.id, Session.id).select_from(Informant)
             .join(Session, col(Session.informant_id) == col(Informant.id), isouter=True)
             .where(col(Informant.withdrawn).is_(True)))
    pairs: list[tuple[uuid.UUID, uuid.UUID | None]]
    if db.info.get(READ_ONLY):
        if (known := db.info.get(_PAIRS)) is None:
            known = db.info[_PAIRS] = list(db.exec(query))
        wanted = None if among is None else set(among)
        pairs = [(informant_id, session_id) for informant_id, session_id in known
                 if wanted is None or session_id in wanted]
    else:
        pairs = list(db.exec(query if among is None
                             else query.where(col(Session.id).in_(among))))
    informants, sessions = set(), set()
    for informant_id, session_id in pairs:
        informants.add(informant_id)
        if session_id is not None:
            sessions.add(session_id)
    return Gate(frozenset(informants), frozenset(sessions))


_PAIRS = "reflect.gate"
"""Where a read-only session keeps the gate's rows (every withdrawn informant's sessions)."""


__all__ = ["HELD_REASON", "WITHDRAWN_SESSIONS_SQL", "Gate", "WordsStore", "gate", "shown_name",
           "shown_who"]


class WordsStore(StoreBase):
    """The gate as the store's callers see it, and what it holds back of the analysis."""

    def gate(self) -> Gate:
        with self._db() as db:
            return gate(db)

    def withheld_evidence(self, principle_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        """Per principle, the ids of its evidence links cut from a withdrawn informant's
        answers (the links only: their excerpts are never read out). The workshop flags them
        so the team can remove them."""
        found: dict[uuid.UUID, list[uuid.UUID]] = {pid: [] for pid in principle_ids}
        if not principle_ids:
            return found
        with self._db() as db:
            hidden = gate(db).answers(db)
            if not hidden:
                return found
            query = (select(Evidence.id, Evidence.principle_id, Evidence.answer_id)
                     .where(col(Evidence.principle_id).in_(principle_ids))
                     .order_by(col(Evidence.created_at)))
            for link_id, principle_id, answer_id in db.exec(query):
                if answer_id in hidden:
                    found[principle_id].append(link_id)
        return found

    def withheld_rows(self) -> set[str]:
        """The ids of every row holding a withdrawn informant's words or name (their
        informant rows, answers, interviewer notes, evidence links), as text: for readers of
        copies of rows kept by id, such as the versions an import replaced."""
        with self._db() as db:
            shown = gate(db)
            if not shown:
                return set()
            answers = shown.answers(db)
            sessions = list(shown.sessions)
            notes: Iterable[uuid.UUID] = db.exec(select(InterviewerNote.id).where(
                col(InterviewerNote.session_id).in_(sessions))) if sessions else []
            links: Iterable[uuid.UUID] = db.exec(select(Evidence.id).where(
                col(Evidence.answer_id).in_(list(answers)))) if answers else []
            return {str(key) for keys in (shown.informants, answers, notes, links)
                    for key in keys}

    def held_principles(self, principle_ids: list[uuid.UUID] | None = None) -> set[uuid.UUID]:
        """The principles (of these, or of all) whose every supporting passage was
        withdrawn: they rest on nothing that may be shown any more. A principle with no
        evidence yet is not held (it is still being drawn)."""
        with self._db() as db:
            hidden = gate(db).answers(db)
            if not hidden:
                return set()
            query = select(Evidence.principle_id, Evidence.answer_id)
            if principle_ids is not None:
                if not principle_ids:
                    return set()
                query = query.where(col(Evidence.principle_id).in_(principle_ids))
            links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
            for principle_id, answer_id in db.exec(query):
                links[principle_id].append(answer_id)
        return {pid for pid, answers in links.items() if all(a in hidden for a in answers)}


HELD_REASON = N_("Not in the final book: every passage it rested on was withdrawn by its "
                 "informant.")
"""Why a held principle is left out of the final book (a draft prints it with this)."""
