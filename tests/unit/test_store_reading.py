"""Store.reading(): several reads in one database session and transaction (issue 31, point
2: on a server each session costs round trips of its own)."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from reflect.method.session import SessionRun
from reflect.models import Informant, Session, Story
from reflect.protocol.catalog import ProtocolCatalog as Catalog
from reflect.store import Store

Interview = tuple[Story, Informant, Session]

pytestmark = pytest.mark.both_backends


def checkouts(store: Store) -> list[int]:
    """A list that grows by one each time the store takes a connection from its pool."""
    taken: list[int] = []
    event.listen(store.engine, "checkout", lambda *_: taken.append(1))
    return taken


def title(store: Store, story: Story) -> str:
    found = store.story(story.id)
    return found.title if found is not None else ""


def test_reads_in_a_block_share_one_connection_and_read_the_same(
        store: Store, interview: Interview) -> None:
    story, informant, session = interview
    store.save_answer(session.id, "lessons-anything-else", text="We met at school")
    apart = (store.story(story.id), store.informants(story.id),
             store.sessions_for_story(story.id), store.answers(session.id),
             store.notes(session.id))
    taken = checkouts(store)
    with store.reading():
        together = (store.story(story.id), store.informants(story.id),
                    store.sessions_for_story(story.id), store.answers(session.id),
                    store.notes(session.id))
        with store.reading():  # nested: still the one
            run = SessionRun.resume(store, session.id)
    assert len(taken) == 1
    assert together[0] is not None and apart[0] is not None
    assert together[0].model_dump() == apart[0].model_dump()
    assert [i.id for i in together[1]] == [i.id for i in apart[1]]
    assert [s.id for s in together[2]] == [s.id for s in apart[2]]
    assert {q: a.text for q, a in together[3].items()} == {q: a.text for q, a in
                                                            apart[3].items()}
    assert run.answers["lessons-anything-else"].text == "We met at school"
    SessionRun.resume(store, session.id)  # on its own: one transaction too
    assert len(taken) == 2


def test_a_write_inside_a_block_is_refused_and_nothing_is_written(
        store: Store, interview: Interview) -> None:
    story, _informant, _session = interview
    with pytest.raises(RuntimeError, match="reads only"), store.reading():
        store.update_story(story.id, title="Changed inside a read")
    assert title(store, story) == "Back to school"
    store.update_story(story.id, title="Changed after it")  # the store writes again
    assert title(store, story) == "Changed after it"


def test_each_thread_has_its_own_block(store: Store, interview: Interview) -> None:
    import threading

    story, _informant, _session = interview
    seen: list[str] = []

    def write_then_read() -> None:
        store.update_story(story.id, title="Written by another thread")
        seen.append(title(store, story))

    with store.reading():
        worker = threading.Thread(target=write_then_read)
        worker.start()
        worker.join()
    assert seen == ["Written by another thread"]


def test_the_gate_is_read_once_in_a_block_and_still_holds(
        store: Store, catalog: Catalog, interview: Interview) -> None:
    """Inside a block the gate's rows are read once and each later gate is taken from them:
    a withdrawn informant's words stay hidden, another's are shown."""
    from datetime import date

    from reflect.errors import ReflectError
    from reflect.roles import Role
    from reflect.store import ConsentRecord

    story, _maya, shown = interview
    store.save_answer(shown.id, "lessons-anything-else", text="Shown")
    client = store.add_informant(story.id, "Dana", Role.CLIENT)
    protocol = catalog.get("lfs-client")
    assert protocol is not None
    hidden = store.start_interview(client.id, protocol, ConsentRecord(True, "verbal", "Ana"))
    question = protocol.questions[0].id
    store.save_answer(hidden.id, question, text="Hidden")
    store.record_check(client.id, "withdrawn", date(2026, 1, 5))
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_: statements.append(sql))
    with store.reading():
        assert store.answers(hidden.id) == {}
        assert store.notes(hidden.id) == []
        assert store.answers(shown.id)["lessons-anything-else"].text == "Shown"
        assert not store.gate().shows_session(hidden.id)
        with pytest.raises(ReflectError, match="withdrew"):
            SessionRun.resume(store, hidden.id)
    assert sum("withdrawn" in sql for sql in statements) == 1
    assert store.answers(hidden.id) == {}  # and outside a block, as before
