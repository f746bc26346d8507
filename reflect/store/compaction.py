"""Erased words leaving the database file (issue 15; issue 29, point 8).

Deleted rows leave their bytes in the file's free pages and in the write-ahead log until the
file is rewritten (VACUUM) and the log emptied (a TRUNCATE checkpoint). While another
connection is still reading (another program, an export running, a script), the checkpoint
cannot overwrite the pages that reader's snapshot still sees: the words stay in the file until
it closes. A compaction that could not finish leaves a mark beside a SQLite file
(`<db>.compact`, holding only how far it got); the next opening of the database (the app or
any command) finishes it when nobody is reading any more, and so does `reflect erase
--compact`. Whoever erased is told which program still holds the file.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from reflect import inuse, paths
from reflect.i18n import _

WAIT = 2.0
"""Seconds an erasure waits for readers to finish before it leaves the rest for later."""
VACUUMED = "checkpoint"
"""What the mark holds once the file was rewritten and only the checkpoint is left."""


@dataclass(frozen=True)
class Compaction:
    finished: bool
    """Whether erased words have left the file (and its write-ahead log) for good."""
    holders: tuple[str, ...] = ()
    """The other programs that have the file open, described (when not finished)."""
    server: bool = False
    """A database server: nothing marks what is left; `reflect erase --compact` does it."""

    def message(self) -> str:
        """What to tell the person who erased, when the words have not left the file yet."""
        if self.finished:
            return ""
        if self.server:
            return _("The erased words are gone from every table, but the server still keeps "
                     "their old rows on disk while another session uses those tables: run "
                     "'reflect erase --compact' when nobody else is using the database.")
        who = "; ".join(self.holders) or _("another connection that is still reading")
        return _("The erased words are gone from every table, but copies stay in the database "
                 "file and its write-ahead log while it is still open in {who}: they leave the "
                 "file when that program closes it. It is finished at reflect's next start, or "
                 "run 'reflect erase --compact' once it has closed.").format(who=who)


def mark_of(path: Path) -> Path:
    return path.with_name(path.name + ".compact")


def _sqlite_file(engine: Engine) -> Path | None:
    return paths.sqlite_file(str(engine.url)) if engine.dialect.name == "sqlite" else None


def pending(engine: Engine) -> bool:
    """Whether an erasure's compaction was left unfinished (SQLite)."""
    path = _sqlite_file(engine)
    return path is not None and mark_of(path).exists()


def _note(mark: Path, stage: str) -> None:
    with suppress(OSError):  # a read-only folder: nothing to finish later, it is said now
        descriptor = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(stage)


def _others(path: Path) -> tuple[str, ...]:
    return tuple(holder.describe() for holder in inuse.holders(path)
                 if holder.pid != os.getpid())


def compact(engine: Engine, wait: float = WAIT) -> Compaction:
    """Rewrite the database so erased words leave its bytes (SQLite: the search indexes
    optimised, VACUUM, the write-ahead log emptied; PostgreSQL: VACUUM FULL), waiting at
    most `wait` seconds for other readers; what cannot be done now is left marked."""
    if engine.dialect.name == "postgresql":
        return _compact_server(engine, wait)
    path = _sqlite_file(engine)
    if path is None:  # in memory: nothing on disk
        return Compaction(True)
    return _compact_file(engine, path, wait, vacuum=True)


def finish(engine: Engine, wait: float = 0.0) -> Compaction | None:
    """At opening (and for `reflect erase --compact`): finish a compaction left unfinished,
    if nobody reads the old pages any more; None when none was left."""
    path = _sqlite_file(engine)
    if path is None or not (mark := mark_of(path)).exists():
        return None
    try:
        stage = mark.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        stage = ""
    return _compact_file(engine, path, wait, vacuum=stage != VACUUMED)


def _compact_file(engine: Engine, path: Path, wait: float, vacuum: bool) -> Compaction:
    mark = mark_of(path)
    if vacuum:
        _note(mark, "vacuum")  # before: a process killed meanwhile leaves it to be done
    busy = True
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            timeout = conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one()
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            try:
                if vacuum:
                    for index in ("answer_fts", "answer_forms", "answer_items"):
                        conn.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('optimize')")
                    conn.exec_driver_sql("VACUUM")
                    _note(mark, VACUUMED)
                busy = bool(conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar_one())
            finally:
                conn.exec_driver_sql(f"PRAGMA busy_timeout = {int(timeout)}")
    except OperationalError:  # locked by a writer: the rest is done later
        busy = True
    if not busy:
        with suppress(OSError):
            mark.unlink(missing_ok=True)
        return Compaction(True)
    return Compaction(False, _others(path))


def _compact_server(engine: Engine, wait: float) -> Compaction:
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql(f"SET lock_timeout = '{max(1, int(wait * 1000))}ms'")  # 0: none
        try:
            conn.exec_driver_sql("VACUUM FULL answer, interviewernote, evidence, "
                                 "supersededversion, auditevent")
        except OperationalError:  # another session holds a lock on one of them
            return Compaction(False, server=True)
        finally:
            conn.exec_driver_sql("RESET lock_timeout")
    return Compaction(True)
