"""Consent to record, asked and kept apart from consent to the interview (issue 28): whether
the interviewee agreed to a recording, how they said it, and when. Sessions from before have
no answer (NULL): the app asks for it before any recording starts."""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("session", sa.Column("recording_consent", sa.Boolean(), nullable=True))
    op.add_column("session", sa.Column("recording_consent_method", sa.String(), nullable=False,
                                       server_default=""))
    op.add_column("session", sa.Column("recording_consent_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for column in ("recording_consent_at", "recording_consent_method", "recording_consent"):
        op.drop_column("session", column)
