"""Reading members and candidates from an .xlsx workbook, and writing back the rows refused.

The workbook is read in openpyxl's read-only mode (values only), the header row is found among the
first rows (lists often start with a title), the columns are matched to fields by their headers
(interchange.columns), and the rows go to services.importing, which checks and writes them.
Problems with the file itself (missing, not an .xlsx, no such sheet, no column of names) raise
interchange.errors.WorkbookError with a message for the user.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.i18n import _, current_language
from desktop_app.interchange.columns import (
    DATE,
    ID,
    PERSON_COLUMNS,
    PROBLEMS_COLUMN,
    ROW_COLUMN,
    TEXT,
    Column,
    column_for,
    guess_mapping,
)
from desktop_app.interchange.errors import WorkbookError, check_target
from desktop_app.services.interchange import importing
from desktop_app.services.interchange.import_rows import RowInput, is_blank

HEADER_SCAN = 20  # rows searched for the header row
Progress = Callable[[int, int], None]


@dataclass
class SheetData:
    path: Path
    sheet: str
    sheet_names: list[str]
    header_row: int  # 1-based, as Excel numbers rows
    headers: list[str]
    rows: list[tuple[int, tuple]] = field(default_factory=list)  # (row number, cell values)
    mapping: dict[int, str] = field(default_factory=dict)  # column index -> field key (guessed)

    def sample(self, index: int, count: int = 3) -> list[Any]:
        """The first non-empty values of a column, for the mapping page."""
        values = [r[index] for _n, r in self.rows[:200] if index < len(r) and not is_blank(r[index])]
        return values[:count]


def _open(path: Path):
    from openpyxl import load_workbook

    path = Path(path)
    if not path.exists():
        raise WorkbookError(_("File not found: {path}").format(path=path))
    if path.is_dir():
        raise WorkbookError(_("{path} is a folder, not a file.").format(path=path))
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise WorkbookError(_("The file could not be read: {detail}").format(detail=exc)) from exc
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise WorkbookError(_("{path} is in the old Excel format (.xls). Open it in Excel or LibreOffice and save "
                              "it as an Excel Workbook (.xlsx), then import that file.").format(path=path.name))
    if not magic.startswith(b"PK"):
        raise WorkbookError(_("{path} is not an Excel workbook (.xlsx).").format(path=path.name))
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip raises anything from KeyError to XML errors
        raise WorkbookError(_("{path} is not an Excel workbook (.xlsx) or it is damaged.").format(
            path=path.name)) from exc


def sheet_names(path: Path) -> list[str]:
    workbook = _open(path)
    try:
        return [ws.title for ws in workbook.worksheets]
    finally:
        workbook.close()


def _find_header(head: list[tuple]) -> tuple[int, dict[int, str]] | None:
    """(index in *head*, mapping) of the row that names the most known columns, one of them the name."""
    best = None
    for index, values in enumerate(head):
        mapping = guess_mapping(list(values), PERSON_COLUMNS)
        if "full_name" in mapping.values() and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def _head(workbook, title: str):
    """The first rows of sheet *title*, and an iterator over the rest."""
    rows = workbook[title].iter_rows(values_only=True)
    return [tuple(r) for _i, r in zip(range(HEADER_SCAN), rows, strict=False)], rows


def read_sheet(path: Path, sheet: str | None = None, *, require_names: bool = True,
               progress: Progress | None = None) -> SheetData:
    """The rows of *sheet* (default: the first sheet with a column of names) under its header row.

    Without *require_names*, a sheet whose headers are not recognised is still read, taking its
    first non-empty row as the header, so the user can map the columns by hand."""
    path = Path(path)
    workbook = _open(path)
    try:
        names = [ws.title for ws in workbook.worksheets]
        if sheet is not None and sheet not in names:
            raise WorkbookError(_("The workbook has no sheet named “{sheet}”; its sheets are: {names}.").format(
                sheet=sheet, names=", ".join(names)))
        order = [sheet] if sheet is not None else names
        for title in order:
            head, rest = _head(workbook, title)
            found = _find_header(head)
            if found is not None:
                return _collect(path, title, names, head, rest, *found, progress, workbook[title].max_row)
        if not require_names and order:
            head, rest = _head(workbook, order[0])
            index = next((i for i, r in enumerate(head) if any(not is_blank(v) for v in r)), 0)
            return _collect(path, order[0], names, head, rest, index, {}, progress, workbook[order[0]].max_row)
        where = _("sheet “{sheet}”").format(sheet=sheet) if sheet else _("any sheet")
        raise WorkbookError(_("No column of names was found in {where}: the header row needs a column such as "
                              "“Họ và tên” or “Full name”.").format(where=where))
    finally:
        workbook.close()


def _collect(path: Path, title: str, names: list[str], head: list[tuple], rest, index: int,
             mapping: dict[int, str], progress: Progress | None, total: int | None) -> SheetData:
    headers = [("" if v is None else str(v).strip()) for v in (head[index] if head else ())]
    data = SheetData(path, title, names, index + 1, headers, mapping=mapping)
    number = index + 1
    for values in itertools.chain(head[index + 1:], rest):
        number += 1
        if any(not is_blank(v) for v in values):
            data.rows.append((number, tuple(values)))
        if progress and number % 1000 == 0:
            progress(number, max(total or 0, number))
    return data


def to_rows(data: SheetData, mapping: dict[int, str] | None = None) -> list[RowInput]:
    """The service's rows: each mapped cell under its field key. Rows with nothing in the mapped
    columns (a template numbered in advance, a total line) are left out."""
    mapping = data.mapping if mapping is None else mapping
    pairs = [(i, key) for i, key in mapping.items() if not key.startswith("_")]
    rows = []
    for number, values in data.rows:
        cells = {key: (values[i] if i < len(values) else None) for i, key in pairs}
        if any(not is_blank(v) for v in cells.values()):
            rows.append(RowInput(number, cells))
    return rows


def import_workbook(kind: str, path: Path, *, sheet: str | None = None, mapping: dict[int, str] | None = None,
                    default_branch_id: int | None = None, dry_run: bool = False,
                    progress: Progress | None = None) -> tuple[SheetData, importing.ImportPlan]:
    """Read, check and (unless *dry_run*) import; the plan lists every refused row with its reasons."""
    data = read_sheet(path, sheet)
    if mapping is not None and "full_name" not in mapping.values():
        raise WorkbookError(_("Choose the column that holds the full names."))
    rows = to_rows(data, mapping)
    if not rows:
        raise WorkbookError(_("Sheet “{sheet}” has no rows under its header.").format(sheet=data.sheet))
    plan = importing.import_rows(kind, rows, default_branch_id=default_branch_id,
                                 dry_run=dry_run, source=str(Path(path).name), progress=progress)
    return data, plan


def write_errors(path: Path, data: SheetData, plan: importing.ImportPlan, mapping: dict[int, str] | None = None,
                 lang: str | None = None) -> int:
    """A workbook of the refused rows: their row number, the original cells, and what is wrong.
    Fixed in place, it imports again (the extra columns are ignored)."""
    from desktop_app.interchange import sheets

    check_target(path)
    lang = lang or current_language()
    mapping = data.mapping if mapping is None else mapping
    width = max([len(data.headers)] + [len(r) for _n, r in data.rows[:1]])
    headers = [data.headers[i] if i < len(data.headers) else "" for i in range(width)]
    originals = []
    for i in range(width):
        known = column_for(mapping.get(i, ""))
        kind = known.kind if known and known.kind in (ID, DATE) else TEXT
        originals.append(Column(f"_{i}", headers[i], headers[i], kind=kind, width=known.width if known else 14))
    columns = (ROW_COLUMN, *originals, PROBLEMS_COLUMN)
    cells = {number: values for number, values in data.rows}
    rows = []
    for outcome in plan.refused:
        values = list(cells.get(outcome.number, ()))[:width]
        values += [None] * (width - len(values))
        rows.append([outcome.number, *values, "\n".join(outcome.errors)])
    workbook = sheets.new_workbook()
    titles = [ROW_COLUMN.header(lang), *headers, PROBLEMS_COLUMN.header(lang)]
    count = sheets.add_sheet(workbook, data.sheet, columns, titles, rows)
    sheets.save(workbook, path)
    return count
