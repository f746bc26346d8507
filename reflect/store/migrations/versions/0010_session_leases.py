"""Session leases: one session is edited in one place at a time."""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessionlease",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("token", sa.Uuid(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"]),
        sa.PrimaryKeyConstraint("session_id"),
    )
