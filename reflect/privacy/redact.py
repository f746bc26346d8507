"""Redaction: names and places replaced in every exported text.

Terms come from the redaction list (global, or for one story) and, when the research team's
key file is open, from the real names it holds (each replaced by its pseudonym). A term
matches as a whole word or phrase, in any case: "Lotte" hides "Lotte", "LOTTE" and "Lotte's"
but not "Charlotte". Longer terms win ("Lotte Meyer" before "Lotte").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

REDACTED = "[redacted]"


@dataclass(frozen=True)
class Term:
    text: str
    replacement: str = REDACTED


class Redactor:
    """Callable: text in, text with every term replaced out."""

    def __init__(self, terms: Iterable[Term] = ()):
        self.replacements: dict[str, str] = {}
        for term in terms:
            if term.text.strip():
                self.replacements.setdefault(term.text.strip().casefold(),
                                             term.replacement or REDACTED)
        ordered = sorted(self.replacements, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
            + r")(?!\w)", re.IGNORECASE) if ordered else None

    def __bool__(self) -> bool:
        return self.pattern is not None

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(self._replacement, text)

    def _replacement(self, match: re.Match[str]) -> str:
        found = " ".join(match.group(0).split()).casefold()
        return self.replacements.get(found, REDACTED)

    def json_value(self, value: str | None) -> str | None:
        """A typed answer's JSON value with the text inside it redacted."""
        if value is None or self.pattern is None:
            return value
        decoded = json.loads(value)
        if isinstance(decoded, str):
            decoded = self(decoded)
        elif isinstance(decoded, list):
            decoded = [self(item) if isinstance(item, str) else item for item in decoded]
        return json.dumps(decoded, ensure_ascii=False)


NO_REDACTION = Redactor()

TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "stories": ("title", "service", "success_criteria", "summary", "tags"),
    "informants": ("pseudonym",),
    "sessions": ("interviewer", "case_label", "consent_recorded_by", "locked_by"),
    "answers": ("text",),
    "action_items": ("text", "review_note"),
    "themes": ("name", "description"),
    "principles": ("situation", "goal", "action", "rationale"),
    "evidence": ("excerpt",),
    "audit_events": ("actor",),
}
"""Every column of free text people type, by bundle table: what redaction goes through."""


def redact_row(table: str, row: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    """A bundle row (a dict) with its free text redacted."""
    if not redactor:
        return row
    row = dict(row)
    for column in TEXT_COLUMNS.get(table, ()):
        if isinstance(row.get(column), str):
            row[column] = redactor(row[column])
    if table == "answers":
        row["value"] = redactor.json_value(row.get("value"))
    return row
