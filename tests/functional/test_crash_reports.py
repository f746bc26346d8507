"""An unexpected error never prints stored text: a plain message and a private report."""

from __future__ import annotations

import pytest

from reflect import paths
from reflect.cli import main
from reflect.store import Store
from reflect_tui.app import make_app

SECRET = "The mother told me about the debts"


def failing(*_args, **_kwargs):
    secret = SECRET  # noqa: F841 - a local a traceback with locals would print
    raise RuntimeError(f"something broke near {SECRET}")


def test_cli_error_gives_a_plain_message_and_a_private_report(store, monkeypatch, capsys):
    from tests.backends import cli_db

    store.create_story(SECRET)
    monkeypatch.setattr("reflect.store.search.search_answers", failing)
    assert main(["--db", cli_db(store.engine), "search", "debts"]) == 2
    captured = capsys.readouterr()
    assert "debts" not in captured.err + captured.out and "Traceback" not in captured.err
    assert "unexpected error" in captured.err and "crash report" in captured.err
    [report] = (paths.data_dir() / "crash-reports").glob("crash-*.txt")
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert "builtins.RuntimeError" in text and "in failing" in text and "debts" not in text


async def test_app_error_gives_a_plain_message_and_a_private_report(engine, catalog, capfd):
    app = make_app(engine, catalog)
    Store(engine).create_story(SECRET)
    with pytest.raises(RuntimeError):
        async with app.run_test() as pilot:
            await pilot.pause()
            app.call_later(failing)
            await pilot.pause()
    printed = capfd.readouterr()
    message = printed.err + printed.out
    assert "unexpected error" in message and "crash report" in message
    assert "debts" not in message and "Traceback" not in message
    [report] = (paths.data_dir() / "crash-reports").glob("crash-*.txt")
    assert "RuntimeError" in report.read_text() and "debts" not in report.read_text()
