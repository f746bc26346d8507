"""Common principles: themes grouping principles from different stories, and the matrix of
themes by stories, widest reach first ("all or most stories" at a glance)."""

from __future__ import annotations

import uuid

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header
from textual.widgets.option_list import Option

from reflect import paths
from reflect.bidi import display_line
from reflect.errors import ReflectError
from reflect.exchange.book import export_book
from reflect.i18n import _
from reflect.store import ThemeReach
from reflect_tui.bidi_view import OptionList, Static
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.labels import shorten
from reflect_tui.prompts import PickDialog, SplitDialog, TextPrompt
from reflect_tui.safe import joined, markup, text


class ThemesScreen(Screen[None]):
    CSS_PATH = "themes.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", display_line(_("Back")), id="themes.back"),
        Binding("n", "new_theme", display_line(_("New")), id="themes.new"),
        Binding("r", "rename", display_line(_("Rename")), id="themes.rename"),
        Binding("m", "merge", display_line(_("Merge")), id="themes.merge"),
        Binding("s", "split", display_line(_("Split")), id="themes.split"),
        # shown in its list's title ("Del takes out"), to leave room in the footer
        Binding("delete", "take_out", display_line(_("Take out")), id="themes.take_out",
                show=False),
        Binding("b", "book", display_line(_("Export book")), id="themes.book"),
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

    def on_mount(self) -> None:
        self.sub_title = display_line(_("Common principles"))
        self.refresh_all()

    def refresh_all(self, keep: uuid.UUID | None = None) -> None:
        store = self.app.store
        self.stories = store.stories()
        self.stories.sort(key=lambda s: s.created_at)
        self.story_titles = {s.id: s.title for s in self.stories}
        self.reach: list[ThemeReach] = store.themes_by_reach()
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
        members.set_options([Option(self._principle(p) + (held if p in theme.held else ""),
                                    id=str(p.id))
                             for p in ([*theme.principles, *theme.held] if theme else [])])
        loose = [p for p in self.app.store.principles() if p.theme_id is None]
        self.query_one("#loose", OptionList).set_options(
            [Option(self._principle(p), id=str(p.id)) for p in loose]
            or [Option(markup("[dim]$all[/dim]",
                              all=_("Every principle is in a common principle.")),
                       disabled=True)])

    def _principle(self, principle) -> Content:
        """'Story: sentence', the story's title in bold: both drawn as written."""
        return markup("[b]$story:[/b] $sentence",
                      story=self.story_titles.get(principle.story_id, "?"),
                      sentence=principle.sentence())

    def _run(self, change, keep: uuid.UUID | None = None) -> None:
        try:
            result = change()
        except ReflectError as exc:
            self.app.show_error(str(exc))
            return
        self.refresh_all(keep=keep or getattr(result, "id", None))

    def action_new_theme(self) -> None:
        self.app.push_screen(
            TextPrompt(_("New common principle"), _("Name (a principle found across stories)")),
            lambda name: name and self._run(lambda: self.app.store.create_theme(name)))

    def action_rename(self) -> None:
        theme = self.current()
        if theme is None:
            return
        self.app.push_screen(
            TextPrompt(_("Rename"), _("New name"), theme.theme.name),
            lambda name: name and self._run(
                lambda: self.app.store.rename_theme(theme.theme.id, name)))

    def action_merge(self) -> None:
        theme = self.current()
        others = [(str(r.theme.id), r.theme.name) for r in self.reach if r is not theme]
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
                    self._run(lambda: self.app.store.merge_themes(theme.theme.id, target_id),
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

        def chosen(result) -> None:
            if result is not None:
                ids, name = result
                self._run(lambda: self.app.store.split_theme(
                    theme.theme.id, [uuid.UUID(i) for i in ids], name))

        self.app.push_screen(SplitDialog(_("Split '{name}'").format(name=theme.theme.name),
                                         items), chosen)

    @on(OptionList.OptionSelected, "#loose")
    def group(self, event: OptionList.OptionSelected) -> None:
        theme = self.current()
        if theme is None:
            self.app.show_error(_("Create a common principle first (n)."))
            return
        self._run(lambda: self.app.store.assign_theme([uuid.UUID(event.option.id)],
                                                      theme.theme.id), keep=theme.theme.id)

    def action_take_out(self) -> None:
        members = self.query_one("#members", OptionList)
        theme = self.current()
        if not members.has_focus or members.highlighted_option is None or theme is None:
            return
        principle_id = uuid.UUID(members.highlighted_option.id)
        self._run(lambda: self.app.store.assign_theme([principle_id], None), keep=theme.theme.id)

    def action_book(self) -> None:
        """The book; when no ready story may be printed yet, say why and offer a draft."""
        from reflect.exchange.review_copy import book_gate
        from reflect_tui.confirm import ConfirmDialog

        store = self.app.store
        ready = [s for s in store.stories() if s.ready_for_book]
        printable, held = book_gate(store, ready) if ready else ([], [])
        if ready and not printable:
            why = "\n".join(f"• {item.story.title}: {item.reason}" for item in held)
            self.app.push_screen(
                ConfirmDialog(_("No story can be printed yet"),
                              _("A story is printed once it is analysed and everyone quoted in "
                                "it approved their words (c in the story). A draft has every "
                                "ready story and says DRAFT on each page.") + "\n\n" + why,
                              _("Print a draft")),
                lambda yes: yes and self._write_book(draft=True))
            return
        self._write_book(draft=False)

    def _write_book(self, draft: bool) -> None:
        from reflect_tui.export_progress import export_in_background, hidden_names

        folder, store = paths.exports_dir(), self.app.store
        redactor = store.redactor(everything=True)
        export_in_background(
            self.app, _("Writing the book"),
            lambda progress: export_book(store, folder, _("Learning from Success"), redactor,
                                         draft=draft, progress=progress),
            _("Book exported"), folder, lambda: hidden_names(redactor))
