"""Reading a story's interviews by topic, for the principles workshop and the story exports."""

from __future__ import annotations

from dataclasses import dataclass

from reflect.models import Answer
from reflect.protocol.definition import Question, Stage
from reflect.store import InterviewRecord


@dataclass(frozen=True)
class Passage:
    """One answered question of one interview."""

    number: int
    question: Question
    answer: Answer


def stage_topic(stage: Stage) -> str:
    return stage.topic or stage.title


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
    """The interview's answers with text, for one topic (or all), containing search (if any)."""
    found = []
    needle = search.strip().lower()
    for number, question in enumerate(record.protocol.questions, start=1):
        answer = record.answers.get(question.id)
        if answer is None or not answer.text.strip():
            continue
        if topic is not None and stage_topic(record.protocol.stage_of(question.id)) != topic:
            continue
        if needle and needle not in answer.text.lower():
            continue
        found.append(Passage(number, question, answer))
    return found
