"""Sealed bundles on the command line: `reflect keys new`, `reflect export bundle --to` and
what `reflect import` does with a sealed file (reflect.privacy.sealed does the work)."""

from __future__ import annotations

import argparse
import getpass
import platform
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import limits, paths
from reflect.cli.console import say
from reflect.cli.privacy import _passphrase
from reflect.errors import ReflectError
from reflect.i18n import _

if TYPE_CHECKING:  # deferred at run time: pyrage and cryptography load only when sealing
    from reflect.privacy.sealed import Opened
    from reflect.privacy.sealing_keys import KnownSenders, Sender

PASSPHRASE_ENV = "REFLECT_SEALING_PASSPHRASE"
"""The secret key's passphrase for scripts and tests (else --passphrase-file, else typed)."""


def _key_passphrase(args: argparse.Namespace, what: str, new: bool = False) -> str:
    """The passphrase of a secret key: from --passphrase-file (its first line), else
    REFLECT_SEALING_PASSPHRASE, else typed on the terminal (twice when it is new)."""
    from reflect.privacy.encryption import check_new_passphrase

    file: Path | None = getattr(args, "passphrase_file", None)
    if file is None:
        return _passphrase(PASSPHRASE_ENV, what, new=new)
    try:
        raw = limits.read_regular(file, 64_000)
    except FileNotFoundError:
        raise ReflectError(_("{path}: no such file").format(path=file)) from None
    except limits.FileRefused:
        raise ReflectError(_("{path} is not a passphrase file (a small ordinary file whose "
                             "first line is the passphrase)").format(path=file)) from None
    lines = raw.decode("utf-8", "replace").splitlines()
    given = lines[0] if lines else ""
    return check_new_passphrase(given) if new else given


def keys_new_command(args: argparse.Namespace) -> int:
    """A coordinator's key pair: NAME.pub where --out says (or here) to hand out, NAME.key
    (encrypted with its passphrase) in the data dir, where 'reflect import' finds it."""
    from reflect.privacy.sealing_keys import key_pair_paths, make_key_pair

    public_folder = args.out or Path.cwd()
    public, secret = key_pair_paths(args.name, public_folder, paths.sealing_keys_dir())
    say(_("Making the key pair '{name}' for sealed bundles. Give its secret key a passphrase "
          "of its own; a forgotten one cannot be recovered, and no bundle sealed to it could "
          "be opened again.").format(name=args.name))
    passphrase = _key_passphrase(args, _("the passphrase of the new secret key"), new=True)
    pair = make_key_pair(args.name, public.parent, secret.parent, passphrase)
    say(_("Public key: {path}. Hand it to everyone who sends you bundles: 'reflect export "
          "bundle --to {name}' seals a bundle that only your secret key opens.").format(
        path=pair.public, name=pair.public.name))
    say(_("Secret key: {path} (encrypted with the passphrase). 'reflect import' opens sealed "
          "bundles with it. Keep a copy somewhere safe: without it, no bundle sealed to "
          "{name} can be opened.").format(path=pair.secret, name=pair.public.name))
    return 0


def _default_name() -> str:
    """The name a laptop signs with until --from gives one: the login name at the computer."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    host = platform.node()
    return f"{user}@{host}" if user and host else user or host


def sender(args: argparse.Namespace) -> Sender:
    """This laptop's signing key, made at the first sealed export, and the name it signs
    with (--from, kept for the next export)."""
    from reflect.privacy.sealing_keys import load_sender

    return load_sender(paths.sender_file(), args.sender, _default_name)


def recipients(files: list[Path]) -> list[str]:
    from reflect.privacy.sealing_keys import read_recipients

    return [key for file in files for key in read_recipients(file)]


def sealed_summary(files: list[Path], signer: Sender) -> str:
    """What the export says after sealing: for whom, and the fingerprint to compare."""
    fields = {"files": ", ".join(str(file) for file in files), "name": signer.name,
              "fingerprint": signer.fingerprint}
    if len(files) == 1:
        return _("Sealed for the holder of {files}: only that secret key opens it. Signed as "
                 "{name} (signing key {fingerprint}); the coordinator's import shows the same "
                 "fingerprint.").format(**fields)
    return _("Sealed for the holders of {files}: only their secret keys open it. Signed as "
             "{name} (signing key {fingerprint}); the coordinators' import shows the same "
             "fingerprint.").format(**fields)


def _secret_key_path(args: argparse.Namespace, path: Path) -> Path:
    if args.key is not None:
        return Path(args.key)
    folder = paths.sealing_keys_dir()
    found = sorted(folder.glob("*.key")) if folder.is_dir() else []
    if len(found) == 1:
        return found[0]
    if not found:
        raise ReflectError(_("{path} is a sealed bundle: open it with the secret key it was "
                             "sealed to, --key FILE ('reflect keys new' makes a key pair and "
                             "keeps its secret key in {folder}). Nothing was imported.").format(
            path=path, folder=folder))
    raise ReflectError(_("{path} is a sealed bundle and {folder} holds several secret keys "
                         "({names}): say which one opens it with --key. Nothing was "
                         "imported.").format(path=path, folder=folder,
                                             names=", ".join(key.name for key in found)))


def open_if_sealed(path: Path, args: argparse.Namespace) -> Opened | None:
    """A sealed bundle opened in memory with the coordinator's secret key, its signature and
    its sender checked (and said) before anything is imported; None for a plain bundle."""
    from reflect.exchange.bundle_file import open_file
    from reflect.privacy.sealed import AGE_MAGIC, is_sealed, open_sealed
    from reflect.privacy.sealing_keys import KnownSenders, open_secret_key

    with open_file(path) as handle:
        if not is_sealed(handle.read(len(AGE_MAGIC))):
            return None
        handle.seek(0)
        key_path = _secret_key_path(args, path)
        key = open_secret_key(key_path, lambda: _key_passphrase(
            args, _("the passphrase of the secret key {path}").format(path=key_path)))
        opened = open_sealed(handle, path, key)
    _say_sender(path, opened, KnownSenders(paths.known_senders_file()), args.new_sender_key)
    return opened


def _say_sender(path: Path, opened: Opened, known: KnownSenders, confirmed: bool) -> None:
    verdict = known.check(opened.sender, opened.fingerprint)
    fields = {"path": path, "name": opened.sender, "fingerprint": opened.fingerprint}
    if verdict.other_key and not confirmed:
        raise ReflectError(_(
            "{path} is signed by {name} with a key new here ({fingerprint}), but earlier "
            "bundles from {name} were signed with another one ({other}). If {name} has a new "
            "laptop or a new key, compare the fingerprint with them and import again with "
            "--new-sender-key; otherwise someone else is using the name: do not import it. "
            "Nothing was imported.").format(other=verdict.other_key, **fields))
    if verdict.known and verdict.earlier_name:
        say(_("Sealed bundle, sent by {name} (signing key {fingerprint}, known here since "
              "{since} as {earlier}); the signature is valid.").format(
            since=verdict.since, earlier=verdict.earlier_name, **fields))
    elif verdict.known:
        say(_("Sealed bundle, sent by {name} (signing key {fingerprint}, known here since "
              "{since}); the signature is valid.").format(since=verdict.since, **fields))
    else:
        say(_("Sealed bundle, sent by {name} (signing key {fingerprint}); the signature is "
              "valid. It is the first bundle from this key here: compare the fingerprint with "
              "the one {name}'s export printed. It is remembered from now on.").format(**fields))


def remember_sender(opened: Opened) -> None:
    """After the import: the sender's key is known here from now on."""
    from reflect.privacy.sealing_keys import KnownSenders

    KnownSenders(paths.known_senders_file()).remember(opened.sender, opened.fingerprint)
