"""Recordings in the database (issue 34, point 1): a session's recordings and their audio in
chunks of about a second, each decodable by itself. Two new tables; going down drops them
(and the audio with them). On a PostgreSQL team database (issue 31: `reflect team init`
ran), both get the team's grants and row-level security at once: a recording as its
session's answers, a chunk as its recording (as reflect.store.team_schema says; frozen
here)."""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

TABLES = ("recording", "recording_chunk")


def upgrade() -> None:
    op.create_table(
        "recording",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("codec", sa.String(), nullable=False),
        sa.Column("sample_rate", sa.Integer(), nullable=False),
        sa.Column("channels", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("offset_ms", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_recording_session_id", "recording", ["session_id"])
    op.create_table(
        "recording_chunk",
        sa.Column("recording_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["recording_id"], ["recording.id"]),
        sa.PrimaryKeyConstraint("recording_id", "seq"),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in _TEAM_STATEMENTS:
        op.execute(statement)
    groups = bind.exec_driver_sql(
        "SELECT string_agg(rolname, ', ' ORDER BY rolname) FROM pg_roles WHERE rolname IN "
        "('reflect_coordinator', 'reflect_interviewer', 'reflect_analyst')").scalar()
    if groups:  # the team is set up on this server: the tables are the team's like the others
        for table in TABLES:
            op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO {groups}')
            op.execute(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')


_C = "(SELECT reflect_is('coordinator', current_user))"
_I = "(SELECT reflect_is('interviewer', current_user))"
_ASSIGNED = ("s.story_id IN (SELECT a.story_id FROM story_assignment a "
             "WHERE a.db_user = current_user)")
_WRITER = (f"(s.kind = 'reflection' AND s.owner = current_user) OR (s.kind <> 'reflection' "
           f"AND ({_C} OR ({_I} AND (s.owner = current_user OR {_ASSIGNED}))))")
"""Who may write under a session s: its author (a reflection), else the coordinator, its
interviewer and the interviewers assigned to its story."""
_NOT_WITHDRAWN = "session_id NOT IN (SELECT reflect_withdrawn_sessions())"
_READ = (f'EXISTS (SELECT 1 FROM "session" s WHERE s.id = recording.session_id) '
         f"AND {_NOT_WITHDRAWN}")
_WRITE = (f'EXISTS (SELECT 1 FROM "session" s WHERE s.id = recording.session_id '
          f"AND ({_WRITER})) AND {_NOT_WITHDRAWN}")
_CHUNK_READ = "EXISTS (SELECT 1 FROM recording r WHERE r.id = recording_chunk.recording_id)"
_CHUNK_WRITE = ('EXISTS (SELECT 1 FROM recording r JOIN "session" s ON s.id = r.session_id '
                f"WHERE r.id = recording_chunk.recording_id AND ({_WRITER}))")


def _policies(table: str, read: str, write: str) -> list[str]:
    return [f'CREATE POLICY reflect_read ON "{table}" FOR SELECT USING ({read})',
            f'CREATE POLICY reflect_add ON "{table}" FOR INSERT WITH CHECK ({write})',
            f'CREATE POLICY reflect_change ON "{table}" FOR UPDATE USING ({write}) '
            f"WITH CHECK ({write})",
            f'CREATE POLICY reflect_remove ON "{table}" FOR DELETE USING ({write})']


_TEAM_STATEMENTS = (_policies("recording", _READ, _WRITE)
                    + _policies("recording_chunk", _CHUNK_READ, _CHUNK_WRITE))


def downgrade() -> None:
    op.drop_table("recording_chunk")
    op.drop_index("ix_recording_session_id", table_name="recording")
    op.drop_table("recording")
