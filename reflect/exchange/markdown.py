"""One session (an interview or a reflection) as a Markdown document."""

from __future__ import annotations

from pathlib import Path

from reflect.files import slug, write_private
from reflect.models import Session
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.balance import read_balance
from reflect.protocol.render import answer_text
from reflect.roles import Role
from reflect.store import Store

VERDICTS = {"too_early": "too few entries to judge", "balanced": "balanced",
            "only_negative": "one-sided: only faults seen",
            "only_positive": "one-sided: only strengths seen"}


def _quote_block(text: str) -> str:
    return "\n".join(line if line.strip() else "" for line in text.splitlines())


def session_markdown(store: Store, session: Session) -> str:
    protocol = store.protocol_of(session)
    answers = store.answers(session.id)
    actions = store.actions(session.id)
    lines = [f"# {protocol.title}", ""]
    facts = [("Started", f"{session.started_at:%Y-%m-%d %H:%M} UTC"),
             ("Status", session.status.value.replace("_", " ")),
             ("Protocol", f"{protocol.id} (version {protocol.version})")]
    if session.story_id and (story := store.story(session.story_id)):
        facts.insert(0, ("Story", story.title))
    if session.informant_id and (informant := store.informant(session.informant_id)):
        facts.insert(1, ("Informant", f"{informant.pseudonym} ({Role(informant.role).label})"))
    if session.case_label:
        facts.insert(0, ("Case", session.case_label))
    if session.interviewer:
        facts.append(("By", session.interviewer))
    if session.kind == "interview":
        consent = "given" if session.consent_given else "refused"
        facts.append(("Consent", f"{consent}, {session.consent_method}, recorded by "
                      f"{session.consent_recorded_by} (text {session.consent_text_version})"))
    if session.follow_up_of and (earlier := store.session(session.follow_up_of)):
        facts.append(("Follows up", f"the reflection of {earlier.started_at:%Y-%m-%d}"))
    if (balance := read_balance(protocol, answers)) is not None:
        facts.append(("Balance", f"{balance.positive} positive, {balance.negative} negative "
                      f"({VERDICTS[balance.verdict]})"))
    lines += [f"- **{name}:** {value}" for name, value in facts]
    number = 0
    for stage in protocol.stages:
        lines += ["", f"## {stage.title}"]
        for question in stage.questions:
            number += 1
            answer = answers.get(question.id)
            lines += ["", f"### {number}. {question.prompt}", ""]
            text = answer_text(question, answer, actions)
            if text:
                lines.append(_quote_block(text))
            elif answer is not None and answer.skipped:
                lines.append("_Skipped._")
            else:
                lines.append("_Not answered._")
            flags = [name for name, on in (("quote", answer and answer.flag_quote),
                                           ("follow up", answer and answer.flag_follow_up)) if on]
            if flags:
                lines += ["", f"_Flagged: {', '.join(flags)}._"]
    return "\n".join(lines) + "\n"


def _file_name(session: Session) -> str:
    label = session.case_label or session.protocol_id
    name = slug(label, limit=40, fallback="session")
    return f"{session.started_at:%Y-%m-%d}-{session.protocol_id}-{name}-{str(session.id)[:8]}.md"


def export_sessions(store: Store, sessions: list[Session], folder: Path,
                    redactor: Redactor = NO_REDACTION) -> list[Path]:
    """Write one Markdown file per session into folder (owner-only files); return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for session in sessions:
        path = folder / _file_name(session)
        write_private(path, redactor(session_markdown(store, session)).encode("utf-8"))
        written.append(path)
    return written
