"""Generate a reflect database of N sessions (~20 answers each) for the benchmark.

Rows are written straight through sqlite3 in one transaction (synchronous off: this is
throw-away bench data), in exactly the format the app writes, with the FTS triggers live.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reflect.paths import shipped_data_dir
from reflect.protocol.catalog import load_catalog
from reflect.protocol.definition import Protocol
from reflect.store.engine import open_engine
from reflect.store.fulltext import FTS_SETUP

ANSWERS_PER_SESSION = 20
ANSWER_INSERT = ("INSERT INTO answer (created_at, updated_at, id, session_id, question_id, text,"
                 " value, skipped, flag_quote, flag_follow_up, opened_kind, typed_kind)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,'','')")


def bench_protocol() -> Protocol:
    """The two shipped LFS interview protocols as one 24-question protocol."""
    catalog = load_catalog()
    worker, client = catalog.get("lfs-practitioner"), catalog.get("lfs-client")
    stages = [*worker.stages,
              *[s.model_copy(update={"id": f"client-{s.id}",
                                     "questions": [q.model_copy(update={"id": f"client-{q.id}"})
                                                   for q in s.questions]})
                for s in client.stages]]
    return worker.model_copy(update={"id": "bench-lfs", "title": "LFS (bench)",
                                     "stages": stages})


def vocabulary() -> list[str]:
    text = (shipped_data_dir() / "demo.yaml").read_text()
    return [w for w in text.replace("\n", " ").split(" ") if w.isalpha()]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(path: Path, sessions: int, seed: int = 7) -> dict:
    """Create the database at path with this many sessions; returns what was written."""
    if path.exists():
        path.unlink()
    open_engine(str(path)).dispose()
    rng = random.Random(seed)
    words = vocabulary()
    protocol = bench_protocol()
    questions = [q.id for q in protocol.questions][:ANSWERS_PER_SESSION]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    # Index in one pass at the end (as 'rebuild' does) instead of row by row.
    conn.execute("DROP TRIGGER answer_fts_insert")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    stories = max(5, sessions // 10)
    with conn:
        conn.execute("INSERT INTO protocolsnapshot VALUES (?, ?, ?, ?, ?)",
                     (protocol.content_hash, protocol.id, protocol.version,
                      protocol.canonical_json(), stamp(start)))
        story_ids = []
        for number in range(stories):
            story_id = uuid.uuid4().hex
            story_ids.append(story_id)
            when = stamp(start + timedelta(hours=number))
            conn.execute(
                "INSERT INTO story (id, title, service, success_criteria, summary, status, tags,"
                " ready_for_book, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (story_id, f"Story {number}: " + " ".join(rng.choices(words, k=4)),
                 "Family support", " ".join(rng.choices(words, k=15)),
                 " ".join(rng.choices(words, k=30)), "analysed", "",
                 int(number < 20), when, when))
        answer_rows = []
        for number in range(sessions):
            story_id = story_ids[number % stories]
            informant_id, session_id = uuid.uuid4().hex, uuid.uuid4().hex
            when = start + timedelta(minutes=7 * number)
            conn.execute("INSERT INTO informant (created_at, updated_at, id, story_id, pseudonym,"
                         " role, withdrawn) VALUES (?,?,?,?,?,?,0)",
                         (stamp(when), stamp(when), informant_id, story_id,
                          f"Person {number}", rng.choice(["social_worker", "client"])))
            conn.execute(
                "INSERT INTO session (created_at, updated_at, id, kind, story_id, informant_id,"
                " protocol_id, protocol_version, protocol_hash, interviewer, case_label,"
                " follow_up_of, consent_given, consent_method, consent_at, consent_recorded_by,"
                " consent_text_version, status, current_question_id, elapsed_seconds,"
                " started_at, completed_at, locked_at, locked_by)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (stamp(when), stamp(when), session_id, "interview", story_id, informant_id,
                 protocol.id, protocol.version, protocol.content_hash, "Bench", "", None, 1,
                 "verbal", stamp(when), "Bench", protocol.consent.version,
                 "completed" if number % 10 else "in_progress", questions[0], 3600,
                 stamp(when), None, None, ""))
            for question_id in questions:
                length = max(5, int(rng.gauss(60, 30)))
                answer_rows.append((stamp(when), stamp(when), uuid.uuid4().hex, session_id,
                                    question_id, " ".join(rng.choices(words, k=length)), None,
                                    0, int(rng.random() < 0.05), 0))
            if len(answer_rows) >= 20_000:
                conn.executemany(ANSWER_INSERT, answer_rows)
                answer_rows = []
        conn.executemany(ANSWER_INSERT, answer_rows)
        conn.execute("INSERT INTO answer_fts(answer_fts) VALUES ('rebuild')")
        conn.execute(next(s for s in FTS_SETUP if "TRIGGER answer_fts_insert" in s))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"stories": stories, "sessions": sessions,
            "answers": sessions * len(questions), "bytes": path.stat().st_size,
            "snapshot": json.loads(protocol.canonical_json())["id"]}
