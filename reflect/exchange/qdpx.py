"""A REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder.

The .qdpx is a zip holding project.qde (XML in the urn:QDA-XML:project:1.0 namespace, valid
against the published Project.xsd; tests/fixtures/refi-qda) and one plain-text source per
interview under sources/. Mapping:

- each interview -> a TextSource, its text the questions and answers in protocol order;
- each story and each informant -> a Case with variables, referring to its interviews;
- themes (common principles) -> codes, with their principles as child codes; principles
  without a theme at the top level; a "Marked as quote" code for passages flagged as quotes;
- each evidence excerpt -> a PlainTextSelection on the exact character range (Unicode code
  points, as the standard counts) coded with its principle.

Solo reflections are private practice notes, not research material: they are left out.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import uuid
import zipfile
from collections import defaultdict
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
from reflect.i18n import N_, _, ngettext
from reflect.models import Evidence, Principle, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.render import value_text
from reflect.store import Store
from reflect.text import xml_text

NS = "urn:QDA-XML:project:1.0"
GUIDS = uuid.UUID("0b6f7a52-3c1d-4f7e-9a0b-5e2d8c4f1a36")
"""Namespace for the GUIDs of things that are not rows (variables, codings, the user)."""
VARIABLES = {"Service": N_("Service"), "Story status": N_("Story status"),
             "Ready for the book": N_("Ready for the book"), "Role": N_("Role"),
             "Story": N_("Story")}
"""The cases' variables: their GUIDs from the English key (the same in every language), their
names in the interface's language."""


STATUSES = {"in_progress": N_("in progress"), "completed": N_("completed"),
            "abandoned": N_("abandoned"), "declined": N_("consent refused")}
"""A session's status as the sources' descriptions name it (the screens' words)."""


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


def _source_text(data: SessionData) -> tuple[str, dict[uuid.UUID, int]]:
    """An interview as one text (questions and answers in protocol order), with where each
    answer's free text begins in it."""
    session, informant = data.session, data.informant
    head = [data.protocol.title, _("Story: {title}").format(title=data.story_title)]
    if informant:
        head.append(_("Informant: {name} ({role})").format(name=informant.pseudonym,
                                                          role=data.role_label))
    head.append(_("Started: {when} UTC").format(when=f"{session.started_at:%Y-%m-%d %H:%M}"))
    text = "\n".join(head) + "\n"
    starts: dict[uuid.UUID, int] = {}
    for _stage, number, question in data.questions():
        answer = data.answers.get(question.id)
        if answer is None or not answer.has_content:
            continue
        text += f"\n{number}. {question.prompt}\n"
        if value := value_text(question, answer):
            text += value + "\n"
        if answer.text:
            if question.note and value:
                text += f"{question.note}:\n"
            starts[answer.id] = len(text)
            text += answer.text + "\n"
    return text, starts


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
    name = (principle.action or principle.sentence()).strip().rstrip(".")
    return name if len(name) <= 80 else name[:79].rstrip() + "…"


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


def _write_sources(corpus: Corpus, archive: zipfile.ZipFile, out: IO[bytes], now: str,
                   progress: Progress | None) -> _Pass:
    """Each interview with content: its text file into the archive, its TextSource element
    (with the coded passages) into `out`, one batch of sessions at a time."""
    found = _Pass()
    links_of: dict[uuid.UUID, list[tuple[Evidence, Principle]]] = defaultdict(list)
    for principle in corpus.principles:
        for link in corpus.evidence.get(principle.id, []):
            links_of[link.answer_id].append((link, principle))
    waiting = sum(1 for link_list in links_of.values() for _ in link_list)
    interviews = sum(1 for _id, kind, story in corpus.order if kind == "interview" and story)
    for done, data in enumerate(corpus.sessions(kinds=("interview",))):
        if progress and done % 500 == 0:
            progress("sources", done, interviews)
        session = data.session
        if not session.story_id or not any(a.has_content for a in data.answers.values()):
            continue
        text, starts = _source_text(data)
        archive.writestr(f"sources/{session.id}.txt", xml_text(text).encode("utf-8"))
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
        name = f"{data.story_title}: {data.informant.pseudonym if data.informant else ''}"
        status = _(STATUSES.get(session.status.value, session.status.value))
        body = _text_tag("Description", f"{data.protocol.title}, {status}")
        for start, end, guid, code, excerpt in sorted(selections):
            coding = _tag("Coding", {"guid": _guid("coding", guid, code), "creatingUser": USER,
                                     "creationDateTime": now},
                          _tag("CodeRef", {"targetGUID": code}))
            body += _tag("PlainTextSelection", {
                "guid": guid, "name": excerpt[:60], "startPosition": start,
                "endPosition": end, "creatingUser": USER, "creationDateTime": now}, coding)
        out.write(_tag("TextSource", {
            "guid": session.id, "name": name, "plainTextPath": f"internal://{session.id}.txt",
            "creatingUser": USER, "creationDateTime": iso_utc(session.started_at)},
            body).encode("utf-8"))
    found.unplaced += waiting  # evidence on answers that are in no source
    return found


def _code_book(corpus: Corpus, found: _Pass) -> tuple[str, int]:
    """The CodeBook: themes with their principles nested, principles without a theme, and
    'Marked as quote'; with how many codes it holds."""
    stories = set(found.by_story)
    principles = [p for p in corpus.principles
                  if p.story_id in stories or p.id in found.coded_principles]
    if not principles and not found.quotes:
        return "", 0
    codes, count = [], 0

    def code(principle: Principle) -> str:
        return _tag("Code", {"guid": principle.id, "name": _code_name(principle),
                             "isCodable": "true"},
                    _text_tag("Description", principle.sentence()))

    for theme in sorted(corpus.themes.values(), key=lambda t: t.name.lower()):
        members = [p for p in principles if p.theme_id == theme.id]
        if members:
            description = _text_tag("Description", theme.description or ngettext(
                "Common principle drawn from {count} principle",
                "Common principle drawn from {count} principles", len(members)).format(
                    count=len(members)))
            codes.append(_tag("Code", {"guid": theme.id, "name": theme.name,
                                       "isCodable": "true"},
                              description + "".join(code(p) for p in members)))
            count += 1 + len(members)
    for principle in principles:
        if principle.theme_id is None or principle.theme_id not in corpus.themes:
            codes.append(code(principle))
            count += 1
    if found.quotes:
        codes.append(_tag("Code", {"guid": _guid("code", "quote"),
                                   "name": _("Marked as quote"), "isCodable": "true"},
                          _text_tag("Description",
                                    _("Passages the interviewer marked as quotes"))))
        count += 1
    return "<CodeBook><Codes>" + "".join(codes) + "</Codes></CodeBook>", count


def _cases(corpus: Corpus, found: _Pass) -> Iterator[str]:
    """Variables, then a Case per story and per informant that has a source."""
    variables = {name: _guid("variable", name) for name in VARIABLES}
    yield "<Variables>" + "".join(
        _tag("Variable", {"guid": guid, "name": _(VARIABLES[name]), "typeOfVariable":
                          "Boolean" if name == "Ready for the book" else "Text"})
        for name, guid in variables.items()) + "</Variables><Cases>"

    def value(name: str, kind: str, text: str) -> str:
        return _tag("VariableValue", {}, _tag("VariableRef", {"targetGUID": variables[name]}) +
                    _text_tag(kind, text))

    def refs(sessions: list[uuid.UUID]) -> str:
        return "".join(_tag("SourceRef", {"targetGUID": s}) for s in sessions)

    for story in sorted((corpus.stories[i] for i in found.by_story),
                        key=lambda story: story.title.lower()):
        body = _text_tag("Description", story.summary) if story.summary else ""
        body += (value("Service", "TextValue", story.service) +
                 value("Story status", "TextValue", story.status.value) +
                 value("Ready for the book", "BooleanValue",
                       "true" if story.ready_for_book else "false"))
        yield _tag("Case", {"guid": story.id, "name": story.title},
                   body + refs(found.by_story[story.id]))
    informants = [corpus.informants[i] for i in found.by_informant if i in corpus.informants]
    for informant in sorted(informants, key=lambda i: (corpus.stories[i.story_id].title,
                                                       i.pseudonym)):
        body = (value("Role", "TextValue", informant.role) +
                value("Story", "TextValue", corpus.stories[informant.story_id].title))
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
            tempfile.TemporaryFile() as sources_xml:
        found = _write_sources(corpus, archive, sources_xml, now, progress)
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
            project.write(b"</Project>")
    if progress:
        progress("done", found.sources, found.sources)
    return QdpxSummary(sources=found.sources,
                       cases=len(found.by_story) + len(found.by_informant), codes=codes,
                       codings=found.placed, quotes=found.quotes, unplaced=found.unplaced,
                       size=size_of(path))
