"""Member checks, withdrawal and erasure (issue 15, items 6 and 7)."""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("informant", sa.Column("withdrawn", sa.Boolean(), nullable=False,
                                         server_default=sa.false()))
    op.create_table(
        "membercheck",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("informant_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("how", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["informant_id"], ["informant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_membercheck_informant_id", "membercheck", ["informant_id"])
    op.create_table(
        "erasure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("informant_id", sa.Uuid(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("erased_by", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["informant_id"], ["informant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_erasure_informant_id", "erasure", ["informant_id"])
