"""The Party fees workbook: each branch's months (due, paid, collected, remitted, kept, members owing), the
payments received, and what is still owed, for one branch or all, for a year. Headers in the export's language;
every text cell is written as text, months as "MM/YYYY" text, amounts as numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.i18n import current_language
from desktop_app.interchange.columns import FEE_MONTH_COLUMNS, FEE_OWED_COLUMNS, FEE_PAYMENT_COLUMNS, Column
from desktop_app.interchange.errors import check_target
from desktop_app.services.fees import workbook

SHEETS = {"months": ("Thu nộp theo tháng", "Months"), "payments": ("Các khoản đã nộp", "Payments"),
          "owed": ("Đảng viên còn nợ", "Owed")}


@dataclass(frozen=True)
class FeeExport:
    months: int  # branch-months written
    payments: int
    owing: int  # members still owing


def _values(columns: tuple[Column, ...], rows, start: int = 1):
    for number, row in enumerate(rows, start):
        yield [number if c.key == "_number" else row.get(c.key) for c in columns]


def export_fees(path: Path, *, year: int, branch_id: int | None = None, lang: str | None = None) -> FeeExport:
    from desktop_app.interchange import sheets

    check_target(path)
    lang = lang or current_language()

    def title(key: str) -> str:
        vi, en = SHEETS[key]
        return vi if lang == "vi" else en

    book = sheets.new_workbook()
    months = workbook.month_rows(year, branch_id)
    owed = workbook.owed_rows(year, branch_id)
    counts = []
    for key, columns, rows in (("months", FEE_MONTH_COLUMNS, months),
                               ("payments", FEE_PAYMENT_COLUMNS, workbook.payment_rows(year, branch_id)),
                               ("owed", FEE_OWED_COLUMNS, owed)):
        headers = [c.header(lang) for c in columns]
        values = _values(columns, rows)
        widths = sheets.fitted_widths(columns, headers, list(_values(columns, rows))) if isinstance(rows, list) \
            else None
        counts.append(sheets.add_sheet(book, title(key), columns, headers, values, widths=widths))
    with workbook.recorded_export(str(path), counts[1], branch_id, year):  # recorded first: no file without it
        sheets.save(book, path)
    return FeeExport(*counts)
