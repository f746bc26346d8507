"""Home: the stories under study and the most recent sessions, with a way into each."""

from __future__ import annotations

import uuid

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from reflect.errors import ReflectError
from reflect.models import SessionStatus
from screens.labels import STATUS_LABELS, when
from screens.story import StoryScreen
from screens.story_form import StoryForm


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("n", "new_story", "New story", id="home.new_story"),
        Binding("tab", "app.focus_next", "Next list", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="protocol-problems", classes="error-text")
            yield Static("Stories", classes="section-title")
            yield DataTable(id="stories", cursor_type="row", zebra_stripes=True)
            yield Static("", id="stories-empty", classes="hint")
            yield Static("Recent sessions  (Enter opens; in-progress ones resume where they "
                         "stopped)", classes="section-title")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stories", DataTable).add_columns("Story", "Status", "Service",
                                                          "Updated")
        self.query_one("#sessions", DataTable).add_columns("Story", "Informant", "Status",
                                                           "Answered", "Protocol", "Updated")
        problems = self.app.catalog.problems
        banner = self.query_one("#protocol-problems", Static)
        banner.display = bool(problems)
        if problems:
            lines = "\n".join(f"  {problem}" for problem in problems[:4])
            more = f"\n  ... and {len(problems) - 4} more" if len(problems) > 4 else ""
            banner.update(f"Protocol files not loaded (the others work; run "
                          f"'reflect protocols validate FILE'):\n{lines}{more}")
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    def refresh_lists(self) -> None:
        store = self.app.store
        stories = store.stories()
        table = self.query_one("#stories", DataTable)
        table.clear()
        for story in stories:
            table.add_row(story.title, story.status.value, story.service, when(story.updated_at),
                          key=str(story.id))
        empty = self.query_one("#stories-empty", Static)
        empty.display = not stories
        empty.update("No stories yet. Press n to add the first success story.")
        titles = {story.id: story.title for story in stories}
        sessions = store.recent_sessions()
        counts = store.answer_counts([s.id for s in sessions])
        table = self.query_one("#sessions", DataTable)
        table.clear()
        for session in sessions:
            informant = store.informant(session.informant_id) if session.informant_id else None
            who = f"{informant.pseudonym} ({informant.role.replace('_', ' ')})" if informant \
                else ""
            protocol = self.app.catalog.get(session.protocol_id)
            table.add_row(titles.get(session.story_id, ""), who, STATUS_LABELS[session.status],
                          str(counts.get(session.id, 0)),
                          protocol.title if protocol else session.protocol_id,
                          when(session.updated_at), key=str(session.id))
        if stories:
            self.query_one("#stories", DataTable).focus()

    def action_new_story(self) -> None:
        def created(draft) -> None:
            if draft is None:
                return
            try:
                story = self.app.store.create_story(**draft)
            except ReflectError as exc:
                self.app.show_error(str(exc))
                return
            self.app.push_screen(StoryScreen(story.id))

        self.app.push_screen(StoryForm(), created)

    @on(DataTable.RowSelected, "#stories")
    def open_story(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(StoryScreen(uuid.UUID(event.row_key.value)))

    @on(DataTable.RowSelected, "#sessions")
    def open_session(self, event: DataTable.RowSelected) -> None:
        from screens.session import SessionScreen

        session = self.app.store.session(uuid.UUID(event.row_key.value))
        if session is None:
            return
        if session.status == SessionStatus.DECLINED:
            self.app.show_error("Consent was refused for this interview: there is nothing to "
                                "open. The refusal is kept on the story.")
            return
        if session.story_id:
            self.app.push_screen(StoryScreen(session.story_id))
        self.app.push_screen(SessionScreen(session.id))
