"""Statuses stored by value, as every other vocabulary is (issue 30, point 4): a story's, a
session's and an action item's status read 'in_progress', not 'IN_PROGRESS'. The pairs are
written out here (frozen, not read from reflect.vocab): this revision means the same whatever
the vocabularies become. On PostgreSQL the columns are native enum types, whose labels are
renamed; on SQLite they are text, whose rows are rewritten."""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

STATUSES = {
    ("story", "storystatus"): (("CANDIDATE", "candidate"), ("SELECTED", "selected"),
                               ("INTERVIEWING", "interviewing"), ("ANALYSED", "analysed"),
                               ("PUBLISHED", "published")),
    ("session", "sessionstatus"): (("IN_PROGRESS", "in_progress"), ("COMPLETED", "completed"),
                                   ("ABANDONED", "abandoned"), ("DECLINED", "declined")),
    ("actionitem", "actionstatus"): (("OPEN", "open"), ("DONE", "done"), ("PARTLY", "partly"),
                                     ("NOT_DONE", "not_done"), ("DROPPED", "dropped")),
}
"""(table, PostgreSQL enum type): (name, value) of each status."""


def _rename(forward: bool) -> None:
    bind = op.get_bind()
    for (table, enum_type), pairs in STATUSES.items():
        for name, value in pairs:
            old, new = (name, value) if forward else (value, name)
            if bind.dialect.name == "postgresql":
                op.execute(f"ALTER TYPE {enum_type} RENAME VALUE '{old}' TO '{new}'")
            else:
                op.execute(f"UPDATE {table} SET status = '{new}' WHERE status = '{old}'")


def upgrade() -> None:
    _rename(forward=True)


def downgrade() -> None:
    _rename(forward=False)
