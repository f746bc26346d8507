"""What an import tells the user: rows merged per table, and rows that do not fit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlmodel import Session as DBSession
from sqlmodel import SQLModel

from reflect.models import ProtocolSnapshot, Session
from reflect.protocol.definition import Protocol

if TYPE_CHECKING:
    from reflect.exchange.bundle import ImportSummary


def unexplained_answers(db: DBSession, rows: dict[str, list[SQLModel]]) -> list[str]:
    """Answers to questions that their session's protocol (as snapshotted) does not have:
    imported like the rest, so nothing is lost, but listed for someone to look at."""
    bundle_sessions = {s.id: s for s in rows["sessions"]}
    bundle_snapshots = {s.content_hash: s for s in rows["protocol_snapshots"]}
    questions: dict[str, set[str]] = {}
    found = []
    for answer in rows["answers"]:
        session = bundle_sessions.get(answer.session_id) or db.get(Session, answer.session_id)
        if session is None:
            continue
        if session.protocol_hash not in questions:
            snapshot = (bundle_snapshots.get(session.protocol_hash)
                        or db.get(ProtocolSnapshot, session.protocol_hash))
            protocol = Protocol.model_validate_json(snapshot.content) if snapshot else None
            questions[session.protocol_hash] = {q.id for q in protocol.questions} \
                if protocol else set()
        if answer.question_id not in questions[session.protocol_hash]:
            found.append(f"answer {answer.id.hex[:8]} of session {session.id.hex[:8]} "
                         f"({session.protocol_id} version {session.protocol_version}) is to "
                         f"question '{answer.question_id}', which that protocol does not have")
    return found


def summary_lines(summary: ImportSummary) -> Iterable[str]:
    for name, result in summary.tables.items():
        parts = [f"{result.added:,} added", f"{result.updated:,} updated",
                 f"{result.unchanged:,} unchanged"]
        if result.kept_local:
            parts.append(f"{result.kept_local} newer here (bundle's version kept as superseded)")
        if result.not_restored:
            parts.append(f"{result.not_restored} deleted here (not restored)")
        yield f"{name}: " + ", ".join(parts)
    if summary.unexplained:
        yield (f"{len(summary.unexplained):,} row(s) their protocol does not explain "
               "(imported; look at them with whoever sent the bundle):")
        yield from (f"  {line}" for line in summary.unexplained)
