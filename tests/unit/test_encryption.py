"""Encryption at rest: no readable answer anywhere on disk; wrong passphrases change nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange.markdown import export_sessions
from reflect.privacy.copies import encrypt_copies
from reflect.privacy.encryption import (
    PassphraseNeeded,
    WrongPassphrase,
    change_passphrase,
    check_new_passphrase,
    cipher,
    connect,
    encrypt_file,
    is_encrypted,
    key_pragma,
)
from reflect.store import ConsentRecord, Store
from reflect.store.engine import backup_sqlite, open_engine, passphrase_of
from reflect.store.search import search_answers
from reflect_tui.app import make_app
from reflect_tui.home import HomeScreen
from reflect_tui.passphrase import FirstRunDialog, PassphraseDialog
from tests.ui_helpers import shown

PASSPHRASE = "seven green lanterns"
SECRETS = ["Grandmother Lotte phoned the school every Tuesday",
           "the eviction letter from Hausverwaltung Birkenweg",
           "Kevin's probation officer Mrs Okonkwo"]


def everything_on_disk(*folders: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for folder in folders for path in folder.rglob("*")
            if path.is_file()}


def assert_no_secret(files: dict[Path, bytes]) -> None:
    assert files, "nothing was written at all"
    for path, content in files.items():
        for secret in SECRETS:
            for word in (secret, secret.split()[-1]):
                assert word.encode() not in content, f"'{word}' readable in {path.name}"
                assert word.encode("utf-16-le") not in content, path.name


def fill(store: Store, catalog) -> None:
    story = store.create_story("Lotte's story", "Family support")
    informant = store.add_informant(story.id, "Lotte", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    for question, secret in zip(catalog.get("lfs-client").questions, SECRETS, strict=False):
        store.save_answer(session.id, question.id, text=secret)
    store.add_principle(story.id, action=SECRETS[1], rationale=SECRETS[2])


def test_encrypted_database_wal_and_temp_files_hold_no_readable_text(tmp_path, catalog,
                                                                     monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    for name in ("TMPDIR", "SQLITE_TMPDIR", "TMP", "TEMP"):
        monkeypatch.setenv(name, str(temp))
    folder = tmp_path / "db"
    engine = open_engine(str(folder / "reflect.db"), PASSPHRASE)
    store = Store(engine)
    fill(store, catalog)
    assert [h.question_id for h in search_answers(store, "probation officer")]
    store.tidy_search_index()
    assert (folder / "reflect.db-wal").exists()  # checked while the WAL is live
    assert_no_secret(everything_on_disk(folder, temp))
    backup = backup_sqlite(folder / "reflect.db", "test", passphrase=passphrase_of(engine))
    engine.dispose()
    assert is_encrypted(folder / "reflect.db") and is_encrypted(backup)
    assert_no_secret(everything_on_disk(folder, temp))
    reopened = Store(open_engine(str(folder / "reflect.db"), PASSPHRASE))
    assert reopened.stories()[0].title == "Lotte's story"
    assert Store(open_engine(str(backup), PASSPHRASE)).stories()[0].title == "Lotte's story"


def digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in
                                   sorted(folder.iterdir()) if p.is_file())).hexdigest()


def test_wrong_or_missing_passphrase_is_refused_before_anything_is_written(tmp_path, catalog):
    path = tmp_path / "reflect.db"
    engine = open_engine(str(path), PASSPHRASE)
    fill(Store(engine), catalog)
    engine.dispose()
    before = digest(tmp_path)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        open_engine(str(path), "not the passphrase")
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        open_engine(str(path))
    assert digest(tmp_path) == before


def test_change_passphrase_and_encrypt_an_existing_database(tmp_path, catalog):
    path = tmp_path / "reflect.db"
    engine = open_engine(str(path))
    fill(Store(engine), catalog)
    backup_sqlite(path, "old")
    engine.dispose()
    encrypt_file(path, PASSPHRASE)
    [old] = tmp_path.glob("reflect.db.old-*.bak")
    assert not is_encrypted(old)  # the copies are 'reflect encrypt's to follow (test_copies)
    assert encrypt_copies(path, PASSPHRASE).rekeyed == [old] and is_encrypted(old)
    assert is_encrypted(path) and not (tmp_path / "reflect.db-wal").exists()
    assert_no_secret({path: path.read_bytes()})
    assert Store(open_engine(str(path), PASSPHRASE)).stories()[0].title == "Lotte's story"

    change_passphrase(path, PASSPHRASE, "an entirely new phrase")
    with pytest.raises(WrongPassphrase):
        open_engine(str(path), PASSPHRASE)
    assert Store(open_engine(str(path), "an entirely new phrase")).stories()
    with pytest.raises(ReflectError, match="at least 8"):
        change_passphrase(path, "an entirely new phrase", "short")
    with pytest.raises(ReflectError, match="already encrypted"):
        encrypt_file(path, PASSPHRASE)


def test_an_encrypted_database_is_upgraded_with_an_encrypted_backup(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema_v1.db", path)
    encrypt_file(path, PASSPHRASE)
    store = Store(open_engine(str(path), PASSPHRASE))
    assert store.stories()
    [backup] = tmp_path.glob("old.db.v1-*.bak")
    assert is_encrypted(backup)
    assert Store(open_engine(str(backup), PASSPHRASE)).stories()  # the old schema, readable


def test_cli_reads_the_passphrase_from_the_environment(tmp_path, catalog, capsys, monkeypatch):
    path = tmp_path / "reflect.db"
    engine = open_engine(str(path), PASSPHRASE)
    fill(Store(engine), catalog)
    engine.dispose()
    assert main(["--db", str(path), "search", "probation"]) == 1
    assert "is encrypted" in capsys.readouterr().err
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(path), "search", "probation"]) == 0
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "brand new words")
    assert main(["--db", str(path), "passphrase"]) == 0
    assert main(["--db", str(path), "search", "probation"]) == 1
    assert "wrong passphrase" in capsys.readouterr().err


def test_exports_of_an_encrypted_database_are_plain_files_as_documented(tmp_path, catalog):
    store = Store(open_engine(str(tmp_path / "reflect.db"), PASSPHRASE))
    fill(store, catalog)
    [written] = export_sessions(store, store.sessions_of_kind("interview"), tmp_path / "out")
    assert SECRETS[0] in written.read_text()  # the README says: exports are not encrypted


async def test_first_run_offers_encryption_and_the_next_start_asks_for_it(tmp_path):
    path = tmp_path / "new" / "reflect.db"
    app = make_app(db=str(path))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunDialog)
        assert "cannot be recovered" in str(app.screen.query_one(".hint").render())
        await pilot.press(*"short", "enter", *"short", "enter")
        assert "at least 8" in shown(app, "#form-error")
        for field in ("#passphrase", "#repeat"):
            app.screen.query_one(field).value = PASSPHRASE
        await pilot.click("#encrypt")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
    app.store.engine.dispose()
    assert is_encrypted(path)

    app = make_app(db=str(path))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PassphraseDialog)
        await pilot.press(*"wrong guess", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PassphraseDialog)
        assert "Wrong passphrase" in shown(app, "#form-error")
        await pilot.press(*PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
    app.store.engine.dispose()


async def test_first_run_can_stay_plain(tmp_path):
    path = tmp_path / "reflect.db"
    app = make_app(db=str(path))
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        await pilot.click("#plain")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
    app.store.engine.dispose()
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_where_says_whether_the_database_is_encrypted(tmp_path, capsys):
    plain, secret = tmp_path / "plain.db", tmp_path / "secret.db"
    open_engine(str(plain)).dispose()
    open_engine(str(secret), PASSPHRASE).dispose()
    assert main(["--db", str(plain), "where"]) == 0
    assert "NOT encrypted" in capsys.readouterr().out
    assert main(["--db", str(secret), "where"]) == 0
    assert "(encrypted)" in capsys.readouterr().out


def test_one_passphrase_rule_everywhere_a_passphrase_is_set(tmp_path, monkeypatch, capsys):
    for weak in ("x", "        ", "a b c d e f g"):
        with pytest.raises(ReflectError, match="at least 8 characters besides spaces"):
            open_engine(str(tmp_path / "new.db"), weak)
        with pytest.raises(ReflectError, match="at least 8"):
            check_new_passphrase(weak)
    monkeypatch.setenv("REFLECT_PASSPHRASE", "x")
    assert main(["--db", str(tmp_path / "cli.db"), "search", "anything"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert not is_encrypted(tmp_path / "cli.db")


def test_passphrases_are_unicode_normalized(tmp_path):
    import unicodedata

    nfc = unicodedata.normalize("NFC", "café ünïcode wörds")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = tmp_path / "reflect.db"
    Store(open_engine(str(path), nfc)).create_story("typed as one character each")
    assert [s.title for s in Store(open_engine(str(path), nfd)).stories()] == [
        "typed as one character each"]
    # a database keyed before normalization, with the decomposed form, still opens
    old = tmp_path / "old.db"
    connection = cipher().connect(str(old))
    connection.execute(key_pragma(nfd))
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    connect(old, nfc).close()
    connect(old, nfd).close()
    with pytest.raises(WrongPassphrase):
        connect(old, "another passphrase")
