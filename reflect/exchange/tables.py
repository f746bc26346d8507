"""Tidy CSV files for spreadsheets, R and pandas: one row per observation, one file per kind.

UTF-8 with a byte-order mark (so spreadsheet programs pick the encoding), a header row, and
multi-line text quoted in its cell. List answers put one item per line in their cell.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from reflect.dates import iso_utc
from reflect.exchange.dataset import Dataset, load_dataset, redact_dataset
from reflect.exchange.progress import Progress
from reflect.files import write_private
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.store import Store

FILES = ("stories", "answers", "principles", "evidence", "themes", "action_items")


def _value_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return value


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _stories(data: Dataset) -> list[list]:
    rows = [["story_id", "title", "service", "status", "ready_for_book", "success_criteria",
             "summary", "tags", "informants", "interviews"]]
    informants = Counter(i.story_id for i in data.informants.values())
    interviews = Counter(s.story_id for s in data.sessions)
    for story in sorted(data.stories.values(), key=lambda s: s.title.lower()):
        rows.append([story.id, story.title, story.service, story.status.value,
                     _yes(story.ready_for_book), story.success_criteria, story.summary,
                     story.tags, informants[story.id], interviews[story.id]])
    return rows


def _answers(data: Dataset) -> list[list]:
    rows = [["answer_id", "session_id", "kind", "session_status", "story_id", "story",
             "informant_id", "informant", "role", "case", "protocol", "protocol_version",
             "stage", "stage_title", "question_number", "question_id", "question", "type",
             "text", "value", "skipped", "quote", "follow_up", "answered_at"]]
    for session in data.sessions:
        protocol = data.protocols[session.id]
        informant = data.informant_of(session)
        answers = data.answers.get(session.id, {})
        for stage, number, question in data.questions(session):
            answer = answers.get(question.id)
            if answer is None or not (answer.has_content or answer.skipped or answer.flag_quote
                                      or answer.flag_follow_up):
                continue  # not reached, or only opened (its time code is in the record)
            rows.append([
                answer.id, session.id, session.kind, session.status.value, session.story_id or "",
                data.story_title(session), informant.id if informant else "",
                informant.pseudonym if informant else "", data.role_label(session),
                session.case_label, protocol.id, protocol.version, stage.id, stage.title, number,
                question.id, question.prompt, question.type, answer.text,
                _value_cell(answer.decoded_value), _yes(answer.skipped),
                _yes(answer.flag_quote), _yes(answer.flag_follow_up),
                iso_utc(answer.updated_at)])
    return rows


def _principles(data: Dataset) -> list[list]:
    rows = [["principle_id", "story_id", "story", "theme_id", "theme", "situation", "goal",
             "action", "rationale", "sentence", "evidence_count"]]
    for principle in data.principles:
        theme = data.themes.get(principle.theme_id) if principle.theme_id else None
        rows.append([principle.id, principle.story_id, data.stories[principle.story_id].title,
                     theme.id if theme else "", theme.name if theme else "",
                     principle.situation, principle.goal, principle.action, principle.rationale,
                     principle.sentence(), len(data.evidence.get(principle.id, []))])
    return rows


def _evidence(data: Dataset) -> list[list]:
    rows = [["evidence_id", "principle_id", "principle", "story", "answer_id", "session_id",
             "informant", "role", "question_id", "question", "excerpt", "start", "end"]]
    answers = data.answer_by_id()
    sessions = data.session_by_id()
    for principle in data.principles:
        for link in data.evidence.get(principle.id, []):
            answer = answers.get(link.answer_id)
            session = sessions.get(answer.session_id) if answer else None
            informant = data.informant_of(session) if session else None
            question = next((q for _, _, q in data.questions(session)
                             if q.id == answer.question_id), None) if session else None
            rows.append([link.id, principle.id, principle.sentence(),
                         data.stories[principle.story_id].title, link.answer_id,
                         session.id if session else "",
                         informant.pseudonym if informant else "",
                         data.role_label(session) if session else "",
                         answer.question_id if answer else "", question.prompt if question else "",
                         link.excerpt, link.start, link.end])
    return rows


def _themes(data: Dataset) -> list[list]:
    rows = [["theme_id", "theme", "description", "principles", "stories", "story_titles"]]
    for theme in sorted(data.themes.values(), key=lambda t: t.name.lower()):
        members = [p for p in data.principles if p.theme_id == theme.id]
        titles = sorted({data.stories[p.story_id].title for p in members}, key=str.lower)
        rows.append([theme.id, theme.name, theme.description, len(members), len(titles),
                     "\n".join(titles)])
    return rows


def _action_items(data: Dataset) -> list[list]:
    rows = [["action_id", "session_id", "case", "protocol", "text", "review_on", "status",
             "review_note", "reviewed_at"]]
    for session in data.sessions:
        for item in data.actions.get(session.id, []):
            rows.append([item.id, session.id, session.case_label, session.protocol_id,
                         item.text, item.review_on.isoformat() if item.review_on else "",
                         item.status.value, item.review_note,
                         iso_utc(item.reviewed_at)])
    return rows


BUILDERS = {"stories": _stories, "answers": _answers, "principles": _principles,
            "evidence": _evidence, "themes": _themes, "action_items": _action_items}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's CSV injection list)."""


def neutralized(cell: str) -> str:
    """A text cell a spreadsheet shows as text: one that could start a formula gets a leading
    apostrophe, which spreadsheets hide and treat as 'this is text'."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_bytes(rows: list[list], raw_values: bool = False) -> bytes:
    """UTF-8 CSV with a BOM; text cells neutralized against formulas unless raw_values."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(
        [[_cell(cell, raw_values) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _cell(cell: object, raw_values: bool) -> object:
    if isinstance(cell, int | float):
        return cell
    text = cell if isinstance(cell, str) else str(cell)
    return text if raw_values else neutralized(text)


def export_csv(store: Store, folder: Path, progress: Progress | None = None,
               redactor: Redactor = NO_REDACTION, raw_values: bool = False) -> dict[Path, int]:
    """Write the CSV files into folder; returns each file with its number of data rows.
    Text that a spreadsheet would run as a formula is neutralized unless raw_values."""
    data = redact_dataset(load_dataset(store), redactor)
    written: dict[Path, int] = {}
    for done, name in enumerate(FILES):
        if progress:
            progress(name, done, len(FILES))
        rows = BUILDERS[name](data)
        path = folder / f"{name}.csv"
        write_private(path, csv_bytes(rows, raw_values))
        written[path] = len(rows) - 1
    if progress:
        progress("done", len(FILES), len(FILES))
    return written

