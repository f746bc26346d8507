"""Common principles: themes grouping principles from different stories, and the matrix of
themes by stories, widest reach first ("all or most stories" at a glance).

What it shows is read by a worker after the screen is shown, and every change runs in a worker
that reads it all again; each posts a message (below) that the screen reacts to. A worker's
ReflectError is shown by the app (ReflectApp._handle_exception).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from reflect import paths
from reflect.exchange.book import TitlePage, export_book
from reflect.i18n import N_, NP_, _
from reflect.models import Principle, Story
from reflect.store import ThemeReach
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.labels import shorten
from reflect_tui.prompts import PickDialog, SplitDialog, TextPrompt
from reflect_tui.safe import joined, markup, text
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from pathlib import Path

    from reflect.exchange.progress import Progress
    from reflect.privacy.redact import Redactor
    from reflect.store import Store


class ThemesScreen(Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "themes.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", NP_("key", "Back"),
                id="themes.back"),
        Binding("n", "new_theme", NP_("key", "New"), id="themes.new"),
        Binding("r", "rename", N_("Rename"), id="themes.rename"),
        Binding("m", "merge", N_("Merge"), id="themes.merge"),
        Binding("s", "split", N_("Split"), id="themes.split"),
        # shown in its list's title ("Del takes out"), to leave room in the footer
        Binding("delete", "take_out", N_("Take out"), id="themes.take_out",
                show=False),
        Binding("b", "book", N_("Export book"), id="themes.book"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="themes"):
            yield Static(_("Common principles by stories, widest reach first"), id="matrix-title",
                         classes="section-title")
            matrix = FitTable(id="matrix", zebra_stripes=True)
            yield matrix
            yield matrix.detail
            yield Static("", id="legend", classes="hint")
            with Horizontal(id="lists"):
                with Vertical():
                    yield Static(_("In it (Del takes out)"),
                                 classes="section-title")
                    yield OptionList(id="members")
                with Vertical():
                    yield Static(_("Not grouped (Enter adds)"),
                                 classes="section-title")
                    yield OptionList(id="loose")
        yield Footer(compact=True, show_command_palette=False)

    class Read(Message):
        """Stories, themes by reach and the principles not grouped, read by a worker;
        `keep` is the theme the cursor goes to."""

        def __init__(self, stories: list[Story], reach: list[ThemeReach],
                     loose: list[Principle], keep: uuid.UUID | None) -> None:
            super().__init__()
            self.stories = stories
            self.reach = reach
            self.loose = loose
            self.keep = keep

    class BookGate(Message):
        """The stories ready for the book that may not be printed yet, and why (none: the
        book is written at once), with the title page this database remembers."""

        def __init__(self, ready: bool, printable: bool, why: str, held: list[str],
                     page: TitlePage) -> None:
            super().__init__()
            self.ready = ready
            self.printable = printable
            self.why = why
            self.held = held
            self.page = page

    def __init__(self) -> None:
        super().__init__()
        self.stories: list[Story] = []
        self.story_titles: dict[uuid.UUID, str] = {}
        self.reach: list[ThemeReach] = []
        self.loose: list[Principle] = []

    def on_mount(self) -> None:
        self.sub_title = _("Common principles")
        self.refresh_all()

    def refresh_all(self, keep: uuid.UUID | None = None) -> None:
        """Read it all in a worker (Read)."""
        self._run(lambda store: None, keep)

    @work(thread=True, group="themes")
    def _change(self, change: Callable[[Store], Any], keep: uuid.UUID | None) -> None:
        """A change (or none), then everything read again."""
        store = self.app.store
        assert store is not None, "the themes screen is opened once the database is"
        result = change(store)
        stories = store.stories()
        stories.sort(key=lambda s: s.created_at)
        self.post_message(self.Read(stories, store.themes_by_reach(),
                                    [p for p in store.principles() if p.theme_id is None],
                                    keep or getattr(result, "id", None)))

    def on_themes_screen_read(self, message: Read) -> None:
        keep = message.keep
        self.stories, self.reach, self.loose = message.stories, message.reach, message.loose
        self.story_titles = {s.id: s.title for s in self.stories}
        table = self.query_one("#matrix", FitTable)
        table.set_columns(Col(_("Common principle"), squeeze=True), Col(_("Stories")),
                          *(Col(str(n)) for n in range(1, len(self.stories) + 1)))
        total = len(self.stories)
        for item in self.reach:
            marks = ["●" if s.id in item.story_ids else "·" for s in self.stories]
            table.add_row(item.theme.name, f"{len(item.story_ids)}/{total}", *marks,
                          key=str(item.theme.id))
        self.query_one("#legend", Static).update(
            joined("  ", [text(f"{n} {shorten(s.title, 32)}")
                          for n, s in enumerate(self.stories, start=1)])
            or text(_("No stories yet.")))
        ids = [str(r.theme.id) for r in self.reach]
        if keep is not None and str(keep) in ids:
            table.move_cursor(row=ids.index(str(keep)))
        table.focus()
        self.show_lists()

    def current(self) -> ThemeReach | None:
        table = self.query_one("#matrix", DataTable)
        if not self.reach or table.cursor_row is None:
            return None
        return self.reach[min(table.cursor_row, len(self.reach) - 1)]

    @on(DataTable.RowHighlighted, "#matrix")
    def show_lists(self) -> None:
        theme = self.current()
        members = self.query_one("#members", OptionList)
        held = markup("  [$error]⚠ $held[/]", held=_("held: its evidence was withdrawn"))
        shown = [*theme.principles, *theme.held] if theme else []
        members.set_options([Option(self._principle(p) + (held if theme and p in theme.held
                                                          else ""), id=str(p.id))
                             for p in shown])
        self.query_one("#loose", OptionList).set_options(
            [Option(self._principle(p), id=str(p.id)) for p in self.loose]
            or [Option(markup("[dim]$all[/dim]",
                              all=_("Every principle is in a common principle.")),
                       disabled=True)])

    def _principle(self, principle: Principle) -> Content:
        """'Story: sentence', the story's title in bold: both drawn as written."""
        return markup("[b]$story:[/b] $sentence",
                      story=self.story_titles.get(principle.story_id, "?"),
                      sentence=principle.sentence())

    def _run(self, change: Callable[[Store], Any], keep: uuid.UUID | None = None) -> None:
        """`change` in a worker, then the lists read again (a ReflectError is shown by the
        app, and nothing is read again)."""
        self._change(change, keep)

    def action_new_theme(self) -> None:
        def named(name: str | None) -> None:
            if name:
                self._run(lambda store: store.create_theme(name))

        self.app.push_screen(
            TextPrompt(_("New common principle"), _("Name (a principle found across stories)")),
            named)

    def action_rename(self) -> None:
        theme = self.current()
        if theme is None:
            return
        def named(name: str | None) -> None:
            if name:
                self._run(lambda store: store.rename_theme(theme.theme.id, name))

        self.app.push_screen(TextPrompt(_("Rename"), _("New name"), theme.theme.name), named)

    def action_merge(self) -> None:
        theme = self.current()
        others: list[tuple[str, str | Text]] = [(str(r.theme.id), r.theme.name)
                                                for r in self.reach if r is not theme]
        if theme is None or not others:
            self.app.show_error(_("Merging needs two common principles."))
            return

        def chosen(target: str | None) -> None:
            if target is None:
                return
            target_id = uuid.UUID(target)
            name = next(r.theme.name for r in self.reach if r.theme.id == target_id)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._run(lambda store: store.merge_themes(theme.theme.id, target_id),
                              keep=target_id)

            self.app.push_screen(ConfirmDialog(
                _("Merge?"), _("Move every principle of '{old}' into '{new}', and remove "
                               "'{old}'?").format(old=theme.theme.name, new=name),
                _("Merge")), confirmed)

        self.app.push_screen(PickDialog(_("Merge '{name}' into…").format(name=theme.theme.name),
                                        others), chosen)

    def action_split(self) -> None:
        theme = self.current()
        if theme is None or len(theme.principles) < 2:
            self.app.show_error(_("Splitting needs a common principle with two principles or "
                                  "more."))
            return
        items = [(str(p.id), f"{self.story_titles.get(p.story_id, '?')}: {p.sentence()}")
                 for p in theme.principles]

        def chosen(result: tuple[list[str], str] | None) -> None:
            if result is not None:
                ids, name = result
                self._run(lambda store: store.split_theme(
                    theme.theme.id, [uuid.UUID(i) for i in ids], name))

        self.app.push_screen(SplitDialog(_("Split '{name}'").format(name=theme.theme.name),
                                         items), chosen)

    @on(OptionList.OptionSelected, "#loose")
    def group(self, event: OptionList.OptionSelected) -> None:
        theme = self.current()
        if theme is None:
            self.app.show_error(_("Create a common principle first (n)."))
            return
        self._run(lambda store: store.assign_theme([uuid.UUID(event.option.id)],
                                                      theme.theme.id), keep=theme.theme.id)

    def action_take_out(self) -> None:
        members = self.query_one("#members", OptionList)
        theme = self.current()
        if not members.has_focus or members.highlighted_option is None or theme is None:
            return
        principle_id = uuid.UUID(members.highlighted_option.id)
        self._run(lambda store: store.assign_theme([principle_id], None), keep=theme.theme.id)

    def action_book(self) -> None:
        """The book; when no ready story may be printed yet, say why and offer a draft."""

        if self.app.store is not None:
            self._gate(self.app.store)

    @work(thread=True, exclusive=True, group="themes.book")
    def _gate(self, store: Store) -> None:
        from reflect.exchange.book import remembered_page
        from reflect.exchange.review_copy import book_gate

        ready = [s for s in store.stories() if s.ready_for_book]
        printable, held = book_gate(store, ready) if ready else ([], [])
        self.post_message(self.BookGate(bool(ready), bool(printable), "\n".join(
            f"• {item.story.title}: {item.reason}" for item in held),
            [item.story.title for item in held], remembered_page(store)))

    def on_themes_screen_book_gate(self, message: BookGate) -> None:
        from reflect_tui.confirm import ConfirmDialog

        if message.ready and not message.printable:
            def answered(yes: bool | None) -> None:
                if yes:
                    self._ask_title_page(message.page, [], draft=True)

            self.app.push_screen(
                ConfirmDialog(_("No story can be printed yet"),
                              _("A story is printed once it is analysed and everyone quoted in "
                                "it approved their words (c in the story). A draft has every "
                                "ready story and says DRAFT on each page.") + "\n\n"
                              + message.why, _("Print a draft")), answered)
            return
        self._ask_title_page(message.page, message.held, draft=False)

    def _ask_title_page(self, page: TitlePage, held: list[str], draft: bool) -> None:
        """The title page (BookDialog, filled with what the database remembers), then the
        book; `held` are the ready stories the book leaves out, named once it is written."""
        from reflect_tui.book_dialog import BookDialog

        def chosen(page: TitlePage | None) -> None:
            if page is not None:
                self._write_book(page, held, draft)

        self.app.push_screen(BookDialog(page, draft), chosen)

    def _write_book(self, page: TitlePage, held: list[str], draft: bool) -> None:
        from reflect.exchange.book import remember_page
        from reflect_tui.export_progress import export_in_background, hidden_names

        folder, store = paths.exports_dir(), self.app.store
        assert store is not None
        redactors: list[Redactor] = []

        def job(progress: Progress) -> list[Path]:
            # in the export's worker, as the book itself
            remember_page(store, page)
            redactors.append(store.redactor(everything=True))
            return export_book(store, folder, page.title, redactors[0], draft=draft,
                               progress=progress, page=page)

        def after() -> str:
            said = hidden_names(redactors[0] if redactors else None)
            if held and not draft:
                said += " " + _("Left out until analysed and approved: {titles}.").format(
                    titles=", ".join(held))
            return said

        export_in_background(self.app, _("Writing the book"), job, _("Book exported"), folder,
                             after)
