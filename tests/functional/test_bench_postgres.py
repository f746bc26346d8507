"""bench/postgres.py runs, tiny, on both backends (not timed: that it cannot rot)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_ADMIN_URL

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not POSTGRES_ADMIN_URL,
                                reason="needs a PostgreSQL server: REFLECT_TEST_POSTGRES")


def test_the_postgres_benchmark_runs_tiny_and_reuses_its_databases(tmp_path: Path) -> None:
    name = f"reflect_bench_test_{uuid.uuid4().hex[:12]}"
    command = [sys.executable, str(ROOT / "bench" / "postgres.py"), "--sizes", "20",
               "--rounds", "1", "--url", POSTGRES_ADMIN_URL, "--dir", str(tmp_path),
               "--database", name]
    env = {**os.environ, "COLUMNS": "200", "REFLECT_DATA_DIR": str(tmp_path / "data")}
    try:
        first = subprocess.run(command, capture_output=True, text=True, check=True,
                               timeout=300, env=env).stdout
        again = subprocess.run([*command, "--reuse"], capture_output=True, text=True,
                               check=True, timeout=300, env=env).stdout
    finally:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    assert "400 answers" in first and "by COPY" in first  # generated, then loaded
    assert "reused" in again and "by COPY" not in again
    for output in (first, again):
        for measure in ("home lists", "open story", "resume session", "search"):
            row = next(line for line in output.splitlines() if measure in line)
            assert row.count(" ms") >= 2, row  # a median for each backend
            assert "x" in row

