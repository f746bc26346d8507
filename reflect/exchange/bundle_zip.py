"""Bundle format 3: a zip of JSON Lines, written and read in constant memory (issue 18).

    manifest.json              format, format_version 3, exported_at, reflect_version,
                               counts and the SHA-256 of each table's file, and `checksum`
                               (SHA-256 of the canonical JSON of those digests)
    tables/<table>.jsonl       one row per line, canonical JSON (sorted keys, no spaces)

A 100,000-interview database is about a gigabyte of JSON: written one row at a time and read
back one batch at a time, nothing holds it whole. A table whose lines do not match their
digest (a file changed or cut short after export) is found while it is read, and the import,
one transaction, then writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, TypeAdapter, ValidationError
from sqlmodel import SQLModel
from typing_extensions import TypedDict

from reflect.errors import ReflectError
from reflect.exchange.bundle_file import (
    FORMAT,
    READS,
    TABLES,
    canonical,
    checked_row,
    read_bundle,
)
from reflect.i18n import _

ZIP_FORMAT_VERSION = 3
_ROWS: dict[tuple[type[SQLModel], bool], type] = {}


def _row_type(model: type[SQLModel], exact: bool = False) -> type:
    """The model's fields as a TypedDict: the same field types and constraints; `exact`:
    every field and no other."""
    if (model, exact) not in _ROWS:
        fields = {name: Annotated[(info.annotation, *info.metadata)] if info.metadata
                  else info.annotation for name, info in model.model_fields.items()}
        row = TypedDict(f"{model.__name__}{'Exact' if exact else ''}Row", fields)
        if exact:
            row.__pydantic_config__ = ConfigDict(extra="forbid")
        _ROWS[model, exact] = row
    return _ROWS[model, exact]


@cache
def row_validator(model: type[SQLModel]) -> TypeAdapter:
    """Checks a bundle row as the model would, into a dict of Python values, about twenty
    times faster than SQLModel's model_validate (which sets each field one by one)."""
    return TypeAdapter(_row_type(model))


@cache
def rows_validator(model: type[SQLModel]) -> TypeAdapter:
    """A list of rows holding every field and no other, read from JSON and checked in one
    call (pydantic parses the JSON itself: a third of the time of json.loads and then a
    check of the Python values)."""
    return TypeAdapter(list[_row_type(model, exact=True)])


MANIFEST = "manifest.json"
BATCH = 1000
"""Rows validated and handed to the merge at a time."""


def _lines(stream, size: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a zip member, each with its newline, read a megabyte at a time (a zip
    member's own readline is slow enough to be a tenth of an import's time)."""
    rest = b""
    while chunk := stream.read(size):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            yield line + b"\n"
    if rest:
        yield rest


def is_zip_bundle(path: Path) -> bool:
    try:
        with path.open("rb") as head:
            return head.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def manifest_checksum(digests: dict[str, str]) -> str:
    return hashlib.sha256(canonical(digests)).hexdigest()


class ZipBundleWriter:
    """Tables written one row at a time into an open (binary, seekable) file."""

    def __init__(self, out, exported_at: str, reflect_version: str):
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self.head = {"format": FORMAT, "format_version": ZIP_FORMAT_VERSION,
                     "exported_at": exported_at, "reflect_version": reflect_version}
        self.counts: dict[str, int] = {}
        self.digests: dict[str, str] = {}

    def table(self, name: str, rows: Iterable[dict]) -> int:
        digest, count = hashlib.sha256(), 0
        with self.zip.open(f"tables/{name}.jsonl", "w", force_zip64=True) as entry:
            for row in rows:
                line = canonical(row) + b"\n"
                digest.update(line)
                entry.write(line)
                count += 1
        self.counts[name], self.digests[name] = count, digest.hexdigest()
        return count

    def close(self) -> None:
        manifest = {**self.head, "counts": self.counts, "digests": self.digests,
                    "checksum": manifest_checksum(self.digests)}
        self.zip.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        self.zip.close()


class ZipBundleReader:
    """A format-3 bundle, checked table by table as its rows are read."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
            manifest = json.loads(self.zip.read(MANIFEST).decode("utf-8"))
        except KeyError:
            raise ReflectError(_("{path} is a zip file but not a reflect bundle (it has no "
                                 "{manifest}); {READS}. Nothing was imported.").format(
                path=path, manifest=MANIFEST, READS=READS)) from None
        except (zipfile.BadZipFile, EOFError):
            raise ReflectError(_("{path} is damaged: the zip file cannot be read (probably cut "
                                 "short while copying; copy it again). Nothing was "
                                 "imported.").format(path=path)) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ReflectError(_("{path}: {manifest} is not valid JSON; the file is damaged. "
                                 "Nothing was imported.").format(
                path=path, manifest=MANIFEST)) from None
        self._check(manifest)
        self.exported_at = str(manifest.get("exported_at", ""))
        self.counts: dict[str, int] = manifest["counts"]
        self.digests: dict[str, str] = manifest["digests"]

    def _check(self, manifest: object) -> None:
        path = self.path
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ReflectError(_('{path} is not a reflect bundle (it has no "format": "{FORMAT}" '
                                 "at the top); {READS}. Nothing was imported.").format(
                path=path, FORMAT=FORMAT, READS=READS))
        version = manifest.get("format_version")
        if not isinstance(version, int) or version > ZIP_FORMAT_VERSION:
            raise ReflectError(_("{path} was written by a newer reflect (bundle format {version}; "
                                 "this reflect reads up to {FORMAT_VERSION}). Upgrade reflect to "
                                 "import it. Nothing was imported.").format(
                path=path, version=version, FORMAT_VERSION=ZIP_FORMAT_VERSION))
        digests, counts = manifest.get("digests"), manifest.get("counts")
        if not isinstance(digests, dict) or not isinstance(counts, dict) or \
                manifest.get("checksum") != manifest_checksum(digests):
            raise ReflectError(_("{path} is damaged: its contents do not match the checksum "
                                 "written when it was exported (it was changed or corrupted "
                                 "since). Export it again from the original database. Nothing "
                                 "was imported.").format(path=path))
        if unknown := sorted(set(digests) - set(TABLES)):
            raise ReflectError(_("{path}: tables.{unknown}: unknown table; expected "
                                 "{TABLES}").format(path=path, unknown=unknown[0],
                                                    TABLES=", ".join(TABLES)))

    def batches(self, name: str) -> Iterator[list[dict]]:
        """The table's rows, validated, as dicts of Python values, BATCH at a time; a
        ReflectError naming the file, the table and the line when a row is wrong or the
        table does not match its digest."""
        if name not in self.digests:
            return
        model, fields = TABLES[name], set(TABLES[name].model_fields)
        member = f"tables/{name}.jsonl"
        digest, batch, number = hashlib.sha256(), [], 0
        try:
            with self.zip.open(member) as table:
                for number, line in enumerate(_lines(table), start=1):
                    digest.update(line)
                    batch.append(line)
                    if len(batch) == BATCH:
                        yield self._rows(member, number - len(batch) + 1, batch, model, fields)
                        batch = []
        except KeyError:
            raise ReflectError(_("{path}: {member} is missing; the file is damaged. Nothing "
                                 "was imported.").format(path=self.path, member=member)) from None
        except (zipfile.BadZipFile, EOFError, OSError):
            raise ReflectError(_("{path} is damaged: the zip file cannot be read (probably cut "
                                 "short while copying; copy it again). Nothing was "
                                 "imported.").format(path=self.path)) from None
        if digest.hexdigest() != self.digests[name] or number != self.counts.get(name):
            raise ReflectError(_("{path} is damaged: its contents do not match the checksum "
                                 "written when it was exported (it was changed or corrupted "
                                 "since). Export it again from the original database. Nothing "
                                 "was imported.").format(path=self.path))
        if batch:
            yield self._rows(member, number - len(batch) + 1, batch, model, fields)

    def _rows(self, member: str, first: int, lines: list[bytes], model: type[SQLModel],
              fields: set[str]) -> list[dict]:
        """A batch of lines decoded and checked together (one JSON document, one validation
        of a list: a fifth of an import's time went to doing it line by line); when anything
        is wrong, line by line again, to say which line and what."""
        try:
            rows = rows_validator(model).validate_json(b"[" + b",".join(lines) + b"]")
            if len(rows) == len(lines):  # not two lines that only make a row together
                return rows
        except ValidationError:
            pass
        return [self._row(member, number, line, model, fields)
                for number, line in enumerate(lines, start=first)]

    def _row(self, member: str, number: int, line: bytes, model: type[SQLModel],
             fields: set[str]) -> dict:
        where = f"{self.path}: {member} line {number}"
        try:
            row = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ReflectError(_("{where}: not valid JSON ({msg}); the file is damaged. "
                                 "Nothing was imported.").format(
                where=where, msg=getattr(exc, "msg", exc))) from None
        return checked_row(where, row, fields, row_validator(model).validate_python)

    def close(self) -> None:
        self.zip.close()


class JsonBundleReader:
    """A format 1 or 2 bundle (one JSON object, read whole and checked before anything is
    written), read through the same batches as format 3."""

    def __init__(self, path: Path):
        parsed = read_bundle(path)
        self.exported_at, self.rows = parsed.exported_at, parsed.rows
        self.counts = {name: len(rows) for name, rows in parsed.rows.items()}

    def batches(self, name: str) -> Iterator[list[dict]]:
        rows = self.rows.get(name, [])
        for start in range(0, len(rows), BATCH):
            yield [row.model_dump() for row in rows[start:start + BATCH]]

    def close(self) -> None:
        self.rows = {}


def open_bundle(path: Path) -> ZipBundleReader | JsonBundleReader:
    """The bundle at path, whichever its format (told by its first bytes, not its name)."""
    return ZipBundleReader(path) if is_zip_bundle(path) else JsonBundleReader(path)
