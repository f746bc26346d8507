"""Shared fixtures: every test gets its own data dir and database, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflect.db import open_engine
from reflect.protocols import load_catalog
from reflect.store import ConsentRecord, Store

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("REFLECT_DATA_DIR", str(data))
    monkeypatch.delenv("REFLECT_DB", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return data


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def engine(db_path):
    engine = open_engine(str(db_path))
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
