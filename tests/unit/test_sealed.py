"""Sealed bundles (issue 31, point 4): encrypted to the coordinators' public keys, signed by
the laptop; a lost file reveals nothing, a wrong key or an altered byte is refused whole."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reflect.errors import ReflectError
from reflect.exchange.bundle import bundle_data, export_bundle, import_bundle
from reflect.exchange.bundle_export import export_sealed_bundle
from reflect.exchange.demo import load_demo
from reflect.privacy import sealed, sealing_keys
from reflect.privacy.sealed import SealedError, open_sealed
from reflect.privacy.sealing_keys import KnownSenders, SecretKey, Sender, read_recipients
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine

pytestmark = pytest.mark.both_backends

SECRET_ANSWER = "Zephyrine walked the quince orchard at dawn 7731"
PSEUDONYM = "Quillon Marsh"


@pytest.fixture
def laptop(store, catalog) -> Store:
    """The demo stories and one interview whose answer and pseudonym are found nowhere else."""
    load_demo(store, catalog)
    story = store.create_story("Sealed story")
    informant = store.add_informant(story.id, PSEUDONYM, "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text=SECRET_ANSWER)
    return store


@pytest.fixture
def other(new_database) -> Store:
    return Store(open_engine(new_database()))


def key(path: Path = Path("memory.key")) -> SecretKey:
    identity = pyrage.x25519.Identity.generate()
    return SecretKey(identity, str(identity.to_public()), path)


def dana() -> Sender:
    return Sender("Dana K", Ed25519PrivateKey.generate())


def opened(path: Path, secret: SecretKey) -> sealed.Opened:
    with path.open("rb") as handle:
        return open_sealed(handle, path, secret)


def inflated_parts(data: bytes) -> list[bytes]:
    """Whatever zlib or raw deflate makes of the file from every offset it starts at."""
    found = []
    for start in range(len(data)):
        for wbits in (-15, 15):
            try:
                part = zlib.decompressobj(wbits).decompress(data[start:], 1 << 20)
            except zlib.error:
                continue
            if part:
                found.append(part)
    return found


def test_a_sealed_bundle_holds_no_plaintext_token(laptop, tmp_path):
    plain, closed = tmp_path / "plain.zip", tmp_path / "b.sealed"
    export_bundle(laptop, plain)
    counts = export_sealed_bundle(laptop, closed, [key().recipient], dana())
    assert counts["answers"] == 72
    tokens = [text.encode() for text in (SECRET_ANSWER, "quince orchard", PSEUDONYM, "Dana K")]
    # the check can find them: the plain bundle holds them once inflated
    assert all(any(t in part for part in inflated_parts(plain.read_bytes())) for t in tokens[:3])
    data = closed.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert not any(token in data for token in tokens)
    assert not any(token in part for part in inflated_parts(data) for token in tokens)
    assert closed.stat().st_mode & 0o777 == 0o600


def test_two_recipients_each_open_it_and_import_it_whole(laptop, other, new_database, tmp_path):
    first, second = key(), key()
    path = tmp_path / "b.sealed"
    export_sealed_bundle(laptop, path, [first.recipient, second.recipient], dana())
    for secret, target in ((first, other), (second, Store(open_engine(new_database())))):
        bundle = opened(path, secret)
        assert bundle.sender == "Dana K"
        summary = import_bundle(target, path, opened=bundle)
        assert summary.tables["answers"].added == 72
        assert bundle_data(target)["tables"] == bundle_data(laptop)["tables"]


def test_a_wrong_key_is_refused_by_name(laptop, tmp_path):
    path = tmp_path / "b.sealed"
    export_sealed_bundle(laptop, path, [key().recipient], dana())
    with pytest.raises(SealedError, match="sealed for other recipients"):
        opened(path, key())


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, -1])
def test_a_tampered_byte_is_refused_and_nothing_is_imported(laptop, other, tmp_path, where):
    secret = key()
    path = tmp_path / "b.sealed"
    export_sealed_bundle(laptop, path, [secret.recipient], dana())
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))
    before = bundle_data(other)["tables"]
    with pytest.raises(SealedError, match="changed or damaged after it was sealed"):
        opened(path, secret)
    assert bundle_data(other)["tables"] == before


def reseal(path: Path, secret: SecretKey, change) -> None:
    """Open the payload as the recipient can, change it, and seal it to them again: what
    someone holding the public key could send."""
    payload = pyrage.decrypt(path.read_bytes(), [secret.identity])
    start = len(sealed.MAGIC) + 4
    (size,) = struct.unpack(">I", payload[len(sealed.MAGIC):start])
    header = json.loads(payload[start:start + size])
    signature = payload[start + size:start + size + 64]
    bundle = payload[start + size + 64:]
    header, signature, bundle = change(header, signature, bundle)
    raw = json.dumps(header, sort_keys=True).encode()
    path.write_bytes(pyrage.encrypt(
        sealed.MAGIC + struct.pack(">I", len(raw)) + raw + signature + bundle,
        [pyrage.x25519.Recipient.from_str(secret.recipient)]))


def flipped(data: bytes, where: int) -> bytes:
    return data[:where] + bytes([data[where] ^ 1]) + data[where + 1:]


def test_a_bundle_altered_and_sealed_again_fails_its_signature(laptop, other, tmp_path):
    secret = key()
    path = tmp_path / "b.sealed"
    export_sealed_bundle(laptop, path, [secret.recipient], dana())
    reseal(path, secret, lambda h, s, b: (h, s, flipped(b, len(b) // 2)))
    with pytest.raises(SealedError, match="signature does not match"):
        opened(path, secret)
    reseal(path, secret, lambda h, s, b: ({**h, "sender": "Someone else"}, s, b))
    with pytest.raises(SealedError, match="signature does not match"):
        opened(path, secret)


def test_a_bundle_signed_for_others_and_sealed_again_is_refused(laptop, tmp_path):
    meant, forwarded_to = key(), key()
    path = tmp_path / "b.sealed"
    export_sealed_bundle(laptop, path, [meant.recipient], dana())
    payload = pyrage.decrypt(path.read_bytes(), [meant.identity])
    path.write_bytes(pyrage.encrypt(payload, [forwarded_to.identity.to_public()]))
    with pytest.raises(SealedError, match="sealed again to your key"):
        opened(path, forwarded_to)


def test_an_age_file_that_is_not_a_bundle_is_refused(tmp_path):
    secret = key()
    path = tmp_path / "other.age"
    path.write_bytes(pyrage.encrypt(b"just some notes" * 10, [secret.identity.to_public()]))
    with pytest.raises(SealedError, match="holds no reflect bundle"):
        opened(path, secret)


def test_key_files_round_trip_and_are_private(tmp_path):
    pair = sealing_keys.make_key_pair("coord", tmp_path / "pub", tmp_path / "secret",
                                "a long enough passphrase")
    assert pair.public.stat().st_mode & 0o777 == 0o600
    assert pair.secret.stat().st_mode & 0o777 == 0o600
    assert read_recipients(pair.public) == [pair.recipient]
    assert b"AGE-SECRET-KEY" not in pair.secret.read_bytes()
    assert sealing_keys.open_secret_key(pair.secret, lambda: "a long enough passphrase"
                                  ).recipient == pair.recipient
    with pytest.raises(sealing_keys.WrongKeyPassphrase, match="does not open the secret key"):
        sealing_keys.open_secret_key(pair.secret, lambda: "not the passphrase")
    with pytest.raises(ReflectError, match="never written over"):
        sealing_keys.make_key_pair("coord", tmp_path / "pub", tmp_path / "secret", "x" * 12)
    with pytest.raises(ReflectError, match="is a secret key: give the public one"):
        read_recipients(pair.secret)
    with pytest.raises(ReflectError, match="cannot name a key pair"):
        sealing_keys.key_pair_paths("../up", tmp_path, tmp_path)


def test_the_sender_key_is_made_once_and_kept(tmp_path):
    path = tmp_path / "sender.json"
    first = sealing_keys.load_sender(path, None, lambda: "ana@laptop")
    again = sealing_keys.load_sender(path, None, lambda: "someone@else")
    assert (first.name, first.fingerprint) == ("ana@laptop", again.fingerprint)
    assert again.name == "ana@laptop" and path.stat().st_mode & 0o777 == 0o600
    renamed = sealing_keys.load_sender(path, "Ana R", lambda: "x")
    assert (renamed.name, renamed.fingerprint) == ("Ana R", first.fingerprint)
    assert base64.b64decode(json.loads(path.read_text())["public_key"]) == first.public_key


def test_known_senders_trust_the_first_key_and_name_a_changed_one(tmp_path):
    known = KnownSenders(tmp_path / "known.json")
    ana = dana().fingerprint
    assert known.check("Ana", ana) == sealing_keys.Verdict(False)
    known.remember("Ana", ana)
    again = KnownSenders(tmp_path / "known.json").check("Ana", ana)
    assert again.known and not again.earlier_name and again.since
    assert known.check("Ana R", ana).earlier_name == "Ana"
    assert known.check("ana", dana().fingerprint).other_key == ana
