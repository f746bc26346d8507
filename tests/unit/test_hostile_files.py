"""Bounded work on any input (issue 29, point 5; point 8: a deeply nested line).

Each hostile file of the attack is built small in tmp_path (tests/hostile_bundles.py) and
given to `reflect import` or `reflect protocols list` in a process of its own, which reports
how long the command took and how far its memory grew above what it held before: each must
be refused, with a message naming the file and the place, in under 5 s and 300 MB (before:
2.2 GB, 58 s and 990 MB, 3.2 GB, a hang, 5.4 GB). The bounds are the issue's; these files
take a tenth of a second and a few megabytes, so a loaded machine has room to spare.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reflect import limits
from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange import bundle_zip
from reflect.exchange.bundle import export_bundle, import_bundle
from reflect.exchange.demo import load_demo
from reflect.protocol.catalog import load_catalog
from reflect.store import Store
from reflect.store.engine import open_engine
from tests import hostile_bundles as hostile

ROOT = Path(__file__).resolve().parents[2]
SECONDS, MEGABYTES = 5, 300

RUNNER = r"""
import json, resource, sys, time
from pathlib import Path

def rss(field):
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024

from reflect.cli import main
import reflect.exchange.bundle, reflect.protocol.catalog  # imported before measuring
result, db, *argv = sys.argv[1:]
main(["--db", db, "erase"])  # the database opened once, its modules imported
try:
    Path("/proc/self/clear_refs").write_text("5")  # the peak, from here on
except OSError:
    pass
before = rss("VmRSS") if Path("/proc/self/status").exists() else rss("")
began = time.monotonic()
code = main(["--db", db, *argv])
seconds = time.monotonic() - began
Path(result).write_text(json.dumps({"code": code, "seconds": seconds,
                                    "grew": rss("VmHWM") - before}))
"""


def run(tmp_path: Path, *argv: str) -> tuple[dict, str]:
    """`reflect ARGV` in a process of its own: its exit code, seconds, memory growth (MB),
    and what it printed."""
    result = tmp_path / "result.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", RUNNER, str(result),
                           str(tmp_path / "target.db"), *argv],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(result.read_text()), done.stdout + done.stderr


def refused(tmp_path: Path, bundle: Path, *expected: str) -> str:
    figures, said = run(tmp_path, "import", str(bundle))
    assert figures["code"] == 1, said
    assert f"reflect: {bundle}" in said and "nothing was imported" in said.lower()
    for words in expected:
        assert words in said, said
    assert "unexpected error" not in said and "Traceback" not in said
    assert figures["seconds"] < SECONDS, figures
    assert figures["grew"] < MEGABYTES, figures
    return said


def test_a_manifest_that_inflates_to_a_gibibyte(tmp_path):
    bundle = hostile.manifest_bomb(tmp_path / "bomb.zip")
    assert bundle.stat().st_size < 1_100_000
    refused(tmp_path, bundle, "manifest.json is 1.1 GB", "never more than 1 MB")


def test_a_manifest_whose_directory_lies_about_its_size(tmp_path):
    refused(tmp_path, hostile.manifest_bomb(tmp_path / "bomb.zip", lie=True), "is damaged")


def test_one_line_of_300_megabytes(tmp_path):
    bundle = hostile.long_line(tmp_path / "line.zip")
    assert bundle.stat().st_size < 330_000
    refused(tmp_path, bundle, "tables/answers.jsonl line 1 is longer than 8 MB",
            "refused before being read whole")


def test_one_line_of_300_megabytes_under_a_lying_directory(tmp_path):
    refused(tmp_path, hostile.long_line(tmp_path / "line.zip", lie=True), "is damaged")


def test_a_hundred_answers_of_ten_megabytes(tmp_path):
    bundle = hostile.many_long_answers(tmp_path / "answers.zip")
    assert bundle.stat().st_size < 1_100_000
    refused(tmp_path, bundle, "tables/answers.jsonl line 1 is longer than 8 MB")


def test_tables_declared_larger_than_the_total(tmp_path):
    declared = {f"tables/{name}.jsonl": 0xF000_0000 for name in ("stories", "sessions",
                                                                  "answers")}
    members = [hostile.manifest({"stories": 1, "sessions": 1, "answers": 1})]
    members += [hostile.plain(name, b"{}\n") for name in declared]
    bundle = hostile.write_zip(tmp_path / "large.zip", members, declared)
    refused(tmp_path, bundle, "its tables come to 12 GB once inflated, more than 8 GB")


def test_a_zip_directory_of_thousands_of_members(tmp_path):
    bundle = tmp_path / "many.zip"
    with zipfile.ZipFile(bundle, "w") as out:
        out.writestr("manifest.json", "{}")
        for number in range(3000):
            out.writestr(f"tables/{number:040d}.jsonl", "")
    refused(tmp_path, bundle, "its zip directory is", "never more than 64 kB")


def test_a_deeply_nested_line_is_a_plain_message(tmp_path):
    """Point 8: it used to end in 'unexpected error'."""
    refused(tmp_path, hostile.nested_line(tmp_path / "nested.zip"),
            "tables/stories.jsonl line 1: its JSON is nested more than 32 levels deep")


def test_a_deeply_nested_manifest_is_a_plain_message(tmp_path):
    refused(tmp_path, hostile.nested_manifest(tmp_path / "nested.zip"),
            "manifest.json: its JSON is nested more than 32 levels deep")


def test_an_old_format_bundle_larger_than_it_may_be_is_not_read(tmp_path):
    bundle = tmp_path / "old.json"
    with bundle.open("wb") as out:  # sparse: 100 MB that take no room
        out.write(b'{"format": "reflect-bundle"')
        out.truncate(100_000_000)
    refused(tmp_path, bundle, "is 100 MB, more than 64 MB", "format 1 or 2")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_given_as_a_bundle_does_not_hang(tmp_path):
    pipe = tmp_path / "bundle.zip"
    os.mkfifo(pipe)
    refused(tmp_path, pipe, "is a named pipe (FIFO), not a file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_an_endless_device_given_as_a_bundle(tmp_path):
    link = tmp_path / "bundle.zip"
    link.symlink_to("/dev/zero")
    refused(tmp_path, link, "leads to /dev/zero, which is a device, not a file")


def protocols_listed(tmp_path: Path) -> str:
    figures, said = run(tmp_path, "protocols", "list")
    assert figures["code"] == 1, said  # the list is printed; the files not loaded are named
    assert figures["seconds"] < SECONDS and figures["grew"] < MEGABYTES, figures
    assert "Traceback" not in said and "unexpected error" not in said
    assert "lfs-practitioner" in said  # the shipped protocols still load
    return said


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_protocol_file_that_is_a_named_pipe_does_not_hang_the_list(tmp_path,
                                                                       isolated_data_dir):
    folder = isolated_data_dir / "protocols"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "pipe.yaml")
    said = protocols_listed(tmp_path)
    assert "pipe.yaml: it is a named pipe (FIFO), not a file" in said


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_protocol_file_linked_to_dev_zero_is_not_read(tmp_path, isolated_data_dir):
    folder = isolated_data_dir / "protocols"
    folder.mkdir(parents=True)
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "nowhere.yaml").symlink_to(tmp_path / "gone.yaml")
    said = protocols_listed(tmp_path)
    assert "zero.yaml: it leads to /dev/zero, which is a device, not a file" in said
    assert "nowhere.yaml: cannot be read" in said


def test_a_protocol_file_over_a_megabyte_is_not_read(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "big.yaml").write_bytes(b"id: big\n" + b"# padding\n" * 150_000)
    (folder / "self.yaml").write_bytes((ROOT / "prompts" / "self-critique.yaml").read_bytes())
    catalog = load_catalog([folder])
    [problem] = catalog.problems
    assert "big.yaml" in str(problem) and "it is 1.5 MB, more than 1 MB" in str(problem)
    assert "self-critique" in catalog.protocols  # a protocol that fits loads beside it


# Limits that real work does not meet ----------------------------------------------------


@pytest.fixture
def demo(store, catalog) -> Store:
    load_demo(store, catalog)
    return store


def test_a_long_answer_travels_and_batches_stay_within_their_bytes(demo, new_database,
                                                                     tmp_path, monkeypatch):
    """A 3 MB answer (a long transcript in Hebrew: 6 MB of UTF-8) is a row like any other;
    rows are merged in batches of at most BUNDLE_BATCH bytes (or 1,000 rows)."""
    session = demo.sessions_of_kind("interview")[0]
    text = "המשפחה חזרה הביתה [צוחקת] " * 120_000
    demo.save_answer(session.id, "success-what", text=text)
    export_bundle(demo, tmp_path / "long.zip")
    sizes = []
    original = bundle_zip.ZipBundleReader._rows

    def counted(self, member, first, lines, *rest):
        sizes.append((len(lines), sum(map(len, lines[:-1]))))  # all but the line that ended it
        return original(self, member, first, lines, *rest)

    monkeypatch.setattr(bundle_zip.ZipBundleReader, "_rows", counted)
    monkeypatch.setattr(limits, "BUNDLE_BATCH", 2_000)
    other = Store(open_engine(new_database()))
    import_bundle(other, tmp_path / "long.zip")
    assert other.answers(session.id)["success-what"].text == text
    assert all(size < 2_000 for _rows, size in sizes), sizes
    assert max(rows for rows, _ in sizes) < 1000  # the bytes cut the batches, not the rows


def test_inflated_bytes_are_counted_even_where_the_directory_said_less(demo, other_db,
                                                                       tmp_path, monkeypatch):
    """The second line of defence: were a directory to understate the tables (zipfile stops
    at the size it declares), the bytes that come out are counted against the total too."""
    export_bundle(demo, tmp_path / "demo.zip")
    monkeypatch.setattr(bundle_zip.ZipBundleReader, "_check_sizes", lambda self: None)
    monkeypatch.setattr(limits, "BUNDLE_TOTAL", 20_000)
    with pytest.raises(ReflectError, match=r"demo.zip: its tables come to .* more than 20 kB"):
        import_bundle(other_db, tmp_path / "demo.zip")


@pytest.fixture
def other_db(new_database) -> Store:
    return Store(open_engine(new_database()))


def test_the_nested_line_through_the_command_says_where(tmp_path, capsys, db_path):
    """Point 8, in the process of the test: the message names the file and the line."""
    bundle = hostile.nested_line(tmp_path / "nested.zip")
    assert main(["--db", str(db_path), "import", str(bundle)]) == 1
    said = capsys.readouterr().err
    assert f"reflect: {bundle}: tables/stories.jsonl line 1: its JSON is nested" in said
    assert "unexpected" not in said
