"""Exporting members, candidates and meetings (with attendance) to .xlsx.

The member and candidate workbooks double as import templates: same headers as the importer
recognises, drop-down lists for the coded columns, identifiers as text, and a sheet that explains
how to fill each column. Headers and values are Vietnamese, or English when the language is en.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from desktop_app.i18n import _, current_language
from desktop_app.interchange.columns import (
    ATTENDANCE_COLUMNS,
    CANDIDATE_COLUMNS,
    MEETING_COLUMNS,
    MEMBER_COLUMNS,
    Column,
)
from desktop_app.interchange.errors import check_target
from desktop_app.interchange.progress import CountProgress, Progress
from desktop_app.services.interchange import export_data, value_labels
from desktop_app.services.interchange.import_rows import ALLOWED_STATUS, CANDIDATES, KINDS, MEMBERS

SHEET_TITLES = {
    MEMBERS: ("Đảng viên", "Members"),
    CANDIDATES: ("Quần chúng", "Candidates"),
    "meetings": ("Sinh hoạt chi bộ", "Meetings"),
    "attendance": ("Điểm danh", "Attendance"),
    "help": ("Hướng dẫn", "How to fill in"),
}
_CODED = {"gender": "gender", "status": "status", "theory_level": "theory_level"}


def sheet_title(what: str, lang: str) -> str:
    vi, en = SHEET_TITLES[what]
    return vi if lang == "vi" else en


def person_columns(kind: str) -> tuple[Column, ...]:
    return MEMBER_COLUMNS if kind == MEMBERS else CANDIDATE_COLUMNS


def _person_values(columns: tuple[Column, ...], row: dict[str, Any], number: int, lang: str) -> list[Any]:
    values = []
    for column in columns:
        key = column.key
        value = row.get(key)
        if key == "_number":
            value = number
        elif key in _CODED:
            value = value_labels.label(_CODED[key], value, lang)
        elif key == "categories":
            value = "; ".join(value_labels.label("category", c, lang) for c in (value or "").split(",") if c)
        elif key in ("youth_union", "trade_union"):
            value = value_labels.flag_label(bool(value), lang)
        values.append(value)
    return values


def _person_choices(kind: str, columns: tuple[Column, ...], lang: str) -> dict[int, list[str]]:
    lists = {"gender": value_labels.labels("gender", lang),
             "status": [value_labels.label("status", c, lang) for c in ALLOWED_STATUS[kind]],
             "theory_level": value_labels.labels("theory_level", lang),
             "youth_union": [value_labels.flag_label(True, lang)],
             "trade_union": [value_labels.flag_label(True, lang)]}
    return {i: lists[c.key] for i, c in enumerate(columns) if c.key in lists}


def _help_rows(kind: str, lang: str) -> list[list[str]]:
    """What to write in each column that has a rule, in the export's language."""
    def col(key: str) -> str:
        return next(c.header(lang) for c in person_columns(kind) if c.key == key)

    statuses = ", ".join(value_labels.label("status", c, lang) for c in ALLOWED_STATUS[kind])
    rows = [
        [col("full_name"), _("Required. One person a row.")],
        [col("gender"), ", ".join(value_labels.labels("gender", lang)) + ". " + _("Required.")],
        [col("birth_date"), _("A date cell, or text written dd/mm/yyyy (for example 05/09/1990).")],
        [col("cccd"), _("12 digits. Keep the column formatted as Text: Excel drops the leading zero of numbers.")],
        [col("branch"), _("The branch code or name. Rows without one go to the branch chosen when importing.")],
        [col("status"), statuses + ". " + _("Empty: see the note below.")],
        [col("categories"), "; ".join(value_labels.labels("category", lang)) + ". " +
         _("Several are separated by semicolons.")],
        [col("theory_level"), ", ".join(value_labels.labels("theory_level", lang))],
        [col("youth_union") + ", " + col("trade_union"), _("“{yes}” or empty.").format(
            yes=value_labels.flag_label(True, lang))],
    ]
    if kind == MEMBERS:
        rows.append([col("status"), _("An empty status means an official member, or a probationary member when "
                                      "the ceremony date is less than 12 months ago and no official date is given.")])
    else:
        rows.append([col("status"), _("An empty status means an outstanding mass member.")])
    return rows


def export_people(kind: str, path: Path, *, branch_id: int | None = None, lang: str | None = None,
                  template: bool = False, progress: Progress | None = None) -> int:
    """Write the members or candidates (of one branch, or all) to *path*, a row at a time; returns how many.
    With *template*, only the headers, drop-down lists and instructions. *progress* is told the rows
    written and may raise to stop: no file is then written."""
    from desktop_app.interchange import sheets

    if kind not in KINDS:
        raise ValueError(kind)
    check_target(path)
    lang = lang or current_language()
    columns = person_columns(kind)
    headers = [c.header(lang) for c in columns]
    report = CountProgress(progress, 0 if template else export_data.people_count(kind, branch_id))
    records = iter(()) if template else export_data.people(kind, branch_id)
    widths, rows = sheets.fitted(columns, headers, (_person_values(columns, r, i, lang)
                                                    for i, r in enumerate(records, 1)))
    workbook = sheets.new_workbook()
    try:
        count = sheets.add_sheet(workbook, sheet_title(kind, lang), columns, headers, rows, widths=widths,
                                 choices=_person_choices(kind, columns, lang), progress=report)
        report(count)  # the last chance to stop: nothing is written yet
        help_columns = (Column("column", "Cột", "Column", width=28),
                        Column("rule", "Cách ghi", "What to write", width=100))
        sheets.add_sheet(workbook, sheet_title("help", lang), help_columns, [c.header(lang) for c in help_columns],
                         _help_rows(kind, lang))
        # Recorded in the audit trail before the file is written (no file without its entry).
        recording = contextlib.nullcontext() if template else export_data.recorded_export(kind, path, count,
                                                                                          branch_id)
        with recording:
            sheets.save(workbook, path)
    finally:
        sheets.discard(workbook)
    return count


def _meeting_values(row: dict[str, Any], number: int, lang: str) -> list[Any]:
    labelled = dict(row, _number=number, kind=value_labels.label("meeting_kind", row["kind"], lang),
                    status=value_labels.label("meeting_status", row["status"], lang))
    return [labelled.get(c.key) for c in MEETING_COLUMNS]


def _attendance_rows(branch_id: int | None, year: int | None, lang: str):
    for number, row in enumerate(export_data.attendance(branch_id, year), 1):
        row = dict(row, _number=number, status=value_labels.label("attendance", row["status"], lang),
                   member_status=value_labels.label("status", row["member_status"], lang))
        yield [row.get(c.key) for c in ATTENDANCE_COLUMNS]


def export_meetings(path: Path, *, branch_id: int | None = None, year: int | None = None,
                    lang: str | None = None, progress: Progress | None = None) -> tuple[int, int]:
    """Meetings on one sheet, attendance on another (continued on further sheets past Excel's row
    limit), a row at a time; returns (meetings, attendance rows). *progress* as for ``export_people``."""
    from desktop_app.interchange import sheets

    check_target(path)
    lang = lang or current_language()
    total = export_data.meetings_count(branch_id, year) + export_data.attendance_count(branch_id, year)
    report = CountProgress(progress, total)
    headers = [c.header(lang) for c in MEETING_COLUMNS]
    widths, rows = sheets.fitted(MEETING_COLUMNS, headers, (_meeting_values(r, i, lang) for i, r in
                                                            enumerate(export_data.meetings(branch_id, year), 1)))
    workbook = sheets.new_workbook()
    try:
        meetings = sheets.add_sheet(workbook, sheet_title("meetings", lang), MEETING_COLUMNS, headers, rows,
                                    widths=widths, progress=report)
        attendance_rows = _attendance_rows(branch_id, year, lang)
        headers = [c.header(lang) for c in ATTENDANCE_COLUMNS]
        attended, part = 0, 1
        while True:
            title = sheet_title("attendance", lang) + (f" ({part})" if part > 1 else "")
            done = meetings + attended
            written = sheets.add_sheet(workbook, title, ATTENDANCE_COLUMNS, headers, attendance_rows,
                                       progress=lambda n, done=done: report(done + n))
            attended += written
            if written < sheets.MAX_ROWS - 1:
                break
            part += 1
        report(meetings + attended)  # the last chance to stop: nothing is written yet
        # Recorded in the audit trail before the file is written (no file without its entry).
        with export_data.recorded_export("meeting", path, meetings, branch_id, attendance=attended):
            sheets.save(workbook, path)
    finally:
        sheets.discard(workbook)
    return meetings, attended
