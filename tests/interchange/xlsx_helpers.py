"""Workbooks crafted with openpyxl for the import tests, and row counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HEADERS_VI = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chi bộ", "Trạng thái", "Ngày vào Đảng",
              "Ngày chính thức", "Số thẻ đảng", "Đối tượng"]


class Text(str):
    """A cell value to be written as a Text cell (number format "@")."""


def make_workbook(path: Path, headers: list, rows: list[list], *, sheet: str = "Danh sách",
                  title_rows: list[list] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in title_rows:
        ws.append(row)
    ws.append(headers)
    for row in rows:
        ws.append([str(v) if isinstance(v, Text) else v for v in row])
        for cell, value in zip(ws[ws.max_row], row, strict=False):
            if isinstance(value, Text):
                cell.number_format = "@"
            elif isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = "DD/MM/YYYY"
    wb.save(path)
    return path


def member_row(name: str, cccd=None, *, gender="Nam", birth=dt.date(1980, 5, 6), branch="CB01",
               status="Đảng viên chính thức", admitted="03/02/2005", official=dt.date(2006, 2, 3), card=None,
               categories="Nông dân") -> list:
    return [None, name, gender, birth, cccd, branch, status, admitted, official, card, categories]


def counts() -> tuple[int, ...]:
    from desktop_app.store.models import AuditEntry, Person, StageEvent
    from desktop_app.store.search_index import PersonIndex

    return (Person.select().count(), StageEvent.select().count(), AuditEntry.select().count(),
            PersonIndex.select().count())
