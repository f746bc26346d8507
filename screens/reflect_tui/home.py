"""Home: stories under study, actions due for review, and the most recent sessions.

The lists are read in a worker after the screen is shown, and every read or write a key asks
for runs in one too; each posts a message (below) that the screen reacts to. A worker's
ReflectError is shown by the app (ReflectApp._handle_exception).
"""

from __future__ import annotations

import uuid
from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.widgets.data_table import RowDoesNotExist

from reflect import formats, i18n
from reflect.errors import StorageError
from reflect.i18n import N_, NP_, _
from reflect.roles import Role
from reflect.vocab import SessionStatus
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.labels import STATUS_LABELS, STORY_STATUS_LABELS, answered_of, when, when_short
from reflect_tui.paged_table import Page, PagedTable
from reflect_tui.safe import plain, text
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from rich.text import Text

    from reflect.exchange.progress import Progress
    from reflect.method.glance import HomeLists, SessionLine, StoryLine
    from reflect.models import ActionItem, Session, Story
    from reflect.protocol.catalog import ProtocolCatalog
    from reflect.protocol.definition import Protocol
    from reflect.store import Store
    from reflect_tui.app import DatabaseReady, ListsGlanced

# The other screens are imported when first opened: the home screen is drawn before the
# database layer (SQLAlchemy) has finished importing, in a background thread (screens.app).
NEEDS_DATABASE = {"new_story", "reflect", "history", "themes", "search"}


class HomeScreen(Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "home.tcss"
    _chosen: Callable[[], None] | None = None
    """A row chosen before the database was open, opened once it is."""
    BINDINGS = [
        Binding("n", "new_story", N_("New story"), id="home.new_story"),
        Binding("r", "reflect", N_("Reflect"), id="home.reflect"),
        Binding("h", "history", N_("History"), id="home.history"),
        Binding("t", "themes", N_("Common principles"), id="home.themes"),
        Binding("slash", "search", N_("Search"), id="home.search"),
        # named in the Stories heading: the footer is full at 80 columns
        Binding("p", "print_guide", NP_("key", "Print"), id="home.print_guide",
                show=False),
    ]

    class ListsRead(Message):
        """The three lists, read from the store by a worker."""

        def __init__(self, lists: HomeLists) -> None:
            super().__init__()
            self.lists = lists

    class ListsNotRead(Message):
        """The lists could not be read (a damaged file: the app's check says what to do)."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class OpenStory(Message):
        """A story to open (just created)."""

        def __init__(self, story_id: uuid.UUID) -> None:
            super().__init__()
            self.story_id = story_id

    class OpenSession(Message):
        """A session to open (just started, or chosen in the recent sessions)."""

        def __init__(self, session: Session, with_story: bool = False) -> None:
            super().__init__()
            self.session = session
            self.with_story = with_story
            """Its story opened beneath it (an interview chosen on this screen)."""

    class ReflectionChoices(Message):
        """What the start-a-reflection dialog offers, read by a worker."""

        def __init__(self, protocols: list[Protocol], stories: list[Story]) -> None:
            super().__init__()
            self.protocols = protocols
            self.stories = stories

    class DueChosen(Message):
        """An action due for review, with the reflection it came from."""

        def __init__(self, item: ActionItem, source: Session) -> None:
            super().__init__()
            self.item = item
            self.source = source

    class Reviewed(Message):
        """An action reviewed; the follow-up reflection started with it, if one was."""

        def __init__(self, follow_up: Session | None) -> None:
            super().__init__()
            self.follow_up = follow_up

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="protocol-problems", classes="error-text")
            yield Static(_("Actions due for review  (Enter reviews)"), classes="section-title",
                         id="due-title")
            due = FitTable(Col(_("Review on")), Col(_("Step"), squeeze=True, weight=2),
                           Col(_("From"), squeeze=True), id="due")
            yield due
            yield due.detail
            yield Static(_("Stories  (p: print an interview guide or consent form)"),
                         classes="section-title")
            stories = PagedTable(self._story_rows, Col(_("Story"), squeeze=True, weight=2),
                                 Col(_("Status")), Col(_("Service"), squeeze=True),
                                 Col(_("Updated")), id="stories")
            yield stories
            yield stories.detail
            yield Static("", id="stories-empty", classes="hint")
            yield Static(_("Recent sessions  (Enter opens; in progress: resumes)"),
                         classes="section-title")
            sessions = FitTable(Col(_("Story / case"), squeeze=True, weight=3),
                                Col(_("Who"), squeeze=True, weight=3), Col(_("Status")),
                                Col(_("Answered")), Col(_("Updated")), id="sessions",
                                zebra_stripes=True)
            yield sessions
            yield sessions.detail
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._show_due(False)
        self.show_protocol_problems()

    def show_protocol_problems(self) -> None:
        problems = self.app.catalog.problems if self.app.catalog else []
        banner = self.query_one("#protocol-problems", Static)
        banner.display = bool(problems)
        if problems:
            lines = "\n".join(f"  {problem}" for problem in problems[:4])
            more = "\n  " + _("... and {count} more").format(count=len(problems) - 4) \
                if len(problems) > 4 else ""
            # a problem quotes a file's name and its words: drawn as written
            banner.update(text(_("Protocol files not loaded (the others work; run 'reflect "
                                 "protocols validate FILE'):") + f"\n{lines}{more}"))

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first shown: the one place lists are (re)read."""
        if self.app.store is None:
            self.query_one("#stories-empty", Static).update(_("Opening the database…"))
            return
        self.refresh_lists()

    def on_lists_glanced(self, message: ListsGlanced) -> None:
        """The lists read at a glance while the database is being opened (ReflectApp)."""
        if self.app.store is None:
            self.show_lists(message.lists)

    def on_database_ready(self, message: DatabaseReady) -> None:
        """Sent by the app once the database is open (see ReflectApp.open_database)."""
        self.refresh_lists()
        self.refresh_bindings()
        # after the lists: reading every translation to find its problems takes a moment
        self.call_after_refresh(self.show_protocol_problems)
        if self._chosen is not None:
            chosen, self._chosen = self._chosen, None
            chosen()

    def _opening(self, then: Callable[[], None]) -> bool:
        """True when the database is not open yet (the lists were read at a glance): `then`,
        what the row chosen asks for, is done as soon as it is."""
        if self.app.store is not None:
            return False
        self._chosen = then
        self.notify(_("Opening the database…"))
        return True

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return not (action in NEEDS_DATABASE and self.app.store is None)

    def _protocol_title(self, protocol_id: str) -> str:
        protocol = self.app.catalog.get(protocol_id, i18n.language()) if self.app.catalog \
            else None
        return protocol.title if protocol else protocol_id

    def refresh_lists(self) -> None:
        """Read the lists in a worker; they are drawn when they arrive (ListsRead)."""
        if self.app.store is not None and self.app.catalog is not None:
            self._read_lists(self.app.store, self.app.catalog)

    @work(thread=True, exclusive=True, group="home.lists")
    def _read_lists(self, store: Store, catalog: ProtocolCatalog) -> None:
        from reflect.method.glance import from_store
        from reflect.protocol.summary import summarize

        try:
            lists = from_store(store, date.today(), PagedTable.PAGE, summarize(catalog))
        except StorageError as exc:  # a damaged file: the app's check explains what to do
            self.post_message(self.ListsNotRead(str(exc)))
            return
        self.post_message(self.ListsRead(lists))

    def on_home_screen_lists_read(self, message: ListsRead) -> None:
        self.show_lists(message.lists)

    def on_home_screen_lists_not_read(self, message: ListsNotRead) -> None:
        self.query_one("#stories-empty", Static).update(plain(
            _("Cannot read the lists: {problem}").format(problem=message.problem)))

    def show_lists(self, lists: HomeLists) -> None:
        """Fill the three lists, keeping each table's cursor on the row it was on (the lists
        are shown twice at start-up: at a glance, then from the store)."""
        kept = {table.id: _cursor_key(table) for table in self.query(DataTable)}
        table = self.query_one("#due", DataTable)
        table.clear()
        for item in lists.due:
            table.add_row(formats.day(item.review_on), item.text,
                          lists.protocol_title(item.protocol_id) if item.protocol_id else "",
                          key=str(item.id))
        self._show_due(bool(lists.due))

        story_table = self.query_one("#stories", PagedTable)
        story_table.show_first(self._story_page(lists.stories, None))
        stories = story_table.row_count
        empty = self.query_one("#stories-empty", Static)
        empty.display = not stories
        empty.update(_("No stories yet. Press n to add a success story, or r to start a "
                       "reflection of your own."))
        table = self.query_one("#sessions", DataTable)
        table.clear()
        for line in lists.sessions:
            title = line.case_label if line.story_title is None else line.story_title
            table.add_row(title, self._who(line, lists), STATUS_LABELS[line.status],
                          answered_of(line.answered, lists.questions(line.protocol_id)),
                          when_short(line.updated_at),
                          key=str(line.id))
        for table in self.query(DataTable):
            _put_cursor(table, kept.get(table.id))
        if isinstance(self.focused, DataTable) and self.focused.row_count:
            return
        for table_id, rows in (("#due", lists.due), ("#stories", stories),
                               ("#sessions", lists.sessions)):
            if rows:
                self.query_one(table_id, DataTable).focus()
                break

    def _show_due(self, shown: bool) -> None:
        due = self.query_one("#due", FitTable)
        due.display = due.detail.display = self.query_one("#due-title").display = shown

    def _story_rows(self, after: StoryLine | None, limit: int) -> Page | None:
        if self.app.store is None:  # lists shown at a glance: the next page waits for it
            return None
        from reflect.method.glance import story_line

        # the next page after the last story shown: a StoryLine carries what the store's
        # keyset reads of the story it stands for (its id and when it changed)
        return self._story_page([story_line(story) for story in self.app.store.stories(
            limit=limit, after=cast("Story | None", after))], after)

    @staticmethod
    def _story_page(stories: list[StoryLine], after: StoryLine | None) -> Page:
        return [(str(story.id), (story.title, STORY_STATUS_LABELS[story.status], story.service,
                                 when_short(story.updated_at)))
                for story in stories], (stories[-1] if stories else after)

    @staticmethod
    def _who(line: SessionLine, lists: HomeLists) -> str:
        if line.informant_id:
            if line.informant is None:
                return ""
            pseudonym, role = line.informant
            return f"{pseudonym} ({Role(role).label})"
        who = line.interviewer or _("me")
        return f"{who} ({lists.protocol_title(line.protocol_id)})"

    def action_new_story(self) -> None:
        from reflect_tui.story_form import StoryForm

        def created(draft: dict[str, Any] | None) -> None:
            if draft is not None and self.app.store is not None:
                self._create_story(self.app.store, draft)

        self.app.push_screen(StoryForm(), created)

    @work(thread=True, group="home.write")
    def _create_story(self, store: Store, draft: dict[str, Any]) -> None:
        self.post_message(self.OpenStory(store.create_story(**draft).id))

    def on_home_screen_open_story(self, message: OpenStory) -> None:
        from reflect_tui.story import StoryScreen

        self.app.push_screen(StoryScreen(message.story_id))

    def action_print_guide(self) -> None:
        """The guide (and, for an interview, the consent form) of a protocol, to print."""
        from reflect import paths
        from reflect.exchange.guide import export_consent_form, export_guide
        from reflect_tui.export_progress import export_in_background
        from reflect_tui.prompts import PickDialog

        catalog = self.app.catalog
        if catalog is None:
            return
        items: list[tuple[str, str | Text]] = [
            (f"{p.id}|{code}", f"{translated.title}  ({code})")
            for p in sorted(catalog.protocols.values(), key=lambda p: p.title)
            for code in catalog.languages(p.id)
            if (translated := catalog.get(p.id, code)) is not None]

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            protocol_id, code = choice.split("|")
            protocol = catalog.get(protocol_id, code)
            if protocol is None:
                return
            folder = paths.exports_dir()

            def both(progress: Progress) -> list[Path]:
                written = export_guide(protocol, folder, progress)
                if protocol.consent is not None:
                    written += export_consent_form(protocol, folder, progress)
                return written

            export_in_background(self.app, _("Writing the interview guide"), both,
                                 _("Ready to print"), folder,
                                 shown=lambda path: path.suffix == ".pdf")

        self.app.push_screen(PickDialog(_("Print the guide of…"), items), chosen)

    def action_reflect(self) -> None:
        catalog, store = self.app.catalog, self.app.store
        if catalog is None or store is None:
            return
        # each in the interface language when it has been translated into it
        protocols = sorted((protocol for p in catalog.of_kind("reflection")
                            if (protocol := catalog.get(p.id, i18n.language())) is not None),
                           key=lambda p: p.title)
        if not protocols:
            self.app.show_error(_("No reflection protocol is loaded; see 'reflect protocols "
                                  "list'."))
            return
        self._reflection_choices(store, protocols)

    @work(thread=True, exclusive=True, group="home.read")
    def _reflection_choices(self, store: Store, protocols: list[Protocol]) -> None:
        self.post_message(self.ReflectionChoices(protocols, store.stories()))

    def on_home_screen_reflection_choices(self, message: ReflectionChoices) -> None:
        from reflect_tui.reflection_start import StartReflection

        def chosen(choice: dict[str, Any] | None) -> None:
            if choice is None or self.app.store is None:
                return
            self.app.interviewer_name = choice["author"] or self.app.interviewer_name
            story_id = uuid.UUID(choice["story_id"]) if choice["story_id"] else None
            self._start_reflection(self.app.store, choice, story_id)

        self.app.push_screen(StartReflection(message.protocols, message.stories,
                                             self.app.interviewer_name), chosen)

    @work(thread=True, group="home.write")
    def _start_reflection(self, store: Store, choice: dict[str, Any],
                          story_id: uuid.UUID | None) -> None:
        self.post_message(self.OpenSession(store.start_reflection(
            choice["protocol"], choice["author"], choice["case_label"], story_id)))

    def action_history(self) -> None:
        from reflect_tui.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_search(self) -> None:
        from reflect_tui.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_themes(self) -> None:
        from reflect_tui.themes import ThemesScreen

        self.app.push_screen(ThemesScreen())

    def _open(self, session_id: uuid.UUID) -> None:
        from reflect_tui.session import SessionScreen

        self.app.push_screen(SessionScreen(session_id))

    @on(DataTable.RowSelected, "#due")
    def review_due(self, event: DataTable.RowSelected) -> None:
        if self._opening(lambda: self.review_due(event)) or self.app.store is None:
            return
        self._due_chosen(self.app.store, str(event.row_key.value))

    @work(thread=True, exclusive=True, group="home.read")
    def _due_chosen(self, store: Store, item_id: str) -> None:
        item = next((a for a in store.due_actions(date.today()) if str(a.id) == item_id), None)
        if item is None:
            return
        source = store.session(item.session_id)
        if source is not None:
            self.post_message(self.DueChosen(item, source))

    def on_home_screen_due_chosen(self, message: DueChosen) -> None:
        from reflect_tui.action_review import ReviewAction

        item, source = message.item, message.source
        label = _("{protocol} of {date}").format(protocol=self._protocol_title(source.protocol_id),
                                                 date=when(source.started_at))

        def reviewed(result: tuple[Any, str, bool] | None) -> None:
            if result is not None and self.app.store is not None:
                self._review(self.app.store, item, source, result)

        self.app.push_screen(ReviewAction(item, label), reviewed)

    @work(thread=True, group="home.write")
    def _review(self, store: Store, item: ActionItem, source: Session,
                result: tuple[Any, str, bool]) -> None:
        status, note, follow_up = result
        follow = None
        if follow_up:
            catalog = self.app.catalog
            protocol = (catalog.get(source.protocol_id) if catalog else None) or \
                store.protocol_of(source)
            follow = store.start_reflection(protocol, source.interviewer, source.case_label,
                                            source.story_id, follow_up_of=source.id)
        store.review_action(item.id, status, note, follow.id if follow else None)
        self.post_message(self.Reviewed(follow))

    def on_home_screen_reviewed(self, message: Reviewed) -> None:
        self.refresh_lists()
        if message.follow_up is not None:
            self._open(message.follow_up.id)

    @on(DataTable.RowSelected, "#stories")
    def open_story(self, event: DataTable.RowSelected) -> None:
        from reflect_tui.story import StoryScreen

        if not self._opening(lambda: self.open_story(event)):
            self.app.push_screen(StoryScreen(uuid.UUID(event.row_key.value)))

    @on(DataTable.RowSelected, "#sessions")
    def open_session(self, event: DataTable.RowSelected) -> None:
        if self._opening(lambda: self.open_session(event)) or self.app.store is None:
            return
        self._session_chosen(self.app.store, uuid.UUID(event.row_key.value))

    @work(thread=True, exclusive=True, group="home.read")
    def _session_chosen(self, store: Store, session_id: uuid.UUID) -> None:
        session = store.session(session_id)
        if session is not None:
            self.post_message(self.OpenSession(session, with_story=True))

    def on_home_screen_open_session(self, message: OpenSession) -> None:
        session = message.session
        if not message.with_story:
            self._open(session.id)
            return
        if session.status == SessionStatus.DECLINED:
            self.app.show_error(_("Consent was refused for this interview: there is nothing "
                                  "to open. The refusal is kept on the story."))
            return
        if session.story_id and session.kind == "interview":
            from reflect_tui.story import StoryScreen

            self.app.push_screen(StoryScreen(session.story_id))
        self._open(session.id)


def _cursor_key(table: DataTable) -> str | None:
    if not table.row_count:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def _put_cursor(table: DataTable, key: str | None) -> None:
    if key is None:
        return
    with suppress(RowDoesNotExist):
        table.move_cursor(row=table.get_row_index(key))
