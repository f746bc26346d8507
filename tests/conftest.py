"""Shared fixtures: every test gets its own data dir and database, never the user's.

Modules marked `pytestmark = pytest.mark.both_backends` run each test on SQLite and, when
REFLECT_TEST_POSTGRES holds the URL of a PostgreSQL server's admin database (CI sets it, see
.ci/run), again on PostgreSQL, in a database made for that test and dropped after. A test
that asks for `db_path` is about the SQLite file itself and runs on SQLite only.
"""

from __future__ import annotations

import inspect
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reflect.protocol.catalog import load_catalog
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
PSEUDO_LOCALE = bool(os.environ.get("REFLECT_PSEUDO_LOCALE"))
"""Set by tests/functional/test_pseudo_locale.py for the run of tests/pseudo_screens.py it
starts."""
TEST_LANGUAGE = os.environ.get("REFLECT_TEST_LANGUAGE", "en")
"""The interface language of the whole run (tests/functional/test_screens_fit.py runs itself
in each), set before any screen is imported: screens translate their key labels when imported."""

from reflect import i18n  # noqa: E402 - after the constants that say how to set it

i18n.use(TEST_LANGUAGE)

if PSEUDO_LOCALE:
    from tests.pseudo import install

    install()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("REFLECT_DATA_DIR", str(data))
    monkeypatch.delenv("REFLECT_DB", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # settings, language and bidi mode as on a fresh machine in English, whatever this one has
    monkeypatch.setenv("REFLECT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REFLECT_LANG", TEST_LANGUAGE)
    monkeypatch.delenv("REFLECT_BIDI", raising=False)
    from reflect import bidi

    i18n.use(TEST_LANGUAGE)
    if PSEUDO_LOCALE:
        install()
    monkeypatch.setattr(bidi, "_MODE", [])
    yield data
    i18n.use(TEST_LANGUAGE)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


POSTGRES_ADMIN_URL = os.environ.get("REFLECT_TEST_POSTGRES", "")


def pytest_configure(config):
    config.addinivalue_line("markers", "both_backends: run on SQLite and PostgreSQL")
    config.addinivalue_line("markers", "app_as_started: run_test hands over the app at once, "
                            "before the work it starts by itself is done")
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (FTS5, the file)")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    asks_for_file = "db_path" in inspect.signature(metafunc.function).parameters
    marked = metafunc.definition.get_closest_marker
    both = (marked("both_backends") is not None and marked("sqlite_only") is None
            and not asks_for_file and POSTGRES_ADMIN_URL)
    metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"])


@pytest.fixture
def new_database(backend, db_path, tmp_path):
    """Makes empty databases of this test's backend; returns each one's URL or path."""
    made: list[str] = []
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT") \
        if backend == "postgresql" else None

    def make() -> str:
        if admin is None:
            path = db_path if not made else tmp_path / f"test{len(made)}.db"
            made.append(str(path))
            return str(path)
        name = f"reflect_test_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(new_database):
    engine = open_engine(new_database())
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine) -> Store:
    return Store(engine)


@pytest.fixture
def catalog():
    return load_catalog([PROMPTS])


@pytest.fixture
def interview(store, catalog):
    """A story, a social worker informant and an in-progress practitioner interview."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    return story, informant, session


@pytest.fixture(autouse=True)
def app_started_with_its_lists(request, monkeypatch):
    """`app.run_test()` hands a test the app once the work it starts by itself is done (it
    opens the database and reads the home lists in workers), as a person sees it a moment
    after starting; tests then wait for what they open (`until`). Without this, a loaded
    machine runs the first assertion before the lists are read. A test of what is shown
    before that work is done is marked `app_as_started`."""
    if request.node.get_closest_marker("app_as_started"):
        return
    from contextlib import asynccontextmanager

    from textual.app import App

    run_test = App.run_test

    @asynccontextmanager
    async def started(self, *args, **kwargs):
        async with run_test(self, *args, **kwargs) as pilot:
            await pilot.pause()
            await self.workers.wait_for_complete()
            await pilot.pause()
            yield pilot

    monkeypatch.setattr(App, "run_test", started)
