"""Run a command in a real pseudo-terminal, as a person would, for crash tests."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable

from tests.ui_helpers import not_yet


def eventually(condition: Callable[[], object], timeout: float = 30, what: str = "") -> None:
    """Returns as soon as `condition()` is true (an exception counts as not yet); fails after
    `timeout` seconds. For what another process does (a row saved, a file written): it is
    looked at every 50 ms, the one fixed interval, never a pause that a loaded machine may
    outlast. Tests inside the app wait with tests/ui_helpers.py until() instead."""
    deadline = time.monotonic() + timeout
    while (problem := not_yet(condition)) is not None:
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}") from problem
        time.sleep(0.05)


class Terminal:
    """Runs a command on a pty of a given size and keeps everything it prints."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 100, rows: int = 30):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True)
        os.close(slave)
        self.output = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 30) -> None:
        """Until the program has drawn `text`; fails at once if the program ended."""
        with contextlib.suppress(AssertionError):  # said below, with the last output
            eventually(lambda: text in self.output or self.process.poll() is not None, timeout)
        if text not in self.output:
            raise AssertionError(f"{text!r} never appeared; last output: "
                                 f"{bytes(self.output[-400:])!r}")

    def type(self, text: str, delay: float = 0.02) -> None:
        """One key at a time at a person's pace: `delay` is not a wait on anything, it is how
        fast the person types (the crash tests measure what was typed in the last second)."""
        for char in text:
            os.write(self.master, char.encode())
            time.sleep(delay)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def interview_open(db_path, cols: int = 80, rows: int = 24) -> Terminal:
    """The real app on a pty over `db_path`, the `interview` fixture's interview (Maya's)
    opened from the home screen at its first question. Kill it when done."""
    env = {**os.environ, "TERM": "xterm-256color", "REFLECT_DB": str(db_path),
           "TEXTUAL_ANIMATIONS": "none"}
    terminal = Terminal([sys.executable, "-m", "reflect"], env, cols=cols, rows=rows)
    try:
        terminal.wait_for(b"Maya")  # the sessions list is filled: the database is open
        terminal.type("\t\r")  # focus the sessions list, open the interview
        terminal.wait_for(b"Stage 1/6")
    except BaseException:
        terminal.kill()
        raise
    return terminal
