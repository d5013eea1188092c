"""The year's quality grading as a workbook: the table of the grading report (a line per branch with its counts
per grade, the share "completed tasks well or better" rounded as the report prints it, and the branch's grade),
every graded member with the steps of their grading, and the members not graded with their reason.

Every text cell is written as text (interchange.sheets); headers are Vietnamese, or English in an English
session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.member_codes import Grade, OrganisationGrade
from desktop_app.i18n import current_language, format_percent
from desktop_app.interchange.columns import DATE, INTEGER, NUMBER_COLUMN, TEXT, Column
from desktop_app.interchange.errors import check_target
from desktop_app.services.documents import report_data
from desktop_app.services.interchange import export_data
from desktop_app.services.year.summary import SHARE_DIGITS

TITLES = {"branches": ("Kết quả xếp loại", "Grading results"), "members": ("Đảng viên", "Members"),
          "not_graded": ("Không xếp loại", "Not graded")}
# The grades' headers, as the committees' report tables abbreviate them.
GRADE_HEADERS = {Grade.EXCELLENT: ("HTXSNV", "Excellent"), Grade.GOOD: ("HTTNV", "Good"),
                 Grade.COMPLETED: ("HTNV", "Completed"), Grade.NOT_COMPLETED: ("KHTNV", "Not completed")}

BRANCH_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("code", "Mã chi bộ", "Branch code", kind=TEXT, width=12),
    Column("name", "Chi bộ", "Branch", kind=TEXT, width=34),
    Column("members", "Số đảng viên", "Members", kind=INTEGER, width=11),
    Column("graded", "Được xếp loại", "Graded", kind=INTEGER, width=11),
    *(Column(code, vi, en, kind=INTEGER, width=10) for code, (vi, en) in GRADE_HEADERS.items()),
    Column("waiting", "Chưa xếp loại", "Not yet graded", kind=INTEGER, width=11),
    Column("not_graded", "Không xếp loại", "Not graded", kind=INTEGER, width=11),
    Column("share", "Tốt trở lên", "Well or better", kind=TEXT, width=11),
    Column("branch_grade", "Xếp loại chi bộ", "Branch's grade", kind=TEXT, width=26),
    Column("graded_on", "Ngày xếp loại chi bộ", "Branch graded on", kind=DATE, width=13),
)
MEMBER_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch", "Chi bộ", "Branch", kind=TEXT, width=30),
    Column("name", "Họ và tên", "Full name", kind=TEXT, width=26),
    Column("self_grade", "Tự nhận mức", "Self-assessment", kind=TEXT, width=24),
    Column("branch_grade", "Chi bộ đề nghị", "Branch's proposal", kind=TEXT, width=24),
    Column("branch_yes", "Tán thành", "Votes in favour", kind=INTEGER, width=9),
    Column("branch_voters", "Số biểu quyết", "Voting", kind=INTEGER, width=9),
    Column("committee_grade", "Cấp ủy quyết định", "Committee's grade", kind=TEXT, width=24),
    Column("committee_on", "Ngày quyết định", "Decided on", kind=DATE, width=12),
    Column("remarks", "Ghi chú", "Note", kind=TEXT, width=40),
)
NOT_GRADED_COLUMNS: tuple[Column, ...] = (
    NUMBER_COLUMN,
    Column("branch", "Chi bộ", "Branch", kind=TEXT, width=30),
    Column("name", "Họ và tên", "Full name", kind=TEXT, width=26),
    Column("reason", "Lý do", "Reason", kind=TEXT, width=60),
)


@dataclass(frozen=True)
class GradingExport:
    branches: int
    members: int
    not_graded: int


def _share(part: int, whole: int) -> str:
    return format_percent(part, digits=SHARE_DIGITS, whole=whole) if whole else ""


def _branch_rows(data) -> list[list[Any]]:
    rows = []
    for n, line in enumerate(data.branches, 1):
        s = line.members
        rows.append([n, line.code, line.name, s.members, s.graded, *(s.counts[c] for c in Grade.codes()), s.waiting,
                     len(s.not_graded), _share(s.good_or_better, s.graded),
                     OrganisationGrade.label(line.grade) if line.grade else "", line.graded_on])
    t = data.totals
    rows.append([None, "", "Σ", t.members, t.graded, *(t.counts[c] for c in Grade.codes()), t.waiting,
                 len(t.not_graded), _share(t.good_or_better, t.graded), "", None])
    return rows


def export_grading(path: Path, *, year: int, branch_id: int | None = None, lang: str | None = None) \
        -> GradingExport:
    """Write the grading of *year* (one branch, or the organisation) to *path*. ValidationError when no round is
    open for the year; nothing is written then."""
    from desktop_app.interchange import sheets

    check_target(path)
    lang = lang or current_language()
    data = report_data.grading_data(year, branch_id)
    branch_names = {line.branch_id: line.name for line in data.branches}
    members = [[n, branch_names.get(m.branch_id, ""), m.name, Grade.label(m.self_grade) if m.self_grade else "",
                Grade.label(m.branch_grade) if m.branch_grade else "", m.branch_yes, m.branch_voters,
                Grade.label(m.committee_grade) if m.committee_grade else "", m.committee_on, "; ".join(m.remarks)]
               for n, m in enumerate(data.members, 1)]
    missing = [[n, x.branch_name, x.name, x.reason_text] for n, x in enumerate(data.not_graded, 1)]
    workbook = sheets.new_workbook()
    try:
        for key, columns, rows in (("branches", BRANCH_COLUMNS, _branch_rows(data)),
                                   ("members", MEMBER_COLUMNS, members),
                                   ("not_graded", NOT_GRADED_COLUMNS, missing)):
            vi, en = TITLES[key]
            headers = [c.header(lang) for c in columns]
            widths = sheets.fitted_widths(columns, headers, rows)
            sheets.add_sheet(workbook, vi if lang == "vi" else en, columns, headers, rows, widths=widths)
        with export_data.recorded_export("grading", str(path), len(members), branch_id, year=year):
            sheets.save(workbook, path)  # recorded first: no file without its audit entry
    finally:
        sheets.discard(workbook)
    return GradingExport(len(data.branches), len(members), len(missing))
