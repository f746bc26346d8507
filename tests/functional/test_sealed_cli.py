"""Sealed bundles from the command line (issue 31, point 4): a coordinator makes a key pair,
a laptop seals its bundle to it, the coordinator's import opens it, names the sender and
refuses a wrong key, a wrong passphrase, an altered file and a stranger using a known name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyrage
import pytest

from reflect.cli import main
from reflect.exchange.bundle import bundle_data
from reflect.exchange.demo import load_demo
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends

SECRET_ANSWER = "Zephyrine walked the quince orchard at dawn 7731"
PASSPHRASE = "coordinator passphrase one"


@pytest.fixture
def laptop(store, catalog) -> Store:
    load_demo(store, catalog)
    story = store.create_story("Sealed story")
    informant = store.add_informant(story.id, "Quillon Marsh", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text=SECRET_ANSWER)
    return store


@pytest.fixture
def databases(new_database):
    return lambda: Store(open_engine(new_database()))


@pytest.fixture(scope="module")
def made_keys(tmp_path_factory):
    """Two coordinators' key pairs made once: 'coord' with a passphrase (age's scrypt takes a
    second or more to open it), 'second' as age-keygen writes one, without (opens at once)."""
    from reflect.privacy.sealing_keys import make_key_pair

    folder = tmp_path_factory.mktemp("keys")
    make_key_pair("coord", folder / "public", folder / "secret", PASSPHRASE)
    identity = pyrage.x25519.Identity.generate()
    (folder / "public" / "second.pub").write_text(f"{identity.to_public()}\n")
    (folder / "secret" / "second.key").write_text(f"# age-keygen style\n{identity}\n")
    return folder


@pytest.fixture
def keys(made_keys, tmp_path):
    """The key pairs: the public ones in handed-out/, the secret ones where 'reflect keys new'
    keeps them (sealing/ in this test's data dir); and the file holding coord's passphrase."""
    shutil.copytree(made_keys / "public", tmp_path / "handed-out")
    shutil.copytree(made_keys / "secret", tmp_path / "data" / "sealing")
    words = tmp_path / "words.txt"
    words.write_text(f"{PASSPHRASE}\n")
    return tmp_path / "handed-out", words


def imported(store: Store, path: Path, *options: str) -> int:
    return main(["--db", cli_db(store.engine), "import", str(path), *options])


def test_keys_new_writes_private_files_and_never_over_old_ones(tmp_path, monkeypatch, capsys):
    folder, secret = tmp_path / "handed-out", tmp_path / "data" / "sealing"
    words = tmp_path / "words.txt"
    words.write_text("coordinator passphrase one\n")
    assert main(["keys", "new", "coord", "--out", str(folder), "--passphrase-file",
                 str(words)]) == 0
    out = capsys.readouterr().out
    assert f"Public key: {folder / 'coord.pub'}" in out
    assert f"Secret key: {secret / 'coord.key'}" in out
    for path in (folder / "coord.pub", secret / "coord.key"):
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert secret.stat().st_mode & 0o777 == 0o700
    assert main(["keys", "new", "coord", "--out", str(folder), "--passphrase-file",
                 str(words)]) == 1
    assert "never written over" in capsys.readouterr().err
    monkeypatch.setenv("REFLECT_SEALING_PASSPHRASE", "short")
    assert main(["keys", "new", "third"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert not (secret / "third.key").exists()


def test_sealed_to_two_coordinators_each_opens_it_and_sees_the_sender(
        laptop, databases, keys, tmp_path, capsys):
    folder, words = keys
    path = tmp_path / "out" / "course.sealed"
    assert main(["--db", cli_db(laptop.engine), "export", "bundle", "--to",
                 str(folder / "coord.pub"), "--to", str(folder / "second.pub"), "--from",
                 "Dana K", "--out", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {path}" in out and "Signed as Dana K (signing key " in out
    fingerprint = out.split("(signing key ")[1].split(")")[0]
    assert sorted(p.name for p in path.parent.iterdir()) == ["course.sealed"]
    assert SECRET_ANSWER.encode() not in path.read_bytes()

    secret = tmp_path / "data" / "sealing"
    first, second = databases(), databases()
    assert imported(first, path, "--key", str(secret / "coord.key"), "--passphrase-file",
                    str(words)) == 0
    out = capsys.readouterr().out
    assert f"Sealed bundle, sent by Dana K (signing key {fingerprint}); the signature is " \
           "valid. It is the first bundle from this key here" in out
    assert "answers: 72 added" in out
    assert imported(second, path, "--key", str(secret / "second.key")) == 0  # no passphrase
    out = capsys.readouterr().out
    assert f"sent by Dana K (signing key {fingerprint}, known here since" in out
    for store in (first, second):
        assert bundle_data(store)["tables"] == bundle_data(laptop)["tables"]


def test_a_wrong_key_a_wrong_passphrase_and_a_tampered_byte_import_nothing(
        laptop, databases, keys, tmp_path, capsys, monkeypatch):
    folder, words = keys
    path = tmp_path / "course.sealed"
    assert main(["--db", cli_db(laptop.engine), "export", "bundle", "--to",
                 str(folder / "coord.pub"), "--out", str(path)]) == 0
    capsys.readouterr()
    target = databases()
    before = bundle_data(target)["tables"]
    secret = tmp_path / "data" / "sealing"

    assert imported(target, path, "--key", str(secret / "second.key")) == 1
    err = capsys.readouterr().err
    assert "this bundle was sealed for other recipients" in err and "Traceback" not in err

    monkeypatch.setenv("REFLECT_SEALING_PASSPHRASE", "not the passphrase")  # the variable
    assert imported(target, path, "--key", str(secret / "coord.key")) == 1
    assert "the passphrase does not open the secret key" in capsys.readouterr().err

    assert imported(target, path) == 1  # two secret keys here: which one?
    assert "say which one opens it with --key" in capsys.readouterr().err

    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    assert imported(target, path, "--key", str(secret / "coord.key"), "--passphrase-file",
                    str(words)) == 1
    err = capsys.readouterr().err
    assert "was changed or damaged after it was sealed" in err and "Nothing was" in err
    assert bundle_data(target)["tables"] == before


def test_another_key_under_a_known_name_is_refused_until_confirmed(
        laptop, databases, keys, tmp_path, capsys):
    folder, words = keys
    db = cli_db(laptop.engine)
    target = databases()
    key = ["--key", str(tmp_path / "data" / "sealing" / "coord.key"), "--passphrase-file",
           str(words)]
    for name in ("first.sealed", "impostor.sealed"):
        assert main(["--db", db, "export", "bundle", "--to", str(folder / "coord.pub"),
                     "--from", "Dana K", "--out", str(tmp_path / name)]) == 0
        (tmp_path / "data" / "sender.json").unlink()  # the next export: another laptop
    assert imported(target, tmp_path / "first.sealed", *key) == 0
    capsys.readouterr()
    before = bundle_data(target)["tables"]
    laptop.save_answer(laptop.sessions_of_kind("interview")[0].id, "success-what",
                       text="changed")
    assert imported(target, tmp_path / "impostor.sealed", *key) == 1
    err = capsys.readouterr().err
    assert "earlier bundles from Dana K were signed with another one" in err
    assert "--new-sender-key" in err and bundle_data(target)["tables"] == before
    assert imported(target, tmp_path / "impostor.sealed", *key, "--new-sender-key") == 0
    assert "sent by Dana K" in capsys.readouterr().out


def test_a_public_key_is_needed_to_seal(laptop, keys, tmp_path, capsys):
    assert main(["--db", cli_db(laptop.engine), "export", "bundle", "--to",
                 str(tmp_path / "data" / "sealing" / "coord.key"), "--out",
                 str(tmp_path / "b.sealed")]) == 1
    assert "is a secret key: give the public one" in capsys.readouterr().err
    assert not (tmp_path / "b.sealed").exists()


def test_from_without_to_is_refused_rather_than_writing_a_plain_bundle(laptop, tmp_path,
                                                                       capsys):
    assert main(["--db", cli_db(laptop.engine), "export", "bundle", "--from", "Dana K",
                 "--out", str(tmp_path / "b.zip")]) == 1
    assert "without it the bundle is not sealed" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()
