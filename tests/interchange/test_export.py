"""Exports as a user opens them: Vietnamese (or English) headers, identifiers as text with their
leading zeros, real dates shown dd/mm/yyyy, a frozen bold header with a filter, sensible widths."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.interchange import xlsx_export
from desktop_app.interchange.columns import MEMBER_COLUMNS, guess_mapping
from desktop_app.interchange.errors import WorkbookError
from desktop_app.services.people import people
from desktop_app.store.models import Attendance, AuditEntry, Meeting


@pytest.fixture
def register(branches):
    first, second = branches
    duc = people.create_person({"full_name": "Nguyễn Văn Đức", "gender": "male", "birth_date": dt.date(1975, 4, 2),
                                "cccd": "001075000011", "status": "official", "branch": first.id,
                                "admission_date": dt.date(2000, 5, 19), "official_date": dt.date(2001, 5, 19),
                                "card_number": "00123456", "categories": ["farmer", "veteran"],
                                "youth_union": False, "theory_level": "intermediate"})
    hoa = people.create_person({"full_name": "Lò Thị Hoa Ban Trắng Muốt Cả Một Góc Trời", "gender": "female",
                                "status": "probationary", "branch": second.id, "ceremony_date": dt.date(2025, 12, 1)})
    lan = people.create_person({"full_name": "Cầm Thị Lan", "gender": "female", "status": "sympathiser",
                                "branch": first.id, "youth_union": True})
    return first, second, duc, hoa, lan


def _sheet(path, index=0):
    return load_workbook(path).worksheets[index]


def _by_header(ws):
    header = [c.value for c in ws[1]]
    return {h: i + 1 for i, h in enumerate(header)}


def test_member_export_looks_right(tmp_path, register):
    path = tmp_path / "members.xlsx"
    assert xlsx_export.export_people("members", path, lang="vi") == 2
    wb = load_workbook(path)
    assert wb.sheetnames == ["Đảng viên", "Hướng dẫn"]
    ws = wb.worksheets[0]
    col = _by_header(ws)
    assert list(col)[:5] == ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}3"
    # Sorted by branch code, then name; Đức is in CB01.
    assert ws.cell(2, col["Họ và tên"]).value == "Nguyễn Văn Đức"
    cccd = ws.cell(2, col["Số CCCD"])
    assert cccd.value == "001075000011" and cccd.data_type == "s" and cccd.number_format == "@"
    card = ws.cell(2, col["Số thẻ đảng"])
    assert card.value == "00123456" and card.number_format == "@"
    birth = ws.cell(2, col["Ngày sinh"])
    assert birth.is_date and birth.value.date() == dt.date(1975, 4, 2) and birth.number_format == "DD/MM/YYYY"
    assert ws.cell(2, col["Trạng thái"]).value == "Đảng viên chính thức"
    assert ws.cell(3, col["Trạng thái"]).value == "Đảng viên dự bị"
    assert ws.cell(2, col["Giới tính"]).value == "Nam" and ws.cell(3, col["Giới tính"]).value == "Nữ"
    assert ws.cell(2, col["Đối tượng"]).value == "Nông dân; Quân nhân xuất ngũ"
    assert ws.cell(2, col["Lý luận chính trị"]).value == "Trung cấp"
    assert ws.cell(2, col["Mã chi bộ"]).value == "CB01" and ws.cell(3, col["Chi bộ"]).value == "Chi bộ thôn Nà Sản"
    # The long name widens its column; the CCCD column stays Text for values typed later.
    name_letter = ws.cell(1, col["Họ và tên"]).column_letter
    assert ws.column_dimensions[name_letter].width >= len("Lò Thị Hoa Ban Trắng Muốt Cả Một Góc Trời")
    assert ws.column_dimensions[cccd.column_letter].number_format == "@"
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    # Too wide to shrink onto one A4 page readably: it prints across pages, each repeating No. and name.
    assert ws.print_title_cols == "$A:$B" and not ws.sheet_properties.pageSetUpPr.fitToPage
    assert wb.worksheets[1].sheet_properties.pageSetUpPr.fitToPage  # the narrow help sheet fits the width
    assert {dv.formula1 for dv in ws.data_validations.dataValidation} >= {'"Nam,Nữ"'}
    # The headers are the ones the importer recognises, every one of them.
    assert set(guess_mapping([c.value for c in ws[1]]).values()) == {c.key for c in MEMBER_COLUMNS}
    assert AuditEntry.select().where(AuditEntry.action == "export").count() == 1


def test_candidate_export_in_english_without_party_columns(tmp_path, register):
    path = tmp_path / "candidates.xlsx"
    assert xlsx_export.export_people("candidates", path, lang="en") == 1
    ws = _sheet(path)
    col = _by_header(ws)
    assert "Party card number" not in col and "Official date" not in col and "Admission date" in col
    assert ws.cell(2, col["Full name"]).value == "Cầm Thị Lan"
    assert ws.cell(2, col["Status"]).value == "Party sympathiser"
    assert ws.cell(2, col["Youth Union member"]).value == "Yes"


def test_export_command_with_branch_and_language(tmp_path, register, capsys):
    from desktop_app.store.db import current_location as current_path

    db = str(current_path())
    out = tmp_path / "cb02.xlsx"
    assert main(["export", "members", "--db", db, "-o", str(out), "--branch", "CB02", "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"Exported 1 member to {out}."
    ws = _sheet(out)
    assert ws.cell(1, 2).value == "Full name" and ws.max_row == 2
    assert main(["export", "members", "--db", db, "-o", str(tmp_path / "x.xlsx"), "--branch", "ZZ"]) != 0
    assert main(["export", "members", "--db", db, "-o", str(tmp_path / "x.csv")]) != 0
    assert main(["export", "members", "--db", db, "-o", str(tmp_path / "no" / "x.xlsx")]) != 0
    assert "Traceback" not in capsys.readouterr().err


def test_template_has_headers_and_help_only(tmp_path, db):
    path = tmp_path / "template.xlsx"
    assert xlsx_export.export_people("members", path, lang="vi", template=True) == 0
    wb = load_workbook(path)
    assert wb.worksheets[0].max_row == 1
    help_rows = [[c.value for c in row] for row in wb.worksheets[1].iter_rows(min_row=2)]
    assert any("Đảng viên chính thức" in (text or "") for _column, text in help_rows)


def test_meetings_export_with_attendance(tmp_path, register, capsys):
    first, _second, duc, hoa, lan = register
    meeting = Meeting.create(branch=first, date=dt.date(2026, 3, 3), kind="thematic", start_time="08:00",
                             end_time="10:30", chair=duc, secretary=hoa, theme="Học tập Nghị quyết",
                             status="adopted", fees_collected=250000)
    Attendance.create(meeting=meeting, person=duc, status="present", member_status="official")
    Attendance.create(meeting=meeting, person=hoa, status="excused", reason="Ốm", member_status="probationary")
    Attendance.create(meeting=meeting, person=lan, status="guest", member_status="sympathiser")
    Meeting.create(branch=first, date=dt.date(2025, 3, 3))
    path = tmp_path / "meetings.xlsx"
    assert xlsx_export.export_meetings(path, lang="vi") == (2, 3)
    assert xlsx_export.export_meetings(tmp_path / "y.xlsx", year=2026, lang="vi") == (1, 3)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Sinh hoạt chi bộ", "Điểm danh"]
    ws = wb.worksheets[0]
    col = _by_header(ws)
    row = 3  # by date: 2025 first
    assert ws.cell(row, col["Ngày họp"]).value.date() == dt.date(2026, 3, 3)
    assert ws.cell(row, col["Ngày họp"]).number_format == "DD/MM/YYYY"
    assert ws.cell(row, col["Loại sinh hoạt"]).value == "Chuyên đề"
    assert ws.cell(row, col["Chủ trì"]).value == "Nguyễn Văn Đức"
    assert ws.cell(row, col["Biên bản"]).value == "Đã thông qua"
    assert [ws.cell(row, col[h]).value for h in ("Tổng số", "Có mặt", "Vắng có lý do", "Vắng không lý do")] \
        == [2, 1, 1, 0]
    assert ws.cell(row, col["Bắt đầu"]).value == "08:00"
    ws = wb.worksheets[1]
    col = _by_header(ws)
    names = [ws.cell(r, col["Họ và tên"]).value for r in range(2, ws.max_row + 1)]
    assert names == ["Nguyễn Văn Đức", "Lò Thị Hoa Ban Trắng Muốt Cả Một Góc Trời", "Cầm Thị Lan"] or \
        sorted(names) == sorted(["Nguyễn Văn Đức", "Lò Thị Hoa Ban Trắng Muốt Cả Một Góc Trời", "Cầm Thị Lan"])
    statuses = {ws.cell(r, col["Họ và tên"]).value: (ws.cell(r, col["Điểm danh"]).value, ws.cell(r, col["Lý do"]).value)
                for r in range(2, ws.max_row + 1)}
    assert statuses["Lò Thị Hoa Ban Trắng Muốt Cả Một Góc Trời"] == ("Vắng có lý do", "Ốm")
    assert ws.freeze_panes == "A2"


def test_meetings_command(tmp_path, register, capsys):
    from desktop_app.store.db import current_location as current_path

    out = tmp_path / "m.xlsx"
    assert main(["export", "meetings", "--db", str(current_path()), "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"Exported 0 meetings and 0 attendance rows to {out}."


def test_unwritable_target_is_refused_before_any_work(tmp_path, db):
    with pytest.raises(WorkbookError):
        xlsx_export.export_people("members", tmp_path / "missing" / "x.xlsx")
    with pytest.raises(WorkbookError):
        xlsx_export.export_people("members", tmp_path)
