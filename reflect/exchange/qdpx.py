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
its label ("social worker", "עובדת סוציאלית"), never its stored value. Solo reflections are
private practice notes, not research material: they are left out.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from reflect import __version__
from reflect.dates import iso_utc
from reflect.exchange.corpus import AnswerRow, Corpus, SessionData
from reflect.exchange.progress import Progress
from reflect.files import private_writer, size_of
from reflect.i18n import N_, _
from reflect.models import Evidence, InterviewerNote, Principle, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.render import value_text
from reflect.roles import Role
from reflect.store import Store
from reflect.text import xml_text
from reflect.timecodes import hms
from reflect.vocab import StoryStatus

NS = "urn:QDA-XML:project:1.0"
GUIDS = uuid.UUID("0b6f7a52-3c1d-4f7e-9a0b-5e2d8c4f1a36")
"""Namespace for the GUIDs of things that are not rows (variables, codings, the user)."""
VARIABLES = {"Service": N_("Service"), "Story status": N_("Story status"),
             "Ready for the book": N_("Ready for the book"), "Role": N_("Role"),
             "Story": N_("Story"),
             "Source informant": N_("Interview: informant"),
             "Source role": N_("Interview: role"), "Source story": N_("Interview: story"),
             "Source service": N_("Interview: service")}
"""Variables by key (their GUIDs are made from it) and name. The cases carry the first five,
the sources the last four: QualCoder keeps a variable for cases or for files, never both, so
the sources' variables have names of their own."""
STORY_STATUS = {StoryStatus.CANDIDATE: N_("candidate"), StoryStatus.SELECTED: N_("selected"),
                StoryStatus.INTERVIEWING: N_("interviewing"),
                StoryStatus.ANALYSED: N_("analysed"), StoryStatus.PUBLISHED: N_("published")}


def _guid(*parts: object) -> str:
    return str(uuid.uuid5(GUIDS, "/".join(str(p) for p in parts)))


USER = _guid("user", "reflect")
_ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


_PLAIN = re.compile(r"[\w .:/+-]*")
"""Attribute values with nothing to escape (ids, positions, times, most names)."""


def _attribute(value: object) -> str:
    text = str(value)
    return text if _PLAIN.fullmatch(text) else escape(xml_text(text), _ATTRIBUTE)


def _tag(tag: str, attrs: dict[str, object], body: str = "", close: bool = True) -> str:
    """An element as text; attribute values and text are stored text, escaped (and control
    characters dropped) so nothing typed can break the XML."""
    attributes = "".join(f' {name}="{_attribute(value)}"'
                         for name, value in attrs.items() if value is not None)
    if not close:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes}>{body}</{tag}>" if body else f"<{tag}{attributes}/>"


def _text_tag(tag: str, text: str) -> str:
    return f"<{tag}>{escape(xml_text(text))}</{tag}>"


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
        head.append(_("Informant: {who}").format(
            who=f"{informant.pseudonym} ({data.role_label})"))
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


def _code_name(principle: Principle) -> str:
    """A principle's 'do' part (else its sentence) on one line, at most 80 characters."""
    name = " ".join((principle.action or principle.sentence()).split()).rstrip(".")
    return name if len(name) <= 80 else name[:79].rstrip() + "…"


def unique_names(wanted: list[tuple[str, str, str]]) -> dict[str, str]:
    """(key, name, hint) of every code -> key -> a name no other code has (compared without
    case, as QDA programs may): a name that more than one code wants gets its hint in
    brackets ("Call the school first (Back to school)"), then a number if still taken."""
    counts = Counter(name.casefold() for _key, name, _hint in wanted)
    used: set[str] = set()
    names: dict[str, str] = {}
    for key, name, hint in wanted:
        if counts[name.casefold()] > 1 and hint:
            name = f"{name} ({' '.join(hint.split())})"
        candidate, number = name, 2
        while candidate.casefold() in used:
            candidate, number = f"{name} ({number})", number + 1
        used.add(candidate.casefold())
        names[key] = candidate
    return names


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


def _value(name: str, text: str, kind: str = "TextValue") -> str:
    return _tag("VariableValue", {}, _tag("VariableRef", {"targetGUID": _guid("variable", name)})
                + _text_tag(kind, text))


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
    return "".join(_value(name, text) for name, text in values)


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
    created = iso_utc(note.created_at)
    return _tag("Note", {"guid": note.id, "name": name, "creatingUser": USER,
                         "creationDateTime": created},
                (_text_tag("Description", about) if about else "") +
                _text_tag("PlainTextContent", note.text) +
                _tag("PlainTextSelection", {"guid": _guid("note at", note.id),
                                            "startPosition": start, "endPosition": end,
                                            "creatingUser": USER, "creationDateTime": created}))


def _write_sources(corpus: Corpus, archive: zipfile.ZipFile, out: IO[bytes],
                   notes_out: IO[bytes], now: str, progress: Progress | None) -> _Pass:
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
                selections.append((start, start + len(answer.text), _guid("quote", answer.id),
                                   _guid("code", "quote"), answer.text))
                found.placed += 1
                found.quotes += 1
        name = found.source_name(
            f"{data.story_title}: {data.informant.pseudonym if data.informant else ''}",
            f"{session.started_at:%Y-%m-%d %H:%M}")
        body = _text_tag("Description", f"{data.protocol.title}, "
                                        f"{session.status.value.replace('_', ' ')}")
        for start, end, guid, code, excerpt in sorted(selections):
            coding = _tag("Coding", {"guid": _guid("coding", guid, code), "creatingUser": USER,
                                     "creationDateTime": now},
                          _tag("CodeRef", {"targetGUID": code}))
            body += _tag("PlainTextSelection", {
                "guid": guid, "name": excerpt[:60], "startPosition": start,
                "endPosition": end, "creatingUser": USER, "creationDateTime": now}, coding)
        for note in data.notes:
            notes_out.write(_note(note, source, data).encode("utf-8"))
            body += _tag("NoteRef", {"targetGUID": note.id})
            found.notes += 1
        body += _source_variables(data)
        out.write(_tag("TextSource", {
            "guid": session.id, "name": name, "plainTextPath": f"internal://{session.id}.txt",
            "creatingUser": USER, "creationDateTime": iso_utc(session.started_at)},
            body).encode("utf-8"))
    found.unplaced += waiting  # evidence on answers that are in no source
    return found


def _code_book(corpus: Corpus, found: _Pass) -> tuple[str, int]:
    """The CodeBook: themes with their principles nested, principles without a theme, and
    'Marked as quote'; with how many codes it holds. Every code's name is its own
    (`unique_names`)."""
    stories = set(found.by_story)
    principles = [p for p in corpus.principles
                  if p.story_id in stories or p.id in found.coded_principles]
    if not principles and not found.quotes:
        return "", 0
    themes = []
    for theme in sorted(corpus.themes.values(), key=lambda t: t.name.lower()):
        members = [p for p in principles if p.theme_id == theme.id]
        if members:
            themes.append((theme, members))
    loose = [p for p in principles if p.theme_id is None or p.theme_id not in corpus.themes]
    quote = _guid("code", "quote")
    wanted = [(str(theme.id), " ".join(theme.name.split()), "") for theme, _m in themes]
    wanted += [(str(p.id), _code_name(p), corpus.stories[p.story_id].title
                if p.story_id in corpus.stories else "")
               for p in [*(p for _t, members in themes for p in members), *loose]]
    if found.quotes:
        wanted.append((quote, _("Marked as quote"), ""))
    names = unique_names(wanted)

    def code(principle: Principle) -> str:
        return _tag("Code", {"guid": principle.id, "name": names[str(principle.id)],
                             "isCodable": "true"},
                    _text_tag("Description", principle.sentence()))

    codes = []
    for theme, members in themes:
        description = _text_tag("Description", theme.description or _(
            "Common principle drawn from {count} principles").format(count=len(members)))
        codes.append(_tag("Code", {"guid": theme.id, "name": names[str(theme.id)],
                                   "isCodable": "true"},
                          description + "".join(code(p) for p in members)))
    codes += [code(p) for p in loose]
    if found.quotes:
        codes.append(_tag("Code", {"guid": quote, "name": names[quote], "isCodable": "true"},
                          _text_tag("Description",
                                    _("Passages the interviewer marked as quotes"))))
    return "<CodeBook><Codes>" + "".join(codes) + "</Codes></CodeBook>", len(wanted)


def _cases(corpus: Corpus, found: _Pass) -> Iterator[str]:
    """Variables, then a Case per story and per informant that has a source."""
    yield "<Variables>" + "".join(
        _tag("Variable", {"guid": _guid("variable", key), "name": _(name), "typeOfVariable":
                          "Boolean" if key == "Ready for the book" else "Text"})
        for key, name in VARIABLES.items()) + "</Variables><Cases>"

    def refs(sessions: list[uuid.UUID]) -> str:
        return "".join(_tag("SourceRef", {"targetGUID": s}) for s in sessions)

    for story in sorted((corpus.stories[i] for i in found.by_story),
                        key=lambda story: story.title.lower()):
        body = _text_tag("Description", story.summary) if story.summary else ""
        body += (_value("Service", story.service) +
                 _value("Story status", _(STORY_STATUS[story.status])) +
                 _value("Ready for the book", "true" if story.ready_for_book else "false",
                        "BooleanValue"))
        yield _tag("Case", {"guid": story.id, "name": story.title},
                   body + refs(found.by_story[story.id]))
    informants = [corpus.informants[i] for i in found.by_informant if i in corpus.informants]
    for informant in sorted(informants, key=lambda i: (corpus.stories[i.story_id].title,
                                                       i.pseudonym)):
        body = (_value("Role", Role(informant.role).label) +
                _value("Story", corpus.stories[informant.story_id].title))
        yield _tag("Case", {"guid": informant.id, "name": informant.pseudonym},
                   body + refs(found.by_informant[informant.id]))
    yield "</Cases>"


def export_qdpx(store: Store, path: Path, progress: Progress | None = None,
                redactor: Redactor = NO_REDACTION) -> QdpxSummary:
    """Write the project a session batch at a time: the source texts go into the zip as they
    are made, their XML to a temporary file, and project.qde is put together at the end.
    Deflate at its fastest level: at 100,000 interviews level 6 took a third of the time
    for a file about a tenth smaller."""
    corpus = Corpus.read(store, redactor)
    now = iso_utc(utcnow())
    with private_writer(path) as out, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED,
                            compresslevel=1) as archive, \
            tempfile.TemporaryFile() as sources_xml, tempfile.TemporaryFile() as notes_xml:
        found = _write_sources(corpus, archive, sources_xml, notes_xml, now, progress)
        code_book, codes = _code_book(corpus, found)
        with archive.open("project.qde", "w", force_zip64=True) as project:
            project.write(("<?xml version='1.0' encoding='utf-8'?>\n" + _tag("Project", {
                "xmlns": NS, "name": f"reflect export {now[:10]}",
                "origin": f"reflect {__version__}", "creatingUserGUID": USER,
                "creationDateTime": now}, close=False) + "<Users>" +
                _tag("User", {"guid": USER, "name": "reflect export"}) + "</Users>" +
                code_book).encode("utf-8"))
            if found.sources:
                for part in _cases(corpus, found):
                    project.write(part.encode("utf-8"))
                project.write(b"<Sources>")
                sources_xml.seek(0)
                shutil.copyfileobj(sources_xml, project)
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
                       notes=found.notes, size=size_of(path))
