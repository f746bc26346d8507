"""reflect's benchmark: speed and memory at 100, 10,000 and 100,000 sessions.

    python bench/run.py                         all three sizes (the largest takes minutes)
    python bench/run.py --sizes 100             one size (CI runs this as a smoke test)
    python bench/run.py --dir /tmp/bench --reuse  keep and reuse the generated databases

Prints a table of figures, each with the size it was measured at, beside the targets of
issues 7 and 18, and each beside its floor measured in the same run (a minimal Textual app,
an empty screen, a bare TextArea, a raw SQLite commit, a raw FTS query): this machine is
shared and noisy, ratios hold where absolute times do not. Every group of figures is taken
in a fresh process of its own (start-up and memory by bench/probe.py, the others by this
file's --child), so no figure inherits another's warm caches or peak memory. Timings of
screens are taken through Textual's pilot (headless), so they include the queries and the
rendering of the screen. Not a test: nothing here fails the build.
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
from exports import figures as export_figures  # noqa: E402
from generate import generate  # noqa: E402
from hostile import rows as hostile_rows  # noqa: E402
from peak import children_peak_mb, peak_mb  # noqa: E402
from transcribe import rows as transcription_rows  # noqa: E402

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

    from reflect_tui.app import make_app
    from reflect_tui.search import SearchScreen
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen

    app = make_app(open_engine(str(db)))
    store = app.store
    times: dict[str, list[float]] = {"empty screen (floor)": [], "open story": [],
                                     "resume session": [], "next question": [],
                                     "scroll stories": [], "scroll search results": []}
    stories = store.stories(limit=10)
    sessions = store.recent_sessions(limit=10)
    async with app.run_test(size=(120, 40)) as pilot:

        async def timed(name: str, step) -> None:
            """Run one UI step until Textual is idle again and every worker it started (the
            screens read the store in workers) is done; record how long it took."""
            began = time.perf_counter()
            await step()
            await pilot.pause()
            await app.workers.wait_for_complete()
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


async def typing_cpu(db: Path | None, keys: int = 200, text: str = "") -> tuple[list, str]:
    """The UI thread's CPU per key typed at the end of an answer (time.thread_time: a save
    written by a worker thread is not the UI's time), and the answer's text before typing.
    Every tenth key is followed by a pause long enough for the save after a pause to run.
    db None: the floor, a bare soft-wrapping TextArea app holding the same text."""
    from textual.app import App
    from textual.widgets import TextArea

    if db is None:
        class Bare(App):
            def compose(self):
                yield TextArea(text, id="answer", soft_wrap=True)

            def on_mount(self) -> None:
                area = self.query_one(TextArea)
                area.move_cursor(area.document.end)

        app = Bare()
    else:
        from reflect_tui.app import make_app
        from reflect_tui.session import SessionScreen

        app = make_app(open_engine(str(db)))
        session = next(s for s in app.store.recent_sessions(limit=200)
                       if s.status == SessionStatus.IN_PROGRESS)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        if db is not None:
            question = next(q for q in app.store.protocol_of(session).questions
                            if q.type == "text")
            await app.push_screen(SessionScreen(session.id, question_id=question.id))
        await pilot.pause()
        area = app.screen.query_one("#answer", TextArea)
        area.focus()
        before = area.text
        for number in range(keys):
            began = time.thread_time()
            await pilot.press("space" if number % 6 == 5 else "a")
            await pilot.pause(0.5 if number % 10 == 9 else None)
            times.append(time.thread_time() - began)
        if db is not None:
            app.screen.leave_saving()
    return times, before


def child(kind: str, db: Path | None) -> dict:
    """One group of figures, measured in this (fresh) process; with its own peak RSS."""
    if kind == "screens":
        figures = asyncio.run(screen_times(db))
    elif kind == "book":
        with tempfile.TemporaryDirectory() as out:
            began = time.perf_counter()
            # a draft: the generated stories have no member checks; the same pages are set
            written = export_book(Store(open_engine(str(db))), Path(out), "Bench book",
                                  draft=True)
            from pypdf import PdfReader

            figures = {"seconds": time.perf_counter() - began,
                       "kb": sum(p.stat().st_size for p in written) / 1000,
                       "pages": len(PdfReader(written[2]).pages)}
    elif kind == "typing":
        app, text = asyncio.run(typing_cpu(db))
        figures = {"app": app, "bare": asyncio.run(typing_cpu(None, text=text))[0],
                   "chars": len(text)}
    else:  # the store alone, no UI
        store = Store(open_engine(str(db)))
        figures = {"saves": save_latency(store), "search": search_times(store),
                   "raw commit": raw_commits(db), "raw search": raw_searches(db),
                   **data_times(store)}
    return {"figures": figures,
            "peak_mb": peak_mb(), "children_peak_mb": children_peak_mb()}


def in_child(kind: str, db: Path) -> dict:
    command = [sys.executable, __file__, "--child", kind, str(db)]
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    output = subprocess.run(command, capture_output=True, text=True, env=env, check=True,
                            timeout=1800)
    return json.loads(output.stdout.strip().splitlines()[-1])


def raw_commits(db: Path, commits: int = 300) -> list[float]:
    """The floor for a save: one UPDATE and a durable commit through sqlite3 alone, on a
    table of its own in a copy-free temporary database next to the measured one."""
    floor = db.with_suffix(".floor.db")
    floor.unlink(missing_ok=True)
    conn = sqlite3.connect(floor)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO t VALUES (1, '')")
    conn.commit()
    timings = []
    for number in range(commits):
        began = time.perf_counter()
        conn.execute("UPDATE t SET text = text || ? WHERE id = 1", (f"word{number} ",))
        conn.commit()
        timings.append(time.perf_counter() - began)
    conn.close()
    floor.unlink(missing_ok=True)
    return timings


def raw_searches(db: Path) -> list[float]:
    """The floor for a search: the same words as one FTS5 MATCH through sqlite3 alone."""
    conn = sqlite3.connect(db)
    timings = []
    for words in QUERIES:
        began = time.perf_counter()
        conn.execute("SELECT rowid FROM answer_fts WHERE answer_fts MATCH ? ORDER BY rowid "
                     "DESC LIMIT 50", (" ".join(f'"{w}"' for w in words.split()),)).fetchall()
        timings.append(time.perf_counter() - began)
    conn.close()
    return timings


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
                 f"{ms(start['filled'])} ms = {start['filled'] / start['minimal']:.2f}x",
                 "≤ 2.5x"))
    data = in_child("store", db)
    figures = data["figures"]
    saves, commits = figures["saves"], figures["raw commit"]
    rows.append(("save one answer (durable)", f"median {ms(statistics.median(saves))} ms, "
                 f"p99 {ms(percentile(saves, 0.99))} ms; raw SQLite commit median "
                 f"{ms(statistics.median(commits))} ms = "
                 f"{statistics.median(saves) / statistics.median(commits):.1f}x",
                 "< 5 ms, p99 < 20 ms"))
    found, raw = figures["search"], figures["raw search"]
    rows.append(("full-text search (50 results)", f"median {ms(statistics.median(found))} ms, "
                 f"max {ms(max(found))} ms; raw FTS query median {ms(statistics.median(raw))} "
                 f"ms = {statistics.median(found) / statistics.median(raw):.1f}x", "< 50 ms"))
    for name in ("open story (data)", "resume session (data)"):
        values = figures[name]
        rows.append((name, f"median {ms(statistics.median(values))} ms, "
                           f"max {ms(max(values))} ms", ""))
    screens = in_child("screens", db)
    floor = statistics.median(screens["figures"]["empty screen (floor)"])
    for name, values in screens["figures"].items():
        target = "< 200 ms" if name.startswith(("open story", "resume session")) else ""
        rows.append((name, f"median {ms(statistics.median(values))} ms "
                           f"({statistics.median(values) / floor:.1f}x the empty screen), "
                           f"max {ms(max(values))} ms", target))
    typing = in_child("typing", db)["figures"]
    app_p99, bare_p99 = percentile(typing["app"], 0.99), percentile(typing["bare"], 0.99)
    rows.append((f"typing: UI-thread CPU per key (at the end of {typing['chars']:,} chars)",
                 f"p99 {ms(app_p99)} ms vs bare TextArea {ms(bare_p99)} ms = "
                 f"{app_p99 / bare_p99:.1f}x; median {ms(statistics.median(typing['app']))} "
                 f"vs {ms(statistics.median(typing['bare']))} ms", "p99 ≤ 2x"))
    store = Store(open_engine(str(db)))
    # before the exports: Linux keeps a process's peak RSS across exec, so a child started
    # after this process typeset the book would report this process's peak as its own
    memory = probe("memory", db)
    rows.append(("peak RSS (home, a session, a search)",
                 f"{memory['peak_rss_kb'] / 1024:.0f} MB", "< 200 MB"))
    book = in_child("book", db)
    rows.append(("export the book (20 stories, md + docx + PDF)",
                 f"{ms(book['figures']['seconds'])} ms, {book['figures']['kb']:,.0f} kB, "
                 f"{book['figures']['pages']} PDF pages; peak {book['peak_mb']:.0f} MB, "
                 f"Typst's child {book['children_peak_mb']:.0f} MB", "< 300 MB"))
    if size <= 10_000:
        with tempfile.TemporaryDirectory() as out:
            rows += exchange_rows(store, Path(out))
        rows += hostile_rows(db)  # the bundle exported and imported again, each in a child
    else:
        targets = {"bundle": "< 120 s, < 300 MB", "import": "< 120 s, < 300 MB",
                   "csv": "< 300 MB", "qdpx": "< 60 s, < 300 MB", "markdown": "< 300 MB"}
        with tempfile.TemporaryDirectory() as out:
            imported = None
            for kind, figure in export_figures(str(db), Path(out)):  # each in a fresh process
                rows.append((f"{kind} (bench/exports.py; import: into an empty database)",
                             f"{figure['seconds']:.1f} s, peak {figure['peak_mb']:.0f} MB",
                             targets[kind]))
                imported = figure if kind == "import" else imported
            rows += hostile_rows(db, Path(out) / "b.zip", imported)
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
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DB"),
                        help=argparse.SUPPRESS)  # one group of figures in a fresh process
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return
    try:
        import pypdf  # noqa: F401  (the book's figures count its pages)
    except ImportError:
        sys.exit("The benchmark counts the book's pages with pypdf, one of the test tools: run "
                 "`python3 run.py test` once (it installs them), or "
                 "`.venv/bin/pip install -e '.[test]'`.")
    folder = args.dir or Path(tempfile.mkdtemp(prefix="reflect-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("REFLECT_DATA_DIR", str(folder / "data"))
    table = Table("sessions", "measure", "figure", "target", title="reflect benchmark")
    for size in (int(s) for s in args.sizes.split(",")):
        console.print(f"measuring at {size:,} sessions…")
        for name, figure, target in measure(size, folder, args.reuse, args.runs):
            table.add_row(f"{size:,}", name, figure, target)
        table.add_section()
    console.print("measuring transcription (bench/transcribe.py)…")
    for name, figure, target in transcription_rows():  # once: it does not grow with sessions
        table.add_row("", name, figure, target)
    console.print(table)
    console.print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
                  f"SQLite {sqlite3.sqlite_version}; databases in {folder}")


if __name__ == "__main__":
    main()
