"""Search alike on both databases (issues 31 and 32): the items of list answers are found,
and PostgreSQL searches through its own full-text machinery.

SQLite: a stemmed FTS5 index of the text and items of every answer whose typed value is a
list (answer_items), and the word forms of those answers taken from their items as well.
PostgreSQL: a text search configuration (accents folded by the unaccent extension where the
server has it, Snowball English stems without stop words), a stored tsvector of each answer's
text and list items with a GIN index, an index of answers newest first, the Hebrew and Arabic
word forms in a column beside it (search_forms) and an expression index over principles.

Frozen (issue 30, point 4): the statements, the list items and the word forms
(reflect.wordforms and reflect.store.fulltext as they were when this revision was written)
are copied here, not imported. Going down drops what this revision made; the unaccent
extension stays (it may have been there before, and other tools may use it)."""

import json
import re
import unicodedata

from alembic import op
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

ITEMS_SETUP = [
    "CREATE VIRTUAL TABLE answer_items USING fts5(text,"
    " tokenize='porter unicode61 remove_diacritics 2')",
]


def server_setup(unaccent: bool) -> list[str]:
    folding = "unaccent, " if unaccent else ""
    return [
        "CREATE TEXT SEARCH DICTIONARY reflect_stem (TEMPLATE = snowball, Language = english)",
        "CREATE TEXT SEARCH CONFIGURATION reflect_search (COPY = simple)",
        "ALTER TEXT SEARCH CONFIGURATION reflect_search ALTER MAPPING FOR asciiword,"
        " asciihword, hword_asciipart, word, hword, hword_part, numword, numhword,"
        f" hword_numpart WITH {folding}reflect_stem",
        "CREATE FUNCTION reflect_list_items(value text) RETURNS text LANGUAGE plpgsql"
        " IMMUTABLE STRICT AS $$ BEGIN"
        " IF json_typeof(value::json) <> 'array' THEN RETURN ''; END IF;"
        " RETURN coalesce((SELECT string_agg(item, E'\\n') FROM"
        " json_array_elements_text(value::json) AS item), '');"
        " EXCEPTION WHEN others THEN RETURN ''; END $$",
        "ALTER TABLE answer ADD COLUMN search tsvector GENERATED ALWAYS AS"
        " (to_tsvector('reflect_search'::regconfig, CASE WHEN value LIKE '[%'"
        " THEN \"text\" || E'\\n' || coalesce(reflect_list_items(value), '')"
        " ELSE \"text\" END)) STORED",
        "CREATE INDEX ix_answer_search ON answer USING gin (search)",
        "CREATE INDEX ix_answer_newest ON answer (updated_at DESC, id DESC)",
        "ALTER TABLE answer ADD COLUMN search_forms tsvector",
        "CREATE INDEX ix_answer_search_forms ON answer USING gin (search_forms)",
        "CREATE INDEX ix_principle_search ON principle USING gin"
        " (to_tsvector('reflect_search'::regconfig, coalesce(situation, '')"
        " || ' ' || coalesce(goal, '') || ' ' || coalesce(action, '') || ' ' ||"
        " coalesce(rationale, '')))",
    ]


SERVER_TEARDOWN = [
    "ALTER TABLE answer DROP COLUMN search_forms",
    "DROP INDEX ix_principle_search",
    "DROP INDEX ix_answer_newest",
    "ALTER TABLE answer DROP COLUMN search",
    "DROP FUNCTION reflect_list_items(text)",
    "DROP TEXT SEARCH CONFIGURATION reflect_search",
    "DROP TEXT SEARCH DICTIONARY reflect_stem",
]

_HEBREW_WORD = re.compile("[\u05d0-\u05ea\u05b0-\u05c7\u05f0-\u05f4'\"״׳]{2,}")
_ARABIC_WORD = re.compile("[\u0620-\u065f\u0670-\u06d3]{2,}")
_ANY_LETTER = re.compile("[\u05d0-\u05ea\u0620-\u065f\u0670-\u06d3]")
HEBREW_PREFIXES = "והבכלמש"
ARABIC_CONJUNCTIONS = ("و", "ف")
ARABIC_PREPOSITIONS = ("ب", "ك", "ل")
ARABIC_ARTICLE = "ال"
_TATWEEL = "\u0640"
_MIN_LETTERS = 2


def _bare(word: str) -> str:
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
    stems |= {s[2:] for s in stems if s.startswith(ARABIC_ARTICLE) and len(s) - 2 >= _MIN_LETTERS}
    stems |= {s[2:] for s in stems if s.startswith("لل") and len(s) - 2 >= _MIN_LETTERS}
    return found | stems


def form_list(body: str) -> list[str]:
    if not _ANY_LETTER.search(body):
        return []
    forms: set[str] = set()
    for word in _HEBREW_WORD.findall(body):
        forms |= _hebrew_forms(word)
    for word in _ARABIC_WORD.findall(body):
        forms |= _arabic_forms(word)
    return sorted(form for form in forms if _ANY_LETTER.search(form))


def list_items(value: str | None) -> str:
    if not value or not value.startswith("["):
        return ""
    try:
        items = json.loads(value)
    except ValueError:
        return ""
    if not isinstance(items, list):
        return ""
    return "\n".join(str(item) for item in items if item is not None)


def _fill_sqlite(conn: Connection) -> None:
    """The items of every list answer, and their forms beside the text's."""
    rows = conn.execute(text("SELECT rowid, text, value FROM answer WHERE value LIKE '[%'"))
    for rowid, body, value in rows.all():
        items = list_items(value)
        if not items:
            continue
        whole = f"{body or ''}\n{items}"
        conn.execute(text("INSERT INTO answer_items(rowid, text) VALUES (:r, :t)"),
                     {"r": rowid, "t": whole})
        forms = form_list(whole)
        if forms:
            conn.execute(text("DELETE FROM answer_forms WHERE rowid = :r"), {"r": rowid})
            conn.execute(text("INSERT INTO answer_forms(rowid, forms) VALUES (:r, :f)"),
                         {"r": rowid, "f": " ".join(forms)})


def _fill_server(conn: Connection) -> None:
    """The forms of every answer with Hebrew or Arabic words, in its text or its items."""
    rows = conn.execute(text("SELECT id, text, value FROM answer WHERE value LIKE '[%' "
                             "OR text ~ :rtl"), {"rtl": "[\u05d0-\u05ea\u0620-\u06d3]"})
    batch = []
    for answer_id, body, value in rows.all():
        items = list_items(value)
        forms = form_list(f"{body or ''}\n{items}" if items else body or "")
        if forms:
            batch.append({"id": answer_id, "f": forms})
    if batch:
        conn.execute(text("UPDATE answer SET search_forms = "
                          "array_to_tsvector(CAST(:f AS text[])) WHERE id = :id"), batch)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in ITEMS_SETUP:
            conn.execute(text(statement))
        _fill_sqlite(conn)
    elif conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            unaccent = True
        except DBAPIError:  # not on this server, or not ours to create
            unaccent = False
        for statement in server_setup(unaccent):
            conn.execute(text(statement))
        _fill_server(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.execute(text("DROP TABLE answer_items"))
        rows = conn.execute(text("SELECT rowid, text FROM answer WHERE value LIKE '[%'"))
        for rowid, body in rows.all():  # the forms of the text alone, as 0017 had them
            conn.execute(text("DELETE FROM answer_forms WHERE rowid = :r"), {"r": rowid})
            forms = form_list(body or "")
            if forms:
                conn.execute(text("INSERT INTO answer_forms(rowid, forms) VALUES (:r, :f)"),
                             {"r": rowid, "f": " ".join(forms)})
    elif conn.dialect.name == "postgresql":
        for statement in SERVER_TEARDOWN:
            conn.execute(text(statement))
