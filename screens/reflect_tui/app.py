"""The app object: holds the store and the protocol catalog, and opens the home screen.

Started from the CLI, the app draws the home screen first and opens the database in a
background thread: importing SQLAlchemy and SQLModel alone takes about as long as starting
Textual, and a migration may back up a large file first. Tests and scripts pass an open
engine instead, and everything is ready before the first screen.

The UI never waits on the disk: screens read and write through `@work(thread=True)` workers
that post typed messages back. A worker's failure is handled here, in one place
(`_handle_exception`): a ReflectError (the store's clear message: a locked or read-only
database, a full disk) is shown as "Not done" and the app stays usable; anything else is a
crash with its report (reflect.crash), as before. The app tells screens about the database
with messages too (`ListsGlanced`, `DatabaseReady`), never by asking which screen is shown.
"""

from __future__ import annotations

import contextlib
import gc
from contextlib import suppress
from pathlib import Path
from threading import Event
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.worker import WorkerFailed

from reflect.errors import ReflectError
from reflect.i18n import N_, _, ngettext
from reflect_tui import drawing
from reflect_tui.home import HomeScreen
from reflect_tui.key_order import KeysInOrder
from reflect_tui.mirror import follow

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy import Engine
    from textual.screen import Screen

    from reflect.inuse import OpenMark
    from reflect.method.glance import HomeLists
    from reflect.protocol.catalog import ProtocolCatalog
    from reflect.protocol.summary import Summary
    from reflect.store import Store
    from reflect.store.engine import ServerMark
    from reflect.store.journal_replay import Replayed


class ListsGlanced(Message):
    """The home lists, read at a glance before the database layer is loaded (to the screen
    shown; the home screen draws them)."""

    def __init__(self, lists: HomeLists) -> None:
        super().__init__()
        self.lists = lists


class JournalReplayed(Message):
    """The saves kept on this laptop while the team server could not be reached are on it now
    (posted from the store's replaying thread)."""

    def __init__(self, done: Replayed) -> None:
        super().__init__()
        self.done = done


def kept_offline(database: str, passphrase: str | None) -> str:
    """For the message that a server cannot be reached at start: how many saves this laptop
    keeps for it ('' for none, or a SQLite file)."""
    from reflect.store.journaled import saves_kept

    try:
        count = saves_kept(database, passphrase)
    except ReflectError:
        return ""
    return " " + ngettext("{count} save made while it could not be reached is kept on this "
                          "laptop: it goes to the server when reflect starts with the server "
                          "back.", "{count} saves made while it could not be reached are kept "
                          "on this laptop: they go to the server when reflect starts with the "
                          "server back.", count).format(count=count) if count else ""


class DatabaseReady(Message):
    """The database is open: sent to the screen shown then (the home screen reads its
    lists and opens what was chosen meanwhile)."""


@runtime_checkable
class SavesOnLeaving(Protocol):
    """A screen holding work not yet saved (an answer being typed): saved before quitting."""

    def leave_saving(self) -> None: ...


class ReflectApp(KeysInOrder, App[None]):
    TITLE = "reflect"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        # Tab moves focus before the keys typed after it are passed on: without priority, a
        # fast typist's (or tmux's) next words landed in the field they had left (issue 17)
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]
    TIDY_EVERY = 30
    """Seconds between background merges of the search index."""

    def __init__(self, store: Store | None = None, catalog: ProtocolCatalog | None = None,
                 db: str | None = None):
        drawing.install()  # before anything is drawn: every line in reading order
        super().__init__()
        self.sub_title = _("Learning from Success")
        self.store = store
        self.catalog = catalog
        self.db = db
        """Opened in the background when no store is given."""
        self.interviewer_name = ""
        """The last interviewer named in a consent dialog, offered again for the next one."""
        self.open_mark: OpenMark | ServerMark | None = None
        """Tells other reflect commands that this app has the database file open."""
        self._crash: Exception | None = None
        """The unexpected error the app stops on, for its crash report."""
        self.first_paint = Event()
        """Set once the home screen is first drawn: the database is opened after it."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette's own commands, in the interface language. Textual's
        screenshot command is left out: it would write answers to an unencrypted SVG file."""
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)
        if isinstance(screen, HomeScreen):
            yield SystemCommand(_("Language"), _("Change the interface language (saved for "
                                                 "the next start too)"),
                                self.action_choose_language)
        yield SystemCommand(_("Quit"), _("Quit reflect (every answer is already saved)"),
                            self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(_("Keys"), _("Hide the keys panel"), self.action_hide_help_panel)
        else:
            yield SystemCommand(_("Keys"), _("Show the keys of this screen"),
                                self.action_show_help_panel)

    def action_choose_language(self) -> None:
        """Pick the interface language; the app speaks it at once (home is drawn anew)."""
        from reflect.i18n import LANGUAGES
        from reflect_tui.prompts import PickDialog

        def chosen(code: str | None) -> None:
            if code is not None:
                self.switch_language(code)

        self.push_screen(PickDialog(_("Interface language"), list(LANGUAGES.items())),
                         chosen)

    def switch_language(self, code: str) -> None:
        """Speak another language from now on, and next time: saved like `reflect language`.
        Key labels are translated whenever keys are listed; the home screen is made again so
        its titles, lists and hints are too. Offered on the home screen only, so no open
        interview is redrawn under the interviewer."""
        from reflect import i18n, settings

        with contextlib.suppress(OSError):  # a settings folder that cannot be written
            settings.save(language=code)
        demo = self.title != self.TITLE  # as marked at opening: no query on the UI thread
        i18n.use(code)
        self.sub_title = _("Learning from Success")
        self.title = self.TITLE
        self.mark_demo(demo)
        follow(self)  # the layout mirrors, or no longer does
        self.switch_screen(HomeScreen())
        self.refresh_bindings()
        self.notify(_("The interface language is now {name}.").format(
            name=i18n.LANGUAGES[code]))

    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder=_("Search for commands…")))

    def on_mount(self) -> None:
        follow(self)  # the layout mirrored in a right-to-left interface (App.-rtl in CSS)
        self.push_screen(HomeScreen())
        self.call_after_refresh(self.first_paint.set)
        if self.store is None:
            self.start_opening()
        else:
            self.hold_database()
            self.watch_journal()
            self.mark_demo()
            self.call_after_refresh(freeze_long_lived)
        self.set_interval(self.TIDY_EVERY, self.tidy_search_index)

    @property
    def database(self) -> str:
        """The --db value (a path or URL) of an app that opens its database itself."""
        assert self.db is not None, "an app made without a store is made with db"
        return self.db

    def start_opening(self) -> None:
        """Ask for a passphrase first when the database is encrypted, or offer encryption
        when it is about to be created; then open it in the background."""
        from reflect.paths import sqlite_file
        from reflect.privacy.encryption import env_passphrase, is_encrypted
        from reflect_tui.passphrase import FirstRunDialog

        path = sqlite_file(self.database)
        if env_passphrase() is not None or path is None:
            self.open_in_background(env_passphrase())
        elif is_encrypted(path):
            self.ask_passphrase(path)
        elif not path.exists() or path.stat().st_size == 0:
            self.push_screen(FirstRunDialog(path), self.open_in_background)
        else:
            self.open_in_background(None)

    def ask_passphrase(self, path: Path, problem: str = "") -> None:
        from reflect_tui.passphrase import PassphraseDialog

        def answered(passphrase: str | None) -> None:
            if passphrase is None:
                self.exit(return_code=1)
            else:
                self.open_in_background(passphrase)

        self.push_screen(PassphraseDialog(path, problem), answered)

    def open_in_background(self, passphrase: str | None) -> None:
        self.open_database(passphrase)

    @work(thread=True, group="open")
    def open_database(self, passphrase: str | None = None) -> None:
        """In a worker thread (its ReflectErrors are said by cannot_open; anything else is a
        crash, reported): show the home lists read at a glance (see reflect.method.glance),
        load protocols, import the database layer, open (and migrate)."""
        # the imports below hold the GIL for most of half a second: not while the first
        # screen is being drawn
        self.first_paint.wait(timeout=1)
        try:
            from reflect.privacy.encryption import WrongPassphrase
            from reflect.protocol.summary import default_folders, fingerprint, read_summary

            files = fingerprint(default_folders())  # before the catalog reads them
            glanced = passphrase is None and self.glance(read_summary(files))
            from reflect.protocol.catalog import load_catalog
            from reflect.protocol.summary import summarize, write_summary

            catalog = load_catalog()
            if passphrase is None and not glanced:
                self.glance(summarize(catalog))
            from reflect.store.engine import open_engine
            from reflect.store.journaled import store_for

            store = store_for(open_engine(self.database, passphrase), passphrase)
            self.hold_database(store)
            write_summary(catalog, files)
            from reflect.exchange.demo import is_demo_database

            demo = is_demo_database(store)
        except WrongPassphrase:
            from reflect.paths import sqlite_file

            # an encrypted database is a SQLite file
            self.call_from_thread(self.ask_passphrase,
                                  sqlite_file(self.database) or Path(self.database),
                                  _("Wrong passphrase. Try again (nothing was changed)."))
            return
        except ReflectError as exc:
            self.call_from_thread(self.cannot_open, str(exc) + kept_offline(self.database,
                                                                            passphrase))
            return
        self.call_from_thread(self.database_opened, store, catalog, demo)

    def glance(self, protocols: Summary | None) -> bool:
        """In the worker thread, before pydantic and SQLAlchemy are imported: show the home
        lists read with sqlite3 alone when the file allows it (a plain SQLite file at today's
        schema) and the protocols' summary is at hand. True when they were shown."""
        from datetime import date

        from reflect.method.glance import at_a_glance
        from reflect.paths import sqlite_file
        from reflect_tui.paged_table import PagedTable

        if protocols is None:
            return False
        lists = at_a_glance(sqlite_file(self.database), date.today(), PagedTable.PAGE, protocols)
        if lists is None:
            return False
        shown = Event()
        self.call_from_thread(self.glanced, lists, shown)
        shown.wait(timeout=1)  # the lists drawn before the imports begin
        return True

    def glanced(self, lists: HomeLists, shown: Event) -> None:
        if self.store is None:
            self.screen.post_message(ListsGlanced(lists))
        # after the message is handled and drawn
        self.call_after_refresh(lambda: self.call_after_refresh(shown.set))

    def hold_database(self, store: Store | None = None) -> None:
        """Mark the database file as open here, so that encrypt, passphrase and schema
        upgrades elsewhere refuse instead of rewriting it under this app."""
        from reflect.store.engine import hold_open

        store = store or self.store
        assert store is not None
        self.open_mark = hold_open(store.engine, "the reflect app")

    def on_unmount(self) -> None:
        # imports only once the database is open: before, a worker may be importing SQLAlchemy
        # at this very moment (a quick quit), and a second thread's import would meet it half
        # done
        if self.open_mark is not None:
            from sqlalchemy.exc import SQLAlchemyError

            with suppress(ReflectError, OSError, SQLAlchemyError):  # a server gone away
                self.open_mark.close()
        if self.store is not None:
            from reflect.store.journaled import JournaledStore

            if isinstance(self.store, JournaledStore):
                self.store.stop_retrying()  # what it keeps stays on disk for the next start

    def watch_journal(self) -> None:
        """On a team server: say when the saves kept on this laptop reached it."""
        from reflect.store.journaled import JournaledStore

        if isinstance(self.store, JournaledStore):
            self.store.replay_in_background(
                lambda done: self.post_message(JournalReplayed(done)))

    def on_journal_replayed(self, message: JournalReplayed) -> None:
        done = message.done
        said = ngettext("The team server is back: {count} save kept on this laptop is on it "
                        "now.", "The team server is back: {count} saves kept on this laptop "
                        "are on it now.", done.written).format(count=done.written)
        conflicts = done.kept_theirs + done.kept_ours + done.refused
        if conflicts:
            said += " " + ngettext(
                "{count} of them met an edit made elsewhere meanwhile: the later edit was "
                "kept, the other is kept as a superseded version.",
                "{count} of them met edits made elsewhere meanwhile: the later edit was kept, "
                "the other is kept as a superseded version.", conflicts).format(
                    count=conflicts)
        self.notify(said, title=_("Back online"), severity="warning" if conflicts
                    else "information", timeout=10 if conflicts else 5)

    def database_opened(self, store: Store, catalog: ProtocolCatalog, demo: bool) -> None:
        self.store, self.catalog = store, catalog
        self.watch_journal()
        self.mark_demo(demo)
        freeze_long_lived()
        self.check_and_back_up()
        self.screen.post_message(DatabaseReady())

    def mark_demo(self, demo: bool | None = None) -> None:
        """The demo database says so on every screen, in the title of its header (issue 28);
        `demo` as read by the opening worker, else read now (an app given an open store)."""
        from reflect.exchange.demo import is_demo_database

        if demo is None:
            demo = self.store is not None and is_demo_database(self.store)
        if demo:
            self.title = _("reflect · DEMO: invented stories")

    @work(thread=True, group="check", exit_on_error=False)
    def check_and_back_up(self) -> None:
        """In a worker thread, after opening: look for damage; if there is none, make the
        day's automatic backup (a damaged file must not push good backups out). A check that
        cannot run says nothing and stops nobody: it is not what the person is doing."""
        from reflect.store.backups import (
            automatic_backups,
            backup_date,
            daily_backup,
            quick_check,
        )

        assert self.store is not None, "checked once the database is open"
        engine = self.store.engine
        if (problem := quick_check(engine)) is None:
            try:
                daily_backup(engine)
            except ReflectError as exc:
                self.call_from_thread(self.notify, str(exc), title=_("No backup today"),
                                      severity="warning")
            return
        from reflect.paths import sqlite_file

        backups = automatic_backups(sqlite_file(str(engine.url)) or Path())
        way_back = (_("Quit, then run 'reflect restore 1' to put back the automatic backup of "
                      "{date} (the damaged file is kept beside it).").format(
                          date=backup_date(backups[0]))
                    if backups else _("There is no automatic backup yet; quit and copy the "
                                      "database file somewhere safe before anything else."))
        self.call_from_thread(self.database_damaged, _(
            "SQLite found damage in the database ({problem}). What you type now may not be "
            "kept.").format(problem=problem) + " " + way_back)

    def database_damaged(self, message: str) -> None:
        from reflect_tui.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(_("The database is damaged"), message, _("Quit"),
                                       _("Keep working")),
                         lambda quit_now: self.exit(return_code=1) if quit_now else None)

    def cannot_open(self, message: str) -> None:
        from reflect_tui.confirm import ConfirmDialog

        self.push_screen(ConfirmDialog(_("The database cannot be opened"), message, _("Quit"),
                                       _("Quit")), lambda _: self.exit(return_code=1))

    def tidy_search_index(self) -> None:
        if self.store is not None:
            self._tidy()

    @work(thread=True, exclusive=True, group="tidy", exit_on_error=False)
    def _tidy(self) -> None:
        """A merge of the search index, left to the next round when it cannot run now (so
        its failures are not the app's to show)."""
        from sqlalchemy.exc import SQLAlchemyError

        # Busy or locked: the next round will do it; saves never depend on it.
        with suppress(SQLAlchemyError):
            if self.store is not None:
                self.store.tidy_search_index()

    async def action_quit(self) -> None:
        """Save any answer still being typed, then exit."""
        for screen in self.screen_stack:
            if isinstance(screen, SavesOnLeaving):
                screen.leave_saving()
        self.exit()

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications often name stored things (a pseudonym, a title): never markup,
        whoever asks (a widget's notify() passes markup=True), and controls made visible."""
        from reflect.text import visible

        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """The one place a worker's failure is handled (Textual calls this on the UI thread
        when a worker started with exit_on_error, @work's default, raises): a ReflectError
        is the store's clear message, shown like show_error, and the app carries on.
        Anything else is unexpected: kept for the crash report (Textual's own handling would
        print a traceback with local variables, which hold stored text)."""
        if isinstance(error, WorkerFailed):
            if isinstance(error.error, ReflectError):
                self.show_error(str(error.error))
                return
            if isinstance(error.error, Exception):
                error = error.error  # the report names what failed, not the wrapper
        self._crash = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        from rich.text import Text

        from reflect.crash import plain_message, write_report

        self.bell()
        error = self._crash or self._exception
        self._exit_renderables.append(Text(plain_message(
            write_report(error) if error is not None else None)))
        self._close_messages_no_wait()

    def show_error(self, message: str) -> None:
        self.notify(message, title=_("Not done"), severity="error", timeout=8)


def freeze_long_lived() -> None:
    """What is alive once the database is open (modules, classes, the ORM's mappings, the
    protocols) lives as long as the app: moved out of the garbage collector's reach, whose
    full passes otherwise walked it all every few hundred keystrokes (measured at 100,000
    sessions: typing's p99 CPU per key about halved). Once per process: a later app in the
    same process (tests) would freeze the garbage the first one left."""
    if not gc.get_freeze_count():
        gc.freeze()


def make_app(engine: Engine | None = None, catalog: ProtocolCatalog | None = None,
             db: str | None = None) -> ReflectApp:
    """Build the app: on an open engine (tests, scripts: ready at once), or on a database
    path or URL that it opens in the background (the CLI)."""
    if engine is None:
        return ReflectApp(db=db)
    from reflect.privacy.encryption import env_passphrase
    from reflect.protocol.catalog import load_catalog
    from reflect.store.journaled import store_for

    return ReflectApp(store_for(engine, env_passphrase()),
                      catalog if catalog is not None else load_catalog())
