"""reflect's benchmark: speed and memory at 100, 10,000 and 100,000 sessions.

    python bench/run.py                         all three sizes (the largest takes minutes)
    python bench/run.py --sizes 100             one size (CI runs this as a smoke test)
    python bench/run.py --dir /tmp/bench --reuse  keep and reuse the generated databases

Prints a table of figures, each with the size it was measured at, beside the targets of
issue 7. Timings of screens are taken through Textual's pilot (headless), so they include
the queries and the rendering of the screen; start-up and memory are measured in child
processes (bench/probe.py). Not a test: nothing here fails the build.
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
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from exchange import exchange_rows  # noqa: E402
from generate import generate  # noqa: E402

from reflect.exchange.book import export_book  # noqa: E402
from reflect.models import SessionStatus  # noqa: E402
from reflect.store import Store  # noqa: E402
from reflect.store.engine import open_engine  # noqa: E402
from reflect.store.search import search_answers  # noqa: E402

console = Console(width=max(140, Console().width))
QUERIES = ["family", "home visit", "school", "trust", "mother", "worker", "plan", "budget",
           "rota", "meeting", "children", "flat", "group", "landlord", "papers", "calm"]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def probe(kind: str, db: Path | None = None) -> dict:
    """Run bench/probe.py; 'seconds' is from just before the process starts to ready."""
    command = [sys.executable, str(HERE / "probe.py"), kind] + ([str(db)] if db else [])
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    started = time.time()
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                            timeout=300)
    result = json.loads(output.stdout.strip().splitlines()[-1])
    result["seconds"] = result["ready"] - started
    return result


def startup(db: Path, runs: int) -> dict:
    app, filled, minimal = [], [], []
    for _ in range(runs):
        minimal.append(probe("minimal")["seconds"])
        result = probe("app", db)
        app.append(result["seconds"])
        filled.append(result["seconds"] + result["filled"] - result["ready"])
    return {"app": statistics.median(app), "minimal": statistics.median(minimal),
            "filled": statistics.median(filled)}


def save_latency(store: Store, saves: int = 300) -> list[float]:
    """Time store.save_answer as while typing: the same answer growing, one save each time."""
    session = next(s for s in store.recent_sessions(limit=200)
                   if s.status == SessionStatus.IN_PROGRESS)
    text, timings = "", []
    for number in range(saves):
        text += f"word{number} "
        began = time.perf_counter()
        store.save_answer(session.id, "lessons-anything-else", text=text)
        timings.append(time.perf_counter() - began)
    return timings


def data_times(store: Store) -> dict[str, list[float]]:
    """The database work behind opening a story and resuming a session, without the UI."""
    from reflect.method.session import SessionRun

    times: dict[str, list[float]] = {"open story (data)": [], "resume session (data)": []}
    for story in store.stories(limit=10):
        began = time.perf_counter()
        store.story(story.id)
        store.informants(story.id)
        sessions = store.sessions_for_story(story.id)
        store.answer_counts([s.id for s in sessions])
        times["open story (data)"].append(time.perf_counter() - began)
    for session in store.recent_sessions(limit=10):
        began = time.perf_counter()
        SessionRun.resume(store, session.id)
        times["resume session (data)"].append(time.perf_counter() - began)
    return times


def search_times(store: Store) -> list[float]:
    timings = []
    for words in QUERIES:
        began = time.perf_counter()
        search_answers(store, words, limit=50)
        timings.append(time.perf_counter() - began)
    return timings


async def screen_times(db: Path) -> dict:
    """Open a story, resume a session, next question, scroll lists: through the pilot.

    'empty screen (floor)' pushes a screen with only a header, a label and a footer: what the
    pilot and Textual cost for any screen change, whatever the screen holds."""
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Input, Label

    class Empty(Screen):
        def compose(self):
            yield Header()
            yield Label("empty")
            yield Footer()

    from screens.app import make_app
    from screens.search import SearchScreen
    from screens.session import SessionScreen
    from screens.story import StoryScreen

    app = make_app(open_engine(str(db)))
    store = app.store
    times: dict[str, list[float]] = {"empty screen (floor)": [], "open story": [],
                                     "resume session": [], "next question": [],
                                     "scroll stories": [], "scroll search results": []}
    stories = store.stories(limit=10)
    sessions = store.recent_sessions(limit=10)
    async with app.run_test(size=(120, 40)) as pilot:

        async def timed(name: str, step) -> None:
            """Run one UI step until Textual is idle again, and record how long it took."""
            began = time.perf_counter()
            await step()
            await pilot.pause()
            times[name].append(time.perf_counter() - began)

        async def leave() -> None:
            app.pop_screen()
            await pilot.pause()

        for _ in range(5):
            await timed("empty screen (floor)", lambda: app.push_screen(Empty()))
            await leave()
        for story in stories:
            await timed("open story", lambda s=story: app.push_screen(StoryScreen(s.id)))
            await leave()
        for session in sessions:
            await timed("resume session",
                        lambda s=session: app.push_screen(SessionScreen(s.id)))
            for _ in range(3):
                await timed("next question", lambda: pilot.press("ctrl+n"))
            app.screen.leave_saving()
            await leave()
        app.screen.query_one("#stories").focus()
        for _ in range(20):
            await timed("scroll stories", lambda: pilot.press("pagedown"))
        await app.push_screen(SearchScreen())
        app.screen.query_one("#query", Input).value = "the family"
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#results").focus()
        for _ in range(20):
            await timed("scroll search results", lambda: pilot.press("pagedown"))
    return times


def measure(size: int, folder: Path, reuse: bool, runs: int) -> list[tuple[str, str, str]]:
    db = folder / f"reflect-{size}.db"
    rows = []
    fresh = True
    if reuse and db.exists():
        with sqlite3.connect(db) as conn:
            fresh = conn.execute("SELECT count(*) FROM session").fetchone()[0] != size
    if fresh:
        began = time.perf_counter()
        made = generate(db, size)
        rows.append(("generate", f"{made['answers']:,} answers, {made['bytes'] / 1e6:,.0f} MB "
                                 f"in {time.perf_counter() - began:.0f} s", ""))
    else:
        rows.append(("generate", f"reused {db.stat().st_size / 1e6:,.0f} MB", ""))
    start = startup(db, runs)
    ratio = start["app"] / start["minimal"]
    rows.append(("start-up (process start to home drawn, taking keys)",
                 f"{ms(start['app'])} ms vs minimal app {ms(start['minimal'])} ms "
                 f"= {ratio:.2f}x", "≤ 1.5x"))
    rows.append(("start-up to home lists filled from the database",
                 f"{ms(start['filled'])} ms = {start['filled'] / start['minimal']:.2f}x", ""))
    store = Store(open_engine(str(db)))
    saves = save_latency(store)
    rows.append(("save one answer (durable)", f"median {ms(statistics.median(saves))} ms, "
                 f"p99 {ms(percentile(saves, 0.99))} ms", "< 5 ms, p99 < 20 ms"))
    found = search_times(store)
    rows.append(("full-text search (50 results)", f"median {ms(statistics.median(found))} ms, "
                 f"max {ms(max(found))} ms", "< 50 ms"))
    timed = {**data_times(store), **asyncio.run(screen_times(db))}
    for name, values in timed.items():
        target = "< 100 ms" if name.startswith(("open story", "resume session")) else ""
        rows.append((name, f"median {ms(statistics.median(values))} ms, "
                           f"max {ms(max(values))} ms", target))
    # before the exports: Linux keeps a process's peak RSS across exec, so a child started
    # after this process typeset the book would report this process's peak as its own
    memory = probe("memory", db)
    rows.append(("peak RSS (home, a session, a search)",
                 f"{memory['peak_rss_kb'] / 1024:.0f} MB", "< 200 MB"))
    with tempfile.TemporaryDirectory() as out:
        began = time.perf_counter()
        # a draft: the generated stories have no member checks, and the same pages are set
        written = export_book(store, Path(out), "Bench book", draft=True)
        took = time.perf_counter() - began
        size_kb = sum(p.stat().st_size for p in written) / 1000
        from pypdf import PdfReader

        pages = len(PdfReader(written[2]).pages)
        rows.append(("export the book (20 stories, md + docx + PDF)",
                     f"{ms(took)} ms, {size_kb:,.0f} kB, {pages} PDF pages", ""))
    if size <= 10_000:
        with tempfile.TemporaryDirectory() as out:
            rows += exchange_rows(store, Path(out))
    else:
        rows.append(("exports and import", "above 10,000 sessions: bench/exports.py DB (each "
                     "in a fresh process, with its peak memory)", ""))
    store.engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,10000,100000",
                        help="comma-separated session counts")
    parser.add_argument("--dir", type=Path, help="where to keep the generated databases")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse databases already generated in --dir")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per app")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="reflect-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("REFLECT_DATA_DIR", str(folder / "data"))
    table = Table("sessions", "measure", "figure", "target", title="reflect benchmark")
    for size in (int(s) for s in args.sizes.split(",")):
        console.print(f"measuring at {size:,} sessions…")
        for name, figure, target in measure(size, folder, args.reuse, args.runs):
            table.add_row(f"{size:,}", name, figure, target)
        table.add_section()
    console.print(table)
    console.print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
                  f"SQLite {sqlite3.sqlite_version}; databases in {folder}")


if __name__ == "__main__":
    main()
