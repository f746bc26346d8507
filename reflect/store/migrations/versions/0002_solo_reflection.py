"""Solo reflection: case label, follow-ups, typed answer values, action items."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("session", sa.Column("case_label", sa.String(), nullable=False,
                                       server_default=""))
    op.add_column("session", sa.Column("follow_up_of", sa.Uuid(), nullable=True))
    op.add_column("answer", sa.Column("value", sa.Text(), nullable=True))
    op.create_table(
        "actionitem",
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("status", sa.Enum("OPEN", "DONE", "PARTLY", "NOT_DONE", "DROPPED",
                                    name="actionstatus"), nullable=False),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("follow_up_session_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["follow_up_session_id"], ["session.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_actionitem_review_on", "actionitem", ["review_on"])
    op.create_index("ix_actionitem_session_id", "actionitem", ["session_id"])
