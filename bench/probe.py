"""Child process for the benchmark: start an app headless and report when it is ready.

    python bench/probe.py minimal          a Textual app that only shows a label
    python bench/probe.py app DB           reflect's home screen on DB
    python bench/probe.py memory DB        reflect: home, open a session, search; then peak RSS

Prints one JSON line: {"ready": <epoch seconds when the first screen is drawn and takes
input>, "filled": <when reflect's lists are filled from the database>, "peak_rss_kb": ...}.
reflect is started as the `reflect` command starts it (make_app(db=...)): home first, the
database opened in a background thread.
"""

from __future__ import annotations

import json
import sys
import time

from peak import peak_mb


def report(app, ready: float | None = None) -> None:
    peak = peak_mb() * 1024
    now = time.time()
    print(json.dumps({"ready": ready or now, "filled": now, "peak_rss_kb": peak}), flush=True)
    app.exit()


def minimal() -> None:
    from textual.app import App
    from textual.widgets import Label

    class Minimal(App):
        def compose(self):
            yield Label("ready")

        def on_ready(self) -> None:
            self.call_after_refresh(report, self)

    Minimal().run(headless=True)


def reflect_app(db: str, exercise: bool) -> None:
    from textual.widgets import DataTable

    from reflect_tui.app import make_app
    from reflect_tui.home import HomeScreen

    app = make_app(db=db)
    drawn: list[float] = []

    def home_drawn() -> None:
        drawn.append(time.time())
        app.call_later(when_filled)

    async def when_home() -> None:
        if not isinstance(app.screen, HomeScreen):
            app.set_timer(0.002, when_home)
            return
        app.call_after_refresh(home_drawn)

    async def when_filled() -> None:
        # filled: the recent sessions are on screen (read at a glance or from the store)
        if not app.screen.query_one("#sessions", DataTable).row_count or \
                (exercise and app.store is None):
            app.set_timer(0.002, when_filled)
            return
        if exercise:
            await use(app)
        app.call_after_refresh(report, app, drawn[0])

    async def use(app) -> None:
        from reflect.store.search import search_answers
        from reflect_tui.session import SessionScreen

        session = app.store.recent_sessions(limit=1)[0]
        await app.push_screen(SessionScreen(session.id))
        search_answers(app.store, "family home", limit=50)

    app.call_later(when_home)
    app.run(headless=True)


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "minimal":
        minimal()
    else:
        reflect_app(sys.argv[2], exercise=kind == "memory")
