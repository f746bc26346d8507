"""Typed text enters the database with newline line ends only: CR LF and a lone CR become LF
(reflect.text.line_ends), so an evidence offset counts the same in reflect, QDA programs, R
and any text reader. Two doors: every row the store's sessions write (`newline_line_ends`,
before each flush, reflect.store.base.StoreSession) and a bundle's rows, which an import
inserts without the ORM (`ImportLineEnds`, reflect.store.transfer). Revision 0018 converted
the text stored before."""

from __future__ import annotations

import re
import uuid
from bisect import bisect_left
from typing import Any

from sqlmodel import Session as DBSession
from sqlmodel import SQLModel

from reflect.models import (
    ActionItem,
    Answer,
    Evidence,
    Informant,
    InterviewerNote,
    MemberCheck,
    Principle,
    Story,
    Theme,
)
from reflect.text import line_ends

LINE_TEXT: dict[type[SQLModel], tuple[str, ...]] = {
    Story: ("title", "service", "success_criteria", "summary", "tags"),
    Informant: ("pseudonym",),
    MemberCheck: ("note",),
    Answer: ("text",),
    InterviewerNote: ("text",),
    ActionItem: ("text", "review_note"),
    Theme: ("name", "description"),
    Principle: ("situation", "goal", "action", "rationale"),
    Evidence: ("excerpt",),
}
"""The columns of text people type or paste (revision 0018 lists the same)."""

_CRLF = re.compile("\r\n")


def newline_line_ends(db: DBSession, _context: Any, _instances: Any) -> None:
    """Before a flush: every row added or changed has its typed text with newline line ends
    (the object in memory too, so the caller holds what was stored)."""
    for row in (*db.new, *db.dirty):
        for column in LINE_TEXT.get(type(row), ()):
            value = getattr(row, column)
            if isinstance(value, str) and "\r" in value:
                setattr(row, column, line_ends(value))


class ImportLineEnds:
    """One import's bundle rows (dicts) with newline line ends; the offsets of the evidence
    into an answer move with its text (each CR LF before them is one character now)."""

    def __init__(self) -> None:
        self.breaks: dict[uuid.UUID, list[int]] = {}
        """Bundle answer id -> where its text held CR LF. Answers come before evidence."""

    def rows(self, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
        if model is Evidence and self.breaks:
            for row in rows:
                if (breaks := self.breaks.get(row["answer_id"])) is not None:
                    row["start"] = row["start"] - bisect_left(breaks, row["start"])
                    row["end"] = row["end"] - bisect_left(breaks, row["end"])
        for column in LINE_TEXT.get(model, ()):
            for row in rows:
                value = row.get(column)
                if isinstance(value, str) and "\r" in value:
                    if model is Answer and "\r\n" in value:
                        self.breaks[row["id"]] = [m.start() for m in _CRLF.finditer(value)]
                    row[column] = line_ends(value)
