"""A bundle file: its format, its checksum, and reading one into checked rows.

Everything wrong with a file (not found, not JSON, cut short, from a newer reflect, edited
after export, a row the tables do not accept) is found here and said as a ReflectError naming
the file and the place, before anything is written. Merging is reflect.exchange.bundle's job.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from pydantic import ValidationError
from sqlmodel import SQLModel

from reflect import limits
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import (
    ActionItem,
    Answer,
    AuditEvent,
    Deletion,
    Erasure,
    Evidence,
    Informant,
    InterviewerNote,
    MemberCheck,
    Principle,
    ProtocolSnapshot,
    Session,
    SessionPerson,
    Story,
    Theme,
)
from reflect.store.transfer_rows import canonical as canonical  # bundles' JSON, as kept

T = TypeVar("T")

FORMAT = "reflect-bundle"
FORMAT_VERSION = 2
"""2: people present, interviewer notes, time codes, member checks, erasures (issue 15).
Version 1 files still read."""

TABLES: dict[str, type[SQLModel]] = {
    "protocol_snapshots": ProtocolSnapshot,
    "stories": Story,
    "informants": Informant,
    "member_checks": MemberCheck,
    "erasures": Erasure,
    "sessions": Session,
    "session_people": SessionPerson,
    "answers": Answer,
    "interviewer_notes": InterviewerNote,
    "action_items": ActionItem,
    "themes": Theme,
    "principles": Principle,
    "evidence": Evidence,
    "audit_events": AuditEvent,
    "deletions": Deletion,
}
"""Bundle table name -> model, in insertion order (every row's references come earlier).
Deletions come last, as the audit events that carried them before (reflect.store.transfer):
a deletion keeps rows out of the imports after the one that brought it."""


def _with_audio() -> dict[str, type[SQLModel]]:
    from reflect.store.transfer_audio import audio_tables

    tables: dict[str, type[SQLModel]] = {}
    for name, model in TABLES.items():
        tables[name] = model
        if name == "interviewer_notes":
            tables.update(audio_tables())
    return tables


ALL_TABLES = _with_audio()
"""TABLES with the recordings and their sound after the interviewer's notes: what a bundle
may carry (issue 34). Only `reflect export bundle --with-audio` writes the audio tables."""


def tables_for(with_audio: bool) -> dict[str, type[SQLModel]]:
    """The tables a bundle is written with."""
    return ALL_TABLES if with_audio else TABLES

READS = "reflect import reads files written by 'reflect export bundle'"

ADDED_LATER = {"recording_consent": None, "recording_consent_method": "",
               "recording_consent_at": None}
"""Columns a bundle from an earlier release does not have, with what such a row means
(consent to record, revision 0015: not asked). Any other missing field is an error."""
_LATER = frozenset(ADDED_LATER)


def checksum(tables: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(tables)).hexdigest()


# Reading a bundle ----------------------------------------------------------------------------

@dataclass
class ParsedBundle:
    exported_at: str
    rows: dict[str, list[SQLModel]]
    tables: frozenset[str] = frozenset()
    """The tables the file holds (one written before a table was added lacks it)."""


def open_file(path: Path) -> BinaryIO:
    """The bundle file opened for reading: a ReflectError if it is missing, cannot be read,
    or is not an ordinary file (a named pipe would hang the import, a device never end)."""
    try:
        return limits.open_regular(path)
    except FileNotFoundError:
        raise ReflectError(_("{path}: no such file").format(path=path)) from None
    except limits.FileRefused as exc:
        if exc.target is not None:
            raise ReflectError(_("{path} leads to {target}, which is {kind}, not a file: give "
                                 "the bundle file itself. Nothing was imported.").format(
                path=path, target=exc.target, kind=exc.kind)) from None
        raise ReflectError(_("{path} is {kind}, not a file: give the bundle file itself. "
                             "Nothing was imported.").format(path=path, kind=exc.kind)) from None
    except OSError as exc:
        raise ReflectError(_("{path}: cannot be read ({problem})").format(
                               path=path, problem=exc.strerror)) from None


def too_deep(where: str) -> ReflectError:
    return ReflectError(_("{where}: its JSON is nested more than {limit} levels deep (a bundle "
                          "needs four at most): the file is damaged or was not written by "
                          "reflect. Nothing was imported.").format(
        where=where, limit=limits.NESTING))


def read_bundle(path: Path, handle: BinaryIO | None = None) -> ParsedBundle:
    """Parse and check a bundle file of format 1 or 2 (`handle`: the file, opened by
    open_file); every problem is a ReflectError naming the file and the place, before
    anything is written. Such a file is read whole: one larger than limits.OLD_BUNDLE is
    refused before it is read."""
    with handle or open_file(path) as source:
        size = os.fstat(source.fileno()).st_size
        raw = source.read(limits.OLD_BUNDLE + 1) if size <= limits.OLD_BUNDLE else b""
    if size > limits.OLD_BUNDLE or len(raw) > limits.OLD_BUNDLE:
        raise ReflectError(_("{path} is {size}, more than {limit}: a bundle of format 1 or 2 "
                             "(not a zip file) is read whole, so reflect reads none larger. "
                             "Export it again with a newer reflect (its bundles are zip files, "
                             "read a row at a time). Nothing was imported.").format(
            path=path, size=limits.size_text(max(size, len(raw))),
            limit=limits.size_text(limits.OLD_BUNDLE)))
    if limits.too_deep(raw):  # nested thousands deep: no bundle is, a hostile file can be
        raise too_deep(str(path))
    if not raw.strip():
        raise ReflectError(_("{path} is empty; it is not a reflect bundle").format(path=path))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReflectError(_("{path} is not a reflect bundle (it is not UTF-8 text); {READS}. "
                             "Nothing was imported.").format(path=path, READS=READS)) from None
    except RecursionError:  # too_deep has let nothing this deep through; kept as a guard
        raise too_deep(str(path)) from None
    except json.JSONDecodeError as exc:
        cut = not raw.rstrip().endswith(b"}")
        hint = " " + (_("The file ends before the bundle does: it was probably cut short "
                        "while copying; copy it again.") if cut else
                      _("It is damaged or is not a reflect bundle."))
        raise ReflectError(_("{path}: line {lineno}, column {colno}: not valid JSON "
                             "({msg}).{hint} Nothing was imported.").format(
                               path=path, lineno=exc.lineno, colno=exc.colno, msg=exc.msg,
                               hint=hint)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReflectError(_('{path} is not a reflect bundle (it has no "format": "{FORMAT}" at '
                             "the top); {READS}. Nothing was imported.").format(
                               path=path, FORMAT=FORMAT, READS=READS))
    version = data.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise ReflectError(_("{path}: format_version must be a whole number, found "
                             "{version!r}").format(path=path, version=version))
    if version > FORMAT_VERSION:
        raise ReflectError(_("{path} was written by a newer reflect (bundle format {version}; "
                             "this reflect reads up to {FORMAT_VERSION}). Upgrade reflect to "
                             "import it. Nothing was imported.").format(
                               path=path, version=version, FORMAT_VERSION=FORMAT_VERSION))
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ReflectError(_('{path}: "tables" is missing or is not an object').format(path=path))
    if unknown := sorted(set(tables) - set(TABLES)):
        raise ReflectError(_("{path}: tables.{unknown}: unknown table; expected {TABLES}").format(
                               path=path, unknown=unknown[0], TABLES=', '.join(TABLES)))
    if data.get("checksum") != checksum(tables):
        raise ReflectError(_("{path} is damaged: its contents do not match the checksum written "
                             "when it was exported (it was changed or corrupted since). Export it"
                             " again from the original database. Nothing was imported.").format(
                               path=path))
    rows = {name: _validate_rows(path, name, model, tables.get(name, []))
            for name, model in TABLES.items()}
    return ParsedBundle(exported_at=str(data.get("exported_at", "")), rows=rows,
                        tables=frozenset(tables))


def _validate_rows(path: Path, name: str, model: type[SQLModel], rows: object,
                   ) -> list[SQLModel]:
    if not isinstance(rows, list):
        raise ReflectError(_("{path}: tables.{name} must be a list of rows").format(
                               path=path, name=name))
    fields = set(model.model_fields)
    parsed = []
    for index, row in enumerate(rows):
        parsed.append(checked_row(f"{path}: tables.{name}[{index}]", row, fields,
                                  model.model_validate))
    return parsed


def checked_row(where: str, row: object, fields: set[str], validate: Callable[[Any], T]) -> T:
    """A bundle row checked: an object with exactly the table's fields, each valid
    (`validate` makes the row); else a ReflectError saying where and what."""
    if not isinstance(row, dict):
        raise ReflectError(_("{where}: a row must be an object").format(where=where))
    keys = set(row)
    if extra := sorted(keys - fields):
        raise ReflectError(_("{where}: unknown field '{extra}'").format(
                               where=where, extra=extra[0]))
    if len(keys) < len(fields):
        if missing := sorted(fields - keys - _LATER):
            raise ReflectError(_("{where}: field '{missing}' is missing").format(
                                   where=where, missing=missing[0]))
        row = {**row, **{name: value for name, value in ADDED_LATER.items()
                         if name in fields and name not in keys}}
    try:
        return validate(row)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        raise ReflectError(_("{where}.{place}: {first}").format(
                               where=where, place=place, first=first['msg'])) from None
