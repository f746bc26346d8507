"""`typed_app`: screens and widgets see `self.app` as the ReflectApp it is.

Textual types `self.app` as a plain `App`, so a type checker knows nothing of the store, the
catalog or the interviewer's name the screens ask it for. A screen or widget that asks for them
says so in its class body::

    if TYPE_CHECKING:
        app = typed_app()

Only the checker sees it (Textual's `getters.app`, made for this): at run time `self.app` is
Textual's own, unchanged, so screens also work inside the test apps that host them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters

if TYPE_CHECKING:
    from reflect_tui.app import ReflectApp


def typed_app() -> getters.app[ReflectApp]:
    from reflect_tui.app import ReflectApp

    return getters.app(ReflectApp)
