"""Reading a story's interviews by topic, for the principles workshop and the story exports."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.i18n import N_, _
from reflect.models import Answer
from reflect.protocol.definition import Question, Stage
from reflect.store import InterviewRecord


@dataclass(frozen=True)
class Passage:
    """One answered question of one interview."""

    number: int
    question: Question
    answer: Answer


LFS_TOPICS = (N_("The success"), N_("Before"), N_("After"), N_("What was done"),
              N_("Why it worked"), N_("Lessons"))
"""The topics the shipped LFS protocols share in every language (a translation keeps its
source's topic names, so that a story's Hebrew and English interviews line up); they are
shown in the interface language. Other topics are shown as written."""


def stage_topic(stage: Stage) -> str:
    return stage.topic or stage.title


def topic_label(topic: str) -> str:
    """A topic as the reader sees it: a shipped one in the interface language."""
    return _(topic) if topic in LFS_TOPICS else topic


def topics_of(records: list[InterviewRecord]) -> list[str]:
    """Topic names in the order they first appear across the interviews."""
    topics: list[str] = []
    for record in records:
        for stage in record.protocol.stages:
            if stage_topic(stage) not in topics:
                topics.append(stage_topic(stage))
    return topics


def passages(record: InterviewRecord, topic: str | None = None,
             search: str = "") -> list[Passage]:
    """The interview's answers with text, for one topic (or all), holding every word of
    `search` (if any), in any order and case: `answered phone` finds "answered the phone"."""
    found = []
    words = search.casefold().split()
    for number, question in enumerate(record.protocol.questions, start=1):
        answer = record.answers.get(question.id)
        if answer is None or not answer.text.strip():
            continue
        if topic is not None and stage_topic(record.protocol.stage_of(question.id)) != topic:
            continue
        if words and not all(word in answer.text.casefold() for word in words):
            continue
        found.append(Passage(number, question, answer))
    return found
