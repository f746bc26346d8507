"""Private crash reports: what went wrong, never what was typed.

An unexpected error must not print stored text to the terminal or to a file: a traceback with
local variables (as Textual and Rich print by default) shows answers, titles and names. The
report holds the exception's type and, for each frame, the file, line and function of our and
the libraries' code; not the exception's message (it may quote stored text) and no locals.
It is written owner-only under crash-reports/ in the data dir.
"""

from __future__ import annotations

import platform
import time
import traceback
from pathlib import Path

from reflect import __version__, paths
from reflect.files import write_private
from reflect.i18n import _


def report_text(error: BaseException) -> str:
    lines = [f"reflect {__version__} crash report, {time.strftime('%Y-%m-%d %H:%M:%S')}",
             f"Python {platform.python_version()} on {platform.platform()}",
             "", "The exception's message and all variables are left out: they can hold "
             "answer text.", ""]
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    for exc in reversed(chain):
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        lines.append("")
    return "\n".join(lines)


def write_report(error: BaseException) -> Path | None:
    """Write the report; None if even that fails (the caller still shows a plain message)."""
    try:
        path = paths.data_dir() / "crash-reports" / f"crash-{time.strftime('%Y%m%dT%H%M%S')}.txt"
        write_private(path, report_text(error).encode("utf-8"))
    except Exception:  # noqa: BLE001 - a failing report must not hide the first error
        return None
    return path


def plain_message(path: Path | None) -> str:
    """What the user is told, in the interface's language (the report itself stays in English:
    it is for whoever fixes the error)."""
    if path is None:
        return _("reflect stopped after an unexpected error. Answers saved before it are in the "
                 "database. No crash report could be written. Start reflect again to go on.")
    return _("reflect stopped after an unexpected error. Answers saved before it are in the "
             "database. A private crash report (no answer text) is in {path}. Start reflect "
             "again to go on.").format(path=path)
