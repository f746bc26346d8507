"""Answers as plain text, the same on screen (earlier answers) and in exports."""

from __future__ import annotations

from reflect.models import ActionItem, Answer
from reflect.protocol.definition import Question


def value_text(question: Question, answer: Answer | None) -> str:
    """The typed part of an answer in words ('' when there is none)."""
    value = answer.decoded_value if answer else None
    if value is None or value == []:
        return ""
    if question.type == "scale":
        label = question.points.label(value)
        return f"{value} of {question.points.max}" + (f" ({label})" if label else "")
    if question.type == "choice":
        return str(value)
    return "\n".join(f"- {item}" for item in value)


def answer_text(question: Question, answer: Answer | None,
                actions: list[ActionItem] | None = None) -> str:
    """Everything given for a question: value, note or text, actions; '' if nothing."""
    if question.type == "actions":
        return "\n".join(
            f"- {a.text}" + (f" (review {a.review_on.isoformat()})" if a.review_on else "")
            + (f" [{a.status.value.replace('_', ' ')}]" if a.status.value != "open" else "")
            for a in actions or [])
    parts = [value_text(question, answer)]
    note = answer.text.strip() if answer else ""
    if note:
        parts.append(f"{question.note}: {note}" if question.note and parts[0] else note)
    return "\n".join(part for part in parts if part)
