"""Indexes for scale (issue 18): one kind's sessions by start time, so the reflections'
timeline no longer scans every interview for its first page; and no separate index on an
answer's session (the unique index on session and question serves those lookups), which
every inserted answer paid for; and an index on who withdrew, so the search's leaving out of
their words no longer scans every session (125 ms of each search at 100,000 sessions)."""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_session_kind_started_at", "session", ["kind", "started_at", "id"],
                    if_not_exists=True)
    op.drop_index("ix_answer_session_id", "answer", if_exists=True)
    op.create_index("ix_informant_withdrawn", "informant", ["withdrawn"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_session_kind_started_at", "session")
    op.create_index("ix_answer_session_id", "answer", ["session_id"])
    op.drop_index("ix_informant_withdrawn", "informant")
