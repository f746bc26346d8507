"""A PostgreSQL server of a test's own, to stop and start again (the shared CI server must
never be stopped under other tests). Found as .ci/postgres finds it: the newest
/usr/lib/postgresql/*/bin; without one the tests that need it are skipped."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                   key=lambda p: [int(x) if x.isdigit() else 0
                                  for x in p.parent.parent.name.split(".")])
    if found:
        return found[-1].parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


class PrivateServer:
    """initdb in a folder of its own, on a free loopback port; `stop()` and `start()` as
    often as a test needs; `remove()` at the end."""

    def __init__(self) -> None:
        binaries = postgres_bin()
        assert binaries is not None
        self.bin = binaries
        self.root = Path(tempfile.mkdtemp(prefix="reflect-pg-"))
        self.data = self.root / "data"
        self.as_owner: list[str] = []
        if hasattr(os, "getuid") and os.getuid() == 0:  # the server refuses to run as root
            self.as_owner = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "reflect", "--no-sync")
        self.start()

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(self.bin / program), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-o", f"-k {self.root} -c listen_addresses=127.0.0.1 -p {self.port} "
                  "-c fsync=off", "start")

    def stop(self) -> None:
        """As a server going away does: every connection dropped at once."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://reflect@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        name = f"reflect_journal_{uuid.uuid4().hex[:10]}"
        admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.url(name)

    def remove(self) -> None:
        subprocess.run([*self.as_owner, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m",
                        "immediate", "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, cwd="/", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
