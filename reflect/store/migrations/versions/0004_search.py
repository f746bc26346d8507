"""Full-text search over answers and principles (SQLite FTS5; PostgreSQL searches with ILIKE)."""

from alembic import op

from reflect.store.fulltext import FTS_SETUP

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SETUP:
            op.execute(statement)
