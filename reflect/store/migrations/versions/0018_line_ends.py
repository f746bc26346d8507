"""Typed text with newline line ends only (issue 33, point 1): CR LF and a lone CR stored
before become LF, as every write now stores them (reflect.store.base.StoreSession), and the
offsets of evidence into an answer move with its text (each CR LF before an offset is one
character now), so an excerpt is still exactly `text[start:end]`. The columns are written out
here (frozen, not read from reflect.store.line_ends.LINE_TEXT). Going down changes nothing back: the
text is the same text with other line ends, and the dropped CRs were never kept."""

import re
import uuid
from bisect import bisect_left

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

COLUMNS = {
    "story": ("title", "service", "success_criteria", "summary", "tags"),
    "informant": ("pseudonym",),
    "membercheck": ("note",),
    "interviewernote": ("text",),
    "actionitem": ("text", "review_note"),
    "theme": ("name", "description"),
    "principle": ("situation", "goal", "action", "rationale"),
    "evidence": ("excerpt",),
}
"""Typed text besides the answers (which go first, with their evidence)."""

PAGE = 500
_CRLF = re.compile("\r\n")


def _line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, sa.column("id", sa.Uuid()),
                    *(sa.column(column, sa.Text()) for column in columns))


def _answers(bind: sa.Connection) -> None:
    """Answers with a CR, a page at a time in order of id, each with its evidence's offsets
    shifted by the CR LFs before them."""
    answer = _table("answer", "text")
    evidence = sa.table("evidence", sa.column("id", sa.Uuid()),
                        sa.column("answer_id", sa.Uuid()), sa.column("excerpt", sa.Text()),
                        sa.column("start", sa.Integer()), sa.column("end", sa.Integer()))
    after: uuid.UUID | None = None
    while True:
        query = sa.select(answer.c.id, answer.c.text).where(
            answer.c.text.contains("\r", autoescape=True))
        if after is not None:
            query = query.where(answer.c.id > after)
        page = bind.execute(query.order_by(answer.c.id).limit(PAGE)).all()
        if not page:
            return
        after = page[-1][0]
        breaks: dict[uuid.UUID, list[int]] = {
            answer_id: [m.start() for m in _CRLF.finditer(text)] for answer_id, text in page}
        links = bind.execute(sa.select(evidence.c.id, evidence.c.answer_id, evidence.c.excerpt,
                                       evidence.c.start, evidence.c.end)
                             .where(evidence.c.answer_id.in_(list(breaks)))).all()
        for link_id, answer_id, excerpt, start, end in links:
            moved = breaks[answer_id]
            bind.execute(evidence.update().where(evidence.c.id == link_id).values(
                excerpt=_line_ends(excerpt), start=start - bisect_left(moved, start),
                end=end - bisect_left(moved, end)))
        for answer_id, text in page:
            bind.execute(answer.update().where(answer.c.id == answer_id)
                         .values(text=_line_ends(text)))


def _other_text(bind: sa.Connection, name: str, columns: tuple[str, ...]) -> None:
    table = _table(name, *columns)
    has_cr = sa.or_(*(table.c[column].contains("\r", autoescape=True) for column in columns))
    after: uuid.UUID | None = None
    while True:
        query = sa.select(table).where(has_cr)
        if after is not None:
            query = query.where(table.c.id > after)
        page = bind.execute(query.order_by(table.c.id).limit(PAGE)).mappings().all()
        if not page:
            return
        after = page[-1]["id"]
        for row in page:
            bind.execute(table.update().where(table.c.id == row["id"]).values(
                {column: _line_ends(row[column]) for column in columns
                 if row[column] is not None}))


def upgrade() -> None:
    bind = op.get_bind()
    _answers(bind)
    for name, columns in COLUMNS.items():
        _other_text(bind, name, columns)


def downgrade() -> None:
    """Nothing to undo: the text stays as it is, with newline line ends."""
