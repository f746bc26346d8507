"""A REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder.

The .qdpx is a zip holding project.qde (XML in the urn:QDA-XML:project:1.0 namespace, valid
against the published Project.xsd; tests/fixtures/refi-qda) and one plain-text source per
interview under sources/. Mapping:

- each interview -> a TextSource, its text the questions and answers in protocol order
  (line ends are newlines only, as stored: reflect.text.line_ends), with the informant's
  variables (pseudonym, role, story, service) on the source itself;
- each story and each informant -> a Case with variables, referring to its interviews;
- themes (common principles) -> codes, with their principles as child codes; principles
  without a theme at the top level; a "Marked as quote" code for passages flagged as quotes.
  Every code has its own name (QDA programs match codes by name): two principles with the
  same "do" part are told apart by their story, "Call the school first (Back to school)",
  and the whole sentence is each principle's description;
- each evidence excerpt -> a PlainTextSelection on the exact character range (Unicode code
  points, as the standard counts) coded with its principle;
- each interviewer note -> a Note (its text as PlainTextContent, its place as a
  PlainTextSelection: the answer it was taken at) that the source refers to by NoteRef.

Names, variables and headings are in the interface's language (reflect.i18n), the role as
its label ("social worker", "עובד/ת סוציאלי/ת"), never its stored value. Solo reflections are
private practice notes, not research material: they are left out.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from reflect import __version__
from reflect.exchange import qdpx_head
from reflect.exchange.corpus import AnswerRow, Corpus, SessionData
from reflect.exchange.progress import Progress
from reflect.exchange.qdpx_head import unique_names as unique_names
from reflect.exchange.qdpx_xml import NS as NS
from reflect.exchange.qdpx_xml import USER, guid, tag, text_tag, variable_value, when
from reflect.files import private_writer, size_of
from reflect.i18n import _
from reflect.models import Evidence, InterviewerNote, Principle, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.render import value_text
from reflect.store import Store
from reflect.text import xml_text
from reflect.timecodes import hms


@dataclass
class QdpxSummary:
    sources: int
    cases: int
    codes: int
    codings: int
    quotes: int
    """Of the codings, passages marked as quotes (the rest are evidence excerpts)."""
    unplaced: int
    """Evidence whose excerpt is no longer in the answer (the answer was edited since)."""
    size: int
    notes: int = 0
    """Interviewer notes, each placed at the answer it was taken at."""
    recordings: int = 0
    """Recordings written as audio sources (--with-audio)."""


@dataclass
class _Source:
    text: str
    starts: dict[uuid.UUID, int]
    """Answer id -> where its free text begins in the source."""
    places: dict[str, tuple[int, int]]
    """Question id -> the range an interviewer's note at it is placed on: the answer's text,
    else its value, else the question's own line."""


def _source_text(data: SessionData) -> _Source:
    """An interview as one text (questions and answers in protocol order, and the questions
    the interviewer noted something at), with where each answer's free text begins in it."""
    session, informant = data.session, data.informant
    head = [data.protocol.title, _("Story: {title}").format(title=data.story_title)]
    if informant:
        head.append(_("Informant: {name} ({role})").format(name=informant.pseudonym,
                                                          role=data.role_label))
    head.append(_("Started: {when} UTC").format(when=f"{session.started_at:%Y-%m-%d %H:%M}"))
    text = "\n".join(head) + "\n"
    starts: dict[uuid.UUID, int] = {}
    places: dict[str, tuple[int, int]] = {}
    noted = {note.question_id for note in data.notes}
    for _stage, number, question in data.questions():
        answer = data.answers.get(question.id)
        has_content = answer is not None and answer.has_content
        if not has_content and question.id not in noted:
            continue
        text += "\n"
        places[question.id] = (len(text), len(text) + len(f"{number}. {question.prompt}"))
        text += f"{number}. {question.prompt}\n"
        if answer is None or not has_content:
            continue
        if value := value_text(question, answer):
            places[question.id] = (len(text), len(text) + len(value))
            text += value + "\n"
        if answer.text:
            if question.note and value:
                text += f"{question.note}:\n"
            starts[answer.id] = len(text)
            places[question.id] = (len(text), len(text) + len(answer.text))
            text += answer.text + "\n"
    return _Source(text, starts, places)


def _place(link: Evidence, answer: AnswerRow, start_in_source: int) -> tuple[int, int] | None:
    """The excerpt's range in the source: its stored offsets if they still hold, else where
    it occurs now in the answer, else None."""
    start, end = link.start, link.end
    if answer.text[start:end] != link.excerpt:
        start = answer.text.find(link.excerpt)
        if start < 0 or not link.excerpt:
            return None
        end = start + len(link.excerpt)
    return start_in_source + start, start_in_source + end


@dataclass
class _Pass:
    """What writing the sources learns for the head of project.qde."""

    by_story: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=lambda: defaultdict(list))
    by_informant: dict[uuid.UUID | None, list[uuid.UUID]] = field(
        default_factory=lambda: defaultdict(list))
    coded_principles: set[uuid.UUID] = field(default_factory=set)
    sources: int = 0
    placed: int = 0
    quotes: int = 0
    unplaced: int = 0
    notes: int = 0
    names: set[str] = field(default_factory=set)
    """The sources' names so far, without case."""

    def source_name(self, name: str, when: str) -> str:
        """A name no source before has (QualCoder renames a source whose name is taken):
        a second interview of one informant gets its start time, then a number."""
        if name.casefold() in self.names:
            name = f"{name} ({when})"
        candidate, number = name, 2
        while candidate.casefold() in self.names:
            candidate, number = f"{name} ({number})", number + 1
        self.names.add(candidate.casefold())
        return candidate


def _source_variables(data: SessionData) -> str:
    """The informant's variables on their interview's source (QDA programs filter sources by
    them; QualCoder reads no case's link to a source)."""
    values = []
    if data.informant:
        values += [("Source informant", data.informant.pseudonym),
                   ("Source role", data.role_label)]
    values.append(("Source story", data.story_title))
    if data.story and data.story.service:
        values.append(("Source service", data.story.service))
    return "".join(variable_value(name, text) for name, text in values)


def _note(note: InterviewerNote, source: _Source, data: SessionData) -> str:
    """An interviewer's note: its text, and its place in the source (the answer at the
    question it was taken at; the source's first line if the protocol has no such
    question)."""
    start, end = source.places.get(note.question_id, (0, len(data.protocol.title)))
    numbers = {question.id: number for _stage, number, question in data.questions()}
    who = data.informant.pseudonym if data.informant else data.story_title
    name = f"{who}, {numbers[note.question_id]}" if note.question_id in numbers else who
    about = ", ".join(filter(None, (note.author, hms(note.code) if note.code is not None
                                    else "")))
    created = when(note.created_at)
    return tag("Note", {"guid": note.id, "name": name, "creatingUser": USER,
                        "creationDateTime": created, "modifyingUser": USER,
                        "modifiedDateTime": when(note.updated_at)},
               (text_tag("Description", about) if about else "") +
               text_tag("PlainTextContent", note.text) +
               tag("PlainTextSelection", {"guid": guid("note at", note.id),
                                          "startPosition": start, "endPosition": end,
                                          "creatingUser": USER, "creationDateTime": created}))


def _write_sources(corpus: Corpus, archive: zipfile.ZipFile, out: IO[bytes],
                   notes_out: IO[bytes], now: str, progress: Progress | None,
                   audio: dict[uuid.UUID, Any] | None = None) -> _Pass:
    """Each interview with content: its text file into the archive, its TextSource element
    (with the coded passages, references to its notes and its variables) into `out` and its
    notes into `notes_out`, one batch of sessions at a time."""
    found = _Pass()
    links_of: dict[uuid.UUID, list[tuple[Evidence, Principle]]] = defaultdict(list)
    for principle in corpus.principles:
        for link in corpus.evidence.get(principle.id, []):
            links_of[link.answer_id].append((link, principle))
    waiting = sum(1 for link_list in links_of.values() for _ in link_list)
    interviews = sum(1 for _id, kind, story in corpus.order if kind == "interview" and story)
    for done, data in enumerate(corpus.sessions(kinds=("interview",), notes=True)):
        if progress and done % 500 == 0:
            progress("sources", done, interviews)
        session = data.session
        if not session.story_id or not any(a.has_content for a in data.answers.values()):
            continue
        source = _source_text(data)
        starts = source.starts
        archive.writestr(f"sources/{session.id}.txt", xml_text(source.text).encode("utf-8"))
        found.sources += 1
        found.by_story[session.story_id].append(session.id)
        found.by_informant[session.informant_id].append(session.id)
        selections = []
        for answer in data.answers.values():
            for link, principle in links_of.get(answer.id, []):
                waiting -= 1
                where = _place(link, answer, starts[answer.id]) if answer.id in starts else None
                if where is None:
                    found.unplaced += 1
                    continue
                selections.append((*where, str(link.id), str(principle.id), link.excerpt))
                found.coded_principles.add(principle.id)
                found.placed += 1
            if answer.flag_quote and answer.id in starts:
                start = starts[answer.id]
                selections.append((start, start + len(answer.text), guid("quote", answer.id),
                                   guid("code", "quote"), answer.text))
                found.placed += 1
                found.quotes += 1
        name = found.source_name(
            f"{data.story_title}: {data.informant.pseudonym if data.informant else ''}",
            f"{session.started_at:%Y-%m-%d %H:%M}")
        if audio is not None and corpus.store.recordings(session.id):  # --with-audio
            from reflect.exchange.qdpx_audio import transcribed

            audio[session.id] = (session, transcribed(corpus.store, data, name, source.text,
                                                      starts))
        status = _(qdpx_head.SESSION_STATUS.get(session.status.value, session.status.value))
        body = text_tag("Description", f"{data.protocol.title}, {status}")
        for start, end, selected, code, excerpt in sorted(selections):
            coding = tag("Coding", {"guid": guid("coding", selected, code),
                                    "creatingUser": USER, "creationDateTime": now},
                         tag("CodeRef", {"targetGUID": code}))
            body += tag("PlainTextSelection", {
                "guid": selected, "name": excerpt[:60], "startPosition": start,
                "endPosition": end, "creatingUser": USER, "creationDateTime": now}, coding)
        for note in data.notes:
            notes_out.write(_note(note, source, data).encode("utf-8"))
            body += tag("NoteRef", {"targetGUID": note.id})
            found.notes += 1
        body += _source_variables(data)
        out.write(tag("TextSource", {
            "guid": session.id, "name": name, "plainTextPath": f"internal://{session.id}.txt",
            "creatingUser": USER, "creationDateTime": when(session.started_at)},
            body).encode("utf-8"))
    found.unplaced += waiting  # evidence on answers that are in no source
    return found


def export_qdpx(store: Store, path: Path, progress: Progress | None = None,
                redactor: Redactor = NO_REDACTION, with_audio: bool = False) -> QdpxSummary:
    """Write the project a session batch at a time: the source texts go into the zip as they
    are made, their XML to a temporary file, and project.qde is put together at the end.
    Deflate at its fastest level: at 100,000 interviews level 6 took a third of the time
    for a file about a tenth smaller. `with_audio`: each interview's recordings too, as
    audio sources (reflect.exchange.qdpx_audio)."""
    corpus = Corpus.read(store, redactor)
    audio: dict[uuid.UUID, Any] | None = {} if with_audio else None
    recordings = 0
    now = when(utcnow())
    with private_writer(path) as out, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED,
                            compresslevel=1) as archive, \
            tempfile.TemporaryFile() as sources_xml, tempfile.TemporaryFile() as notes_xml:
        found = _write_sources(corpus, archive, sources_xml, notes_xml, now, progress, audio)
        sounds = ""
        if audio:  # the sound files before project.qde: a zip writes one member at a time
            from reflect.exchange.qdpx_audio import write_audio_sources

            sounds, recordings = write_audio_sources(store, archive, audio)
        code_book, codes = qdpx_head.code_book(corpus, set(found.by_story),
                                               found.coded_principles, found.quotes)
        with archive.open("project.qde", "w", force_zip64=True) as project:
            project.write(("<?xml version='1.0' encoding='utf-8'?>\n" + tag("Project", {
                "xmlns": NS, "name": f"reflect export {now[:10]}",
                "origin": f"reflect {__version__}", "creatingUserGUID": USER,
                "creationDateTime": now}, close=False) + "<Users>" +
                tag("User", {"guid": USER, "name": "reflect export"}) + "</Users>" +
                code_book).encode("utf-8"))
            if found.sources:
                for part in qdpx_head.cases(corpus, found.by_story, found.by_informant):
                    project.write(part.encode("utf-8"))
                project.write(b"<Sources>")
                sources_xml.seek(0)
                shutil.copyfileobj(sources_xml, project)
                project.write(sounds.encode("utf-8"))
                project.write(b"</Sources>")
                if found.notes:
                    project.write(b"<Notes>")
                    notes_xml.seek(0)
                    shutil.copyfileobj(notes_xml, project)
                    project.write(b"</Notes>")
            project.write(b"</Project>")
    if progress:
        progress("done", found.sources, found.sources)
    return QdpxSummary(sources=found.sources,
                       cases=len(found.by_story) + len(found.by_informant), codes=codes,
                       codings=found.placed, quotes=found.quotes, unplaced=found.unplaced,
                       notes=found.notes, size=size_of(path), recordings=recordings)
