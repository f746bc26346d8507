"""Schema migrations (Alembic): new, old and newer databases, backups, and models that agree
with the revisions."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from reflect.errors import ReflectError
from reflect.method.session import SessionRun
from reflect.store import Store, schema, team_schema
from reflect.store.engine import make_engine, open_engine

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).parents[1] / "fixtures"

KNOWN_DIFFERENCES = {("add_fk", "session", ("follow_up_of",))}
"""A database begun at schema 1 has no foreign key on session.follow_up_of: schema 2 added the
column, and SQLite cannot add a foreign key to an existing table without rebuilding it (and
every table that refers to it). The app only ever writes ids of existing sessions there."""


SEARCH_INDEXES = {"ix_answer_search", "ix_answer_newest", "ix_answer_search_forms",
                  "ix_principle_search"}
"""PostgreSQL's search indexes (revision 0020), made by SQL rather than by the models."""


def _revision(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def _differences(engine) -> set:
    """What Alembic would change to make the database match today's models."""
    def ours(name, type_, parents) -> bool:
        if (type_, name) in team_schema.SERVER_ONLY:  # PostgreSQL's team schema, not the models'
            return False
        if type_ == "column":  # PostgreSQL's search vectors (0020), not a model's columns
            return not (name in ("search", "search_forms")
                        and parents.get("table_name") == "answer")
        if type_ == "index":
            return name not in SEARCH_INDEXES
        return type_ != "table" or not (name.startswith(("answer_fts", "principle_fts",
                                                         "answer_forms", "answer_items"))
                                        or name == schema.VERSION_TABLE)

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": ours,
                                                         "compare_type": True})
        found = set()
        for diff in compare_metadata(context, SQLModel.metadata):
            if diff[0] == "add_fk":
                constraint = diff[1]
                found.add(("add_fk", constraint.table.name,
                           tuple(c.name for c in constraint.columns)))
            else:
                found.add(repr(diff))
        return found


def _copy_fixture(name: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{name}.db"
    shutil.copy(FIXTURES / f"{name}.db", path)
    return path


def test_head_constant_is_the_newest_revision():
    assert schema.script_head() == schema.HEAD
    assert schema.revision_number(schema.HEAD) == len(schema.known_revisions())


def test_new_database_matches_the_models(engine):
    assert _revision(engine) == schema.HEAD
    assert _differences(engine) == set()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    path = tmp_path / "new.db"
    open_engine(str(path)).dispose()
    code = ("import sys\nfrom reflect.store.engine import open_engine\n"
            f"open_engine({str(path)!r})\nassert 'alembic' not in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_database_from_schema_1_is_backed_up_and_upgraded(tmp_path):
    path = _copy_fixture("schema_v1", tmp_path)
    engine = open_engine(str(path))
    assert _revision(engine) == schema.HEAD
    assert _differences(engine) <= KNOWN_DIFFERENCES
    store = Store(engine)
    [story] = store.stories()
    [session] = store.sessions_for_story(story.id)
    run = SessionRun.resume(store, session.id)
    assert run.text("success-what") == "We met every week at her home."
    assert run.answer("success-what").flag_quote and run.state("success-criteria") == "skipped"
    assert run.question.id == "success-criteria" and session.case_label == ""
    run.save_text("still writable after the upgrade")
    [backup] = tmp_path.glob("schema_v1.db.v1-*.bak")
    assert backup.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version FROM reflect_schema").fetchone() == (1,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with sqlite3.connect(path) as conn:
        upgraded = {row[1] for row in conn.execute("PRAGMA table_info(session)")}
        fresh_engine = open_engine(str(tmp_path / "fresh.db"))
        with fresh_engine.connect() as fresh:
            expected = {row[1] for row in fresh.execute(text("PRAGMA table_info(session)"))}
        assert upgraded == expected
        assert conn.execute("SELECT count(*) FROM actionitem").fetchone() == (0,)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "reflect_schema" not in tables


def test_database_made_before_alembic_at_schema_9_keeps_everything(tmp_path):
    path = _copy_fixture("schema_v9", tmp_path)
    with sqlite3.connect(path) as conn:
        before = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("story", "session", "answer", "principle", "evidence", "theme",
                                "actionitem", "redaction", "auditevent")}
    engine = open_engine(str(path))
    assert _revision(engine) == schema.HEAD and _differences(engine) == set()
    with engine.connect() as conn:
        after = {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                 for table in before}
    assert after == before and before["answer"] == 72
    store = Store(engine)
    from reflect.store.search import search_answers

    assert search_answers(store, "flat")  # the search index came along
    assert [r.term for r in store.redactions(everything=True)] == ["Beer Sheva"]
    [backup] = tmp_path.glob("schema_v9.db.v9-*.bak")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version FROM reflect_schema").fetchone() == (9,)


def test_newer_schema_is_refused_untouched(new_database):
    db = new_database()
    open_engine(db).dispose()
    engine = open_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(ReflectError, match="newer reflect"):
        open_engine(db)
    with make_engine(db).connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099"


def _add_revision(tmp_path: Path, monkeypatch) -> tuple[str, str]:
    """A copy of the shipped revisions plus one that adds story.extra, made the head."""
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations,
                    ignore=shutil.ignore_patterns("__pycache__"))
    head, extra = schema.HEAD, f"{int(schema.HEAD) + 1:04d}"
    (migrations / "versions" / f"{extra}_extra.py").write_text(
        '"""A test revision."""\n\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
        f'revision = "{extra}"\ndown_revision = "{head}"\nbranch_labels = None\n'
        'depends_on = None\n\n\n'
        'def upgrade() -> None:\n    op.add_column("story", sa.Column("extra", sa.String()))\n')
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(schema, "HEAD", extra)
    return head, extra


def test_a_new_revision_backs_up_then_upgrades(new_database, tmp_path, monkeypatch):
    db = new_database()
    open_engine(db).dispose()
    head, extra = _add_revision(tmp_path, monkeypatch)
    upgraded = open_engine(db)
    assert _revision(upgraded) == extra
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT extra FROM story")).all() == []
    if "://" not in db:
        [backup] = Path(db).parent.glob(f"{Path(db).name}.v{int(head)}-*.bak")
        assert backup.stat().st_mode & 0o777 == 0o600
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)


def test_a_server_upgrade_waits_until_no_app_is_open_on_it(backend, new_database, tmp_path,
                                                           monkeypatch):
    from reflect.store.engine import hold_open

    if backend != "postgresql":
        pytest.skip("the SQLite case is tests/functional/test_inuse.py")
    db = new_database()
    running = open_engine(db)
    mark = hold_open(running, "the reflect app")
    _head, extra = _add_revision(tmp_path, monkeypatch)
    with pytest.raises(ReflectError, match="while reflect is open on it elsewhere"):
        open_engine(db)
    mark.close()
    running.dispose()
    assert _revision(open_engine(db)) == extra


def test_database_made_by_the_previous_release_is_backed_up_and_gains_time_codes(tmp_path):
    """Schema 0011 (made by main before issue 15's time codes, notes and people present)."""
    path = _copy_fixture("schema_0011", tmp_path)
    engine = open_engine(str(path))
    assert _revision(engine) == schema.HEAD and _differences(engine) == set()
    store = Store(engine)
    [story] = store.stories()
    [session] = store.sessions_for_story(story.id)
    run = SessionRun.resume(store, session.id)
    assert run.text("success-what") == "We met every week at her home. שלום"
    assert run.answer("success-what").flag_quote and run.answer().opened_code is None
    assert run.question.id == "success-criteria" and run.notes == []
    run.mark_opened(run.code_now(61))
    run.add_note("She smiled", code=(61, "clock"))
    assert store.people_present(session.id) == []
    [backup] = tmp_path.glob("schema_0011.db.v11-*.bak")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0011",)
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (2,)


VERSIONS = Path(schema.__file__).parent / "migrations" / "versions"


def _revision_module(stem: str):
    """A revision file loaded on its own, as Alembic loads it."""
    spec = importlib.util.spec_from_file_location(f"revision_{stem}", VERSIONS / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_revision_imports_live_code():
    """Frozen revisions (issue 30, point 4): a revision runs as it was written whatever the
    live code becomes, so it imports nothing of reflect (Alembic, SQLAlchemy and the standard
    library only; helpers kept for revisions in reflect.store.migrations would be allowed)."""
    live = []
    files = sorted(VERSIONS.glob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = ["." * node.level + (node.module or "")]
            else:
                continue
            live += [f"{path.name}: {module}" for module in modules
                     if module.startswith(("reflect", ".")) and not (
                         module + ".").startswith("reflect.store.migrations.")]
    assert len(files) >= 16
    assert live == []


def test_the_frozen_revisions_build_what_the_live_code_builds_today():
    """Copied, not changed: today the frozen statements and word forms are the live ones (a
    later change to the live code goes into a new revision, not into these)."""
    from reflect.store.fulltext import FORMS_SETUP, FTS_SETUP
    from reflect.wordforms import search_forms

    assert _revision_module("0004_search").FTS_SETUP == FTS_SETUP
    words = _revision_module("0011_word_forms")
    assert words.FORMS_SETUP == FORMS_SETUP
    for body in ("ובמשבר המשפחה בְּבַיִת", "والعائلة للمدرسة بالبيت فكتب", "plain English",
                 "mixed ולבית and وبالعائلة", "", "'ה' \"ש\" ـالـ"):
        assert words.search_forms(body) == search_forms(body), body


def test_revision_20_builds_the_search_the_live_code_builds():
    """0020's frozen statements, list items and word forms are today's live ones."""
    from reflect.store import fulltext
    from reflect.wordforms import form_list

    search = _revision_module("0020_search_everywhere")
    assert search.ITEMS_SETUP == fulltext.ITEMS_SETUP
    for unaccent in (True, False):
        assert search.server_setup(unaccent) == fulltext.server_setup(unaccent)
    for body in ("ובמשבר המשפחה בְּבַיִת", "والعائلة للمدرسة بالبيت فكتب", "plain English",
                 "mixed ולבית and وبالعائلة", "", "'ה' \"ש\" ـالـ ''"):
        assert search.form_list(body) == form_list(body), body
    for value in ('["a", "ב"]', '"choice"', "3", "[1, null]", "[broken", None, "[]"):
        assert search.list_items(value) == fulltext.list_items(value), value


def test_revision_17_reads_the_deletions_out_of_the_audit_trail_and_goes_back(new_database):
    """0017 fills the deletion table from the audit trail's free text; going down drops the
    table (and on PostgreSQL its enum types), the audit events staying as they were."""
    import uuid
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import inspect
    from sqlmodel import Session as DBSession
    from sqlmodel import select

    from reflect.models import Deletion, DeletionAction, DeletionKind

    db = new_database()
    store = Store(open_engine(db))
    story = store.create_story("Kept", "Family support")
    principle = store.add_principle(story.id, situation="a", goal="b", action="c",
                                    rationale="d")
    store.delete_principle(principle.id)
    dana = store.add_informant(story.id, "Dana", "client")
    store.engine.dispose()
    engine = make_engine(db)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0016")
        conn.commit()
    with engine.begin() as conn:
        assert not inspect(conn).has_table("deletion")
        assert conn.execute(text("SELECT count(*) FROM auditevent WHERE action = 'delete'")
                            ).scalar_one() == 1
        conn.execute(text(
            "INSERT INTO auditevent (id, at, actor, entity, entity_id, action, detail, "
            "old_hash, new_hash) VALUES (:id, :at, '', 'informant', :who, "
            "'import:erasure-pending', 'b.zip (exported 2026-12-01)', '', '')"),
            {"id": uuid.uuid4().hex, "at": datetime(2026, 12, 2, tzinfo=UTC).replace(tzinfo=None),
             "who": str(dana.id)})
    engine.dispose()

    upgraded = open_engine(db)
    assert _revision(upgraded) == schema.HEAD and _differences(upgraded) == set()
    with DBSession(upgraded) as reader:
        found = {(d.kind, d.entity_id, d.action, d.source) for d in reader.exec(select(Deletion))}
    assert found == {
        (DeletionKind.PRINCIPLE, principle.id, DeletionAction.DELETED, ""),
        (DeletionKind.WORDS, dana.id, DeletionAction.ERASURE_PENDING,
         "b.zip (exported 2026-12-01)")}
    upgraded.dispose()
