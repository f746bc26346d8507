"""The tables as one .xlsx workbook for spreadsheet programs: one sheet per table, the same
rows and columns as the CSV files (reflect.exchange.tables), and no live formula, ever.

A spreadsheet program runs a CSV cell that starts with = + - @ as a formula (CSV injection);
in .xlsx every text cell is written as a string (`write_string`: a shared string, `t="s"`),
which Excel, LibreOffice and Numbers show as text whatever it starts with, so the text
stays exact and nothing in it runs. Counts and positions are numbers. Control characters are
kept as Excel itself keeps them (`_xHHHH_`). A cell holds at most 32,767 characters (Excel's
limit): longer text is cut there, and rows past a sheet's 1,048,576 are left out, both
counted in the summary; the CSV files hold them whole.
Sheets run right to left when the interface does (Hebrew, Arabic).

The workbook is built in memory (XlsxWriter's in_memory: no temporary file with the answers
outside the target folder), then written like every export (reflect.files.private_writer);
unlike the CSV files, its memory grows with the data.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]  # typed, but ships no py.typed marker

from reflect.exchange.progress import Progress
from reflect.exchange.tables import FILES, Cell, tables
from reflect.files import check_new, private_writer
from reflect.i18n import is_rtl
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.store import Store

CELL_LIMIT = 32767
"""The most characters (UTF-16 units) Excel keeps in a cell."""

ROW_LIMIT = 1_048_576
"""The most rows a sheet holds (Excel's limit), the header included."""

TOO_LONG = -2
"""What XlsxWriter's write_string answers when it cut a string to CELL_LIMIT."""

MIN_WIDTH, MAX_WIDTH = 6, 60
"""A column is as wide as the longest first line of its cells, within these (characters):
a sum over the cells as they are written (XlsxWriter's autofit took a third of the time)."""


@dataclass
class Workbook:
    """What export_xlsx wrote."""

    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    """Each sheet's name with its number of data rows."""
    cut: int = 0
    """Text cells cut to Excel's CELL_LIMIT characters."""
    left_out: int = 0
    """Rows past a sheet's ROW_LIMIT, not in the workbook."""


def export_xlsx(store: Store, path: Path, progress: Progress | None = None,
                redactor: Redactor = NO_REDACTION) -> Workbook:
    """Write every table as a sheet of one .xlsx file at path."""
    check_new([path])  # before reading
    written = Workbook(path)
    zipped = io.BytesIO()  # XlsxWriter leaves its zip open when a write fails: not on disk
    with private_writer(path) as out:
        book = xlsxwriter.Workbook(zipped, {
            "in_memory": True,
            # write_string and write_number below never guess; these are a second guard
            "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False})
        header = book.add_format({"bold": True})
        for done, (name, rows) in enumerate(tables(store, redactor)):
            if progress:
                progress(name, done, len(FILES))
            sheet = book.add_worksheet(name)
            if is_rtl():
                sheet.right_to_left()
            last, widths = 0, list[int]()  # the last row written (the header is row 0)
            for index, row in enumerate(rows):
                if index >= ROW_LIMIT:
                    written.left_out += 1
                    continue
                last = index
                if len(widths) < len(row):
                    widths += [MIN_WIDTH] * (len(row) - len(widths))
                for column, cell in enumerate(row):
                    written.cut += _write(sheet, index, column, cell,
                                          header if index == 0 else None)
                    if widths[column] < MAX_WIDTH:  # as wide as its first line, within bounds
                        widths[column] = max(widths[column], len(str(cell).partition("\n")[0]))
            written.rows[name] = last
            sheet.freeze_panes(1, 0)
            for column, width in enumerate(widths):
                sheet.set_column(column, column, min(width, MAX_WIDTH) + 1)
            if widths:
                sheet.autofilter(0, 0, last, len(widths) - 1)
        book.close()  # the zip, into memory
        out.write(zipped.getvalue())
    if progress:
        progress("done", len(FILES), len(FILES))
    return written


def _write(sheet: xlsxwriter.worksheet.Worksheet, row: int, column: int, cell: Cell,
           style: object) -> int:
    """Write one cell: a number as a number, anything else as a string (never a formula);
    1 when the text was cut to CELL_LIMIT, else 0."""
    if isinstance(cell, int) and not isinstance(cell, bool):
        sheet.write_number(row, column, cell, style)
        return 0
    return int(sheet.write_string(row, column, str(cell), style) == TOO_LONG)
