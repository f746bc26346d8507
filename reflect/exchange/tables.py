"""Tidy CSV files for spreadsheets, R and pandas: one row per observation, one file per kind.

UTF-8 with a byte-order mark (so spreadsheet programs pick the encoding), a header row, and
multi-line text quoted in its cell. List answers put one item per line in their cell.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from reflect.dates import iso_utc
from reflect.exchange.corpus import Corpus
from reflect.exchange.progress import Progress
from reflect.files import check_new, private_writer
from reflect.models import Session
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.store import Store

Row = list[object]
"""A CSV row: its cells, written as text (numbers as they are)."""

FILES = ("stories", "answers", "principles", "evidence", "themes", "action_items")


def _value_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return value


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
    informants = Counter(i.story_id for i in corpus.informants.values())
    interviews = Counter(story_id for _session, _kind, story_id in corpus.order)
    for story in sorted(corpus.stories.values(), key=lambda s: s.title.lower()):
        yield [story.id, story.title, story.service, story.status.value,
               _yes(story.ready_for_book), story.success_criteria, story.summary,
               story.tags, informants[story.id], interviews[story.id]]


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


BUILDERS = {"stories": _stories, "answers": _answers, "principles": _principles,
            "evidence": _evidence, "themes": _themes, "action_items": _action_items}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's CSV injection list)."""


def neutralized(cell: str) -> str:
    """A text cell a spreadsheet shows as text: one that could start a formula gets a leading
    apostrophe, which spreadsheets hide and treat as 'this is text'."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_bytes(rows: Iterable[Row], raw_values: bool = False) -> bytes:
    """UTF-8 CSV with a BOM; text cells neutralized against formulas unless raw_values."""
    buffer = io.BytesIO()
    write_csv(buffer, rows, raw_values)
    return buffer.getvalue()


def write_csv(out: IO[bytes], rows: Iterable[Row], raw_values: bool = False) -> int:
    """Write rows as CSV into a binary file as they come; returns the rows after the header."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer, count = csv.writer(text), -1
    for row in rows:
        writer.writerow([_cell(cell, raw_values) for cell in row])
        count += 1
    text.detach()  # the caller closes the file
    return count


def _cell(cell: object, raw_values: bool) -> object:
    if isinstance(cell, int | float):
        return cell
    text = cell if isinstance(cell, str) else str(cell)
    return text if raw_values else neutralized(text)


def export_csv(store: Store, folder: Path, progress: Progress | None = None,
               redactor: Redactor = NO_REDACTION, raw_values: bool = False) -> dict[Path, int]:
    """Write the CSV files into folder, a row at a time; returns each file with its number of
    data rows. Text that a spreadsheet would run as a formula is neutralized unless
    raw_values."""
    check_new(folder / f"{name}.csv" for name in FILES)  # before reading, naming them all
    corpus = Corpus.read(store, redactor)
    written: dict[Path, int] = {}
    for done, name in enumerate(FILES):
        if progress:
            progress(name, done, len(FILES))
        path = folder / f"{name}.csv"
        with private_writer(path) as out:
            written[path] = write_csv(out, BUILDERS[name](corpus), raw_values)
    if progress:
        progress("done", len(FILES), len(FILES))
    return written
