"""The central member database's data-entry workbook (interchange.csdl_layout) written and read.

Written: title rows, the two-row header with its merged cells, one row a member from row 8 with the app's checks
in "Kết quả kiểm tra" / "Chi tiết lỗi", and a second sheet that counts the problems per branch. Every cell but the
row number is text, dates written dd/mm/yyyy and identifiers as typed, as the central database reads them. The
workbook is streamed (interchange.sheets: write-only, saved through a temporary file).

Read: with the streaming reader and the import's header search (a header on one row or two, a group's name
carried over its sub-columns), so a workbook of another program, laid out a little differently, still reads; the
rows go to services.interchange.csdl_import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core import clock
from desktop_app.i18n import _, format_date
from desktop_app.interchange import csdl_layout as layout
from desktop_app.interchange.errors import WorkbookError, check_target
from desktop_app.interchange.progress import CountProgress, Progress
from desktop_app.services.interchange import csdl_checks, csdl_records, export_data
from desktop_app.services.interchange.import_rows import RowInput, is_blank
from desktop_app.services.organisation.organisation import get_organisation

SHEET = "Đảng viên"
SUMMARY_SHEET = "Tổng hợp lỗi"


def _cell_text(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def row_values(number: int, item: csdl_checks.Reviewed) -> list[Any]:
    """The cells of one member's row, in the layout's order."""
    record = dict(item.record, _number=number,
                  check_result=_("Passed") if item.ok else _("Has errors"), check_details=item.details())
    return [number if key == "_number" else _cell_text(record.get(key)) for key in layout.KEYS]


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return {"title": Font(bold=True, size=14), "bold": Font(bold=True),
            "fill": PatternFill("solid", fgColor="DDE4EE"), "bad": PatternFill("solid", fgColor="F8D7D3"),
            "center": Alignment(wrap_text=True, vertical="center", horizontal="center"),
            "wrap": Alignment(wrap_text=True, vertical="top"), "border": Border(thin, thin, thin, thin)}


def _merges() -> list[str]:
    """The header's merged ranges: a single column down rows 6–7, a group across its sub-columns on row 6."""
    from openpyxl.utils import get_column_letter

    top, low = layout.HEADER_ROW, layout.HEADER_ROW + 1
    ranges, index = [], 0
    while index < len(layout.LAYOUT):
        column, group = layout.LAYOUT[index]
        letter = get_column_letter(index + 1)
        if group is None:
            ranges.append(f"{letter}{top}:{letter}{low}")
            index += 1
            continue
        span = sum(1 for _c, g in layout.LAYOUT[index:index + len(layout.GROUP_PARTS)] if g == group)
        ranges.append(f"{letter}{top}:{get_column_letter(index + span)}{top}")
        index += span
    return ranges


def _header_rows(ws, styles) -> tuple[list, list]:
    from desktop_app.interchange.sheets import text_cell

    top, low = [], []
    for column, group in layout.LAYOUT:
        upper = group.title if group is not None else column.vi
        first = group is None or column.key.endswith("_country")
        cells = (text_cell(ws, upper if first else None), text_cell(ws, column.vi.split(": ")[-1] if group else None))
        for cell in cells:
            cell.font, cell.fill, cell.alignment, cell.border = styles["bold"], styles["fill"], styles["center"], \
                styles["border"]
        top.append(cells[0])
        low.append(cells[1])
    return top, low


def _titles(ws, styles, branch_name: str) -> None:
    from desktop_app.interchange.sheets import text_cell

    organisation = get_organisation()
    lines = [organisation.name if organisation else "",
             "DANH SÁCH ĐẢNG VIÊN NHẬP LIỆU CƠ SỞ DỮ LIỆU ĐẢNG VIÊN",
             branch_name or (organisation.name if organisation else ""),
             _("Checked by the program on {date}").format(date=format_date(clock.today())), ""]
    for index, text in enumerate(lines):
        cell = text_cell(ws, text or None)
        if index == 1:
            cell.font = styles["title"]
        ws.append([cell])


def export_csdl(path: Path, *, branch_id: int | None = None, progress: Progress | None = None,
                today: dt.date | None = None) -> tuple[int, int]:
    """Write the members of *branch_id* (None: the organisation) in the central database's layout, checked;
    returns (rows, rows with problems). *progress* is told the rows written and may raise to stop: no file is
    then written."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange

    from desktop_app.interchange import sheets

    check_target(path)
    reviewed = csdl_checks.review_organisation(branch_id, today)
    report = CountProgress(progress, len(reviewed))
    styles = _styles()
    workbook = sheets.new_workbook()
    count = bad = 0
    try:
        ws = workbook.create_sheet(SHEET)
        for index, column in enumerate(layout.COLUMNS, 1):
            dim = ws.column_dimensions[get_column_letter(index)]
            dim.width = column.width
            if column.key != "_number":
                dim.number_format = sheets.TEXT_FORMAT  # what is typed later stays text too
        ws.freeze_panes = f"D{layout.DATA_ROW}"
        ws.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW + 1}"
        ws.print_title_cols = "A:C"  # each page across says whose row it is
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9
        ws.merged_cells = MultiCellRange(" ".join(_merges()))
        branch_name = reviewed[0].record.get("branch", "") if branch_id is not None and reviewed else ""
        _titles(ws, styles, branch_name)
        for row in _header_rows(ws, styles):
            ws.append(row)
        result_at = layout.KEYS.index("check_result")
        for number, item in enumerate(reviewed, 1):
            cells = []
            for index, value in enumerate(row_values(number, item)):
                cell = sheets.text_cell(ws, value)
                if isinstance(value, str):
                    cell.number_format = sheets.TEXT_FORMAT
                if index >= result_at:
                    cell.alignment = styles["wrap"]
                    if not item.ok:
                        cell.fill = styles["bad"]
                cells.append(cell)
            ws.append(cells)
            count += 1
            bad += not item.ok
            if count % sheets.PROGRESS_EVERY == 0:
                report(count)
        report(count)
        _summary_sheet(workbook, reviewed)
        report(count)  # the last chance to stop: nothing is written yet
        with export_data.recorded_export("csdl", path, count, branch_id):  # recorded first: no file without it
            sheets.save(workbook, path)
    finally:
        sheets.discard(workbook)
    return count, bad


SUMMARY_FIELDS = ("full_name", "gender", "birth_date", "ethnicity", "religion", "cccd", "card_number", "branch",
                  "admission_date", "official_date", "old_id_number", "card_issued_on", "status", "left_on",
                  "delete_proposed")


def summary_headers() -> list[str]:
    names = csdl_checks.labels()
    return [_("Branch code"), _("Branch"), _("Records"), _("Records with errors"), _("Errors"),
            *[names[k] for k in SUMMARY_FIELDS]]


def _summary_sheet(workbook, reviewed: list[csdl_checks.Reviewed]) -> None:
    from desktop_app.interchange.columns import INTEGER, TEXT, Column
    from desktop_app.interchange.sheets import add_sheet

    headers = summary_headers()
    columns = (Column("code", "", "", (), TEXT, 10), Column("name", "", "", (), TEXT, 28),
               *[Column(f"n{i}", "", "", (), INTEGER, 11) for i in range(len(headers) - 2)])
    rows = [[s.code, s.name, s.records, s.with_problems, s.problems, *[s.by_field.get(k, 0) for k in SUMMARY_FIELDS]]
            for s in csdl_checks.summary(reviewed)]
    total = [None, _("Whole organisation")] + [sum(r[i] for r in rows) for i in range(2, len(headers))]
    add_sheet(workbook, SUMMARY_SHEET, columns, headers, [*rows, total])


# ---- reading ---------------------------------------------------------------------------------------------------

def read(path: Path, *, sheet: str | None = None, limits=None):
    """Where the list is in *path* (its header on one row or two) and which columns were recognised."""
    from desktop_app.interchange import xlsx_import

    return xlsx_import.read_sheet(path, sheet, limits=limits, columns=layout.reading_columns())


def unread_headers(data) -> list[str]:
    """The headers of the columns that are not read into the record (nothing matched them)."""
    return [title for index, title in enumerate(data.headers) if title and index not in data.mapping]


def rows(data, *, limits=None, progress: Progress | None = None) -> Iterator[RowInput]:
    """The sheet's rows as the import reads them: each recognised cell under its key, a formula reported."""
    from desktop_app.interchange import xlsx_import

    if not data.has_rows:
        raise WorkbookError(_("Sheet “{sheet}” has no rows under its header.").format(sheet=data.sheet))
    mapping = {i: k for i, k in data.mapping.items() if k not in layout.NOT_READ}
    for row in xlsx_import.to_rows(data, mapping, xlsx_import.stream_rows(data, limits=limits, progress=progress)):
        if any(not is_blank(v) for v in row.values.values()) or row.problems:
            yield row


def records_of(path: Path) -> list[dict]:
    """Cells of each row of a written workbook as text keyed by column (for tests and the command line's check)."""
    data = read(path)
    return [dict(r.values, _row=r.number) for r in rows(data)]


__all__ = ["export_csdl", "plan_file", "read", "rows", "unread_headers", "csdl_records"]


def plan_file(path: Path, *, sheet: str | None = None, progress: Progress | None = None):
    """(where the list is, what importing it would do): reads the workbook and the records, writes nothing."""
    from desktop_app.services.interchange import csdl_import

    data = read(path, sheet=sheet)
    plan = csdl_import.plan_rows(rows(data, progress=progress))
    plan.unread = unread_headers(data)
    return data, plan
