"""Answers as plain text, the same on screen (earlier answers) and in exports."""

from __future__ import annotations

from typing import Any, Protocol

from reflect import formats
from reflect.i18n import N_, _
from reflect.models import ActionItem, Answer
from reflect.protocol.definition import Question
from reflect.vocab import ActionStatus

ACTION_STATUS = {ActionStatus.OPEN: N_("open"), ActionStatus.DONE: N_("done"),
                 ActionStatus.PARTLY: N_("partly done"), ActionStatus.NOT_DONE: N_("not done"),
                 ActionStatus.DROPPED: N_("dropped")}
"""An action's status as the interface names it (translated where shown)."""


class HasValue(Protocol):
    """An answer's typed value, decoded: an Answer, or an answer row as the exports read it."""

    @property
    def decoded_value(self) -> Any: ...


def value_text(question: Question, answer: HasValue | None) -> str:
    """The typed part of an answer in words ('' when there is none)."""
    value = answer.decoded_value if answer else None
    if value is None or value == []:
        return ""
    if question.type == "scale":
        label = question.points.label(value)
        return _("{value} of {max}").format(value=value, max=question.points.max) + (
            f" ({label})" if label else "")
    if question.type == "choice":
        return str(value)
    return "\n".join(f"- {item}" for item in value)


def answer_text(question: Question, answer: Answer | None,
                actions: list[ActionItem] | None = None) -> str:
    """Everything given for a question: value, note or text, actions; '' if nothing."""
    if question.type == "actions":
        return "\n".join(
            f"- {a.text}" + (" " + _("(review {date})").format(date=formats.day(a.review_on))
                             if a.review_on else "")
            + (" [" + _(ACTION_STATUS[a.status]) + "]" if a.status != ActionStatus.OPEN else "")
            for a in actions or [])
    parts = [value_text(question, answer)]
    note = answer.text.strip() if answer else ""
    if note:
        parts.append(f"{question.note}: {note}" if question.note and parts[0] else note)
    return "\n".join(part for part in parts if part)
