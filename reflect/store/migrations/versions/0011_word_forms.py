"""Hebrew and Arabic word forms for search (prefixes taken off), SQLite only (issue 13)."""

from alembic import op

from reflect.store.fulltext import FORMS_SETUP, fill_forms

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in FORMS_SETUP:
            op.execute(statement)
        fill_forms(op.get_bind())
