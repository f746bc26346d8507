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

import io
import uuid
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from reflect import __version__
from reflect.dates import iso_utc
from reflect.exchange.dataset import Dataset, load_dataset, redact_dataset
from reflect.exchange.progress import Progress
from reflect.files import write_private
from reflect.models import Answer, Evidence, Principle, Session, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.protocol.render import value_text
from reflect.store import Store
from reflect.text import xml_text

NS = "urn:QDA-XML:project:1.0"
GUIDS = uuid.UUID("0b6f7a52-3c1d-4f7e-9a0b-5e2d8c4f1a36")
"""Namespace for the GUIDs of things that are not rows (variables, codings, the user)."""



def _guid(*parts: object) -> str:
    return str(uuid.uuid5(GUIDS, "/".join(str(p) for p in parts)))


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NS}}}{tag}",
                            {k: xml_text(str(v)) for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = xml_text(text)
    return element


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


@dataclass
class _Source:
    session: Session
    text: str
    answer_starts: dict[uuid.UUID, int]
    """Answer id -> where its free text begins in the source text."""


def _source_text(data: Dataset, session: Session) -> _Source:
    protocol = data.protocols[session.id]
    informant = data.informant_of(session)
    head = [protocol.title, f"Story: {data.story_title(session)}"]
    if informant:
        head.append(f"Informant: {informant.pseudonym} ({data.role_label(session)})")
    head.append(f"Started: {session.started_at:%Y-%m-%d %H:%M} UTC")
    text = "\n".join(head) + "\n"
    starts: dict[uuid.UUID, int] = {}
    answers = data.answers.get(session.id, {})
    for _stage, number, question in data.questions(session):
        answer = answers.get(question.id)
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
    return _Source(session, text, starts)


def _place(link: Evidence, answer: Answer, start_in_source: int) -> tuple[int, int] | None:
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


def project_xml(data: Dataset, sources: list[_Source],
                now: str) -> tuple[bytes, int, int, int, int]:
    """project.qde, with the numbers of codes, of codings placed, of them quotes, and of
    evidence not placed."""
    ET.register_namespace("", NS)
    user = _guid("user", "reflect")
    root = ET.Element(f"{{{NS}}}Project", {"name": f"reflect export {now[:10]}",
                                           "origin": f"reflect {__version__}",
                                           "creatingUserGUID": user, "creationDateTime": now})
    _el(_el(root, "Users"), "User", guid=user, name="reflect export")

    interview_story_ids = {s.session.story_id for s in sources}
    principles = [p for p in data.principles if p.story_id in interview_story_ids]
    quotes = [(s, a) for s in sources for a in data.answers.get(s.session.id, {}).values()
              if a.flag_quote and a.id in s.answer_starts]
    if principles or quotes:
        codes = _el(_el(root, "CodeBook"), "Codes")
        for theme in sorted(data.themes.values(), key=lambda t: t.name.lower()):
            members = [p for p in principles if p.theme_id == theme.id]
            if not members:
                continue
            theme_code = _el(codes, "Code", guid=theme.id, name=theme.name, isCodable="true")
            _el(theme_code, "Description",
                theme.description or f"Common principle drawn from {len(members)} principles")
            for principle in members:
                code = _el(theme_code, "Code", guid=principle.id, name=_code_name(principle),
                           isCodable="true")
                _el(code, "Description", principle.sentence())
        for principle in principles:
            if principle.theme_id is None or principle.theme_id not in data.themes:
                code = _el(codes, "Code", guid=principle.id, name=_code_name(principle),
                           isCodable="true")
                _el(code, "Description", principle.sentence())
        if quotes:
            _el(_el(codes, "Code", guid=_guid("code", "quote"), name="Marked as quote",
                    isCodable="true"), "Description", "Passages the interviewer marked as quotes")

    variables = {name: _guid("variable", name) for name in
                 ("Service", "Story status", "Ready for the book", "Role", "Story")}
    if sources:
        holder = _el(root, "Variables")
        for name, guid in variables.items():
            kind = "Boolean" if name == "Ready for the book" else "Text"
            _el(holder, "Variable", guid=guid, name=name, typeOfVariable=kind)
        cases = _el(root, "Cases")
        by_story: dict[uuid.UUID, list[_Source]] = defaultdict(list)
        by_informant: dict[uuid.UUID, list[_Source]] = defaultdict(list)
        for source in sources:
            by_story[source.session.story_id].append(source)
            by_informant[source.session.informant_id].append(source)
        for story_id in sorted(interview_story_ids, key=lambda i: data.stories[i].title.lower()):
            story = data.stories[story_id]
            case = _el(cases, "Case", guid=story.id, name=story.title)
            if story.summary:
                _el(case, "Description", story.summary)
            _value(case, variables["Service"], "TextValue", story.service)
            _value(case, variables["Story status"], "TextValue", story.status.value)
            _value(case, variables["Ready for the book"], "BooleanValue",
                   "true" if story.ready_for_book else "false")
            for source in by_story[story.id]:
                _el(case, "SourceRef", targetGUID=source.session.id)
        informant_ids = {s.session.informant_id for s in sources} & data.informants.keys()
        for informant in sorted((data.informants[i] for i in informant_ids),
                                key=lambda i: (data.stories[i.story_id].title, i.pseudonym)):
            case = _el(cases, "Case", guid=informant.id, name=informant.pseudonym)
            _value(case, variables["Role"], "TextValue", informant.role)
            _value(case, variables["Story"], "TextValue", data.stories[informant.story_id].title)
            for source in by_informant[informant.id]:
                _el(case, "SourceRef", targetGUID=source.session.id)

    placed = unplaced = 0
    answers = data.answer_by_id()
    selections: dict[uuid.UUID, list[tuple[int, int, str, str, str]]] = {}
    by_session = {s.session.id: s for s in sources}
    for principle in principles:
        for link in data.evidence.get(principle.id, []):
            answer = answers.get(link.answer_id)
            source = by_session.get(answer.session_id) if answer else None
            where = (_place(link, answer, source.answer_starts[answer.id])
                     if source and answer.id in source.answer_starts else None)
            if where is None:
                unplaced += 1
                continue
            selections.setdefault(source.session.id, []).append(
                (*where, str(link.id), str(principle.id), link.excerpt))
            placed += 1
    for source, answer in quotes:
        start = source.answer_starts[answer.id]
        selections.setdefault(source.session.id, []).append(
            (start, start + len(answer.text), _guid("quote", answer.id), _guid("code", "quote"),
             answer.text))
        placed += 1

    if sources:
        holder = _el(root, "Sources")
        for source in sources:
            session = source.session
            informant = data.informant_of(session)
            name = f"{data.story_title(session)}: {informant.pseudonym if informant else ''}"
            element = _el(holder, "TextSource", guid=session.id, name=name,
                          plainTextPath=f"internal://{session.id}.txt", creatingUser=user,
                          creationDateTime=iso_utc(session.started_at))
            _el(element, "Description", f"{data.protocols[session.id].title}, "
                                        f"{session.status.value.replace('_', ' ')}")
            for start, end, guid, code, excerpt in sorted(selections.get(session.id, [])):
                selection = _el(element, "PlainTextSelection", guid=guid,
                                name=excerpt[:60], startPosition=start, endPosition=end,
                                creatingUser=user, creationDateTime=now)
                coding = _el(selection, "Coding", guid=_guid("coding", guid, code),
                             creatingUser=user, creationDateTime=now)
                _el(coding, "CodeRef", targetGUID=code)
    codes = sum(1 for _ in root.iter(f"{{{NS}}}Code"))
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml, codes, placed, len(quotes), unplaced


def _value(case: ET.Element, variable: str, kind: str, value: str) -> None:
    holder = _el(case, "VariableValue")
    _el(holder, "VariableRef", targetGUID=variable)
    _el(holder, kind, value)


def qdpx_bytes(data: Dataset, progress: Progress | None = None) -> tuple[bytes, QdpxSummary]:
    interviews = [s for s in data.sessions if s.kind == "interview" and s.story_id
                  and any(a.has_content for a in data.answers.get(s.id, {}).values())]
    sources = []
    for done, session in enumerate(interviews):
        if progress and done % 50 == 0:
            progress("sources", done, len(interviews))
        sources.append(_source_text(data, session))
    now = iso_utc(utcnow())
    xml, codes, placed, quotes, unplaced = project_xml(data, sources, now)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for source in sources:
            archive.writestr(f"sources/{source.session.id}.txt",
                              xml_text(source.text).encode("utf-8"))
    if progress:
        progress("done", len(interviews), len(interviews))
    stories = {s.session.story_id for s in sources}
    informants = {s.session.informant_id for s in sources}
    summary = QdpxSummary(sources=len(sources), cases=len(stories) + len(informants),
                          codes=codes, codings=placed, quotes=quotes, unplaced=unplaced,
                          size=len(buffer.getvalue()))
    return buffer.getvalue(), summary


def export_qdpx(store: Store, path, progress: Progress | None = None,
                redactor: Redactor = NO_REDACTION) -> QdpxSummary:
    content, summary = qdpx_bytes(redact_dataset(load_dataset(store), redactor), progress)
    write_private(path, content)
    return summary
