"""Sealed bundles: a bundle encrypted to the coordinators' public keys and signed by the
laptop that sent it, so a lost USB stick reveals nothing and an altered file is refused
(issue 31, point 4).

Encryption is age's (through pyrage), not a construction of ours: X25519 recipients, the
file key wrapped once for each of them, the contents in ChaCha20-Poly1305 chunks each with its
own tag, the header under an HMAC. A coordinator's secret key is an age identity file
encrypted with its passphrase (age's scrypt), so the age tool opens a sealed file too:
`age -d -i NAME.key FILE` gives the payload below.

age does not sign, and anyone who has a public key can seal a file to it. So the payload
(the plaintext age carries, built and read in memory, never written to a disk) says who sent
it and is signed with that laptop's Ed25519 key (the `cryptography` package):

    MAGIC              b"reflect-sealed-bundle/1\\n"
    4 bytes            the header's length, big-endian
    header             JSON: sender (the name the laptop gave), signing_key (the public
                       Ed25519 key, base64), recipients (the age public keys it was sealed
                       to, sorted), bundle_sha256, bundle_size, sealed_at
    64 bytes           the Ed25519 signature of SIGNED + header
    the bundle         the zip 'reflect export bundle' writes

The recipients are signed too: a coordinator cannot seal someone's signed bundle again to a
third person and pass it off as sent to them. The signature proves which signing key sent
the bundle; which person holds that key is trust on first use (reflect.privacy.sealing_keys,
where the keys are made and kept).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reflect import limits
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import utcnow
from reflect.privacy.sealing_keys import AGE_MAGIC, SecretKey, Sender, fingerprint

__all__ = ["AGE_MAGIC", "Opened", "SealedError", "is_sealed", "open_sealed", "seal"]

MAGIC = b"reflect-sealed-bundle/1\n"
SIGNED = b"reflect sealed bundle signature v1\0"
"""Signed before the header: a signature made for anything else never verifies here."""
SIGNATURE = 64
HEADER_LIMIT = 64_000
"""Bytes of a sealed payload's header (it names the sender and the recipients)."""
SEALED_LIMIT = 4_000_000_000
"""Bytes of a sealed bundle: it is opened in memory (never as a plaintext file), so one larger
is refused before it is read (the 100,000-interview benchmark bundle is 447 MB)."""


class SealedError(ReflectError):
    """A sealed bundle that is not opened: not for this key, altered, or not reflect's."""


# Sealing ---------------------------------------------------------------------------------------

class _Chain(io.RawIOBase):
    """Several buffers read as one stream (the payload, without joining them into a copy)."""

    def __init__(self, parts: Sequence[bytes | memoryview]) -> None:
        self.parts = [memoryview(part) for part in parts]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while self.parts and not len(self.parts[0]):
            self.parts.pop(0)
        if not self.parts:
            return 0
        count = min(len(buffer), len(self.parts[0]))
        buffer[:count] = self.parts[0][:count]
        self.parts[0] = self.parts[0][count:]
        return count


def seal(bundle: memoryview, recipients: Sequence[str], sender: Sender, out: BinaryIO) -> None:
    """Write the bundle (a zip, in memory), signed by `sender`, encrypted to every recipient."""
    header = json.dumps({
        "sender": sender.name,
        "signing_key": base64.b64encode(sender.public_key).decode(),
        "recipients": sorted(set(recipients)),
        "bundle_sha256": hashlib.sha256(bundle).hexdigest(),
        "bundle_size": len(bundle),
        "sealed_at": utcnow().isoformat(timespec="seconds"),
    }, ensure_ascii=False, sort_keys=True).encode()
    signature = sender.key.sign(SIGNED + header)
    keys = [pyrage.x25519.Recipient.from_str(key) for key in sorted(set(recipients))]
    pyrage.encrypt_io(_Chain([MAGIC, struct.pack(">I", len(header)), header, signature,
                              bundle]), out, keys)


# Opening ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Opened:
    """A sealed bundle opened and its signature checked: the bundle (a zip) in memory."""
    bundle: io.BytesIO
    sender: str
    signing_key: bytes
    sealed_at: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)


class _Payload:
    """Where age writes the plaintext: the prefix (magic, header, signature) kept apart, the
    bundle into memory and hashed as it comes. A payload that does not begin as reflect's is
    marked foreign and not kept."""

    def __init__(self) -> None:
        self.prefix = bytearray()
        self.header_size: int | None = None
        self.foreign = False
        self.bundle = io.BytesIO()
        self.digest = hashlib.sha256()

    def prefix_size(self) -> int:
        if self.header_size is None:
            return len(MAGIC) + 4
        return len(MAGIC) + 4 + self.header_size + SIGNATURE

    def complete(self) -> bool:
        return self.header_size is not None and len(self.prefix) == self.prefix_size()

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while len(view) and not self.complete() and not self.foreign:
            wanted = self.prefix_size() - len(self.prefix)
            self.prefix += view[:wanted]
            view = view[wanted:]
            if self.header_size is None and len(self.prefix) == len(MAGIC) + 4:
                (size,) = struct.unpack(">I", self.prefix[len(MAGIC):])
                if bytes(self.prefix[:len(MAGIC)]) != MAGIC or size > HEADER_LIMIT:
                    self.foreign = True
                self.header_size = size
        if len(view) and not self.foreign:
            self.digest.update(view)
            self.bundle.write(view)
        return len(data)

    def flush(self) -> None:
        pass


def is_sealed(head: bytes) -> bool:
    """Whether a file's first bytes are a sealed bundle's (an age file)."""
    return head.startswith(AGE_MAGIC)


def open_sealed(source: BinaryIO, path: Path, key: SecretKey) -> Opened:
    """Decrypt a sealed bundle in memory with the secret key and check everything before the
    bundle is handed on: for this key, unaltered (age's tags), signed by the signing key it
    names, the bundle's hash and size as signed. Any failure is a SealedError saying which."""
    size = os.fstat(source.fileno()).st_size
    if size > SEALED_LIMIT:
        raise SealedError(_("{path} is {size}, more than {limit}, the largest sealed bundle "
                            "reflect opens (it is opened in memory). Nothing was imported."
                            ).format(path=path, size=limits.size_text(size),
                                     limit=limits.size_text(SEALED_LIMIT)))
    payload = _Payload()
    try:
        pyrage.decrypt_io(source, payload, [key.identity])
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise SealedError(_(
                "{path}: this bundle was sealed for other recipients: the secret key {key} "
                "does not open it (or its header was damaged). Open it with the key whose "
                "public part it was sealed to (--key). Nothing was imported.").format(
                path=path, key=key.path)) from None
        raise _altered_on_the_way(path) from None
    except OSError as exc:  # age's check of a chunk fails while it streams
        if exc.errno is not None:
            raise  # the file itself could not be read: said as any other OSError
        raise _altered_on_the_way(path) from None
    return _verified(payload, path, key)


def _altered_on_the_way(path: Path) -> SealedError:
    return SealedError(_("{path} was changed or damaged after it was sealed (its encryption's "
                         "check fails). Nothing was imported; ask the sender for the file "
                         "again.").format(path=path))


def _verified(payload: _Payload, path: Path, key: SecretKey) -> Opened:
    if payload.foreign or not payload.complete():
        raise SealedError(_("{path} opens with this key but holds no reflect bundle (it was "
                            "sealed by another program). Nothing was imported.").format(
            path=path))
    start, end = len(MAGIC) + 4, payload.prefix_size() - SIGNATURE
    header_bytes, signature = bytes(payload.prefix[start:end]), bytes(payload.prefix[end:])
    altered = SealedError(_(
        "{path}: its signature does not match what it holds: it was altered after the sender "
        "signed it. Nothing was imported; ask the sender for the file again.").format(path=path))
    try:
        header = json.loads(header_bytes)
        signing_key = base64.b64decode(header["signing_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(signing_key).verify(signature,
                                                               SIGNED + header_bytes)
        sender, recipients = str(header["sender"]), list(header["recipients"])
        digest, size = str(header["bundle_sha256"]), int(header["bundle_size"])
    except (ValueError, KeyError, TypeError, InvalidSignature):
        raise altered from None
    if digest != payload.digest.hexdigest() or size != payload.bundle.tell():
        raise altered
    if key.recipient not in recipients:
        raise SealedError(_(
            "{path} was signed by {sender} for other recipients and sealed again to your key "
            "by someone else: refused. Nothing was imported.").format(path=path, sender=sender))
    payload.bundle.seek(0)
    return Opened(payload.bundle, sender, signing_key, str(header.get("sealed_at", "")))
