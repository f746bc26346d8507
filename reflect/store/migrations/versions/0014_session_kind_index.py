"""An index for one kind's sessions by start time (issue 18): the reflections' timeline no
longer scans every interview to find the first page."""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_session_kind_started_at", "session", ["kind", "started_at", "id"],
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_session_kind_started_at", "session")
