"""Indexes for the lists that show the newest first, so they do not scan every row; no index
merging during saves."""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO answer_fts(answer_fts, rank) VALUES ('automerge', 0)")
    for table, column in (("session", "updated_at"), ("session", "started_at"),
                          ("story", "updated_at")):
        op.create_index(f"ix_{table}_{column}", table, [column], if_not_exists=True)
