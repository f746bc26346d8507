"""The app object: holds the store and the protocol catalog, and opens the home screen."""

from __future__ import annotations

from contextlib import suppress

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from textual.app import App
from textual.binding import Binding

from reflect.protocols import ProtocolCatalog, load_catalog
from reflect.store import Store
from screens.home import HomeScreen


class ReflectApp(App[None]):
    TITLE = "reflect"
    SUB_TITLE = "Learning from Success"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, store: Store, catalog: ProtocolCatalog):
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.interviewer_name = ""
        """The last interviewer named in a consent dialog, offered again for the next one."""

    TIDY_EVERY = 30
    """Seconds between background merges of the search index."""

    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        self.set_interval(self.TIDY_EVERY, self.tidy_search_index)

    def tidy_search_index(self) -> None:
        self.run_worker(self._tidy, thread=True, exclusive=True, group="tidy", exit_on_error=False)

    def _tidy(self) -> None:
        # Busy or locked: the next round will do it; saves never depend on it.
        with suppress(SQLAlchemyError):
            self.store.tidy_search_index()

    async def action_quit(self) -> None:
        """Save any answer still being typed, then exit."""
        from screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen):
                screen.leave_saving()
        self.exit()

    def show_error(self, message: str) -> None:
        self.notify(message, title="Not done", severity="error", timeout=8)


def make_app(engine: Engine, catalog: ProtocolCatalog | None = None) -> ReflectApp:
    """Build the app on an open engine; the CLI and the tests both call this."""
    return ReflectApp(Store(engine), catalog if catalog is not None else load_catalog())
