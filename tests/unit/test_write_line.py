"""The session screen's write line (reflect_tui.write_line) without a screen: jobs asked for
on one thread run one at a time, in the order asked, whichever worker drains them."""

from __future__ import annotations

import threading

import pytest

from reflect.errors import ReflectError
from reflect_tui.write_line import WriteLine

TIMEOUT = 5.0


def test_jobs_run_in_the_order_asked_whichever_worker_drains_them():
    refused: list[BaseException] = []
    line = WriteLine(refused.append)
    done: list[int] = []
    gate = threading.Event()
    line.add(lambda: gate.wait(TIMEOUT))  # the first job holds the line
    futures = [line.add(lambda number=number: done.append(number) or number)
               for number in range(20)]
    workers = [threading.Thread(target=line.drain) for _ in range(4)]
    for worker in workers:
        worker.start()
    assert line.pending
    gate.set()
    for worker in workers:
        worker.join(TIMEOUT)
    assert done == list(range(20))
    assert [future.result(0) for future in futures] == list(range(20))
    assert not line.pending and not refused


def test_a_refused_job_is_reported_and_the_next_still_runs():
    refused: list[BaseException] = []
    line = WriteLine(refused.append)

    def refuse() -> None:
        raise ReflectError("the disk is full")

    failed, after = line.add(refuse), line.add(lambda: "written")
    line.drain()
    assert [str(error) for error in refused] == ["the disk is full"]
    with pytest.raises(ReflectError):
        failed.result(0)
    assert after.result(0) == "written"


def test_an_unexpected_error_is_raised_and_leaves_the_rest_for_the_next_drain():
    line = WriteLine(lambda error: None)
    broken, later = line.add(lambda: 1 / 0), line.add(lambda: "later")
    with pytest.raises(ZeroDivisionError):
        line.drain()
    assert isinstance(broken.exception(0), ZeroDivisionError) and not later.done()
    line.drain()
    assert later.result(0) == "later"
