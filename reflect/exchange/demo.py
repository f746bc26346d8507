"""The fictional demo set (data/demo.yaml): validated, then loaded in one transaction.

Ids are derived from the keys in the file (uuid5), so loading twice changes nothing.

The demo is fiction and stays apart from real work (issue 28): `reflect demo` loads it into
its own database (demo.db in the data dir, reflect.paths), never beside real stories. Its
stories' fixed ids are the mark a database carries: one that holds any of them is a demo
database (its screens say DEMO); a document with a demo story's words says DEMO on every
page; a book with real stories leaves the demo stories out; a bundle with demo stories is
refused by a database that holds real work.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlmodel import SQLModel

from reflect import i18n, paths
from reflect.errors import ReflectError
from reflect.i18n import N_, _
from reflect.models import (
    Answer,
    Evidence,
    Informant,
    MemberCheck,
    Principle,
    ProtocolSnapshot,
    Session,
    Story,
    Theme,
    utcnow,
)
from reflect.protocol.catalog import ProtocolCatalog
from reflect.roles import Role
from reflect.store import Store
from reflect.store.transfer_rows import RealWorkHere
from reflect.vocab import SessionStatus, StoryStatus

NAMESPACE = uuid.UUID("5d1c3f0e-9a57-4c1e-8d43-6f2b8e1a7c90")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DemoEvidence(_Strict):
    interview: int
    question: str
    excerpt: str


class DemoPrinciple(_Strict):
    key: str
    situation: str
    goal: str
    action: str
    rationale: str
    evidence: list[DemoEvidence] = []


class DemoInterview(_Strict):
    pseudonym: str
    role: Role
    protocol: str
    answers: dict[str, str]
    quotes: list[str] = []
    follow_up: list[str] = []


class DemoStory(_Strict):
    key: str
    title: str
    service: str
    status: StoryStatus
    ready_for_book: bool
    success_criteria: str
    summary: str
    interviews: Annotated[list[DemoInterview], Field(min_length=1)]
    principles: list[DemoPrinciple] = []


class DemoTheme(_Strict):
    name: str
    description: str = ""
    principles: list[str]
    """'story-key/principle-key' references."""


class DemoSet(_Strict):
    title: str
    language: str = "en"
    """The language of its words; its interviews are run with the protocols in it."""
    interviewer: str
    stories: list[DemoStory]
    themes: list[DemoTheme] = []


def _id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


IN_PERSON = N_("in person")
"""How the demo's informants checked their words: stored in the demo's own language."""


def demo_path(language: str | None = None) -> Path:
    """The demo set in `language` (the interface language by default) when one is shipped
    (demo.he.yaml), else the English one."""
    language = language or i18n.language()
    translated = paths.shipped_data_dir() / f"demo.{language}.yaml"
    return translated if translated.is_file() else paths.shipped_data_dir() / "demo.yaml"


def read_demo(path: Path | None = None) -> DemoSet:
    path = path or demo_path()
    try:
        return DemoSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ReflectError(_("{path}: the demo set cannot be read: {exc}").format(
                               path=path, exc=exc)) from None


@cache
def demo_story_ids() -> frozenset[uuid.UUID]:
    """The fixed ids of the stories of every shipped demo set (demo.yaml, demo.he.yaml...)."""
    ids = set()
    for path in sorted(paths.shipped_data_dir().glob("demo*.yaml")):
        try:
            stories = yaml.safe_load(path.read_text(encoding="utf-8")).get("stories") or []
            ids |= {_id(str(story["key"])) for story in stories}
        except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError):
            continue  # a broken set is refused when loaded (read_demo); it marks nothing
    return frozenset(ids)


def is_demo_database(store: Store) -> bool:
    """Whether the database holds the demo's invented stories (its screens say DEMO)."""
    return store.stories_among(demo_story_ids())[0] > 0


def demo_mark(story_ids: Iterable[uuid.UUID]) -> str:
    """What a document prints on every page when it holds a demo story's words, else ''."""
    return _("DEMO: invented stories") if set(story_ids) & demo_story_ids() else ""


def real_work_first(stories: list[Story]) -> list[Story]:
    """The stories a book may print together: the real ones when there are any (a demo story
    never appears beside real work), else the demo ones (a demo book, marked DEMO)."""
    real = [s for s in stories if s.id not in demo_story_ids()]
    return real or stories


def _beside_real_work() -> ReflectError:
    return ReflectError(_("This database holds real stories; the demo's invented stories "
                          "never go beside them. The demo has its own database: 'reflect "
                          "demo' opens {demo} (or give it an empty one: 'reflect --db FILE "
                          "demo'). Nothing was changed.").format(demo=paths.demo_db_path()))


def refuse_demo_stories(path: Path, stories: list[dict[str, Any]]) -> None:
    """A bundle's stories (validated rows) arriving in a database that holds real work: the
    whole bundle is refused if any is a demo story."""
    titles = [story["title"] for story in stories if story["id"] in demo_story_ids()]
    if titles:
        raise ReflectError(_("{path} carries the demo's invented stories ({titles}), and this "
                             "database holds real work: demo stories never go beside it. "
                             "Nothing was imported. To look at them, import it into the demo "
                             "database: reflect --db {demo} import {path}").format(
                                 path=path, titles=", ".join(titles[:3]) + (
                                     ", …" if len(titles) > 3 else ""),
                                 demo=paths.demo_db_path()))


def load_demo(store: Store, catalog: ProtocolCatalog, path: Path | None = None) -> dict[str, int]:
    """Load the demo set; returns counts. Does nothing if it is already loaded; refused in a
    database that holds real stories."""
    demo = read_demo(path)
    counts = dict.fromkeys(("stories", "interviews", "answers", "principles", "evidence",
                            "themes"), 0)
    rows, theme_of = _theme_rows(demo)
    start = utcnow() - timedelta(days=60)
    principle_ids: set[str] = set()
    for s_index, story_data in enumerate(demo.stories):
        story = Story(id=_id(story_data.key), title=story_data.title,
                      service=story_data.service, status=story_data.status,
                      success_criteria=story_data.success_criteria,
                      summary=story_data.summary, ready_for_book=story_data.ready_for_book)
        rows.append(story)
        counts["stories"] += 1
        answers_of: list[dict[str, Answer]] = []
        for i_index, item in enumerate(story_data.interviews):
            answers = _interview_rows(demo, catalog, story_data, i_index, item,
                                      start + timedelta(days=s_index * 7 + i_index), rows)
            answers_of.append(answers)
            counts["interviews"] += 1
            counts["answers"] += len(answers)
        for principle_data in story_data.principles:
            reference = f"{story_data.key}/{principle_data.key}"
            principle = Principle(
                id=_id(story_data.key, "principle", principle_data.key), story_id=story.id,
                situation=principle_data.situation, goal=principle_data.goal,
                action=principle_data.action, rationale=principle_data.rationale,
                theme_id=theme_of.get(reference))
            rows.append(principle)
            principle_ids.add(reference)
            counts["principles"] += 1
            for e_index, link in enumerate(principle_data.evidence):
                answer = answers_of[link.interview].get(link.question)
                position = answer.text.find(link.excerpt) if answer else -1
                if answer is None or position < 0:
                    raise ReflectError(_("demo principle '{key}': excerpt not found in answer"
                                         " '{question}'").format(
                                           key=principle_data.key, question=link.question))
                rows.append(Evidence(id=_id(story_data.key, principle_data.key, str(e_index)),
                                     principle_id=principle.id, answer_id=answer.id,
                                     excerpt=link.excerpt, start=position,
                                     end=position + len(link.excerpt)))
                counts["evidence"] += 1
    for theme_data in demo.themes:
        for reference in theme_data.principles:
            if reference not in principle_ids:
                raise ReflectError(_("demo theme '{name}': unknown principle "
                                     "'{reference}'").format(
                                       name=theme_data.name, reference=reference))
        counts["themes"] += 1
    try:
        loaded = store.add_demo(rows, _id(demo.stories[0].key), demo_story_ids())
    except RealWorkHere:
        raise _beside_real_work() from None
    return counts if loaded else dict.fromkeys(counts, 0)


def _theme_rows(demo: DemoSet) -> tuple[list[SQLModel], dict[str, uuid.UUID]]:
    """The themes (first: principles refer to them), and each principle's theme by its
    'story-key/principle-key' reference."""
    rows: list[SQLModel] = []
    theme_of: dict[str, uuid.UUID] = {}
    for theme_data in demo.themes:
        theme = Theme(id=_id("theme", theme_data.name), name=theme_data.name,
                      description=theme_data.description)
        rows.append(theme)
        for reference in theme_data.principles:
            theme_of[reference] = theme.id
    return rows, theme_of


def _interview_rows(demo: DemoSet, catalog: ProtocolCatalog, story_data: DemoStory,
                    i_index: int, item: DemoInterview, when: datetime,
                    rows: list[SQLModel]) -> dict[str, Answer]:
    """One interview's rows (its protocol's snapshot, the informant, the session, a member
    check for a story in the book, the answers) added to rows; returns its answers."""
    protocol = catalog.get(item.protocol, demo.language)
    if protocol is None:
        raise ReflectError(_("the demo needs the protocol '{protocol}'").format(
                               protocol=item.protocol))
    story_id = _id(story_data.key)
    if not any(isinstance(row, ProtocolSnapshot) and row.content_hash == protocol.content_hash
               for row in rows):
        rows.append(ProtocolSnapshot(content_hash=protocol.content_hash,
                                     protocol_id=protocol.id, version=protocol.version,
                                     content=protocol.canonical_json()))
    informant = Informant(id=_id(story_data.key, str(i_index)), story_id=story_id,
                          pseudonym=item.pseudonym, role=item.role.value)
    session = Session(
        id=_id(story_data.key, str(i_index), "session"), kind="interview",
        story_id=story_id, informant_id=informant.id, protocol_id=protocol.id,
        protocol_version=protocol.version, protocol_hash=protocol.content_hash,
        interviewer=demo.interviewer, consent_given=True, consent_method="written",
        consent_at=when, consent_recorded_by=demo.interviewer,
        consent_text_version=protocol.consent.version if protocol.consent else "",
        status=SessionStatus.COMPLETED, current_question_id=protocol.questions[-1].id,
        elapsed_seconds=3600, started_at=when, completed_at=when + timedelta(hours=1),
        created_at=when, updated_at=when + timedelta(hours=1))
    rows += [informant, session]
    if story_data.ready_for_book:  # a story in the book: its informants approved
        rows.append(MemberCheck(id=_id(story_data.key, str(i_index), "check"),
                                informant_id=informant.id, outcome="approved",
                                checked_on=(when + timedelta(days=14)).date(),
                                how=i18n.in_language(demo.language, IN_PERSON),
                                recorded_by=demo.interviewer))
    known = {q.id for q in protocol.questions}
    answers: dict[str, Answer] = {}
    for question_id, text in item.answers.items():
        if question_id not in known:
            raise ReflectError(_("demo story '{key}': no question '{question_id}' in "
                                 "{id}").format(
                                   key=story_data.key, question_id=question_id,
                                   id=protocol.id))
        answers[question_id] = Answer(
            id=_id(story_data.key, str(i_index), question_id), session_id=session.id,
            question_id=question_id, text=text.strip(),
            flag_quote=question_id in item.quotes,
            flag_follow_up=question_id in item.follow_up)
    rows += answers.values()
    return answers
