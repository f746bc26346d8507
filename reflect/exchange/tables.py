"""Tidy tables, one row per observation, one table per kind: as CSV files for code (R,
pandas, any CSV reader) and, through reflect.exchange.spreadsheet, as an .xlsx workbook for
spreadsheets.

The CSV files hold every cell exactly as stored: no character added, removed or changed, so
pandas and R read the text unchanged and every evidence range (start, end) points into the
answer's text as it is. UTF-8 without a byte-order mark (R's read.csv and Python's csv module
would take a mark into the first column's name), RFC 4180: comma-separated, CRLF between
records, a cell quoted (its quotes doubled) when it holds a comma, a quote or anything a
reader might take for the end of a line (CR, LF, U+2028, U+2029, U+0085, VT, FF, FS-RS), so
multi-line text stays in its cell. List answers put one item per line in their cell.

A cell that starts with = + - @ is left as it is: a CSV file is for code. For a spreadsheet
program, which would run such a cell as a formula, the .xlsx export writes every text cell as
a string, which is never a formula.
"""

from __future__ import annotations

import io
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from reflect.dates import iso_utc
from reflect.exchange.corpus import AnswerRow, Corpus, SessionData
from reflect.exchange.progress import Progress
from reflect.files import check_new, private_writer
from reflect.models import Session
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.roles import Role
from reflect.store import Store
from reflect.store.tables_read import sessions_per_informant

Cell = str | int | uuid.UUID
"""What a table's cell holds: text exactly as stored, a count or position, or an id."""
Row = list[Cell]

FILES = ("stories", "informants", "sessions", "answers", "principles", "evidence", "themes",
         "action_items")
"""The tables, in the order they are written (and the workbook's sheets)."""


def _value_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return value if isinstance(value, int | str) and not isinstance(value, bool) else str(value)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _recording(session: Session) -> str:
    """Whether an interviewee agreed to be recorded: yes, no, 'not asked' (an interview
    whose consent record has no answer), or empty (a reflection)."""
    if session.kind != "interview":
        return ""
    return "not asked" if session.recording_consent is None else _yes(session.recording_consent)


def _stories(corpus: Corpus) -> Iterator[Row]:
    yield ["story_id", "title", "service", "status", "ready_for_book", "success_criteria",
           "summary", "tags", "informants", "interviews"]
    # the corpus holds no informant who withdrew, nor their sessions: they count nowhere
    informants = Counter(i.story_id for i in corpus.informants.values())
    interviews = Counter(story_id for _session, kind, story_id in corpus.order
                         if kind == "interview")
    for story in sorted(corpus.stories.values(), key=lambda s: s.title.lower()):
        yield [story.id, story.title, story.service, story.status.value,
               _yes(story.ready_for_book), story.success_criteria, story.summary,
               story.tags, informants[story.id], interviews[story.id]]


def _informants(corpus: Corpus) -> Iterator[Row]:
    yield ["informant_id", "story_id", "story", "informant", "role", "sessions"]
    sessions = sessions_per_informant(corpus.store)  # only those shown are looked up
    for informant in sorted(corpus.informants.values(), key=lambda i: (
            _story_title(corpus, i.story_id).lower(), i.pseudonym.lower())):
        yield [informant.id, informant.story_id,
               _story_title(corpus, informant.story_id), informant.pseudonym,
               Role(informant.role).label, sessions[informant.id]]


def _story_title(corpus: Corpus, story_id: uuid.UUID | None) -> str:
    story = corpus.stories.get(story_id) if story_id else None
    return story.title if story else ""


def _states(data: SessionData) -> tuple[int, int, int]:
    """(answered, skipped, questions) of a session, counted as the interview screen counts
    them (reflect.method.session): a question is answered when its answer has content (or,
    for a reflection's action question, when actions were written), skipped when it was
    skipped with nothing in it."""
    answered = skipped = 0
    questions = data.questions()
    for _stage, _number, question in questions:
        answer: AnswerRow | None = data.answers.get(question.id)
        if (question.type == "actions" and data.actions) or (answer and answer.has_content):
            answered += 1
        elif answer and answer.skipped:
            skipped += 1
    return answered, skipped, len(questions)


def _sessions(corpus: Corpus) -> Iterator[Row]:
    yield ["session_id", "kind", "story_id", "story", "informant_id", "informant", "role",
           "case", "protocol", "protocol_version", "status", "started_at", "completed_at",
           "answered", "skipped", "questions", "recording_consent", "recording_consent_how"]
    for data in corpus.sessions():
        session, informant = data.session, data.informant
        answered, skipped, questions = _states(data)
        yield [session.id, session.kind, session.story_id or "", data.story_title,
               informant.id if informant else "",
               informant.pseudonym if informant else "", data.role_label,
               session.case_label, session.protocol_id, session.protocol_version,
               session.status.value, iso_utc(session.started_at),
               iso_utc(session.completed_at), answered, skipped, questions,
               _recording(session), session.recording_consent_method]


def _answers(corpus: Corpus) -> Iterator[Row]:
    yield ["answer_id", "session_id", "kind", "session_status", "recording_consent",
           "recording_consent_how", "story_id", "story",
           "informant_id", "informant", "role", "case", "protocol", "protocol_version",
           "stage", "stage_title", "question_number", "question_id", "question", "type",
           "text", "value", "skipped", "quote", "follow_up", "answered_at"]
    for data in corpus.sessions():
        session, protocol, informant = data.session, data.protocol, data.informant
        for stage, number, question in data.questions():
            answer = data.answers.get(question.id)
            if answer is None or not (answer.has_content or answer.skipped or answer.flag_quote
                                      or answer.flag_follow_up):
                continue  # not reached, or only opened (its time code is in the record)
            yield [
                answer.id, session.id, session.kind, session.status.value,
                _recording(session), session.recording_consent_method, session.story_id or "",
                data.story_title, informant.id if informant else "",
                informant.pseudonym if informant else "", data.role_label,
                session.case_label, protocol.id, protocol.version, stage.id, stage.title, number,
                question.id, question.prompt, question.type, answer.text,
                _value_cell(answer.decoded_value), _yes(answer.skipped),
                _yes(answer.flag_quote), _yes(answer.flag_follow_up),
                iso_utc(answer.updated_at)]


def _principles(corpus: Corpus) -> Iterator[Row]:
    yield ["principle_id", "story_id", "story", "theme_id", "theme", "situation", "goal",
           "action", "rationale", "sentence", "evidence_count"]
    for principle in corpus.principles:
        theme = corpus.themes.get(principle.theme_id) if principle.theme_id else None
        yield [principle.id, principle.story_id, corpus.stories[principle.story_id].title,
               theme.id if theme else "", theme.name if theme else "",
               principle.situation, principle.goal, principle.action, principle.rationale,
               principle.sentence(), len(corpus.evidence.get(principle.id, []))]


def _evidence(corpus: Corpus) -> Iterator[Row]:
    yield ["evidence_id", "principle_id", "principle", "story", "answer_id", "session_id",
           "informant", "role", "question_id", "question", "excerpt", "start", "end"]
    answers = corpus.answers_by_id({link.answer_id for links in corpus.evidence.values()
                                    for link in links})
    for principle in corpus.principles:
        for link in corpus.evidence.get(principle.id, []):
            answer, data = answers.get(link.answer_id, (None, None))
            informant = data.informant if data else None
            question = next((q for _, _, q in data.questions()
                             if q.id == answer.question_id), None) if data and answer else None
            yield [link.id, principle.id, principle.sentence(),
                   corpus.stories[principle.story_id].title, link.answer_id,
                   data.session.id if data else "",
                   informant.pseudonym if informant else "",
                   data.role_label if data else "",
                   answer.question_id if answer else "", question.prompt if question else "",
                   link.excerpt, link.start, link.end]


def _themes(corpus: Corpus) -> Iterator[Row]:
    yield ["theme_id", "theme", "description", "principles", "stories", "story_titles"]
    for theme in sorted(corpus.themes.values(), key=lambda t: t.name.lower()):
        members = [p for p in corpus.principles
                   if p.theme_id == theme.id and p.id not in corpus.held]
        titles = sorted({corpus.stories[p.story_id].title for p in members}, key=str.lower)
        yield [theme.id, theme.name, theme.description, len(members), len(titles),
               "\n".join(titles)]


def _action_items(corpus: Corpus) -> Iterator[Row]:
    yield ["action_id", "session_id", "case", "protocol", "text", "review_on", "status",
           "review_note", "reviewed_at"]
    for data in corpus.sessions(kinds=("reflection",)):
        session = data.session
        for item in data.actions:
            yield [item.id, session.id, session.case_label, session.protocol_id,
                   item.text, item.review_on.isoformat() if item.review_on else "",
                   item.status.value, item.review_note, iso_utc(item.reviewed_at)]


BUILDERS: dict[str, Callable[[Corpus], Iterator[Row]]] = {
    "stories": _stories, "informants": _informants, "sessions": _sessions,
    "answers": _answers, "principles": _principles, "evidence": _evidence, "themes": _themes,
    "action_items": _action_items}


def tables(store: Store, redactor: Redactor = NO_REDACTION,
           ) -> Iterator[tuple[str, Iterator[Row]]]:
    """Each table's name with its rows (the header first), read as they are written: the
    CSV files and the workbook write the same rows."""
    corpus = Corpus.read(store, redactor)
    for name in FILES:
        yield name, BUILDERS[name](corpus)


_QUOTED = re.compile("[,\"\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
"""What makes a cell quoted: the separator, the quote, and every character that some reader
takes for the end of a line (csv, pandas and R: CR and LF; str.splitlines: the others)."""


def csv_field(cell: Cell) -> str:
    """A cell as RFC 4180 writes it: the text itself, quoted with its quotes doubled when it
    holds a separator, a quote or a line break of any kind."""
    if not isinstance(cell, str):
        return str(cell)
    return '"' + cell.replace('"', '""') + '"' if _QUOTED.search(cell) else cell


def csv_bytes(rows: Iterable[Row]) -> bytes:
    """Rows as exact CSV (UTF-8, no byte-order mark, RFC 4180)."""
    buffer = io.BytesIO()
    write_csv(buffer, rows)
    return buffer.getvalue()


def write_csv(out: BinaryIO, rows: Iterable[Row]) -> int:
    """Write rows as exact CSV into a binary file as they come; returns the rows after the
    header."""
    count = -1
    for row in rows:
        out.write((",".join(csv_field(cell) for cell in row) + "\r\n").encode("utf-8"))
        count += 1
    return count


def export_csv(store: Store, folder: Path, progress: Progress | None = None,
               redactor: Redactor = NO_REDACTION) -> dict[Path, int]:
    """Write the CSV files into folder, a row at a time; returns each file with its number of
    data rows. Every cell holds the text exactly as stored (redacted when asked)."""
    check_new(folder / f"{name}.csv" for name in FILES)  # before reading, naming them all
    written: dict[Path, int] = {}
    for done, (name, rows) in enumerate(tables(store, redactor)):
        if progress:
            progress(name, done, len(FILES))
        path = folder / f"{name}.csv"
        with private_writer(path) as out:
            written[path] = write_csv(out, rows)
    if progress:
        progress("done", len(FILES), len(FILES))
    return written
