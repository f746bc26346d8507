"""The interface language changes while reflect runs (issue 32, point 1): key labels are
message ids translated when the keys are listed, and every line goes through one drawing
path that sets it in reading order, whatever widget draws it."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from reflect import bidi, i18n, settings
from reflect_tui.app import make_app
from reflect_tui.home import HomeScreen
from tests.ui_helpers import screen_lines, until


def footer_labels(app) -> list[str]:
    return [str(key.description) for key in app.screen.query("FooterKey")]


async def test_the_palette_switches_the_interface_to_hebrew_and_back_live(engine, catalog):
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: "New story" in footer_labels(app))
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Language")
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count == 1)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query("#items"))
        options = app.screen.query_one("#items")
        options.highlighted = list(i18n.LANGUAGES).index("he")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen)
                    and bidi.display_line("סיפור חדש") in "\n".join(screen_lines(app)))
        assert i18n.language() == "he"
        assert app.has_class("-rtl")  # the layout mirrors at once
        assert settings.load()["language"] == "he"  # the next start speaks Hebrew too
        shown = "\n".join(screen_lines(app))
        # drawn in reading order: the key label's letters reversed on screen, not as typed
        assert bidi.display_line("סיפור חדש") in shown and "סיפור חדש" not in shown
        assert "New story" not in shown
        app.switch_language("en")
        await until(pilot, lambda: "New story" in "\n".join(screen_lines(app)))
        assert not app.has_class("-rtl")


async def test_textual_s_own_widgets_take_the_drawing_path(engine, catalog):
    """A toast and the header are Textual's widgets: no reflect class draws them, yet their
    Hebrew and Arabic read in reading order, Arabic joined."""
    i18n.use("ar")
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        toast = "تم حفظ الملف (report.pdf)"
        app.notify(toast)
        await until(pilot, lambda: bidi.display_line(toast) in "\n".join(screen_lines(app)))
        shown = "\n".join(screen_lines(app))
        assert "تم حفظ" not in shown  # never in typing order, never unjoined
        title = i18n._("Learning from Success")
        assert bidi.display_line(title) in shown
