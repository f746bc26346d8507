"""The keys of sealed bundles (reflect.privacy.sealed): a coordinator's key pair, the
laptop's signing key, and the signing keys a coordinator has imported from.

A key pair is age's: NAME.pub holds the public key (age1..., one a line as in age's
recipients files) and NAME.key the secret one as age-keygen writes it, encrypted with its
passphrase by age itself (scrypt; armored), so `age -d -i NAME.key` reads sealed files too.
A laptop signs with an Ed25519 key (the `cryptography` package) made at its first sealed
export and kept owner-only in its data dir with the name it signs as; like the laptop's other
files it is as safe as the laptop's account (it is not under a passphrase).

Who holds a signing key is trust on first use (KnownSenders): the first bundle from a key is
accepted and its fingerprint shown to compare with the sender's; the name is remembered with
it, and a later bundle under that name from another key is refused until confirmed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reflect import limits
from reflect.errors import ReflectError
from reflect.files import write_private
from reflect.i18n import _
from reflect.models import utcnow

AGE_MAGIC = b"age-encryption.org/v1\n"
"""How an age file begins: a sealed bundle, or a secret key encrypted with its passphrase."""
KEY_FILE_LIMIT = 64_000
"""Bytes of a public or secret key file (one holds a line of about 70 characters)."""
PUBLIC_SUFFIX, SECRET_SUFFIX = ".pub", ".key"
SECRET_MARKS = ("AGE-SECRET-KEY-", "age-encryption.org", "BEGIN AGE ENCRYPTED FILE")
"""What a secret key file holds (plain, or encrypted with its passphrase, armored or not)."""
NAME = re.compile(r"[^\W][\w.-]{0,63}")
"""A key pair's name: a file name on every system (letters, digits, '.', '-', '_')."""


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

    def check(self, name: str, key: str) -> Verdict:
        """What is known here of the signing key with this fingerprint, sent under `name`."""
        entry = self.senders.get(key)
        if entry is not None:
            return Verdict(True, entry["name"] if entry["name"] != name else "",
                           since=entry["since"])
        others = [fp for fp, e in self.senders.items() if e["name"].casefold() == name.casefold()]
        return Verdict(False, other_key=others[0] if others else "")

    def remember(self, name: str, key: str) -> None:
        """The signing key with this fingerprint is known here from now on, as `name`."""
        since = self.senders.get(key, {}).get("since") or utcnow().isoformat(timespec="seconds")
        self.senders[key] = {"name": name, "since": since}
        write_private(self.path, json.dumps(self.senders, indent=1, ensure_ascii=False,
                                            sort_keys=True).encode())
