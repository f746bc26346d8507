"""The footer every screen shows: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds itself (a widget per key) whenever the bindings may have changed,
which is at every change of focus: opening a session moved the focus often enough for that to
be a fifth of the time the screen took to appear.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        shown = tuple((binding.key, binding.description, enabled)
                      for _node, binding, enabled, _tip in screen.active_bindings.values()
                      if binding.show)
        if shown != self._shown:
            self._shown = shown
            self.call_after_refresh(self.recompose)
