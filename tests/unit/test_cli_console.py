"""reflect.cli.console: reading order on a terminal, logical order everywhere else (issue 32).
The pty test of the whole command is tests/functional/test_cli_terminal.py."""

from __future__ import annotations

import io

from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reflect import bidi, i18n
from reflect.cli import console as cli_console
from reflect.cli.console import PlainTable, reading_lines, reading_order, say_columns


def drawn(table: Table, terminal: bool) -> str:
    out = Console(file=io.StringIO(), force_terminal=terminal, width=60, color_system=None)
    out.print(table)
    return out.file.getvalue()  # type: ignore[attr-defined]


def a_table(kind: type[Table]) -> Table:
    table = kind("מזהה", "כותרת")
    table.add_row("lfs-client", "למידה מהצלחות")
    return table


def test_a_table_into_a_pipe_is_rich_s_own_in_logical_order():
    i18n.use("he")
    assert drawn(a_table(PlainTable), terminal=False) == drawn(a_table(Table), terminal=False)


def test_a_table_on_a_terminal_runs_right_to_left_in_a_hebrew_interface():
    i18n.use("he")
    rows = [line for line in drawn(a_table(PlainTable), terminal=True).splitlines()
            if "│" in line or "┃" in line]
    assert [cell.strip() for cell in rows[0].split("┃")[1:-1]] == ["תרתוכ", "ההזמ"]
    title, ident = rows[1].split("│")[1:-1]
    assert ident.strip() == "lfs-client" and title == " תוחלצהמ הדימל "  # right-aligned
    i18n.use("en")  # an English interface: columns left to right, the Hebrew cell reordered
    rows = [line for line in drawn(a_table(PlainTable), terminal=True).splitlines()
            if "│" in line]
    assert [cell.strip() for cell in rows[0].split("│")[1:-1]] == ["lfs-client",
                                                                   "תוחלצהמ הדימל"]


def test_a_terminal_that_reorders_itself_gets_logical_order(monkeypatch):
    i18n.use("he")
    monkeypatch.setattr(bidi, "_MODE", ["terminal"])
    assert drawn(a_table(PlainTable), terminal=True) == drawn(a_table(Table), terminal=True)
    assert reading_order("שלום /tmp/x", to_terminal=True) == "שלום /tmp/x"


def test_a_message_keeps_its_styles_and_ends_on_the_right():
    message = Text.assemble(("לא נטען: ", "red"), "/tmp/x.yaml")
    line, = reading_lines(message, 30, rtl=True)
    assert line.plain == " " * 10 + "/tmp/x.yaml :ןעטנ אל"
    red = [index for index in range(len(line.plain))
           if line.get_style_at_offset(Console(), index) == Style.parse("red")]
    assert "".join(line.plain[index] for index in red).strip() == ":ןעטנ אל"


def test_a_long_message_is_wrapped_before_it_is_reordered():
    lines = reading_lines(Text("הריצו 'reflect where' כדי לבדוק"), 16, rtl=True)
    assert [line.plain for line in lines] == [" " * 11 + "וצירה", " 'reflect where'",
                                              " " * 7 + "קודבל ידכ"]
    assert reading_order("a\nשלום", to_terminal=False) == "a\nשלום"  # a pipe: as it is


def test_columns_into_a_pipe_are_padded_as_before(capsys):
    say_columns([("dina", "interviewer", "Open doors"), ("eve", "analyst", "")], (24, 12))
    assert capsys.readouterr().out == (f"{'dina':<24} {'interviewer':<12} Open doors\n"
                                       f"{'eve':<24} {'analyst':<12} \n")


def test_columns_on_a_terminal_run_right_to_left_in_a_hebrew_interface(monkeypatch):
    i18n.use("he")
    out = Console(file=io.StringIO(), force_terminal=True, width=41, color_system=None)
    monkeypatch.setattr(cli_console, "console", out)
    say_columns([("*", "he", "עברית")], (1, 3))
    assert out.file.getvalue() == " " * 29 + "תירבע he  *\n"  # type: ignore[attr-defined]
