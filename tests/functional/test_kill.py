"""The real app in a real terminal (a pty), killed with SIGKILL while an answer is being typed:
everything typed up to a second before the kill is in the database, and the database is whole.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time

import pytest

from reflect.store import Store
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def test_sigkill_while_typing_loses_at_most_the_last_second(db_path, engine, interview):
    _, _, session = interview
    engine.dispose()
    env = {**os.environ, "TERM": "xterm-256color", "REFLECT_DB": str(db_path)}
    terminal = Terminal([sys.executable, "-m", "reflect"], env)
    try:
        terminal.wait_for(b"Maya")  # the sessions list is filled: the database is open
        terminal.type("\t\r")  # focus the sessions list, open the interview
        terminal.wait_for(b"Stage 1/6")
        terminal.type("We met at her home every week.")
        time.sleep(1.0)  # what is tested: a real second of the person not typing is enough
        terminal.type(" And then")  # typed less than SAVE_DELAY before the kill: may be lost
    finally:
        terminal.kill()
    answer = Store(engine).answers(session.id)["success-what"].text
    assert answer.startswith("We met at her home every week.")
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
