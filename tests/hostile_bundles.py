"""Hostile bundles, built small and fast: zips whose members inflate to hundreds of megabytes.

A member's deflate stream is made of pieces compressed once each with a full flush (which makes
them independent of what came before), so a piece repeated a thousand times costs its
compressed size a thousand times and no deflating. The zip is written by hand, so the sizes
its directory declares can be the true ones or a lie.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from reflect.exchange.bundle_zip import manifest_checksum

_END = zlib.compressobj(level=9, wbits=-15).flush()
"""A final, empty deflate block: the end of every stream below."""


@dataclass
class Member:
    name: str
    data: bytes
    """The deflate stream."""
    crc: int
    size: int


def member(name: str, pieces: list[tuple[bytes, int]]) -> Member:
    """A member whose content is each piece repeated its number of times, in order."""
    stream, crc, size, packed = [], 0, 0, {}
    for piece, times in pieces:
        if piece not in packed:
            squeezer = zlib.compressobj(level=9, wbits=-15)
            packed[piece] = squeezer.compress(piece) + squeezer.flush(zlib.Z_FULL_FLUSH)
        stream.append(packed[piece] * times)
        for _ in range(times):
            crc = zlib.crc32(piece, crc)
        size += len(piece) * times
    return Member(name, b"".join(stream) + _END, crc, size)


def plain(name: str, content: bytes) -> Member:
    return member(name, [(content, 1)])


def write_zip(path: Path, members: list[Member], declared: dict[str, int] | None = None) -> Path:
    """A zip of the members; `declared`: the size the directory gives a member, if not its
    own (a lie)."""
    declared = declared or {}
    body, directory = bytearray(), bytearray()
    for item in members:
        name = item.name.encode()
        size = declared.get(item.name, item.size)
        head = (8, 0, 0x21, item.crc, len(item.data), size, len(name), 0)
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, *head, 0, 0, 0, 0,
                                 len(body)) + name
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, *head) + name + item.data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))
    return path


def manifest(counts: dict[str, int], padding: int = 0,
             digests: dict[str, str] | None = None) -> Member:
    """A manifest that passes every check made before the tables are read (the tables'
    digests are checked at their end: `digests`, or wrong ones); `padding` bytes of spaces
    before it (JSON allows them)."""
    digests = digests or {name: "0" * 64 for name in counts}
    text = json.dumps({"format": "reflect-bundle", "format_version": 3,
                       "exported_at": "2026-01-01T00:00:00+00:00", "counts": counts,
                       "digests": digests, "checksum": manifest_checksum(digests)}).encode()
    if not padding:
        return plain("manifest.json", text)
    return member("manifest.json", [(b" " * (1 << 20), padding >> 20), (text, 1)])


def manifest_bomb(path: Path, inflated: int = 1 << 30, lie: bool = False) -> Path:
    """A manifest that inflates to `inflated` bytes (a gibibyte: a 1 MB file)."""
    bomb = manifest({}, padding=inflated)
    return write_zip(path, [bomb], {"manifest.json": 1000} if lie else None)


def long_line(path: Path, length: int = 300 << 20, lie: bool = False) -> Path:
    """One answer row whose line is `length` bytes long (300 MB: a 320 kB file)."""
    head = b'{"id":"00000000-0000-0000-0000-000000000001","text":"'
    rows = member("tables/answers.jsonl", [(head, 1), (b"a" * (1 << 20), length >> 20),
                                           (b'"}\n', 1)])
    return write_zip(path, [manifest({"answers": 1}), rows],
                     {"tables/answers.jsonl": 4096} if lie else None)


def many_long_answers(path: Path, answers: int = 100, length: int = 10_000_000) -> Path:
    """`answers` answer rows of `length` bytes of text each (100 of 10 MB: a 1 MB file)."""
    pieces = []
    for number in range(answers):
        pieces += [(json.dumps({"id": f"00000000-0000-0000-0000-{number:012d}",
                                "session_id": "00000000-0000-0000-0000-000000000000",
                                "question_id": f"q{number}"})[:-1].encode()
                    + b',"text":"', 1),
                   (b"a" * 1_000_000, length // 1_000_000), (b'"}\n', 1)]
    rows = member("tables/answers.jsonl", pieces)
    return write_zip(path, [manifest({"answers": answers}), rows])


def nested_line(path: Path, depth: int = 100_000) -> Path:
    """A stories table whose one line is `depth` brackets deep."""
    line = b"[" * depth + b"]" * depth + b"\n"
    digests = {"stories": hashlib.sha256(line).hexdigest()}
    return write_zip(path, [manifest({"stories": 1}, digests=digests),
                            plain("tables/stories.jsonl", line)])


def nested_manifest(path: Path, depth: int = 100_000) -> Path:
    text = b'{"format": ' + b"[" * depth + b"]" * depth + b"}"
    return write_zip(path, [plain("manifest.json", text)])
