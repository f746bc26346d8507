"""Crash safety: the real app killed (SIGKILL) at random moments while an answer is typed,
again and again; and two processes writing to one database at once."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
KILLS = int(os.environ.get("REFLECT_KILLS", "6"))
LOSS_WINDOW = 1.0
"""At most the last second of typing may be lost."""


def test_repeated_kills_lose_at_most_the_last_second(db_path, engine, interview):
    _, _, session = interview
    engine.dispose()
    rng = random.Random(2026)
    env = {**os.environ, "TERM": "xterm-256color", "REFLECT_DB": str(db_path)}
    typed_before_window = ""
    typed_so_far = ""
    words_typed = words_lost = 0
    for kill in range(KILLS):
        terminal = Terminal([sys.executable, "-m", "reflect"], env)
        try:
            terminal.wait_for(b"Maya")
            terminal.type("\t\r")
            terminal.wait_for(b"Stage 1/6")
            if saved := typed_so_far.split():  # the answer area shows what was saved
                terminal.wait_for(saved[-1].encode())
            chunk_times = []
            for word in range(rng.randint(3, 12)):
                chunk = f"k{kill}w{word} "
                terminal.type(chunk, delay=0.01)
                typed_so_far += chunk
                chunk_times.append((time.monotonic(), typed_so_far))
            # what is tested: a kill at a random moment, up to 1.6 s after the last key
            time.sleep(rng.uniform(0, 1.6))
            killed_at = time.monotonic()
        finally:
            terminal.kill()
        typed_before_window = max((text for at, text in chunk_times
                                   if at <= killed_at - LOSS_WINDOW),
                                  key=len, default=typed_before_window)
        with sqlite3.connect(db_path) as conn:  # a fresh connection, as after a reboot
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            [(text,)] = conn.execute("SELECT text FROM answer WHERE question_id = "
                                     "'success-what'").fetchall() or [("",)]
        assert text.startswith(typed_before_window.rstrip()), (kill, text, typed_before_window)
        assert typed_so_far.startswith(text.rstrip()), "nothing is saved that was not typed"
        words_typed += len(chunk_times)
        words_lost += len(typed_so_far.split()) - len(text.split())
        typed_so_far = text
    print(f"\ncrash test: {KILLS} SIGKILLs, {KILLS} integrity checks ok, {words_typed} words "
          f"typed, {words_typed - words_lost} saved, {words_lost} lost (each typed less than "
          f"{LOSS_WINDOW:.0f} s before its kill)")


WRITER = """
import sys, uuid
from reflect.store.engine import open_engine
from reflect.store import Store
store = Store(open_engine(sys.argv[1]))
session = uuid.UUID(sys.argv[2])
for number in range(int(sys.argv[3])):
    store.save_answer(session, sys.argv[4], text=f"{sys.argv[4]} {number}")
"""


def test_two_processes_writing_at_once_lose_nothing(db_path, store, catalog, interview):
    from reflect.store import ConsentRecord

    story, informant, first = interview
    client = store.add_informant(story.id, "Rosa", "client")
    second = store.start_interview(client.id, catalog.get("lfs-client"),
                                   ConsentRecord(True, "written", "Ben"))
    writes = 150
    processes = [subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(session.id),
                                   str(writes), question])
                 for session, question in ((first, "success-what"),
                                           (second, "change-what"),
                                           (first, "before-situation"))]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    assert store.answers(first.id)["success-what"].text == f"success-what {writes - 1}"
    assert store.answers(first.id)["before-situation"].text == f"before-situation {writes - 1}"
    assert store.answers(second.id)["change-what"].text == f"change-what {writes - 1}"
    with sqlite3.connect(db_path) as conn:
        events = conn.execute("SELECT count(*) FROM auditevent WHERE entity = 'answer'")
        assert events.fetchone() == (3 * writes,)
