"""The store owns every query (issue 30, point 1): no module outside reflect/store/ imports
SQLAlchemy's or SQLModel's query API or opens a database session of its own, so every
query goes through the store, and every session through its transaction helper
(`StoreBase._db`: the error mapping and the same-file check).

What the rest may take of them: the exceptions (`sqlalchemy.exc`, to catch), the `SQLModel`
base (the tables' type), the `Engine` type for annotations only (under TYPE_CHECKING), and in
reflect/models.py, models_audio.py and models_transcript.py the schema's own building blocks
(columns, types, indexes). Python's sqlite3 only in reflect/method/glance.py, which reads the
home lists before SQLAlchemy loads.
Anything else (select, text, insert, update, delete, func, col, Session, sqlalchemy.orm, a
whole `import sqlalchemy`...) fails here, and so does opening a connection or a session on
an engine, or reaching for the store's own session helper.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EXCEPTIONS_MODULE = "sqlalchemy.exc"
EVERYWHERE = {("sqlmodel", "SQLModel")}
"""The tables' base class, as a type (the bundle format names its tables by model)."""
ANNOTATIONS_ONLY = {("sqlalchemy", "Engine")}
SCHEMA = {("sqlalchemy", name) for name in
          ("Column", "DateTime", "Enum", "Index", "LargeBinary", "Text", "UniqueConstraint")} | {
          ("sqlalchemy.types", "TypeDecorator"), ("sqlmodel", "Field"), ("sqlmodel", "SQLModel")}
"""What the schema (SCHEMA_FILES) may import: no query, no session."""
SCHEMA_FILES = {"reflect/models.py", "reflect/models_audio.py", "reflect/models_transcript.py"}
SQLITE3_ALLOWED = {"reflect/method/glance.py"}
KNOWN_EXCEPTIONS: dict[str, set[str]] = {}
"""File -> the forbidden imports it still has, each with a comment naming who removes it
(none today: the UI's and the CLI's imports of sqlalchemy are its exceptions and the
Engine type, which are allowed)."""

SESSION_CALLS = {"connect", "begin", "raw_connection", "exec_driver_sql"}
SESSION_CLASSES = {"Session", "DBSession", "sessionmaker", "scoped_session"}


def outside_the_store() -> list[Path]:
    files = [*(ROOT / "reflect").rglob("*.py"), *(ROOT / "screens" / "reflect_tui").rglob("*.py")]
    return sorted(f for f in files if not f.is_relative_to(ROOT / "reflect" / "store"))


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of the imports under `if TYPE_CHECKING:`."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _ours(module: str) -> bool:
    return module.split(".")[0] in ("sqlalchemy", "sqlmodel")


def problems(source: str, where: str) -> list[str]:
    """What a file does against the boundary, one line each ('where:line: what')."""
    tree = ast.parse(source, where)
    typing_only = _type_checking_only(tree)
    allowed = EVERYWHERE | (SCHEMA if where in SCHEMA_FILES else set())
    found = []
    for node in ast.walk(tree):
        here = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _ours(alias.name) and alias.name != EXCEPTIONS_MODULE:
                    found.append(f"{here}: import {alias.name}")
                if alias.name == "sqlite3" and where not in SQLITE3_ALLOWED:
                    found.append(f"{here}: import sqlite3")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "sqlite3" and where not in SQLITE3_ALLOWED:
                found.append(f"{here}: from sqlite3 import ...")
            if not _ours(node.module) or node.module == EXCEPTIONS_MODULE:
                continue
            for alias in node.names:
                pair = (node.module, alias.name)
                if pair in allowed or (pair in ANNOTATIONS_ONLY and node.lineno in typing_only):
                    continue
                found.append(f"{here}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Attribute) and function.attr in SESSION_CALLS and \
                    "engine" in ast.unparse(function.value).lower():
                found.append(f"{here}: {ast.unparse(function)}() opens a connection")
            name = function.attr if isinstance(function, ast.Attribute) else \
                getattr(function, "id", "")
            if name in SESSION_CLASSES and any(
                    "engine" in ast.unparse(arg).lower()
                    for arg in [*node.args, *(k.value for k in node.keywords)]):
                found.append(f"{here}: {ast.unparse(node)} opens a session")
        elif isinstance(node, ast.Attribute) and node.attr == "_db":
            found.append(f"{here}: {ast.unparse(node)} is the store's own session helper")
    return found


def test_no_module_outside_the_store_queries_or_opens_a_session():
    found = []
    for path in outside_the_store():
        where = path.relative_to(ROOT).as_posix()
        known = KNOWN_EXCEPTIONS.get(where, set())
        found += [line for line in problems(path.read_text(encoding="utf-8"), where)
                  if line.split(": ", 1)[1] not in known]
    assert not found, "outside reflect/store/:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    "from sqlmodel import select",
    "from sqlmodel import Session as DBSession",
    "from sqlmodel import col, func",
    "from sqlalchemy import text",
    "from sqlalchemy import insert, update, delete",
    "from sqlalchemy.orm import Session",
    "import sqlalchemy",
    "import sqlmodel.sql.expression",
    "import sqlite3",
    "from sqlalchemy import Engine",  # outside TYPE_CHECKING: it could make one
    "with DBSession(store.engine) as db:\n    pass",
    "with Session(bind=self.store.engine) as db:\n    pass",
    "with store.engine.begin() as conn:\n    pass",
    "conn = engine.connect()",
    "with store._db() as db:\n    pass",
])
def test_the_check_finds_what_it_forbids(source):
    assert problems(source, "reflect/exchange/example.py")


@pytest.mark.parametrize("source", [
    "from sqlalchemy.exc import SQLAlchemyError",
    "import sqlalchemy.exc",
    "from sqlmodel import SQLModel",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sqlalchemy import Engine",
    "session = Session(id=uuid.uuid4(), kind='interview')",  # the table, not a connection
    "store.engine.dispose()",
])
def test_the_check_lets_through_what_it_allows(source):
    assert problems(source, "reflect/exchange/example.py") == []


def test_sqlite3_is_for_the_glance_only():
    assert problems("import sqlite3", "reflect/method/glance.py") == []
    assert problems("from sqlalchemy import Column", "reflect/models.py") == []
    assert problems("from sqlalchemy import Column", "reflect/exchange/example.py")
