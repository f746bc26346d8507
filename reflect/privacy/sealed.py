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
the bundle; which person holds that key is trust on first use (KnownSenders): the first
bundle from a key is accepted and its fingerprint shown to compare, the name is remembered
with it, and a later bundle under that name from another key is refused until confirmed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from reflect import limits
from reflect.errors import ReflectError
from reflect.files import write_private
from reflect.i18n import _
from reflect.models import utcnow

AGE_MAGIC = b"age-encryption.org/v1\n"
"""How a sealed bundle begins (an age file): import tells it from a plain bundle by this."""
MAGIC = b"reflect-sealed-bundle/1\n"
SIGNED = b"reflect sealed bundle signature v1\0"
"""Signed before the header: a signature made for anything else never verifies here."""
SIGNATURE = 64
KEY_FILE_LIMIT = 64_000
"""Bytes of a public or secret key file (one holds a line of about 70 characters)."""
HEADER_LIMIT = 64_000
"""Bytes of a sealed payload's header (it names the sender and the recipients)."""
SEALED_LIMIT = 4_000_000_000
"""Bytes of a sealed bundle: it is opened in memory (never as a plaintext file), so one larger
is refused before it is read (the 100,000-interview benchmark bundle is 447 MB)."""
PUBLIC_SUFFIX, SECRET_SUFFIX = ".pub", ".key"
SECRET_MARKS = ("AGE-SECRET-KEY-", "age-encryption.org", "BEGIN AGE ENCRYPTED FILE")
"""What a secret key file holds (plain, or encrypted with its passphrase, armored or not)."""
NAME = re.compile(r"[^\W][\w.-]{0,63}")
"""A key pair's name: a file name on every system (letters, digits, '.', '-', '_')."""


class SealedError(ReflectError):
    """A sealed bundle that is not opened: not for this key, altered, or not reflect's."""


class WrongKeyPassphrase(ReflectError):
    """The passphrase does not open the secret key file."""


# Key pairs for coordinators -------------------------------------------------------------------

@dataclass(frozen=True)
class KeyPair:
    public: Path
    secret: Path
    recipient: str
    """The public key as text (age1...)."""


def key_pair_paths(name: str, public_folder: Path, secret_folder: Path) -> tuple[Path, Path]:
    """NAME.pub and NAME.key in their folders; refused if the name cannot be a file's or
    either file exists."""
    if not NAME.fullmatch(name):
        raise ReflectError(_("'{name}' cannot name a key pair: use letters, digits, '.', '-' "
                             "and '_' (it becomes the files' names)").format(name=name))
    public, secret = public_folder / f"{name}{PUBLIC_SUFFIX}", \
        secret_folder / f"{name}{SECRET_SUFFIX}"
    if existing := [str(path) for path in (public, secret) if os.path.lexists(path)]:
        raise ReflectError(_("{files} already exists: a key pair is never written over (bundles "
                             "sealed to it could not be opened any more). Choose another "
                             "name.").format(files=", ".join(existing)))
    return public, secret


def make_key_pair(name: str, public_folder: Path, secret_folder: Path,
                  passphrase: str) -> KeyPair:
    """A new key pair: NAME.pub (the public key, to hand out) and NAME.key (the secret key,
    encrypted with the passphrase), both owner-only; existing files are never written over."""
    public, secret = key_pair_paths(name, public_folder, secret_folder)
    identity = pyrage.x25519.Identity.generate()
    recipient = str(identity.to_public())
    made = utcnow().isoformat(timespec="seconds")
    secret_text = (f"# reflect: the secret key '{name}' for sealed bundles (age identity)\n"
                   f"# created: {made}\n# public key: {recipient}\n{identity}\n")
    sealed_secret = pyrage.passphrase.encrypt(secret_text.encode(), passphrase, armored=True)
    write_private(secret, sealed_secret)
    write_private(public, (f"# reflect: the public key '{name}' for sealed bundles, made "
                           f"{made}\n# 'reflect export bundle --to {name}{PUBLIC_SUFFIX}' "
                           f"seals a bundle that only its secret key opens\n"
                           f"{recipient}\n").encode())
    return KeyPair(public, secret, recipient)


def _key_file_text(path: Path) -> bytes:
    try:
        return limits.read_regular(path, KEY_FILE_LIMIT)
    except FileNotFoundError:
        raise ReflectError(_("{path}: no such file").format(path=path)) from None
    except limits.FileRefused:
        raise ReflectError(_("{path} is not a key file of reflect's (it is not a small "
                             "ordinary file)").format(path=path)) from None


def read_recipients(path: Path) -> list[str]:
    """The public keys in a public key file (age's recipients file: one a line, '#' for
    comments)."""
    lines = _key_file_text(path).decode("utf-8", "replace").splitlines()
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    try:
        keys = [str(pyrage.x25519.Recipient.from_str(key)) for key in keys]
    except pyrage.RecipientError:
        keys = []
    if not keys and any(mark in line for line in lines for mark in SECRET_MARKS):
        raise ReflectError(_("{path} is a secret key: give the public one (the .pub file "
                             "'reflect keys new' makes), and keep this one to yourself").format(
            path=path))
    if not keys:
        raise ReflectError(_("{path} is not a public key for sealed bundles (the .pub file "
                             "'reflect keys new' makes)").format(path=path))
    return keys


@dataclass(frozen=True)
class SecretKey:
    identity: pyrage.x25519.Identity
    recipient: str
    path: Path


def open_secret_key(path: Path, passphrase: Callable[[], str]) -> SecretKey:
    """The secret key in the file: asks `passphrase` when it is encrypted (as 'reflect keys
    new' writes it); an age identity file without a passphrase (age-keygen's) opens too."""
    raw = _key_file_text(path)
    if raw.startswith(AGE_MAGIC) or raw.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
        try:
            raw = pyrage.passphrase.decrypt(raw, passphrase())
        except pyrage.DecryptError:
            raise WrongKeyPassphrase(_("the passphrase does not open the secret key {path}"
                                       ).format(path=path)) from None
    found = [line.strip() for line in raw.decode("utf-8", "replace").splitlines()
             if line.strip().startswith("AGE-SECRET-KEY-")]
    try:
        identity = pyrage.x25519.Identity.from_str(found[0])
    except (IndexError, pyrage.IdentityError):
        raise ReflectError(_("{path} is not a secret key for sealed bundles (the .key file "
                             "'reflect keys new' makes)").format(path=path)) from None
    return SecretKey(identity, str(identity.to_public()), path)


# The laptop's signing key ---------------------------------------------------------------------

def fingerprint(public_key: bytes) -> str:
    """A signing key's fingerprint to read aloud and compare: 128 bits of its SHA-256 in
    eight groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:32]
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class Sender:
    name: str
    key: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self.key.public_key().public_bytes_raw()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def load_sender(path: Path, name: str | None, default_name: Callable[[], str]) -> Sender:
    """This laptop's signing key and the name it signs with, kept owner-only at `path`; made
    at the first sealed export. A `name` given is used and kept for the next time."""
    stored: dict[str, str] = {}
    if path.exists():
        try:
            stored = json.loads(limits.read_regular(path, KEY_FILE_LIMIT))
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored["signing_key"]))
        except (ValueError, KeyError, TypeError, limits.FileRefused):
            raise ReflectError(_("{path} is damaged: it should hold this laptop's signing key "
                                 "for sealed bundles. Move it away and export again to make a "
                                 "new one (the coordinator will be asked to confirm it)."
                                 ).format(path=path)) from None
    else:
        key = Ed25519PrivateKey.generate()
    sender = Sender(" ".join((name or stored.get("name") or default_name()).split()), key)
    if not sender.name:
        raise ReflectError(_("a sealed bundle needs the sender's name: give it with --from"))
    if not path.exists() or sender.name != stored.get("name"):
        secret = key.private_bytes_raw()
        write_private(path, json.dumps({
            "about": "reflect: this laptop's key for signing sealed bundles; keep it private",
            "name": sender.name, "signing_key": base64.b64encode(secret).decode(),
            "public_key": base64.b64encode(sender.public_key).decode()}, indent=1).encode())
    return sender


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


# Who sent it: trust on first use --------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    known: bool
    """Bundles signed with this key were imported here before."""
    earlier_name: str = ""
    """The name this key signed with before, when it has changed."""
    other_key: str = ""
    """The fingerprint of another key this name signed with before (the key is new)."""
    since: str = ""


class KnownSenders:
    """The signing keys bundles were imported from here, by fingerprint, with the name each
    gave and when it was first seen (a small JSON file, owner-only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.senders: dict[str, dict[str, str]] = {}
        if path.exists():
            try:
                data = json.loads(limits.read_regular(path, 16_000_000))
                self.senders = {str(fp): {"name": str(entry["name"]),
                                          "since": str(entry.get("since", ""))}
                                for fp, entry in data.items()}
            except (ValueError, KeyError, TypeError, AttributeError, limits.FileRefused):
                raise ReflectError(_("{path} is damaged: it lists the senders whose sealed "
                                     "bundles were imported here. Fix it or move it away (the "
                                     "next sealed bundles then count as first ones).").format(
                    path=path)) from None

    def check(self, opened: Opened) -> Verdict:
        entry = self.senders.get(opened.fingerprint)
        if entry is not None:
            return Verdict(True, entry["name"] if entry["name"] != opened.sender else "",
                           since=entry["since"])
        others = [fp for fp, e in self.senders.items()
                  if e["name"].casefold() == opened.sender.casefold()]
        return Verdict(False, other_key=others[0] if others else "")

    def remember(self, opened: Opened) -> None:
        since = self.senders.get(opened.fingerprint, {}).get("since") or \
            utcnow().isoformat(timespec="seconds")
        self.senders[opened.fingerprint] = {"name": opened.sender, "since": since}
        write_private(self.path, json.dumps(self.senders, indent=1, ensure_ascii=False,
                                            sort_keys=True).encode())
