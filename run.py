#!/usr/bin/env python3
"""Quick start: `python3 run.py` starts reflect; `python3 run.py test` runs the checks.

The first run makes a virtual environment in .venv and installs reflect into it (editable; the
test tools only for `test`, so a user who never runs the checks never gets them); later runs
reinstall only when pyproject.toml changed. Needs only Python 3.11+.
Any further arguments go to reflect (or, after `test`, to pytest). The tests run in parallel,
one pytest-xdist worker per core; `python3 run.py test -n0` runs them in one process.
`test` runs ruff, pytest, mypy (strict on reflect/; the UI at default settings, CHECK_UI_TYPES)
and lint-imports (the layers, pyproject.toml), every one even when an earlier one failed, then
says which failed; it fails when any did.
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


CHECK_UI_TYPES = True
"""Type-check the UI (screens/reflect_tui) as a step of its own; False leaves it out."""


def python() -> Path:
    return BIN / ("python.exe" if os.name == "nt" else "python")


def tool(name: str) -> Path:
    return BIN / (f"{name}.exe" if os.name == "nt" else name)


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


def checks(pytest_args: list[str]) -> list[tuple[str, list[str]]]:
    """Each check's name and command, in the order they run."""
    py = str(python())
    steps = [("ruff", [py, "-m", "ruff", "check", "."]),
             ("pytest", [py, "-m", "pytest", *parallel(pytest_args), *pytest_args]),
             ("mypy reflect (strict)", [py, "-m", "mypy", "reflect"])]
    if CHECK_UI_TYPES:
        steps.append(("mypy reflect_tui (default settings)",
                      [py, "-m", "mypy", str(Path("screens", "reflect_tui"))]))
    steps.append(("lint-imports (the layers)", [str(tool("lint-imports")), "--no-logo"]))
    return steps


def run_checks(pytest_args: list[str]) -> int:
    """Run every check, print its outcome (and mypy's summary line, the count of errors), and
    return 1 when any failed."""
    outcomes = []
    for name, command in checks(pytest_args):
        print(f"== {name}", flush=True)
        detail = ""
        if name.startswith("mypy"):
            # mypy's last line is its summary ("Found 3 errors in 2 files ..."): kept for the end
            result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
            print(result.stdout, end="", flush=True)
            lines = result.stdout.strip().splitlines()
            detail = f": {lines[-1]}" if lines else ""
            code = result.returncode
        else:
            code = subprocess.run(command, cwd=ROOT).returncode
        outcomes.append((name, code, detail))
    print("== checks")
    for name, code, detail in outcomes:
        print(f"{name}: {'passed' if code == 0 else f'FAILED (exit code {code})'}{detail}")
    failed = [name for name, code, _ in outcomes if code != 0]
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    try:
        ensure_environment(test=argv[:1] == ["test"])
    except subprocess.CalledProcessError as exc:
        sys.exit(f"Installing into .venv failed (exit code {exc.returncode}); see pip's "
                 "messages above. Fix the cause, then run the same command again.")
    if argv[:1] == ["test"]:
        return run_checks(argv[1:])
    return subprocess.run([str(python()), "-m", "reflect", *argv]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
