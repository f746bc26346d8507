"""The first start: the language reflect speaks, and whether this terminal shows right-to-left
lines the right way round.

A small app of its own, run before the main one: the main app's key labels are translated
when its screens are imported, so the language must be settled before that. It asks the
language only when nothing chose it (no --lang, REFLECT_LANG or saved setting), and the
right-to-left check the first time a Hebrew or Arabic interface starts with no `bidi` setting.
"""

from __future__ import annotations

import os

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from reflect import bidi, i18n, settings
from reflect.i18n import N_, _
from reflect_tui import drawing

QUESTION = N_("Which language should reflect speak?")
"""Asked in every language at once: the user's is not known yet."""


def language_unsettled() -> bool:
    return i18n.chosen_by() in ("system", "default") and "language" not in settings.load()


def bidi_unchecked() -> bool:
    return (i18n.is_rtl() and not os.environ.get("REFLECT_BIDI")
            and "bidi" not in settings.load())


class LanguageScreen(Screen):
    """Five languages, each named in itself; the system's language is highlighted."""

    BINDINGS = [Binding("ctrl+q", "app.quit", show=False, priority=True)]

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run"):
            asked = dict.fromkeys(i18n.in_language(code, QUESTION) for code in i18n.LANGUAGES)
            for question in asked:  # one line per language (once, until it is translated)
                yield Static(question, classes="question")
            yield OptionList(*[Option(f"{name}  ({code})", id=code)
                               for code, name in i18n.LANGUAGES.items()], id="languages")

    def on_mount(self) -> None:
        choices = self.query_one("#languages", OptionList)
        choices.highlighted = list(i18n.LANGUAGES).index(i18n.language())
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        code = event.option.id or "en"
        i18n.use(code)
        settings.save(language=code)
        if bidi_unchecked():
            self.app.switch_screen(BidiCheckScreen())
        else:
            self.app.exit(True)


class BidiCheckScreen(Screen):
    """A sample line drawn by reflect in reading order. If the terminal reorders lines too,
    it reads backwards: then reflect leaves the reordering to the terminal and asks again."""

    BINDINGS = [Binding("ctrl+q", "app.quit", show=False, priority=True)]

    def __init__(self, second_try: bool = False) -> None:
        super().__init__()
        self.second_try = second_try

    def compose(self) -> ComposeResult:
        with Vertical(id="first-run"):
            yield Static(_("Does this line read correctly?"), classes="title")
            yield Static(_("This is a line in your language, with a name (Dana) and the year "
                           "2026."), id="sample")
            yield Static(_("reflect puts right-to-left text in reading order itself. Some "
                           "terminals do it as well (mlterm, Konsole with bidi on, some VTE "
                           "terminals), and then every line reads backwards.")
                         if not self.second_try else
                         _("Now the terminal puts the line in order, not reflect. Does it "
                           "read correctly now?"), classes="help")
            with Horizontal(classes="buttons"):
                yield Button(_("Yes, it reads correctly"), id="yes", variant="primary")
                yield Button(_("No, it reads backwards"), id="no")
                yield Button(_("Continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#continue").display = False
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.app.exit(False)
        elif event.button.id == "yes":
            settings.save(bidi=bidi.mode())
            self.app.exit(True)
        elif not self.second_try:
            bidi.set_mode("terminal")
            self.app.switch_screen(BidiCheckScreen(second_try=True))
        else:
            # neither way reads right: this terminal cannot show right-to-left text; keep
            # reflect's own ordering, which is right on every terminal that does not reorder
            bidi.set_mode("app")
            settings.save(bidi="app")
            self.query_one("#sample", Static).display = False
            self.query_one(".help", Static).update(_(
                "This terminal shows right-to-left lines backwards either way. reflect will put "
                "them in order itself; for a terminal that shows them well, see \"Languages "
                "and right-to-left text\" in the README."))
            self.query_one("#yes").display = self.query_one("#no").display = False
            continue_button = self.query_one("#continue", Button)
            continue_button.display = True
            continue_button.focus()


class FirstRunApp(App[bool]):
    """Returns True when the choices were made, False when the terminal failed the check
    (reflect then orders the text itself), None when the user quit."""

    CSS_PATH = "first_run.tcss"

    def __init__(self, ask_language: bool) -> None:
        drawing.install()  # the check shows a line as reflect draws every line
        super().__init__()
        self.ask_language = ask_language

    def on_mount(self) -> None:
        self.push_screen(LanguageScreen() if self.ask_language else BidiCheckScreen())


def first_run() -> bool:
    """Ask what is unsettled; False when the user quit instead of answering."""
    ask_language = language_unsettled()
    if not ask_language and not bidi_unchecked():
        return True
    app = FirstRunApp(ask_language)
    return app.run() is not None
