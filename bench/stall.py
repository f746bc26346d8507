"""The longest stall of the UI thread while a person works: does the UI wait on the disk?

    python bench/stall.py                              10,000 and 100,000 interviews
    python bench/stall.py --sizes 10000 --dir /tmp/b --reuse   keep and reuse the databases
    python bench/stall.py --rounds 5                   each step five times (the worst shown)

A heartbeat task on the app's own event loop wakes every 2 ms and records how late it woke:
while a handler runs on the UI thread (a store call in a key handler, a screen that reads the
database while it is composed) nothing else does, keys wait, and the heartbeat's gap grows by
as long. Each step below is run through Textual's pilot (headless) until what it shows is on
the screen, and the longest gap seen meanwhile is its figure:

- open a story (its interviews listed), resume an interview (its question shown), search
  (the first results listed), finish an interview (F10, review, confirm, back on the story);
- the floor, measured in the same run: an empty screen pushed and shown (what Textual itself
  costs for any screen change; a figure near it means the step's database work did not hold
  the UI thread).

The heartbeat's gap holds everything the UI thread did at once (building and drawing the
screen too) and, on a shared machine, the time the process was not scheduled at all. So each
step also reports the database's own share on the UI thread, counted by SQLAlchemy's cursor
events: the SQL run on the UI thread during the step (its total, and the longest statement).
A UI that never waits on the disk runs none there.

Figures only, as bench/run.py: this machine is shared and noisy, ratios to the floor hold
where absolute times do not; the target of issue 30 (< 50 ms at 100,000 interviews) is printed
beside them. Each size runs in a fresh process (--child). Databases are made by
bench/generate.py, like bench/run.py's (the same file names, so --dir and --reuse share them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

console = Console(width=max(150, Console().width))
BEAT = 0.002
"""Seconds between heartbeats."""
STEP_TIMEOUT = 120.0
"""A step not shown after this long is reported as such, not waited on for ever."""
WORDS = ["family", "home visit", "school", "trust", "mother"]


class UiSql:
    """SQL executed on the thread that created this (the UI thread): total and longest
    statement, in seconds, since the last `reset()`."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.thread = threading.get_ident()
        self.total = self.longest = 0.0
        self._began: dict[int, float] = {}
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def reset(self) -> None:
        self.total = self.longest = 0.0

    def _before(self, conn: Any, *_args: Any) -> None:
        if threading.get_ident() == self.thread:
            self._began[id(conn)] = time.perf_counter()

    def _after(self, conn: Any, *_args: Any) -> None:
        began = self._began.pop(id(conn), None)
        if began is not None:
            spent = time.perf_counter() - began
            self.total += spent
            self.longest = max(self.longest, spent)


class Heartbeat:
    """Wakes every BEAT seconds on the running loop; `worst` is the longest late wake-up
    since the last `reset()` (seconds beyond BEAT)."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._beat())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def reset(self) -> None:
        self.worst = 0.0

    async def _beat(self) -> None:
        while True:
            began = time.perf_counter()
            await asyncio.sleep(BEAT)
            self.worst = max(self.worst, time.perf_counter() - began - BEAT)


async def stalls(db: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    """Each step `rounds` times: per step, the longest stall of each run ('stall'), and the
    SQL run on the UI thread meanwhile ('sql': total, 'statement': longest), in seconds."""
    from textual.pilot import Pilot
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Input, Label

    from reflect.store.engine import open_engine
    from reflect.vocab import SessionStatus
    from reflect_tui.app import make_app
    from reflect_tui.review import ReviewScreen
    from reflect_tui.search import SearchScreen
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen

    class Empty(Screen[None]):
        def compose(self) -> Any:
            yield Header()
            yield Label("empty")
            yield Footer()

    engine = open_engine(str(db))
    sql = UiSql(engine)
    app = make_app(engine)
    store = app.store
    assert store is not None
    # interviews in progress, each in a story of its own, and the story it belongs to
    stories, open_ones = [], []
    for session in store.recent_sessions(limit=400):
        if session.status == SessionStatus.IN_PROGRESS and session.informant_id is not None:
            informant = store.informant(session.informant_id)
            if informant is not None and informant.story_id not in stories:
                stories.append(informant.story_id)
                open_ones.append(session.id)
        if len(open_ones) == rounds:
            break
    figures: dict[str, dict[str, list[float]]] = {
        name: {"stall": [], "sql": [], "statement": []}
        for name in ("empty screen (floor)", "open a story", "resume an interview", "search",
                     "finish an interview")}
    heart = Heartbeat()

    async def until(condition: Callable[[], object], pilot: Pilot[Any]) -> None:
        deadline = time.monotonic() + STEP_TIMEOUT
        while True:
            try:
                if condition():
                    break
            except Exception:  # noqa: BLE001 - not on the screen yet
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("a step did not finish")
            await asyncio.sleep(BEAT)
        await pilot.pause()  # and drawn

    async def step(name: str, start: Callable[[], Awaitable[object] | object],
                   shown: Callable[[], object], pilot: Pilot[Any]) -> None:
        await pilot.pause()  # what the last step left running (a list read again) is done
        heart.reset()
        sql.reset()
        began = start()
        if isinstance(began, Awaitable):
            await began
        await until(shown, pilot)
        figures[name]["stall"].append(heart.worst)
        figures[name]["sql"].append(sql.total)
        figures[name]["statement"].append(sql.longest)

    def rows(selector: str) -> int:
        return app.screen.query_one(selector, DataTable).row_count

    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: rows("#sessions"), pilot)
        heart.start()
        for number, (story_id, session_id) in enumerate(zip(stories, open_ones, strict=True)):
            await step("empty screen (floor)", lambda: app.push_screen(Empty()),
                       lambda: isinstance(app.screen, Empty), pilot)
            app.pop_screen()
            await step("open a story", lambda s=story_id: app.push_screen(StoryScreen(s)),
                       lambda: isinstance(app.screen, StoryScreen) and rows("#interviews"),
                       pilot)
            await step("resume an interview",
                       lambda s=session_id: app.push_screen(SessionScreen(s)),
                       lambda: isinstance(app.screen, SessionScreen)
                       and getattr(app.screen, "run", None) is not None
                       and app.screen.query("#answer"), pilot)

            async def finish() -> None:
                await pilot.press("f10")
                await until(lambda: isinstance(app.screen, ReviewScreen), pilot)
                await pilot.press("f10")  # the review's own Finish
                await until(lambda: not isinstance(app.screen, ReviewScreen), pilot)
                await pilot.press("enter")  # the confirmation, its yes focused

            await step("finish an interview", finish,
                       lambda: isinstance(app.screen, StoryScreen), pilot)
            app.pop_screen()
            words = WORDS[number % len(WORDS)]

            async def search(words: str = words) -> None:
                await app.push_screen(SearchScreen())
                await until(lambda: app.screen.query_one("#query", Input).has_focus, pilot)
                app.screen.query_one("#query", Input).value = words
                await pilot.press("enter")

            await step("search", search,
                       lambda: isinstance(app.screen, SearchScreen) and rows("#results"),
                       pilot)
            app.pop_screen()
            await pilot.pause()
        heart.stop()
    return figures


def child(db: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    return asyncio.run(stalls(db, rounds))


def in_child(db: Path, rounds: int) -> dict[str, dict[str, list[float]]]:
    command = [sys.executable, __file__, "--child", str(db), "--rounds", str(rounds)]
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                            timeout=3600)
    result: dict[str, dict[str, list[float]]] = json.loads(output.stdout.strip().splitlines()[-1])
    return result


def database(size: int, folder: Path, reuse: bool) -> tuple[Path, str]:
    db = folder / f"reflect-{size}.db"
    if reuse and db.exists():
        with sqlite3.connect(db) as conn:
            if conn.execute("SELECT count(*) FROM session").fetchone()[0] == size:
                return db, f"reused {db.stat().st_size / 1e6:,.0f} MB"
    db.unlink(missing_ok=True)
    began = time.perf_counter()
    made = generate(db, size)
    return db, (f"{made['answers']:,} answers, {made['bytes'] / 1e6:,.0f} MB in "
                f"{time.perf_counter() - began:.0f} s")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated interview "
                        "counts (100,000 is the target's size)")
    parser.add_argument("--dir", type=Path, help="where to keep the generated databases")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse databases already generated in --dir")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each step")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # one size, fresh
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.rounds)))
        return
    folder = args.dir or Path(tempfile.mkdtemp(prefix="reflect-stall-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("REFLECT_DATA_DIR", str(folder / "data"))
    table = Table("interviews", "step", "longest UI-thread stall",
                  "SQL on the UI thread (longest statement)", "target",
                  title="reflect: the UI thread's longest stall (bench/stall.py)")
    for size in (int(s) for s in args.sizes.split(",")):
        console.print(f"measuring at {size:,} interviews…")
        db, made = database(size, folder, args.reuse)
        table.add_row(f"{size:,}", "database", made, "", "")
        figures = in_child(db, args.rounds)
        floor = statistics.median(figures["empty screen (floor)"]["stall"])
        for name, step in figures.items():
            values = step["stall"]
            ratio = "" if name.endswith("(floor)") else f" = {max(values) / floor:.1f}x the floor"
            table.add_row(f"{size:,}", name, f"worst {ms(max(values))}, median "
                          f"{ms(statistics.median(values))}{ratio}",
                          f"worst {ms(max(step['sql']))} ({ms(max(step['statement']))})",
                          "" if name.endswith("(floor)") else "< 50 ms at 100,000")
        table.add_section()
    console.print(table)
    console.print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
                  f"SQLite {sqlite3.sqlite_version}; databases in {folder}; heartbeat every "
                  f"{BEAT * 1000:.0f} ms")


if __name__ == "__main__":
    main()
