"""Keys act in the order they were typed, bindings included (issue 28, item 1).

Textual hands a typed character to the focused widget's own queue, but runs a `priority`
binding at once, in the app's queue. A burst such as a pasted sentence followed by ctrl+n
therefore moved to the next question before the answer field had taken the sentence's last
characters, and they were saved under the next question. Priority is still wanted (issue 17):
the keys typed after ctrl+g, Tab or F10 must reach the field those keys open. So a priority
binding first waits until the focused widget has handled every key queued before it, and only
then acts; the app's queue, holding the keys typed after it, waits meanwhile.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[None]
else:
    _AppBase = object

WAIT_AT_MOST = 2.0
"""Seconds a binding waits for the focused widget; a widget that is closing never answers."""


async def keys_taken(widget: Widget) -> None:
    """Return once `widget` has handled every message queued to it before this call."""
    taken = asyncio.Event()
    if not widget.call_later(taken.set):  # False: the widget no longer takes messages
        return
    with suppress(TimeoutError):
        await asyncio.wait_for(taken.wait(), WAIT_AT_MOST)


class KeysInOrder(_AppBase):
    """Mixed into the App, before textual.app.App (the type checker sees it as an App)."""

    def _has_priority_binding(self, key: str) -> bool:
        return any(binding.priority
                   for _, bindings in self.screen._binding_chain  # noqa: SLF001
                   for binding in bindings.key_to_bindings.get(key, ()))

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        focused = self.focused
        if priority and focused is not None and self._has_priority_binding(key):
            await keys_taken(focused)
        return await super()._check_bindings(key, priority)
