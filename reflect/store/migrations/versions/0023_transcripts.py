"""Draft transcripts (issue 34, point 4): what a speech-recognition model heard at each
question of a recorded session, one row per question and recording and transcription, kept
beside the typed answer; `used`/`used_at` record when one was taken into the answer (and its
`model` which model made it). A new table only; going down drops it.

On PostgreSQL the table gets the answer table's row-level security (an informant's words:
read and written under the session's rule, hidden once the informant withdrew), the team's
grants when the team is set up, and the erasure function (reflect_erase_words) deletes a
withdrawn informant's transcripts with their answers; going down puts the function back as
revision 0019 wrote it. Frozen copies of reflect.store.team_schema's statements."""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transcript",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.String(), nullable=False),
        sa.Column("recording_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("model", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("end_ms", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("used", sa.String(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"]),
        sa.ForeignKeyConstraint(["recording_id"], ["recording.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_transcript_session_question", "transcript",
                    ["session_id", "question_id"])
    op.create_index("ix_transcript_recording_id", "transcript", ["recording_id"])
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in _TEAM_STATEMENTS:
        op.execute(statement)
    op.execute(_ERASE_WITH_TRANSCRIPTS)
    groups = bind.exec_driver_sql(
        "SELECT string_agg(rolname, ', ' ORDER BY rolname) FROM pg_roles WHERE rolname IN "
        "('reflect_coordinator', 'reflect_interviewer', 'reflect_analyst')").scalar()
    if groups:  # the team is set up on this server: the table is the team's like the others
        op.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "transcript" TO {groups}')
        op.execute('ALTER TABLE "transcript" ENABLE ROW LEVEL SECURITY')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ERASE_0019)
    op.drop_index("ix_transcript_recording_id", table_name="transcript")
    op.drop_index("ix_transcript_session_question", table_name="transcript")
    op.drop_table("transcript")


_WITHDRAWN = "session_id NOT IN (SELECT reflect_withdrawn_sessions())"
_READ = f'EXISTS (SELECT 1 FROM "session" s WHERE s.id = transcript.session_id) AND {_WITHDRAWN}'
_WRITE = (
    'EXISTS (SELECT 1 FROM "session" s WHERE s.id = transcript.session_id AND '
    "((s.kind = 'reflection' AND s.owner = current_user) OR (s.kind <> 'reflection' AND "
    "((SELECT reflect_is('coordinator', current_user)) OR "
    "((SELECT reflect_is('interviewer', current_user)) AND (s.owner = current_user OR "
    "s.story_id IN (SELECT a.story_id FROM story_assignment a "
    f"WHERE a.db_user = current_user))))))) AND {_WITHDRAWN}")
_TEAM_STATEMENTS = [
    f'CREATE POLICY reflect_read ON "transcript" FOR SELECT USING ({_READ})',
    f'CREATE POLICY reflect_add ON "transcript" FOR INSERT WITH CHECK ({_WRITE})',
    f'CREATE POLICY reflect_change ON "transcript" FOR UPDATE USING ({_WRITE}) '
    f"WITH CHECK ({_WRITE})",
    f'CREATE POLICY reflect_remove ON "transcript" FOR DELETE USING ({_WRITE})',
]

_ERASE_0019 = """CREATE OR REPLACE FUNCTION reflect_erase_words(iid uuid,
           OUT erased_answers integer, OUT erased_notes integer, OUT erased_evidence integer)
       LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
       DECLARE gone text[];
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM informant WHERE id = iid AND withdrawn) THEN
           RAISE EXCEPTION 'only a withdrawn informant''s words can be erased'
             USING ERRCODE = '42501';
         END IF;
         SELECT coalesce(array_agg(x.id::text), '{}') INTO gone FROM (
           SELECT e.id FROM evidence e JOIN answer a ON a.id = e.answer_id
             JOIN "session" s ON s.id = a.session_id WHERE s.informant_id = iid
           UNION ALL SELECT n.id FROM interviewernote n JOIN "session" s ON s.id = n.session_id
             WHERE s.informant_id = iid
           UNION ALL SELECT a.id FROM answer a JOIN "session" s ON s.id = a.session_id
             WHERE s.informant_id = iid) x;
         DELETE FROM evidence e USING answer a, "session" s WHERE e.answer_id = a.id
           AND a.session_id = s.id AND s.informant_id = iid;
         GET DIAGNOSTICS erased_evidence = ROW_COUNT;
         DELETE FROM interviewernote n USING "session" s WHERE n.session_id = s.id
           AND s.informant_id = iid;
         GET DIAGNOSTICS erased_notes = ROW_COUNT;
         DELETE FROM answer a USING "session" s WHERE a.session_id = s.id
           AND s.informant_id = iid;
         GET DIAGNOSTICS erased_answers = ROW_COUNT;
         DELETE FROM supersededversion WHERE entity_id = ANY (gone);
         UPDATE auditevent SET old_hash = '', new_hash = '' WHERE entity_id = ANY (gone);
       END $$"""
"""The erasure function as revision 0019 wrote it (put back on the way down)."""

_AFTER_ANSWERS = "         GET DIAGNOSTICS erased_answers = ROW_COUNT;\n"
_ERASE_WITH_TRANSCRIPTS = _ERASE_0019.replace(_AFTER_ANSWERS, _AFTER_ANSWERS + (
    '         DELETE FROM transcript t USING "session" s WHERE t.session_id = s.id\n'
    "           AND s.informant_id = iid;\n"
    '         DELETE FROM recording_chunk c USING recording r, "session" s\n'
    "           WHERE c.recording_id = r.id AND r.session_id = s.id AND s.informant_id = iid;\n"
    '         DELETE FROM recording r USING "session" s WHERE r.session_id = s.id\n'
    "           AND s.informant_id = iid;\n"))
"""The same, deleting the withdrawn informant's transcripts and recordings with their
answers."""
