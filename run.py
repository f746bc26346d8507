#!/usr/bin/env python3
"""Quick start: `python3 run.py` starts reflect; `python3 run.py test` runs the checks.

The first run makes a virtual environment in .venv and installs reflect into it (editable; the
test tools only for `test`, so a user who never runs the checks never gets them); later runs
reinstall only when pyproject.toml changed. Needs only Python 3.11+.
Any further arguments go to reflect (or, after `test`, to pytest). The tests run in parallel,
one pytest-xdist worker per core; `python3 run.py test -n0` runs them in one process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-pyproject"
TEST_TOOLS = "\n# and the test tools (.[test])\n"
"""Added to the stamp once the test extra is installed too."""


def python() -> Path:
    return BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_environment(test: bool) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py may be started by an older python3
        sys.exit(f"reflect needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not python().exists():
        print("Creating .venv (first run only)...", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except Exception as exc:  # noqa: BLE001 - explain any venv failure in one line
            sys.exit(f"Could not create a virtual environment ({exc}). On Debian/Ubuntu, "
                     "install python3-venv and try again.")
    wanted = (ROOT / "pyproject.toml").read_text() + (TEST_TOOLS if test else "")
    installed = STAMP.read_text() if STAMP.exists() else ""
    if installed not in (wanted, wanted + TEST_TOOLS):  # the test tools may be there already
        print("Installing reflect and its dependencies into .venv (first run only: from 15 s "
              "to two minutes, depending on the network; pip lists each package as it "
              "goes)...", flush=True)
        subprocess.run([str(python()), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                       check=True)
        # Not --quiet: a silent minute looks like a hang; pip's own lines show it working.
        subprocess.run([str(python()), "-m", "pip", "install", "--progress-bar", "off", "-e",
                        ".[test]" if test else "."], cwd=ROOT, check=True)
        STAMP.write_text(wanted)


def parallel(args: list[str]) -> list[str]:
    """pytest-xdist's options for a test run: a worker per core, each taking the next test as
    it finishes one (tests have no shared state: conftest.py gives each its own data dir and
    database). None when the arguments already choose (-n, --numprocesses, -p no:xdist)."""
    chosen = any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg == "no:xdist"
                 or arg == "-pno:xdist" for arg in args)
    return [] if chosen else ["-n", "auto", "--dist", "worksteal"]


def main(argv: list[str]) -> int:
    try:
        ensure_environment(test=argv[:1] == ["test"])
    except subprocess.CalledProcessError as exc:
        sys.exit(f"Installing into .venv failed (exit code {exc.returncode}); see pip's "
                 "messages above. Fix the cause, then run the same command again.")
    if argv[:1] == ["test"]:
        lint = subprocess.run([str(python()), "-m", "ruff", "check", "."], cwd=ROOT)
        tests = subprocess.run([str(python()), "-m", "pytest", *parallel(argv[1:]), *argv[1:]],
                               cwd=ROOT)
        return lint.returncode or tests.returncode
    return subprocess.run([str(python()), "-m", "reflect", *argv]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
