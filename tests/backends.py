"""Helpers for tests that run on SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

from sqlalchemy import Engine


def cli_db(engine: Engine) -> str:
    """What to give `reflect --db` to reach the same database as this engine."""
    return engine.url.render_as_string(hide_password=False)
