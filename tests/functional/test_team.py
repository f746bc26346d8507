"""A team on PostgreSQL (issue 31, point 1): each role connects as itself, and the server's
row-level security decides what it reads and writes. Every rule is asserted twice: directly
with SQL on the role's own connection (a policy the app forgets must still hold) and through
reflect's Store. Needs REFLECT_TEST_POSTGRES (CI sets it, see .ci/run); the logins are named
per test (roles are cluster-wide and the tests run in parallel) and dropped after.
"""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from reflect.cli import main
from reflect.errors import ReflectError, StorageError
from reflect.store import ConsentRecord, Store, team, team_schema
from reflect.store.engine import open_engine
from reflect.vocab import SessionStatus
from tests.conftest import POSTGRES_ADMIN_URL
from tests.unit.test_migrations import _revision_module

pytestmark = pytest.mark.skipif(not POSTGRES_ADMIN_URL,
                                reason="needs a PostgreSQL server (REFLECT_TEST_POSTGRES)")


class Team:
    """One team database: the owner's store, and a login per person."""

    def __init__(self, url: str):
        self.url = url
        self.owner_engine = open_engine(url)
        self.owner = Store(self.owner_engine)
        self.tag = uuid.uuid4().hex[:8]
        self.logins: list[str] = []
        self.engines: list = []

    def add(self, who: str, role: str) -> Store:
        name = f"{who}_{self.tag}"
        added = team.add_member(self.owner_engine, name, role)
        self.logins.append(name)
        engine = open_engine(added.url)
        self.engines.append(engine)
        return Store(engine)

    def name(self, who: str) -> str:
        return f"{who}_{self.tag}"

    def close(self) -> None:
        for engine in self.engines:
            engine.dispose()
        with self.owner_engine.begin() as conn:
            for name in self.logins:
                if not conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s",
                                            {"n": name}).first():
                    continue  # removed by the test
                conn.exec_driver_sql(f'DROP OWNED BY "{name}"')
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
        self.owner_engine.dispose()


@pytest.fixture
def new_team_database():
    """Makes empty PostgreSQL databases for this test, dropped after it."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"reflect_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for name in made:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture
def server(new_team_database):
    made = Team(new_team_database())
    team.init_team(made.owner_engine)
    yield made
    made.close()


@pytest.fixture
def people(server, catalog):
    """Coordinator, interviewers A and B (a story each), an analyst; A's interview (in
    progress), B's (completed), A's solo reflection, with answers in each."""
    coordinator = server.add("coord", "coordinator")
    alice = server.add("alice", "interviewer")
    bob = server.add("bob", "interviewer")
    analyst = server.add("ana", "analyst")
    story_a = coordinator.create_story("Back to school", "Family support", "Attendance")
    story_b = coordinator.create_story("A home again", "Housing", "A tenancy kept")
    team.assign(coordinator.engine, story_a.id, server.name("alice"))
    team.assign(coordinator.engine, story_b.id, server.name("bob"))
    maya = alice.add_informant(story_a.id, "Maya", "social_worker")
    rami = bob.add_informant(story_b.id, "Rami", "client")
    protocol = catalog.get("lfs-practitioner")
    question = protocol.questions[0].id
    interview_a = alice.start_interview(maya.id, protocol, ConsentRecord(True, "verbal", "Alice"))
    alice.save_answer(interview_a.id, question, text="We met every week")
    interview_b = bob.start_interview(rami.id, protocol, ConsentRecord(True, "verbal", "Bob"))
    bob.save_answer(interview_b.id, question, text="He let me choose my flat")
    bob.set_session_status(interview_b.id, SessionStatus.COMPLETED)
    reflection = alice.start_reflection(catalog.get("gibbs"), "Alice")
    alice.save_answer(reflection.id, catalog.get("gibbs").questions[0].id,
                      text="I was tired that day")
    return {"coordinator": coordinator, "alice": alice, "bob": bob, "analyst": analyst,
            "story_a": story_a, "story_b": story_b, "maya": maya, "rami": rami,
            "interview_a": interview_a, "interview_b": interview_b, "reflection": reflection,
            "question": question}


def sql(store: Store, statement: str, **params) -> list:
    """Rows a role's own connection gets for a statement (no reflect code in between)."""
    with store.engine.begin() as conn:
        return list(conn.execute(text(statement), params))


def titles(store: Store) -> set[str]:
    return {row[0] for row in sql(store, "SELECT title FROM story")}


def answer_texts(store: Store) -> set[str]:
    return {row[0] for row in sql(store, "SELECT text FROM answer")}


def test_an_interviewer_sees_only_their_stories_and_sessions(people):
    alice, bob = people["alice"], people["bob"]
    assert titles(alice) == {"Back to school"}
    assert titles(bob) == {"A home again"}
    assert {s.id for s in alice.sessions_of_kind(None)} == {people["interview_a"].id,
                                                            people["reflection"].id}
    assert alice.session(people["interview_b"].id) is None
    assert answer_texts(alice) == {"We met every week", "I was tired that day"}
    assert answer_texts(bob) == {"He let me choose my flat"}
    assert [i.pseudonym for i in alice.informants(people["story_b"].id)] == []
    assert sql(alice, "SELECT count(*) FROM informant WHERE story_id = :s",
               s=people["story_b"].id)[0][0] == 0


def test_an_interviewer_cannot_write_into_another_interviewers_work(people):
    alice = people["alice"]
    # with SQL: the policy hides the rows, so the update reaches nothing
    changed = sql(alice, "UPDATE answer SET text = 'changed' WHERE session_id = :s "
                  "RETURNING id", s=people["interview_b"].id)
    assert changed == []
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(alice, "INSERT INTO informant (id, story_id, pseudonym, role, withdrawn, created_at, "
            "updated_at) VALUES (:i, :s, 'Intruder', 'client', false, now(), now())",
            i=uuid.uuid4(), s=people["story_b"].id)
    # through reflect: a plain message, never a traceback
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        alice.add_informant(people["story_b"].id, "Intruder", "client")
    with pytest.raises(ReflectError):
        alice.save_answer(people["interview_b"].id, people["question"], text="changed")
    assert answer_texts(people["bob"]) == {"He let me choose my flat"}
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        alice.create_story("My own story")


def test_a_reflection_is_its_authors_alone(people):
    reflection = people["reflection"]
    for other in ("bob", "coordinator", "analyst"):
        store = people[other]
        assert store.session(reflection.id) is None
        assert sql(store, "SELECT count(*) FROM session WHERE kind = 'reflection'")[0][0] == 0
        assert "I was tired that day" not in answer_texts(store)
        assert sql(store, "UPDATE session SET case_label = 'x' WHERE id = :s RETURNING id",
                   s=reflection.id) == []
    assert people["alice"].session(reflection.id) is not None
    # nor its action plan
    people["alice"].add_action(reflection.id, "Ask for supervision")
    assert [a.text for a in people["alice"].actions(reflection.id)] == ["Ask for supervision"]
    assert sql(people["coordinator"], "SELECT count(*) FROM actionitem")[0][0] == 0
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(people["coordinator"], "INSERT INTO actionitem (id, session_id, text, status, "
            "review_note, created_at, updated_at) VALUES (:i, :s, 'x', 'open', '', now(), "
            "now())", i=uuid.uuid4(), s=reflection.id)


def test_the_analyst_reads_completed_interviews_and_writes_principles(people):
    analyst = people["analyst"]
    assert titles(analyst) == {"Back to school", "A home again"}
    assert answer_texts(analyst) == {"He let me choose my flat"}  # not the unfinished one
    assert analyst.session(people["interview_a"].id) is None
    assert analyst.session(people["interview_b"].id) is not None
    with pytest.raises(ReflectError):
        analyst.save_answer(people["interview_b"].id, people["question"], text="changed")
    assert sql(analyst, "UPDATE answer SET text = 'changed' RETURNING id") == []
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(analyst, "INSERT INTO answer (id, session_id, question_id, text, skipped, "
            "flag_quote, flag_follow_up, opened_kind, typed_kind, created_at, updated_at) "
            "VALUES (:i, :s, 'q', 'x', false, false, false, '', '', now(), now())",
            i=uuid.uuid4(), s=people["interview_b"].id)
    principle = analyst.add_principle(people["story_b"].id, situation="a home is at risk",
                                      action="let the tenant choose")
    theme = analyst.create_theme("Choice")
    analyst.assign_theme([principle.id], theme.id)
    assert [p.id for p in people["coordinator"].principles()] == [principle.id]
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        people["alice"].create_theme("Mine")


def test_the_coordinator_manages_stories_assignments_and_member_checks(server, people):
    coordinator, alice = people["coordinator"], people["alice"]
    assert titles(coordinator) == {"Back to school", "A home again"}
    assert answer_texts(coordinator) == {"We met every week", "He let me choose my flat"}
    coordinator.update_story(people["story_b"].id, ready_for_book=True)
    assert team.assign(coordinator.engine, people["story_b"].id, server.name("alice"))
    assert titles(alice) == {"Back to school", "A home again"}
    assert team.unassign(coordinator.engine, people["story_b"].id, server.name("alice"))
    assert titles(alice) == {"Back to school"}
    # an interviewer cannot hand themself a story, nor record a member check
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(alice, "INSERT INTO story_assignment (story_id, db_user) VALUES (:s, current_user)",
            s=people["story_b"].id)
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        alice.record_check(people["maya"].id, "approved", date(2026, 12, 1))
    coordinator.record_check(people["maya"].id, "approved", date(2026, 12, 1))


def test_the_book_title_page_is_the_coordinators_to_set_and_everyones_to_read(people):
    from reflect.exchange.book import TitlePage, remember_page, remembered_page

    coordinator, alice = people["coordinator"], people["alice"]
    remember_page(coordinator, TitlePage(title="What worked", year="2026"))
    assert remembered_page(alice).title == "What worked"
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        remember_page(alice, TitlePage(title="Mine"))
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(alice, "INSERT INTO databasesetting (key, value, updated_at) "
                   "VALUES ('x', 'y', now())")
    assert remembered_page(coordinator).title == "What worked"


def test_withdrawn_words_are_invisible_to_every_role_until_erased(people):
    coordinator = people["coordinator"]
    coordinator.record_check(people["rami"].id, "withdrawn", date(2026, 12, 1))
    for role in ("coordinator", "alice", "bob", "analyst"):
        assert "He let me choose my flat" not in answer_texts(people[role]), role
        assert sql(people[role], "SELECT count(*) FROM answer WHERE session_id = :s",
                   s=people["interview_b"].id)[0][0] == 0
    with pytest.raises(ProgrammingError, match="permission denied"):
        sql(people["bob"], "SELECT * FROM reflect_erase_words(:i)", i=people["rami"].id)
    # the coordinator counts what an erasure would delete, and erases it
    assert coordinator.word_counts(people["rami"].id) == {"answers": 1, "notes": 0,
                                                          "evidence": 0}
    with pytest.raises(StorageError, match="Not done: your role cannot"):
        people["bob"].erase_informant(people["rami"].id, actor="Bob")
    erased = coordinator.erase_informant(people["rami"].id, actor="Coordinator")
    assert erased["answers"] == 1
    assert coordinator.word_counts(people["rami"].id) == {"answers": 0, "notes": 0,
                                                          "evidence": 0}


def test_erasure_reaches_the_words_the_owner_still_sees(server, people):
    coordinator = people["coordinator"]
    coordinator.record_check(people["rami"].id, "withdrawn", date(2026, 12, 1))
    assert "He let me choose my flat" in answer_texts(server.owner)
    coordinator.erase_informant(people["rami"].id, actor="Coordinator")
    assert "He let me choose my flat" not in answer_texts(server.owner)


def test_the_audit_trail_records_the_database_user(server, people):
    rows = sql(server.owner, "SELECT DISTINCT db_user FROM auditevent")
    assert {server.name("alice"), server.name("bob")} <= {row[0] for row in rows}
    # nobody writes an event in someone else's name, nor rewrites one
    with pytest.raises(ProgrammingError, match="row-level security"):
        sql(people["alice"], "INSERT INTO auditevent (id, at, actor, entity, entity_id, action, "
            "detail, old_hash, new_hash, db_user) VALUES (:i, now(), '', 'story', 'x', 'create', "
            "'', '', '', :who)", i=uuid.uuid4(), who=server.name("bob"))
    with pytest.raises(ProgrammingError, match="permission denied"):
        sql(people["alice"], "UPDATE auditevent SET detail = 'x'")
    assert {row[0] for row in sql(people["alice"], "SELECT db_user FROM auditevent")} == {
        server.name("alice")}


def test_the_single_url_owner_is_not_filtered(server, people):
    """The owner login (single-URL mode, IT's account) sees everything, as before."""
    assert titles(server.owner) == {"Back to school", "A home again"}
    assert "I was tired that day" in answer_texts(server.owner)


def test_init_twice_is_harmless_and_members_round_trip(server, capsys):
    assert main(["--db", server.url, "team", "init"]) == 0
    assert main(["--db", server.url, "team", "init"]) == 0
    name = f"dina_{server.tag}"
    server.logins.append(name)
    assert main(["--db", server.url, "team", "add", name, "--role", "interviewer"]) == 0
    out = capsys.readouterr().out
    url = next(line.split("'")[1] for line in out.splitlines() if "reflect --db" in line)
    assert name in url
    dina = Store(open_engine(url))
    server.engines.append(dina.engine)
    assert dina.stories() == []
    server.owner.create_story("Open doors")
    assert main(["--db", server.url, "team", "assign", "Open doors", name]) == 0
    assert [s.title for s in dina.stories()] == ["Open doors"]
    capsys.readouterr()
    assert main(["--db", server.url, "team", "list"]) == 0
    assert capsys.readouterr().out.split() == [name, "interviewer", "Open", "doors"]
    assert main(["--db", server.url, "team", "remove", name]) == 0
    assert "dropped" in capsys.readouterr().out
    assert team.members(server.owner_engine) == []
    dina.engine.dispose()
    with pytest.raises(ReflectError):
        open_engine(url)


def test_no_password_and_bad_names(server):
    name = f"eve_{server.tag}"
    server.logins.append(name)
    added = team.add_member(server.owner_engine, name, "analyst", password=False)
    assert added.password is None and ":" not in added.url.split("@")[0].split("//")[1]
    with pytest.raises(ReflectError, match="already in this team"):
        team.add_member(server.owner_engine, name, "coordinator")
    with pytest.raises(ReflectError, match="cannot be a login name"):
        team.add_member(server.owner_engine, 'x"; DROP TABLE story; --', "analyst")


def test_a_member_cannot_manage_the_team(people, server):
    with pytest.raises(ReflectError, match="may not create roles"):
        team.add_member(people["coordinator"].engine, f"mallory_{server.tag}", "coordinator")


def test_a_team_needs_postgresql(tmp_path):
    with pytest.raises(ReflectError, match="PostgreSQL"):
        team.init_team(open_engine(str(tmp_path / "solo.db")))


def test_another_teams_database_is_closed_to_members(people, new_team_database):
    other = Team(new_team_database())
    try:
        team.init_team(other.owner_engine)
        elsewhere = people["alice"].engine.url.set(database=other.owner_engine.url.database)
        with pytest.raises(ReflectError):
            open_engine(elsewhere.render_as_string(hide_password=False))
    finally:
        other.close()


def _revision_0019():
    return _revision_module("0019_team_roles")


def test_the_frozen_revisions_build_what_a_new_database_gets():
    """Revision 0019's frozen team schema, the policies of the tables 0021, 0022 and 0023 add,
    and 0023's erasure function (it deletes transcripts too) are what a new database gets from
    the live code."""
    frozen = _revision_0019()
    transcripts = _revision_module("0023_transcripts")
    live = team_schema.schema_statements()
    assert transcripts._ERASE_WITH_TRANSCRIPTS in live
    added = [statement for statement in live if statement not in frozen.schema_statements()
             and statement != transcripts._ERASE_WITH_TRANSCRIPTS]
    assert [s for s in frozen.schema_statements() if s not in live] == [transcripts._ERASE_0019]
    later = ('"databasesetting"', '"recording"', '"recording_chunk"', '"transcript"')
    assert added and all(any(table in statement for table in later) for statement in added)
    settings = _revision_module("0021_database_settings")
    recordings = _revision_module("0022_recordings")
    assert [s for s in added if s.startswith("CREATE POLICY")] == (
        settings._TEAM_STATEMENTS + recordings._TEAM_STATEMENTS + transcripts._TEAM_STATEMENTS)
    undone = [s for s in team_schema.undo_statements() if s not in frozen.undo_statements()]
    assert undone and all(any(table in statement for table in later) for statement in undone)


def test_revision_19_goes_down_and_up_again(server, people):
    from alembic import command
    from sqlalchemy import inspect

    from reflect.store import schema
    from reflect.store.engine import make_engine

    for store in people.values():
        if isinstance(store, Store):
            store.engine.dispose()
    engine = make_engine(server.url)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0018")
        conn.commit()
    with engine.connect() as conn:
        assert not inspect(conn).has_table("story_assignment")
        assert "owner" not in {c["name"] for c in inspect(conn).get_columns("session")}
        assert conn.execute(text("SELECT count(*) FROM answer")).scalar_one() == 3
    engine.dispose()
    upgraded = open_engine(server.url)  # 0018 -> 0019 on opening
    with upgraded.connect() as conn:
        assert inspect(conn).has_table("story_assignment")
        owners = conn.execute(text("SELECT DISTINCT owner FROM session")).scalars().all()
    assert len(owners) == 1  # rows made before the revision belong to whoever upgraded
    team.init_team(upgraded)
    upgraded.dispose()


def test_revision_19_does_nothing_on_sqlite(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from reflect.store import schema
    from reflect.store.engine import make_engine

    path = str(tmp_path / "solo.db")
    open_engine(path).dispose()
    engine = make_engine(path)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0018")
        conn.commit()
        command.upgrade(schema._alembic_config(conn), "head")
        conn.commit()
    with engine.connect() as conn:
        assert not inspect(conn).has_table("story_assignment")
        assert "owner" not in {c["name"] for c in inspect(conn).get_columns("session")}
    engine.dispose()


async def test_the_app_as_an_interviewer_shows_what_the_server_returns(people, catalog):
    """Home lists as PostgreSQL returns them to Alice; a write her role may not make is
    said in words ("Not done: your role cannot ..."), and the app carries on."""
    from reflect_tui.app import make_app
    from reflect_tui.home import HomeScreen
    from reflect_tui.story_form import StoryForm
    from tests.ui_helpers import Told, burst, table_rows, type_text, until

    told = Told()
    app = make_app(people["alice"].engine, catalog)
    async with app.run_test(size=(100, 30), notifications=True, message_hook=told) as pilot:
        await until(pilot, lambda: table_rows(app, "#stories"))
        stories = table_rows(app, "#stories")
        assert [row[0] for row in stories] == ["Back to school"]
        sessions = " ".join(" ".join(row) for row in table_rows(app, "#sessions"))
        assert "Maya" in sessions and "Rami" not in sessions
        await burst(pilot, "n")
        await until(pilot, lambda: isinstance(app.screen, StoryForm))
        await type_text(pilot, "My own story")
        await burst(pilot, "ctrl+s")
        await until(pilot, lambda: "Not done: your role cannot" in str(told))
        assert isinstance(app.screen, HomeScreen)
    assert titles(people["coordinator"]) == {"Back to school", "A home again"}


def test_an_interviewer_keeps_their_own_interview_when_the_story_is_taken_back(server, people):
    coordinator, alice = people["coordinator"], people["alice"]
    assert team.unassign(coordinator.engine, people["story_a"].id, server.name("alice"))
    assert titles(alice) == set()
    assert alice.session(people["interview_a"].id) is not None
    assert [i.pseudonym for i in alice.informants(people["story_a"].id)] == ["Maya"]
    alice.save_answer(people["interview_a"].id, people["question"], text="We met every day")
    assert "We met every day" in answer_texts(alice)
    # and when Maya withdraws, her words leave Alice's view too
    coordinator.record_check(people["maya"].id, "withdrawn", date(2026, 12, 1))
    assert answer_texts(alice) == {"I was tired that day"}


def test_the_password_never_reaches_the_server_as_typed(server):
    """The server keeps a SCRAM verifier that libpq worked out on this side (no statement
    log on the server can hold the password)."""
    name = f"fay_{server.tag}"
    server.logins.append(name)
    added = team.add_member(server.owner_engine, name, "interviewer")
    [(stored,)] = sql(server.owner, "SELECT rolpassword FROM pg_authid WHERE rolname = :n",
                      n=name)
    assert stored.startswith(("SCRAM-SHA-256$", "md5"))
    assert added.password and added.password not in stored
