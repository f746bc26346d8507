"""A team on one PostgreSQL database, with its roles enforced by the server (issue 31, point 1).

Each person connects as their own PostgreSQL login, a member of one of three group roles:
reflect_coordinator, reflect_interviewer, reflect_analyst (group roles are cluster-wide: one
set serves every team database on the server). What each may read and write is decided by
row-level security policies in the database itself, so a query reflect forgets to filter, or
`psql`, still sees only what the person may see:

| role        | reads                                             | writes                     |
|-------------|---------------------------------------------------|----------------------------|
| coordinator | every story, informant, interview, principle      | stories, assignments,      |
|             |                                                   | member checks, the book,   |
|             |                                                   | principles and themes      |
| interviewer | the stories assigned to them, their informants,   | the same, and their own    |
|             | their interviews; their own sessions              | sessions                   |
| analyst     | stories, completed interviews, principles, themes | principles, evidence,      |
|             |                                                   | themes                     |
| everyone    | their own solo reflections (nobody else's, not    | their own reflections      |
|             | even the coordinator's)                           |                            |

A withdrawn informant's words (answers, interviewer's notes, evidence excerpts) are invisible
to every role. Erasing them goes through one path: `reflect_erase_words(informant)`, a
SECURITY DEFINER function only the coordinator may execute, which deletes them (and what
points at them) as the database's owner would (`erase_words` calls it when row security
applies to the caller). The login that owns the tables (the single-URL mode, IT's own
account) is not subject to row security, as PostgreSQL does for table owners.

Where the pieces live: reflect.store.team_schema (the owner columns, the assignment and
member tables, the functions and the policies, all inert until row security is enabled) is
written by revision 0019 and by `schema.create_schema` for a new database, so an upgraded
database and a new one are alike. `init_team` (`reflect team init`) adds what a revision
cannot: it creates the group roles if missing, grants the tables to them, enables row
security and closes the database to logins that are not members. Every row of the team
tables gets `owner` (the database user who created it, `current_user` by default) and the
audit tables `db_user`.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DatabaseError

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.store.team_schema import (
    AUDIT_TABLES,
    COUNT_FUNCTION,
    ERASE_FUNCTION,
    HELPERS,
    TEAM_TABLES,
    write_schema,
)

ROLES = ("coordinator", "interviewer", "analyst")
"""The kinds of member; each is the PostgreSQL group role `reflect_<kind>`."""

GROUP_PREFIX = "reflect_"

NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
"""A login name reflect creates: lower case letters, digits, underscores (no quoting games)."""


def group(role: str) -> str:
    if role not in ROLES:
        raise ReflectError(_("'{role}' is not a team role; use one of {roles}").format(
            role=role, roles=", ".join(ROLES)))
    return GROUP_PREFIX + role


def _postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        raise ReflectError(_("a team needs a PostgreSQL database: give reflect team a "
                             "postgresql://... URL (a SQLite file has one user, its owner)"))


def _quoted(name: str) -> str:
    if not NAME.fullmatch(name):
        raise ReflectError(_("'{name}' cannot be a login name here: use lower-case letters, "
                             "digits and _ (at most 63, not starting with a digit)").format(
                                 name=name))
    return f'"{name}"'


def _can_manage_roles(conn: Connection) -> None:
    allowed = conn.exec_driver_sql(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").scalar()
    if not allowed:
        raise ReflectError(_("the login {user} may not create roles: run this with the URL of "
                             "an account that has CREATEROLE (the database's administrator)")
                           .format(user=conn.exec_driver_sql("SELECT current_user").scalar()))


def _database(conn: Connection) -> str:
    name: str = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    return '"' + name.replace('"', '""') + '"'


def init_team(engine: Engine) -> list[str]:
    """Prepare the (migrated) database for a team; harmless to run again. Returns what it did,
    one line each."""
    _postgres(engine)
    done = []
    with engine.begin() as conn:
        _can_manage_roles(conn)
        for role in ROLES:
            name = GROUP_PREFIX + role
            # group roles are cluster-wide: made once, by the first team on the server
            conn.exec_driver_sql(
                f"DO $$ BEGIN CREATE ROLE {name} NOLOGIN; "
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
        done.append(_("group roles: {names}").format(
            names=", ".join(GROUP_PREFIX + role for role in ROLES)))
        write_schema(conn)
        groups = ", ".join(GROUP_PREFIX + role for role in ROLES)
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {groups}")
        conn.exec_driver_sql(f"GRANT SELECT ON alembic_version TO {groups}")
        for table in TEAM_TABLES:
            rights = ("SELECT, INSERT" if table in AUDIT_TABLES + ("protocolsnapshot",)
                      else "SELECT, INSERT, UPDATE, DELETE")
            conn.exec_driver_sql(f'GRANT {rights} ON "{table}" TO {groups}')
            conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        for function in HELPERS:
            conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {groups}")
        for function in (ERASE_FUNCTION, COUNT_FUNCTION):
            conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
            conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {function} TO "
                                 f"{GROUP_PREFIX}coordinator")
        done.append(_("grants and row-level security on {count} tables").format(
            count=len(TEAM_TABLES)))
        conn.exec_driver_sql(f"REVOKE CONNECT ON DATABASE {_database(conn)} FROM PUBLIC")
        # The policies' subqueries make the planner's estimates of a whole-table read large
        # enough to compile it (JIT), which costs a second or more and saves nothing on
        # reflect's short queries: measured at 100,000 answers, 1.5 s with it, 0.1 s without
        conn.exec_driver_sql(f"ALTER DATABASE {_database(conn)} SET jit = off")
        done.append(_("only the team's members may connect to this database"))
    return done


@dataclass
class Added:
    """A new member: the URL they connect with (their password in it, when one was made)."""

    name: str
    role: str
    url: str
    password: str | None
    existed: bool = False
    """The login was there already (another team's, or made by IT): it kept its password."""


def _ready(conn: Connection) -> None:
    if not conn.exec_driver_sql("SELECT to_regclass('team_member') IS NOT NULL").scalar():
        raise ReflectError(_("this database is not set up for a team yet: run reflect team "
                             "init URL first"))


def _verifier(conn: Connection, name: str, secret: str) -> str:
    """The password as the server keeps it (SCRAM, or whatever its password_encryption
    says), worked out here by libpq: the password itself never reaches the server, so no
    statement log can hold it. Its characters (base64, $ : =) are safe as a literal."""
    pgconn = getattr(conn.connection.dbapi_connection, "pgconn", None)
    if pgconn is None:  # not psycopg 3: the password itself (letters, digits, - and _)
        return secret
    verifier: bytes = pgconn.encrypt_password(secret.encode(), name.encode())
    return verifier.decode("ascii")


def add_member(engine: Engine, name: str, role: str, password: bool = True) -> Added:
    """A PostgreSQL login in the role's group, allowed to connect to this database."""
    _postgres(engine)
    quoted, group_role = _quoted(name), group(role)
    secret = secrets.token_urlsafe(18) if password else None
    with engine.begin() as conn:
        _can_manage_roles(conn)
        _ready(conn)
        existed = bool(conn.exec_driver_sql(
            "SELECT count(*) FROM pg_roles WHERE rolname = %(n)s", {"n": name}).scalar())
        known = conn.exec_driver_sql("SELECT role FROM team_member WHERE db_user = %(n)s",
                                     {"n": name}).scalar()
        if known is not None:
            raise ReflectError(_("{name} is already in this team, as {role}; reflect team "
                                 "remove {name} first to change it").format(name=name,
                                                                            role=known))
        if not existed:
            conn.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN"
                                 + (f" PASSWORD '{_verifier(conn, name, secret)}'"
                                    if secret else ""))
        else:
            secret = None
        conn.exec_driver_sql(f"GRANT {group_role} TO {quoted}")
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_database(conn)} TO {quoted}")
        conn.exec_driver_sql("INSERT INTO team_member (db_user, role) VALUES (%(n)s, %(r)s)",
                             {"n": name, "r": role})
    url = engine.url.set(username=name, password=secret)
    return Added(name, role, url.render_as_string(hide_password=False), secret, existed)


@dataclass
class Member:
    name: str
    role: str
    stories: list[str] = field(default_factory=list)
    """Titles of the stories assigned to them."""
    login: bool = True
    """False when the login was dropped on the server by hand since."""


def members(engine: Engine) -> list[Member]:
    """The team, by name, with each one's assigned stories."""
    _postgres(engine)
    with engine.connect() as conn:
        _ready(conn)
        rows = conn.exec_driver_sql(
            "SELECT m.db_user, m.role, r.rolname IS NOT NULL FROM team_member m "
            "LEFT JOIN pg_roles r ON r.rolname = m.db_user ORDER BY m.db_user").all()
        assigned = conn.exec_driver_sql(
            "SELECT a.db_user, s.title FROM story_assignment a JOIN story s ON s.id = a.story_id "
            "ORDER BY s.title").all()
    found = {row[0]: Member(row[0], row[1], login=bool(row[2])) for row in rows}
    for who, title in assigned:
        if who in found:
            found[who].stories.append(title)
    return list(found.values())


def remove_member(engine: Engine, name: str) -> bool:
    """Take someone out of the team: no more connecting, no group, no assignments here.
    Their login is dropped unless it is still used elsewhere on the server (another team's
    database); returns whether it was dropped. What they wrote stays, with their name."""
    _postgres(engine)
    quoted = _quoted(name)
    with engine.begin() as conn:
        _can_manage_roles(conn)
        _ready(conn)
        role = conn.exec_driver_sql("SELECT role FROM team_member WHERE db_user = %(n)s",
                                    {"n": name}).scalar()
        if role is None:
            raise ReflectError(_("{name} is not in this team (see reflect team list)").format(
                name=name))
        conn.exec_driver_sql("DELETE FROM story_assignment WHERE db_user = %(n)s", {"n": name})
        conn.exec_driver_sql("DELETE FROM team_member WHERE db_user = %(n)s", {"n": name})
        if not conn.exec_driver_sql("SELECT count(*) FROM pg_roles WHERE rolname = %(n)s",
                                    {"n": name}).scalar():
            return False
        conn.exec_driver_sql(f"REVOKE CONNECT ON DATABASE {_database(conn)} FROM {quoted}")
        conn.exec_driver_sql(f"REVOKE {GROUP_PREFIX}{role} FROM {quoted}")
        elsewhere = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "WHERE r.rolname = %(n)s", {"n": name}).scalar()
        if elsewhere:
            return False
        savepoint = conn.begin_nested()
        try:
            conn.exec_driver_sql(f"DROP ROLE {quoted}")
        except DatabaseError:  # it still holds rights or objects in another database
            savepoint.rollback()
            return False
        savepoint.commit()
    return True


def assign(engine: Engine, story_id: uuid.UUID, name: str) -> bool:
    """Assign a story to a team member (the coordinator's); False if it already was."""
    _postgres(engine)
    with engine.begin() as conn:
        _ready(conn)
        role = conn.exec_driver_sql("SELECT role FROM team_member WHERE db_user = %(n)s",
                                    {"n": name}).scalar()
        if role is None:
            raise ReflectError(_("{name} is not in this team (see reflect team list)").format(
                name=name))
        added = conn.exec_driver_sql(
            "INSERT INTO story_assignment (story_id, db_user) VALUES (%(s)s, %(n)s) "
            "ON CONFLICT DO NOTHING", {"s": story_id, "n": name}).rowcount
    return bool(added)


def unassign(engine: Engine, story_id: uuid.UUID, name: str) -> bool:
    """Take a story back from a member; False if it was not theirs."""
    _postgres(engine)
    with engine.begin() as conn:
        _ready(conn)
        removed = conn.exec_driver_sql(
            "DELETE FROM story_assignment WHERE story_id = %(s)s AND db_user = %(n)s",
            {"s": story_id, "n": name}).rowcount
    return bool(removed)


def row_security(conn: Connection, table: str) -> bool:
    """Whether row-level security filters this table for the connected user (a member of a
    team; never the owner, nor SQLite)."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.exec_driver_sql("SELECT row_security_active(%(t)s)", {"t": table}).scalar())


def counts_hidden_words(conn: Connection) -> bool:
    """Whether this connection is a coordinator's under row security: withdrawn words are
    hidden from them, and they count and erase them through the database's functions."""
    return row_security(conn, "answer") and bool(conn.exec_driver_sql(
        f"SELECT has_function_privilege('{COUNT_FUNCTION}', 'EXECUTE')").scalar())


def word_counts_as_owner(conn: Connection, informant_id: uuid.UUID) -> dict[str, int]:
    """Under row security (the coordinator's): how many answers, notes and evidence links of
    an informant's are here, withdrawn or not (`reflect_word_counts`)."""
    answers, notes, evidence = conn.exec_driver_sql(
        "SELECT * FROM reflect_word_counts(%(i)s)", {"i": informant_id}).one()
    return {"answers": answers, "notes": notes, "evidence": evidence}


def erase_words_as_owner(conn: Connection, informant_id: uuid.UUID) -> dict[str, int]:
    """The erasure path under row security (the coordinator's): the words are invisible to
    them, so `reflect_erase_words` deletes them as the owner would."""
    answers, notes, evidence = conn.exec_driver_sql(
        "SELECT * FROM reflect_erase_words(%(i)s)", {"i": informant_id}).one()
    return {"answers": answers, "notes": notes, "evidence": evidence}
