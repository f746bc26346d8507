"""Hebrew and Arabic word forms for search (prefixes taken off), SQLite only (issue 13).

Frozen (issue 30, point 4): the index's statement, the filling of it and the word forms
(reflect.wordforms as it was when this revision was written, commit 6f62975) are copied here,
not imported, so that no later change to the live code can change what this revision
builds. The forms of answers saved later are kept in step by the live code
(reflect.store.fulltext); a change to the forms that must reach older answers is a new
revision that fills the index again."""

import re
import unicodedata

from alembic import op
from sqlalchemy import Connection, text

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

FORMS_SETUP = [
    "CREATE VIRTUAL TABLE answer_forms USING fts5(forms, tokenize='unicode61')",
]

_HEBREW_WORD = re.compile("[\u05d0-\u05ea\u05b0-\u05c7\u05f0-\u05f4'\"״׳]{2,}")
_ARABIC_WORD = re.compile("[\u0620-\u065f\u0670-\u06d3]{2,}")
HEBREW_PREFIXES = "והבכלמש"
ARABIC_CONJUNCTIONS = ("و", "ف")
ARABIC_PREPOSITIONS = ("ب", "ك", "ل")
ARABIC_ARTICLE = "ال"
_TATWEEL = "\u0640"
_MIN_LETTERS = 2


def _bare(word: str) -> str:
    """The word without vowel points, cantillation, harakat or tatweel."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c) and c != _TATWEEL)


def _hebrew_forms(word: str) -> set[str]:
    word = _bare(word).strip("'\"״׳")
    found = {word}
    rest = word
    for _ in range(3):
        if len(rest) - 1 < _MIN_LETTERS or rest[0] not in HEBREW_PREFIXES:
            break
        rest = rest[1:]
        found.add(rest)
    return found


def _arabic_forms(word: str) -> set[str]:
    word = _bare(word)
    found = {word}
    stems = {word}
    for prefixes in (ARABIC_CONJUNCTIONS, ARABIC_PREPOSITIONS):
        stems |= {s[1:] for s in stems if s[:1] in prefixes and len(s) - 1 >= _MIN_LETTERS}
    # the article, and لل (to the: ل + ال with its alef dropped)
    stems |= {s[2:] for s in stems if s.startswith(ARABIC_ARTICLE) and len(s) - 2 >= _MIN_LETTERS}
    stems |= {s[2:] for s in stems if s.startswith("لل") and len(s) - 2 >= _MIN_LETTERS}
    return found | stems


def search_forms(body: str) -> str:
    """The extra words to index for a text: '' when it has no Hebrew or Arabic word."""
    forms: set[str] = set()
    for word in _HEBREW_WORD.findall(body):
        forms |= _hebrew_forms(word)
    for word in _ARABIC_WORD.findall(body):
        forms |= _arabic_forms(word)
    return " ".join(sorted(forms))


def fill_forms(conn: Connection) -> int:
    """Index the forms of every answer that has Hebrew or Arabic words; return how many."""
    filled = 0
    rows = conn.execute(text("SELECT rowid, text FROM answer WHERE text GLOB :rtl"),
                        {"rtl": "*[\u05d0-\u05ea\u0620-\u06d3]*"})
    for rowid, body in rows.all():
        forms = search_forms(body)
        if forms:
            conn.execute(text("INSERT INTO answer_forms(rowid, forms) VALUES (:r, :f)"),
                         {"r": rowid, "f": forms})
            filled += 1
    return filled


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FORMS_SETUP:
            op.execute(statement)
        fill_forms(op.get_bind())
