"""Bundle format 3 and 4: a zip of JSON Lines, written and read in constant memory (issue 18).

    manifest.json              format, format_version 4, exported_at, reflect_version,
                               counts and the SHA-256 of each table's file, and `checksum`
                               (SHA-256 of the canonical JSON of those digests)
    tables/<table>.jsonl       one row per line, canonical JSON (sorted keys, no spaces)

A 100,000-interview database is about a gigabyte of JSON: written one row at a time and read
back one batch at a time, nothing holds it whole. A table whose lines do not match their
digest (a file changed or cut short after export) is found while it is read, and the import,
one transaction, then writes nothing. Format 4 adds the deletions table (issue 30).
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zipfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO, Annotated, Any, BinaryIO

from pydantic import ConfigDict, TypeAdapter, ValidationError
from sqlmodel import SQLModel
from typing_extensions import TypedDict

from reflect import formats, limits
from reflect.errors import ReflectError
from reflect.exchange.bundle_file import (
    ALL_TABLES,
    FORMAT,
    READS,
    canonical,
    checked_row,
    open_file,
    read_bundle,
    too_deep,
)
from reflect.i18n import _

ZIP_FORMAT_VERSION = 4  # 4: deletions as a table; 3 carried them as audit events
_ROWS: dict[tuple[type[SQLModel], bool], type] = {}
_typed_dict: Any = TypedDict  # called with a name made at run time: no checker follows that


def _row_type(model: type[SQLModel], exact: bool = False) -> type:
    """The model's fields as a TypedDict: the same field types and constraints; `exact`:
    every field and no other."""
    if (model, exact) not in _ROWS:
        fields = {name: Annotated[(info.annotation, *info.metadata)] if info.metadata
                  else info.annotation for name, info in model.model_fields.items()}
        row = _typed_dict(f"{model.__name__}{'Exact' if exact else ''}Row", fields)
        if exact:
            row.__pydantic_config__ = ConfigDict(extra="forbid")
        _ROWS[model, exact] = row
    return _ROWS[model, exact]


@cache
def row_validator(model: type[SQLModel]) -> TypeAdapter[dict[str, Any]]:
    """Checks a bundle row as the model would, into a dict of Python values, about twenty
    times faster than SQLModel's model_validate (which sets each field one by one)."""
    return TypeAdapter(_row_type(model))


@cache
def rows_validator(model: type[SQLModel]) -> TypeAdapter[list[dict[str, Any]]]:
    """A list of rows holding every field and no other, read from JSON and checked in one
    call (pydantic parses the JSON itself: a third of the time of json.loads and then a
    check of the Python values)."""
    row = _row_type(model, exact=True)
    return TypeAdapter(list[row])  # type: ignore[valid-type]  # a type made at run time


MANIFEST = "manifest.json"
BATCH = 1000
"""Rows validated and handed to the merge at a time (fewer when they come to more than
limits.BUNDLE_BATCH bytes)."""
CHUNK = 1 << 20
"""Bytes inflated at a time."""


def _directory_size(handle: BinaryIO) -> int | None:
    """The size of a zip file's directory as its end record says (zip64 too), read before
    zipfile reads the directory whole; None when there is no end record (zipfile then says
    the file is not a zip)."""
    size = handle.seek(0, os.SEEK_END)
    tail = min(size, 22 + 65535)
    handle.seek(size - tail)
    data = handle.read(tail)
    end = len(data) - 22  # where an end record without a comment is, as zipfile looks first
    if end < 0 or data[end:end + 4] != b"PK\x05\x06" or data[-2:] != b"\0\0":
        end = data.rfind(b"PK\x05\x06")
    if end < 0 or len(data) - end < 22:
        return None
    entries, directory = struct.unpack_from("<10xH L", data, end)
    if (entries == 0xFFFF or directory == 0xFFFFFFFF) and end >= 20 and \
            data[end - 20:end - 16] == b"PK\x06\x07":
        (where,) = struct.unpack_from("<8xQ", data, end - 20)
        handle.seek(where)
        record = handle.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            (directory,) = struct.unpack_from("<40xQ", record)
    return int(directory)


def manifest_checksum(digests: dict[str, str]) -> str:
    return hashlib.sha256(canonical(digests)).hexdigest()


class ZipBundleWriter:
    """Tables written one row at a time into an open (binary, seekable) file."""

    def __init__(self, out: IO[bytes], exported_at: str, reflect_version: str) -> None:
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self.head = {"format": FORMAT, "format_version": ZIP_FORMAT_VERSION,
                     "exported_at": exported_at, "reflect_version": reflect_version}
        self.counts: dict[str, int] = {}
        self.digests: dict[str, str] = {}

    def table(self, name: str, rows: Iterable[dict[str, Any]]) -> int:
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
    """A format-3 bundle, checked table by table as its rows are read, and refused before it
    costs more than reflect.limits allows: the sizes its directory declares are checked
    before anything is inflated, and the bytes actually inflated are counted as they come
    (a directory can lie)."""

    def __init__(self, path: Path, handle: BinaryIO | None = None):
        self.path = path
        self.inflated = 0
        self.handle = handle or open_file(path)
        try:
            self.zip = self._open_zip(self.handle)
            try:
                manifest = json.loads(self._manifest().decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise ReflectError(_("{path}: {manifest} is not valid JSON; the file is "
                                     "damaged. Nothing was imported.").format(
                    path=path, manifest=MANIFEST)) from None
            self._check(manifest)
            self.exported_at = str(manifest.get("exported_at", ""))
            self.counts: dict[str, int] = manifest["counts"]
            self.digests: dict[str, str] = manifest["digests"]
            self._check_sizes()
        except BaseException:
            self.handle.close()
            raise

    def _damaged(self) -> ReflectError:
        return ReflectError(_("{path} is damaged: the zip file cannot be read (probably cut "
                              "short while copying; copy it again). Nothing was "
                              "imported.").format(path=self.path))

    def _not_written_by_reflect(self, what: str, size: int, limit: int) -> ReflectError:
        return ReflectError(_("{path}: {what} is {size}; in a bundle reflect writes it is never "
                              "more than {limit}. The file is damaged or was not written by "
                              "reflect: nothing was imported; ask for the file again.").format(
            path=self.path, what=what, size=limits.size_text(size),
            limit=limits.size_text(limit)))

    def _open_zip(self, handle: BinaryIO) -> zipfile.ZipFile:
        try:
            directory = _directory_size(handle)
            if directory is not None and directory > limits.BUNDLE_DIRECTORY:
                raise self._not_written_by_reflect(_("its zip directory"), directory,
                                                   limits.BUNDLE_DIRECTORY)
            handle.seek(0)
            return zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, EOFError, OSError, struct.error):
            raise self._damaged() from None

    def _manifest(self) -> bytes:
        """manifest.json, read only if its declared and its inflated size are within the
        limit, and checked for nesting before it is parsed."""
        try:
            declared = self.zip.getinfo(MANIFEST).file_size
            if declared > limits.BUNDLE_MANIFEST:
                raise self._not_written_by_reflect(MANIFEST, declared, limits.BUNDLE_MANIFEST)
            with self.zip.open(MANIFEST) as entry:
                raw = entry.read(limits.BUNDLE_MANIFEST + 1)
        except KeyError:
            raise ReflectError(_("{path} is a zip file but not a reflect bundle (it has no "
                                 "{manifest}); {READS}. Nothing was imported.").format(
                path=self.path, manifest=MANIFEST, READS=READS)) from None
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError):
            raise self._damaged() from None
        if len(raw) > limits.BUNDLE_MANIFEST:
            raise self._not_written_by_reflect(MANIFEST, len(raw), limits.BUNDLE_MANIFEST)
        if limits.too_deep(raw):
            raise too_deep(f"{self.path}: {MANIFEST}")
        return raw

    def _check_sizes(self) -> None:
        """The tables' sizes as the zip's directory declares them, against the total."""
        declared = 0
        for name in self.digests:
            try:
                declared += self.zip.getinfo(f"tables/{name}.jsonl").file_size
            except KeyError:
                continue  # said when the table is read
        if declared > limits.BUNDLE_TOTAL:
            raise self._too_large(declared)

    def _too_large(self, size: int) -> ReflectError:
        return ReflectError(_("{path}: its tables come to {size} once inflated, more than "
                              "{limit}, the most reflect imports from one bundle (a bundle of "
                              "100,000 interviews is about 1.5 GB). Nothing was imported. Check "
                              "where the file came from before trying anything else with "
                              "it.").format(
            path=self.path, size=limits.size_text(size),
            limit=limits.size_text(limits.BUNDLE_TOTAL)))

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
        if unknown := sorted(set(digests) - set(ALL_TABLES)):
            raise ReflectError(_("{path}: tables.{unknown}: unknown table; expected "
                                 "{TABLES}").format(path=path, unknown=unknown[0],
                                                    TABLES=", ".join(ALL_TABLES)))

    def _lines(self, stream: IO[bytes], member: str) -> Iterator[bytes]:
        """The lines of a zip member, each with its newline, inflated a megabyte at a time
        (a zip member's own readline is slow enough to be a tenth of an import's time). A
        line is refused as soon as it is longer than limits.BUNDLE_LINE, before it is held
        whole: the parts of a long line are kept apart and joined once, so reading one costs
        its length, not its length squared. Every byte inflated counts against the total."""
        parts: list[bytes] = []
        held, number = 0, 0
        while chunk := stream.read(CHUNK):
            self.inflated += len(chunk)
            if self.inflated > limits.BUNDLE_TOTAL:
                raise self._too_large(self.inflated)
            lines = chunk.split(b"\n")
            rest = lines.pop()
            for line in lines:
                number += 1
                if parts:
                    if held + len(line) >= limits.BUNDLE_LINE:
                        raise self._too_long(member, number)
                    line = b"".join((*parts, line))
                    parts, held = [], 0
                elif len(line) >= limits.BUNDLE_LINE:
                    raise self._too_long(member, number)
                yield line + b"\n"
            if rest:
                parts.append(rest)
                held += len(rest)
                if held > limits.BUNDLE_LINE:
                    raise self._too_long(member, number + 1)
        if parts:
            yield b"".join(parts)

    def _too_long(self, member: str, number: int) -> ReflectError:
        return ReflectError(_("{path}: {member} line {number} is longer than {limit}, the "
                              "longest row reflect imports (a row is one answer, note or "
                              "protocol); it was refused before being read whole, and nothing "
                              "was imported. If the bundle is yours, shorten that text where "
                              "it was written and export again; otherwise do not import "
                              "it.").format(
            path=self.path, member=member, number=formats.number(number),
            limit=limits.size_text(limits.BUNDLE_LINE)))

    def carries(self, name: str) -> bool:
        return name in self.digests  # a bundle older than the table does not

    def batches(self, name: str) -> Iterator[list[dict[str, Any]]]:
        """The table's rows, validated, as dicts of Python values, BATCH at a time (or fewer,
        limits.BUNDLE_BATCH bytes of them); a ReflectError naming the file, the table and the
        line when a row is wrong or the table does not match its digest."""
        if name not in self.digests:
            return
        model, fields = ALL_TABLES[name], set(ALL_TABLES[name].model_fields)
        member = f"tables/{name}.jsonl"
        digest, batch, number, held = hashlib.sha256(), [], 0, 0
        try:
            with self.zip.open(member) as table:
                for number, line in enumerate(self._lines(table, member), start=1):
                    digest.update(line)
                    batch.append(line)
                    held += len(line)
                    if len(batch) == BATCH or held >= limits.BUNDLE_BATCH:
                        yield self._rows(member, number - len(batch) + 1, batch, model, fields)
                        batch, held = [], 0
        except KeyError:
            raise ReflectError(_("{path}: {member} is missing; the file is damaged. Nothing "
                                 "was imported.").format(path=self.path, member=member)) from None
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError):
            raise self._damaged() from None
        if digest.hexdigest() != self.digests[name] or number != self.counts.get(name):
            raise ReflectError(_("{path} is damaged: its contents do not match the checksum "
                                 "written when it was exported (it was changed or corrupted "
                                 "since). Export it again from the original database. Nothing "
                                 "was imported.").format(path=self.path))
        if batch:
            yield self._rows(member, number - len(batch) + 1, batch, model, fields)

    def _rows(self, member: str, first: int, lines: list[bytes], model: type[SQLModel],
              fields: set[str]) -> list[dict[str, Any]]:
        """A batch of lines decoded and checked together (one JSON document, one validation
        of a list: a fifth of an import's time went to doing it line by line); when anything
        is wrong, line by line again, to say which line and what. No line nested deeper than
        limits.NESTING reaches either parser."""
        for number, line in enumerate(lines, start=first):
            if limits.too_deep(line):
                raise too_deep(f"{self.path}: {member} line {number}")
        try:
            rows = rows_validator(model).validate_json(b"[" + b",".join(lines) + b"]")
            if len(rows) == len(lines):  # not two lines that only make a row together
                return rows
        except ValidationError:
            pass
        return [self._row(member, number, line, model, fields)
                for number, line in enumerate(lines, start=first)]

    def _row(self, member: str, number: int, line: bytes, model: type[SQLModel],
             fields: set[str]) -> dict[str, Any]:
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
        self.handle.close()


class JsonBundleReader:
    """A format 1 or 2 bundle (one JSON object, read whole and checked before anything is
    written), read through the same batches as format 3."""

    def __init__(self, path: Path, handle: BinaryIO | None = None):
        parsed = read_bundle(path, handle)
        self.exported_at, self.rows = parsed.exported_at, parsed.rows
        self.counts = {name: len(rows) for name, rows in parsed.rows.items()}
        self.tables = parsed.tables

    def carries(self, name: str) -> bool:
        return name in self.tables  # a bundle older than the table does not

    def batches(self, name: str) -> Iterator[list[dict[str, Any]]]:
        rows = self.rows.get(name, [])
        for start in range(0, len(rows), BATCH):
            yield [row.model_dump() for row in rows[start:start + BATCH]]

    def close(self) -> None:
        self.rows = {}


def open_bundle(path: Path) -> ZipBundleReader | JsonBundleReader:
    """The bundle at path, whichever its format (told by its first bytes, not its name); an
    ordinary file only (bundle_file.open_file)."""
    handle = open_file(path)
    try:
        zipped = handle.read(4) == b"PK\x03\x04"
        handle.seek(0)
    except OSError as exc:
        handle.close()
        raise ReflectError(_("{path}: cannot be read ({problem})").format(
            path=path, problem=exc.strerror)) from None
    return ZipBundleReader(path, handle) if zipped else JsonBundleReader(path, handle)
