"""Writing tidy worksheets: a bold, frozen, filterable header row, sensible widths, text cells for
identifiers (leading zeros survive), real dates shown dd/mm/yyyy, and a page set up for printing.

Every piece of text is written as text, whatever it starts with: openpyxl takes a string that starts
with "=" for a formula, so a name or a note typed as "=WEBSERVICE(…)" (or imported from a hostile
workbook) would become a live formula sending the members' data away when the export is opened. Each
text cell is marked as a string (an inline string in the file), which Excel and LibreOffice show as the
text it is.

Workbooks are written in openpyxl's write-only mode, a row at a time (a million attendance rows fit in
little memory), and saved through a temporary file, so a failed or cancelled export never leaves half a
workbook behind. openpyxl is imported here, lazily by the modules that need it: it costs more than Qt to
import.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.interchange.columns import DATE, ID, INTEGER, NUMBER, Column

DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"
MAX_ROWS = 1_048_576  # Excel's limit, header included
PROGRESS_EVERY = 500
WIDTH_SAMPLE = 5000  # rows looked at to fit the columns' widths
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
# Column widths (in characters) that fit A4 landscape at about 70 %: wider sheets print across pages.
READABLE_WIDTH = 190
_FORMATS = {DATE: DATE_FORMAT, ID: TEXT_FORMAT, INTEGER: "0", NUMBER: "#,##0"}


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def text_cell(ws, value: Any) -> WriteOnlyCell:
    """A cell of *value*; text always as text, never as a formula."""
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _plain_text(value: Any) -> bool:
    """Text openpyxl stores as a string cell as it is (most of it, and much faster than a cell object):
    not a formula ("=…") nor an error value ("#N/A"…), which it would take them for."""
    return isinstance(value, str) and not value.startswith("=") and value not in ERROR_CODES


def cell_value(column: Column, value: Any) -> Any:
    """The value as the cell should hold it: dates as dates, identifiers as text."""
    if value is None or value == "":
        return None
    if column.kind == DATE:
        return value.date() if isinstance(value, dt.datetime) else value
    if column.kind == ID:
        return str(value)
    return value


def add_sheet(workbook: Workbook, title: str, columns: tuple[Column, ...], headers: list[str],
              rows: Iterable[list[Any]], *, widths: list[float] | None = None,
              choices: dict[int, list[str]] | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Append a sheet of *rows* (values in column order); returns how many rows were written.
    At most MAX_ROWS - 1 are taken from an iterator; the rest stay in it for another sheet.

    *choices* maps a column index to the values its drop-down list offers (a warning, not a lock:
    a secretary may still type something else, and the importer reports it). *progress* is told the rows
    written so far, every PROGRESS_EVERY rows, and may raise to stop.
    """
    ws = workbook.create_sheet(title=title[:31])
    widths = widths or [c.width for c in columns]
    for index, (column, width) in enumerate(zip(columns, widths, strict=True), 1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = width
        if column.kind in (ID, DATE):  # new values typed into the column keep the right format
            dim.number_format = _FORMATS[column.kind]
    last = get_column_letter(len(columns))
    ws.freeze_panes = "A2"
    _page_setup(ws, columns, widths)
    for index, values in (choices or {}).items():
        letter = get_column_letter(index + 1)
        rule = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True,
                              errorStyle="warning", showErrorMessage=True)
        rule.add(f"{letter}2:{letter}{MAX_ROWS}")
        ws.data_validations.append(rule)
    header_cells = []
    for text in headers:
        cell = text_cell(ws, text)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        header_cells.append(cell)
    ws.append(header_cells)
    formats = [_FORMATS.get(c.kind) for c in columns]
    count = 0
    for values in itertools.islice(rows, MAX_ROWS - 1):  # the caller continues on a new sheet
        cells = []
        for column, fmt, value in zip(columns, formats, values, strict=True):
            value = cell_value(column, value)
            # Nothing is written for an empty cell (its column's format still applies to what is typed there
            # later); plain text goes as it is: both much faster than a cell object.
            if value is None or (fmt is None and _plain_text(value)):
                cells.append(value)
                continue
            cell = text_cell(ws, value)
            if fmt:
                cell.number_format = fmt
            cells.append(cell)
        ws.append(cells)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    return count


def _page_setup(ws, columns: tuple[Column, ...], widths: list[float]) -> None:
    """A4 landscape, the header row on every page. A sheet that fits the page width at a readable size
    (about 70 % or more) is scaled to it; a wider one runs over several pages across, each repeating the
    row number and the name (the first two columns), rather than shrinking into unreadable print."""
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_margins.left = ws.page_margins.right = 0.4
    if sum(widths) <= READABLE_WIDTH:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    elif len(columns) > 2:
        ws.print_title_cols = "A:B"


def fitted_widths(columns: tuple[Column, ...], headers: list[str], rows: list[list[Any]],
                  limit: float = 48) -> list[float]:
    """Each column as wide as its longest text (within reason), never narrower than its default."""
    widths = []
    for index, column in enumerate(columns):
        longest = max((len(str(r[index])) for r in rows[:WIDTH_SAMPLE] if r[index] not in (None, "")), default=0)
        if column.kind == DATE:
            longest = 10
        header = max((len(word) for word in headers[index].split()), default=0)
        widths.append(min(limit, max(column.width, longest + 2, header + 2)))
    return widths


def fitted(columns: tuple[Column, ...], headers: list[str],
           rows: Iterable[list[Any]]) -> tuple[list[float], Iterator[list[Any]]]:
    """The widths fitted to the first WIDTH_SAMPLE rows of *rows*, and all the rows still to write: only
    those first rows are held (a write-only sheet needs its widths before its first row)."""
    rows = iter(rows)
    first = list(itertools.islice(rows, WIDTH_SAMPLE))
    return fitted_widths(columns, headers, first), itertools.chain(first, rows)


def discard(workbook: Workbook) -> None:
    """Remove what a write-only workbook left in the temporary folder; nothing is left once it is saved,
    but a failed or cancelled export stops before that."""
    from openpyxl.worksheet import _writer

    for ws in getattr(workbook, "_sheets", []):
        writer = getattr(ws, "_writer", None)
        out = getattr(writer, "out", None)
        if not isinstance(out, str) or out not in _writer.ALL_TEMP_FILES:
            continue
        try:
            if not ws.closed:
                ws.close()  # ends the sheet's streams, so that nothing writes to the file once it is gone
        except Exception:  # a stream already broken: the file is removed all the same
            pass
        Path(out).unlink(missing_ok=True)
        _writer.ALL_TEMP_FILES.remove(out)


def save(workbook: Workbook, path: Path) -> None:
    """Write through a temporary file beside *path*, then replace *path* in one step."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
