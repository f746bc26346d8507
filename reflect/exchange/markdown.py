"""One session (an interview or a reflection) as a document: `reflect export markdown`
writes it as Markdown; the interview record (`reflect export interview`, `r` in a story) as
Markdown and .docx, from the same blocks (reflect.exchange.documents renders both)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reflect import formats, timecodes
from reflect.errors import ReflectError
from reflect.exchange.documents import Block, redact_blocks, to_markdown, write_both
from reflect.exchange.progress import Progress, no_progress
from reflect.files import private_folder, slug, write_private
from reflect.i18n import N_, _
from reflect.method.session import refuse_withdrawn
from reflect.models import Answer, InterviewerNote, Session
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.balance import read_balance
from reflect.protocol.definition import Protocol
from reflect.protocol.render import answer_text
from reflect.roles import PresentRole
from reflect.store import Store, shown_name, shown_who
from reflect.store.interviews import recording_consent_label

VERDICTS = {"too_early": N_("too few entries to judge"), "balanced": N_("balanced"),
            "only_negative": N_("one-sided: only faults seen"),
            "only_positive": N_("one-sided: only strengths seen")}
SESSION_STATUS = {"in_progress": N_("in progress"), "completed": N_("completed"),
                  "abandoned": N_("abandoned"), "declined": N_("consent refused")}


def _plain_lines(text: str) -> str:
    """An answer's lines as written; lines of blanks only become empty lines."""
    return "\n".join(line if line.strip() else "" for line in text.splitlines())


def _facts(store: Store, session: Session, protocol: Protocol,
           answers: dict[str, Answer]) -> list[tuple[str, str]]:
    """What the session was: story or case, who, when, protocol, consent, balance."""
    facts = [(_("Started"), f"{formats.day(session.started_at)} "
                            f"{session.started_at:%H:%M} UTC"),
             (_("Status"), _(SESSION_STATUS[session.status.value])),
             (_("Protocol"), _("{id} (version {version})").format(id=protocol.id,
                                                                  version=protocol.version))]
    if session.story_id and (story := store.story(session.story_id)):
        facts.insert(0, (_("Story"), story.title))
    if session.informant_id and (informant := store.informant(session.informant_id)):
        facts.insert(1, (_("Informant"), shown_who(informant)))
    if session.case_label:
        facts.insert(0, (_("Case"), session.case_label))
    if session.interviewer:
        facts.append((_("By"), session.interviewer))
    if people := store.people_present(session.id):
        facts.append((_("Also present"), _(", ").join(
            f"{person.name} ({PresentRole(person.role).label})" for person in people)))
    if session.recording_started_at is not None:
        facts.append((_("Time codes"), _("into the recording, which started at {time} UTC; "
                                         "[⏱…] marks the interview clock, before it").format(
            time=f"{formats.day(session.recording_started_at)} "
                 f"{session.recording_started_at:%H:%M:%S}")))
    elif session.kind == "interview":
        facts.append((_("Time codes"), _("the interview's own clock (no recording started)")))
    if session.kind == "interview":
        consent = _("given") if session.consent_given else _("refused")
        facts.append((_("Consent"), _("{state}, {method}, recorded by {who} (text {version})")
                      .format(state=consent, who=session.consent_recorded_by,
                              method=_(session.consent_method) if session.consent_method else "",
                              version=session.consent_text_version)))
        facts.append((_("Consent to record"), recording_consent_label(session)))
    if session.follow_up_of and (earlier := store.session(session.follow_up_of)):
        facts.append((_("Follows up"), _("the reflection of {date}").format(
            date=formats.day(earlier.started_at))))
    if (balance := read_balance(protocol, answers)) is not None:
        facts.append((_("Balance"), _("{positive} positive, {negative} negative ({verdict})")
                      .format(positive=balance.positive, negative=balance.negative,
                              verdict=_(VERDICTS[balance.verdict]))))
    return facts


def session_blocks(store: Store, session: Session) -> list[Block]:
    """One session as a document: its facts, then every question in protocol order with its
    answer (or that it was skipped or not answered) and its flags."""
    protocol = store.protocol_of(session)
    answers = store.answers(session.id)
    actions = store.actions(session.id)
    notes = store.notes(session.id)
    recorded = session.recording_started_at is not None
    blocks = [Block("heading", protocol.title, 1)]
    blocks += [Block("fact", value, source=name)
               for name, value in _facts(store, session, protocol, answers)]
    number = 0
    for stage in protocol.stages:
        blocks.append(Block("heading", stage.title, 2))
        for question in stage.questions:
            number += 1
            answer = answers.get(question.id)
            blocks.append(Block("heading", f"{number}. {question.prompt}", 3))
            text = answer_text(question, answer, actions)
            if text:
                blocks.append(Block("para", _plain_lines(text)))
            elif answer is not None and answer.skipped:  # remarks, not answers: in italics
                blocks.append(Block("lead", _("Skipped.")))
            else:
                blocks.append(Block("lead", _("Not answered.")))
            flags = [name for name, on in ((_("quote"), answer and answer.flag_quote),
                                           (_("follow up"), answer and answer.flag_follow_up))
                     if on]
            if flags:
                blocks.append(Block("lead", _("Flagged: {flags}.").format(
                    flags=", ".join(flags))))
            blocks += _moments(answer, [n for n in notes if n.question_id == question.id],
                               recorded)
    return blocks


def _moments(answer: Answer | None, notes: list[InterviewerNote],
             recorded: bool) -> list[Block]:
    """A question's time codes and the interviewer's notes on it, marked as theirs."""
    blocks = []
    if codes := timecodes.answer_codes(answer, recorded):
        blocks.append(Block("fact", ", ".join(codes), source=_("Time codes")))
    for note in notes:
        label = " ".join(filter(None, (_("Interviewer's note"),
                                       timecodes.shown(note.code, note.code_kind, recorded))))
        blocks.append(Block("fact", note.text, source=label))
    return blocks


def session_markdown(store: Store, session: Session) -> str:
    return to_markdown(session_blocks(store, session))


def _file_name(session: Session) -> str:
    label = session.case_label or session.protocol_id
    name = slug(label, limit=40, fallback="session")
    return f"{session.started_at:%Y-%m-%d}-{session.protocol_id}-{name}-{str(session.id)[:8]}.md"


def export_sessions(store: Store, sessions: Iterable[Session], folder: Path,
                    redactor: Redactor = NO_REDACTION, progress: Progress = no_progress,
                    total: int | None = None) -> list[Path]:
    """Write one Markdown file per session into folder (owner-only files); return the paths.
    `sessions` may be read as it goes (give `total` for the progress)."""
    private_folder(folder)
    written = []
    shown = store.gate()  # an informant who withdrew: no file of theirs
    if total is None:
        sessions = list(sessions)
        total = len(sessions)
    for done, session in enumerate(sessions):
        progress(_("sessions"), done, total)
        if not shown.shows_session(session.id):
            continue
        path = folder / _file_name(session)
        write_private(path, redactor(session_markdown(store, session)).encode("utf-8"))
        written.append(path)
    return written


def export_session_record(store: Store, session: Session, folder: Path,
                          redactor: Redactor = NO_REDACTION,
                          progress: Progress = no_progress) -> list[Path]:
    """The interview record: one session as Markdown, .docx and PDF, for a supervisor to read."""
    if session is None:
        raise ReflectError(_("that session no longer exists"))
    refuse_withdrawn(store, session)
    blocks = redact_blocks(session_blocks(store, session), redactor)
    who = session.case_label or session.protocol_id
    if session.informant_id and (informant := store.informant(session.informant_id)):
        who = shown_name(informant.pseudonym, informant.withdrawn)
    stem = (f"{session.kind}-{session.started_at:%Y-%m-%d}-"
            f"{slug(redactor(who), limit=40, fallback='session')}-{str(session.id)[:8]}")
    from reflect.exchange.demo import demo_mark

    story = [session.story_id] if session.story_id else []
    return write_both(blocks, folder, stem, header=demo_mark(story), progress=progress)

