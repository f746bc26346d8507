"""Typed text is stored with newline line ends whichever way it comes in (the store's writes,
a bundle import, revision 0018 for what was stored before), and evidence offsets stay exact:
an excerpt is `answer.text[start:end]` for reflect, QDA programs, R and any text reader."""

from __future__ import annotations

import json
import uuid

import pytest
from alembic import command
from sqlalchemy import text

from reflect.exchange.bundle import import_bundle
from reflect.exchange.bundle_export import bundle_data
from reflect.exchange.bundle_file import checksum
from reflect.models import Answer, Evidence
from reflect.store import ConsentRecord, Store, schema
from reflect.store.engine import make_engine, open_engine
from reflect.store.line_ends import ImportLineEnds
from reflect.text import line_ends

pytestmark = pytest.mark.both_backends

CRLF_ANSWER = "First we called.\r\nThen\rthe school\r\n\r\nsaid yes: she went back."
EXCERPT = "the school"
AFTER = "she went back"


def test_line_ends_and_the_offsets_an_import_moves():
    assert line_ends("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n"
    answer_id = uuid.uuid4()
    pieces = [(start, end) for start in range(len(CRLF_ANSWER))
              for end in range(start, len(CRLF_ANSWER) + 1)
              # no excerpt cuts a CR LF in two (they are stripped)
              if not CRLF_ANSWER[start:end].startswith("\n")
              and not CRLF_ANSWER[start:end].endswith("\r")]
    answers = [{"id": answer_id, "text": CRLF_ANSWER}]
    evidence = [{"answer_id": answer_id, "excerpt": CRLF_ANSWER[start:end], "start": start,
                 "end": end} for start, end in pieces]
    moving = ImportLineEnds()
    moving.rows(Answer, answers)
    moving.rows(Evidence, evidence)
    text = answers[0]["text"]
    assert text == line_ends(CRLF_ANSWER)
    for link in evidence:
        assert text[link["start"]:link["end"]] == link["excerpt"], link


def test_every_write_stores_newline_line_ends(store, interview):
    story, informant, session = interview
    answer = store.save_answer(session.id, "success-what", text=CRLF_ANSWER)
    assert answer.text == line_ends(CRLF_ANSWER) == store.answer_by_id(answer.id).text
    note = store.add_note(session.id, "success-what", "She paused.\r\nThen smiled.")
    assert note.text == "She paused.\nThen smiled." == store.notes(session.id)[0].text
    principle = store.add_principle(story.id, situation="a\r\nb", action="call\rfirst")
    principle = store.update_principle(principle.id, goal="x\r\ny")
    [stored] = store.principles(story.id)
    assert (stored.situation, stored.action, stored.goal) == ("a\nb", "call\nfirst", "x\ny")
    theme = store.create_theme("Ties", "one\r\ntwo")
    assert store.update_story(story.id, summary="s\r\nt").summary == "s\nt"
    with store.engine.connect() as conn:
        for table, column in (("answer", "text"), ("interviewernote", "text"),
                              ("principle", "situation"), ("theme", "description"),
                              ("story", "summary")):
            assert not conn.execute(text(f"SELECT count(*) FROM {table} WHERE "
                                         f"{column} LIKE '%' || :cr || '%'"),
                                    {"cr": "\r"}).scalar_one(), table
    assert theme.description == "one\ntwo"
    start = answer.text.index(EXCERPT)
    link = store.add_evidence(principle.id, answer.id, start, start + len(EXCERPT))
    assert answer.text[link.start:link.end] == link.excerpt == EXCERPT


def test_a_bundle_with_crlf_text_comes_in_with_newlines_and_exact_offsets(
        store, interview, new_database, tmp_path):
    story, _informant, session = interview
    answer = store.save_answer(session.id, "success-what", text=line_ends(CRLF_ANSWER))
    principle = store.add_principle(story.id, action="Call first")
    for words in (EXCERPT, AFTER):
        start = answer.text.index(words)
        store.add_evidence(principle.id, answer.id, start, start + len(words))
    data = bundle_data(store)
    tables = data["tables"]
    # as a reflect before revision 0018 on Windows could have written it
    [row] = [a for a in tables["answers"] if a["id"] == str(answer.id)]
    row["text"] = CRLF_ANSWER
    for link in tables["evidence"]:
        link["start"] = CRLF_ANSWER.index(link["excerpt"])
        link["end"] = link["start"] + len(link["excerpt"])
    data["checksum"] = checksum(tables)
    path = tmp_path / "windows.json"
    path.write_text(json.dumps(data, ensure_ascii=False))

    other = Store(open_engine(new_database()))
    import_bundle(other, path)
    imported = other.answer_by_id(answer.id)
    assert imported.text == line_ends(CRLF_ANSWER)
    links = other.evidence([principle.id])[principle.id]
    assert sorted(link.excerpt for link in links) == sorted([EXCERPT, AFTER])
    for link in links:
        assert imported.text[link.start:link.end] == link.excerpt
    other.engine.dispose()


def test_revision_20_converts_stored_crlf_and_shifts_evidence_offsets(new_database, catalog):
    """Text stored with CR LF before 0018: the answer, a note and a principle get newline line
    ends, and evidence after the CRs points at the same words (the excerpt at its new offsets
    equals its quoted text)."""
    db = new_database()
    store = Store(open_engine(db))
    story = store.create_story("Back to school", "Family support")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    answer = store.save_answer(session.id, "success-what", text="placeholder")
    note = store.add_note(session.id, "success-what", "placeholder")
    principle = store.add_principle(story.id, action="placeholder")
    links = {words: store.add_evidence(principle.id, answer.id, 0, 3).id
             for words in (EXCERPT, AFTER, "First")}
    store.engine.dispose()

    engine = make_engine(db)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0017")
        conn.commit()
    with engine.begin() as conn:  # what an older reflect stored as it came
        hexed = (lambda u: u.hex) if engine.dialect.name == "sqlite" else str
        conn.execute(text("UPDATE answer SET text = :t WHERE id = :id"),
                     {"t": CRLF_ANSWER, "id": hexed(answer.id)})
        conn.execute(text("UPDATE interviewernote SET text = :t WHERE id = :id"),
                     {"t": "Paused.\r\nSmiled.", "id": hexed(note.id)})
        conn.execute(text("UPDATE principle SET action = :t WHERE id = :id"),
                     {"t": "Call\r\nfirst", "id": hexed(principle.id)})
        for words, link_id in links.items():
            start = CRLF_ANSWER.index(words)
            conn.execute(text('UPDATE evidence SET excerpt = :e, start = :s, "end" = :n '
                              "WHERE id = :id"), {"e": words, "s": start,
                                                  "n": start + len(words),
                                                  "id": hexed(link_id)})
    engine.dispose()

    upgraded = Store(open_engine(db))
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() \
            == schema.HEAD
    stored = upgraded.answer_by_id(answer.id).text
    assert stored == line_ends(CRLF_ANSWER) and "\r" not in stored
    for link in upgraded.evidence([principle.id])[principle.id]:
        assert stored[link.start:link.end] == link.excerpt
    moved = {link.excerpt: link.start for link in upgraded.evidence([principle.id])[principle.id]}
    assert moved[AFTER] == CRLF_ANSWER.index(AFTER) - 3  # three CR LFs before it
    assert moved[EXCERPT] == CRLF_ANSWER.index(EXCERPT) - 1 and moved["First"] == 0
    assert upgraded.notes(session.id)[0].text == "Paused.\nSmiled."
    assert upgraded.principles(story.id)[0].action == "Call\nfirst"
    upgraded.engine.dispose()
