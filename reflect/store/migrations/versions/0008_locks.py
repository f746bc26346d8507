"""Completed sessions can be locked."""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("session", sa.Column("locked_at", sa.DateTime(), nullable=True))
    op.add_column("session", sa.Column("locked_by", sa.String(), nullable=False,
                                       server_default=""))
