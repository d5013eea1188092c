"""The central member database's workbook written by the app: the layout another program expects (title rows, a
two-row merged header, data from row 8, every cell text), the check columns filled from the app's checks, the
summary's counts per branch against a recount of the records, and the whole read back unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.interchange import csdl_workbook
from desktop_app.services.interchange import csdl_import
from desktop_app.services.people import people
from tests import recount
from tests.interchange import csdl_peer

D = dt.date


def _members(branches):
    first, second = branches
    people.create_person({
        "full_name": "Hoàng Thị Xuân", "gender": "female", "birth_date": D(1985, 3, 8), "cccd": "011185000777",
        "ethnicity": "Thái", "religion": "Phật giáo", "status": "official", "admission_date": D(2010, 6, 1),
        "ceremony_date": D(2010, 6, 20), "official_date": D(2011, 6, 20), "card_number": "012345678901",
        "branch": first.id, "other_names": "Xuân Hoàng", "old_id_number": "040185777",
        "card_issued_on": D(2011, 9, 2), "card_issued_place": "Huyện ủy Mường Ảng", "card_number_qd85": "01.234.567",
        "home_town_country": "Việt Nam", "home_town_province": "Thái Bình", "home_town_detail": "xã Vũ Hội",
        "birth_place_country": "Lào", "birth_place_detail": "Bản Huổi Hốc",
        "residence_country": "Việt Nam", "residence_province": "Điện Biên", "residence_detail": "=HYPERLINK(\"x\")"})
    # An official member without a card number, admitted at 17: two problems.
    people.create_person({
        "full_name": "Lò Văn Minh", "gender": "male", "birth_date": D(1990, 5, 10), "cccd": "011190000123",
        "status": "official", "admission_date": D(2008, 5, 9), "ceremony_date": D(2008, 6, 1),
        "official_date": D(2009, 6, 1), "branch": second.id})
    # A probationary member, correct.
    people.create_person({
        "full_name": "Vừ A Páo", "gender": "male", "birth_date": D(1996, 9, 2), "cccd": "002096001234",
        "status": "probationary", "admission_date": D(2026, 3, 15), "ceremony_date": D(2026, 4, 1),
        "branch": second.id})


def test_layout_merged_header_and_text_cells(tmp_path, branches):
    from openpyxl import load_workbook

    _members(branches)
    path = tmp_path / "csdl.xlsx"
    count, bad = csdl_workbook.export_csdl(path)
    assert (count, bad) == (3, 1)
    wb = load_workbook(path)
    ws = wb["Đảng viên"]
    top, low, merges = csdl_peer.headers()
    assert {str(r) for r in ws.merged_cells.ranges} == set(merges)
    assert [ws.cell(6, c).value for c in range(1, len(top) + 1)] == [
        t if t != "Đề nghị xóa (Có/Không)" else "Đề nghị xóa" for t in top]
    assert [ws.cell(7, c).value for c in range(1, len(low) + 1)] == low
    rows = {ws.cell(r, 3).value: r for r in range(8, 11)}
    assert set(rows) == {"Hoàng Thị Xuân", "Lò Văn Minh", "Vừ A Páo"}
    for r in range(8, 11):
        for c in range(2, len(top) + 1):
            cell = ws.cell(r, c)
            assert cell.value is None or cell.data_type == "s", (r, c, cell.value)
    xuan = {key: ws.cell(rows["Hoàng Thị Xuân"], c).value for c, key in enumerate(csdl_peer.KEYS, 1)}
    assert xuan["cccd"] == "011185000777" and xuan["birth_date"] == "08/03/1985"
    assert xuan["residence_detail"] == "=HYPERLINK(\"x\")"  # text, never a formula
    assert xuan["status"] == "Đang sinh hoạt" and xuan["delete_proposed"] == "Không"
    assert xuan["check_result"] == "Passed" or xuan["check_result"] == "Hợp lệ"
    minh = {key: ws.cell(rows["Lò Văn Minh"], c).value for c, key in enumerate(csdl_peer.KEYS, 1)}
    assert minh["check_details"].count("\n") == 1 and minh["check_result"] != xuan["check_result"]


def test_summary_counts_against_a_recount(tmp_path, branches):
    from openpyxl import load_workbook

    from desktop_app.i18n import set_language

    set_language("vi")
    _members(branches)
    path = tmp_path / "csdl.xlsx"
    csdl_workbook.export_csdl(path)
    sheet = load_workbook(path)["Tổng hợp lỗi"]
    got = {row[0]: row[2:5] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    # The recount: official members with no card, admitted before 18 (by the calendar), per branch.
    rows = recount.query(
        "SELECT b.code, p.status, p.card_number, p.birth_date, p.admission_date FROM person p "
        "JOIN branch b ON b.id = p.branch_id WHERE p.deleted_at IS NULL")
    expected: dict[str, list[int]] = {}
    for code, status, card, birth, admitted in rows:
        problems = 0
        problems += status == "official" and not card
        born = D.fromisoformat(birth)
        problems += D.fromisoformat(admitted) < born.replace(year=born.year + 18)
        entry = expected.setdefault(code, [0, 0, 0])
        entry[0] += 1
        entry[1] += problems > 0
        entry[2] += problems
    assert {k: list(v) for k, v in got.items()} == expected


def test_what_is_written_reads_back_unchanged(tmp_path, branches):
    _members(branches)
    path = tmp_path / "csdl.xlsx"
    csdl_workbook.export_csdl(path)
    data = csdl_workbook.read(path)
    assert data.header_row == 7 and csdl_workbook.unread_headers(data) == []
    plan = csdl_import.plan_rows(csdl_workbook.rows(data))
    assert [(r.action, r.errors, r.notes) for r in plan.rows] == [("same", [], [])] * 3


@pytest.mark.file_only
def test_libreoffice_reads_it(tmp_path, branches):
    import shutil
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice is needed (.ci/run installs libreoffice-calc-nogui)"
    _members(branches)
    path = tmp_path / "csdl.xlsx"
    csdl_workbook.export_csdl(path)
    utf8_csv = "csv:Text - txt - csv (StarCalc):44,34,76,1"
    subprocess.run([office, "--headless", "--convert-to", utf8_csv, "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = (tmp_path / "csdl.csv").read_text(encoding="utf-8", errors="replace")
    assert "011185000777" in text and "Hoàng Thị Xuân" in text
