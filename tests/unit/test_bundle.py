"""Bundles: export, merge by id, newer edit wins with the older kept, bad files refused whole."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange.bundle import bundle_data, checksum, export_bundle, import_bundle
from reflect.exchange.bundle_file import canonical
from reflect.exchange.bundle_zip import manifest_checksum
from reflect.exchange.demo import load_demo
from reflect.models import AuditEvent, Deletion, SupersededVersion
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends


@pytest.fixture
def demo(store, catalog) -> Store:
    load_demo(store, catalog)
    return store


@pytest.fixture
def other(new_database) -> Store:
    """A second, empty database of the same backend (another laptop)."""
    return Store(open_engine(new_database()))


def tables(store: Store) -> dict:
    return bundle_data(store)["tables"]


def rows_everywhere(store: Store) -> dict[str, int]:
    counts = {name: len(rows) for name, rows in tables(store).items()}
    with DBSession(store.engine) as db:
        counts["superseded"] = len(db.exec(select(SupersededVersion)).all())
    return counts


def test_round_trip_into_an_empty_database_and_again_changes_nothing(demo, other, tmp_path):
    path = tmp_path / "demo.json"
    counts = export_bundle(demo, path)
    assert counts["answers"] == 71 and counts["principles"] == 13 and counts["evidence"] == 18
    assert path.stat().st_mode & 0o777 == 0o600

    first = import_bundle(other, path)
    assert first.tables["answers"].added == 71 and first.changed == sum(counts.values())
    assert tables(other) == tables(demo)

    again = import_bundle(other, path)
    assert again.changed == 0 and again.tables["answers"].unchanged == 71
    assert tables(other) == tables(demo)


def test_newer_edit_wins_and_the_older_version_is_kept(demo, other, tmp_path):
    export_bundle(demo, tmp_path / "a.json")
    import_bundle(other, tmp_path / "a.json")
    [answer] = [a for a in demo.answers(demo.sessions_of_kind("interview")[0].id).values()
                if a.text][:1]
    original = answer.text
    other.save_answer(answer.session_id, answer.question_id, text="Edited on laptop B.")
    export_bundle(other, tmp_path / "b.json")

    summary = import_bundle(demo, tmp_path / "b.json")
    assert summary.tables["answers"].updated == 1 and summary.tables["sessions"].updated == 1
    assert summary.tables["audit_events"].added == 1 and summary.changed == 3
    assert demo.answers(answer.session_id)[answer.question_id].text == "Edited on laptop B."
    with DBSession(demo.engine) as db:
        [kept] = db.exec(select(SupersededVersion).where(SupersededVersion.entity == "answers"))
        assert json.loads(kept.content)["text"] == original
        [event] = db.exec(select(AuditEvent).where(AuditEvent.action == "import:replaced",
                                                   AuditEvent.entity == "answers"))
        assert len(event.old_hash) == len(event.new_hash) == 64
        assert "Edited" not in event.detail and original not in event.detail

    # Laptop A edits again, later: an import of B's (older) bundle keeps A's text.
    demo.save_answer(answer.session_id, answer.question_id, text="Edited again on A.")
    kept_local = import_bundle(demo, tmp_path / "b.json")
    assert kept_local.tables["answers"].kept_local == 1
    assert demo.answers(answer.session_id)[answer.question_id].text == "Edited again on A."
    before = rows_everywhere(demo)
    assert import_bundle(demo, tmp_path / "b.json").changed == 0
    assert rows_everywhere(demo) == before  # the same bundle again: nothing new at all


def test_cli_lists_the_versions_imports_kept(demo, other, tmp_path, capsys):
    export_bundle(demo, tmp_path / "a.json")
    import_bundle(other, tmp_path / "a.json")
    answer = next(a for a in demo.answers(demo.sessions_of_kind("interview")[0].id).values()
                  if a.text)
    other.save_answer(answer.session_id, answer.question_id, text="Rewritten on B.")
    export_bundle(other, tmp_path / "b.json")
    import_bundle(demo, tmp_path / "b.json")
    assert main(["--db", cli_db(demo.engine), "superseded"]) == 0
    out = capsys.readouterr().out
    assert answer.text.split()[0] in out and "b.json" in out and "answers" in out
    assert "2 version(s) kept" in out  # the answer and its session


def test_rows_deleted_here_are_not_brought_back(demo, other, tmp_path):
    export_bundle(demo, tmp_path / "a.json")
    import_bundle(other, tmp_path / "a.json")
    principle = next(p for p in other.principles() if other.evidence([p.id])[p.id])
    other.delete_principle(principle.id)
    summary = import_bundle(other, tmp_path / "a.json")
    assert summary.tables["principles"].not_restored == 1
    assert summary.tables["evidence"].not_restored >= 1
    assert principle.id not in {p.id for p in other.principles()}


def _deletions(store: Store) -> list[tuple[str, str, str]]:
    with DBSession(store.engine) as db:
        return sorted((d.kind.value, str(d.entity_id), d.action.value)
                      for d in db.exec(select(Deletion)))


def test_a_deletion_is_a_row_that_travels_and_keeps_the_row_out_elsewhere(demo, other,
                                                                         new_database,
                                                                         tmp_path):
    export_bundle(demo, tmp_path / "a.zip")
    import_bundle(other, tmp_path / "a.zip")
    principle = next(p for p in other.principles() if other.evidence([p.id])[p.id])
    other.delete_principle(principle.id)
    assert _deletions(other) == [("principle", str(principle.id), "deleted")]
    with DBSession(other.engine) as db:  # the audit trail still says so too
        assert db.exec(select(AuditEvent).where(AuditEvent.action == "delete",
                                                AuditEvent.entity == "principle")).one()
    export_bundle(other, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as bundle:
        assert json.loads(bundle.read("manifest.json"))["format_version"] == 4
        assert bundle.read("tables/deletions.jsonl").count(b"\n") == 1

    third = Store(open_engine(new_database()))
    summary = import_bundle(third, tmp_path / "b.zip")
    assert summary.tables["deletions"].added == 1
    assert _deletions(third) == _deletions(other)
    again = import_bundle(third, tmp_path / "a.zip")  # the first laptop's, still with it
    assert again.tables["principles"].not_restored == 1
    assert principle.id not in {p.id for p in third.principles()}


def test_a_bundle_from_before_the_deletion_table_brings_its_deletions_as_audit_events(
        demo, other, new_database, tmp_path):
    export_bundle(demo, tmp_path / "a.json")
    import_bundle(other, tmp_path / "a.json")
    action = next(p for p in other.principles() if other.evidence([p.id])[p.id])
    other.delete_principle(action.id)
    old = bundle_data(other)  # as an older reflect wrote it: no deletions table
    del old["tables"]["deletions"], old["counts"]["deletions"]
    old["checksum"] = checksum(old["tables"])
    (tmp_path / "old.json").write_text(json.dumps(old, default=str))

    third = Store(open_engine(new_database()))
    summary = import_bundle(third, tmp_path / "old.json")
    assert "deletions" not in summary.tables
    assert _deletions(third) == [("principle", str(action.id), "deleted")]
    import_bundle(third, tmp_path / "old.json")  # once each, however often it comes
    assert len(_deletions(third)) == 1
    assert import_bundle(third, tmp_path / "a.json").tables["principles"].not_restored == 1


def test_the_same_question_answered_on_two_laptops_keeps_one_answer(store, other, catalog,
                                                                    tmp_path):
    story = store.create_story("Shared", "Family support")
    informant = store.add_informant(story.id, "Ruth", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    export_bundle(store, tmp_path / "a.json")
    import_bundle(other, tmp_path / "a.json")
    question = catalog.get("lfs-client").questions[0].id
    store.save_answer(session.id, question, text="Typed on A first.")
    other.save_answer(session.id, question, text="Typed on B later.")
    export_bundle(other, tmp_path / "b.json")
    import_bundle(store, tmp_path / "b.json")
    answers = store.answers(session.id)
    assert len(answers) == 1 and answers[question].text == "Typed on B later."


def _bundle(path: Path) -> dict:
    return json.loads(path.read_text())


def _resealed(data: dict) -> dict:
    data["checksum"] = checksum(data["tables"])
    return data


BAD_BUNDLES = {
    "empty": (lambda p: b"", "is empty"),
    "cut short": (lambda p: p.read_bytes()[: len(p.read_bytes()) // 2], "cut short"),
    "not text": (lambda p: b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    "another program's JSON": (lambda p: b'{"name": "x", "tables": {}}', "not a reflect bundle"),
    "a JSON list": (lambda p: b"[1, 2]", "not a reflect bundle"),
    "newer format": (lambda p: json.dumps({**_bundle(p), "format_version": 99}).encode(),
                     "newer reflect"),
    "edited after export": (
        lambda p: p.read_bytes().replace(b'"Ana"', b'"Anna"', 1), "do not match the checksum"),
    "unknown table": (lambda p: json.dumps(_resealed(
        {**_bundle(p), "tables": {**_bundle(p)["tables"], "people": []}})).encode(),
        "tables.people: unknown table"),
}


def _with_row_change(change):
    def make(path: Path) -> bytes:
        data = _bundle(path)
        change(data["tables"])
        return json.dumps(_resealed(data)).encode()
    return make


BAD_BUNDLES |= {
    "unknown field": (_with_row_change(lambda t: t["answers"][0].update(mood="x")),
                      "tables.answers[0]: unknown field 'mood'"),
    "missing field": (_with_row_change(lambda t: t["stories"][0].pop("title")),
                      "tables.stories[0]: field 'title' is missing"),
    "bad id": (_with_row_change(lambda t: t["answers"][1].update(id="not-a-uuid")),
               "tables.answers[1].id: Input should be a valid UUID"),
    "dangling reference": (
        _with_row_change(lambda t: t["answers"][2].update(
            session_id="00000000-0000-4000-8000-000000000000")),
        "refer to something that is neither in the bundle nor in this database"),
}


def _zip_parts(path: Path) -> tuple[dict, dict]:
    """A format-3 bundle's manifest and its tables as lists of rows."""
    with zipfile.ZipFile(path) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
        tables = {name: [json.loads(line) for line in
                         bundle.read(f"tables/{name}.jsonl").splitlines()]
                  for name in manifest["digests"]}
    return manifest, tables


def _zip_made(manifest: dict, tables: dict, reseal: bool = True) -> bytes:
    """A format-3 bundle from its parts, with digests and checksum made to match (as a
    careful forger would) unless reseal is False."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, rows in tables.items():
            data = b"".join(canonical(row) + b"\n" for row in rows)
            bundle.writestr(f"tables/{name}.jsonl", data)
            if reseal:
                manifest["digests"][name] = hashlib.sha256(data).hexdigest()
                manifest["counts"][name] = len(rows)
        if reseal:
            manifest["checksum"] = manifest_checksum(manifest["digests"])
        bundle.writestr("manifest.json", json.dumps(manifest))
    return buffer.getvalue()


def _zip_change(change, reseal: bool = True):
    def make(path: Path) -> bytes:
        manifest, tables = _zip_parts(path)
        change(manifest, tables)
        return _zip_made(manifest, tables, reseal)
    return make


BAD_ZIP_BUNDLES = {
    "cut short": (lambda p: p.read_bytes()[: len(p.read_bytes()) // 2], "cut short"),
    "no manifest": (lambda p: _without_manifest(p), "has no manifest.json"),
    "newer format": (_zip_change(lambda m, t: m.update(format_version=99)), "newer reflect"),
    "edited after export": (_zip_change(lambda m, t: t["sessions"][0].update(interviewer="Anna"),
                                        reseal=False), "do not match the checksum"),
    "unknown table": (_zip_change(lambda m, t: t.update(people=[])),
                      "tables.people: unknown table"),
    "unknown field": (_zip_change(lambda m, t: t["answers"][0].update(mood="x")),
                      "tables/answers.jsonl line 1: unknown field 'mood'"),
    "missing field": (_zip_change(lambda m, t: t["stories"][0].pop("title")),
                      "tables/stories.jsonl line 1: field 'title' is missing"),
    "bad id": (_zip_change(lambda m, t: t["answers"][1].update(id="not-a-uuid")),
               "tables/answers.jsonl line 2.id: Input should be a valid UUID"),
    "dangling reference": (
        _zip_change(lambda m, t: t["answers"][2].update(
            session_id="00000000-0000-4000-8000-000000000000")),
        "refer to something that is neither in the bundle nor in this database"),
}


def _without_manifest(path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as good, zipfile.ZipFile(buffer, "w") as bad:
        for name in good.namelist():
            if name != "manifest.json":
                bad.writestr(name, good.read(name))
    return buffer.getvalue()


@pytest.mark.parametrize("damage", [f"v2 {name}" for name in BAD_BUNDLES] +
                         [f"v3 {name}" for name in BAD_ZIP_BUNDLES])
def test_bad_bundles_are_refused_and_nothing_is_written(damage, store, other, catalog,
                                                        interview, tmp_path):
    _story, _informant, session = interview
    store.save_answer(session.id, "success-what", text="Ana saw it first.")
    store.save_answer(session.id, "success-criteria", text="Attendance.")
    store.save_answer(session.id, "before-situation", text="Absent weeks.")
    good = tmp_path / "good.json"
    if damage.startswith("v2 "):  # format 2, one JSON object, as older reflects wrote it
        good.write_text(json.dumps(bundle_data(store), ensure_ascii=False, indent=1))
        make, message = BAD_BUNDLES[damage.removeprefix("v2 ")]
    else:
        export_bundle(store, good)
        make, message = BAD_ZIP_BUNDLES[damage.removeprefix("v3 ")]
    bad = tmp_path / "bad.json"
    bad.write_bytes(make(good))
    other.create_story("Already here")  # the target is not empty
    before = rows_everywhere(other)
    with pytest.raises(ReflectError) as refused:
        import_bundle(other, bad)
    assert message in str(refused.value) and str(bad) in str(refused.value)
    assert rows_everywhere(other) == before


def test_a_format_2_bundle_still_imports(demo, other, tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps(bundle_data(demo), ensure_ascii=False, indent=1))
    summary = import_bundle(other, old)
    assert summary.tables["answers"].added == 71
    assert bundle_data(other)["tables"] == bundle_data(demo)["tables"]


def test_cli_export_and_import_print_a_summary(demo, other, tmp_path, capsys):
    path = tmp_path / "out" / "all.json"
    assert main(["--db", cli_db(demo.engine), "export", "bundle", "--out", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote {path}" in out and "71 answers" in out and "13 principles" in out
    assert main(["--db", cli_db(other.engine), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "answers: 71 added, 0 updated, 0 unchanged" in out
    assert main(["--db", cli_db(other.engine), "import", str(path)]) == 0
    assert "0 rows added or updated" in capsys.readouterr().out
    assert main(["--db", cli_db(other.engine), "import", str(tmp_path / "none.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_import_lists_answers_their_protocol_does_not_explain(store, catalog, other, tmp_path,
                                                                capsys):
    story = store.create_story("S")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text="known question")
    odd = store.save_answer(session.id, "question-from-elsewhere", text="kept all the same")
    export_bundle(store, tmp_path / "b.json")
    summary = import_bundle(other, tmp_path / "b.json")
    [line] = summary.unexplained
    assert odd.id.hex[:8] in line and "'question-from-elsewhere'" in line
    assert "lfs-practitioner" in line
    assert other.answers(session.id)["question-from-elsewhere"].text == "kept all the same"
    assert main(["--db", cli_db(other.engine), "import", str(tmp_path / "b.json")]) == 0
    out = capsys.readouterr().out
    assert "1 row its protocol does not explain" in out and "question-from-elsewhere" in out


def test_a_deeply_nested_file_is_refused_quickly_with_its_name(other, tmp_path):
    import time

    path = tmp_path / "nested.json"
    path.write_text('{"format": ' + "[" * 200_000 + "]" * 200_000 + "}")
    started = time.monotonic()
    with pytest.raises(ReflectError, match="nested.json: its JSON is nested more than 32 levels"):
        import_bundle(other, path)
    assert time.monotonic() - started < 2


def test_imported_hebrew_and_arabic_answers_are_found_by_their_forms(store, other, interview,
                                                                     tmp_path):
    """Rows new to the database go in together, without the ORM: the Hebrew and Arabic word
    forms the search needs are indexed all the same."""
    from reflect.store.search import search_answers

    _story, _informant, session = interview
    store.save_answer(session.id, "success-what", text="המשפחה יצאה מהמשבר יחד")
    store.save_answer(session.id, "success-criteria", text="ساعدنا العائلة كثيرا")
    export_bundle(store, tmp_path / "b.zip")
    import_bundle(other, tmp_path / "b.zip")
    if other.engine.dialect.name == "sqlite":  # forms are a SQLite FTS5 feature
        assert [hit.question_id for hit in search_answers(other, "משבר")] == ["success-what"]
        assert [hit.question_id for hit in search_answers(other, "عائلة")] == \
            ["success-criteria"]


def _many_answers(store: Store, catalog, tmp_path: Path) -> Path:
    """A bundle of 30 interviews of 4 answers each."""
    story = store.create_story("Many")
    protocol = catalog.get("lfs-client")
    for number in range(30):
        informant = store.add_informant(story.id, f"P{number}", "client")
        session = store.start_interview(informant.id, protocol,
                                        ConsentRecord(True, "verbal", "Ana"))
        for question in protocol.questions[:4]:
            store.save_answer(session.id, question.id, text=f"{number} {question.id}")
    path = tmp_path / "many.zip"
    export_bundle(store, path)
    return path


def test_a_bundle_streams_in_batches_and_a_second_import_changes_nothing(store, other,
                                                                        catalog, tmp_path):
    """More rows than one batch: every one arrives, and importing again is all unchanged."""
    from reflect.exchange import bundle_zip

    path = _many_answers(store, catalog, tmp_path)
    assert zipfile.is_zipfile(path)
    previous = bundle_zip.BATCH
    bundle_zip.BATCH = 7
    try:
        first = import_bundle(other, path)
        again = import_bundle(other, path)
    finally:
        bundle_zip.BATCH = previous
    assert first.tables["answers"].added == 120
    assert again.changed == 0 and again.tables["answers"].unchanged == 120
    assert bundle_data(other)["tables"] == bundle_data(store)["tables"]


def test_a_first_import_of_a_bundle_holding_a_row_twice_still_merges(store, other, catalog,
                                                                      tmp_path, monkeypatch):
    """Into empty tables rows go in without asking which are here; a row the bundle holds
    twice, batches apart, undoes only its batch, which is merged the careful way."""
    from reflect.exchange import bundle_zip

    manifest, tables = _zip_parts(_many_answers(store, catalog, tmp_path))
    tables["answers"].append(dict(tables["answers"][0]))
    twice = tmp_path / "twice.zip"
    twice.write_bytes(_zip_made(manifest, tables))
    monkeypatch.setattr(bundle_zip, "BATCH", 7)
    summary = import_bundle(other, twice)
    assert summary.tables["answers"].added == 120 and summary.tables["answers"].unchanged == 1
    assert bundle_data(other)["tables"] == bundle_data(store)["tables"]


@pytest.mark.parametrize("joined", ["two rows on one line", "one row on two lines"])
def test_lines_read_together_still_name_the_line_at_fault(joined, store, other, interview,
                                                         tmp_path):
    """A batch's lines are parsed as one JSON list: lines that only parse together (two rows
    on a line, a row cut in two) are still refused line by line."""
    _story, _informant, session = interview
    store.save_answer(session.id, "success-what", text="Ana saw it first.")
    store.save_answer(session.id, "success-criteria", text="Attendance.")
    good = tmp_path / "good.zip"
    export_bundle(store, good)
    manifest, tables = _zip_parts(good)
    first, second = (canonical(row) for row in tables["answers"])
    lines = [first + b", " + second] if joined.startswith("two") else \
        [first[:40], first[40:], second]
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as bad:
        for name in source.namelist():
            data = source.read(name)
            if name == "tables/answers.jsonl":
                data = b"\n".join(lines) + b"\n"
                manifest["digests"]["answers"] = hashlib.sha256(data).hexdigest()
                manifest["counts"]["answers"] = len(lines)
                manifest["checksum"] = manifest_checksum(manifest["digests"])
            if name != "manifest.json":
                bad.writestr(name, data)
        bad.writestr("manifest.json", json.dumps(manifest))
    path = tmp_path / "bad.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReflectError, match="answers.jsonl line 1: not valid JSON"):
        import_bundle(other, path)
    assert set(rows_everywhere(other).values()) == {0}


def test_a_first_import_that_fails_late_leaves_nothing(store, other, catalog, tmp_path,
                                                       monkeypatch):
    """The batches already inserted, each in its own savepoint, are undone with the rest."""
    from reflect.exchange import bundle_zip

    manifest, tables = _zip_parts(_many_answers(store, catalog, tmp_path))
    tables["answers"][-1]["session_id"] = "00000000-0000-4000-8000-000000000000"
    late = tmp_path / "late.zip"
    late.write_bytes(_zip_made(manifest, tables))
    monkeypatch.setattr(bundle_zip, "BATCH", 7)
    with pytest.raises(ReflectError, match="neither in the bundle nor in this database"):
        import_bundle(other, late)
    assert set(rows_everywhere(other).values()) == {0}


def _answer_triggers(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'answer_fts_%'").scalars())


def _a_new_answer_is_found(store: Store, catalog) -> None:
    """The triggers index a save made after the import."""
    from reflect.store.search import search_answers

    story = store.create_story("After")
    informant = store.add_informant(story.id, "Noa", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text="zanzibar")
    assert [hit.session_id for hit in search_answers(store, "zanzibar")] == [session.id]


@pytest.mark.sqlite_only
def test_a_large_import_indexes_answers_once_at_the_end(demo, other, catalog, tmp_path,
                                                         monkeypatch):
    """From BULK_ANSWERS answers the triggers are left out and the index built at the end:
    the search finds imported words, and later saves are indexed again by the triggers."""
    from reflect.store import fulltext
    from reflect.store.search import search_answers

    monkeypatch.setattr(fulltext, "BULK_ANSWERS", 1)
    triggers = _answer_triggers(other)
    path = tmp_path / "b.zip"
    export_bundle(demo, path)
    import_bundle(other, path)
    assert _answer_triggers(other) == triggers == {
        "answer_fts_insert", "answer_fts_update", "answer_fts_delete"}
    assert {hit.session_id for hit in search_answers(other, "family")} == \
        {hit.session_id for hit in search_answers(demo, "family")} != set()
    _a_new_answer_is_found(other, catalog)


@pytest.mark.sqlite_only
def test_a_large_import_that_fails_leaves_the_index_triggers(demo, other, catalog, tmp_path,
                                                             monkeypatch):
    from reflect.store import fulltext, transfer_bulk

    monkeypatch.setattr(fulltext, "BULK_ANSWERS", 1)
    path = tmp_path / "b.zip"
    export_bundle(demo, path)

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(transfer_bulk, "index_forms", broken)
    with pytest.raises(OSError):
        import_bundle(other, path)
    assert len(_answer_triggers(other)) == 3
    assert rows_everywhere(other)["answers"] == 0
    _a_new_answer_is_found(other, catalog)
