"""What an import tells the user: rows merged per table, rows that do not fit, informants the
bundle withdrew, and the erasures waiting for someone here to confirm them."""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from reflect import formats
from reflect.i18n import N_, _, ngettext
from reflect.protocol.definition import Protocol as InterviewProtocol
from reflect.store.member_checks import PendingErasure
from reflect.store.transfer import TableResult

__all__ = ["ImportSummary", "TableResult", "UnexplainedAnswers", "erase_command",
           "pending_lines", "summary_lines"]


class ProtocolsHere(Protocol):
    """What the check asks of the database it imports into (reflect.store.transfer.Merge)."""

    def session_protocol(self, session_id: Any) -> tuple[str, str, str] | None: ...

    def snapshot_content(self, content_hash: str) -> str | None: ...


@dataclass
class ImportSummary:
    tables: dict[str, TableResult] = field(default_factory=dict)
    unexplained: list[str] = field(default_factory=list)
    """Rows the bundle's own protocol snapshots cannot explain (imported all the same)."""
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    """(pseudonym, story title) of informants the bundle withdrew: hidden here now."""
    pending: list[PendingErasure] = field(default_factory=list)
    """Every erasure waiting for confirmation here after the import (this bundle's too)."""

    @property
    def changed(self) -> int:
        return sum(r.added + r.updated for r in self.tables.values())

class UnexplainedAnswers:
    """Answers to questions that their session's protocol (as snapshotted) does not have:
    imported like the rest, so nothing is lost, but listed for someone to look at. Fed the
    bundle's rows batch by batch (`see`), before they are merged; holds only the question ids
    of each protocol and the protocol of each session."""

    def __init__(self, here: ProtocolsHere):
        self.here = here
        self.questions: dict[str, set[str]] = {}
        """Snapshot hash -> its question ids."""
        self.sessions: dict[Any, tuple[str, str, str] | None] = {}
        """Session id -> (snapshot hash, protocol id, version)."""
        self.found: list[str] = []

    def see(self, table: str, rows: list[dict[str, Any]]) -> None:
        """A batch of the bundle's rows (validated dicts), before they are merged."""
        if table == "protocol_snapshots":
            for snapshot in rows:
                self.questions[snapshot["content_hash"]] = _question_ids(snapshot["content"])
        elif table == "sessions":
            for session in rows:
                self.sessions[session["id"]] = (session["protocol_hash"],
                                                session["protocol_id"],
                                                session["protocol_version"])
        elif table == "answers":
            for answer in rows:
                self._check(answer)

    def _session(self, session_id: Any) -> tuple[str, str, str] | None:
        if session_id not in self.sessions:
            self.sessions[session_id] = self.here.session_protocol(session_id)
        return self.sessions[session_id]

    def _check(self, answer: dict[str, Any]) -> None:
        session = self._session(answer["session_id"])
        if session is None:
            return
        content_hash, protocol_id, version = session
        if content_hash not in self.questions:
            content = self.here.snapshot_content(content_hash)
            self.questions[content_hash] = _question_ids(content) if content else set()
        if answer["question_id"] not in self.questions[content_hash]:
            self.found.append(_(
                "answer {answer} of session {session} ({protocol} version {version}) is to "
                "question '{question}', which that protocol does not have").format(
                    answer=answer["id"].hex[:8], session=answer["session_id"].hex[:8],
                    protocol=protocol_id, version=version, question=answer["question_id"]))


def _question_ids(content: str) -> set[str]:
    return {q.id for q in InterviewProtocol.model_validate_json(content).questions}


TABLE_LABELS = {
    "protocol_snapshots": N_("protocol snapshots"), "stories": N_("stories"),
    "informants": N_("informants"), "member_checks": N_("member checks"),
    "erasures": N_("erasures"), "sessions": N_("sessions"),
    "session_people": N_("people present"), "answers": N_("answers"),
    "interviewer_notes": N_("interviewer's notes"), "action_items": N_("action items"),
    "themes": N_("common principles"), "principles": N_("principles"),
    "evidence": N_("evidence links"), "audit_events": N_("audit events"),
    "deletions": N_("deletions")}
"""A bundle's tables as the import's summary names them."""


def summary_lines(summary: ImportSummary) -> Iterable[str]:
    number = formats.number
    for name, result in summary.tables.items():
        parts = [ngettext("{count} added", "{count} added", result.added).format(
                     count=number(result.added)),
                 ngettext("{count} updated", "{count} updated", result.updated).format(
                     count=number(result.updated)),
                 ngettext("{count} unchanged", "{count} unchanged", result.unchanged).format(
                     count=number(result.unchanged))]
        if result.kept_local:
            parts.append(ngettext(
                "{count} newer here (the bundle's version kept as superseded)",
                "{count} newer here (the bundle's versions kept as superseded)",
                result.kept_local).format(count=number(result.kept_local)))
        if result.not_restored:
            parts.append(ngettext(
                "{count} deleted here (not restored)", "{count} deleted here (not restored)",
                result.not_restored).format(count=number(result.not_restored)))
        label = _(TABLE_LABELS[name]) if name in TABLE_LABELS else name
        yield _("{table}: {counts}").format(table=label, counts=", ".join(parts))
    if summary.unexplained:
        yield ngettext("{count} row its protocol does not explain (imported; look at it with "
                       "whoever sent the bundle):",
                       "{count} rows their protocol does not explain (imported; look at them "
                       "with whoever sent the bundle):", len(summary.unexplained)).format(
                           count=number(len(summary.unexplained)))
        yield from (f"  {line}" for line in summary.unexplained)
    for who, story in summary.withdrawn:
        yield _("{who} ({story}) withdrew, says the bundle: their words are hidden here too; "
                "nothing is deleted.").format(who=who, story=story)


def erase_command(pending: PendingErasure) -> str:
    """The command that confirms a pending erasure, ready to paste (the story by its id)."""
    return f"reflect erase {pending.story_id.hex[:8]} {shlex.quote(pending.pseudonym)} --confirm"


def pending_lines(pending: list[PendingErasure]) -> Iterable[str]:
    """Erasures made elsewhere whose words are still here, hidden: who, from which bundle,
    and what to run to erase them here."""
    if not pending:
        return
    yield _("Erasures waiting for confirmation: {count}. Their words are hidden like a "
            "withdrawal; nothing is deleted until someone here erases them:").format(
        count=formats.number(len(pending)))
    for item in pending:
        yield "  " + _("{who} ({story}): {answers} answers, {notes} notes; erased on "
                       "{date} by {by}, from {source}").format(
            who=item.pseudonym, story=item.story_title, answers=formats.number(item.answers),
            notes=formats.number(item.notes),
            date=formats.day(formats.local_time(item.erased_at)),
            by=item.erased_by or _("someone unnamed"),
            source=item.source or _("an earlier import"))
        yield "    " + _("to erase them here for good: {command}").format(
            command=erase_command(item))
