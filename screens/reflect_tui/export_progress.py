"""Writing a document or an export off the UI thread, with a progress bar (issue 16).

The job runs in a worker thread, so the screen keeps drawing while Typst sets a long book;
the dialog only appears when the job takes more than a moment, and closes itself with the
paths written (or None after an error, which it reports in words). Files already there are
never written over unasked: the dialog closes with FileExists, and export_in_background asks
whether to replace them, then runs the job again with force.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from reflect.errors import FileExists, ReflectError
from reflect.exchange.progress import Progress
from reflect.files import exporting
from reflect.i18n import _, ngettext
from reflect_tui.safe import text
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from reflect.privacy.redact import Redactor
    from reflect_tui.app import ReflectApp

SHOW_AFTER = 0.3
"""Seconds before the dialog shows: a story written in a tenth of a second needs no bar."""

Job = Callable[[Progress], list[Path]]


class ExportProgress(ModalScreen[list[Path] | FileExists | None]):
    """'Writing the book: PDF' and a bar, while `job(progress)` writes its files (all at the
    end, or none; existing files only when `force`)."""

    if TYPE_CHECKING:
        app = typed_app()

    DEFAULT_CSS = """
    ExportProgress { background: transparent; }
    ExportProgress.shown { background: $background 60%; }
    ExportProgress #export-box { visibility: hidden; }
    ExportProgress.shown #export-box { visibility: visible; }
    ExportProgress ProgressBar { width: 100%; }
    """

    def __init__(self, what: str, job: Job, show_after: float = SHOW_AFTER,
                 force: bool = False):
        super().__init__()
        self.what, self.job, self.show_after, self.force = what, job, show_after, force
        self._last_drawn = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-box"):
            yield Static(self.what, classes="dialog-title", markup=False)
            yield Static("", id="export-step", markup=False)
            yield ProgressBar(id="export-bar", show_eta=False)

    def on_mount(self) -> None:
        self.set_timer(self.show_after, lambda: self.add_class("shown"))
        # the app's worker, not the screen's: dismissing the dialog would cancel its own
        self.app.run_worker(self._write, thread=True, exit_on_error=False, group="export")

    def _write(self) -> None:
        """In the worker thread."""
        try:
            with exporting(force=self.force):
                written = self.job(self._progress)
        except FileExists as exc:
            self.app.call_from_thread(self._finish, exc)
        except ReflectError as exc:
            self.app.call_from_thread(self._failed, str(exc))
        except OSError as exc:
            where = exc.filename or ""
            self.app.call_from_thread(self._failed, _(
                "Could not write {path}: {reason}. Check that the folder exists, that you may "
                "write there and that the disk is not full.").format(
                path=where, reason=exc.strerror or exc))
        except Exception as exc:  # noqa: BLE001 - the app (and an open interview) stays up
            from reflect.crash import write_report

            report = write_report(exc)
            self.app.call_from_thread(self._failed, _(
                "The export stopped on an unexpected error; nothing else was changed. A "
                "private crash report (no answer text) is in {path}.").format(
                path=report or "-"))
        else:
            self.app.call_from_thread(self._finish, written)

    def _progress(self, step: str, done: int, total: int) -> None:
        """In the worker thread; redrawn at most ten times a second."""
        now = time.monotonic()
        if now - self._last_drawn < 0.1 and done < total:
            return
        self._last_drawn = now
        self.app.call_from_thread(self._show, step, done, total)

    def _show(self, step: str, done: int, total: int) -> None:
        self.query_one("#export-step", Static).update(text(step))
        self.query_one("#export-bar", ProgressBar).update(total=total or None, progress=done)

    def _failed(self, message: str) -> None:
        self.app.show_error(message)
        self._finish(None)

    def _finish(self, written: list[Path] | FileExists | None) -> None:
        if self in self.app.screen_stack:
            self.dismiss(written)


def export_in_background(app: ReflectApp, what: str, job: Job, done_title: str, folder: Path,
                         after: Callable[[], str] = lambda: "",
                         shown: Callable[[Path], bool] = lambda _path: True,
                         force: bool = False,
                         summary: Callable[[list[Path]], str] | None = None) -> None:
    """Run `job` behind an ExportProgress dialog, then say which files were written where
    (`shown` picks the files named, or `summary` says it its own way; `after` adds a
    sentence, e.g. how many names were hidden, once the job is done). Files from an earlier
    export are replaced only after asking."""

    def finished(written: list[Path] | FileExists | None) -> None:
        if isinstance(written, FileExists):
            ask_to_replace(app, written, folder, lambda: export_in_background(
                app, what, job, done_title, folder, after, shown, True, summary))
            return
        if written is None:
            return
        names = summary(written) if summary else \
            ", ".join(path.name for path in written if shown(path))
        app.notify(_("{files} in {folder}.").format(files=names, folder=folder) + after(),
                   title=done_title, timeout=10)

    app.push_screen(ExportProgress(what, job, force=force), finished)


def ask_to_replace(app: ReflectApp, existing: FileExists, folder: Path,
                   replace: Callable[[], None]) -> None:
    """'story-x.md, story-x.pdf are already in exports: replace them?'; nothing is written
    unless the answer is yes."""
    from reflect_tui.confirm import ConfirmDialog

    names = ", ".join(path.name for path in existing.paths[:3])
    if len(existing.paths) > 3:
        names += " …"
    body = ngettext("{files} is already in {folder}, from an earlier export. Replace it with "
                    "this one? (No: nothing is written.)",
                    "{files} are already in {folder}, from an earlier export. Replace them "
                    "with this one? (No: nothing is written.)", len(existing.paths)).format(
        files=names, folder=folder)
    app.push_screen(ConfirmDialog(_("Replace the earlier export?"), body, _("Replace")),
                    lambda yes: replace() if yes else None)


def hidden_names(redactor: Redactor | None) -> str:
    """' Names hidden: 3.' after an export that replaced names, else nothing."""
    if not redactor:
        return ""
    return " " + _("Names hidden: {count}.").format(count=len(redactor.replacements))
