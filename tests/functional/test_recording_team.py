# ruff: noqa: F811 - the team fixtures are imported by name and asked for by name
"""On a team server (PostgreSQL, row security): a withdrawn informant's recording is
invisible to every role, and the coordinator's erasure destroys it with the words (issue 34,
point 5). Runs where REFLECT_TEST_POSTGRES names a server, as the team tests do."""

from __future__ import annotations

from datetime import date

from tests.functional.test_team import (  # noqa: F401 - the team's fixtures
    new_team_database,
    people,
    pytestmark,
    server,
    sql,
)


def recorded(server, people) -> tuple:
    """A recording of Rami's interview (B's, completed), made with his consent."""
    from reflect.audio import codec

    owner = server.owner
    session = people["interview_b"]
    with owner.engine.begin() as conn:  # consent to record, given at the interview
        conn.exec_driver_sql("UPDATE session SET recording_consent = TRUE WHERE id = %(s)s",
                             {"s": session.id})
    recording = owner.start_recording(session.id, source="import", sample_rate=16000,
                                      codec="flac", original_name="phone.m4a")
    owner.add_chunk(recording, 0, 0, 1000, codec.encode(bytes(32000), 16000, "flac"))
    return session, recording


def test_a_withdrawn_recording_is_hidden_from_every_role(server, people):
    session, recording = recorded(server, people)
    assert [r.id for r in people["bob"].recordings(session.id)] == [recording]
    people["coordinator"].record_check(people["rami"].id, "withdrawn", date(2026, 12, 1))
    for role in ("coordinator", "alice", "bob", "analyst"):
        assert people[role].recordings(session.id) == [], role
        assert sql(people[role], "SELECT count(*) FROM recording_chunk")[0][0] == 0, role


def test_the_coordinators_erasure_destroys_the_recording(server, people):
    owner, coordinator = server.owner, people["coordinator"]
    recorded(server, people)
    coordinator.record_check(people["rami"].id, "withdrawn", date(2026, 12, 1))
    coordinator.erase_informant(people["rami"].id, actor="Coordinator")
    assert sql(owner, "SELECT count(*) FROM recording")[0][0] == 0
    assert sql(owner, "SELECT count(*) FROM recording_chunk")[0][0] == 0
