"""Reading members and candidates from an .xlsx workbook, and writing back the rows refused.

The workbook is streamed row by row (interchange.xlsx_reader), within the import limits. The header row is
found among the first rows (lists often start with a title) and the columns are matched to fields by their
headers (interchange.columns); ``read_sheet`` reads only that far, plus the first rows for examples. The
rows then go to services.importing a batch at a time, which checks and writes them: the whole sheet is never
held in memory. A formula in a column being imported is reported on its row: the import takes values only.
Problems with the file itself (missing, not an .xlsx, too big, no such sheet, no column of names) raise
interchange.errors.WorkbookError with a message for the user.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.i18n import _, current_language
from desktop_app.interchange.columns import (
    DATE,
    ID,
    IMPORTED_COLUMNS,
    PROBLEMS_COLUMN,
    ROW_COLUMN,
    TEXT,
    Column,
    column_for,
)
from desktop_app.interchange.csdl_layout import person_spellings
from desktop_app.interchange.errors import WorkbookError, check_target
from desktop_app.interchange.header_rows import Header, find_header
from desktop_app.interchange.progress import SheetProgress
from desktop_app.interchange.xlsx_reader import Formula, WorkbookReader
from desktop_app.services.interchange import importing
from desktop_app.services.interchange import limits as import_limits
from desktop_app.services.interchange.import_rows import FIELDS, RowInput, is_blank
from desktop_app.services.interchange.limits import WorkbookLimits

HEADER_SCAN = 20  # rows searched for the header row
# The person columns as the app writes them, and as the central member database's workbook spells them.
READ_COLUMNS = IMPORTED_COLUMNS + person_spellings(FIELDS)
FIRST_ROWS = 200  # rows under the header kept for the examples of the mapping page
Progress = Callable[..., None]  # (done, total, what)


@dataclass
class SheetData:
    """Where a sheet's list is and what its columns are; its rows stay in the file (``stream_rows``)."""

    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # 1-based, as Excel numbers rows
    headers: list[str]
    mapping: dict[int, str] = field(default_factory=dict)  # column index -> field key (guessed)
    first_rows: list[tuple[int, tuple]] = field(default_factory=list)  # the first non-empty rows under the header
    complete: bool = True  # first_rows holds every row there is
    last_row: int | None = None  # the sheet's last row as it declares it
    stamp: tuple[int, int] = (0, 0)  # the file's size and modification time when read

    @property
    def has_rows(self) -> bool:
        return bool(self.first_rows)

    @property
    def row_count(self) -> int | None:
        """Rows under the header: exact for a short sheet, else as the sheet declares (None when it does not)."""
        if self.complete:
            return len(self.first_rows)
        return self.last_row - self.header_row if self.last_row else None

    @property
    def width(self) -> int:
        return max([len(self.headers)] + [len(r) for _n, r in self.first_rows[:1]])

    def sample(self, index: int, count: int = 3) -> list[Any]:
        """The first non-empty values of a column, for the mapping page."""
        values = [r[index] for _n, r in self.first_rows if index < len(r) and not is_blank(r[index])]
        return values[:count]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = Path(path).stat()
    except OSError:
        return (0, 0)
    return info.st_size, info.st_mtime_ns


def sheet_names(path: Path, limits: WorkbookLimits | None = None) -> list[str]:
    with WorkbookReader(path, limits or import_limits.DEFAULT) as reader:
        return reader.sheet_names


def _find_header(head: list[tuple], columns: tuple[Column, ...] = READ_COLUMNS) -> Header | None:
    """The header row (or pair of rows, interchange.header_rows) that names the most known columns, one of them
    the name."""
    return find_header(head, columns)


def _head(reader: WorkbookReader, title: str) -> tuple[list[tuple], Iterator[tuple[int, tuple]], list]:
    """Rows 1 to HEADER_SCAN of sheet *title* (a missing row as an empty one), the rest of its rows, and its
    declared size ([last row, last column], or empty)."""
    dimension: list = []
    rows = reader.rows(title, dimension=dimension)
    head: dict[int, tuple] = {}
    rest: Iterator[tuple[int, tuple]] = iter(())
    for number, values in rows:
        if number > HEADER_SCAN:
            rest = itertools.chain([(number, values)], rows)
            break
        head[number] = values
    empty = (None,) * (dimension[1] if dimension else 0)
    return [head.get(n, empty) for n in range(1, HEADER_SCAN + 1)], rest, dimension


def read_sheet(path: Path, sheet: str | None = None, *, require_names: bool = True,
               limits: WorkbookLimits | None = None, progress: Progress | None = None,
               columns: tuple[Column, ...] = READ_COLUMNS) -> SheetData:
    """Where the list of *sheet* (default: the first sheet with a column of names) is: its header row and the
    first rows under it. Quick whatever the sheet's size; the rows are read by ``stream_rows``.

    Without *require_names*, a sheet whose headers are not recognised is still read, taking its
    first non-empty row as the header, so the user can map the columns by hand."""
    del progress  # reading the head is quick: nothing to report
    path = Path(path)
    stamp = _stamp(path)
    with WorkbookReader(path, limits or import_limits.DEFAULT) as reader:
        names = reader.sheet_names
        if sheet is not None and sheet not in names:
            raise WorkbookError(_("The workbook has no sheet named “{sheet}”; its sheets are: {names}.").format(
                sheet=sheet, names=", ".join(names)))
        order = [sheet] if sheet is not None else names
        for title in order:
            head, rest, dimension = _head(reader, title)
            found = _find_header(head, columns)
            if found is not None:
                return _first_rows(path, title, names, head, rest, found.index, found.mapping, dimension, stamp,
                                   found.titles)
        if not require_names and order:
            head, rest, dimension = _head(reader, order[0])
            index = next((i for i, r in enumerate(head) if any(not is_blank(v) for v in r)), 0)
            return _first_rows(path, order[0], names, head, rest, index, {}, dimension, stamp)
        where = _("sheet “{sheet}”").format(sheet=sheet) if sheet else _("any sheet")
        raise WorkbookError(_("No column of names was found in {where}: the header row needs a column such as "
                              "“Họ và tên” or “Full name”.").format(where=where))


def _first_rows(path: Path, title: str, names: list[str], head: list[tuple], rest, index: int,
                mapping: dict[int, str], dimension: list, stamp: tuple[int, int],
                titles: list[str] | None = None) -> SheetData:
    headers = titles if titles is not None else [("" if v is None else str(v).strip())
                                                 for v in (head[index] if head else ())]
    data = SheetData(path, title, names, index + 1, headers, mapping=mapping,
                     last_row=dimension[0] if dimension else None, stamp=stamp)
    below = itertools.chain(((n, r) for n, r in enumerate(head[index + 1:], index + 2)), rest)
    for number, values in below:
        if any(not is_blank(v) for v in values):
            if len(data.first_rows) == FIRST_ROWS:
                data.complete = False
                break
            data.first_rows.append((number, tuple(values)))
    return data


def stream_rows(data: SheetData, *, limits: WorkbookLimits | None = None,
                progress: Progress | None = None) -> Iterator[tuple[int, tuple]]:
    """(row number, values) of every non-empty row under the header, read from the file again; a file
    changed since ``read_sheet`` is refused, as its rows might no longer be under the header found."""
    if _stamp(data.path) != data.stamp:
        raise WorkbookError(_("{file} has changed since it was read. Choose it again to read the new version.")
                            .format(file=Path(data.path).name))
    with WorkbookReader(data.path, limits or import_limits.DEFAULT) as reader:
        report = SheetProgress(progress, reader, data.header_row, data.last_row)
        for number, values in reader.rows(data.sheet):
            if number <= data.header_row:
                continue
            report(number)
            if any(not is_blank(v) for v in values):
                yield number, values
        report.finish()


def _cell(index: int, number: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(index + 1)}{number}"


def _plain(values: tuple) -> tuple:
    """The row as it is kept for the workbook of problems: a formula as its text (written back as text)."""
    return tuple(v[:] if isinstance(v, Formula) else v for v in values)


def to_rows(data: SheetData, mapping: dict[int, str] | None, rows: Iterable[tuple[int, tuple]]) -> Iterator[RowInput]:
    """The service's rows: each mapped cell under its field key. Rows with nothing in the mapped
    columns (a template numbered in advance, a total line) are left out. A formula in a mapped column is
    the row's problem, naming the cell: its value is not taken."""
    mapping = data.mapping if mapping is None else mapping
    pairs = [(i, key) for i, key in mapping.items() if not key.startswith("_")]
    for number, values in rows:
        cells, problems = {}, []
        for i, key in pairs:
            value = values[i] if i < len(values) else None
            if isinstance(value, Formula):
                text = value if len(value) <= 60 else value[:59] + "…"
                problems.append(_("Cell {cell} holds a formula ({formula}); the import takes values only. Replace "
                                  "it with its value (Copy, then Paste Special → Values) and import again.").format(
                    cell=_cell(i, number), formula=text))
                value = None
            cells[key] = value
        if problems or any(not is_blank(v) for v in cells.values()):
            yield RowInput(number, cells, problems, _plain(values))


def import_workbook(kind: str, path: Path, *, sheet: str | None = None, mapping: dict[int, str] | None = None,
                    default_branch_id: int | None = None, dry_run: bool = False, progress: Progress | None = None,
                    limits: WorkbookLimits | None = None) -> tuple[SheetData, importing.ImportPlan]:
    """Read, check and (unless *dry_run*) import, in one pass over the sheet; the plan lists every refused
    row with its reasons. *progress* is told how far the reading has got, and may raise to stop: nothing
    is then imported."""
    limits = limits or import_limits.current()
    data = read_sheet(path, sheet, limits=limits)
    if mapping is not None and "full_name" not in mapping.values():
        raise WorkbookError(_("Choose the column that holds the full names."))
    if not data.has_rows:
        raise WorkbookError(_("Sheet “{sheet}” has no rows under its header.").format(sheet=data.sheet))
    rows = to_rows(data, mapping, stream_rows(data, limits=limits, progress=progress))
    plan = importing.import_rows(kind, rows, default_branch_id=default_branch_id,
                                 dry_run=dry_run, source=str(Path(path).name))
    if not plan.rows:
        plan.close()
        raise WorkbookError(_("Sheet “{sheet}” has no rows under its header.").format(sheet=data.sheet))
    return data, plan


def check_workbook(kind: str, data: SheetData, mapping: dict[int, str], *, default_branch_id: int | None = None,
                   progress: Progress | None = None, limits: WorkbookLimits | None = None) -> importing.ImportPlan:
    """Check every row of the sheet and keep the accepted values for ``importing.write_plan`` (the wizard's
    way: the user sees the problems before anything is written)."""
    rows = to_rows(data, mapping, stream_rows(data, limits=limits, progress=progress))
    return importing.check_rows(kind, rows, default_branch_id=default_branch_id, keep_values=True)


def write_errors(path: Path, data: SheetData, plan: importing.ImportPlan, mapping: dict[int, str] | None = None,
                 lang: str | None = None) -> int:
    """A workbook of the refused rows: their row number, the original cells, and what is wrong.
    Fixed in place, it imports again (the extra columns are ignored)."""
    from desktop_app.interchange import sheets

    check_target(path)
    lang = lang or current_language()
    mapping = data.mapping if mapping is None else mapping
    width = data.width
    headers = [data.headers[i] if i < len(data.headers) else "" for i in range(width)]
    originals = []
    for i in range(width):
        known = column_for(mapping.get(i, ""))
        kind = known.kind if known and known.kind in (ID, DATE) else TEXT
        originals.append(Column(f"_{i}", headers[i], headers[i], kind=kind, width=known.width if known else 14))
    columns = (ROW_COLUMN, *originals, PROBLEMS_COLUMN)

    def rows():
        for number, cells, errors in plan.refused_cells():
            values = list(cells)[:width]
            values += [None] * (width - len(values))
            yield [number, *values, "\n".join(errors)]

    workbook = sheets.new_workbook()
    titles = [ROW_COLUMN.header(lang), *headers, PROBLEMS_COLUMN.header(lang)]
    try:
        count = sheets.add_sheet(workbook, data.sheet, columns, titles, rows())
        sheets.save(workbook, path)
    finally:
        sheets.discard(workbook)
    return count
