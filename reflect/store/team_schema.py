"""The team's schema on PostgreSQL (issue 31, point 1): owner columns, the assignment and
member tables, the functions and the row-level security policies, table by table. Written by
revision 0019 (a frozen copy) and by `schema.create_schema` for a new database, so an
upgraded database and a new one are alike; inert until `reflect team init` enables row
security (reflect.store.team, which says what each role sees and why).
"""

from __future__ import annotations

from sqlalchemy import Connection

OWNED_TABLES = ("story", "informant", "session", "answer", "interviewernote", "actionitem",
                "principle", "theme", "evidence", "membercheck", "sessionperson", "redaction")
"""Tables whose rows get an `owner` column: the database user who created the row."""

AUDIT_TABLES = ("auditevent", "deletion")
"""Tables whose rows get a `db_user` column: the database user who made the change."""

SERVER_ONLY = {("table", "story_assignment"), ("table", "team_member"), ("column", "owner"),
               ("column", "db_user")}
"""What the team schema adds on PostgreSQL beyond the models (which SQLite has alone)."""

TEAM_TABLES = ("story", "story_assignment", "team_member", "informant", "membercheck",
               "erasure", "protocolsnapshot", "session", "sessionperson", "answer",
               "interviewernote", "actionitem", "theme", "principle", "evidence", "auditevent",
               "deletion", "supersededversion", "redaction", "sessionlease", "databasesetting",
               "recording", "recording_chunk", "transcript")
"""Every table a member may touch: each has row-level security once the team is set up. A
table missing from here is granted to nobody (fails closed)."""

_C = "(SELECT reflect_is('coordinator', current_user))"
_I = "(SELECT reflect_is('interviewer', current_user))"
_A = "(SELECT reflect_is('analyst', current_user))"
"""Role checks as uncorrelated subqueries: worked out once per statement, not once per row."""

_FUNCTIONS = [
    # Membership of a group role; false (not an error) when the group does not exist yet
    """CREATE OR REPLACE FUNCTION reflect_is(kind text, who name) RETURNS boolean
       LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
         SELECT EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'reflect_' || kind
                        AND pg_has_role(who, g.oid, 'MEMBER')) $$""",
    # The sessions of withdrawn informants, read as the owner: their words are hidden from
    # every role even where the role could not see the informant (a set, read once a statement)
    """CREATE OR REPLACE FUNCTION reflect_withdrawn_sessions() RETURNS SETOF uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT s.id FROM "session" s JOIN informant i ON i.id = s.informant_id
         WHERE i.withdrawn $$""",
    # What an erasure would delete, for the coordinator (who cannot see the words)
    """CREATE OR REPLACE FUNCTION reflect_word_counts(iid uuid,
           OUT answers bigint, OUT notes bigint, OUT evidence bigint)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
         SELECT (SELECT count(*) FROM answer a JOIN "session" s ON s.id = a.session_id
                 WHERE s.informant_id = iid),
                (SELECT count(*) FROM interviewernote n JOIN "session" s ON s.id = n.session_id
                 WHERE s.informant_id = iid),
                (SELECT count(*) FROM evidence e JOIN answer a ON a.id = e.answer_id
                 JOIN "session" s ON s.id = a.session_id WHERE s.informant_id = iid) $$""",
    # The erasure path: a withdrawn informant's words are invisible to every role, so only
    # this function (run as the owner; EXECUTE for the coordinator alone) can delete them
    """CREATE OR REPLACE FUNCTION reflect_erase_words(iid uuid,
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
         DELETE FROM transcript t USING "session" s WHERE t.session_id = s.id
           AND s.informant_id = iid;
         DELETE FROM recording_chunk c USING recording r, "session" s
           WHERE c.recording_id = r.id AND r.session_id = s.id AND s.informant_id = iid;
         DELETE FROM recording r USING "session" s WHERE r.session_id = s.id
           AND s.informant_id = iid;
         DELETE FROM supersededversion WHERE entity_id = ANY (gone);
         UPDATE auditevent SET old_hash = '', new_hash = '' WHERE entity_id = ANY (gone);
       END $$""",
]

HELPERS = ("reflect_is(text, name)", "reflect_withdrawn_sessions()")
ERASE_FUNCTION = "reflect_erase_words(uuid)"
COUNT_FUNCTION = "reflect_word_counts(uuid)"


def _assigned(column: str) -> str:
    """The story in `column` is assigned to the current user."""
    return (f"{column} IN (SELECT a.story_id FROM story_assignment a "
            "WHERE a.db_user = current_user)")


def _interview_rule(s: str, writing: bool) -> str:
    """The one rule for sessions, on the session row `s` ('' for the policy's own row): a
    reflection is its author's alone; an interview is the coordinator's, its interviewer's
    and the assigned interviewers', and (once completed, to read) the analysts'."""
    analyst = "" if writing else f" OR ({s}status = 'completed' AND {_A})"
    return (f"({s}kind = 'reflection' AND {s}owner = current_user) OR ({s}kind <> 'reflection' "
            f"AND ({_C} OR ({_I} AND ({s}owner = current_user OR {_assigned(s + 'story_id')}))"
            f"{analyst}))")


def _under_session(table: str, writing: bool) -> str:
    """A row under a session: the session is open to the current user (its own policy reads
    it; writing asks the stricter rule too)."""
    rule = f" AND ({_interview_rule('s.', True)})" if writing else ""
    return f"EXISTS (SELECT 1 FROM \"session\" s WHERE s.id = {table}.session_id{rule})"


_NOT_WITHDRAWN = "session_id NOT IN (SELECT reflect_withdrawn_sessions())"
_STORY_READ = f"{_C} OR {_A} OR ({_I} AND {_assigned('story_id')})"
_STORY_WRITE = f"{_C} OR ({_I} AND {_assigned('story_id')})"
_INFORMANT_READ = (f"{_STORY_READ} OR EXISTS (SELECT 1 FROM \"session\" s WHERE "
                   "s.informant_id = informant.id AND s.owner = current_user)")
_ANSWER_OPEN = "EXISTS (SELECT 1 FROM answer a WHERE a.id = evidence.answer_id)"
_NOBODY = "false"
_EVERYONE = "true"


def _words(table: str, writing: bool) -> str:
    return f"{_under_session(table, writing)} AND {_NOT_WITHDRAWN}"


_CHUNK_READ = ("EXISTS (SELECT 1 FROM recording r WHERE r.id = recording_chunk.recording_id)")
_CHUNK_WRITE = ("EXISTS (SELECT 1 FROM recording r JOIN \"session\" s ON s.id = r.session_id "
                f"WHERE r.id = recording_chunk.recording_id AND ({_interview_rule('s.', True)}))")


def _session_rows(table: str) -> tuple[str, str, str, str]:
    read, write = _under_session(table, False), _under_session(table, True)
    return (read, write, write, write)


POLICIES: dict[str, tuple[str, str, str, str]] = {
    # table: (read, add, change, remove); each a condition on the row for current_user
    "story": (f"{_C} OR {_A} OR ({_I} AND {_assigned('id')})", _C,
              f"{_C} OR ({_I} AND {_assigned('id')})", _C),
    "story_assignment": (f"{_C} OR db_user = current_user", _C, _C, _C),
    "team_member": (f"{_C} OR db_user = current_user", _NOBODY, _NOBODY, _NOBODY),
    "informant": (_INFORMANT_READ, _STORY_WRITE, _STORY_WRITE, _C),
    "membercheck": ("EXISTS (SELECT 1 FROM informant i WHERE i.id = membercheck.informant_id)",
                    _C, _C, _C),
    "erasure": (_EVERYONE, _C, _C, _C),
    "protocolsnapshot": (_EVERYONE, _EVERYONE, _NOBODY, _NOBODY),
    "session": (_interview_rule("", False),
                f"owner = current_user AND (kind = 'reflection' OR {_C} "
                f"OR ({_I} AND {_assigned('story_id')}))",
                _interview_rule("", True), _interview_rule("", True)),
    "sessionperson": _session_rows("sessionperson"),
    "answer": (_words("answer", False), _words("answer", True), _words("answer", True),
               _words("answer", True)),
    "interviewernote": (_words("interviewernote", False), _words("interviewernote", True),
                        _words("interviewernote", True), _words("interviewernote", True)),
    "actionitem": _session_rows("actionitem"),
    "theme": (_EVERYONE, f"{_C} OR {_A}", f"{_C} OR {_A}", f"{_C} OR {_A}"),
    "principle": (_STORY_READ, f"{_C} OR {_A}", f"{_C} OR {_A}", f"{_C} OR {_A}"),
    "evidence": (_ANSWER_OPEN, f"({_C} OR {_A}) AND {_ANSWER_OPEN}",
                 f"({_C} OR {_A}) AND {_ANSWER_OPEN}", f"{_C} OR {_A}"),
    "auditevent": (f"{_C} OR db_user = current_user", "db_user = current_user", _NOBODY,
                   _NOBODY),
    "deletion": (_EVERYONE, "db_user = current_user", _NOBODY, _NOBODY),
    "supersededversion": (_C, _C, _NOBODY, _C),
    "redaction": (_EVERYONE, _C, _C, _C),
    # the book's title page (revision 0021): everyone reads it, the coordinator makes the book
    "databasesetting": (_EVERYONE, _C, _C, _C),
    # recordings (revision 0022): a session's audio, read and written like its answers; a
    # chunk as its recording (whose own policy applies inside the subquery)
    "recording": (_words("recording", False), _words("recording", True),
                  _words("recording", True), _words("recording", True)),
    "recording_chunk": (_CHUNK_READ, _CHUNK_WRITE, _CHUNK_WRITE, _CHUNK_WRITE),
    # draft transcripts (revision 0023): an informant's words, read and written like answers
    "transcript": (_words("transcript", False), _words("transcript", True),
                   _words("transcript", True), _words("transcript", True)),
    "sessionlease": (_EVERYONE, _under_session("sessionlease", False),
                     _under_session("sessionlease", False),
                     _under_session("sessionlease", False)),
}
"""Row-level security, table by table. Kept here and written by revision 0019 (and by a new
database's schema); `team init` turns it on."""

_COMMANDS = (("read", "SELECT"), ("add", "INSERT"), ("change", "UPDATE"), ("remove", "DELETE"))


def _policy_statements(table: str) -> list[str]:
    statements = []
    for (name, command), rule in zip(_COMMANDS, POLICIES[table], strict=True):
        statements.append(f'DROP POLICY IF EXISTS reflect_{name} ON "{table}"')
        if command == "INSERT":
            clause = f"WITH CHECK ({rule})"
        elif command == "UPDATE":
            clause = f"USING ({rule}) WITH CHECK ({rule})"
        else:
            clause = f"USING ({rule})"
        statements.append(f'CREATE POLICY reflect_{name} ON "{table}" FOR {command} {clause}')
    return statements


def schema_statements() -> list[str]:
    """The team's schema on PostgreSQL, every statement harmless when run again: owner and
    db_user columns, the assignment and member tables, the functions and the policies
    (inert until `init_team` enables row security)."""
    statements = [f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS owner text NOT NULL '
                  "DEFAULT current_user" for table in OWNED_TABLES]
    statements += [f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS db_user text NOT NULL '
                   "DEFAULT current_user" for table in AUDIT_TABLES]
    statements += [
        """CREATE TABLE IF NOT EXISTS story_assignment (
             story_id uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
             db_user text NOT NULL,
             assigned_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
             assigned_by text NOT NULL DEFAULT current_user,
             PRIMARY KEY (story_id, db_user))""",
        "CREATE INDEX IF NOT EXISTS ix_story_assignment_db_user ON story_assignment (db_user)",
        """CREATE TABLE IF NOT EXISTS team_member (
             db_user text PRIMARY KEY,
             role text NOT NULL CHECK (role IN ('coordinator', 'interviewer', 'analyst')),
             added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
             added_by text NOT NULL DEFAULT current_user)""",
        *_FUNCTIONS,
    ]
    for table in TEAM_TABLES:
        statements += _policy_statements(table)
    return statements


def undo_statements() -> list[str]:
    """What revision 0019's downgrade runs: row security off, policies, functions, tables and
    columns gone (the cluster-wide group roles stay)."""
    statements = []
    for table in TEAM_TABLES:
        if table in ("story_assignment", "team_member"):
            continue
        statements.append(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        statements += [f'DROP POLICY IF EXISTS reflect_{name} ON "{table}"'
                       for name, _command in _COMMANDS]
    statements += ["DROP TABLE IF EXISTS story_assignment", "DROP TABLE IF EXISTS team_member"]
    statements += [f"DROP FUNCTION IF EXISTS {function}"
                   for function in (ERASE_FUNCTION, COUNT_FUNCTION, *reversed(HELPERS))]
    statements += [f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS owner'
                   for table in OWNED_TABLES]
    statements += [f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS db_user'
                   for table in AUDIT_TABLES]
    return statements


def write_schema(conn: Connection) -> None:
    """The team's schema, on PostgreSQL only (nothing on SQLite)."""
    if conn.dialect.name != "postgresql":
        return
    for statement in schema_statements():
        conn.exec_driver_sql(statement)
