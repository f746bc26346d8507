"""Redaction: the names on the lists (and in the key file) are gone from every export format."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect.cli import main
from reflect.exchange.demo import load_demo
from reflect.models import AuditEvent
from reflect.privacy.encryption import WrongPassphrase
from reflect.privacy.keys import KeyFile
from reflect.privacy.redact import Redactor, Term
from reflect.store import ConsentRecord
from tests.backends import cli_db
from tests.documents import document_text

pytestmark = pytest.mark.both_backends

NAMES = ["Lotte Meyer", "Birkenweg", "Okonkwo"]


def test_terms_match_whole_words_in_any_case_longest_first():
    redact = Redactor([Term("Lotte"), Term("Lotte Meyer", "Lina"), Term("Birkenweg", "[street]")])
    assert redact("LOTTE meyer and Lotte's son at Birkenweg 5, not Charlotte.") == \
        "Lina and [redacted]'s son at [street] 5, not Charlotte."
    assert redact("lotte\nmeyer") == "Lina"
    assert Redactor()("Lotte") == "Lotte" and not Redactor()
    assert Redactor([Term("Ana")]).json_value('["Ana", "Anabel", 3]') == \
        '["[redacted]", "Anabel", 3]'


@pytest.fixture
def named(store, catalog):
    """The demo set plus a story whose answers, principle and quote name real people."""
    load_demo(store, catalog)
    story = store.create_story("Lotte Meyer's flat", "Housing", "She kept the flat")
    store.update_story(story.id, ready_for_book=True, status="analysed")
    informant = store.add_informant(story.id, "Lina", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    questions = catalog.get("lfs-client").questions
    answer = store.save_answer(session.id, questions[0].id,
                               text="Lotte Meyer called Mrs Okonkwo about the Birkenweg flat.",
                               flag_quote=True)
    store.save_answer(session.id, questions[1].id, text="okonkwo came to BIRKENWEG twice.")
    principle = store.add_principle(story.id, situation="when Lotte Meyer is evicted",
                                    action="call Okonkwo the same day")
    store.add_evidence(principle.id, answer.id, 0, len(answer.text))
    theme = store.create_theme("Speed at Birkenweg")
    store.assign_theme([principle.id], theme.id)
    store.add_redaction("Lotte Meyer", replacement="Lina")
    store.add_redaction("Birkenweg")
    store.add_redaction("Okonkwo", story_id=story.id, replacement="the officer")
    store.record_check(informant.id, "approved", date(2026, 12, 1), "in person")
    return store, story, session


def files_text(folder: Path) -> str:
    """Every file written, as text; .docx and .qdpx opened and their members read."""
    texts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and zipfile.is_zipfile(path):  # .docx, .qdpx, a bundle
            with zipfile.ZipFile(path) as archive:
                texts += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        elif path.suffix == ".pdf":
            texts.append(document_text(path))
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(texts)


EXPORTS = {
    "markdown": ["export", "markdown", "--kind", "all"],
    "story": ["export", "story", "Lotte Meyer's flat"],
    "book": ["export", "book"],
    "review copy": ["export", "review-copy", "Lotte Meyer's flat", "Lina"],
    "bundle": ["export", "bundle", "--out", "{out}/all.zip"],
    "csv": ["export", "csv"],
    "xlsx": ["export", "xlsx", "--out", "{out}/all.xlsx"],
    "qdpx": ["export", "qdpx", "--out", "{out}/all.qdpx"],
}


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_every_export_format_can_be_redacted(kind, named, tmp_path, capsys):
    store, _story, _session = named
    db = cli_db(store.engine)
    plain, redacted = tmp_path / "plain", tmp_path / "redacted"
    for out, extra in ((plain, []), (redacted, ["--redact"])):
        command = [part.format(out=out) for part in EXPORTS[kind]]
        if "--out" not in command:
            command += ["--out", str(out)]
        assert main(["--db", db, *command, *extra]) == 0, capsys.readouterr().err
    shown = files_text(plain)
    assert all(name.lower() in shown.lower() for name in NAMES)  # the control
    hidden = files_text(redacted)
    for name in NAMES:
        assert name.lower() not in hidden.lower(), f"{name} left in the {kind} export"
    assert "[redacted]" in hidden and "Lina" in hidden
    if kind != "story":  # the story's own list applies to multi-story exports too
        assert "the officer" in hidden


def test_the_audit_trail_never_holds_a_redacted_term(named):
    store, _story, _session = named
    with DBSession(store.engine) as db:
        events = db.exec(select(AuditEvent).where(AuditEvent.entity == "redaction")).all()
    assert len(events) == 3
    assert not any(name in f"{e.detail}{e.actor}{e.entity_id}" for e in events for name in NAMES)


def test_key_file_names_are_encrypted_and_replaced_by_pseudonyms(named, tmp_path, capsys,
                                                                 monkeypatch):
    store, _story, session = named
    keys_path = tmp_path / "keys.db"
    monkeypatch.setenv("REFLECT_KEYS_PASSPHRASE", "research lead only")
    db = cli_db(store.engine)
    assert main(["--db", db, "--keys", str(keys_path), "keys", "add", "Maya",
                 "Maria Schulz"]) == 0
    assert b"Schulz" not in keys_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        KeyFile(keys_path, "not the passphrase")
    question_id = sorted(store.answers(session.id))[0]
    store.save_answer(session.id, question_id, text="Maria Schulz and Schulz again.")
    assert main(["--db", db, "--keys", str(keys_path), "export", "csv", "--redact", "--out",
                 str(tmp_path / "csv")]) == 0
    text = files_text(tmp_path / "csv")
    assert "Schulz" not in text and "Maria" not in text and "Maya and Maya again." in text
    assert main(["--db", db, "--keys", str(keys_path), "keys", "list"]) == 0
    assert "Maria Schulz" in capsys.readouterr().out


def test_redaction_list_commands(named, capsys):
    store, _story, _session = named
    db = cli_db(store.engine)
    assert main(["--db", db, "redact", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Okonkwo" in listed and "the officer" in listed and "every story" in listed
    assert main(["--db", db, "redact", "remove", "Birkenweg"]) == 0
    assert main(["--db", db, "redact", "remove", "Nobody"]) == 1
    assert "not on that redaction list" in capsys.readouterr().err
    assert [r.term for r in store.redactions(everything=True)] == ["Lotte Meyer", "Okonkwo"]


async def test_story_screen_manages_the_list_and_its_export_hides_the_names(named, catalog,
                                                                          isolated_data_dir):
    from reflect_tui.app import make_app
    from reflect_tui.redaction import RedactionScreen
    from reflect_tui.story import StoryScreen
    from tests.ui_helpers import table_rows

    store, story, _session = named
    app = make_app(store.engine, catalog)
    async with app.run_test(size=(100, 34)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await app.workers.wait_for_complete()  # the story read by its worker
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, RedactionScreen)
        assert ["Okonkwo", "the officer", "this story"] in table_rows(app, "#redactions")
        await pilot.press(*"Kevin", "tab", *"the son", "enter")
        await pilot.pause()
        assert ["Kevin", "the son", "this story"] in table_rows(app, "#redactions")
        await pilot.press("escape")
        await pilot.pause()
        store.save_answer(_session.id, sorted(store.answers(_session.id))[0],
                          text="Kevin and Lotte Meyer at Birkenweg.")
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = (isolated_data_dir / "exports").glob("story-*.md")
    text = "\n".join(p.read_text() for p in written)
    assert "Kevin" not in text and "Birkenweg" not in text and "the son and Lina" in text
